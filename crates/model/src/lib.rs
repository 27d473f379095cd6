//! Domain types shared by every stage of `claims`.
//!
//! This crate has no I/O and no parsing: it only says what a span, an interval, a mention, a
//! claim and a finding *are*, and keeps their invariants (an [`Interval`] never has
//! `low > high`, a [`DateInterval`] never has `earliest > latest`, a [`Span`] never ends
//! before it starts). Every other crate speaks in these types.

mod claim;
mod finding;
mod interval;
mod mention;

pub use claim::{Claim, ClaimKind, ClaimValue, EventType, Inference, Modality, Scope, Subject};
pub use finding::{Finding, FindingClaim, FindingKind, FindingValue, Severity};
pub use interval::{DateInterval, Hedge, Interval, ModelError, Span};
pub use mention::{
    EntityKind, EntityMention, Granularity, Quantity, QuantityKind, Role, TimeMention, TimeType,
};

/// A calendar date (re-exported so that stages agree on one date type).
pub type Date = jiff::civil::Date;

/// Everything the extractor yields for one document: what `claims extract` prints and what the
/// store keeps for it.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Extraction {
    /// The date relative expressions were resolved against, if any.
    pub reference_date: Option<Date>,
    /// Byte spans of the document's sentences, in order.
    pub sentences: Vec<Span>,
    pub quantities: Vec<Quantity>,
    pub times: Vec<TimeMention>,
    pub entities: Vec<EntityMention>,
    pub claims: Vec<Claim>,
}
