//! Findings: what the checker reports about a group of comparable claims.

use serde::{Deserialize, Serialize};

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
    /// The value as JSON (interval or date range), for the report.
    pub value: serde_json::Value,
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
