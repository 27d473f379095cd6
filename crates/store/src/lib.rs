//! The SQLite database of `claims`: documents and their versions, sentences with a full-text
//! index, quantity/time/entity mentions, claims, resolved entities, analyst corrections and the
//! checker's findings.
//!
//! The database is a public interface in its own right (analysts open it with sqlite3,
//! Datasette or pandas; docs/schema.md documents every table and view), so the schema lives in
//! numbered, append-only SQL migrations (`migrations/*.sql`) embedded at compile time.
//!
//! Architecture invariants: only this crate uses rusqlite; nothing here extracts, resolves or
//! checks anything — the store keeps what the other stages produce, as they produced it.

mod checks;
mod derived;
mod error;
mod ingest;
mod migrations;
mod read;
mod sql;
mod staged;
mod subject_key;

use std::path::{Path, PathBuf};
use std::time::Duration;

use claims_model::{Claim, Date, EntityKind, Role};
use rusqlite::{Connection, OpenFlags};

use migrations::{identify, migrate, user_version};
use sql::sqlite;

pub use checks::{CheckRun, CheckScope};
pub use error::StoreError;
pub use migrations::{Migration, APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION};
pub use subject_key::subject_key;

type Result<T> = std::result::Result<T, StoreError>;

/// How long a connection waits for another writer before giving up with "database is locked".
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open claims database.
pub struct Store {
    conn: Connection,
    /// The file, for error messages (`:memory:` for an in-memory database).
    path: PathBuf,
    /// The findings of the check run under way (see `staged.rs`).
    staged: staged::Staged,
}

/// A document to store, with where it came from.
#[derive(Clone, Debug, Default)]
pub struct NewDocument<'a> {
    /// The path as ingested (the key that makes a later ingest of the same file a new version).
    pub path: &'a str,
    /// Hex SHA-256 of the original bytes.
    pub sha256: &'a str,
    /// Length of the original bytes.
    pub byte_len: u64,
    /// The decoded text; every span of the extraction is a byte range into it.
    pub text: &'a str,
    pub title: Option<&'a str>,
    pub source: Option<&'a str>,
    pub url: Option<&'a str>,
    pub published: Option<Date>,
    /// The date relative expressions were resolved against. When `None`, the extraction's
    /// `reference_date` is stored instead.
    pub reference_date: Option<Date>,
    /// Where the reference date came from: `"header"`, `"text"` or `"collection"`.
    pub reference_date_source: Option<&'a str>,
}

/// What [`Store::ingest`] did with a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ingested {
    /// A path not seen before.
    Added { id: i64 },
    /// The same content is already the current version of this path; nothing was written.
    Unchanged { id: i64 },
    /// New content for a known path: `id` is the new version, `superseded` the old one (kept,
    /// marked superseded, its claims no longer current).
    Replaced { id: i64, superseded: i64 },
}

impl Ingested {
    /// The id of the document's current version.
    pub fn id(self) -> i64 {
        match self {
            Ingested::Added { id } | Ingested::Unchanged { id } | Ingested::Replaced { id, .. } => {
                id
            }
        }
    }
}

/// A current document version.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentRow {
    pub id: i64,
    pub path: String,
    pub sha256: String,
    pub byte_len: u64,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
    pub reference_date: Option<Date>,
    pub reference_date_source: Option<String>,
    /// RFC 3339 UTC timestamp of the ingest that stored this version.
    pub ingested_at: String,
    pub text: String,
}

/// An entity mention of a current document.
#[derive(Clone, Debug, PartialEq)]
pub struct MentionRow {
    pub id: i64,
    pub doc_id: i64,
    pub start: usize,
    pub end: usize,
    /// The text exactly as written.
    pub surface: String,
    /// The best name known inside the document.
    pub name: String,
    pub kind: EntityKind,
    pub role: Option<Role>,
    /// The document's reference date, else its publication date.
    pub doc_date: Option<Date>,
    /// The entity this mention was last resolved to, if any.
    pub entity_id: Option<i64>,
}

/// An entity mention of a current document as [`Store::each_mention`] lends it: its strings
/// borrowed from the database row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MentionView<'a> {
    pub id: i64,
    pub doc_id: i64,
    pub start: usize,
    pub end: usize,
    /// The text exactly as written.
    pub surface: &'a str,
    /// The best name known inside the document.
    pub name: &'a str,
    pub kind: EntityKind,
    /// The office of the mention's role, if it has one.
    pub office: Option<&'a str>,
    /// The country of the role (`None` without an office).
    pub country: Option<&'a str>,
    /// The document's reference date, else its publication date.
    pub doc_date: Option<Date>,
    /// The entity this mention was last resolved to, if any.
    pub entity_id: Option<i64>,
}

/// A claim of a current document.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimRow {
    pub id: i64,
    pub doc_id: i64,
    /// The document path as ingested.
    pub document: String,
    /// The document's reference date, else its publication date.
    pub doc_date: Option<Date>,
    pub claim: Claim,
}

/// A resolved entity to store, with the mentions it was resolved from.
#[derive(Clone, Debug, PartialEq)]
pub struct NewEntity {
    pub name: String,
    pub kind: EntityKind,
    /// Why the normalizer grouped these mentions (free-form JSON, kept as given).
    pub evidence_json: String,
    /// `MentionRow::id`s of the mentions that name this entity.
    pub mention_ids: Vec<i64>,
}

/// A stored entity with its aliases.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityRow {
    pub id: i64,
    pub name: String,
    pub kind: EntityKind,
    /// Every surface form seen in current documents with how often, most frequent first.
    pub aliases: Vec<(String, u64)>,
    pub evidence_json: String,
}

/// What an analyst decided about two entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CorrectionKind {
    /// `a` and `b` are the same entity.
    Merge,
    /// `a` and `b` must never be the same entity.
    CannotLink,
    /// The entity named `a` is to be called `b`.
    Rename,
}

impl CorrectionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CorrectionKind::Merge => "merge",
            CorrectionKind::CannotLink => "cannot_link",
            CorrectionKind::Rename => "rename",
        }
    }

    pub fn parse(s: &str) -> Option<CorrectionKind> {
        match s {
            "merge" => Some(CorrectionKind::Merge),
            "cannot_link" => Some(CorrectionKind::CannotLink),
            "rename" => Some(CorrectionKind::Rename),
            _ => None,
        }
    }
}

/// An analyst correction to record. `a` and `b` are entity *names* (or surface forms), not ids:
/// entity ids are rebuilt on every normalization, names survive it.
#[derive(Clone, Debug, PartialEq)]
pub struct NewCorrection {
    pub kind: CorrectionKind,
    pub a: String,
    pub b: String,
    /// Who decided (an analyst's name or handle).
    pub who: String,
    pub note: Option<String>,
}

/// A stored correction.
#[derive(Clone, Debug, PartialEq)]
pub struct CorrectionRow {
    pub id: i64,
    pub kind: CorrectionKind,
    pub a: String,
    pub b: String,
    pub who: String,
    pub note: Option<String>,
    /// RFC 3339 UTC timestamp.
    pub created_at: String,
}

/// One sentence found by full-text search.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    pub sentence_id: i64,
    pub doc_id: i64,
    /// The document path as ingested.
    pub document: String,
    /// The document's reference date, else its publication date.
    pub doc_date: Option<Date>,
    /// Byte span of the sentence in the document.
    pub start: usize,
    pub end: usize,
    /// The whole sentence.
    pub text: String,
    /// FTS5 `snippet()`: up to 12 tokens around the match, matches in `[` `]`.
    pub snippet: String,
}

/// How much the database holds (documents: current versions; the rest: of current versions,
/// except entities, corrections and findings, which are not per document).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub documents: u64,
    pub superseded_documents: u64,
    pub sentences: u64,
    pub mentions: u64,
    pub claims: u64,
    pub entities: u64,
    pub findings: u64,
    pub corrections: u64,
}

/// The result of [`Store::query`].
#[derive(Clone, Debug, PartialEq)]
pub struct QueryResult {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<serde_json::Value>>,
}

impl Store {
    /// Opens the claims database at `path`, creating it when the file does not exist (or is
    /// empty) and applying any pending migrations.
    ///
    /// # Errors
    /// [`StoreError::NotClaimsDb`] for a file that is not a claims database (it is left
    /// untouched), [`StoreError::TooNew`] for a database from a newer claims (left untouched),
    /// [`StoreError::Sqlite`] when SQLite fails.
    pub fn open(path: &Path) -> Result<Store> {
        // Identify an existing file through a read-only connection first: even setting the
        // journal mode writes to the file header, and a file that is not ours must stay as it is.
        let nonempty = std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() > 0);
        if nonempty {
            let ro = Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(sqlite(path))?;
            identify(&ro, path)?;
            ro.close().map_err(|(_, e)| sqlite(path)(e))?;
        }
        let conn = Connection::open(path).map_err(sqlite(path))?;
        Store::setup(conn, path.to_path_buf())
    }

    /// A fresh database in memory (for tests and `--db :memory:`).
    ///
    /// # Errors
    /// [`StoreError::Sqlite`] when SQLite fails.
    pub fn open_in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(sqlite(&path))?;
        Store::setup(conn, path)
    }

    /// Per-connection settings, then migrations.
    fn setup(mut conn: Connection, path: PathBuf) -> Result<Store> {
        let e = sqlite(&path);
        conn.busy_timeout(BUSY_TIMEOUT).map_err(&e)?;
        // Identify again on the writable connection: it also covers new and empty files.
        identify(&conn, &path)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(&e)?;
        // WAL: readers (sqlite3, Datasette, pandas) keep reading while an ingest writes, and a
        // crash mid-write never leaves a half-written database. See docs/schema.md.
        let _mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(&e)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(&e)?;
        migrate(&mut conn, &path)?;
        drop(e);
        Ok(Store {
            conn,
            path,
            staged: Default::default(),
        })
    }

    /// The file this store was opened from (`:memory:` in memory).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the database (`PRAGMA user_version`).
    ///
    /// # Errors
    /// [`StoreError::Sqlite`] when SQLite fails.
    pub fn schema_version(&self) -> Result<i64> {
        user_version(&self.conn).map_err(sqlite(&self.path))
    }
}
