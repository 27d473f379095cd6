//! Claims: atomic statements with their subject, value, time, scope, source and provenance.

use serde::{Deserialize, Serialize};

use crate::{DateInterval, Granularity, Hedge, Interval, Span};

/// Whether the text asserts the claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Stated as fact by the writer.
    Asserted,
    /// Stated as what someone else says or reports ("according to", "reports indicate").
    Reported,
    /// A condition, question, plan, forecast or possibility ("if", "would", "could", "plans to").
    Hypothetical,
    /// Denied or negated ("have not yet participated", "denied").
    Negated,
}

impl Modality {
    /// Can this claim make a contradiction? Only what a text asserts or reports can.
    pub fn is_factual(self) -> bool {
        matches!(self, Modality::Asserted | Modality::Reported)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Hypothetical => "hypothetical",
            Modality::Negated => "negated",
        }
    }

    pub fn parse(s: &str) -> Option<Modality> {
        match s {
            "asserted" => Some(Modality::Asserted),
            "reported" => Some(Modality::Reported),
            "hypothetical" => Some(Modality::Hypothetical),
            "negated" => Some(Modality::Negated),
            _ => None,
        }
    }
}

/// The kinds of dated events the extractor recognizes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    Visit,
    Meeting,
    Signing,
    Ratification,
    Launch,
    Deployment,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Visit => "visit",
            EventType::Meeting => "meeting",
            EventType::Signing => "signing",
            EventType::Ratification => "ratification",
            EventType::Launch => "launch",
            EventType::Deployment => "deployment",
        }
    }
}

/// Where a claim holds: a place and the places that contain it, innermost first after `place`
/// (`Kursk Oblast` within `["Russia"]`), so that the checker can reason about containment
/// without a gazetteer of its own.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Scope {
    pub place: String,
    pub within: Vec<String>,
}

impl Scope {
    /// Is `self` the same place as `other` or inside it?
    pub fn is_within(&self, other: &Scope) -> bool {
        self.place == other.place || self.within.contains(&other.place)
    }
}

/// What a claim is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Subject {
    /// A group of people or things counted: "North Korean troops".
    Group {
        /// Canonical country (or organisation) the group belongs to, when known.
        owner: Option<String>,
        /// Category from the small ontology in the extractor ("troops", "officers", "generals",
        /// "casualties", "killed", "missiles"…).
        category: String,
    },
    /// A dated event with its participants (entity names as the extractor knows them; the
    /// normalizer maps them to entity ids before checking).
    Event {
        event: EventType,
        participants: Vec<String>,
        /// The place the event happened in (a visit's destination).
        place: Option<String>,
    },
    /// An article of a treaty or other instrument.
    Article { instrument: String, article: u32 },
}

/// The kind of claim, for filtering and for choosing how to compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A count of a group (value: a numeric interval).
    Count,
    /// An event date (value: a date interval).
    Event,
    /// What an article of an instrument says (value: text).
    Article,
}

/// The value a claim states.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClaimValue {
    Quantity {
        interval: Interval,
        hedge: Hedge,
        unit: Option<String>,
        /// The phrase as written ("as many as 8,000").
        text: String,
    },
    Date {
        interval: DateInterval,
        granularity: Granularity,
        /// TIMEX3 value.
        value: String,
        text: String,
    },
    Text {
        text: String,
    },
}

/// One atomic claim with its provenance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub kind: ClaimKind,
    pub subject: Subject,
    /// What about the subject: "count", "added", "total" for groups; "date" for events;
    /// "text" for articles.
    pub attribute: String,
    pub value: ClaimValue,
    /// When the value held (for counts), if the text says or the document's date implies it.
    pub as_of: Option<DateInterval>,
    pub scope: Option<Scope>,
    /// Who the text says made the claim ("Antony Blinken", "Ukraine's military intelligence",
    /// "unattributed reports"); `None` when the writer asserts it.
    pub attributed_to: Option<String>,
    pub modality: Modality,
    /// The evidence: byte span into the document (the claim's sentence or phrase).
    pub span: Span,
    /// The exact text of `span`.
    pub quote: String,
    /// What the extractor had to assume rather than read (empty when everything was stated).
    /// The checker treats a disagreement that rests on an assumption as a tension, not a
    /// contradiction.
    #[serde(default)]
    pub inferred: Vec<Inference>,
}

/// Something a claim's extractor assumed rather than read in the claim's own sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Inference {
    /// The owner of a counted group came from the rest of the document ("troops" in an article
    /// about North Korean troops).
    OwnerFromDocument,
    /// A date's year came from a reference date that was itself assumed from the other documents
    /// of the collection, because the document states no year.
    YearFromCollection,
}
