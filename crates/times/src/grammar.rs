//! The grammar of time expressions: at each token, every pattern tries to match and the longest
//! match wins. Each pattern both recognizes its phrase and resolves it (TIMEX3 value, days
//! covered, granularity) against the reference date, because resolution needs the very pieces
//! the pattern just read.
//!
//! The rules are written down with examples in docs/times.md; the tests in tests/rules.rs check
//! every row of those tables.

use std::cell::Cell;

use claims_model::{Granularity, TimeType};
use jiff::civil::Date;

use crate::calendar::{self as cal, ymd};
use crate::lexicon::{self, Unit};
use crate::tense::{self, tense_around, Tense};
use crate::token::{Tok, TokKind};

/// A matched time expression, in token positions.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    pub kind: TimeType,
    pub value: String,
    pub interval: Option<(Date, Date)>,
    pub gran: Option<Granularity>,
    /// The calendar pieces of an absolute date, so that a range can lend its year to the
    /// other end ("from June to August 2024").
    pub cal: Option<CalParts>,
}

/// Year (when written), month and day (when written) of an absolute date.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CalParts {
    pub year: Option<i32>,
    pub month: u8,
    pub day: Option<u8>,
}

/// `Grammar::amount` at one token: not yet computed (None), or its result.
pub(crate) type AmountMemo = Cell<Option<Option<(Amount, usize)>>>;

/// A number as a time expression uses it: known, or "several"/"a few".
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Amount {
    Known(f64),
    Vague,
}

/// Parts of a month, a year, a decade or a week.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Part {
    Early,
    Mid,
    Late,
    FirstHalf,
    SecondHalf,
    /// "earlier this year": from the start up to the day before the reference.
    Earlier,
    /// "later this year": from the day after the reference to the end.
    Later,
}

pub(crate) struct Grammar<'t, 'a> {
    pub toks: &'t [Tok<'a>],
    pub reference: Option<Date>,
    /// The last quarter the text named (year, quarter, token position): "a year earlier" and
    /// "the year-ago period" after it mean the same quarter a year before.
    pub last_quarter: Cell<Option<(i32, u8, usize)>>,
    /// `amount` at each token, once computed (several patterns ask for it at the same token).
    pub amounts: Vec<AmountMemo>,
    /// `may_start` of each token, computed once per text: `at` returns at once where it is false.
    pub starts: Vec<bool>,
}

/// Can any pattern of `Grammar::at` start at this token? Decided from the token alone, so that an
/// ordinary word ("said", "government", ",") is turned away after one lookup instead of being
/// tried by every pattern. It must never say no where a pattern could match: when a pattern learns
/// to start with a new word, that word belongs here too (the `first_word_filter_*` tests check
/// every example of docs/times.md and tests/rules.rs against the unfiltered grammar).
pub(crate) fn may_start(t: &Tok<'_>) -> bool {
    let w = t.lower.as_ref();
    match t.kind {
        // Years, days, amounts, clock times, numeric and compact dates, "1st quarter".
        TokKind::Num => true,
        // "'90s" (`decade_core`); the lower case of a curly apostrophe is a straight one.
        TokKind::Punct => matches!(w, "'" | "’"),
        TokKind::Word => {
            // "Q3", "H1", "dec31", "fy2024".
            w.bytes().any(|b| b.is_ascii_digit())
                || lexicon::month(w).is_some()
                || lexicon::weekday(w).is_some()
                || lexicon::cardinal(w).is_some()
                || lexicon::ordinal(w).is_some()
                || lexicon::unit(w).is_some()
                || lexicon::season(w).is_some()
                || lexicon::starts_holiday(w)
                || lexicon::vague_quantity(w)
                || decade_word(w).is_some()
                || lexicon::DURATION_MODIFIERS.iter().any(|m| m[0] == w)
                || matches!(
                    w,
                    // An optional "the" opens many patterns; "a"/"an" open amounts and sets.
                    "the" | "a" | "an"
                    // Relative words: holidays, months, weekdays, seasons, units, quarters,
                    // durations ("last", "the coming days", "the final quarter").
                    | "last" | "previous" | "past" | "next" | "following" | "coming" | "upcoming"
                    | "this" | "current" | "latest" | "recent" | "final" | "same"
                    // Parts: "early 2024", "mid-June", "the end of", "earlier this year".
                    | "early" | "mid" | "late" | "earlier" | "later" | "end" | "close"
                    | "beginning" | "start" | "middle"
                    // Holidays: "the weekend of Thanksgiving".
                    | "weekend"
                    // Years and quarters: "fiscal 1989", "FY 2024", "calendar Q3".
                    | "fiscal" | "fy" | "calendar"
                    // Decades: "the noughties".
                    | "noughties" | "naughties" | "aughts"
                    // `year_ago`: "comparable period", "year-earlier".
                    | "comparable" | "corresponding" | "year"
                    // `week_of_day`: "w/c Feb 4"; `rest_of`.
                    | "w" | "rest" | "remainder" | "remaining"
                    // Day words.
                    | "today" | "yesterday" | "tomorrow" | "tmrw" | "tonight" | "overnight"
                    // Amounts: "a couple of", "dozens of".
                    | "couple" | "dozen" | "dozens" | "hundreds" | "thousands"
                    // `offset_date`: "in two weeks"; ranges: "from … to", "between … and".
                    | "in" | "from" | "between"
                    // Sets.
                    | "daily" | "nightly" | "weekly" | "monthly" | "annually" | "yearly"
                    | "quarterly" | "hourly" | "every" | "each" | "per"
                    // Clock times.
                    | "noon" | "midday" | "midnight"
                    // Vague references: "right now", "at present", "these days", "as soon as
                    // possible", "more recently".
                    | "right" | "just" | "now" | "currently" | "presently" | "nowadays" | "at"
                    | "these" | "more" | "recently" | "lately" | "as"
                )
        }
    }
}

/// FNV-1a, for the per-text table of words in `Grammar::new`: the keys are short words, for which
/// SipHash (the default) costs more than the lookups it saves.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Can `Grammar::amount` read an amount starting at this token?
fn starts_amount(t: &Tok<'_>) -> bool {
    let w = t.lower.as_ref();
    t.kind == TokKind::Num
        || matches!(
            w,
            "a" | "an" | "couple" | "dozens" | "hundreds" | "thousands" | "dozen"
        )
        || lexicon::vague_quantity(w)
        || lexicon::cardinal(w).is_some()
}

impl<'t, 'a> Grammar<'t, 'a> {
    pub fn new(toks: &'t [Tok<'a>], reference: Option<Date>) -> Self {
        // A word's answer depends only on its lower case: each distinct word is looked up once.
        let mut words: std::collections::HashMap<&str, bool, std::hash::BuildHasherDefault<Fnv>> =
            Default::default();
        let first: Vec<bool> = toks
            .iter()
            .map(|t| match t.kind {
                TokKind::Word => *words
                    .entry(t.lower.as_ref())
                    .or_insert_with(|| may_start(t)),
                _ => may_start(t),
            })
            .collect();
        // The most frequent of those words open a pattern only before certain words.
        let next_starts = |i: usize| first.get(i + 1).copied().unwrap_or(false);
        let next_is = |i: usize, ws: &[&str]| {
            toks.get(i + 1)
                .is_some_and(|t| ws.contains(&t.lower.as_ref()))
        };
        let starts = toks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                first[i]
                    && match t.lower.as_ref() {
                        // After "the" every pattern reads a word that may start one itself,
                        // or one of these: "the same period", "the most recent quarter", "the
                        // full year", "the present year", "the future", "the near future".
                        "the" => {
                            next_starts(i)
                                || next_is(
                                    i,
                                    &["period", "most", "full", "present", "future", "near"],
                                )
                        }
                        // "in" opens only `offset_date`: "in two weeks".
                        "in" => toks.get(i + 1).is_some_and(starts_amount),
                        // A range's opener, then one of the patterns of `single`, "now" or "today".
                        "from" | "between" => next_starts(i),
                        _ => true,
                    }
            })
            .collect();
        Grammar {
            toks,
            reference,
            last_quarter: Cell::new(None),
            amounts: vec![Cell::new(None); toks.len()],
            starts,
        }
    }
}

impl<'a> Grammar<'_, 'a> {
    // ------------------------------------------------------------------ token helpers

    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.toks.get(i)
    }

    /// The lower-cased token at `i`, or "" past the end.
    fn lw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lower.as_ref())
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.lw(i) == w
    }

    fn any(&self, i: usize, ws: &[&str]) -> bool {
        ws.contains(&self.lw(i))
    }

    /// Matches the words `ws` from `i`; returns the position after them.
    fn seq(&self, i: usize, ws: &[&str]) -> Option<usize> {
        for (k, w) in ws.iter().enumerate() {
            if self.lw(i + k) != *w {
                return None;
            }
        }
        Some(i + ws.len())
    }

    /// Is token `i` written right after the previous one, without space?
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// A hyphen joining two tokens ("third-quarter", "mid-1990s"); returns the position after it.
    fn hyphen(&self, i: usize) -> Option<usize> {
        (matches!(self.lw(i), "-" | "‐") && self.glued(i) && self.glued(i + 1)).then_some(i + 1)
    }

    /// A dash between the two ends of a range, spaced or not.
    fn range_dash(&self, i: usize) -> bool {
        matches!(self.lw(i), "-" | "–" | "—" | "‐")
    }

    /// An optional "the" at `i`.
    fn skip_the(&self, i: usize) -> usize {
        if self.is(i, "the") {
            i + 1
        } else {
            i
        }
    }

    /// An optional comma at `i`.
    fn skip_comma(&self, i: usize) -> usize {
        if self.is(i, ",") {
            i + 1
        } else {
            i
        }
    }

    fn tense(&self, s: usize, e: usize) -> Tense {
        tense_around(self.toks, s, e)
    }

    fn found(&self, start: usize, end: usize, kind: TimeType, value: String) -> Found {
        Found {
            start,
            end,
            kind,
            value,
            interval: None,
            gran: None,
            cal: None,
        }
    }

    fn date(
        &self,
        start: usize,
        end: usize,
        value: String,
        interval: Option<(Date, Date)>,
        gran: Granularity,
    ) -> Found {
        Found {
            start,
            end,
            kind: TimeType::Date,
            value,
            interval,
            gran: Some(gran),
            cal: None,
        }
    }

    // ------------------------------------------------------------------ pieces

    /// A month name at `i` ("November", "Nov.", "Sept"). `strict` refuses the lower-case
    /// "may"/"march" that are far more often a verb, and lower-case abbreviations.
    fn month(&self, i: usize, strict: bool) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let m = lexicon::month(&t.lower)?;
        // "$DEC" is a ticker.
        if i > 0 && self.is(i - 1, "$") && self.glued(i) {
            return None;
        }
        let abbr = lexicon::is_month_abbreviation(&t.lower);
        let mut next = i + 1;
        let has_period = self.is(next, ".") && self.glued(next);
        if abbr && has_period {
            next += 1;
        }
        if strict
            && !t.is_capitalized()
            && (matches!(t.lower.as_ref(), "may" | "march") || (abbr && !has_period))
        {
            return None;
        }
        // "Mar" and "Jun" without a period are names too often ("Jan Smith").
        if abbr && !has_period && !t.is_capitalized() && t.lower.len() < 3 {
            return None;
        }
        Some((m, next))
    }

    /// A day of the month: "29", "29th", "1st", "twenty-ninth", "first".
    fn day(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        // "$12 December 27": money, not a day.
        if t.kind == TokKind::Num && i > 0 && matches!(self.lw(i - 1), "$" | "€" | "£" | "¥") {
            return None;
        }
        let (n, next) = match t.kind {
            TokKind::Num => {
                let digits = digit_prefix(&t.lower);
                let rest = &t.lower[digits.len()..];
                if digits.len() > 2 || !matches!(rest, "" | "st" | "nd" | "rd" | "th") {
                    return None;
                }
                (digits.parse::<u32>().ok()?, i + 1)
            }
            TokKind::Word => self.ordinal_word(i)?,
            TokKind::Punct => return None,
        };
        (1..=31).contains(&n).then_some((n as u8, next))
    }

    /// "first" … "thirty-first", also as "twenty first".
    fn ordinal_word(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(n) = lexicon::ordinal(self.lw(i)) {
            return Some((n, i + 1));
        }
        let tens = lexicon::cardinal(self.lw(i)).filter(|n| *n >= 20 && n % 10 == 0)?;
        let j = self.hyphen(i + 1).unwrap_or(i + 1);
        let unit = lexicon::ordinal(self.lw(j)).filter(|n| *n < 10)?;
        Some((tens + unit, j + 1))
    }

    /// A four-digit year 1000–2999 that is not part of a phone number, code or count.
    fn year4(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Num
            || t.text.len() != 4
            || !t.text.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let y: i32 = t.text.parse().ok()?;
        if !(1000..=2999).contains(&y) {
            return None;
        }
        let is_num = |k: usize| self.tok(k).is_some_and(|t| t.kind == TokKind::Num);
        let is_year_tok = |k: usize| {
            self.tok(k)
                .is_some_and(|t| t.kind == TokKind::Num && t.text.len() == 4)
        };
        let joined = |k: usize| {
            matches!(self.lw(k), "-" | "/" | "." | ":") && self.glued(k) && self.glued(k + 1)
        };
        // A year glued to a hyphen on the left is part of a code ("138-2010-2015",
        // "Hwasong-2024"), except after "mid-" and as the end of "2019-2021".
        if i > 0 && self.glued(i) {
            let prev = self.lw(i - 1);
            if matches!(prev, "$" | "#" | "+" | "€" | "£") {
                return None;
            }
            if i > 1 && joined(i - 1) {
                let ok = matches!(
                    self.lw(i - 2),
                    "mid"
                        | "pre"
                        | "post"
                        | "early"
                        | "late"
                        | "q1"
                        | "q2"
                        | "q3"
                        | "q4"
                        | "h1"
                        | "h2"
                ) || (prev == "-"
                    && is_year_tok(i - 2)
                    && !(i > 3 && joined(i - 3) && is_num(i - 4)));
                if !ok {
                    return None;
                }
            }
        }
        // Nor is a year followed by more numbers, unless it starts a range of years.
        if joined(i + 1) && is_num(i + 2) {
            let ok =
                self.lw(i + 1) == "-" && is_year_tok(i + 2) && !(joined(i + 3) && is_num(i + 4));
            if !ok {
                return None;
            }
        }
        if self.lw(i + 1) == "%" {
            return None;
        }
        Some((y, i + 1))
    }

    /// Is the four-digit number at `i` used as a year here? (A count such as "2000 troops" or an
    /// identifier such as "Article 2024" is not.)
    fn plausible_year(&self, i: usize, y: i32) -> bool {
        if i > 0 && lexicon::blocks_year(self.lw(i - 1)) {
            return false;
        }
        if lexicon::blocks_year_after(self.lw(i + 1)) {
            return false;
        }
        // Far-off years need a cue: "in 1066", "since 1648".
        if !(1800..=2100).contains(&y) {
            return i > 0
                && self.any(
                    i - 1,
                    &[
                        "in", "since", "of", "from", "until", "by", "before", "after", "during",
                        "year", "circa", "c.",
                    ],
                );
        }
        true
    }

    /// A year written in words: "nineteen ninety-six", "two thousand and four", "twenty twenty".
    /// Also "nineteen hundred ninety three", "seventeen hundred and thirty three", "nineteen oh
    /// one" and "one thousand seven hundred and eighty nine", as broadcast transcripts spell them.
    fn year_words(&self, i: usize) -> Option<(i32, usize)> {
        let hi = lexicon::cardinal(self.lw(i))?;
        if self.is(i + 1, "thousand") && (1..=2).contains(&hi) {
            let mut j = i + 2;
            let mut y = hi as i32 * 1000;
            // "one thousand seven hundred [and] …"
            if let Some(h) = lexicon::cardinal(self.lw(j)).filter(|h| (1..10).contains(h)) {
                if self.is(j + 1, "hundred") {
                    y += h as i32 * 100;
                    j += 2;
                }
            }
            let after_thousand = j;
            if self.is(j, "and") {
                j += 1;
            }
            if let Some((lo, e)) = self.small_number(j) {
                return Some((y + lo as i32, e));
            }
            return Some((y, after_thousand));
        }
        if !(10..=20).contains(&hi) {
            return None;
        }
        let j = i + 1;
        if self.is(j, "hundred") {
            // "nineteen hundred ninety three", "seventeen hundred and thirty three"
            let k = if self.is(j + 1, "and") { j + 2 } else { j + 1 };
            if let Some((lo, e)) = self.small_number(k).filter(|(lo, _)| (1..100).contains(lo)) {
                return Some((hi as i32 * 100 + lo as i32, e));
            }
            return Some((hi as i32 * 100, j + 1));
        }
        // "nineteen oh one", "nineteen zero five"
        if self.any(j, &["oh", "o", "zero"]) {
            let d = lexicon::cardinal(self.lw(j + 1)).filter(|d| (1..10).contains(d))?;
            return Some((hi as i32 * 100 + d as i32, j + 2));
        }
        let (lo, e) = self.small_number(j)?;
        (10..100)
            .contains(&lo)
            .then_some((hi as i32 * 100 + lo as i32, e))
    }

    /// A day of the month written as a cardinal word: "twenty five", "twenty-nine", "fifteen".
    fn day_cardinal_words(&self, i: usize) -> Option<(u8, usize)> {
        let (n, e) = self.small_number(i)?;
        ((1..=31).contains(&n) && !self.is(e, "hundred") && !self.is(e, "thousand"))
            .then_some((n as u8, e))
    }

    /// A year after a date's day and month: digits, or words that are clearly a year ("nineteen
    /// seventy two", "two thousand and eighteen"; not a bare "two thousand", which is as often a
    /// count).
    fn year_after_date(&self, k: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year4(k) {
            return Some(y);
        }
        let (y, e) = self.year_words(k).filter(|(y, _)| *y >= 1000)?;
        let bare_thousands = self.is(k + 1, "thousand") && e == k + 2;
        (!bare_thousands).then_some((y, e))
    }

    /// A number from one to ninety-nine written in words ("twenty-four", "twenty four", "six").
    fn small_number(&self, i: usize) -> Option<(u32, usize)> {
        let a = lexicon::cardinal(self.lw(i))?;
        if a >= 20 && a % 10 == 0 {
            let j = self.hyphen(i + 1).unwrap_or(i + 1);
            if let Some(b) = lexicon::cardinal(self.lw(j)).filter(|b| (1..10).contains(b)) {
                return Some((a + b, j + 1));
            }
        }
        Some((a, i + 1))
    }

    /// An amount before a unit of time: "three", "3", "2.5", "twenty-four", "a", "several",
    /// "a few", "a couple of", "a dozen", "a hundred", "dozens of".
    fn amount(&self, i: usize) -> Option<(Amount, usize)> {
        let Some(slot) = self.amounts.get(i) else {
            return self.amount_uncached(i);
        };
        if let Some(known) = slot.get() {
            return known;
        }
        let a = self.amount_uncached(i);
        slot.set(Some(a));
        a
    }

    fn amount_uncached(&self, i: usize) -> Option<(Amount, usize)> {
        let t = self.tok(i)?;
        if t.kind == TokKind::Num {
            let n: f64 = if t.text.contains(',') {
                t.text.replace(',', "").parse().ok()?
            } else {
                t.text.parse().ok()?
            };
            let mut j = i + 1;
            // "5 1/2 hours"
            if self.tok(j).is_some_and(|t| t.kind == TokKind::Num)
                && self.is(j + 1, "/")
                && self.glued(j + 1)
            {
                let num: f64 = self.lw(j).parse().ok()?;
                let den: f64 = self.lw(j + 2).parse().ok()?;
                if den > 0.0 {
                    return Some((Amount::Known(n + num / den), j + 3));
                }
            }
            if self.any(j, &["million", "thousand", "hundred"]) {
                j += 1;
                return Some((Amount::Known(n * 1000.0), j));
            }
            return Some((Amount::Known(n), j));
        }
        let w = self.lw(i);
        match w {
            "a" | "an" => {
                if self.is(i + 1, "few") {
                    return Some((Amount::Vague, i + 2));
                }
                if self.is(i + 1, "couple") {
                    let j = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
                    return Some((Amount::Known(2.0), j));
                }
                if self.is(i + 1, "dozen") {
                    return Some((Amount::Known(12.0), i + 2));
                }
                if self.is(i + 1, "hundred") {
                    return Some((Amount::Known(100.0), i + 2));
                }
                if self.is(i + 1, "half") {
                    return Some((Amount::Known(0.5), i + 2));
                }
                Some((Amount::Known(1.0), i + 1))
            }
            "couple" => {
                let j = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
                Some((Amount::Known(2.0), j))
            }
            "dozens" | "hundreds" | "thousands" => {
                self.is(i + 1, "of").then_some((Amount::Vague, i + 2))
            }
            "dozen" => Some((Amount::Known(12.0), i + 1)),
            _ if lexicon::vague_quantity(w) => Some((Amount::Vague, i + 1)),
            _ => {
                let (n, j) = self.small_number(i)?;
                if self.is(j, "hundred") {
                    return Some((Amount::Known(f64::from(n) * 100.0), j + 1));
                }
                if self.any(j, &["and", "-"]) && self.is(j + 1, "a") && self.is(j + 2, "half") {
                    return Some((Amount::Known(f64::from(n) + 0.5), j + 3));
                }
                Some((Amount::Known(f64::from(n)), j))
            }
        }
    }

    // ------------------------------------------------------------------ resolution

    /// The year for a month (and day) written without one: the reading nearest the reference in
    /// the direction the clause's tense points, or the nearest one when the tense is unknown
    /// (a future reading counts double, since news mostly reports what already happened).
    fn pick_year(
        &self,
        s: usize,
        e: usize,
        range_of: impl Fn(i32) -> Option<(Date, Date)>,
    ) -> Option<i32> {
        let r = self.reference?;
        let ry = i32::from(r.year());
        let tense = self.tense(s, e);
        let cands: Vec<(i32, Date, Date)> = (ry - 1..=ry + 1)
            .filter_map(|y| range_of(y).map(|(a, b)| (y, a, b)))
            .collect();
        // Distance in days from the reference, weighted against the tense: a reading the tense
        // rules out still wins when it is four times closer ("payable Dec. 15" in a past-tense
        // sentence written in October is December of the same year).
        let (past_w, future_w) = match tense {
            Tense::Past => (1, 4),
            Tense::Future => (4, 1),
            Tense::Unknown => (1, 2),
        };
        let dist = |a: Date, b: Date| -> i64 {
            if b < r {
                past_w * (r - b).get_days() as i64
            } else if a > r {
                future_w * (a - r).get_days() as i64
            } else {
                0
            }
        };
        cands
            .iter()
            .min_by_key(|(y, a, b)| (dist(*a, *b), -*y))
            .map(|c| c.0)
    }

    /// Resolves a calendar date from its parts, inferring a missing year.
    fn resolve_cal(&self, s: usize, e: usize, parts: CalParts) -> Found {
        let CalParts { year, month, day } = parts;
        let year = year.or_else(|| match day {
            Some(d) => self.pick_year(s, e, |y| ymd(y, month, d).map(|x| (x, x))),
            None => self.pick_year(s, e, |y| cal::month_range(y, month)),
        });
        let mut f = match (year, day) {
            (Some(y), Some(d)) => {
                let dt = ymd(y, month, d);
                self.date(
                    s,
                    e,
                    dt.map_or_else(|| format!("{y:04}-{month:02}-{d:02}"), cal::day_value),
                    dt.map(|x| (x, x)),
                    Granularity::Day,
                )
            }
            (Some(y), None) => self.date(
                s,
                e,
                cal::month_value(y, month),
                cal::month_range(y, month),
                Granularity::Month,
            ),
            (None, Some(d)) => self.date(
                s,
                e,
                format!("XXXX-{month:02}-{d:02}"),
                None,
                Granularity::Day,
            ),
            (None, None) => self.date(s, e, format!("XXXX-{month:02}"), None, Granularity::Month),
        };
        f.cal = Some(parts);
        f
    }

    // ------------------------------------------------------------------ the patterns

    /// Every pattern at token `i`; the longest match wins (the first listed on a tie). None at
    /// once where no pattern can start (`may_start`).
    pub fn at(&self, i: usize) -> Option<Found> {
        if !self.starts.get(i).copied().unwrap_or(false) {
            return None;
        }
        self.at_any(i)
    }

    /// `at` without the first-word filter.
    fn at_any(&self, i: usize) -> Option<Found> {
        // The patterns `single` tries, computed once: `range` starts with `single(i)` when no
        // "from"/"between" opens it, and `at` tries each of them too.
        let part_of = self.part_of(i);
        let calendar_date = self.calendar_date(i);
        let numeric_date = self.numeric_date(i);
        let compact_date = self.compact_date(i);
        let cued_month_day = self.cued_month_day(i);
        let holiday = self.holiday(i);
        let year_month = self.year_month(i);
        let week_number = self.week_number(i);
        let weekday_phrase = self.weekday_phrase(i);
        let day_word = self.day_word(i);
        let quarter_or_half = self.quarter_or_half(i);
        let season = self.season(i);
        let decade = self.decade(i);
        let year = self.year(i);
        let relative_unit = self.relative_unit(i);
        let single = || {
            [
                &part_of,
                &calendar_date,
                &numeric_date,
                &compact_date,
                &cued_month_day,
                &holiday,
                &year_month,
                &week_number,
                &weekday_phrase,
                &day_word,
                &quarter_or_half,
                &season,
                &decade,
                &year,
                &relative_unit,
            ]
            .into_iter()
            .flatten()
            .max_by_key(|f| f.end)
            .cloned()
        };
        let cands = [
            self.year_ago(i),
            self.range_at(i, single),
            part_of,
            self.ordinal_of(i),
            self.relative_part(i),
            calendar_date,
            holiday,
            numeric_date,
            compact_date,
            cued_month_day,
            self.numeric_range(i),
            weekday_phrase,
            self.weekday_of_week(i),
            week_number,
            self.week_of_day(i),
            year_month,
            self.day_of_month(i),
            self.rest_of(i),
            day_word,
            self.ago(i),
            self.offset_date(i),
            relative_unit,
            self.the_period(i),
            quarter_or_half,
            season,
            decade,
            self.century(i),
            year,
            self.set(i),
            self.clock_time(i),
            self.duration(i),
            self.vague_ref(i),
        ];
        let mut best: Option<Found> = None;
        for c in cands.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| c.end > b.end) {
                best = Some(c);
            }
        }
        best
    }

    /// A holiday by name, with an optional year or "of this year" after it and "last", "next",
    /// "this" before it: "Christmas", "easter 2018", "black friday 2010", "the last easter",
    /// "Independence Day of this year". Without a year the clause's tense picks it, as for a
    /// date without a year.
    fn holiday(&self, i: usize) -> Option<Found> {
        let j = self.skip_the(i);
        // "the weekend of Thanksgiving 2023"
        let weekend_of = self.is(j, "weekend") && self.is(j + 1, "of");
        let j = if weekend_of { self.skip_the(j + 2) } else { j };
        let (rel, k) = match self.lw(j) {
            "last" | "previous" | "past" => (Some(-1), j + 1),
            "next" | "following" | "coming" => (Some(1), j + 1),
            "this" => (Some(0), j + 1),
            _ => (None, j),
        };
        if !lexicon::starts_holiday(self.lw(k)) {
            return None;
        }
        let skippable = |w: &str| matches!(w, "'s" | "'" | "." | "’");
        let (rule, mut e) = lexicon::HOLIDAYS.iter().find_map(|(words, rule)| {
            let mut p = k;
            for w in *words {
                while p > k && skippable(self.lw(p)) {
                    p += 1;
                }
                if self.lw(p) != *w {
                    return None;
                }
                p += 1;
            }
            Some((*rule, p))
        })?;
        while matches!(self.lw(e), "'s" | "'" | "’") && self.glued(e) {
            e += 1;
        }
        // "Ukraine's Independence Day", "International Labour Day" are other countries' days.
        if j == k
            && i > 0
            && (self.is(i - 1, "'s")
                || (self.tok(i - 1).is_some_and(Tok::is_capitalized)
                    && !tense::is_sentence_start(self.toks, i - 1)))
            && matches!(
                rule,
                lexicon::HolidayRule::Fixed(7, 4) | lexicon::HolidayRule::NthWeekday(9, 1, 1)
            )
        {
            return None;
        }
        let at = |y: i32| cal::holiday(rule, y);
        // "Labor Day weekend", "Halloween weekend 2021", "Labor Day 2021 weekend"
        let mut weekend = weekend_of;
        if !weekend && self.is(e, "weekend") {
            weekend = true;
            e += 1;
        }
        let mut year = None;
        if let Some((y, ye)) = self.year4(self.skip_comma(e)) {
            year = Some(y);
            e = ye;
        } else if let Some(ye) = self.seq(e, &["of", "this", "year"]) {
            year = self.reference.map(|r| i32::from(r.year()));
            e = ye;
        }
        let date = match (year, rel) {
            (Some(y), _) => at(y),
            (None, Some(dir)) => {
                let r = self.reference?;
                let ry = i32::from(r.year());
                match dir {
                    0 => at(ry),
                    1 => (ry..=ry + 1).filter_map(at).find(|d| *d > r),
                    _ => (ry - 1..=ry).rev().filter_map(at).find(|d| *d < r),
                }
            }
            (None, None) => match self.pick_year(i, e, |y| at(y).map(|d| (d, d))) {
                Some(y) => at(y),
                None => {
                    // No reference: the month and day when they are fixed.
                    return match rule {
                        lexicon::HolidayRule::Fixed(m, d) => Some(self.date(
                            i,
                            e,
                            format!("XXXX-{m:02}-{d:02}"),
                            None,
                            Granularity::Day,
                        )),
                        _ => None,
                    };
                }
            },
        }?;
        if !weekend && year.is_some() && self.is(e, "weekend") {
            weekend = true;
            e += 1;
        }
        if weekend {
            return self.holiday_weekend(i, e, date);
        }
        // "Easter week": the ISO week of the holiday.
        if self.is(e, "week") && j == k {
            let (mon, sun) = cal::week_range(date)?;
            return Some(self.date(
                i,
                e + 1,
                cal::week_value(date),
                Some((mon, sun)),
                Granularity::Week,
            ));
        }
        Some(self.date(
            i,
            e,
            cal::day_value(date),
            Some((date, date)),
            Granularity::Day,
        ))
    }

    /// The weekend a holiday makes long: from the Saturday before a Monday or Tuesday holiday to
    /// the holiday, from a Wednesday, Thursday or Friday holiday to the Sunday after, and the
    /// weekend itself for a Saturday or Sunday ("Labor Day weekend", "Thanksgiving weekend").
    fn holiday_weekend(&self, s: usize, e: usize, d: Date) -> Option<Found> {
        let wd = i64::from(cal::weekday_number(d));
        let (a, b) = match wd {
            1 | 2 => (cal::add_days(d, -1 - wd)?, d),
            3..=5 => (d, cal::add_days(d, 7 - wd)?),
            6 => (d, cal::add_days(d, 1)?),
            _ => (cal::add_days(d, -1)?, d),
        };
        // The Saturday in the span names the weekend.
        let sat = cal::add_days(a, (6 - i64::from(cal::weekday_number(a))).rem_euclid(7))?;
        Some(self.date(
            s,
            e,
            format!("{}-WE", cal::week_value(sat)),
            Some((a, b)),
            Granularity::Week,
        ))
    }

    /// "Friday, Nov. 29, 2024", "November 29th", "29 November 2024", "the 29th of November",
    /// "November 2024", "June" (capitalized and with a cue when it is "May").
    fn calendar_date(&self, i: usize) -> Option<Found> {
        // "next 6th of April", "last March 3": the next or last such day.
        if self.any(i, &["next", "last"]) {
            if let Some((p, e)) = self
                .month_day_year(i + 1)
                .or_else(|| self.day_month_year(i + 1))
                .filter(|(p, _)| p.year.is_none())
            {
                let r = self.reference?;
                let d = p.day?;
                let ry = i32::from(r.year());
                let pick = if self.is(i, "next") {
                    (ry..=ry + 1)
                        .filter_map(|y| ymd(y, p.month, d))
                        .find(|x| *x > r)
                } else {
                    (ry - 1..=ry)
                        .rev()
                        .filter_map(|y| ymd(y, p.month, d))
                        .find(|x| *x < r)
                };
                let year = Some(i32::from(pick?.year()));
                return Some(self.resolve_cal(i, e, CalParts { year, ..p }));
            }
        }
        // An optional weekday in front: its value is implied by the date.
        let mut j = i;
        let weekday = lexicon::weekday(self.lw(i));
        let mut parsed = None;
        if weekday.is_some() {
            j = self.skip_comma(i + 1);
            parsed = self.month_day_year(j).or_else(|| self.day_month_year(j));
            // A lower-case weekday only with a full date after it ("monday, jan 22, 2018").
            let full_date = self.lw(i).ends_with("day")
                && parsed.is_some_and(|(p, _)| p.year.is_some() && p.day.is_some());
            if !(self.tok(i).is_some_and(Tok::is_capitalized) || full_date) {
                j = i;
                parsed = None;
            }
        }
        if j == i {
            parsed = self.month_day_year(j).or_else(|| self.day_month_year(j));
        }
        match parsed {
            Some((parts, e)) => Some(self.resolve_cal(i, e, parts)),
            None if j == i => weekday
                .and_then(|w| self.weekday_and_day(i, w))
                .or_else(|| self.month_alone(i)),
            None => weekday.and_then(|w| self.weekday_and_day(i, w)),
        }
    }

    /// A weekday with a day of the month and no month: "Friday the 29th", "Mon 13th", "Sunday
    /// 31". The month is the nearest one (before the reference in a past-tense clause, after it
    /// in a future one) in which that day falls on that weekday.
    fn weekday_and_day(&self, i: usize, w: u8) -> Option<Found> {
        let r = self.reference?;
        let k = if self.is(i + 1, "the") { i + 2 } else { i + 1 };
        let t = self.tok(k)?;
        let (d, e) = self.day(k)?;
        // A bare number needs "the" or the end of the phrase ("Sunday 31!", not "Sunday 3
        // people").
        let bare = t.kind == TokKind::Num && t.text.bytes().all(|b| b.is_ascii_digit());
        if bare && k == i + 1 && self.tok(e).is_some_and(|t| t.kind != TokKind::Punct) {
            return None;
        }
        if self.month(e, true).is_some() || (self.is(e, "of") && self.month(e + 1, false).is_some())
        {
            return None;
        }
        let tense = self.tense(i, e);
        let first = ymd(i32::from(r.year()), r.month() as u8, 1)?;
        let cands: Vec<Date> = (-14..=14)
            .filter_map(|k| {
                let m = cal::add_months(first, k)?;
                ymd(i32::from(m.year()), m.month() as u8, d)
            })
            .filter(|x| cal::weekday_number(*x) == w)
            .collect();
        let dist = |x: &Date| -> i64 {
            let days = (*x - r).get_days() as i64;
            match tense {
                Tense::Past if days > 0 => 4 * days,
                Tense::Future if days < 0 => -4 * days,
                _ => days.abs(),
            }
        };
        let date = cands.into_iter().min_by_key(dist)?;
        Some(self.date(
            i,
            e,
            cal::day_value(date),
            Some((date, date)),
            Granularity::Day,
        ))
    }

    /// month [day] [,] [year] | month [of] year
    fn month_day_year(&self, i: usize) -> Option<(CalParts, usize)> {
        let (m, j) = self.month(i, false)?;
        let weak = self.month(i, true).is_none();
        let k = self.skip_comma(j);
        if let Some((y, e)) = self
            .year4(k)
            .or_else(|| self.year_words(k).filter(|(y, _)| *y >= 1000))
        {
            // "November 2024", "Nov. 2024", "January nineteen ninety-seven" (not "May 2000
            // troops", a count).
            if !weak || self.plausible_year(k, y) {
                return Some((
                    CalParts {
                        year: Some(y),
                        month: m,
                        day: None,
                    },
                    e,
                ));
            }
        }
        if self.is(j, "of") {
            // "June of 1999", "June of nineteen ninety nine", "April of '87"
            if let Some((y, e)) = self
                .year4(j + 1)
                .or_else(|| self.year_after_date(j + 1))
                .or_else(|| self.short_year_after_of(j))
            {
                return Some((
                    CalParts {
                        year: Some(y),
                        month: m,
                        day: None,
                    },
                    e,
                ));
            }
        }
        let j2 = if self.is(j, "the") { j + 1 } else { j };
        let (d, mut e) = match self.day(j2) {
            Some(x) => x,
            // "January twenty five nineteen eighty six", "May twenty nine.": a day in cardinal
            // words only before a year or at the end of the phrase ("May twenty people" is a
            // count).
            None if j2 == j => {
                let (d, de) = self.day_cardinal_words(j2)?;
                let ends = self.tok(de).is_none_or(|t| t.kind == TokKind::Punct);
                if !ends && self.year_after_date(self.skip_comma(de)).is_none() {
                    return None;
                }
                (d, de)
            }
            None => return None,
        };
        // "May 2 people" is a count; a day after a month must not be followed by a noun of
        // counting, and after "the" only an ordinal will do.
        if self.tok(j2).is_some_and(|t| t.kind == TokKind::Num) && self.glued(j2) {
            return None;
        }
        let mut year = None;
        let k = self.skip_comma(e);
        if let Some((y, ye)) = self.year_after_date(k) {
            year = Some(y);
            e = ye;
        } else if let Some((y, ye)) = self
            .year_after_of(e)
            .or_else(|| self.short_year_after_of(e))
        {
            year = Some(y);
            e = ye;
        }
        if weak && year.is_none() {
            return None;
        }
        Some((
            CalParts {
                year,
                month: m,
                day: Some(d),
            },
            e,
        ))
    }

    /// [the] day [of] month [,] [year]
    fn day_month_year(&self, i: usize) -> Option<(CalParts, usize)> {
        let j = self.skip_the(i);
        // "twenty five January nineteen eighty six": a day in cardinal words needs a year.
        let (d, k, words) = match self.day(j) {
            Some((d, k)) => (d, k, false),
            None if j == i => {
                let (d, k) = self.day_cardinal_words(j)?;
                (d, k, true)
            }
            None => return None,
        };
        let k2 = if self.is(k, "of") { k + 1 } else { k };
        // A bare number before a month is only a day when the month follows at once
        // ("29 November") or after "of" when the month is capitalized and not a possessive ("12
        // of Nov", not "3 of May's games"); "the 29th of November" may use "of".
        let bare = self
            .tok(j)
            .is_some_and(|t| t.kind == TokKind::Num && t.text.bytes().all(|b| b.is_ascii_digit()));
        if k2 != k && (bare || words) {
            let (_, me) = self.month(k2, true)?;
            if !bare || self.is(me, "'s") {
                return None;
            }
        }
        // A lower-case abbreviation is a month when a year follows ("14 nov 2023") or right
        // after a day in figures when it is no English word ("on 14 nov"; not "jan", "mar").
        let (m, mut e) = self.month(k2, true).or_else(|| {
            let (m, e) = self.month(k2, false)?;
            let plain_abbr = k2 == k
                && bare
                && matches!(
                    self.lw(k2),
                    "feb" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec"
                );
            (plain_abbr || self.year4(self.skip_comma(e)).is_some()).then_some((m, e))
        })?;
        let mut year = None;
        let y0 = self.skip_comma(e);
        if let Some((y, ye)) = self.year4(y0).or_else(|| {
            // A year in words after a comma only when the day was in words too.
            (y0 == e || words)
                .then(|| self.year_after_date(y0))
                .flatten()
        }) {
            year = Some(y);
            e = ye;
        } else if let Some((y, ye)) = self
            .year_after_of(e)
            .or_else(|| self.short_year_after_of(e))
        {
            year = Some(y);
            e = ye;
        }
        if words && year.is_none() {
            return None;
        }
        Some((
            CalParts {
                year,
                month: m,
                day: Some(d),
            },
            e,
        ))
    }

    /// "of 87", "of '87" after a month ("April of 87", "15 April of '87"): a two-digit year at the
    /// end of the phrase ("April of 25 people" is a count).
    fn short_year_after_of(&self, e: usize) -> Option<(i32, usize)> {
        if !self.is(e, "of") {
            return None;
        }
        let k = if self.any(e + 1, &["'", "’"]) {
            e + 2
        } else {
            e + 1
        };
        let t = self.tok(k)?;
        if t.kind != TokKind::Num
            || t.text.len() != 2
            || !t.text.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        if self.tok(k + 1).is_some_and(|t| t.kind != TokKind::Punct) {
            return None;
        }
        let yy: u32 = t.text.parse().ok()?;
        Some((self.two_digit_year(yy), k + 1))
    }

    /// "of 1995", "in 2020" after a day and month that have no year ("July 4th of 1995", "28
    /// June in 2020").
    fn year_after_of(&self, e: usize) -> Option<(i32, usize)> {
        if !self.any(e, &["of", "in"]) {
            return None;
        }
        let (y, ye) = self.year4(e + 1)?;
        // "in 2020" must end the phrase, not start a count ("in 2020 votes").
        if self.tok(ye).is_some_and(|t| t.kind == TokKind::Word)
            && !self.any(ye, &["and", "to", "or", "through", "till", "until"])
        {
            return None;
        }
        Some((y, ye))
    }

    /// A month on its own, possibly with "last"/"this"/"next" in front or "this year" after.
    fn month_alone(&self, i: usize) -> Option<Found> {
        let rel = match self.lw(i) {
            "last" | "previous" | "past" => Some(-1),
            "this" => Some(0),
            "next" | "coming" => Some(1),
            _ => None,
        };
        let s = i;
        let i = if rel.is_some() { i + 1 } else { i };
        // After "last"/"next"/"this" a lower-case abbreviation is a month too ("last sept"),
        // but never "may" or "march" ("this may take longer").
        // After a preposition and at the end of a phrase a lower-case month is a month too ("it
        // may be in may.", "in dec"), since a verb or a modal cannot stand there.
        let prep_end = || {
            rel.is_none()
                && i > 0
                && self.any(i - 1, &["in", "since", "until", "till", "by", "during"])
                && self.month(i, false).is_some_and(|(_, e)| {
                    self.tok(e).is_none_or(|t| {
                        t.kind == TokKind::Punct && !matches!(t.lower.as_ref(), "-" | "/")
                    })
                })
        };
        let (m, mut e) = self.month(i, true).or_else(|| {
            let w = self.lw(i);
            ((rel.is_some() && !matches!(w, "may" | "march" | "mar")) || prep_end())
                .then(|| self.month(i, false))
                .flatten()
        })?;
        let t = self.tok(i)?;
        let prep_end = !t.is_capitalized() && prep_end();
        // "june next year", "december of last year": a relative year makes a lower-case month a
        // month (but not "may"/"march").
        let k = if self.is(e, "of") { e + 1 } else { e };
        let year_follows = self.any(k, &["this", "last", "next"]) && self.is(k + 1, "year");
        let lower_ok = prep_end || (year_follows && !matches!(t.lower.as_ref(), "may" | "march"));
        if (m == 5 || rel.is_none()) && !lower_ok {
            // "May" is also a verb and a name; lower-case months are rare in news.
            if !t.is_capitalized() {
                return None;
            }
            let before = i.checked_sub(1).map_or("", |p| self.lw(p));
            let cue_before = rel.is_some()
                || matches!(
                    before,
                    "in" | "of"
                        | "since"
                        | "until"
                        | "till"
                        | "by"
                        | "early"
                        | "late"
                        | "mid"
                        | "from"
                        | "to"
                        | "through"
                        | "between"
                        | "and"
                        | "or"
                        | "during"
                        | "before"
                        | "after"
                        | "last"
                        | "this"
                        | "next"
                        | "-"
                        | "end"
                        | "beginning"
                        | "start"
                        | "middle"
                        | "around"
                        | "throughout"
                        | "for"
                        | "on"
                        | "that"
                );
            let after = self.lw(e);
            let cue_after = matches!(
                after,
                "," | "."
                    | ";"
                    | ":"
                    | ")"
                    | "and"
                    | "or"
                    | "to"
                    | "through"
                    | "last"
                    | "this"
                    | "next"
                    | "when"
                    | "after"
                    | "before"
                    | ""
            ) || self.tok(e).is_none();
            // A sentence-initial "May" needs a cue before it ("May God…", "May 5 people…").
            let mid_sentence = i > 0 && !t.newline_before && !self.is(i - 1, ".");
            let may_ok = cue_before || (cue_after && mid_sentence);
            if m == 5 && !may_ok {
                return None;
            }
            // "March" and "May" at the start of a sentence and without a cue are verbs or names.
            if !cue_before && !cue_after && (m == 3 || m == 5 || m == 8) {
                return None;
            }
        }
        let r = self.reference;
        let year = match rel {
            Some(k) => {
                let r = r?;
                let ry = i32::from(r.year());
                let rm = r.month() as u8;
                Some(match k {
                    0 => ry,
                    -1 => {
                        if m < rm {
                            ry
                        } else {
                            ry - 1
                        }
                    }
                    _ => {
                        if m > rm {
                            ry
                        } else {
                            ry + 1
                        }
                    }
                })
            }
            None => {
                // "June this year", "January of next year", "last year's December".
                let k = if self.is(e, "of") { e + 1 } else { e };
                match (self.lw(k), self.lw(k + 1)) {
                    ("this", "year") => {
                        e = k + 2;
                        r.map(|r| i32::from(r.year()))
                    }
                    ("last", "year") => {
                        e = k + 2;
                        r.map(|r| i32::from(r.year()) - 1)
                    }
                    ("next", "year") => {
                        e = k + 2;
                        r.map(|r| i32::from(r.year()) + 1)
                    }
                    _ => None,
                }
            }
        };
        let parts = CalParts {
            year,
            month: m,
            day: None,
        };
        Some(self.resolve_cal(s, e, parts))
    }

    /// "2024-11-29", "2024/11/29", "11/29/2024", "29/11/2024", "11/29" after a cue, "2024-11".
    fn numeric_date(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Num {
            return None;
        }
        let num = |k: usize| -> Option<u32> {
            let t = self.tok(k)?;
            (t.kind == TokKind::Num && t.text.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.text.parse().ok())
                .flatten()
        };
        let sep = self.lw(i + 1);
        if !matches!(sep, "-" | "/" | ".") || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        // A number glued before it makes a code ("133-03-03-2020").
        if i > 1
            && self.glued(i)
            && matches!(self.lw(i - 1), "-" | "/" | ".")
            && self.glued(i - 1)
            && self.tok(i - 2).is_some_and(|t| t.kind == TokKind::Num)
        {
            return None;
        }
        let a = num(i)?;
        let b = num(i + 2)?;
        let third = self.is(i + 3, sep) && self.glued(i + 3) && self.glued(i + 4);
        let c = if third { num(i + 4) } else { None };
        let alen = t.text.len();
        let (y, m, d, end) = match c {
            Some(c) if alen == 4 => (a as i32, b, c, i + 5),
            Some(c) if self.tok(i + 4).is_some_and(|t| t.text.len() == 4) => {
                // Month first as in American usage, day first when the first part cannot be
                // a month.
                if a > 12 {
                    (c as i32, b, a, i + 5)
                } else {
                    (c as i32, a, b, i + 5)
                }
            }
            Some(_) => return None,
            None if alen == 4
                && sep == "-"
                && (1..=12).contains(&b)
                && self.tok(i + 2).is_some_and(|t| t.text.len() == 2) =>
            {
                // "2024-11": a month.
                let y = a as i32;
                let m = b as u8;
                // A following hyphen and number would make it something else.
                if self.is(i + 3, "-") && self.glued(i + 3) {
                    return None;
                }
                return Some(self.date(
                    i,
                    i + 3,
                    cal::month_value(y, m),
                    cal::month_range(y, m),
                    Granularity::Month,
                ));
            }
            None if sep == "/"
                && i > 0
                && self.any(i - 1, &["on", "by", "until", "since", "from", "to", "till"])
                && !self.is(i + 3, "/") =>
            {
                let (m, d) = if a > 12 { (b, a) } else { (a, b) };
                if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                    return None;
                }
                let parts = CalParts {
                    year: None,
                    month: m as u8,
                    day: Some(d as u8),
                };
                return Some(self.resolve_cal(i, i + 3, parts));
            }
            // "22/04", "08/12,2015", "08/12,15": two two-digit parts, one with a leading zero,
            // are a day and a month wherever they stand (a fraction has no leading zero).
            None if sep == "/"
                && t.text.len() == 2
                && self.tok(i + 2).is_some_and(|t| t.text.len() == 2)
                && (t.text.starts_with('0') || self.lw(i + 2).starts_with('0'))
                && !self.is(i + 3, "/") =>
            {
                let (m, d) = if a > 12 { (b, a) } else { (a, b) };
                if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                    return None;
                }
                let mut e = i + 3;
                let mut year = None;
                // A year glued on with a comma: "08/12,2015", "08/12,15".
                if self.is(e, ",") && self.glued(e) && self.glued(e + 1) {
                    if let Some(yt) = self.tok(e + 1).filter(|t| {
                        t.kind == TokKind::Num && t.text.bytes().all(|b| b.is_ascii_digit())
                    }) {
                        let yn: u32 = yt.text.parse().ok()?;
                        year = match yt.text.len() {
                            4 => Some(yn as i32),
                            2 => Some(self.two_digit_year(yn)),
                            _ => None,
                        };
                        if year.is_some() {
                            e += 2;
                        }
                    }
                }
                let parts = CalParts {
                    year,
                    month: m as u8,
                    day: Some(d as u8),
                };
                return Some(self.resolve_cal(i, e, parts));
            }
            None => return None,
        };
        if !(1..=12).contains(&m) {
            return None;
        }
        // A run of more numbers is a phone number or a code.
        if self.any(end, &["-", "/", "."])
            && self.glued(end)
            && self
                .tok(end + 1)
                .is_some_and(|t| t.kind == TokKind::Num && self.glued(end + 1))
        {
            return None;
        }
        let dt = ymd(y, m as u8, u8::try_from(d).ok()?)?;
        let mut f = self.date(i, end, cal::day_value(dt), Some((dt, dt)), Granularity::Day);
        f.cal = Some(CalParts {
            year: Some(y),
            month: m as u8,
            day: Some(d as u8),
        });
        Some(f)
    }

    /// A month and day in figures after a word that makes them a date: a weekday ("Friday
    /// 7/6", "friday 5/12/2019", "this Friday 7.6"), "this"/"next"/"last" ("next 5/12"), or
    /// "on" with a dash or a dot ("on 4-22", "on 5.12"; "on 4/22" is `numeric_date`'s). Month
    /// first, as in American usage.
    fn cued_month_day(&self, i: usize) -> Option<Found> {
        let t0 = self.tok(i)?;
        // (This runs at every token: the cheap tests come first.)
        let on = t0.kind == TokKind::Num && i > 0 && self.is(i - 1, "on");
        if !on
            && (t0.kind != TokKind::Word
                || !(1..=3).any(|d| self.tok(i + d).is_some_and(|t| t.kind == TokKind::Num)))
        {
            return None;
        }
        let rel = match t0.lower.as_ref() {
            "this" => Some(0),
            "next" => Some(1),
            "last" => Some(-1),
            _ => None,
        };
        let mut j = if rel.is_some() { i + 1 } else { i };
        let weekday = if on {
            None
        } else {
            lexicon::weekday(self.lw(j))
        };
        if weekday.is_some() {
            j = self.skip_comma(j + 1);
        }
        if rel.is_none() && weekday.is_none() && !on {
            return None;
        }
        let t = self.tok(j)?;
        if t.kind != TokKind::Num {
            return None;
        }
        let small = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let (m, d, year, e) = if let Some((a, b)) = t.text.split_once('.') {
            // "5.12" is one number token
            (small(a)?, small(b)?, None, j + 1)
        } else {
            let sep = self.lw(j + 1);
            if !matches!(sep, "/" | "-") || (on && sep == "/") {
                return None;
            }
            let (m, d, y, e) = self.md_parts(j, sep)?;
            (m, d, y, e)
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        // Not part of a longer code, and after "on" not a count ("on 4-5 days").
        if self.any(e, &["-", "/", "."])
            && self.glued(e)
            && self.tok(e + 1).is_some_and(|t| t.kind == TokKind::Num)
        {
            return None;
        }
        if on
            && self.tok(e).is_some_and(|t| t.kind == TokKind::Word)
            && !self.any(e, &["and", "or", "to", "through", "until", "till"])
        {
            return None;
        }
        let (m, d) = (m as u8, d as u8);
        let year = match (year, rel) {
            (Some(y), _) => Some(y),
            (None, None) if weekday.is_none() => None,
            (None, _) => {
                let r = self.reference?;
                let ry = i32::from(r.year());
                let cands: Vec<Date> = (ry - 1..=ry + 1).filter_map(|y| ymd(y, m, d)).collect();
                let pick = match (rel, weekday) {
                    // "this 5/12": this year's; "next 5/12", "last 5/12": the next or last one.
                    (Some(0), None) => ymd(ry, m, d),
                    (Some(1), None) => cands.iter().copied().find(|x| *x > r),
                    (Some(_), None) => cands.iter().rev().copied().find(|x| *x < r),
                    (None, None) => None,
                    // With a weekday the written date rules, in the year nearest the reference
                    // ("this"/"next" say it is close).
                    (_, Some(_)) => cands
                        .iter()
                        .copied()
                        .min_by_key(|x| ((*x - r).get_days() as i64).abs()),
                };
                Some(i32::from(pick?.year()))
            }
        };
        let parts = CalParts {
            year,
            month: m,
            day: Some(d),
        };
        Some(self.resolve_cal(i, e, parts))
    }

    /// Dates written without spaces: a month name glued to its day ("Dec31", "Oct2"), parts
    /// joined by one separator with the month as a word ("05-Aug-2016", "Sep-23-2020",
    /// "2019/aug/01", "23/Sep/2020"), dotted dates ("13.5.2015", "2015.5.13"), year and month
    /// ("2016/11", "11-2016", "2015.3", "3/2015"), two-digit years ("21/04/16", "9-18-15") and
    /// eight-digit stamps ("20161016").
    fn compact_date(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        // A code or a phone number continues with more glued numbers or letters.
        let code_left = i > 0
            && self.glued(i)
            && matches!(self.lw(i - 1), "-" | "/" | "." | "$" | "#" | "+")
            && i > 1
            && self.glued(i - 1)
            && self.tok(i - 2).is_some_and(|p| p.kind == TokKind::Num);
        if code_left {
            return None;
        }
        if t.kind == TokKind::Word && t.lower.bytes().any(|b| b.is_ascii_digit()) {
            // "dec31", "october2", "mar3"
            let letters: String = t
                .lower
                .chars()
                .take_while(char::is_ascii_alphabetic)
                .collect();
            let digits = &t.lower[letters.len()..];
            if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            let m = lexicon::month(&letters)?;
            let d: u8 = digits.parse().ok()?;
            if !(1..=31).contains(&d) {
                return None;
            }
            let mut e = i + 1;
            let mut year = None;
            let k = self.skip_comma(e);
            if let Some((y, ye)) = self.year4(k) {
                year = Some(y);
                e = ye;
            }
            let parts = CalParts {
                year,
                month: m,
                day: Some(d),
            };
            return Some(self.resolve_cal(i, e, parts));
        }
        let month_word = t.kind == TokKind::Word && lexicon::month(&t.lower).is_some();
        if t.kind != TokKind::Num && !month_word {
            return None;
        }
        // Dotted and eight-digit forms are single number tokens.
        if t.kind == TokKind::Num && t.text.contains('.') {
            let parts: Vec<&str> = t.text.split('.').collect();
            let nums: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
            if nums.len() != parts.len() {
                return None;
            }
            let (y, m, d) = match (parts.as_slice(), nums.as_slice()) {
                ([a, _, _], [y, m, d]) if a.len() == 4 => (*y as i32, *m, Some(*d)),
                ([_, _, c], [d, m, y]) if c.len() == 4 => (*y as i32, *m, Some(*d)),
                // "2015.3": a year and a month only when the month has one digit or is 10–12
                // written in two ("2015.10"); "2.5" stays a number.
                ([a, b], [y, m]) if a.len() == 4 && (1..=2).contains(&b.len()) => {
                    // Index levels and prices look the same ("rose to 2082.1"): only after
                    // a preposition of time or at the start.
                    let cue = i == 0
                        || self.any(
                            i - 1,
                            &[
                                "in", "during", "since", "until", "till", "out", "before", "after",
                            ],
                        );
                    if !cue || !(1900..=2100).contains(y) || (b.len() == 2 && *m < 10) {
                        return None;
                    }
                    (*y as i32, *m, None)
                }
                _ => return None,
            };
            return self.ymd_found(i, i + 1, y, m, d);
        }
        if t.kind == TokKind::Num && t.text.len() == 8 && t.text.bytes().all(|b| b.is_ascii_digit())
        {
            let y: i32 = t.text[..4].parse().ok()?;
            let m: u32 = t.text[4..6].parse().ok()?;
            let d: u32 = t.text[6..].parse().ok()?;
            if !(1900..=2100).contains(&y) {
                return None;
            }
            return self.ymd_found(i, i + 1, y, m, Some(d));
        }
        // Parts joined by one separator, glued or spaced the same on both sides.
        let sep = self.lw(i + 1);
        if !matches!(sep, "-" | "/") {
            return None;
        }
        let tight = self.glued(i + 1) && self.glued(i + 2);
        if !tight {
            return None;
        }
        let mut parts: Vec<(usize, &Tok<'a>)> = vec![(i, t)];
        let mut k = i;
        while parts.len() < 3 && self.is(k + 1, sep) && self.glued(k + 1) && self.glued(k + 2) {
            let p = self.tok(k + 2)?;
            if p.kind == TokKind::Punct {
                break;
            }
            parts.push((k + 2, p));
            k += 2;
        }
        let end = k + 1;
        // More joined parts: a code.
        if matches!(self.lw(end), "-" | "/" | ".")
            && self.glued(end)
            && self
                .tok(end + 1)
                .is_some_and(|t| t.kind != TokKind::Punct && self.glued(end + 1))
        {
            return None;
        }
        let as_num = |t: &Tok<'_>| -> Option<u32> {
            (t.kind == TokKind::Num && t.text.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.text.parse().ok())
                .flatten()
        };
        let word_month = parts
            .iter()
            .position(|(_, t)| t.kind == TokKind::Word && lexicon::month(&t.lower).is_some());
        if let Some(mi) = word_month {
            let m = u32::from(lexicon::month(&parts[mi].1.lower)?);
            let others: Vec<&Tok<'_>> = parts
                .iter()
                .enumerate()
                .filter(|(n, _)| *n != mi)
                .map(|(_, (_, t))| *t)
                .collect();
            let (y, d) = match others.as_slice() {
                [a, b] => {
                    let (na, nb) = (as_num(a)?, as_num(b)?);
                    if a.text.len() == 4 {
                        (na as i32, nb)
                    } else if b.text.len() == 4 {
                        (nb as i32, na)
                    } else {
                        return None;
                    }
                }
                // "Aug-2016" is a month; "Oct-2", "Jan-1" a day without a year.
                [a] => {
                    let na = as_num(a)?;
                    if a.text.len() == 4 {
                        return self.ymd_found(i, end, na as i32, m, None);
                    }
                    if mi != 0 || na == 0 || na > 31 {
                        return None;
                    }
                    let parts = CalParts {
                        year: None,
                        month: m as u8,
                        day: Some(na as u8),
                    };
                    return Some(self.resolve_cal(i, end, parts));
                }
                _ => return None,
            };
            return self.ymd_found(i, end, y, m, Some(d));
        }
        let nums: Vec<u32> = parts
            .iter()
            .map(|(_, t)| as_num(t))
            .collect::<Option<_>>()?;
        let lens: Vec<usize> = parts.iter().map(|(_, t)| t.text.len()).collect();
        match (nums.as_slice(), lens.as_slice()) {
            // "2016/11", "2015-3" (but "2024-11" is read by `numeric_date`).
            ([y, m], [4, 1 | 2]) if (1..=12).contains(m) => {
                self.ymd_found(i, end, *y as i32, *m, None)
            }
            // "11-2016", "3/2015"
            ([m, y], [1 | 2, 4]) if (1..=12).contains(m) => {
                self.ymd_found(i, end, *y as i32, *m, None)
            }
            // "21/04/16", "9-18-15", "05/05/89": month first unless the first part cannot be one.
            ([a, b, c], [1 | 2, 1 | 2, 2]) => {
                let y = self.two_digit_year(*c);
                let (m, d) = if *a > 12 { (*b, *a) } else { (*a, *b) };
                self.ymd_found(i, end, y, m, Some(d))
            }
            _ => None,
        }
    }

    /// Month/day[/year] at `i` with one separator throughout: (month, day, year, end).
    fn md_parts(&self, i: usize, sep: &str) -> Option<(u32, u32, Option<i32>, usize)> {
        let num = |k: usize| -> Option<(u32, usize)> {
            let t = self.tok(k)?;
            (t.kind == TokKind::Num && t.text.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.text.parse().ok().map(|n| (n, t.text.len())))
                .flatten()
        };
        let joined = |k: usize| self.is(k, sep) && self.glued(k) && self.glued(k + 1);
        let (m, ml) = num(i)?;
        if ml > 2 || !joined(i + 1) {
            return None;
        }
        let (d, dl) = num(i + 2)?;
        if dl > 2 || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        if joined(i + 3) {
            if let Some((y, 4)) = num(i + 4) {
                return Some((m, d, Some(y as i32), i + 5));
            }
        }
        Some((m, d, None, i + 3))
    }

    /// Two numeric dates joined by a dash: "10/1/2018-10/7/2018", "10/1-11/2/2017", "5/1-5/7,
    /// 2020", "10-1-2018-10-7-2018". Month first, as in American usage.
    fn numeric_range(&self, i: usize) -> Option<Found> {
        // Not inside a longer code.
        if i > 0 && self.glued(i) && self.tok(i - 1).is_some_and(|t| t.kind != TokKind::Word) {
            return None;
        }
        let sep = self.lw(i + 1);
        if !matches!(sep, "/" | "-") {
            return None;
        }
        let (m1, d1, y1, k) = self.md_parts(i, sep)?;
        if !(self.range_dash(k) && self.glued(k) && self.glued(k + 1)) {
            return None;
        }
        let (m2, d2, y2, mut e) = self.md_parts(k + 1, sep)?;
        let mut y2 = y2;
        if y2.is_none() && self.is(e, ",") {
            if let Some((y, ye)) = self.year4(e + 1) {
                y2 = Some(y);
                e = ye;
            }
        }
        let (m1, d1, m2, d2) = (m1 as u8, d1 as u8, m2 as u8, d2 as u8);
        let (ya, yb) = match (y1, y2) {
            (Some(a), Some(b)) => (a, b),
            (None, Some(b)) => (if (m1, d1) > (m2, d2) { b - 1 } else { b }, b),
            (Some(a), None) => (a, if (m2, d2) < (m1, d1) { a + 1 } else { a }),
            (None, None) => {
                let y = self.pick_year(i, e, |y| Some((ymd(y, m1, d1)?, ymd(y, m1, d1)?)))?;
                (y, if (m2, d2) < (m1, d1) { y + 1 } else { y })
            }
        };
        let (a, b) = (ymd(ya, m1, d1)?, ymd(yb, m2, d2)?);
        if b < a {
            return None;
        }
        Some(self.date(
            i,
            e,
            format!("{}/{}", cal::day_value(a), cal::day_value(b)),
            Some((a, b)),
            Granularity::Day,
        ))
    }

    /// A year written with two digits: within twenty years ahead of the reference it is in
    /// the reference's century, otherwise in the century before ("27" → 2027, "40" → 1940).
    fn two_digit_year(&self, yy: u32) -> i32 {
        let ry = self.reference.map_or(2000, |r| i32::from(r.year()));
        let century = ry / 100 * 100;
        let y = century + yy as i32;
        if y > ry + 20 {
            y - 100
        } else {
            y
        }
    }

    /// A date from year, month and optional day, refusing impossible ones.
    fn ymd_found(&self, s: usize, e: usize, y: i32, m: u32, d: Option<u32>) -> Option<Found> {
        if !(1000..=2999).contains(&y) || !(1..=12).contains(&m) {
            return None;
        }
        let month = m as u8;
        let mut f = match d {
            Some(d) => {
                let dt = ymd(y, month, u8::try_from(d).ok()?)?;
                self.date(s, e, cal::day_value(dt), Some((dt, dt)), Granularity::Day)
            }
            None => self.date(
                s,
                e,
                cal::month_value(y, month),
                cal::month_range(y, month),
                Granularity::Month,
            ),
        };
        f.cal = Some(CalParts {
            year: Some(y),
            month,
            day: d.map(|d| d as u8),
        });
        Some(f)
    }

    /// A bare year: "2024", "fiscal 1989", "the year 2000", "nineteen ninety-six".
    fn year(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut cue = false;
        if self.any(j, &["fiscal", "fy"]) {
            j += 1;
            cue = true;
        } else if let Some(k) = self.seq(j, &["the", "year"]) {
            j = k;
            cue = true;
        }
        if let Some((y, e)) = self.year4(j) {
            if !cue && !self.plausible_year(j, y) {
                return None;
            }
            // "1990 and beyond"
            let e = self.seq(e, &["and", "beyond"]).unwrap_or(e);
            return Some(self.date(
                i,
                e,
                cal::year_value(y),
                cal::year_range(y),
                Granularity::Year,
            ));
        }
        // Years in words need a cue or a capital letter: "the year two thousand", "in nineteen
        // ninety-six".
        let cue = cue || (i > 0 && self.any(i - 1, &["in", "since", "of", "until", "by"]));
        if cue {
            if let Some((y, e)) = self.year_words(j) {
                if (1000..=2999).contains(&y) {
                    return Some(self.date(
                        i,
                        e,
                        cal::year_value(y),
                        cal::year_range(y),
                        Granularity::Year,
                    ));
                }
            }
        }
        None
    }

    /// "the 1990s", "1990s", "the '90s", "the nineties", "the 1990's".
    fn decade(&self, i: usize) -> Option<Found> {
        let j = self.skip_the(i);
        let (decade, e) = self.decade_core(j)?;
        let (a, b) = (cal::ymd(decade, 1, 1)?, cal::ymd(decade + 9, 12, 31)?);
        Some(self.date(
            i,
            e,
            format!("{:03}", decade / 10),
            Some((a, b)),
            Granularity::Decade,
        ))
    }

    /// The first year of a decade written at `i`.
    fn decade_core(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        if t.kind == TokKind::Num {
            let digits = digit_prefix(&t.lower);
            let rest = &t.lower[digits.len()..];
            let (rest, e) = if rest.is_empty() && self.is(i + 1, "'s") {
                ("s", i + 2)
            } else if rest.is_empty()
                && self.any(i + 1, &["'", "’"])
                && self.is(i + 2, "s")
                && self.glued(i + 2)
            {
                ("s", i + 3)
            } else {
                (rest, i + 1)
            };
            if rest != "s" {
                return None;
            }
            let n: i32 = digits.parse().ok()?;
            return match digits.len() {
                4 if n % 10 == 0 => Some((n, e)),
                2 if n % 10 == 0 && i > 0 && matches!(self.lw(i - 1), "'" | "’") => {
                    Some((1900 + n, e))
                }
                2 if n % 10 == 0
                    && i > 0
                    && self.any(i - 1, &["the", "early", "mid", "late", "-", "in"]) =>
                {
                    Some((1900 + n, e))
                }
                _ => None,
            };
        }
        if matches!(t.lower.as_ref(), "'" | "’") {
            return self.decade_core(i + 1);
        }
        // In words with the century: "the nineteen seventies", "the twenty-tens", "the two
        // thousands", "the two thousand and tens", "the noughties". (The cue is looked at only
        // for those words: this runs at every token.)
        let noughties = matches!(t.lower.as_ref(), "noughties" | "naughties" | "aughts");
        let next = self.lw(i + 1);
        let card = if noughties
            || !(next.ends_with("ies")
                || next.starts_with("thousand")
                || matches!(next, "tens" | "-"))
        {
            None
        } else {
            lexicon::cardinal(&t.lower)
        };
        let candidate = noughties || card.is_some_and(|c| c == 2 || (10..=20).contains(&c));
        if candidate && i > 0 && self.any(i - 1, &["the", "early", "mid", "late", "-", "in"]) {
            if noughties {
                return Some((2000, i + 1));
            }
            if let Some(c) = card.filter(|c| (10..=20).contains(c)) {
                let k = self.hyphen(i + 1).unwrap_or(i + 1);
                let n = decade_word(self.lw(k))?;
                return Some((c as i32 * 100 + n, k + 1));
            }
            if self.seq(i, &["two", "thousand", "and", "tens"]).is_some() {
                return Some((2010, i + 4));
            }
            if self.is(i, "two") && self.is(i + 1, "thousands") && !self.is(i + 2, "of") {
                return Some((2000, i + 2));
            }
        }
        // "the tens" is not a decade of the 1900s here ("tens of thousands").
        let n = decade_word(t.lower.as_ref()).filter(|&n| n >= 20)?;
        (i > 0 && self.any(i - 1, &["the", "early", "mid", "late", "-", "in"]))
            .then_some((1900 + n, i + 1))
    }

    /// "the 20th century", "the twentieth century", "this century", "the last century".
    fn century(&self, i: usize) -> Option<Found> {
        let j = self.skip_the(i);
        let (c, k) = if self.is(j, "this") || self.is(j, "current") {
            let r = self.reference?;
            (i32::from(r.year()) / 100 + 1, j + 1)
        } else if self.is(j, "last") || self.is(j, "previous") {
            let r = self.reference?;
            (i32::from(r.year()) / 100, j + 1)
        } else if let Some((n, k)) = self.ordinal_word(j) {
            (n as i32, k)
        } else {
            let t = self.tok(j)?;
            if t.kind != TokKind::Num {
                return None;
            }
            let digits = digit_prefix(&t.lower);
            let rest = &t.lower[digits.len()..];
            if !matches!(rest, "st" | "nd" | "rd" | "th") {
                return None;
            }
            (digits.parse().ok()?, j + 1)
        };
        if !self.is(k, "century") || !(1..=30).contains(&c) {
            return None;
        }
        let first = (c - 1) * 100;
        let (a, b) = (ymd(first.max(1), 1, 1)?, ymd(first + 99, 12, 31)?);
        Some(self.date(
            i,
            k + 1,
            format!("{:02}", c - 1),
            Some((a, b)),
            Granularity::Century,
        ))
    }

    /// "summer", "last summer", "the summer of 2024", "winter 2023", "this past spring".
    fn season(&self, i: usize) -> Option<Found> {
        let mut j = self.skip_the(i);
        let rel = match self.lw(j) {
            "last" | "previous" => Some(-1),
            "this" | "current" => {
                if self.is(j + 1, "past") {
                    j += 1;
                    Some(-1)
                } else {
                    Some(0)
                }
            }
            "next" | "coming" => Some(1),
            _ => None,
        };
        if rel.is_some() {
            j += 1;
        }
        let (code, first) = lexicon::season(self.lw(j))?;
        let mut e = j + 1;
        let k = if self.is(e, "of") { e + 1 } else { e };
        let explicit = self.year4(k).or_else(|| self.year_words(k)).map(|(y, ye)| {
            e = ye;
            y
        });
        // "fall" is a verb and a noun too: without a cue, only the capitalized or "the"/"this" forms.
        if code == "FA" && self.lw(j) == "fall" && rel.is_none() && explicit.is_none() && j == i {
            return None;
        }
        let year = match (explicit, rel) {
            (Some(y), _) => Some(y),
            (None, Some(k)) => {
                let r = self.reference?;
                let (cur, cy) = cal::season_of(r);
                let idx = |c: &str| {
                    ["WI", "SP", "SU", "FA"]
                        .iter()
                        .position(|x| *x == c)
                        .unwrap_or(0) as i32
                };
                let ry = i32::from(r.year());
                // Seasons are ordered WI(y-1/ Dec..Feb) < SP < SU < FA < WI(y).
                let ord_now = cy * 4 + idx(cur) + if cur == "WI" { 4 } else { 0 };
                let ord_of = |y: i32| y * 4 + idx(code) + if code == "WI" { 4 } else { 0 };
                let _ = ry;
                let years = [cy - 1, cy, cy + 1];
                match k {
                    0 => Some(if code == "WI" && cur == "WI" {
                        cy
                    } else {
                        i32::from(r.year())
                    }),
                    -1 => years.iter().copied().filter(|y| ord_of(*y) < ord_now).max(),
                    _ => years.iter().copied().filter(|y| ord_of(*y) > ord_now).min(),
                }
            }
            (None, None) => self.pick_year(i, e, |y| cal::season_range(y, first)),
        };
        Some(match year {
            Some(y) => self.date(
                i,
                e,
                format!("{y:04}-{code}"),
                cal::season_range(y, first),
                Granularity::Season,
            ),
            None => self.date(i, e, format!("XXXX-{code}"), None, Granularity::Season),
        })
    }

    /// Quarters and halves: "the third quarter", "third-quarter", "Q3 2024", "the fiscal first
    /// quarter", "the first quarter of 2024", "this year's third quarter", "the current quarter",
    /// "the first half of 2024", "H2 2016".
    fn quarter_or_half(&self, i: usize) -> Option<Found> {
        let r = self.reference;
        let ry = r.map(|r| i32::from(r.year()));
        let mut j = self.skip_the(i);
        // A year in front: "this year's", "next year's", "the 1988".
        let mut year: Option<i32> = None;
        match (self.lw(j), self.lw(j + 1)) {
            ("this", "year") if self.is(j + 2, "'s") => {
                year = ry;
                j += 3;
            }
            ("last", "year") if self.is(j + 2, "'s") => {
                year = ry.map(|y| y - 1);
                j += 3;
            }
            ("next", "year") if self.is(j + 2, "'s") => {
                year = ry.map(|y| y + 1);
                j += 3;
            }
            _ => {
                if let Some((y, k)) = self.year4(j) {
                    // "2019 q3", "2017-q1"
                    let k2 = self.hyphen(k).unwrap_or(k);
                    let q_next = self.tok(k2).is_some_and(|t| {
                        t.kind == TokKind::Word
                            && t.text.len() == 2
                            && t.lower.is_ascii()
                            && matches!(&t.lower[..1], "q" | "h")
                            && t.lower[1..].parse::<u8>().is_ok()
                    });
                    if self.any(k, &["first", "second", "third", "fourth", "fiscal"]) {
                        year = Some(y);
                        j = k;
                    } else if q_next {
                        year = Some(y);
                        j = k2;
                    }
                }
            }
        }
        if self.any(j, &["fiscal", "calendar"]) {
            j += 1;
        }
        // "Q3", "H2"
        let t = self.tok(j)?;
        // A lower-case "q3" only next to a year ("q3 2019", "2019 q3", "q1-2019").
        let year_after = self.year4(self.hyphen(j + 1).unwrap_or(j + 1)).is_some();
        let (which, n, mut e) = if t.kind == TokKind::Word
            && t.text.len() == 2
            && t.lower.is_ascii()
            && matches!(&t.lower[..1], "q" | "h")
            && (t.is_capitalized() || year.is_some() || year_after)
        {
            let n: u8 = t.lower[1..].parse().ok()?;
            let which = if &t.lower[..1] == "q" { 'Q' } else { 'H' };
            let e = match self.hyphen(j + 1) {
                Some(h) if year.is_none() && self.year4(h).is_some() => h,
                _ => j + 1,
            };
            (which, n, e)
        } else if t.kind == TokKind::Num
            && t.text.len() == 6
            && t.lower.is_ascii()
            && matches!(&t.lower[4..5], "q" | "h")
        {
            // "2016H2", "2019Q3"
            let y: i32 = t.text[..4].parse().ok()?;
            let n: u8 = t.lower[5..].parse().ok()?;
            year = Some(y);
            let which = if &t.lower[4..5] == "q" { 'Q' } else { 'H' };
            (which, n, j + 1)
        } else {
            let n = match self.lw(j) {
                "first" | "1st" => 1,
                "second" | "2nd" => 2,
                "third" | "3rd" => 3,
                "fourth" | "4th" => 4,
                "last" | "final" => 0,
                "current" | "latest" | "previous" | "past" | "year-ago" | "year-earlier"
                | "recent" | "same" | "this" => 9,
                _ => return None,
            };
            let k = self.hyphen(j + 1).unwrap_or(j + 1);
            let k = if self.any(k, &["fiscal", "calendar"]) {
                k + 1
            } else {
                k
            };
            match self.lw(k) {
                "quarter" => ('Q', n, k + 1),
                "half" if n <= 2 || n == 0 => ('H', if n == 0 { 2 } else { n }, k + 1),
                // "year-ago" quarter is two tokens after "year-"
                _ => return None,
            }
        };
        let last_word = self.lw(j);
        if which == 'Q' && n == 0 {
            // "the last quarter": of a year when one follows, else the previous quarter.
            if !self.is(e, "of") {
                let r = r?;
                let prev = cal::add_months(r, -3)?;
                let (y, q) = (i32::from(prev.year()), cal::quarter_of(prev));
                return Some(self.date(
                    i,
                    e,
                    format!("{y:04}-Q{q}"),
                    cal::quarter_range(y, q),
                    Granularity::Quarter,
                ));
            }
        }
        if which == 'Q' && n == 9 {
            let r = r?;
            let back = match last_word {
                "current" | "this" => 0,
                "year-ago" | "year-earlier" => 12 + 3,
                _ => 3,
            };
            let d = cal::add_months(r, -back)?;
            let (y, q) = (i32::from(d.year()), cal::quarter_of(d));
            return Some(self.date(
                i,
                e,
                format!("{y:04}-Q{q}"),
                cal::quarter_range(y, q),
                Granularity::Quarter,
            ));
        }
        if n == 9 {
            return None;
        }
        let n = if n == 0 { 4 } else { n };
        if !(1..=4).contains(&n) || (which == 'H' && n > 2) {
            return None;
        }
        // A year after: "of 2024", "2024", "of this year", "of next year", "of the year", "of two
        // thousand and twenty".
        let k = if self.is(e, "of") { e + 1 } else { e };
        if let Some((y, ye)) = self.year4(k).or_else(|| {
            (k > e)
                .then(|| {
                    self.year_words(k)
                        .filter(|(y, _)| (1000..=2999).contains(y))
                })
                .flatten()
        }) {
            year = Some(y);
            e = ye;
        } else if self.is(e, "of") {
            match (self.lw(k), self.lw(k + 1)) {
                ("this" | "the", "year") => {
                    year = ry;
                    e = k + 2;
                }
                ("last", "year") => {
                    year = ry.map(|y| y - 1);
                    e = k + 2;
                }
                ("next", "year") => {
                    year = ry.map(|y| y + 1);
                    e = k + 2;
                }
                _ => {}
            }
        } else if self.seq(e, &["this", "year"]).is_some() {
            year = ry;
            e += 2;
        } else if self.seq(e, &["last", "year"]).is_some() {
            year = ry.map(|y| y - 1);
            e += 2;
        } else if self.seq(e, &["next", "year"]).is_some() {
            year = ry.map(|y| y + 1);
            e += 2;
        }
        // "the first quarter" without a year: the reference year (reports speak of the current
        // fiscal year).
        let year = year.or(ry);
        let (value, range, gran) = match (which, year) {
            ('Q', Some(y)) => (
                format!("{y:04}-Q{n}"),
                cal::quarter_range(y, n),
                Granularity::Quarter,
            ),
            ('Q', None) => (format!("XXXX-Q{n}"), None, Granularity::Quarter),
            (_, Some(y)) => (
                format!("{y:04}-H{n}"),
                cal::months_range(y, n * 6 - 5, n * 6),
                Granularity::PartOfYear,
            ),
            (_, None) => (format!("XXXX-H{n}"), None, Granularity::PartOfYear),
        };
        Some(self.date(i, e, value, range, gran))
    }

    /// A part of a month, year or decade: "early November", "mid-2024", "late 2024", "the end of
    /// November", "the beginning of 2025", "the first half of 2024", "the early 1990s",
    /// "mid-November", "end of the year". The value stays the whole period (TimeML puts the part
    /// in a modifier); the interval is the part.
    fn part_of(&self, i: usize) -> Option<Found> {
        let j = self.skip_the(i);
        let (part, k) = match self.lw(j) {
            "early" => (Part::Early, j + 1),
            "mid" => (Part::Mid, self.hyphen(j + 1).unwrap_or(j + 1)),
            "late" => (Part::Late, j + 1),
            "end" | "close" if self.is(j + 1, "of") => (Part::Late, j + 2),
            "beginning" | "start" if self.is(j + 1, "of") => (Part::Early, j + 2),
            "middle" if self.is(j + 1, "of") => (Part::Mid, j + 2),
            "first" | "second" | "last" if self.is(j + 1, "half") && self.is(j + 2, "of") => (
                if self.is(j, "first") {
                    Part::FirstHalf
                } else {
                    Part::SecondHalf
                },
                j + 3,
            ),
            _ => return None,
        };
        // "mid" needs a hyphen or a space before its base; "early" alone is not a time.
        let base = self.part_base(k)?;
        self.apply_part(i, part, base)
    }

    /// An ordinal piece of a month or a year: "the first week of 2015", "the last week of
    /// July", "the third Wednesday of next month", "the 20th of next month", "the 15th day of
    /// next month", "the third month of 2021", "the first two weeks of 2021", "the last four
    /// months of 2021", "the first ten days of last year". Weeks are ISO weeks (Monday to
    /// Sunday); the first week of a month or year is the one holding its first Thursday, the
    /// last one the one holding its last Thursday.
    fn ordinal_of(&self, i: usize) -> Option<Found> {
        let j = self.skip_the(i);
        let (n, k) = if self.is(j, "last") {
            (0, j + 1)
        } else {
            let (n, k) = self.ordinal_word(j).or_else(|| {
                let t = self.tok(j)?;
                let digits = digit_prefix(&t.lower);
                let rest = &t.lower[digits.len()..];
                (t.kind == TokKind::Num && matches!(rest, "st" | "nd" | "rd" | "th"))
                    .then(|| digits.parse().ok().map(|n| (n, j + 1)))
                    .flatten()
            })?;
            (n as i64, k)
        };
        // What is counted: a week, a month, a day, a weekday, or N of those.
        enum Piece {
            Week,
            Month,
            Day,
            Weekday(u8),
            Run(i64, Unit),
        }
        let (piece, k2) = if let Some((Amount::Known(c), ck)) = self.amount(k) {
            match lexicon::unit(self.lw(ck)) {
                Some((u @ (Unit::Day | Unit::Week | Unit::Month), true)) if c >= 1.0 => {
                    (Piece::Run(c as i64, u), ck + 1)
                }
                _ if self.is(k, "week") => (Piece::Week, k + 1),
                _ => return None,
            }
        } else if let Some(w) = lexicon::weekday(self.lw(k)) {
            (Piece::Weekday(w), k + 1)
        } else {
            match self.lw(k) {
                "week" => (Piece::Week, k + 1),
                "month" => (Piece::Month, k + 1),
                "day" => (Piece::Day, k + 1),
                "of" | "in" => (Piece::Day, k),
                _ => return None,
            }
        };
        // "the third week next year", "the first Monday next month": a relative period without
        // "of".
        let relative_after = j != i
            && self.any(k2, &["this", "next", "last"])
            && self.any(k2 + 1, &["year", "month"]);
        if !relative_after && !self.any(k2, &["of", "in"]) {
            // "second Sunday", "first Tuesday": of the reference's month, when nothing else
            // anchors it (not "the first Sunday after Easter", "the second Sunday in a row").
            let Piece::Weekday(w) = piece else {
                return None;
            };
            let r = self.reference?;
            if j != i
                || n == 0
                || self.any(
                    k2,
                    &["after", "before", "since", "following", "that", "when"],
                )
                || (i > 0 && self.tok(i - 1).is_some_and(|t| t.kind != TokKind::Word))
            {
                return None;
            }
            let d = cal::nth_weekday(
                i32::from(r.year()),
                r.month() as u8,
                w,
                u8::try_from(n).ok()?,
            )?;
            return Some(self.date(i, k2, cal::day_value(d), Some((d, d)), Granularity::Day));
        }
        let base = self.period_base(if relative_after { k2 } else { k2 + 1 })?;
        let (a, b) = base.interval?;
        let gran = base.gran?;
        let e = base.end;
        let thursday_monday = |d: Date, forward: bool| -> Option<Date> {
            // The Monday of the ISO week holding the first (or last) Thursday from `d`.
            let wd = i64::from(cal::weekday_number(d));
            let thu = if forward {
                cal::add_days(d, (4 - wd).rem_euclid(7))?
            } else {
                cal::add_days(d, -(wd - 4).rem_euclid(7))?
            };
            cal::add_days(thu, -3)
        };
        let day = |d: Date| self.date(i, e, cal::day_value(d), Some((d, d)), Granularity::Day);
        match piece {
            Piece::Week => {
                let mon = if n == 0 {
                    thursday_monday(b, false)?
                } else {
                    cal::add_days(thursday_monday(a, true)?, 7 * (n - 1))?
                };
                let sun = cal::add_days(mon, 6)?;
                if gran == Granularity::Month && mon > b {
                    return None;
                }
                Some(self.date(
                    i,
                    e,
                    cal::week_value(mon),
                    Some((mon, sun)),
                    Granularity::Week,
                ))
            }
            Piece::Weekday(w) => {
                if gran != Granularity::Month {
                    return None;
                }
                let d = if n == 0 {
                    let back = (i64::from(cal::weekday_number(b)) - i64::from(w)).rem_euclid(7);
                    cal::add_days(b, -back)?
                } else {
                    let fwd = (i64::from(w) - i64::from(cal::weekday_number(a))).rem_euclid(7);
                    cal::add_days(a, fwd + 7 * (n - 1))?
                };
                (d <= b).then(|| day(d))
            }
            Piece::Day => {
                let d = if n == 0 { b } else { cal::add_days(a, n - 1)? };
                (d <= b && (gran == Granularity::Month || self.is(k, "day"))).then(|| day(d))
            }
            Piece::Month => {
                if gran != Granularity::Year || n > 12 {
                    return None;
                }
                let (y, m) = (i32::from(a.year()), if n == 0 { 12 } else { n as u8 });
                Some(self.date(
                    i,
                    e,
                    cal::month_value(y, m),
                    cal::month_range(y, m),
                    Granularity::Month,
                ))
            }
            Piece::Run(c, unit) => {
                if n != 1 && n != 0 {
                    return None;
                }
                let first = n == 1;
                let range = match (unit, first) {
                    (Unit::Day, true) => (a, cal::add_days(a, c - 1)?),
                    (Unit::Day, false) => (cal::add_days(b, 1 - c)?, b),
                    (Unit::Month, true) => (a, cal::add_days(cal::add_months(a, c)?, -1)?),
                    (Unit::Month, false) => (cal::add_months(cal::add_days(b, 1)?, -c)?, b),
                    (Unit::Week, true) => {
                        let mon = thursday_monday(a, true)?;
                        (mon, cal::add_days(mon, 7 * c - 1)?)
                    }
                    (Unit::Week, false) => {
                        let mon = thursday_monday(b, false)?;
                        (cal::add_days(mon, 7 - 7 * c)?, cal::add_days(mon, 6)?)
                    }
                    _ => return None,
                };
                if range.0 < cal::add_days(a, -6)? || range.1 > cal::add_days(b, 6)? {
                    return None;
                }
                // TimeML tags "the first nine months" as a duration and "of 1997" apart; the
                // duration carries the days it covers.
                let mut f = self.found_duration(i, k2, known_duration(unit, c as f64)?);
                f.interval = Some(range);
                Some(f)
            }
        }
    }

    /// A month or a year a piece is taken of: what `part_base` reads, a lower-case month name
    /// ("the last week of july") or a year in words ("of two thousand and twenty").
    fn period_base(&self, k: usize) -> Option<Found> {
        if let Some(f) = self
            .part_base(k)
            .filter(|f| matches!(f.gran, Some(Granularity::Month | Granularity::Year)))
        {
            return Some(f);
        }
        if let Some((y, e)) = self.year_words(k).filter(|(y, _)| *y >= 1000) {
            return Some(self.date(
                k,
                e,
                cal::year_value(y),
                cal::year_range(y),
                Granularity::Year,
            ));
        }
        let m = lexicon::month(self.lw(k))?;
        let e = if self.is(k + 1, ".") { k + 2 } else { k + 1 };
        let parts = CalParts {
            year: None,
            month: m,
            day: None,
        };
        Some(self.resolve_cal(k, e, parts))
    }

    /// "earlier this year", "later this month", "earlier in the week", "early this week",
    /// "late last year", "early next year".
    fn relative_part(&self, i: usize) -> Option<Found> {
        let part = match self.lw(i) {
            "earlier" => Part::Earlier,
            "later" => Part::Later,
            _ => return None,
        };
        let mut k = i + 1;
        if self.is(k, "in") {
            k += 1;
            if !self.is(k, "the") {
                return None;
            }
            // "earlier in the year" means this year.
            let unit = lexicon::unit(self.lw(k + 1)).filter(|(_, pl)| !pl)?.0;
            let base = self.relative_base(k, 0, unit, k + 2)?;
            return self.apply_part(i, part, base);
        }
        if !self.is(k, "this") {
            return None;
        }
        let base = self.part_base(k)?;
        self.apply_part(i, part, base)
    }

    /// The period a part refers to: a month with or without a year, a year, a decade, or "this
    /// year" / "last month" / "next week" / "the year".
    fn part_base(&self, k: usize) -> Option<Found> {
        if let Some(f) = self.decade(k) {
            return Some(f);
        }
        if let Some(f) = self.season(k) {
            return Some(f);
        }
        if let Some(f) = self
            .calendar_date(k)
            .filter(|f| f.gran == Some(Granularity::Month))
        {
            return Some(f);
        }
        if let Some((y, e)) = self.year4(k) {
            return Some(self.date(
                k,
                e,
                cal::year_value(y),
                cal::year_range(y),
                Granularity::Year,
            ));
        }
        let (shift, uk) = match self.lw(k) {
            "this" | "the" | "current" => (0, k + 1),
            "last" | "previous" | "past" => (-1, k + 1),
            "next" | "coming" => (1, k + 1),
            _ => return None,
        };
        let (unit, plural) = lexicon::unit(self.lw(uk))?;
        if plural {
            return None;
        }
        self.relative_base(k, shift, unit, uk + 1)
    }

    /// This, last or next year / month / week (and "the year" = this year), from token `s` to `e`.
    fn relative_base(&self, s: usize, shift: i64, unit: Unit, e: usize) -> Option<Found> {
        let r = self.reference?;
        match unit {
            Unit::Year => {
                let y = i32::from(r.year()) + shift as i32;
                Some(self.date(
                    s,
                    e,
                    cal::year_value(y),
                    cal::year_range(y),
                    Granularity::Year,
                ))
            }
            Unit::Month => {
                let d = cal::add_months(r, shift)?;
                let (y, m) = (i32::from(d.year()), d.month() as u8);
                Some(self.date(
                    s,
                    e,
                    cal::month_value(y, m),
                    cal::month_range(y, m),
                    Granularity::Month,
                ))
            }
            Unit::Week => {
                let d = cal::add_days(r, 7 * shift)?;
                Some(self.date(
                    s,
                    e,
                    cal::week_value(d),
                    cal::week_range(d),
                    Granularity::Week,
                ))
            }
            _ => None,
        }
    }

    /// Narrows `base` to `part` (see the tables in docs/times.md).
    fn apply_part(&self, s: usize, part: Part, base: Found) -> Option<Found> {
        let (a, b) = base.interval?;
        let e = base.end;
        let gran = base.gran?;
        let ay = i32::from(a.year());
        let (range, g) = match gran {
            Granularity::Month => {
                let (y, m) = (ay, a.month() as u8);
                let r = match part {
                    Part::Early => (ymd(y, m, 1)?, ymd(y, m, 10)?),
                    Part::Mid => (ymd(y, m, 11)?, ymd(y, m, 20)?),
                    Part::Late => (ymd(y, m, 21)?, b),
                    Part::FirstHalf => (a, ymd(y, m, 15)?),
                    Part::SecondHalf => (ymd(y, m, 16)?, b),
                    Part::Earlier | Part::Later => self.before_after(part, a, b)?,
                };
                (r, Granularity::PartOfMonth)
            }
            Granularity::Year => {
                let r = match part {
                    Part::Early => cal::months_range(ay, 1, 4)?,
                    Part::Mid => cal::months_range(ay, 5, 8)?,
                    Part::Late => cal::months_range(ay, 9, 12)?,
                    Part::FirstHalf => cal::months_range(ay, 1, 6)?,
                    Part::SecondHalf => cal::months_range(ay, 7, 12)?,
                    Part::Earlier | Part::Later => self.before_after(part, a, b)?,
                };
                (
                    r,
                    if matches!(part, Part::Earlier | Part::Later) {
                        Granularity::Vague
                    } else {
                        Granularity::PartOfYear
                    },
                )
            }
            Granularity::Decade => {
                let r = match part {
                    Part::Early => (a, ymd(ay + 3, 12, 31)?),
                    Part::Mid => (ymd(ay + 4, 1, 1)?, ymd(ay + 6, 12, 31)?),
                    Part::Late => (ymd(ay + 7, 1, 1)?, b),
                    Part::FirstHalf => (a, ymd(ay + 4, 12, 31)?),
                    Part::SecondHalf => (ymd(ay + 5, 1, 1)?, b),
                    Part::Earlier | Part::Later => return None,
                };
                (r, Granularity::Decade)
            }
            Granularity::Week => {
                let r = match part {
                    Part::Early => (a, cal::add_days(a, 2)?),
                    Part::Mid => (cal::add_days(a, 2)?, cal::add_days(a, 4)?),
                    Part::Late => (cal::add_days(a, 3)?, b),
                    Part::FirstHalf | Part::SecondHalf => return None,
                    Part::Earlier | Part::Later => self.before_after(part, a, b)?,
                };
                (r, Granularity::Week)
            }
            Granularity::Season => {
                // A season's first, middle or last month.
                let r = match part {
                    Part::Early => (a, cal::add_days(cal::add_months(a, 1)?, -1)?),
                    Part::Mid => {
                        let m = cal::add_months(a, 1)?;
                        (m, cal::add_days(cal::add_months(m, 1)?, -1)?)
                    }
                    Part::Late => (cal::add_months(a, 2)?, b),
                    _ => return None,
                };
                (r, Granularity::Season)
            }
            _ => return None,
        };
        // The halves of a year have their own TIMEX3 value.
        let value = match (gran, part) {
            (Granularity::Year, Part::FirstHalf) => format!("{}-H1", base.value),
            (Granularity::Year, Part::SecondHalf) => format!("{}-H2", base.value),
            _ => base.value,
        };
        let mut f = self.date(s, e, value, Some(range), g);
        f.cal = None;
        Some(f)
    }

    /// The part of `a..=b` before (or after) the reference day.
    fn before_after(&self, part: Part, a: Date, b: Date) -> Option<(Date, Date)> {
        let r = self.reference?;
        match part {
            Part::Earlier => {
                let end = cal::add_days(r, -1)?.min(b);
                Some(if end < a { (a, a) } else { (a, end) })
            }
            _ => {
                let start = cal::add_days(r, 1)?.max(a);
                Some(if start > b { (b, b) } else { (start, b) })
            }
        }
    }

    /// "Friday", "on Friday", "last Friday", "next Tuesday", "this Thursday", "Friday morning",
    /// "Friday next week".
    fn weekday_phrase(&self, i: usize) -> Option<Found> {
        let (rel, j) = match self.lw(i) {
            "last" | "previous" => (Some(-1), i + 1),
            "this" if self.is(i + 1, "past") => (Some(-2), i + 2),
            "this" if self.is(i + 1, "coming") => (Some(2), i + 2),
            "past" => (Some(-2), i + 1),
            "coming" => (Some(2), i + 1),
            "this" => (Some(0), i + 1),
            "next" | "following" => (Some(1), i + 1),
            "early" | "late" | "earlier" | "later" => (None, i + 1),
            _ => (None, i),
        };
        let t = self.tok(j)?;
        let wd = lexicon::weekday(&t.lower)?;
        // Abbreviations and plurals ("Sun", "Mondays") need care: "Sun" is a newspaper and
        // "Mondays" is a set, handled elsewhere.
        if t.lower.len() <= 4
            && !(self.is(j + 1, ".") && self.glued(j + 1))
            && !t.lower.ends_with("day")
        {
            return None;
        }
        if t.lower.ends_with('s') || !t.is_capitalized() && t.lower.len() <= 4 {
            return None;
        }
        let mut e = j + 1;
        if self.is(e, ".") && self.glued(e) && t.lower.len() <= 4 {
            e += 1;
        }
        // "Friday next week", "Friday of last week"
        let mut rel = rel;
        let k = if self.is(e, "of") { e + 1 } else { e };
        match (self.lw(k), self.lw(k + 1)) {
            ("next", "week") => {
                rel = Some(1);
                e = k + 2;
            }
            ("last", "week") => {
                rel = Some(-1);
                e = k + 2;
            }
            ("this", "week") => {
                rel = Some(0);
                e = k + 2;
            }
            _ => {}
        }
        let day = self.reference.and_then(|r| {
            let rw = i64::from(cal::weekday_number(r));
            let w = i64::from(wd);
            let off = match rel {
                // "this past Wednesday": the last one before the reference day; "the coming
                // Thursday": the next one after it.
                Some(-2) => -((rw - w - 1).rem_euclid(7) + 1),
                Some(2) => (w - rw - 1).rem_euclid(7) + 1,
                Some(k) => w - rw + 7 * k,
                None => {
                    let back = -((rw - w).rem_euclid(7));
                    let fwd = (w - rw).rem_euclid(7);
                    match self.tense(i, e) {
                        Tense::Past => back,
                        Tense::Future => {
                            if fwd == 0 {
                                7
                            } else {
                                fwd
                            }
                        }
                        Tense::Unknown => {
                            if -back <= 2 * fwd {
                                back
                            } else {
                                fwd
                            }
                        }
                    }
                }
            };
            cal::add_days(r, off)
        });
        // A part of the day makes it a TIME: "Friday morning".
        if let Some(pod) = lexicon::part_of_day(self.lw(e)) {
            let value = day.map_or_else(
                || format!("XXXX-WXX-{wd}T{pod}"),
                |d| format!("{}T{pod}", cal::day_value(d)),
            );
            let mut f = self.found(i, e + 1, TimeType::Time, value);
            f.interval = day.map(|d| (d, d));
            f.gran = Some(Granularity::Day);
            return Some(f);
        }
        Some(match day {
            Some(d) => self.date(i, e, cal::day_value(d), Some((d, d)), Granularity::Day),
            None => self.date(i, e, format!("XXXX-WXX-{wd}"), None, Granularity::Day),
        })
    }

    /// "today", "yesterday", "tomorrow", "tonight", "the day before yesterday", "this morning",
    /// "yesterday afternoon", "last night", "late yesterday".
    fn day_word(&self, i: usize) -> Option<Found> {
        let s = i;
        let i = if self.any(i, &["early", "late", "earlier", "later"])
            && self.any(i + 1, &["today", "yesterday", "tomorrow"])
        {
            i + 1
        } else {
            i
        };
        let (off, mut e, pod) = match (self.lw(i), self.lw(i + 1), self.lw(i + 2)) {
            ("the", "day", "before") if self.is(i + 3, "yesterday") => (-2, i + 4, None),
            ("the", "day", "after") if self.any(i + 3, &["tomorrow", "tmrw"]) => (2, i + 4, None),
            ("today", _, _) => (0, i + 1, None),
            ("yesterday", _, _) => (-1, i + 1, None),
            ("tomorrow" | "tmrw", _, _) => (1, i + 1, None),
            ("tonight", _, _) => (0, i + 1, Some("NI")),
            ("overnight", _, _) => (0, i + 1, Some("NI")),
            ("this", w, _) if lexicon::part_of_day(w).is_some() && w != "night" => {
                (0, i + 2, lexicon::part_of_day(w))
            }
            ("last", "night", _) => (-1, i + 2, Some("NI")),
            _ => return None,
        };
        let mut pod = pod;
        if pod.is_none() {
            if let Some(p) = lexicon::part_of_day(self.lw(e)) {
                if self.lw(i) != "overnight" {
                    pod = Some(p);
                    e += 1;
                }
            }
        }
        let d = self.reference.and_then(|r| cal::add_days(r, off));
        let (kind, value) = match (d, pod) {
            (Some(d), Some(p)) => (TimeType::Time, format!("{}T{p}", cal::day_value(d))),
            (Some(d), None) => (TimeType::Date, cal::day_value(d)),
            (None, Some(p)) => (TimeType::Time, format!("XXXX-XX-XXT{p}")),
            (None, None) => (
                TimeType::Date,
                match off {
                    0 => "PRESENT_REF".to_owned(),
                    n if n < 0 => "PAST_REF".to_owned(),
                    _ => "FUTURE_REF".to_owned(),
                },
            ),
        };
        let mut f = self.found(s, e, kind, value);
        f.interval = d.map(|d| (d, d));
        f.gran = Some(Granularity::Day);
        Some(f)
    }

    /// "two days ago", "a year ago", "three weeks earlier", "almost four years ago".
    fn ago(&self, i: usize) -> Option<Found> {
        let j = self.modifier(i).unwrap_or(i);
        if let Some(f) = self.compound_ago(i, j) {
            return Some(f);
        }
        let (amount, k) = self.amount(j)?;
        let (unit, _) = lexicon::unit(self.lw(k))?;
        let e = k + 1;
        if !self.any(e, &["ago", "earlier", "before"]) {
            return None;
        }
        // "earlier"/"before" anchor to the reference only when nothing else is in view ("a year
        // earlier" in a report is the year before the report).
        if self.is(e, "before") && !self.any(e + 1, &[".", ",", ";", ""]) {
            return None;
        }
        let end = e + 1;
        let Amount::Known(n) = amount else {
            let (u, _) = unit.timex();
            let mut f = self.date(i, end, "PAST_REF".to_owned(), None, Granularity::Vague);
            let _ = u;
            f.kind = TimeType::Date;
            return Some(f);
        };
        if n.fract() != 0.0 {
            return None;
        }
        let n = n as i64;
        let Some(r) = self.reference else {
            return Some(self.date(i, end, "PAST_REF".to_owned(), None, Granularity::Vague));
        };
        Some(match unit {
            Unit::Day => {
                let d = cal::add_days(r, -n)?;
                self.date(i, end, cal::day_value(d), Some((d, d)), Granularity::Day)
            }
            Unit::Week | Unit::Weekend => {
                let d = cal::add_days(r, -7 * n)?;
                self.date(
                    i,
                    end,
                    cal::week_value(d),
                    cal::week_range(d),
                    Granularity::Week,
                )
            }
            Unit::Month => {
                let d = cal::add_months(r, -n)?;
                let (y, m) = (i32::from(d.year()), d.month() as u8);
                self.date(
                    i,
                    end,
                    cal::month_value(y, m),
                    cal::month_range(y, m),
                    Granularity::Month,
                )
            }
            Unit::Quarter => {
                let d = cal::add_months(r, -3 * n)?;
                let (y, q) = (i32::from(d.year()), cal::quarter_of(d));
                self.date(
                    i,
                    end,
                    format!("{y:04}-Q{q}"),
                    cal::quarter_range(y, q),
                    Granularity::Quarter,
                )
            }
            Unit::Year => {
                let y = i32::from(r.year()) - n as i32;
                self.date(
                    i,
                    end,
                    cal::year_value(y),
                    cal::year_range(y),
                    Granularity::Year,
                )
            }
            Unit::Decade => {
                let y = i32::from(r.year()) - 10 * n as i32;
                self.date(
                    i,
                    end,
                    cal::year_value(y),
                    cal::year_range(y),
                    Granularity::Year,
                )
            }
            Unit::Century => {
                let y = i32::from(r.year()) - 100 * n as i32;
                self.date(
                    i,
                    end,
                    cal::year_value(y),
                    cal::year_range(y),
                    Granularity::Year,
                )
            }
            Unit::Second | Unit::Minute | Unit::Hour => {
                self.date(i, end, cal::day_value(r), Some((r, r)), Granularity::Day)
            }
        })
    }

    /// "1 month 21 days ago", "two weeks and two days ago", "2 years, 1 month ago": several
    /// amounts that add up to an exact day before the reference.
    fn compound_ago(&self, s: usize, j: usize) -> Option<Found> {
        let r = self.reference?;
        let mut d = r;
        let mut k = j;
        let mut parts = 0;
        loop {
            let (Amount::Known(n), ak) = self.amount(k)? else {
                return None;
            };
            if n.fract() != 0.0 {
                return None;
            }
            let n = n as i64;
            let (unit, _) = lexicon::unit(self.lw(ak))?;
            d = match unit {
                Unit::Day => cal::add_days(d, -n)?,
                Unit::Week => cal::add_days(d, -7 * n)?,
                Unit::Month => cal::add_months(d, -n)?,
                Unit::Year => cal::add_months(d, -12 * n)?,
                _ => return None,
            };
            parts += 1;
            k = ak + 1;
            if self.is(k, "ago") {
                break;
            }
            if self.any(k, &["and", ","]) {
                k += 1;
            }
        }
        (parts > 1).then(|| self.date(s, k + 1, cal::day_value(d), Some((d, d)), Granularity::Day))
    }

    /// Offsets from a named day or from now: "two days after today", "three weeks from
    /// tomorrow", "two days before yesterday", and "in two weeks" in a future-tense clause.
    fn offset_date(&self, i: usize) -> Option<Found> {
        let r = self.reference?;
        // "for 3 days from today" is a stretch of days starting today (see `duration`), and
        // "within 2 weeks from today" the stretch up to that day.
        if i > 0 && self.any(i - 1, &["for", "within"]) {
            return None;
        }
        let leading_in = self.is(i, "in");
        let j = if leading_in { i + 1 } else { i };
        let (amount, k) = self.amount(j)?;
        let Amount::Known(n) = amount else {
            return None;
        };
        if n.fract() != 0.0 {
            return None;
        }
        let (unit, _) = lexicon::unit(self.lw(k))?;
        let mut e = k + 1;
        let (sign, base) = match (self.lw(e), self.lw(e + 1)) {
            ("from" | "after", "today" | "now") => (1, 0),
            ("from" | "after", "tomorrow") => (1, 1),
            ("from" | "after", "yesterday") => (1, -1),
            ("before", "today" | "now") => (-1, 0),
            ("before", "yesterday") => (-1, -1),
            ("before", "tomorrow") => (-1, 1),
            // "in two weeks" as a date only in a future-tense clause, not in "the first time
            // in two weeks", and not for years ("in five years" is mostly a span in news).
            _ if leading_in
                && matches!(unit, Unit::Day | Unit::Week | Unit::Month)
                && !(i > 0 && self.any(i - 1, &["time", "times", "first", "once"]))
                && self.tense(i, e) == Tense::Future =>
            {
                e -= 1;
                (1, 0)
            }
            // "three days after January 12th", "two weeks before Christmas", "16 days from
            // 01/02/2018": an offset from a named day.
            ("from" | "after" | "before", _) => {
                let day = self.at(e + 1).filter(|f| {
                    f.gran == Some(Granularity::Day)
                        && f.interval.is_some_and(|(a, b)| a == b)
                        && f.kind == TimeType::Date
                })?;
                let (d0, _) = day.interval?;
                let n = n as i64 * if self.is(e, "before") { -1 } else { 1 };
                let d = match unit {
                    Unit::Day => cal::add_days(d0, n)?,
                    Unit::Week => cal::add_days(d0, 7 * n)?,
                    Unit::Month => cal::add_months(d0, n)?,
                    Unit::Year => cal::add_months(d0, 12 * n)?,
                    _ => return None,
                };
                return Some(self.date(
                    i,
                    day.end,
                    cal::day_value(d),
                    Some((d, d)),
                    Granularity::Day,
                ));
            }
            _ => return None,
        };
        e += if base == 0 && self.lw(e) != "from" && self.lw(e) != "after" && self.lw(e) != "before"
        {
            1
        } else {
            2
        };
        let n = n as i64 * sign;
        let start = cal::add_days(r, base)?;
        let d = match unit {
            Unit::Day => cal::add_days(start, n)?,
            Unit::Week => cal::add_days(start, 7 * n)?,
            Unit::Month => cal::add_months(start, n)?,
            Unit::Year => cal::add_months(start, 12 * n)?,
            _ => return None,
        };
        Some(self.date(i, e, cal::day_value(d), Some((d, d)), Granularity::Day))
    }

    /// A hedge in front of a duration ("almost", "more than"); returns the position after it.
    fn modifier(&self, i: usize) -> Option<usize> {
        lexicon::DURATION_MODIFIERS
            .iter()
            .find_map(|m| self.seq(i, m))
    }

    /// The quarter the text spoke of last, if it did so within the last few sentences, else the
    /// last full quarter before the reference (what a report written then is about).
    fn quarter_context(&self, i: usize) -> Option<(i32, u8, bool)> {
        if let Some((y, q, at)) = self.last_quarter.get() {
            if at <= i && i - at <= 80 {
                return Some((y, q, true));
            }
        }
        let d = cal::add_months(self.reference?, -3)?;
        Some((i32::from(d.year()), cal::quarter_of(d), false))
    }

    fn quarter_found(&self, s: usize, e: usize, y: i32, q: u8) -> Found {
        self.date(
            s,
            e,
            format!("{y:04}-Q{q}"),
            cal::quarter_range(y, q),
            Granularity::Quarter,
        )
    }

    /// Periods a year back and periods of a report: "a year ago", "a year earlier",
    /// "year-earlier", "the year-ago quarter", "the year-earlier third quarter", "the 1988
    /// period", "the same period last year", "last year's quarter", "the quarter", "the latest
    /// quarter". After a quarter has been named, "a year earlier" means that quarter a year
    /// before (the usual comparison in company reports); otherwise the year before.
    fn year_ago(&self, i: usize) -> Option<Found> {
        let r = self.reference?;
        let ry = i32::from(r.year());
        let j = self.skip_the(i);
        let j = if self.any(j, &["comparable", "corresponding", "same"]) {
            j + 1
        } else {
            j
        };
        let (cy, cq, recent) = self.quarter_context(i)?;
        let back_year = |s: usize, e: usize| {
            if recent {
                self.quarter_found(s, e, cy - 1, cq)
            } else {
                self.date(
                    s,
                    e,
                    cal::year_value(ry - 1),
                    cal::year_range(ry - 1),
                    Granularity::Year,
                )
            }
        };
        // "year-ago", "year-earlier", with or without a period after it.
        if self.is(j, "year")
            && self.hyphen(j + 1).is_some()
            && self.any(j + 2, &["earlier", "ago"])
        {
            let k = j + 3;
            let k2 = if self.is(k, "fiscal") { k + 1 } else { k };
            if let Some(q) = match self.lw(k2) {
                "first" => Some(1),
                "second" => Some(2),
                "third" => Some(3),
                "fourth" => Some(4),
                _ => None,
            } {
                let k3 = self.hyphen(k2 + 1).unwrap_or(k2 + 1);
                if self.is(k3, "quarter") {
                    return Some(self.quarter_found(i, k3 + 1, cy - 1, q));
                }
            }
            if self.any(k2, &["quarter", "period"]) {
                return Some(self.quarter_found(i, k2 + 1, cy - 1, cq));
            }
            // A bare adjective: "year-earlier" results. "The" stays outside, as TimeML has it.
            return Some(back_year(j, k));
        }
        // "a year ago", "a year earlier"
        if let Some(k) = self
            .seq(j, &["a", "year", "ago"])
            .or_else(|| self.seq(j, &["a", "year", "earlier"]))
        {
            if j != i {
                return None;
            }
            return Some(back_year(i, k));
        }
        // "the 1988 period", "the 1988 quarter"
        if j > i {
            if let Some((y, k)) = self.year4(j) {
                if self.any(k, &["period", "quarter"]) {
                    return Some(self.quarter_found(i, k + 1, y, cq));
                }
            }
        }
        // "the same period last year", "the quarter a year ago", "last year's quarter"
        if self.any(j, &["period", "quarter"]) && j > i {
            let k = j + 1;
            if let Some(e) = self
                .seq(k, &["last", "year"])
                .or_else(|| self.seq(k, &["a", "year", "ago"]))
                .or_else(|| self.seq(k, &["a", "year", "earlier"]))
            {
                return Some(self.quarter_found(i, e, cy - 1, cq));
            }
        }
        if let Some(k) = self.seq(i, &["last", "year", "'s"]) {
            if self.any(k, &["quarter", "period"]) {
                return Some(self.quarter_found(i, k + 1, cy - 1, cq));
            }
        }
        // "the quarter", "the latest quarter", "the latest period", "the most recent quarter"
        if j > i {
            let k = if self.is(j, "latest") {
                j + 1
            } else if self.seq(j, &["most", "recent"]).is_some() {
                j + 2
            } else {
                j
            };
            if self.is(k, "quarter") || (k > j && self.is(k, "period")) {
                return Some(self.quarter_found(i, k + 1, cy, cq));
            }
        }
        None
    }

    /// "last year", "this month", "next week", "the past year", "the previous month", "this
    /// weekend", "the coming days", "a year earlier", "year-earlier", "the weekend".
    fn relative_unit(&self, i: usize) -> Option<Found> {
        let r = self.reference;
        let j = self.skip_the(i);
        // "year-end", "year end": the end of this year.
        if self.is(j, "year") && self.hyphen(j + 1).is_some() && self.is(j + 2, "end") {
            let r = r?;
            let y = i32::from(r.year());
            return Some(self.date(
                i,
                j + 3,
                cal::year_value(y),
                cal::months_range(y, 12, 12),
                Granularity::PartOfYear,
            ));
        }
        // "the week after next", "the month after the next"
        if j > i {
            if let Some((unit @ (Unit::Week | Unit::Weekend | Unit::Month | Unit::Year), false)) =
                lexicon::unit(self.lw(j))
            {
                let a = j + 1;
                let e = self
                    .seq(a, &["after", "next"])
                    .or_else(|| self.seq(a, &["after", "the", "next"]))?;
                let r = r?;
                if unit == Unit::Weekend {
                    return self.weekend_of(i, e, cal::add_days(r, 14)?);
                }
                return self.relative_base(i, 2, unit, e);
            }
        }
        let (shift, mut k) = match self.lw(j) {
            "last" | "past" | "previous" => (-1, j + 1),
            "this" | "current" => (0, j + 1),
            "next" | "coming" | "following" | "upcoming" => (1, j + 1),
            "latest" if j > i => (0, j + 1),
            _ => return None,
        };
        // "this calendar year" is this year.
        if self.is(k, "calendar") && self.is(k + 1, "year") {
            k += 1;
        }
        // "this working week", "next workweek": Monday to Friday.
        let work = self
            .seq(k, &["working", "week"])
            .or_else(|| self.seq(k, &["work", "week"]))
            .or_else(|| self.seq(k, &["workweek"]));
        if let (Some(e), Some(r)) = (work, r) {
            if self.is(j, "following") {
                return None;
            }
            let d = cal::add_days(r, 7 * shift)?;
            let (mon, _) = cal::week_range(d)?;
            let fri = cal::add_days(mon, 4)?;
            return Some(self.date(
                i,
                e,
                cal::week_value(d),
                Some((mon, fri)),
                Granularity::Week,
            ));
        }
        let (unit, plural) = lexicon::unit(self.lw(k))?;
        if plural {
            // "the coming days", "the next few weeks" are handled as durations or vague refs.
            if self.any(j, &["coming"]) && j > i {
                let r = r?;
                let (value, end) = match unit {
                    Unit::Day => ("FUTURE_REF", cal::add_days(r, 14)?),
                    Unit::Week => ("FUTURE_REF", cal::add_days(r, 56)?),
                    Unit::Month => ("FUTURE_REF", cal::add_months(r, 12)?),
                    Unit::Year => ("FUTURE_REF", cal::add_months(r, 60)?),
                    _ => return None,
                };
                let start = cal::add_days(r, 1)?;
                return Some(self.date(
                    i,
                    k + 1,
                    value.to_owned(),
                    Some((start, end)),
                    Granularity::Vague,
                ));
            }
            return None;
        }
        // "the following year" needs a narrative anchor the tagger does not track.
        if self.is(j, "following") {
            return None;
        }
        // "last week" but not "the last week of July" (that is a part of July).
        if self.is(k + 1, "of") {
            return None;
        }
        let e = k + 1;
        let Some(r) = r else {
            let value = match shift {
                0 => "PRESENT_REF",
                s if s < 0 => "PAST_REF",
                _ => "FUTURE_REF",
            };
            return Some(self.date(i, e, value.to_owned(), None, Granularity::Vague));
        };
        match unit {
            Unit::Week => {
                // "next week Sunday", "next week on Friday", "previous week - Monday": that day
                // of that week.
                let mut k = e;
                if self.any(k, &["on", "-"]) {
                    k += 1;
                }
                let d = cal::add_days(r, 7 * shift)?;
                if let Some(w) = lexicon::weekday(self.lw(k)) {
                    let (mon, _) = cal::week_range(d)?;
                    let day = cal::add_days(mon, i64::from(w) - 1)?;
                    return Some(self.date(
                        i,
                        k + 1,
                        cal::day_value(day),
                        Some((day, day)),
                        Granularity::Day,
                    ));
                }
                self.relative_base(i, shift, unit, e)
            }
            Unit::Year | Unit::Month => self.relative_base(i, shift, unit, e).map(|mut f| {
                f.start = i;
                f
            }),
            Unit::Quarter => {
                let d = cal::add_months(r, 3 * shift)?;
                let (y, q) = (i32::from(d.year()), cal::quarter_of(d));
                Some(self.quarter_found(i, e, y, q))
            }
            Unit::Weekend => {
                // The weekend of this week, the last one or the next one.
                self.weekend_of(i, e, cal::add_days(r, 7 * shift)?)
            }
            Unit::Decade => {
                let base = i32::from(r.year()) / 10 * 10 + 10 * shift as i32;
                Some(self.date(
                    i,
                    e,
                    format!("{:03}", base / 10),
                    Some((ymd(base, 1, 1)?, ymd(base + 9, 12, 31)?)),
                    Granularity::Decade,
                ))
            }
            Unit::Day => {
                let d = cal::add_days(r, shift)?;
                Some(self.date(i, e, cal::day_value(d), Some((d, d)), Granularity::Day))
            }
            _ => None,
        }
    }

    /// An ISO week by number: "week 31", "the week 3 of 2027", "week 27 of last year" (the
    /// reference year when none is named).
    fn week_number(&self, i: usize) -> Option<Found> {
        let j = self.skip_the(i);
        if !self.is(j, "week") {
            return None;
        }
        let t = self.tok(j + 1)?;
        if t.kind != TokKind::Num || !t.text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: i64 = t.text.parse().ok()?;
        if !(1..=53).contains(&n) {
            return None;
        }
        let mut e = j + 2;
        let mut year = self.reference.map(|r| i32::from(r.year()));
        if self.is(e, "of") {
            if let Some(b) = self
                .period_base(e + 1)
                .filter(|b| b.gran == Some(Granularity::Year))
            {
                year = b.interval.map(|(a, _)| i32::from(a.year()));
                e = b.end;
            }
        }
        let y = year?;
        // ISO week 1 holds January 4th.
        let jan4 = ymd(y, 1, 4)?;
        let (mon1, _) = cal::week_range(jan4)?;
        let mon = cal::add_days(mon1, 7 * (n - 1))?;
        if n == 53 && cal::week_value(mon) != format!("{y:04}-W53") {
            return None;
        }
        let sun = cal::add_days(mon, 6)?;
        Some(self.date(
            i,
            e,
            cal::week_value(mon),
            Some((mon, sun)),
            Granularity::Week,
        ))
    }

    /// A day of the month alone, in digits with an ordinal suffix after "on the", "by the"…:
    /// "on the 18th" is in the reference's month, or the month before (past tense) or after
    /// (future tense) when the day has already passed or is still to come.
    fn day_of_month(&self, i: usize) -> Option<Found> {
        if !self.is(i, "the")
            || i == 0
            || !self.any(
                i - 1,
                &["on", "by", "for", "until", "till", "since", "from"],
            )
        {
            return None;
        }
        let t = self.tok(i + 1)?;
        let (d, e) = self.day(i + 1)?;
        // An ordinal word only at the end of a phrase ("on the third.", "for the twenty
        // second"), not "for the second time".
        if t.kind != TokKind::Num && self.tok(e).is_some_and(|t| t.kind != TokKind::Punct) {
            return None;
        }
        // A bare number only at the end of a phrase ("for the 27."), not "the 27 members".
        if t.text.bytes().all(|b| b.is_ascii_digit())
            && self.tok(e).is_some_and(|t| t.kind != TokKind::Punct)
        {
            return None;
        }
        // "the 18th century", "the 4th of July" belong to other patterns.
        if self.tok(e).is_some_and(|t| t.kind == TokKind::Word)
            && !self.any(e, &["and", "or", "to", "at"])
        {
            return None;
        }
        let r = self.reference?;
        let here = ymd(i32::from(r.year()), r.month() as u8, d);
        let shifted = |k: i64| {
            let m = cal::add_months(ymd(i32::from(r.year()), r.month() as u8, 1)?, k)?;
            ymd(i32::from(m.year()), m.month() as u8, d)
        };
        let date = match self.tense(i, e) {
            Tense::Past if here.is_none_or(|x| x > r) => shifted(-1),
            Tense::Future if here.is_none_or(|x| x < r) => shifted(1),
            _ => here,
        }?;
        Some(self.date(
            i,
            e,
            cal::day_value(date),
            Some((date, date)),
            Granularity::Day,
        ))
    }

    /// The week around a day: "the week of April 10th", "the week of the 18th", "the week
    /// beginning February 4", "w/c Feb 4" (week commencing). Monday to Sunday.
    fn week_of_day(&self, i: usize) -> Option<Found> {
        let j = self.skip_the(i);
        let k = if self.is(j, "week") {
            if self.is(j + 1, "of") {
                j + 2
            } else if self.any(j + 1, &["beginning", "starting", "commencing"]) {
                if self.is(j + 2, "on") {
                    j + 3
                } else {
                    j + 2
                }
            } else {
                return None;
            }
        } else if j == i && self.seq(i, &["w", "/", "c"]).is_some() {
            i + 3
        } else {
            return None;
        };
        let day = self
            .calendar_date(k)
            .or_else(|| self.day_of_month_after(k))
            .filter(|f| f.gran == Some(Granularity::Day))?;
        let (d, _) = day.interval?;
        let (mon, sun) = cal::week_range(d)?;
        Some(self.date(
            i,
            day.end,
            cal::week_value(d),
            Some((mon, sun)),
            Granularity::Week,
        ))
    }

    /// "the 18th" read as a day of the month wherever it stands (see `day_of_month`).
    fn day_of_month_after(&self, k: usize) -> Option<Found> {
        if !self.is(k, "the") {
            return None;
        }
        let (d, e) = self.day(k + 1)?;
        let r = self.reference?;
        let date = ymd(i32::from(r.year()), r.month() as u8, d)?;
        Some(self.date(
            k,
            e,
            cal::day_value(date),
            Some((date, date)),
            Granularity::Day,
        ))
    }

    /// A year before its month: "2017 april", "2016, nov" (not "2016 may", a verb).
    fn year_month(&self, i: usize) -> Option<Found> {
        let (y, k) = self.year4(i)?;
        let k = self.skip_comma(k);
        let t = self.tok(k)?;
        if t.kind != TokKind::Word
            || matches!(t.lower.as_ref(), "may" | "march") && !t.is_capitalized()
        {
            return None;
        }
        let (m, e) = self.month(k, false)?;
        // "2015 May and 2018": a capitalized May is a month; a day may follow ("2016 June 5").
        if self.day(e).is_some() {
            return None;
        }
        self.ymd_found(i, e, y, u32::from(m), None)
    }

    /// The weekend (Saturday and Sunday) of the ISO week holding `d`.
    fn weekend_of(&self, s: usize, e: usize, d: Date) -> Option<Found> {
        let (mon, _) = cal::week_range(d)?;
        let sat = cal::add_days(mon, 5)?;
        let sun = cal::add_days(mon, 6)?;
        Some(self.date(
            s,
            e,
            format!("{}-WE", cal::week_value(d)),
            Some((sat, sun)),
            Granularity::Week,
        ))
    }

    /// A weekday of a week named after it: "Monday of the following week", "Friday of next
    /// week". (Here "following" is the week after the reference, as nothing else anchors it.)
    fn weekday_of_week(&self, i: usize) -> Option<Found> {
        let r = self.reference?;
        let w = lexicon::weekday(self.lw(i))?;
        let k = self.seq(i + 1, &["of"])?;
        let k = self.skip_the(k);
        let shift = match self.lw(k) {
            "next" | "following" | "coming" => 1,
            "last" | "previous" => -1,
            "this" | "current" => 0,
            _ => return None,
        };
        if !self.is(k + 1, "week") {
            return None;
        }
        let (mon, _) = cal::week_range(cal::add_days(r, 7 * shift)?)?;
        let d = cal::add_days(mon, i64::from(w) - 1)?;
        Some(self.date(i, k + 2, cal::day_value(d), Some((d, d)), Granularity::Day))
    }

    /// What is left of the current week, month or year, the reference day included: "the rest
    /// of the week", "the remainder of the year", "the remaining of the month".
    fn rest_of(&self, i: usize) -> Option<Found> {
        let r = self.reference?;
        let j = self.skip_the(i);
        if !self.any(j, &["rest", "remainder", "remaining"]) {
            return None;
        }
        let mut k = j + 1;
        if self.is(k, "of") {
            k += 1;
        }
        if self.any(k, &["the", "this", "my", "our", "current"]) {
            k += 1;
        }
        let (unit, false) = lexicon::unit(self.lw(k))? else {
            return None;
        };
        let base = self.relative_base(k, 0, unit, k + 1)?;
        let (_, end) = base.interval?;
        Some(self.date(i, k + 1, base.value, Some((r, end)), Granularity::Vague))
    }

    /// "the weekend" (the last one in a past-tense clause, the next one in a future one, else
    /// the nearest), "the year", "the full year", "the current fiscal year" (the reference year).
    fn the_period(&self, i: usize) -> Option<Found> {
        if !self.is(i, "the") {
            return None;
        }
        let r = self.reference?;
        if self.is(i + 1, "weekend") {
            let e = i + 2;
            let (mon, _) = cal::week_range(r)?;
            let this_sat = cal::add_days(mon, 5)?;
            let past = if r >= this_sat {
                this_sat
            } else {
                cal::add_days(this_sat, -7)?
            };
            let next = if r >= this_sat {
                cal::add_days(this_sat, 7)?
            } else {
                this_sat
            };
            let sat = match self.tense(i, e) {
                Tense::Past => past,
                Tense::Future => next,
                Tense::Unknown => {
                    if (r - past).get_days() <= 2 * (next - r).get_days() {
                        past
                    } else {
                        next
                    }
                }
            };
            let sun = cal::add_days(sat, 1)?;
            return Some(self.date(
                i,
                e,
                format!("{}-WE", cal::week_value(sat)),
                Some((sat, sun)),
                Granularity::Week,
            ));
        }
        // "for the week.", "partner of the month.", "blocked for the day": at the end of a
        // phrase these are the reference's own week, month, day ("the day he died", "the week
        // before" are anchored elsewhere and not read).
        if self
            .tok(i + 2)
            .is_none_or(|t| t.kind == TokKind::Punct && t.lower != "-")
        {
            let (value, range, gran) = match self.lw(i + 1) {
                "week" => (cal::week_value(r), cal::week_range(r), Granularity::Week),
                "month" => {
                    let (y, m) = (i32::from(r.year()), r.month() as u8);
                    (
                        cal::month_value(y, m),
                        cal::month_range(y, m),
                        Granularity::Month,
                    )
                }
                "day" => (cal::day_value(r), Some((r, r)), Granularity::Day),
                _ => (String::new(), None, Granularity::Day),
            };
            if range.is_some() {
                return Some(self.date(i, i + 2, value, range, gran));
            }
        }
        let mut k = i + 1;
        if self.any(k, &["full", "current", "present", "latest"]) {
            k += 1;
        }
        if self.any(k, &["fiscal", "calendar"]) {
            k += 1;
        }
        if !self.is(k, "year")
            || self.hyphen(k + 1).is_some()
            || self.any(k + 1, &["ago", "earlier", "before", "after", "later", "'s"])
        {
            return None;
        }
        let y = i32::from(r.year());
        Some(self.date(
            i,
            k + 1,
            cal::year_value(y),
            cal::year_range(y),
            Granularity::Year,
        ))
    }

    /// Durations: "three years", "for three months", "the past three years", "two-week",
    /// "a decade", "decades", "the next few months", "almost seven years", "the first nine months".
    fn duration(&self, i: usize) -> Option<Found> {
        let mut j = self.skip_the(i);
        let mut framed = false;
        let frame_at = j;
        if self.any(
            j,
            &[
                "past",
                "last",
                "next",
                "coming",
                "upcoming",
                "first",
                "previous",
                "following",
                "final",
                "recent",
                "latest",
            ],
        ) {
            j += 1;
            framed = true;
        }
        // "the 3 next weeks", "the 5 past years": the amount before the framing word.
        if !framed {
            if let Some((Amount::Known(n), k)) = self.amount(j) {
                if self.any(
                    k,
                    &["next", "past", "previous", "upcoming", "coming", "last"],
                ) && k == j + 1
                {
                    if let Some((unit, true)) = lexicon::unit(self.lw(k + 1)) {
                        let value = known_duration(unit, n)?;
                        let mut f = self.found_duration(i, k + 2, value);
                        f.interval = self.anchored_span(self.lw(k), i, Amount::Known(n), unit);
                        return Some(f);
                    }
                }
            }
        }
        let j = self.modifier(j).unwrap_or(j);
        // A bare plural ("years", "decades") is a vague duration after "for", "over", "within"
        // or a framing word.
        if let Some((unit, true)) = lexicon::unit(self.lw(j)) {
            let cue = framed
                || (i > 0
                    && self.any(
                        i - 1,
                        &[
                            "for", "over", "within", "took", "take", "takes", "lasted", "spent",
                            "last", "lasting", "after", "in",
                        ],
                    ));
            if !cue
                || unit == Unit::Weekend
                || j != self.skip_the(i) && !framed && self.modifier(self.skip_the(i)).is_none()
            {
                return None;
            }
            let value = vague_duration(unit);
            let mut f = self.found_duration(i, j + 1, value);
            if framed && self.modifier(frame_at + 1).is_none() {
                f.interval = self.anchored_span(self.lw(frame_at), i, Amount::Vague, unit);
            }
            return Some(f);
        }
        // "the 1988 quarter" is a date, not 1,988 quarters.
        if self
            .tok(j)
            .is_some_and(|t| t.kind == TokKind::Num && t.text.len() == 4)
            && j > i
            && !framed
        {
            return None;
        }
        let (amount, k) = self.amount(j)?;
        let hyphenated = lexicon::unit(self.lw(k)).is_none();
        let (unit, plural) = if hyphenated {
            // "two-week", "10-year": the unit after a hyphen.
            self.hyphen(k).and_then(|h| lexicon::unit(self.lw(h)))?
        } else {
            lexicon::unit(self.lw(k))?
        };
        let ku = if hyphenated { k + 1 } else { k };
        // "a year ago" belongs to the patterns of past dates.
        if self.is(ku + 1, "ago") {
            return None;
        }
        if amount == Amount::Known(1.0) && plural {
            return None;
        }
        let mut e = ku + 1;
        // "-long", "-old"
        if self.hyphen(e).is_some() && self.any(e + 1, &["long", "old"]) {
            e += 2;
        }
        // A bare "a" with a singular unit and no frame is rarely a duration in news ("a day
        // after", "a year earlier"); keep it only after a cue.
        let lone_a = matches!(self.lw(j), "a" | "an") && k == j + 1;
        if lone_a && !framed && j == self.skip_the(i) {
            let before = i.checked_sub(1).map_or("", |p| self.lw(p));
            if !matches!(
                before,
                "for"
                    | "in"
                    | "within"
                    | "over"
                    | "after"
                    | "than"
                    | "took"
                    | "lasted"
                    | "spent"
                    | "last"
                    | "once"
                    | "least"
            ) {
                return None;
            }
            if self.any(e, &["earlier", "later", "before", "after", "from"]) && before != "for" {
                return None;
            }
        }
        let value = match amount {
            Amount::Vague => vague_duration(unit),
            Amount::Known(n) => known_duration(unit, n)?,
        };
        // TimeML leaves "the" out of an adjective ("the two-week delay", "the two day visit").
        let start = if !framed && j == self.skip_the(i) && j > i && (hyphenated || !plural) {
            j
        } else {
            i
        };
        let mut f = self.found_duration(start, e, value);
        // "for 3 days from today", "2 weeks starting May 20th", "a week starting tomorrow": the
        // duration starts on that day (the day stays its own expression, as in TimeML).
        if !hyphenated && !framed {
            let mut k = e;
            if self.is(k, ",") {
                k += 1;
            }
            let starts = if self.any(k, &["starting", "beginning"]) {
                Some(if self.any(k + 1, &["from", "on"]) {
                    k + 2
                } else {
                    k + 1
                })
            } else if self.is(k, "from") && i > 0 && self.is(i - 1, "for") {
                Some(k + 1)
            } else {
                None
            };
            if let (Some(b), Amount::Known(n)) = (starts, amount) {
                let day = self.at(b).filter(|f| {
                    f.kind == TimeType::Date
                        && f.gran == Some(Granularity::Day)
                        && f.interval.is_some_and(|(a, b)| a == b)
                });
                if let (Some((d0, _)), true) = (day.and_then(|f| f.interval), n.fract() == 0.0) {
                    let n = n as i64;
                    let end = match unit {
                        Unit::Day => cal::add_days(d0, n),
                        Unit::Week => cal::add_days(d0, 7 * n),
                        Unit::Month => cal::add_months(d0, n),
                        Unit::Year => cal::add_months(d0, 12 * n),
                        _ => None,
                    };
                    if let Some(end) = end.and_then(|x| cal::add_days(x, -1)) {
                        f.interval = Some((d0, end));
                        return Some(f);
                    }
                }
            }
        }
        if !hyphenated && j == frame_at + usize::from(framed) {
            let frame = if framed { self.lw(frame_at) } else { "" };
            f.interval = self.anchored_span(frame, i, amount, unit);
            // "2 days hence", "4 weeks in the future"
            if f.interval.is_none() && !framed {
                if let Some(after) = self
                    .seq(e, &["hence"])
                    .or_else(|| self.seq(e, &["in", "the", "future"]))
                {
                    f.interval = self.anchored_span("next", i, amount, unit);
                    f.end = after;
                }
            }
        }
        Some(f)
    }

    /// The days an anchored duration covers (TimeML's beginPoint/endPoint): "the next three
    /// days" are the three days after the reference, "the past two weeks" the fourteen days
    /// before it, "within nine months" starts on the reference day. Quarters and decades count
    /// whole calendar periods ("the last two quarters" are the two before the current one).
    /// `frame` is the framing word ("next", "past"…), or "" when only "within" before `s` frames.
    fn anchored_span(
        &self,
        frame: &str,
        s: usize,
        amount: Amount,
        unit: Unit,
    ) -> Option<(Date, Date)> {
        let r = self.reference?;
        let n = match amount {
            Amount::Known(n) if n.fract() == 0.0 && n >= 1.0 => n as i64,
            // "the past few days": a few is three.
            Amount::Vague if self.any(s + 1, &["few"]) || self.any(s + 2, &["few"]) => 3,
            _ => return None,
        };
        let within = s > 0 && self.is(s - 1, "within");
        let dir = match frame {
            _ if within => 0,
            "next" | "coming" | "upcoming" | "following" => 1,
            "past" | "last" | "previous" => -1,
            _ => return None,
        };
        let shift = |d: Date, k: i64| -> Option<Date> {
            match unit {
                Unit::Day => cal::add_days(d, k),
                Unit::Week => cal::add_days(d, 7 * k),
                Unit::Month => cal::add_months(d, k),
                Unit::Year => cal::add_months(d, 12 * k),
                _ => None,
            }
        };
        match unit {
            Unit::Quarter => {
                let (y, q) = (i32::from(r.year()), cal::quarter_of(r));
                let (qs, _) = cal::quarter_range(y, q)?;
                let (a, b) = match dir {
                    1 => (cal::add_months(qs, 3)?, cal::add_months(qs, 3 * (n + 1))?),
                    -1 => (cal::add_months(qs, -3 * n)?, qs),
                    _ => (r, cal::add_months(r, 3 * n)?),
                };
                Some((a, cal::add_days(b, -1)?))
            }
            Unit::Decade => {
                let d0 = i32::from(r.year()) / 10 * 10;
                let (a, b) = match dir {
                    1 => (d0 + 10, d0 + 10 * (n as i32 + 1) - 1),
                    -1 => (d0 - 10 * n as i32, d0 - 1),
                    _ => return None,
                };
                Some((ymd(a, 1, 1)?, ymd(b, 12, 31)?))
            }
            _ => match dir {
                1 => Some((cal::add_days(r, 1)?, shift(r, n)?)),
                -1 => Some((shift(r, -n)?, cal::add_days(r, -1)?)),
                _ => Some((r, cal::add_days(shift(r, n)?, -1)?)),
            },
        }
    }

    fn found_duration(&self, s: usize, e: usize, value: String) -> Found {
        let mut f = self.found(s, e, TimeType::Duration, value);
        f.gran = None;
        f
    }

    /// Sets: "every week", "each month", "every other day", "daily", "annually", "every Monday",
    /// "twice a year" (the "a year" part).
    fn set(&self, i: usize) -> Option<Found> {
        let w = self.lw(i);
        let simple = match w {
            "daily" | "nightly" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "annually" | "yearly" => Some("P1Y"),
            "quarterly" => Some("P3M"),
            "hourly" => Some("PT1H"),
            _ => None,
        };
        if let Some(v) = simple {
            // "daily" is a noun in "the daily said" and an adjective in "daily life"; both are
            // still a set of days in TimeML.
            return Some(self.found(i, i + 1, TimeType::Set, v.to_owned()));
        }
        if matches!(w, "every" | "each") {
            let mut j = i + 1;
            let mut step = 1.0;
            if self.is(j, "other") {
                step = 2.0;
                j += 1;
            } else if let Some((Amount::Known(n), k)) = self
                .amount(j)
                .filter(|(_, k)| lexicon::unit(self.lw(*k)).is_some_and(|(_, pl)| pl))
            {
                step = n;
                j = k;
            }
            if let Some((unit, _)) = lexicon::unit(self.lw(j)) {
                let v = known_duration(unit, step)?;
                return Some(self.found(i, j + 1, TimeType::Set, v));
            }
            if let Some(wd) = lexicon::weekday(self.lw(j)) {
                return Some(self.found(i, j + 1, TimeType::Set, format!("XXXX-WXX-{wd}")));
            }
            if let Some(p) = lexicon::part_of_day(self.lw(j)) {
                return Some(self.found(i, j + 1, TimeType::Set, format!("XXXX-XX-XXT{p}")));
            }
            if let Some((code, _)) = lexicon::season(self.lw(j)) {
                return Some(self.found(i, j + 1, TimeType::Set, format!("XXXX-{code}")));
            }
            return None;
        }
        // "once a year", "twice a week", "three times a month", "per year"
        if matches!(w, "a" | "an" | "per")
            && i > 0
            && (self.any(i - 1, &["once", "twice", "thrice", "times"]) || w == "per")
        {
            let (unit, plural) = lexicon::unit(self.lw(i + 1))?;
            if plural {
                return None;
            }
            let v = known_duration(unit, 1.0)?;
            return Some(self.found(i, i + 2, TimeType::Set, v));
        }
        None
    }

    /// Clock times: "8 pm", "10:35 a.m.", "15:00 GMT", "noon", "midnight".
    fn clock_time(&self, i: usize) -> Option<Found> {
        if self.any(i, &["noon", "midday"]) {
            return Some(self.time_on_day(i, i + 1, "T12:00"));
        }
        if self.is(i, "midnight") {
            return Some(self.time_on_day(i, i + 1, "T24:00"));
        }
        let t = self.tok(i)?;
        if t.kind != TokKind::Num {
            return None;
        }
        let (mut h, mut j, mut suffix): (u32, usize, &str) = (0, i + 1, "");
        let digits = digit_prefix(&t.lower);
        let rest = &t.lower[digits.len()..];
        if digits.len() > 2 {
            return None;
        }
        h = h.max(digits.parse().ok()?);
        if matches!(rest, "am" | "pm") {
            suffix = if rest == "am" { "a" } else { "p" };
        } else if !rest.is_empty() {
            return None;
        }
        let mut min = 0u32;
        if suffix.is_empty() && self.is(j, ":") && self.glued(j) {
            let m = self.tok(j + 1)?;
            let md = digit_prefix(&m.lower);
            if md.len() != 2 {
                return None;
            }
            min = md.parse().ok()?;
            let mrest = &m.lower[md.len()..];
            if matches!(mrest, "am" | "pm") {
                suffix = if mrest == "am" { "a" } else { "p" };
            }
            j += 2;
        }
        let had_colon = j > i + 1;
        if suffix.is_empty() {
            // "a.m.", "p.m.", "am", "pm"
            match (self.lw(j), self.lw(j + 1), self.lw(j + 2)) {
                ("a" | "p", ".", "m") => {
                    suffix = if self.is(j, "a") { "a" } else { "p" };
                    j += 3;
                    if self.is(j, ".") && self.glued(j) {
                        j += 1;
                    }
                }
                ("am" | "pm", _, _) => {
                    suffix = if self.is(j, "am") { "a" } else { "p" };
                    j += 1;
                }
                ("a.m" | "p.m", _, _) => {
                    suffix = if self.is(j, "a.m") { "a" } else { "p" };
                    j += 1;
                }
                _ => {}
            }
        }
        if suffix.is_empty() && !had_colon {
            return None;
        }
        if h > 24 || min > 59 || (!suffix.is_empty() && !(1..=12).contains(&h)) {
            return None;
        }
        if suffix == "p" && h < 12 {
            h += 12;
        } else if suffix == "a" && h == 12 {
            h = 0;
        }
        if had_colon && suffix.is_empty() {
            // "3:07" could be a score or a ratio; a zone or "hours" makes it a time.
            if !self.any(j, &["gmt", "utc", "local", "hours", "h"]) {
                return None;
            }
            j += 1;
        } else if self.any(j, &["gmt", "utc", "est", "edt", "pst", "pdt", "cet", "bst"]) {
            j += 1;
        }
        Some(self.time_on_day(i, j, &format!("T{h:02}:{min:02}")))
    }

    /// A clock time at tokens `s..e`, extended by the day that follows it ("noon Thursday",
    /// "5 p.m. EST, Nov. 6"); without one it is on the reference day.
    fn time_on_day(&self, s: usize, e: usize, time: &str) -> Found {
        let k = self.skip_comma(e);
        let day = self
            .weekday_phrase(k)
            .or_else(|| self.day_word(k))
            .or_else(|| self.calendar_date(k))
            .filter(|f| f.kind == TimeType::Date && f.gran == Some(Granularity::Day));
        let (end, date, interval) = match day {
            Some(f) => (f.end, f.value.clone(), f.interval),
            None => (
                e,
                self.reference
                    .map_or_else(|| "XXXX-XX-XX".to_owned(), cal::day_value),
                self.reference.map(|r| (r, r)),
            ),
        };
        let mut f = self.found(s, end, TimeType::Time, format!("{date}{time}"));
        f.interval = interval;
        f.gran = Some(Granularity::Day);
        f
    }

    /// "now", "currently", "recently", "the past", "the future", "soon", "these days".
    fn vague_ref(&self, i: usize) -> Option<Found> {
        let (value, e) = match (self.lw(i), self.lw(i + 1)) {
            ("right", "now") | ("just", "now") => ("PRESENT_REF", i + 2),
            ("now", _) | ("currently", _) | ("presently", _) | ("nowadays", _) => {
                ("PRESENT_REF", i + 1)
            }
            ("at", "present") => ("PRESENT_REF", i + 2),
            ("these", "days") => ("PRESENT_REF", i + 2),
            ("current", w)
                if lexicon::unit(w).is_none() && !self.any(i + 1, &["fiscal", "calendar"]) =>
            {
                ("PRESENT_REF", i + 1)
            }
            ("more", "recently") => ("PAST_REF", i + 2),
            ("recently", _) | ("lately", _) => ("PAST_REF", i + 1),
            ("recent", w) if lexicon::unit(w).is_some_and(|(_, pl)| pl) => {
                let (unit, _) = lexicon::unit(w)?;
                return Some(self.found_duration(i, i + 2, vague_duration(unit)));
            }
            // "recent" before any other noun: "the recent talks" happened in the past.
            ("recent", _)
                if i > 0
                    && self.any(
                        i - 1,
                        &["the", "a", "its", "their", "his", "her", "this", "in"],
                    ) =>
            {
                ("PAST_REF", i + 1)
            }
            ("the", "past") if !self.starts_amount_or_unit(i + 2) => ("PAST_REF", i + 2),
            ("the", "future") => ("FUTURE_REF", i + 2),
            ("the", "near") if self.is(i + 2, "future") => ("FUTURE_REF", i + 3),
            ("a", "later") if self.is(i + 2, "date") => ("FUTURE_REF", i + 3),
            ("as", "soon") if self.seq(i + 2, &["as", "possible"]).is_some() => {
                ("FUTURE_REF", i + 4)
            }
            _ => return None,
        };
        // "now" as a discourse marker ("Now, the question is") is still PRESENT_REF in TimeML.
        let r = self.reference;
        let interval = match value {
            "PRESENT_REF" => r.map(|r| (r, r)),
            _ => None,
        };
        Some(Found {
            start: i,
            end: e,
            kind: TimeType::Date,
            value: value.to_owned(),
            interval,
            gran: Some(Granularity::Vague),
            cal: None,
        })
    }

    fn starts_amount_or_unit(&self, i: usize) -> bool {
        lexicon::unit(self.lw(i)).is_some()
            || self
                .amount(i)
                .is_some_and(|(_, k)| lexicon::unit(self.lw(k)).is_some())
    }

    /// Ranges: "between June and August", "from June to August 2024", "June 4–6", "4-6 June",
    /// "from 2019 to 2021", "2019-2021". One mention covering both ends; its interval runs from
    /// the start of the first to the end of the second, and its value is an ISO 8601 interval
    /// of the two TIMEX3 values ("2024-06/2024-08"), since TIMEX3 has no single value for one.
    ///
    /// `single_here` gives `self.single(i)`, which the caller may have at hand already.
    fn range_at(&self, i: usize, single_here: impl FnOnce() -> Option<Found>) -> Option<Found> {
        let (opener, j) = match self.lw(i) {
            "from" => (Some("from"), i + 1),
            "between" => (Some("between"), i + 1),
            _ => (None, i),
        };
        // "June 4-6", "November 19-20, 2024"
        if let Some(f) = self.day_span(i, j) {
            return Some(f);
        }
        // "between now and November 15th", "from today to Friday": from the reference day.
        let now = match (opener, self.reference) {
            (Some(_), Some(r)) if self.any(j, &["now", "today"]) => {
                Some(self.date(j, j + 1, cal::day_value(r), Some((r, r)), Granularity::Day))
            }
            _ => None,
        };
        let first = match now {
            Some(f) => f,
            None if j == i => single_here()?,
            None => self.single(j)?,
        };
        if first.kind != TimeType::Date || first.interval.is_none() && first.cal.is_none() {
            return None;
        }
        let k = first.end;
        // Without "from" or "between", only calendar dates start a range ("this year through
        // August" is two expressions).
        if opener.is_none()
            && first.cal.is_none()
            && !matches!(
                first.gran,
                Some(
                    Granularity::Year
                        | Granularity::Quarter
                        | Granularity::Season
                        | Granularity::Decade
                )
            )
        {
            return None;
        }
        let connector_ok = match opener {
            Some("between") => self.is(k, "and"),
            Some(_) => self.any(
                k,
                &["to", "through", "until", "till", "-", "–", "—", "thru"],
            ),
            None => {
                self.any(k, &["-", "–", "—", "through", "thru"])
                    || (self.is(k, "to") && first.gran != Some(Granularity::Year))
                    // "Jan 1 until Jan 22": two days
                    || (self.any(k, &["until", "till"])
                        && first.cal.is_some_and(|c| c.day.is_some()))
            }
        };
        if !connector_ok {
            return None;
        }
        // "from March to date", "between Jan 2019 and now", "from 2010-01-01 till current
        // date": up to the reference day.
        if opener.is_some() {
            if let Some(r) = self.reference {
                let e = if self.any(k + 1, &["now", "today"])
                    || (self.is(k + 1, "date") && self.is(k, "to"))
                {
                    Some(k + 2)
                } else {
                    self.seq(k + 1, &["current", "date"])
                        .or_else(|| self.seq(k + 1, &["the", "present"]))
                };
                if let Some(e) = e {
                    let now =
                        self.date(k + 1, e, cal::day_value(r), Some((r, r)), Granularity::Day);
                    // A start without a year is the last one before now ("from March to date").
                    let mut first = first;
                    if let (Some(c), Some((a, _))) = (first.cal, first.interval) {
                        if c.year.is_none() && a > r {
                            let year = Some(i32::from(a.year()) - 1);
                            first =
                                self.resolve_cal(first.start, first.end, CalParts { year, ..c });
                        }
                    }
                    return self.join_range(i, first, now);
                }
            }
        }
        // "2019-2021" without an opener must be two years ("2019-20" is a season of sport).
        let second = match self.single(k + 1) {
            Some(x) => x,
            None if opener.is_some() => self.ordinal_day_after(&first, k + 1)?,
            None => return None,
        };
        if second.kind != TimeType::Date {
            return None;
        }
        if opener.is_none() && self.range_dash(k) && (first.gran != second.gran) {
            return None;
        }
        self.join_range(i, first, second)
    }

    /// The end of a range written as an ordinal day alone after a full date: "from April the
    /// ninth till the seventeenth", "from April 27th to the 3rd" (the month after when the day
    /// is smaller).
    fn ordinal_day_after(&self, first: &Found, p: usize) -> Option<Found> {
        let c = first.cal?;
        let d1 = c.day?;
        let (a, _) = first.interval?;
        let p2 = self.skip_the(p);
        let t = self.tok(p2)?;
        let suffixed = t.kind == TokKind::Num && !t.text.bytes().all(|b| b.is_ascii_digit());
        if !(suffixed || t.kind == TokKind::Word) {
            return None;
        }
        let (d2, e) = self.day(p2)?;
        if self.tok(e).is_some_and(|t| t.kind == TokKind::Word) && !self.any(e, &["and", "or"]) {
            return None;
        }
        let mut y = i32::from(a.year());
        let mut m = c.month;
        if d2 <= d1 {
            m = if m == 12 { 1 } else { m + 1 };
            if m == 1 {
                y += 1;
            }
        }
        let dt = ymd(y, m, d2)?;
        Some(self.date(p, e, cal::day_value(dt), Some((dt, dt)), Granularity::Day))
    }

    /// One non-range expression at `i` (what a range is made of).
    fn single(&self, i: usize) -> Option<Found> {
        let cands = [
            self.part_of(i),
            self.calendar_date(i),
            self.numeric_date(i),
            self.compact_date(i),
            self.cued_month_day(i),
            self.holiday(i),
            self.year_month(i),
            self.week_number(i),
            self.weekday_phrase(i),
            self.day_word(i),
            self.quarter_or_half(i),
            self.season(i),
            self.decade(i),
            self.year(i),
            self.relative_unit(i),
        ];
        cands.into_iter().flatten().max_by_key(|f| f.end)
    }

    /// Joins two ends of a range. A month without a year takes its year from the other end
    /// ("from June to August 2024"; "from November to February 2025" puts November in 2024).
    fn join_range(&self, s: usize, mut a: Found, mut b: Found) -> Option<Found> {
        if let (Some(ca), Some(cb)) = (a.cal, b.cal) {
            match (ca.year, cb.year) {
                (None, Some(y)) => {
                    let ya = if (ca.month, ca.day.unwrap_or(1)) > (cb.month, cb.day.unwrap_or(31)) {
                        y - 1
                    } else {
                        y
                    };
                    a = self.resolve_cal(
                        a.start,
                        a.end,
                        CalParts {
                            year: Some(ya),
                            ..ca
                        },
                    );
                }
                (Some(y), None) => {
                    let yb = if (cb.month, cb.day.unwrap_or(31)) < (ca.month, ca.day.unwrap_or(1)) {
                        y + 1
                    } else {
                        y
                    };
                    b = self.resolve_cal(
                        b.start,
                        b.end,
                        CalParts {
                            year: Some(yb),
                            ..cb
                        },
                    );
                }
                (None, None) => {
                    // "from May to March": the second end follows the first.
                    if let (Some((a0, _)), Some((b0, b1))) = (a.interval, b.interval) {
                        if b0 < a0 || b0.year() > a0.year() {
                            let later =
                                (cb.month, cb.day.unwrap_or(31)) >= (ca.month, ca.day.unwrap_or(1));
                            let yb = i32::from(a0.year()) + i32::from(!later);
                            if let Some(nb) = Some(self.resolve_cal(
                                b.start,
                                b.end,
                                CalParts {
                                    year: Some(yb),
                                    ..cb
                                },
                            )) {
                                let _ = b1;
                                b = nb;
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        // "from Monday to Friday", "from next Monday to Friday", "from today to Friday": a
        // weekday ending the range is the first one on or after its start.
        if let (Some((a0, _)), Some((b0, b1)), Some(Granularity::Day)) =
            (a.interval, b.interval, b.gran)
        {
            let weekday_end = b0 == b1
                && b.cal.is_none()
                && b.end - b.start <= 2
                && (b.start..b.end).any(|k| lexicon::weekday(self.lw(k)).is_some());
            if weekday_end && b0 < a0 {
                let weeks = ((a0 - b0).get_days() as i64 + 6) / 7;
                let d = cal::add_days(b0, 7 * weeks)?;
                b.value = cal::day_value(d);
                b.interval = Some((d, d));
            }
        }
        let interval = match (a.interval, b.interval) {
            (Some((a0, _)), Some((_, b1))) if a0 <= b1 => Some((a0, b1)),
            (Some(_), Some(_)) => return None,
            _ => None,
        };
        let gran = a.gran.max(b.gran);
        Some(Found {
            start: s,
            end: b.end,
            kind: TimeType::Date,
            value: format!("{}/{}", a.value, b.value),
            interval,
            gran,
            cal: None,
        })
    }

    /// "June 4-6", "June 4 to 6", "4-6 June", "between 3 and 12 of Sept", "November 19-20, 2024".
    fn day_span(&self, s: usize, i: usize) -> Option<Found> {
        // month d1 - d2 [, year]
        if let Some((m, j)) = self.month(i, true) {
            let (d1, k) = self.day(j)?;
            if !(self.range_dash(k) || self.any(k, &["to", "through", "and", "until", "till"])) {
                return None;
            }
            let (d2, mut e) = self.day(k + 1)?;
            let mut year = None;
            let y0 = self.skip_comma(e);
            if let Some((y, ye)) = self.year_after_date(y0) {
                year = Some(y);
                e = ye;
            }
            return self.day_span_found(s, e, year, m, d1, d2);
        }
        // [the] d1 - d2 [of] month [year]
        let j = self.skip_the(i);
        let (d1, k) = self.day(j)?;
        if !(self.range_dash(k) || self.any(k, &["to", "through", "and", "until", "till"])) {
            return None;
        }
        // "from 4 to January 22, 1995", "from 02 to April 07": the first day borrows the
        // second's month and year.
        if s != i {
            if let Some((p, e)) = self.month_day_year(k + 1) {
                let d2 = p.day?;
                return self.day_span_found(s, e, p.year, p.month, d1, d2);
            }
        }
        let k2 = self.skip_the(k + 1);
        let (d2, k3) = self.day(k2)?;
        let k4 = if self.any(k3, &["of", "in"]) {
            k3 + 1
        } else {
            k3
        };
        // "from 4 to 22 this month", "4 to 23 next month"
        if let Some(f) = self
            .relative_unit(k4)
            .filter(|f| f.gran == Some(Granularity::Month))
        {
            let (a, _) = f.interval?;
            let (y, m) = (i32::from(a.year()), a.month() as u8);
            return self.day_span_found(s, f.end, Some(y), m, d1, d2);
        }
        if k4 > k3 && self.is(k3, "in") {
            return None;
        }
        let (m, mut e) = self.month(k4, true)?;
        let mut year = None;
        let y0 = self.skip_comma(e);
        if let Some((y, ye)) = self.year_after_date(y0) {
            year = Some(y);
            e = ye;
        }
        self.day_span_found(s, e, year, m, d1, d2)
    }

    fn day_span_found(
        &self,
        s: usize,
        e: usize,
        year: Option<i32>,
        m: u8,
        d1: u8,
        d2: u8,
    ) -> Option<Found> {
        if d2 <= d1 {
            return None;
        }
        let year =
            year.or_else(|| self.pick_year(s, e, |y| Some((ymd(y, m, d1)?, ymd(y, m, d2)?))));
        let Some(y) = year else {
            return Some(self.date(
                s,
                e,
                format!("XXXX-{m:02}-{d1:02}/XXXX-{m:02}-{d2:02}"),
                None,
                Granularity::Day,
            ));
        };
        let (a, b) = (ymd(y, m, d1)?, ymd(y, m, d2)?);
        Some(self.date(
            s,
            e,
            format!("{}/{}", cal::day_value(a), cal::day_value(b)),
            Some((a, b)),
            Granularity::Day,
        ))
    }
}

/// "PXY" for "years", "PXDE" for "decades"…
fn vague_duration(unit: Unit) -> String {
    let (u, t) = unit.timex();
    match unit {
        Unit::Century => "PXC".to_owned(),
        _ if t => format!("PTX{u}"),
        _ => format!("PX{u}"),
    }
}

/// "P3Y", "PT2H", "P10Y" for a decade, "P100Y" for a century, "P1.5Y"…
fn known_duration(unit: Unit, n: f64) -> Option<String> {
    if !n.is_finite() || n < 0.0 {
        return None;
    }
    let (n, unit) = match unit {
        Unit::Decade => (n * 10.0, Unit::Year),
        Unit::Century => (n * 100.0, Unit::Year),
        Unit::Weekend => (n * 2.0, Unit::Day),
        u => (n, u),
    };
    let num = if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    };
    let (u, t) = unit.timex();
    Some(if t {
        format!("PT{num}{u}")
    } else {
        format!("P{num}{u}")
    })
}

/// The decade a plural number word names: "tens" 10 … "nineties" 90.
fn decade_word(w: &str) -> Option<i32> {
    Some(match w {
        "tens" => 10,
        "twenties" => 20,
        "thirties" => 30,
        "forties" => 40,
        "fifties" => 50,
        "sixties" => 60,
        "seventies" => 70,
        "eighties" => 80,
        "nineties" => 90,
        _ => return None,
    })
}

/// The leading ASCII digits of `s` (a slice of it, so that failing attempts allocate nothing).
fn digit_prefix(s: &str) -> &str {
    &s[..s.bytes().take_while(u8::is_ascii_digit).count()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    /// Asserts that the grammar without the filter finds nothing at any token `may_start` refuses.
    fn check_filter(text: &str) -> usize {
        let toks = tokenize(text);
        let mut refused = 0;
        for reference in [None, Date::new(2024, 11, 20).ok()] {
            let g = Grammar::new(&toks, reference);
            for (i, t) in toks.iter().enumerate() {
                if g.starts[i] {
                    continue;
                }
                refused += 1;
                if let Some(f) = g.at_any(i) {
                    panic!("refused {:?} (token {i}) starts {f:?}", t.text);
                }
            }
        }
        refused
    }

    #[test]
    fn first_word_filter_keeps_every_documented_example() {
        // Every example of the rules, as written in the docs and in the rule tests.
        for text in [
            include_str!("../../../docs/times.md"),
            include_str!("../tests/rules.rs"),
        ] {
            assert!(check_filter(text) > 1000);
        }
    }

    #[test]
    fn first_word_filter_keeps_starts_and_refuses_plain_words() {
        let text = "The minister said on Tuesday that the '90s, Q3 and 29 May were \
                    nothing like the government's plans , . said";
        let toks = tokenize(text);
        let g = Grammar::new(&toks, None);
        let refused: Vec<&str> = toks
            .iter()
            .zip(&g.starts)
            .filter(|(_, s)| !**s)
            .map(|(t, _)| t.text)
            .collect();
        assert_eq!(
            refused,
            [
                "The",
                "minister",
                "said",
                "on",
                "that",
                ",",
                "and",
                "were",
                "nothing",
                "like",
                "the",
                "government",
                "'s",
                "plans",
                ",",
                ".",
                "said"
            ]
        );
        check_filter(text);
    }
}
