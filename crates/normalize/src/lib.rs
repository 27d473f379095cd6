//! `claims-normalize`: who and where a mention means.
//!
//! Two jobs. The [`Gazetteer`] answers lookups the extractor and the checker need (a country from
//! "North Korean" or "the Kremlin", a place with the places containing it, a normalized office, an
//! organisation, a well-known person with the offices and terms they held, and whether a token is
//! a Korean surname or given-name syllable); it is read once from the TSV files in `data/`, whose
//! formats docs/normalize.md describes. [`resolve`] clusters name mentions from many documents
//! into one entity per real person, organisation or place, across spelling, romanization,
//! transliteration and machine-translation variants, without merging different people, and says
//! for each merge which rule made it.

mod fold;
mod gazetteer;
mod names;
mod resolve;
mod units;

pub use gazetteer::{
    Gazetteer, GazetteerError, GazetteerSources, OfficeTerm, OrgInfo, PersonInfo, PlaceInfo,
    PlaceKind,
};
pub use resolve::{
    resolve, resolve_set, resolve_set_with, resolve_with, Correction, MentionInput, MergeEvidence,
    ResolvedEntity, IN_DOCUMENT_SIMILARITY, OFFICE_WINDOW_DAYS,
};
pub use units::{MentionRef, MentionSet};
