//! Mentions: the pieces of text a recognizer found (a quantity, a time, a named entity).

use serde::{Deserialize, Serialize};

use crate::{DateInterval, Hedge, Interval, Span};

/// What a number measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// A plain count or amount ("8,000 soldiers", "three generals").
    Count,
    /// An amount of money ("$2.5 decillion"); the unit holds the currency.
    Money,
    /// A percentage ("12%").
    Percent,
    /// A count per unit of time ("1,200 casualties per day").
    Rate,
    /// An ordinal ("the third").
    Ordinal,
}

/// A number as stated in the text, with the interval its wording allows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Bytes of the whole phrase, hedge included ("as many as 8,000").
    pub span: Span,
    /// The exact text of `span`.
    pub text: String,
    /// What the wording allows: "up to 30,000" is `[0, 30000]`, "at least 8,000" is `[8000, ∞)`.
    pub interval: Interval,
    pub hedge: Hedge,
    /// A unit when the phrase carries one ("%", "USD", "km"); the counted noun is added later by
    /// the claim extractor.
    pub unit: Option<String>,
    pub kind: QuantityKind,
}

/// TIMEX3 type of a time expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeType {
    Date,
    Time,
    Duration,
    Set,
}

/// How fine a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    Day,
    Week,
    /// Part of a month ("early November": 1–10).
    PartOfMonth,
    Month,
    Season,
    Quarter,
    /// Part of a year ("the first half of 2024", "late 2024").
    PartOfYear,
    Year,
    Decade,
    Century,
    /// Vaguer than any of the above ("in recent years", "earlier this year").
    Vague,
}

/// A time expression with its TIMEX3 value and, for dates, the days it can mean.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeMention {
    pub span: Span,
    pub text: String,
    pub kind: TimeType,
    /// A TIMEX3 value: `2024-11-29`, `2024-11`, `2024-W48`, `2024-Q4`, `2024-SU`, `P3D`, `PRESENT_REF`…
    pub value: String,
    /// For dates: the inclusive range of days the expression allows.
    pub interval: Option<DateInterval>,
    pub granularity: Option<Granularity>,
}

/// What sort of thing a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organization,
    /// Countries, regions, cities.
    Place,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        match s {
            "person" => Some(EntityKind::Person),
            "organization" => Some(EntityKind::Organization),
            "place" => Some(EntityKind::Place),
            _ => None,
        }
    }
}

/// An office held by a person, as the text states it ("North Korean Defense Minister").
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Role {
    /// Normalized office, lower case: "defense minister", "foreign minister", "president", "leader".
    pub office: String,
    /// Canonical country name when stated ("North Korea").
    pub country: Option<String>,
}

/// A name found in a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    pub span: Span,
    /// The surface form exactly as written ("Kim Jong un").
    pub text: String,
    pub kind: EntityKind,
    /// The best name known inside this document: a surname-only mention takes the full name it
    /// refers back to; countries and places take their gazetteer name.
    pub name: String,
    /// The office the text gives this person, if any.
    pub role: Option<Role>,
}
