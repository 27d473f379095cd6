//! The one error type of the store: every message names the database file and the problem.

use std::path::PathBuf;

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// SQLite itself failed (I/O, a constraint, a locked database…).
    #[error("{}: SQLite error: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    /// The file exists but is not a claims database: another application's SQLite file, or not
    /// SQLite at all. It was not modified.
    #[error(
        "{} is not a claims database (another application's SQLite file, or not SQLite at all); \
         refusing to open it, the file was left untouched",
        path.display()
    )]
    NotClaimsDb { path: PathBuf },
    /// The database was written by a newer claims with a schema this binary does not know.
    #[error(
        "{} has schema version {found}, newer than this claims supports ({supported}); \
         upgrade claims to open it (the file was left untouched)",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// A span of an extraction does not lie inside the document text on character boundaries.
    #[error(
        "{}: {what} span {start}..{end} of document {document} is outside its {len}-byte text \
         or splits a character; nothing of that document was stored",
        path.display()
    )]
    BadSpan {
        path: PathBuf,
        document: String,
        what: &'static str,
        start: usize,
        end: usize,
        len: usize,
    },
    /// `replace_entities` named an entity mention id that does not exist.
    #[error("{}: entity {entity:?} names mention id {mention_id}, which does not exist", path.display())]
    UnknownMention {
        path: PathBuf,
        entity: String,
        mention_id: i64,
    },
    /// The temporary file a check's findings are staged in could not be created, written or
    /// read (a full or read-only temporary directory, for instance).
    #[error("{}: cannot stage the check's findings in a temporary file: {source}", path.display())]
    Staging {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `replace_findings` named a claim id that does not exist.
    #[error("{}: finding {finding:?} names claim id {claim_id}, which does not exist", path.display())]
    UnknownClaim {
        path: PathBuf,
        finding: String,
        claim_id: i64,
    },
    /// A full-text query that FTS5 cannot parse.
    #[error("{}: full-text query {query:?} is not valid FTS5 syntax: {source}", path.display())]
    BadQuery {
        path: PathBuf,
        query: String,
        #[source]
        source: rusqlite::Error,
    },
    /// A value could not be turned into JSON for storage.
    #[error("{}: cannot encode {what} as JSON: {source}", path.display())]
    Encode {
        path: PathBuf,
        what: &'static str,
        #[source]
        source: serde_json::Error,
    },
    /// A stored value could not be read back (the database was edited by hand, or is damaged).
    #[error("{}: stored {what} (row {row}) cannot be read: {detail}", path.display())]
    Corrupt {
        path: PathBuf,
        what: &'static str,
        row: String,
        detail: String,
    },
    /// [`Store::query`](crate::Store::query) was given a statement that would write.
    #[error("{}: refusing to run a statement that writes: {sql}", path.display())]
    NotReadOnly { path: PathBuf, sql: String },
}
