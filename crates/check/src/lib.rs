//! The checker: which claims are comparable, and how their values disagree.
//!
//! It receives claims whose subjects already use resolved entity names (the caller maps each
//! participant through the normalizer) and returns [`Finding`]s. It never reads text: every
//! fact it uses is a field of a claim. Work is grouping by key and comparing the few distinct
//! value classes inside each key, never all pairs of claims of the collection.

mod compare;
pub mod estimates;
mod group;
pub mod html;
pub mod report;
#[doc(hidden)]
pub mod synthetic;

pub use compare::{numeric_tolerance, Tolerance};
pub use group::{
    check, check_each, check_where, group_key, subject_group_key, CheckClaim, CheckOptions,
};

/// The version of the checker's rules. Stored with every check run: a `claims check --touched`
/// builds only on findings computed with the same rules, so a change that alters what the
/// checker finds for the same claims must increase it (with the package version this is what
/// tells a database's stored findings apart from what this binary would find).
pub const RULES_VERSION: u32 = 1;
