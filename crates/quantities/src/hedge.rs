//! Hedge wording around a number and the interval each one allows (docs/quantities.md has the
//! table): "about 8,000" is ±10 %, "nearly 12,000" is the 10 % below, "up to 30,000" starts
//! at zero, "fewer than 100" and "more than 10" are open on one side.

use claims_model::Hedge;

/// How a hedge turns the stated figure into an interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bound {
    /// The figure itself ("8,000", "exactly 8,000", "equal to 20").
    Exact,
    /// about, around, roughly, some, an estimated: [0.9·N, 1.1·N].
    Approx,
    /// nearly, almost, close to, just under: [0.9·N, N].
    NearBelow,
    /// just over, slightly more than: [N, 1.1·N].
    JustOver,
    /// up to, as many as: [0, N].
    UpTo,
    /// at most, fewer than, under, below, N or less: (open, N].
    AtMost,
    /// at least, more than, over, above, N+, N or more: [N, open).
    AtLeast,
}

impl Bound {
    /// The interval `[lo, hi]` (a point when equal) allowed under this hedge.
    pub(crate) fn apply(self, lo: f64, hi: f64) -> (Option<f64>, Option<f64>) {
        // Tenths as integer ratios keep round figures round (11,000 × 11 / 10 = 12,100 exactly).
        let widen = |v: f64, f: f64| v * (f * 10.0).round() / 10.0;
        match self {
            Bound::Exact => (Some(lo), Some(hi)),
            Bound::Approx => {
                let (a, b) = (widen(lo, 0.9), widen(hi, 1.1));
                (
                    Some(a.min(b).min(widen(lo, 1.1))),
                    Some(b.max(a).max(widen(hi, 0.9))),
                )
            }
            Bound::NearBelow => {
                let a = widen(lo, 0.9);
                (Some(a.min(hi)), Some(hi.max(a)))
            }
            Bound::JustOver => {
                let b = widen(hi, 1.1);
                (Some(lo.min(b)), Some(b.max(lo)))
            }
            Bound::UpTo => (Some(0f64.min(hi)), Some(hi.max(0.0))),
            Bound::AtMost => (None, Some(hi)),
            Bound::AtLeast => (Some(lo), None),
        }
    }

    /// The model's hedge for this bound; `magnitude` for "thousands"-style figures.
    pub(crate) fn hedge(self, magnitude: bool) -> Hedge {
        match self {
            Bound::Exact if magnitude => Hedge::OrderOfMagnitude,
            Bound::Exact => Hedge::Exact,
            Bound::Approx => Hedge::Approximate,
            Bound::NearBelow | Bound::UpTo | Bound::AtMost => Hedge::UpperBound,
            Bound::JustOver | Bound::AtLeast => Hedge::LowerBound,
        }
    }

    /// Is one side of the interval open?
    pub(crate) fn is_open(self) -> bool {
        matches!(self, Bound::AtMost | Bound::AtLeast)
    }
}

/// Hedges written before the number, as lower-cased tokens (symbols are one-character tokens).
/// Longer phrases are tried first, so "no more than" wins over "more than".
pub(crate) static PREFIX_HEDGES: &[(&[&str], Bound)] = &[
    // Comparisons with "or equal" first: they are the longest.
    (&["less", "than", "or", "equal", "to"], Bound::AtMost),
    (&["smaller", "than", "or", "equal", "to"], Bound::AtMost),
    (&["fewer", "than", "or", "equal", "to"], Bound::AtMost),
    (&["lower", "than", "or", "equal", "to"], Bound::AtMost),
    (&["more", "than", "or", "equal", "to"], Bound::AtLeast),
    (&["greater", "than", "or", "equal", "to"], Bound::AtLeast),
    (&["larger", "than", "or", "equal", "to"], Bound::AtLeast),
    (&["bigger", "than", "or", "equal", "to"], Bound::AtLeast),
    (&["higher", "than", "or", "equal", "to"], Bound::AtLeast),
    (&["equal", "to", "or", "less", "than"], Bound::AtMost),
    (&["equal", "to", "or", "fewer", "than"], Bound::AtMost),
    (&["equal", "to", "or", "lower", "than"], Bound::AtMost),
    (&["equal", "to", "or", "more", "than"], Bound::AtLeast),
    (&["equal", "to", "or", "greater", "than"], Bound::AtLeast),
    (&["equal", "to", "or", "higher", "than"], Bound::AtLeast),
    (&["at", "least", "or", "equal", "to"], Bound::AtLeast),
    (&["at", "most", "or", "equal", "to"], Bound::AtMost),
    (&["less", "or", "equal", "than"], Bound::AtMost),
    (&["smaller", "or", "equal", "than"], Bound::AtMost),
    (&["lower", "or", "equal", "than"], Bound::AtMost),
    (&["more", "or", "equal", "than"], Bound::AtLeast),
    (&["greater", "or", "equal", "than"], Bound::AtLeast),
    (&["bigger", "or", "equal", "than"], Bound::AtLeast),
    (&["larger", "or", "equal", "than"], Bound::AtLeast),
    (&["higher", "or", "equal", "than"], Bound::AtLeast),
    (&["less", "than", "or", "equal"], Bound::AtMost),
    (&["well", "in", "excess", "of"], Bound::AtLeast),
    (&["in", "the", "region", "of"], Bound::Approx),
    (&["on", "the", "order", "of"], Bound::Approx),
    (&["in", "the", "order", "of"], Bound::Approx),
    (&["somewhere", "in", "the", "region", "of"], Bound::Approx),
    (&["in", "excess", "of"], Bound::AtLeast),
    (&["a", "little", "more", "than"], Bound::JustOver),
    (&["a", "little", "over"], Bound::JustOver),
    (&["a", "maximum", "of"], Bound::AtMost),
    (&["a", "minimum", "of"], Bound::AtLeast),
    (&["no", "more", "than"], Bound::AtMost),
    (&["not", "more", "than"], Bound::AtMost),
    (&["no", "greater", "than"], Bound::AtMost),
    (&["no", "higher", "than"], Bound::AtMost),
    (&["no", "less", "than"], Bound::AtLeast),
    (&["not", "less", "than"], Bound::AtLeast),
    (&["no", "fewer", "than"], Bound::AtLeast),
    (&["not", "fewer", "than"], Bound::AtLeast),
    (&["slightly", "more", "than"], Bound::JustOver),
    (&["just", "more", "than"], Bound::JustOver),
    (&["slightly", "less", "than"], Bound::NearBelow),
    (&["just", "less", "than"], Bound::NearBelow),
    (&["just", "shy", "of"], Bound::NearBelow),
    (&["as", "many", "as"], Bound::UpTo),
    (&["as", "much", "as"], Bound::UpTo),
    (&["as", "high", "as"], Bound::UpTo),
    (&["as", "few", "as"], Bound::Exact),
    (&["an", "estimated"], Bound::Approx),
    (&["approx", "."], Bound::Approx),
    (&["ca", "."], Bound::Approx),
    (&["c", "."], Bound::Approx),
    (&["an", "approximate"], Bound::Approx),
    (&["more", "or", "less"], Bound::Approx),
    (&["somewhere", "around"], Bound::Approx),
    (&["up", "to"], Bound::UpTo),
    (&["at", "most"], Bound::AtMost),
    (&["at", "least"], Bound::AtLeast),
    (&["more", "than"], Bound::AtLeast),
    (&["greater", "than"], Bound::AtLeast),
    (&["larger", "than"], Bound::AtLeast),
    (&["bigger", "than"], Bound::AtLeast),
    (&["higher", "than"], Bound::AtLeast),
    (&["fewer", "than"], Bound::AtMost),
    (&["less", "than"], Bound::AtMost),
    (&["smaller", "than"], Bound::AtMost),
    (&["lower", "than"], Bound::AtMost),
    (&["well", "over"], Bound::AtLeast),
    (&["well", "above"], Bound::AtLeast),
    (&["well", "under"], Bound::AtMost),
    (&["well", "below"], Bound::AtMost),
    (&["upwards", "of"], Bound::AtLeast),
    (&["upward", "of"], Bound::AtLeast),
    (&["north", "of"], Bound::AtLeast),
    (&["close", "to"], Bound::NearBelow),
    (&["just", "under"], Bound::NearBelow),
    (&["just", "below"], Bound::NearBelow),
    (&["just", "over"], Bound::JustOver),
    (&["just", "above"], Bound::JustOver),
    (&["not", "quite"], Bound::NearBelow),
    (&["not", "exceeding"], Bound::AtMost),
    (&["equal", "to"], Bound::Exact),
    (&["equals", "to"], Bound::Exact),
    (&["equaling", "to"], Bound::Exact),
    (&["equalling", "to"], Bound::Exact),
    (&["maximum", "of"], Bound::AtMost),
    (&["minimum", "of"], Bound::AtLeast),
    (&["<", "="], Bound::AtMost),
    (&[">", "="], Bound::AtLeast),
    (&["about"], Bound::Approx),
    (&["around"], Bound::Approx),
    (&["approximately"], Bound::Approx),
    (&["approx"], Bound::Approx),
    (&["roughly"], Bound::Approx),
    (&["some"], Bound::Approx),
    (&["estimated"], Bound::Approx),
    (&["circa"], Bound::Approx),
    (&["ca"], Bound::Approx),
    (&["~"], Bound::Approx),
    (&["≈"], Bound::Approx),
    (&["nearly"], Bound::NearBelow),
    (&["almost"], Bound::NearBelow),
    (&["approaching"], Bound::NearBelow),
    (&["nearing"], Bound::NearBelow),
    (&["over"], Bound::AtLeast),
    (&["above"], Bound::AtLeast),
    (&["exceeding"], Bound::AtLeast),
    (&["exceed"], Bound::AtLeast),
    (&["exceeds"], Bound::AtLeast),
    (&["exceeded"], Bound::AtLeast),
    (&["surpass"], Bound::AtLeast),
    (&["surpasses"], Bound::AtLeast),
    (&["surpassed"], Bound::AtLeast),
    (&["surpassing"], Bound::AtLeast),
    (&["topping"], Bound::AtLeast),
    (&[">"], Bound::AtLeast),
    (&["≥"], Bound::AtLeast),
    (&["under"], Bound::AtMost),
    (&["below"], Bound::AtMost),
    (&["<"], Bound::AtMost),
    (&["≤"], Bound::AtMost),
    (&["max"], Bound::AtMost),
    (&["equals"], Bound::Exact),
    (&["equaling"], Bound::Exact),
    (&["equalling"], Bound::Exact),
    (&["exactly"], Bound::Exact),
    (&["precisely"], Bound::Exact),
    (&["="], Bound::Exact),
];

/// Hedges written after the number ("10,000 or more", "500 or fewer", "20 or so").
pub(crate) static SUFFIX_HEDGES: &[(&[&str], Bound)] = &[
    (&["or", "more"], Bound::AtLeast),
    (&["or", "greater"], Bound::AtLeast),
    (&["or", "higher"], Bound::AtLeast),
    (&["or", "above"], Bound::AtLeast),
    (&["or", "over"], Bound::AtLeast),
    (&["and", "more"], Bound::AtLeast),
    (&["and", "above"], Bound::AtLeast),
    (&["and", "over"], Bound::AtLeast),
    (&["and", "up"], Bound::AtLeast),
    (&["or", "less"], Bound::AtMost),
    (&["or", "fewer"], Bound::AtMost),
    (&["or", "lower"], Bound::AtMost),
    (&["or", "below"], Bound::AtMost),
    (&["or", "under"], Bound::AtMost),
    (&["and", "below"], Bound::AtMost),
    (&["and", "under"], Bound::AtMost),
    (&["or", "so"], Bound::Approx),
];
