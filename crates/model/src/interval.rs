//! Spans of bytes, numeric intervals and date intervals, each valid by construction.

use serde::{Deserialize, Serialize};

use crate::Date;

/// Why a model value could not be built.
#[derive(Debug, thiserror::Error, PartialEq)]
#[non_exhaustive]
pub enum ModelError {
    /// A span whose end is before its start.
    #[error("span ends ({end}) before it starts ({start})")]
    BackwardsSpan { start: usize, end: usize },
    /// An interval whose low bound is above its high bound, or a bound that is not a number.
    #[error("interval [{low:?}, {high:?}] is empty or not a number")]
    BadInterval { low: Option<f64>, high: Option<f64> },
    /// A date interval whose earliest day is after its latest day.
    #[error("date interval {earliest} … {latest} ends before it starts")]
    BackwardsDates { earliest: Date, latest: Date },
}

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "RawSpan", into = "RawSpan")]
pub struct Span {
    start: usize,
    end: usize,
}

#[derive(Serialize, Deserialize)]
struct RawSpan {
    start: usize,
    end: usize,
}

impl TryFrom<RawSpan> for Span {
    type Error = ModelError;
    fn try_from(r: RawSpan) -> Result<Self, ModelError> {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for RawSpan {
    fn from(s: Span) -> Self {
        RawSpan {
            start: s.start,
            end: s.end,
        }
    }
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    ///
    /// # Errors
    /// [`ModelError::BackwardsSpan`] when `end < start`.
    pub fn new(start: usize, end: usize) -> Result<Self, ModelError> {
        if end < start {
            return Err(ModelError::BackwardsSpan { start, end });
        }
        Ok(Span { start, end })
    }

    /// Builds a span from two offsets in either order.
    pub fn covering(a: usize, b: usize) -> Self {
        Span {
            start: a.min(b),
            end: a.max(b),
        }
    }

    pub fn start(self) -> usize {
        self.start
    }

    pub fn end(self) -> usize {
        self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.end == self.start
    }

    /// Do the two spans share at least one byte?
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Does `self` contain all of `other`?
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The same span moved `by` bytes to the right.
    pub fn shift(self, by: usize) -> Span {
        Span {
            start: self.start + by,
            end: self.end + by,
        }
    }
}

/// How a number was stated, which decides the interval it allows (see docs/quantities.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// "8,000": the figure itself (a rounded figure still gets a tolerance in the checker).
    Exact,
    /// "about 8,000", "some", "an estimated", "roughly".
    Approximate,
    /// "at least", "more than", "over", "upwards of", "10,000+".
    LowerBound,
    /// "up to", "as many as", "at most", "fewer than", "nearly", "almost".
    UpperBound,
    /// "25,000–30,000", "between 10,000 and 12,000".
    Range,
    /// "thousands", "tens of thousands", "hundreds".
    OrderOfMagnitude,
}

impl Hedge {
    /// The name JSON uses ("lower_bound").
    pub fn as_str(self) -> &'static str {
        match self {
            Hedge::Exact => "exact",
            Hedge::Approximate => "approximate",
            Hedge::LowerBound => "lower_bound",
            Hedge::UpperBound => "upper_bound",
            Hedge::Range => "range",
            Hedge::OrderOfMagnitude => "order_of_magnitude",
        }
    }
}

/// A closed interval of real numbers; either end may be open (`None`).
///
/// `low <= high` always holds: the constructor refuses anything else. There is deliberately no
/// `PartialEq` on the *meaning* of two intervals: compare them with [`Interval::intersects`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawInterval", into = "RawInterval")]
pub struct Interval {
    low: Option<f64>,
    high: Option<f64>,
}

#[derive(Serialize, Deserialize)]
struct RawInterval {
    low: Option<f64>,
    high: Option<f64>,
}

impl TryFrom<RawInterval> for Interval {
    type Error = ModelError;
    fn try_from(r: RawInterval) -> Result<Self, ModelError> {
        Interval::new(r.low, r.high)
    }
}

impl From<Interval> for RawInterval {
    fn from(i: Interval) -> Self {
        RawInterval {
            low: i.low,
            high: i.high,
        }
    }
}

impl Interval {
    /// # Errors
    /// [`ModelError::BadInterval`] when `low > high` or either bound is NaN.
    pub fn new(low: Option<f64>, high: Option<f64>) -> Result<Self, ModelError> {
        let nan = low.is_some_and(f64::is_nan) || high.is_some_and(f64::is_nan);
        let backwards = matches!((low, high), (Some(l), Some(h)) if l > h);
        if nan || backwards {
            return Err(ModelError::BadInterval { low, high });
        }
        Ok(Interval { low, high })
    }

    /// Exactly `v`.
    pub fn point(v: f64) -> Self {
        Interval {
            low: Some(v),
            high: Some(v),
        }
    }

    /// `[a, b]` in whichever order the two are given.
    pub fn between(a: f64, b: f64) -> Self {
        Interval {
            low: Some(a.min(b)),
            high: Some(a.max(b)),
        }
    }

    /// `[v, ∞)`.
    pub fn at_least(v: f64) -> Self {
        Interval {
            low: Some(v),
            high: None,
        }
    }

    /// `(-∞, v]`, or `[0, v]` for counts: use [`Interval::between`] for that.
    pub fn at_most(v: f64) -> Self {
        Interval {
            low: None,
            high: Some(v),
        }
    }

    pub fn low(&self) -> Option<f64> {
        self.low
    }

    pub fn high(&self) -> Option<f64> {
        self.high
    }

    /// Can one value lie in both intervals?
    pub fn intersects(&self, other: &Interval) -> bool {
        let lo = max_opt(self.low, other.low);
        let hi = min_opt(self.high, other.high);
        match (lo, hi) {
            (Some(l), Some(h)) => l <= h,
            _ => true,
        }
    }

    /// The interval widened by a relative tolerance on each finite bound
    /// (`0.1` turns `[8000, 8000]` into `[7200, 8800]`).
    pub fn widened(&self, rel: f64) -> Interval {
        let low = self.low.map(|l| l - l.abs() * rel);
        let high = self.high.map(|h| h + h.abs() * rel);
        Interval { low, high }
    }

    /// A best single value: the midpoint of a closed interval, else its finite bound.
    pub fn midpoint(&self) -> Option<f64> {
        match (self.low, self.high) {
            (Some(l), Some(h)) => Some((l + h) / 2.0),
            (Some(l), None) => Some(l),
            (None, Some(h)) => Some(h),
            (None, None) => None,
        }
    }
}

fn max_opt(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

fn min_opt(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

/// An inclusive range of days, `earliest <= latest` by construction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawDates", into = "RawDates")]
pub struct DateInterval {
    earliest: Date,
    latest: Date,
}

#[derive(Serialize, Deserialize)]
struct RawDates {
    earliest: Date,
    latest: Date,
}

impl TryFrom<RawDates> for DateInterval {
    type Error = ModelError;
    fn try_from(r: RawDates) -> Result<Self, ModelError> {
        DateInterval::new(r.earliest, r.latest)
    }
}

impl From<DateInterval> for RawDates {
    fn from(d: DateInterval) -> Self {
        RawDates {
            earliest: d.earliest,
            latest: d.latest,
        }
    }
}

impl DateInterval {
    /// # Errors
    /// [`ModelError::BackwardsDates`] when `latest < earliest`.
    pub fn new(earliest: Date, latest: Date) -> Result<Self, ModelError> {
        if latest < earliest {
            return Err(ModelError::BackwardsDates { earliest, latest });
        }
        Ok(DateInterval { earliest, latest })
    }

    /// One day.
    pub fn day(d: Date) -> Self {
        DateInterval {
            earliest: d,
            latest: d,
        }
    }

    pub fn earliest(&self) -> Date {
        self.earliest
    }

    pub fn latest(&self) -> Date {
        self.latest
    }

    /// Do the two ranges share a day?
    pub fn overlaps(&self, other: &DateInterval) -> bool {
        self.earliest <= other.latest && other.earliest <= self.latest
    }

    /// Does `self` contain every day of `other`?
    pub fn contains(&self, other: &DateInterval) -> bool {
        self.earliest <= other.earliest && other.latest <= self.latest
    }

    /// Days from the end of the earlier range to the start of the later one (0 when they overlap).
    pub fn gap_days(&self, other: &DateInterval) -> i64 {
        if self.overlaps(other) {
            return 0;
        }
        let (a, b) = if self.latest < other.earliest {
            (self, other)
        } else {
            (other, self)
        };
        (b.earliest - a.latest).get_days() as i64
    }

    /// Number of days covered (1 for a single day).
    pub fn len_days(&self) -> i64 {
        (self.latest - self.earliest).get_days() as i64 + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn interval_refuses_backwards_and_nan() {
        assert!(Interval::new(Some(2.0), Some(1.0)).is_err());
        assert!(Interval::new(Some(f64::NAN), None).is_err());
        assert!(Interval::new(None, None).is_ok());
    }

    #[test]
    fn interval_intersection_with_open_ends() {
        let at_least = Interval::at_least(8000.0);
        let up_to = Interval::between(0.0, 8000.0);
        let tens = Interval::between(20_000.0, 99_999.0);
        assert!(at_least.intersects(&up_to));
        assert!(!tens.intersects(&up_to));
        assert!(tens.intersects(&at_least));
    }

    #[test]
    fn serde_refuses_backwards_interval() {
        let bad: Result<Interval, _> = serde_json::from_str(r#"{"low": 3, "high": 1}"#);
        assert!(bad.is_err());
        let ok: Interval = serde_json::from_str(r#"{"low": 1, "high": null}"#).unwrap();
        assert_eq!(ok.low(), Some(1.0));
    }

    #[test]
    fn date_interval_gap_and_overlap() {
        let early_nov = DateInterval::new(date(2024, 11, 1), date(2024, 11, 10)).unwrap();
        let nov1 = DateInterval::day(date(2024, 11, 1));
        let oct = DateInterval::new(date(2024, 10, 1), date(2024, 10, 31)).unwrap();
        assert!(early_nov.overlaps(&nov1));
        assert!(early_nov.contains(&nov1));
        assert!(!early_nov.overlaps(&oct));
        assert_eq!(early_nov.gap_days(&oct), 1);
        assert_eq!(early_nov.len_days(), 10);
        assert!(DateInterval::new(date(2024, 2, 1), date(2024, 1, 1)).is_err());
    }

    #[test]
    fn span_rules() {
        assert!(Span::new(5, 4).is_err());
        let a = Span::new(0, 10).unwrap();
        let b = Span::new(9, 12).unwrap();
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(10, 12).unwrap()));
        assert_eq!(a.join(b), Span::new(0, 12).unwrap());
    }
}
