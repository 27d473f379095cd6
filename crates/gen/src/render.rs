//! Wording: figures with hedges, dates in the forms news uses, and the sentences that state a
//! fact. Each form knows the interval it means, so the generator can choose a restatement that
//! provably overlaps (compatible) or provably misses (contradiction) the first statement.

use jiff::civil::Date;

use crate::rng::Rng;
use crate::tables::{Region, MONTHS, MONTHS_ABBR};

/// How a figure is hedged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hedge {
    Exact,
    About,
    Roughly,
    Some,
    Approximately,
    Nearly,
    AsManyAs,
    UpTo,
    AtLeast,
    MoreThan,
    TensOfThousands,
}

/// Hedges a first statement uses: all bounded above, so a much larger figure contradicts them.
pub const INTRO_HEDGES: &[Hedge] = &[
    Hedge::Exact,
    Hedge::About,
    Hedge::Roughly,
    Hedge::Approximately,
    Hedge::Nearly,
    Hedge::AsManyAs,
    Hedge::UpTo,
    Hedge::Some,
];

const ALL_HEDGES: &[Hedge] = &[
    Hedge::Exact,
    Hedge::About,
    Hedge::Roughly,
    Hedge::Some,
    Hedge::Approximately,
    Hedge::Nearly,
    Hedge::AsManyAs,
    Hedge::UpTo,
    Hedge::AtLeast,
    Hedge::MoreThan,
    Hedge::TensOfThousands,
];

impl Hedge {
    fn words(self) -> &'static str {
        match self {
            Hedge::Exact => "",
            Hedge::About => "about ",
            Hedge::Roughly => "roughly ",
            Hedge::Some => "some ",
            Hedge::Approximately => "approximately ",
            Hedge::Nearly => "nearly ",
            Hedge::AsManyAs => "as many as ",
            Hedge::UpTo => "up to ",
            Hedge::AtLeast => "at least ",
            Hedge::MoreThan => "more than ",
            Hedge::TensOfThousands => "tens of thousands of",
        }
    }

    /// What the phrase allows, widened as the checker widens it (docs/checker.md): an exact round
    /// figure ±5 %, another exact one ±1 %; `None` high is open.
    pub fn interval(self, v: u64) -> (f64, Option<f64>) {
        let v = v as f64;
        match self {
            Hedge::Exact if v >= 1000.0 && (v as u64) % 1000 == 0 => (0.95 * v, Some(1.05 * v)),
            Hedge::Exact => (0.99 * v, Some(1.01 * v)),
            Hedge::About | Hedge::Roughly | Hedge::Some | Hedge::Approximately => {
                (0.9 * v, Some(1.1 * v))
            }
            Hedge::Nearly => (0.9 * v, Some(v)),
            Hedge::AsManyAs | Hedge::UpTo => (0.0, Some(v)),
            Hedge::AtLeast | Hedge::MoreThan => (v, None),
            // The checker drops an order of magnitude's high bound.
            Hedge::TensOfThousands => (20_000.0, None),
        }
    }

    /// Interval notation for the truth file.
    pub fn value_text(self, v: u64) -> String {
        match self {
            Hedge::Exact => format!("{v}"),
            Hedge::About | Hedge::Roughly | Hedge::Some | Hedge::Approximately => {
                format!("~{v}")
            }
            Hedge::Nearly => format!("[~{v}, {v})"),
            Hedge::AsManyAs | Hedge::UpTo => format!("[0, {v}]"),
            Hedge::AtLeast | Hedge::MoreThan => format!("[{v}, inf)"),
            Hedge::TensOfThousands => "[20000, 99999]".to_string(),
        }
    }
}

/// "8,000", "12,500", "450".
pub fn thousands(v: u64) -> String {
    let s = v.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A hedged figure before its noun: "as many as 8,000", "tens of thousands of".
pub fn figure(h: Hedge, v: u64) -> String {
    match h {
        Hedge::TensOfThousands => h.words().to_string(),
        _ => format!("{}{}", h.words(), thousands(v)),
    }
}

fn overlap(a: (f64, Option<f64>), b: (f64, Option<f64>)) -> f64 {
    let lo = a.0.max(b.0);
    let hi = match (a.1, b.1) {
        (Some(x), Some(y)) => x.min(y),
        (Some(x), None) | (None, Some(x)) => x,
        (None, None) => f64::INFINITY,
    };
    hi - lo
}

/// A restatement of `v` first stated with `intro` that stays compatible: the same figure under
/// another hedge (every such pair shares at least the figure itself).
pub fn compatible_hedge(r: &mut Rng, intro: Hedge, v: u64) -> Hedge {
    let options: Vec<Hedge> = ALL_HEDGES
        .iter()
        .copied()
        .filter(|&h| h != intro)
        .filter(|&h| h != Hedge::TensOfThousands || (20_000..=99_999).contains(&v))
        .filter(|&h| overlap(intro.interval(v), h.interval(v)) >= 0.0)
        .collect();
    if options.is_empty() {
        intro
    } else {
        *r.pick(&options)
    }
}

/// A wrong figure for a fact first stated as `intro v`: far enough that the intervals are
/// disjoint by more than the checker's 10 % near-miss margin.
pub fn contradicting(r: &mut Rng, intro: Hedge, v: u64) -> (Hedge, u64) {
    let a = intro.interval(v);
    for _ in 0..16 {
        let down = r.chance(35) && a.0 > 0.0;
        let (h, w) = if down {
            let f = r.range(30, 55) as f64 / 100.0;
            let h = *r.pick(&[
                Hedge::Exact,
                Hedge::About,
                Hedge::UpTo,
                Hedge::AsManyAs,
                Hedge::Nearly,
            ]);
            (h, crate::world::round2((v as f64 * f) as u64))
        } else {
            let f = r.range(170, 350) as f64 / 100.0;
            let h = *r.pick(&[
                Hedge::Exact,
                Hedge::About,
                Hedge::AtLeast,
                Hedge::MoreThan,
                Hedge::Some,
            ]);
            (h, crate::world::round2((v as f64 * f) as u64))
        };
        let b = h.interval(w);
        let larger = v.max(w) as f64;
        if w != v && overlap(a, b) < -0.12 * larger {
            return (h, w);
        }
    }
    (Hedge::MoreThan, crate::world::round2(v.saturating_mul(4)))
}

/// The forms a date takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateForm {
    /// "November 29, 2024"
    DayUs,
    /// "Nov. 29, 2024"
    DayAbbr,
    /// "29 November 2024"
    DayEuro,
    /// "November 29" (the year from the publication date)
    DayYearless,
    /// "November 2024"
    Month,
    /// "early November 2024" (1–10)
    Early,
    /// "mid-November 2024" (11–20)
    Mid,
    /// "late November 2024" (21–end)
    Late,
    /// "the end of November 2024" (21–end)
    EndOf,
}

impl DateForm {
    pub fn is_day(self) -> bool {
        matches!(
            self,
            DateForm::DayUs | DateForm::DayAbbr | DateForm::DayEuro | DateForm::DayYearless
        )
    }

    /// The TIMEX-like value for the truth file.
    pub fn value_text(self, d: Date) -> String {
        let ym = format!("{:04}-{:02}", d.year(), d.month());
        match self {
            f if f.is_day() => format!("{ym}-{:02}", d.day()),
            DateForm::Month => ym,
            DateForm::Early => format!("{ym} (early)"),
            DateForm::Mid => format!("{ym} (mid)"),
            _ => format!("{ym} (late)"),
        }
    }
}

/// The forms true of `d` when written in an article published on `published`.
pub fn forms_for(d: Date, published: Date) -> Vec<DateForm> {
    let mut v = vec![
        DateForm::DayUs,
        DateForm::DayAbbr,
        DateForm::DayEuro,
        DateForm::Month,
    ];
    if d.year() == published.year() && d < published {
        v.push(DateForm::DayYearless);
    }
    match d.day() {
        1..=10 => v.push(DateForm::Early),
        11..=20 => v.push(DateForm::Mid),
        _ => v.extend([DateForm::Late, DateForm::EndOf]),
    }
    v
}

/// The date as written, without preposition.
pub fn date_words(f: DateForm, d: Date) -> String {
    let m = MONTHS[(d.month() - 1) as usize];
    let y = d.year();
    match f {
        DateForm::DayUs => format!("{m} {}, {y}", d.day()),
        DateForm::DayAbbr => format!("{} {}, {y}", MONTHS_ABBR[(d.month() - 1) as usize], d.day()),
        DateForm::DayEuro => format!("{} {m} {y}", d.day()),
        DateForm::DayYearless => format!("{m} {}", d.day()),
        DateForm::Month => format!("{m} {y}"),
        DateForm::Early => format!("early {m} {y}"),
        DateForm::Mid => format!("mid-{m} {y}"),
        DateForm::Late => format!("late {m} {y}"),
        DateForm::EndOf => format!("the end of {m} {y}"),
    }
}

/// The date with its preposition: "on November 29, 2024", "in early November 2024".
pub fn date_phrase(f: DateForm, d: Date) -> String {
    let w = date_words(f, d);
    match f {
        f if f.is_day() => format!("on {w}"),
        DateForm::EndOf => format!("at {w}"),
        _ => format!("in {w}"),
    }
}

/// Upper-cases the first letter.
pub fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A region as news writes it: "Russia's Kursk region", "the Kursk region", "Kursk Oblast".
pub fn place_phrase(r: &mut Rng, reg: &Region) -> String {
    let the = if reg.the { "the " } else { "" };
    match reg.stem {
        Some(stem) => match r.below(4) {
            0 => format!("{}'s {stem} region", reg.country),
            1 => format!("the {stem} region"),
            2 => reg.name.to_string(),
            _ => format!("the {stem} region of {}", reg.country),
        },
        None => match r.below(2) {
            0 => format!("{}'s {}", reg.country, reg.name),
            _ => format!("{the}{}", reg.name),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn figures_are_written_as_news_writes_them() {
        for (h, v, want) in [
            (Hedge::Exact, 8_000, "8,000"),
            (Hedge::AsManyAs, 8_000, "as many as 8,000"),
            (Hedge::About, 1_250_000, "about 1,250,000"),
            (Hedge::Nearly, 450, "nearly 450"),
            (Hedge::TensOfThousands, 30_000, "tens of thousands of"),
        ] {
            assert_eq!(figure(h, v), want);
        }
    }

    #[test]
    fn compatible_hedges_overlap_and_contradictions_miss() {
        let mut r = Rng::derive(5, 0, 0, 0);
        for &h in INTRO_HEDGES {
            for v in [40u64, 450, 8_000, 35_000, 620_000] {
                let c = compatible_hedge(&mut r, h, v);
                assert_ne!(c, h);
                assert!(
                    overlap(h.interval(v), c.interval(v)) >= 0.0,
                    "{h:?} {c:?} {v}"
                );
                let (ch, w) = contradicting(&mut r, h, v);
                let gap = -overlap(h.interval(v), ch.interval(w));
                assert!(gap > 0.1 * v.max(w) as f64, "{h:?} {v} vs {ch:?} {w}");
            }
        }
    }

    #[test]
    fn date_forms() {
        let d = date(2024, 11, 29);
        for (f, want) in [
            (DateForm::DayUs, "on November 29, 2024"),
            (DateForm::DayAbbr, "on Nov. 29, 2024"),
            (DateForm::DayEuro, "on 29 November 2024"),
            (DateForm::DayYearless, "on November 29"),
            (DateForm::Month, "in November 2024"),
            (DateForm::Late, "in late November 2024"),
            (DateForm::EndOf, "at the end of November 2024"),
        ] {
            assert_eq!(date_phrase(f, d), want);
        }
        assert_eq!(
            date_phrase(DateForm::Mid, date(2023, 3, 15)),
            "in mid-March 2023"
        );
        let f = forms_for(date(2024, 6, 4), date(2024, 7, 1));
        assert!(f.contains(&DateForm::Early) && f.contains(&DateForm::DayYearless));
        assert!(!f.contains(&DateForm::Late));
        // A date of last year is never written without its year.
        assert!(!forms_for(date(2023, 12, 20), date(2024, 1, 3)).contains(&DateForm::DayYearless));
    }
}
