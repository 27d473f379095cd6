//! Findings: what the checker reports about a group of comparable claims.

use serde::{Deserialize, Serialize};

use crate::{ClaimValue, Granularity, Hedge};

/// How serious a finding is, from most to least.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The values cannot both be true for the same thing, scope and time.
    Contradiction,
    /// They disagree softly (hedge mismatch, near miss, weakly matched key).
    Tension,
    /// The values differ but were stated for clearly different times.
    Change,
    /// Independent sources corroborate each other.
    Agreement,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Contradiction => "contradiction",
            Severity::Tension => "tension",
            Severity::Change => "change",
            Severity::Agreement => "agreement",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "contradiction" => Some(Severity::Contradiction),
            "tension" => Some(Severity::Tension),
            "change" => Some(Severity::Change),
            "agreement" => Some(Severity::Agreement),
            _ => None,
        }
    }
}

/// What was compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Two counts of the same group.
    Numeric,
    /// Two dates of the same event.
    Date,
    /// Two statements about the same article of an instrument.
    Article,
    /// Figures inside one statement that cannot add up.
    Arithmetic,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Numeric => "numeric",
            FindingKind::Date => "date",
            FindingKind::Article => "article",
            FindingKind::Arithmetic => "arithmetic",
        }
    }
}

/// A claim's value as a finding shows it: the bounds of its interval, its hedge and its words.
///
/// Serialized as a plain JSON object with its fields in alphabetical order and no tag
/// (`{"hedge": "approximate", "high": 12100.0, "low": 9900.0, "text": "about 11,000", "unit":
/// null}`); the shape tells the variants apart when it is read back (a date has `earliest`, a
/// quantity `hedge`). A typed value rather than a
/// `serde_json::Value`: a large check holds hundreds of thousands of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FindingValue {
    /// A date as a range of days, TIMEX3 value and words.
    Date {
        earliest: String,
        granularity: Granularity,
        latest: String,
        text: String,
        timex: String,
    },
    /// A number as an interval (either end open), its hedge, unit and words.
    Quantity {
        hedge: Hedge,
        high: Option<f64>,
        low: Option<f64>,
        text: String,
        unit: Option<String>,
    },
    /// Anything else, by its words.
    Text { text: String },
}

impl FindingValue {
    /// The words the value was stated in.
    pub fn text(&self) -> &str {
        match self {
            FindingValue::Date { text, .. }
            | FindingValue::Quantity { text, .. }
            | FindingValue::Text { text } => text,
        }
    }
}

impl From<&ClaimValue> for FindingValue {
    fn from(value: &ClaimValue) -> Self {
        // A bound that is not a finite number is shown as open, as JSON has no such numbers.
        let finite = |v: Option<f64>| v.filter(|v| v.is_finite());
        match value {
            ClaimValue::Quantity {
                interval,
                hedge,
                unit,
                text,
            } => FindingValue::Quantity {
                hedge: *hedge,
                high: finite(interval.high()),
                low: finite(interval.low()),
                text: text.clone(),
                unit: unit.clone(),
            },
            ClaimValue::Date {
                interval,
                granularity,
                value,
                text,
            } => FindingValue::Date {
                earliest: interval.earliest().to_string(),
                granularity: *granularity,
                latest: interval.latest().to_string(),
                text: text.clone(),
                timex: value.clone(),
            },
            ClaimValue::Text { text } => FindingValue::Text { text: text.clone() },
        }
    }
}

/// One claim as a finding shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FindingClaim {
    /// Store id of the claim.
    pub claim_id: i64,
    /// The document path as ingested.
    pub document: String,
    /// The document's reference date, when known.
    pub document_date: Option<String>,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    /// The value as the report shows it (interval or date range).
    pub value: FindingValue,
    pub as_of: Option<String>,
    pub attributed_to: Option<String>,
}

/// A reported disagreement (or agreement) between claims.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable id: derived from the kind, the key and the claims compared.
    pub id: String,
    pub kind: FindingKind,
    pub severity: Severity,
    /// Short key a person reads ("North Korean troops in Kursk Oblast").
    pub subject: String,
    /// One sentence a person reads.
    pub summary: String,
    /// Machine-readable reason code ("disjoint_intervals", "hedge_mismatch", …).
    pub reason: String,
    /// The interval arithmetic in one line ("[20,000, 99,999] ∩ [0, 8,000] = ∅").
    pub arithmetic: Option<String>,
    pub claims: Vec<FindingClaim>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DateInterval, Interval};
    use jiff::civil::date;

    /// The JSON object findings carried before `FindingValue` (built with `json!`): the typed
    /// value must serialize to exactly the same text.
    fn as_before(v: &ClaimValue) -> serde_json::Value {
        match v {
            ClaimValue::Quantity {
                interval,
                hedge,
                unit,
                text,
            } => serde_json::json!({
                "low": interval.low(), "high": interval.high(), "hedge": hedge, "unit": unit, "text": text,
            }),
            ClaimValue::Date {
                interval,
                granularity,
                value,
                text,
            } => serde_json::json!({
                "earliest": interval.earliest().to_string(), "latest": interval.latest().to_string(),
                "granularity": granularity, "timex": value, "text": text,
            }),
            ClaimValue::Text { text } => serde_json::json!({ "text": text }),
        }
    }

    fn values() -> Vec<ClaimValue> {
        let hedges = [
            Hedge::Exact,
            Hedge::Approximate,
            Hedge::LowerBound,
            Hedge::UpperBound,
            Hedge::Range,
            Hedge::OrderOfMagnitude,
        ];
        let intervals = [
            Interval::between(9_900.0, 12_100.0),
            Interval::between(8_000.0, 8_000.0),
            Interval::between(0.5, 1e21),
            Interval::at_least(12_000.0),
            Interval::at_most(3_000.0),
            Interval::between(-40.0, -0.25),
        ];
        let mut out = Vec::new();
        for (i, interval) in intervals.into_iter().enumerate() {
            out.push(ClaimValue::Quantity {
                interval,
                hedge: hedges[i % hedges.len()],
                unit: (i % 2 == 0).then(|| "km \"²\"".to_string()),
                text: format!("about {i} “quoted”\n"),
            });
        }
        for (g, (a, b)) in [
            (Granularity::Day, (date(2024, 6, 4), date(2024, 6, 4))),
            (Granularity::Month, (date(2024, 6, 1), date(2024, 6, 30))),
            (Granularity::Year, (date(2023, 1, 1), date(2023, 12, 31))),
        ] {
            out.push(ClaimValue::Date {
                interval: DateInterval::new(a, b).expect("forward"),
                granularity: g,
                value: "2024-06".into(),
                text: "June 2024".into(),
            });
        }
        out.push(ClaimValue::Text {
            text: "Article 4 obliges \\ each side".into(),
        });
        out
    }

    #[test]
    fn a_finding_value_is_written_as_the_json_object_it_replaces_and_read_back() {
        for v in values() {
            let typed = FindingValue::from(&v);
            let json = serde_json::to_string(&typed).expect("encode");
            assert_eq!(json, as_before(&v).to_string(), "{v:?}");
            let pretty = serde_json::to_string_pretty(&typed).expect("encode");
            assert_eq!(
                pretty,
                serde_json::to_string_pretty(&as_before(&v)).expect("encode")
            );
            let back: FindingValue = serde_json::from_str(&json).expect("decode");
            assert_eq!(back, typed, "{json}");
        }
    }

    #[test]
    fn hedge_names_are_the_json_names() {
        for v in values() {
            if let ClaimValue::Quantity { hedge, .. } = v {
                assert_eq!(
                    serde_json::to_value(hedge).expect("encode"),
                    serde_json::Value::from(hedge.as_str())
                );
            }
        }
    }
}
