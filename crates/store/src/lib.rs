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

mod error;
mod migrations;
mod subject_key;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use claims_model::{Claim, ClaimValue, Date, EntityKind, Extraction, Finding, Role, Span};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use serde::Serialize;

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
}

/// A document to store, with where it came from.
#[derive(Clone, Debug)]
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

/// What identifying a file found.
enum Identity {
    /// An empty database: ours to initialize.
    Fresh,
    /// A claims database at this schema version.
    Claims,
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
        Ok(Store { conn, path })
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

    /// Is this exact content already stored as the current version of `path`?
    ///
    /// # Errors
    /// [`StoreError::Sqlite`] when SQLite fails.
    pub fn is_unchanged(&self, path: &str, sha256: &str) -> Result<bool> {
        let current = current_version(&self.conn, path).map_err(sqlite(&self.path))?;
        Ok(current.is_some_and(|(_, sha)| sha == sha256))
    }

    /// Stores one document with everything extracted from it, atomically (one transaction).
    ///
    /// Same path and same sha256 as the current version → [`Ingested::Unchanged`], nothing
    /// written. Same path, new content → the new version is added and the old one kept but
    /// marked superseded (its claims no longer count as current).
    ///
    /// # Errors
    /// [`StoreError::BadSpan`] when a span of the extraction is not inside the text,
    /// [`StoreError::Sqlite`] when SQLite fails. Either way nothing of the document is stored.
    pub fn ingest(&mut self, doc: &NewDocument, extraction: &Extraction) -> Result<Ingested> {
        let e = sqlite(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&e)?;
        let outcome = ingest_one(&tx, &self.path, doc, extraction)?;
        tx.commit().map_err(&e)?;
        Ok(outcome)
    }

    /// Many documents in one transaction (for speed): all are stored or, on the first error,
    /// none is. Use [`Store::ingest_each`] to keep the good ones of a batch.
    ///
    /// # Errors
    /// As [`Store::ingest`]; the error names the failing document.
    pub fn ingest_batch(&mut self, docs: &[(NewDocument, Extraction)]) -> Result<Vec<Ingested>> {
        let e = sqlite(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&e)?;
        let mut out = Vec::with_capacity(docs.len());
        for (doc, extraction) in docs {
            out.push(ingest_one(&tx, &self.path, doc, extraction)?);
        }
        tx.commit().map_err(&e)?;
        Ok(out)
    }

    /// Many documents in one transaction, each all-or-nothing on its own (a savepoint per
    /// document): a document that fails leaves nothing behind and the others are still stored.
    /// The results are in the order of `docs`.
    ///
    /// # Errors
    /// The outer error only when the batch transaction itself cannot begin or commit.
    pub fn ingest_each(
        &mut self,
        docs: &[(NewDocument, Extraction)],
    ) -> Result<Vec<Result<Ingested>>> {
        let e = sqlite(&self.path);
        let mut tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&e)?;
        let mut out = Vec::with_capacity(docs.len());
        for (doc, extraction) in docs {
            let sp = tx.savepoint().map_err(&e)?;
            match ingest_one(&sp, &self.path, doc, extraction) {
                Ok(outcome) => {
                    sp.commit().map_err(&e)?;
                    out.push(Ok(outcome));
                }
                // Dropping the savepoint rolls this document back.
                Err(err) => out.push(Err(err)),
            }
        }
        tx.commit().map_err(&e)?;
        Ok(out)
    }

    /// The current version of every document, by path.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`], or [`StoreError::Corrupt`] for an unreadable stored date.
    pub fn documents(&self) -> Result<Vec<DocumentRow>> {
        let e = sqlite(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, path, sha256, byte_len, title, source, url, published, reference_date,
                        reference_date_source, ingested_at, text
                   FROM documents WHERE superseded_by IS NULL ORDER BY path",
            )
            .map_err(&e)?;
        let raw = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, Option<String>>(7)?,
                    r.get::<_, Option<String>>(8)?,
                    r.get::<_, Option<String>>(9)?,
                    r.get::<_, String>(10)?,
                    r.get::<_, String>(11)?,
                ))
            })
            .map_err(&e)?;
        let mut rows = Vec::new();
        for row in raw {
            let (
                id,
                path,
                sha256,
                byte_len,
                title,
                source,
                url,
                published,
                reference_date,
                rds,
                at,
                text,
            ) = row.map_err(&e)?;
            rows.push(DocumentRow {
                id,
                path,
                sha256,
                byte_len: u64::try_from(byte_len).unwrap_or(0),
                title,
                source,
                url,
                published: parse_date(&self.path, "documents.published", id, published)?,
                reference_date: parse_date(
                    &self.path,
                    "documents.reference_date",
                    id,
                    reference_date,
                )?,
                reference_date_source: rds,
                ingested_at: at,
                text,
            });
        }
        Ok(rows)
    }

    /// Entity mentions of current documents, in document order.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`], or [`StoreError::Corrupt`] for an unreadable stored value.
    pub fn mentions(&self) -> Result<Vec<MentionRow>> {
        let e = sqlite(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT m.id, m.document_id, m.start_byte, m.end_byte, m.surface, m.name, m.kind,
                        m.role_office, m.role_country, coalesce(d.reference_date, d.published),
                        m.entity_id
                   FROM entity_mentions m JOIN documents d ON d.id = m.document_id
                  WHERE d.superseded_by IS NULL
                  ORDER BY m.document_id, m.start_byte, m.id",
            )
            .map_err(&e)?;
        let raw = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, Option<String>>(7)?,
                    r.get::<_, Option<String>>(8)?,
                    r.get::<_, Option<String>>(9)?,
                    r.get::<_, Option<i64>>(10)?,
                ))
            })
            .map_err(&e)?;
        let mut rows = Vec::new();
        for row in raw {
            let (id, doc_id, start, end, surface, name, kind, office, country, date, entity_id) =
                row.map_err(&e)?;
            rows.push(MentionRow {
                id,
                doc_id,
                start: offset(&self.path, "entity_mentions.start_byte", id, start)?,
                end: offset(&self.path, "entity_mentions.end_byte", id, end)?,
                surface,
                name,
                kind: parse_kind(&self.path, "entity_mentions.kind", id, &kind)?,
                role: office.map(|office| Role { office, country }),
                doc_date: parse_date(&self.path, "documents.reference_date", doc_id, date)?,
                entity_id,
            });
        }
        Ok(rows)
    }

    /// Claims of current documents, in document order.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`], or [`StoreError::Corrupt`] for an unreadable stored claim.
    pub fn claims(&self) -> Result<Vec<ClaimRow>> {
        let e = sqlite(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT c.id, c.document_id, d.path, coalesce(d.reference_date, d.published),
                        c.claim_json
                   FROM claims c JOIN documents d ON d.id = c.document_id
                  WHERE d.superseded_by IS NULL
                  ORDER BY c.document_id, c.id",
            )
            .map_err(&e)?;
        let raw = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })
            .map_err(&e)?;
        let mut rows = Vec::new();
        for row in raw {
            let (id, doc_id, document, date, json) = row.map_err(&e)?;
            let claim = serde_json::from_str(&json).map_err(|err| StoreError::Corrupt {
                path: self.path.clone(),
                what: "claims.claim_json",
                row: id.to_string(),
                detail: err.to_string(),
            })?;
            rows.push(ClaimRow {
                id,
                doc_id,
                document,
                doc_date: parse_date(&self.path, "documents.reference_date", doc_id, date)?,
                claim,
            });
        }
        Ok(rows)
    }

    /// Replaces every entity and every mention→entity link with `entities`, in one transaction.
    ///
    /// # Errors
    /// [`StoreError::UnknownMention`] when a mention id does not exist (nothing is changed),
    /// [`StoreError::Sqlite`] when SQLite fails.
    pub fn replace_entities(&mut self, entities: &[NewEntity]) -> Result<()> {
        let e = sqlite(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&e)?;
        tx.execute(
            "UPDATE entity_mentions SET entity_id = NULL WHERE entity_id IS NOT NULL",
            [],
        )
        .map_err(&e)?;
        tx.execute("DELETE FROM entities", []).map_err(&e)?;
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO entities (name, kind, evidence_json) VALUES (?1, ?2, ?3)",
                )
                .map_err(&e)?;
            let mut link = tx
                .prepare_cached("UPDATE entity_mentions SET entity_id = ?1 WHERE id = ?2")
                .map_err(&e)?;
            for entity in entities {
                insert
                    .execute(params![
                        entity.name,
                        entity.kind.as_str(),
                        entity.evidence_json
                    ])
                    .map_err(&e)?;
                let id = tx.last_insert_rowid();
                for &mention_id in &entity.mention_ids {
                    if link.execute(params![id, mention_id]).map_err(&e)? == 0 {
                        return Err(StoreError::UnknownMention {
                            path: self.path.clone(),
                            entity: entity.name.clone(),
                            mention_id,
                        });
                    }
                }
            }
        }
        tx.commit().map_err(&e)
    }

    /// Every entity with its aliases (surface forms in current documents, with counts).
    ///
    /// # Errors
    /// [`StoreError::Sqlite`], or [`StoreError::Corrupt`] for an unknown stored kind.
    pub fn entities(&self) -> Result<Vec<EntityRow>> {
        let e = sqlite(&self.path);
        let mut aliases: BTreeMap<i64, Vec<(String, u64)>> = BTreeMap::new();
        {
            let mut stmt = self
                .conn
                .prepare_cached(
                    "SELECT entity_id, alias, mention_count FROM entity_aliases
                      ORDER BY entity_id, mention_count DESC, alias",
                )
                .map_err(&e)?;
            let raw = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                })
                .map_err(&e)?;
            for row in raw {
                let (id, alias, count) = row.map_err(&e)?;
                aliases
                    .entry(id)
                    .or_default()
                    .push((alias, u64::try_from(count).unwrap_or(0)));
            }
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name, kind, evidence_json FROM entities ORDER BY id")
            .map_err(&e)?;
        let raw = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })
            .map_err(&e)?;
        let mut rows = Vec::new();
        for row in raw {
            let (id, name, kind, evidence_json) = row.map_err(&e)?;
            rows.push(EntityRow {
                id,
                name,
                kind: parse_kind(&self.path, "entities.kind", id, &kind)?,
                aliases: aliases.remove(&id).unwrap_or_default(),
                evidence_json,
            });
        }
        Ok(rows)
    }

    /// Records an analyst correction and returns its id. Corrections are never touched by
    /// ingest or normalization.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`] when SQLite fails.
    pub fn add_correction(&mut self, c: &NewCorrection) -> Result<i64> {
        let e = sqlite(&self.path);
        self.conn
            .execute(
                "INSERT INTO corrections (kind, a, b, who, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![c.kind.as_str(), c.a, c.b, c.who, c.note, now()],
            )
            .map_err(&e)?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Every correction, oldest first.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`], or [`StoreError::Corrupt`] for an unknown stored kind.
    pub fn corrections(&self) -> Result<Vec<CorrectionRow>> {
        let e = sqlite(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, kind, a, b, who, note, created_at FROM corrections ORDER BY id",
            )
            .map_err(&e)?;
        let raw = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, String>(6)?,
                ))
            })
            .map_err(&e)?;
        let mut rows = Vec::new();
        for row in raw {
            let (id, kind, a, b, who, note, created_at) = row.map_err(&e)?;
            let kind = CorrectionKind::parse(&kind).ok_or_else(|| StoreError::Corrupt {
                path: self.path.clone(),
                what: "corrections.kind",
                row: id.to_string(),
                detail: format!("unknown correction kind {kind:?}"),
            })?;
            rows.push(CorrectionRow {
                id,
                kind,
                a,
                b,
                who,
                note,
                created_at,
            });
        }
        Ok(rows)
    }

    /// Replaces every finding with `findings`, in one transaction. Each
    /// `FindingClaim::claim_id` must be a `claims.id`.
    ///
    /// # Errors
    /// [`StoreError::UnknownClaim`] for a claim id that does not exist (nothing is changed),
    /// [`StoreError::Sqlite`] when SQLite fails (two findings with one id, for instance).
    pub fn replace_findings(&mut self, findings: &[Finding]) -> Result<()> {
        let e = sqlite(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&e)?;
        tx.execute("DELETE FROM finding_claims", []).map_err(&e)?;
        tx.execute("DELETE FROM findings", []).map_err(&e)?;
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO findings
                       (id, kind, severity, subject, summary, reason, arithmetic, finding_json)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .map_err(&e)?;
            let mut exists = tx
                .prepare_cached("SELECT 1 FROM claims WHERE id = ?1")
                .map_err(&e)?;
            let mut link = tx
                .prepare_cached(
                    "INSERT INTO finding_claims (finding_id, position, claim_id) VALUES (?1, ?2, ?3)",
                )
                .map_err(&e)?;
            for f in findings {
                let json = encode(&self.path, "finding", f)?;
                insert
                    .execute(params![
                        f.id,
                        f.kind.as_str(),
                        f.severity.as_str(),
                        f.subject,
                        f.summary,
                        f.reason,
                        f.arithmetic,
                        json
                    ])
                    .map_err(&e)?;
                for (position, c) in f.claims.iter().enumerate() {
                    if !exists.exists(params![c.claim_id]).map_err(&e)? {
                        return Err(StoreError::UnknownClaim {
                            path: self.path.clone(),
                            finding: f.id.clone(),
                            claim_id: c.claim_id,
                        });
                    }
                    link.execute(params![f.id, position as i64, c.claim_id])
                        .map_err(&e)?;
                }
            }
        }
        tx.commit().map_err(&e)
    }

    /// Every stored finding, exactly as given to [`Store::replace_findings`], in that order.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`], or [`StoreError::Corrupt`] for an unreadable stored finding.
    pub fn findings(&self) -> Result<Vec<Finding>> {
        let e = sqlite(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, finding_json FROM findings ORDER BY rowid")
            .map_err(&e)?;
        let raw = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(&e)?;
        let mut rows = Vec::new();
        for row in raw {
            let (id, json) = row.map_err(&e)?;
            rows.push(
                serde_json::from_str(&json).map_err(|err| StoreError::Corrupt {
                    path: self.path.clone(),
                    what: "findings.finding_json",
                    row: id,
                    detail: err.to_string(),
                })?,
            );
        }
        Ok(rows)
    }

    /// Full-text search over the sentences of current documents for plain words: every word
    /// must occur (stemmed, case- and accent-insensitive); FTS5 operators in `query` are taken
    /// as words, so any input is safe. Best matches first, at most `limit`.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`] when SQLite fails.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let words: Vec<String> = query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| format!("\"{w}\""))
            .collect();
        if words.is_empty() {
            return Ok(Vec::new());
        }
        self.search_fts(&words.join(" "), limit)
    }

    /// Full-text search with an FTS5 query (`"north korean" NEAR troops`, `kursk OR kharkiv`,
    /// `troop*`) over the sentences of current documents. Best matches first, at most `limit`.
    ///
    /// # Errors
    /// [`StoreError::BadQuery`] when FTS5 cannot parse `query`.
    pub fn search_fts(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let bad = |source| StoreError::BadQuery {
            path: self.path.clone(),
            query: query.to_string(),
            source,
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT s.id, s.document_id, d.path, coalesce(d.reference_date, d.published),
                        s.start_byte, s.end_byte, s.text,
                        snippet(sentences_fts, 0, '[', ']', '…', 12)
                   FROM sentences_fts
                   JOIN sentences s ON s.id = sentences_fts.rowid
                   JOIN documents d ON d.id = s.document_id
                  WHERE sentences_fts MATCH ?1 AND d.superseded_by IS NULL
                  ORDER BY rank
                  LIMIT ?2",
            )
            .map_err(sqlite(&self.path))?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let raw = stmt
            .query_map(params![query, limit], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, i64>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                ))
            })
            .map_err(bad)?;
        let mut hits = Vec::new();
        for row in raw {
            let (id, doc_id, document, date, start, end, text, snippet) = row.map_err(bad)?;
            hits.push(SearchHit {
                sentence_id: id,
                doc_id,
                document,
                doc_date: parse_date(&self.path, "documents.reference_date", doc_id, date)?,
                start: offset(&self.path, "sentences.start_byte", id, start)?,
                end: offset(&self.path, "sentences.end_byte", id, end)?,
                text,
                snippet,
            });
        }
        Ok(hits)
    }

    /// Runs one read-only SQL statement (an analyst's query, a documented example) and returns
    /// its columns and rows as JSON values (integers, reals, text; BLOBs as hex text).
    ///
    /// # Errors
    /// [`StoreError::NotReadOnly`] for a statement that would write,
    /// [`StoreError::Sqlite`] when SQLite cannot run it.
    pub fn query(&self, sql: &str) -> Result<QueryResult> {
        let e = sqlite(&self.path);
        let mut stmt = self.conn.prepare(sql).map_err(&e)?;
        if !stmt.readonly() {
            return Err(StoreError::NotReadOnly {
                path: self.path.clone(),
                sql: sql.to_string(),
            });
        }
        let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
        let width = columns.len();
        let mut rows = Vec::new();
        let mut raw = stmt.query([]).map_err(&e)?;
        while let Some(row) = raw.next().map_err(&e)? {
            let mut values = Vec::with_capacity(width);
            for i in 0..width {
                use rusqlite::types::ValueRef;
                values.push(match row.get_ref(i).map_err(&e)? {
                    ValueRef::Null => serde_json::Value::Null,
                    ValueRef::Integer(n) => serde_json::Value::from(n),
                    ValueRef::Real(x) => serde_json::Value::from(x),
                    ValueRef::Text(t) => serde_json::Value::from(String::from_utf8_lossy(t)),
                    ValueRef::Blob(b) => serde_json::Value::from(
                        b.iter().map(|x| format!("{x:02x}")).collect::<String>(),
                    ),
                });
            }
            rows.push(values);
        }
        Ok(QueryResult { columns, rows })
    }

    /// How much the database holds.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`] when SQLite fails.
    pub fn counts(&self) -> Result<Counts> {
        let e = sqlite(&self.path);
        let current = "(SELECT id FROM documents WHERE superseded_by IS NULL)";
        let sql = format!(
            "SELECT (SELECT count(*) FROM documents WHERE superseded_by IS NULL),
                    (SELECT count(*) FROM documents WHERE superseded_by IS NOT NULL),
                    (SELECT count(*) FROM sentences WHERE document_id IN {current}),
                    (SELECT count(*) FROM entity_mentions WHERE document_id IN {current}),
                    (SELECT count(*) FROM claims WHERE document_id IN {current}),
                    (SELECT count(*) FROM entities),
                    (SELECT count(*) FROM findings),
                    (SELECT count(*) FROM corrections)"
        );
        let n = |v: i64| u64::try_from(v).unwrap_or(0);
        self.conn
            .query_row(&sql, [], |r| {
                Ok(Counts {
                    documents: n(r.get(0)?),
                    superseded_documents: n(r.get(1)?),
                    sentences: n(r.get(2)?),
                    mentions: n(r.get(3)?),
                    claims: n(r.get(4)?),
                    entities: n(r.get(5)?),
                    findings: n(r.get(6)?),
                    corrections: n(r.get(7)?),
                })
            })
            .map_err(&e)
    }
}

/// Maps a rusqlite error to [`StoreError::Sqlite`] naming `path`.
fn sqlite(path: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |source| StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    }
}

fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Decides whether `conn` is a claims database we can use, without writing anything.
fn identify(conn: &Connection, path: &Path) -> Result<Identity> {
    let not_ours = |source: rusqlite::Error| match source.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotClaimsDb {
            path: path.to_path_buf(),
        },
        _ => StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        },
    };
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(not_ours)?;
    let version = user_version(conn).map_err(not_ours)?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(not_ours)?;
    if app_id == APPLICATION_ID {
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(Identity::Claims)
    } else if app_id == 0 && version == 0 && objects == 0 {
        Ok(Identity::Fresh)
    } else {
        Err(StoreError::NotClaimsDb {
            path: path.to_path_buf(),
        })
    }
}

/// Applies every pending migration in one transaction.
fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let e = sqlite(path);
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(&e)?;
    // Identify once more inside the write lock, in case another process got there first.
    let _ = identify(&tx, path)?;
    let version = user_version(&tx).map_err(&e)?;
    let pending = usize::try_from(version).unwrap_or(0);
    for migration in MIGRATIONS.iter().skip(pending) {
        tx.execute_batch(migration.sql).map_err(&e)?;
    }
    if version < SCHEMA_VERSION {
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(&e)?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(&e)?;
    }
    tx.commit().map_err(&e)
}

/// The id and sha256 of the current version of `path`, if any.
fn current_version(conn: &Connection, path: &str) -> rusqlite::Result<Option<(i64, String)>> {
    conn.prepare_cached(
        "SELECT id, sha256 FROM documents WHERE path = ?1 AND superseded_by IS NULL",
    )?
    .query_row([path], |r| Ok((r.get(0)?, r.get(1)?)))
    .optional()
}

/// The UTC time now, RFC 3339.
fn now() -> String {
    jiff::Timestamp::now().to_string()
}

fn date_text(d: Option<Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

fn parse_date(db: &Path, what: &'static str, row: i64, s: Option<String>) -> Result<Option<Date>> {
    s.map(|s| {
        s.parse::<Date>().map_err(|err| StoreError::Corrupt {
            path: db.to_path_buf(),
            what,
            row: row.to_string(),
            detail: format!("{s:?} is not a date: {err}"),
        })
    })
    .transpose()
}

fn parse_kind(db: &Path, what: &'static str, row: i64, s: &str) -> Result<EntityKind> {
    EntityKind::parse(s).ok_or_else(|| StoreError::Corrupt {
        path: db.to_path_buf(),
        what,
        row: row.to_string(),
        detail: format!("unknown entity kind {s:?}"),
    })
}

fn offset(db: &Path, what: &'static str, row: i64, v: i64) -> Result<usize> {
    usize::try_from(v).map_err(|_| StoreError::Corrupt {
        path: db.to_path_buf(),
        what,
        row: row.to_string(),
        detail: format!("{v} is not a byte offset"),
    })
}

fn encode<T: Serialize>(db: &Path, what: &'static str, v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|source| StoreError::Encode {
        path: db.to_path_buf(),
        what,
        source,
    })
}

/// The serde name of a unit enum variant (`Hedge::UpperBound` → `"upper_bound"`), so that the
/// flattened columns spell values exactly as the JSON does.
fn tag<T: Serialize>(db: &Path, what: &'static str, v: &T) -> Result<String> {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Ok(s),
        Ok(other) => Ok(other.to_string()),
        Err(source) => Err(StoreError::Encode {
            path: db.to_path_buf(),
            what,
            source,
        }),
    }
}

/// The text of `span` in the document, or [`StoreError::BadSpan`].
fn span_text<'t>(
    db: &Path,
    doc: &NewDocument<'t>,
    what: &'static str,
    span: Span,
) -> Result<&'t str> {
    doc.text
        .get(span.start()..span.end())
        .ok_or_else(|| StoreError::BadSpan {
            path: db.to_path_buf(),
            document: doc.path.to_string(),
            what,
            start: span.start(),
            end: span.end(),
            len: doc.text.len(),
        })
}

fn as_i64(v: usize) -> i64 {
    // Byte offsets into an in-memory string always fit.
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// The claim value spread over the flat columns of `claims`.
#[derive(Default)]
struct FlatValue {
    value_type: &'static str,
    value_text: String,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
    hedge: Option<String>,
    earliest: Option<String>,
    latest: Option<String>,
    granularity: Option<String>,
    timex_value: Option<String>,
}

fn flatten(db: &Path, value: &ClaimValue) -> Result<FlatValue> {
    Ok(match value {
        ClaimValue::Quantity {
            interval,
            hedge,
            unit,
            text,
        } => FlatValue {
            value_type: "quantity",
            value_text: text.clone(),
            low: interval.low(),
            high: interval.high(),
            unit: unit.clone(),
            hedge: Some(tag(db, "hedge", hedge)?),
            ..FlatValue::default()
        },
        ClaimValue::Date {
            interval,
            granularity,
            value,
            text,
        } => FlatValue {
            value_type: "date",
            value_text: text.clone(),
            earliest: Some(interval.earliest().to_string()),
            latest: Some(interval.latest().to_string()),
            granularity: Some(tag(db, "granularity", granularity)?),
            timex_value: Some(value.clone()),
            ..FlatValue::default()
        },
        ClaimValue::Text { text } => FlatValue {
            value_type: "text",
            value_text: text.clone(),
            ..FlatValue::default()
        },
    })
}

/// Stores one document inside the caller's transaction (or savepoint).
fn ingest_one(
    conn: &Connection,
    db: &Path,
    doc: &NewDocument,
    ex: &Extraction,
) -> Result<Ingested> {
    let e = sqlite(db);
    let current = current_version(conn, doc.path).map_err(&e)?;
    if let Some((id, sha)) = &current {
        if sha == doc.sha256 {
            return Ok(Ingested::Unchanged { id: *id });
        }
    }
    // The new version's id is chosen up front so that the old version can point at it before
    // the new row exists: the unique index on current paths forbids the other order, and the
    // foreign key on superseded_by is deferred to the commit.
    let id: i64 = conn
        .query_row("SELECT coalesce(max(id), 0) + 1 FROM documents", [], |r| {
            r.get(0)
        })
        .map_err(&e)?;
    if let Some((old, _)) = &current {
        conn.execute(
            "UPDATE documents SET superseded_by = ?1 WHERE id = ?2",
            params![id, old],
        )
        .map_err(&e)?;
    }
    let reference_date = doc.reference_date.or(ex.reference_date);
    conn.prepare_cached(
        "INSERT INTO documents (id, path, sha256, byte_len, title, source, url, published,
                                reference_date, reference_date_source, ingested_at, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )
    .and_then(|mut s| {
        s.execute(params![
            id,
            doc.path,
            doc.sha256,
            i64::try_from(doc.byte_len).unwrap_or(i64::MAX),
            doc.title,
            doc.source,
            doc.url,
            date_text(doc.published),
            date_text(reference_date),
            doc.reference_date_source,
            now(),
            doc.text
        ])
    })
    .map_err(&e)?;

    let mut stmt = conn
        .prepare_cached(
            "INSERT INTO sentences (document_id, sentence_index, start_byte, end_byte, text)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .map_err(&e)?;
    for (i, &span) in ex.sentences.iter().enumerate() {
        let text = span_text(db, doc, "sentence", span)?;
        stmt.execute(params![
            id,
            as_i64(i),
            as_i64(span.start()),
            as_i64(span.end()),
            text
        ])
        .map_err(&e)?;
    }

    let mut stmt = conn
        .prepare_cached(
            "INSERT INTO quantities (document_id, start_byte, end_byte, text, low, high, hedge, unit, kind)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .map_err(&e)?;
    for q in &ex.quantities {
        span_text(db, doc, "quantity", q.span)?;
        stmt.execute(params![
            id,
            as_i64(q.span.start()),
            as_i64(q.span.end()),
            q.text,
            q.interval.low(),
            q.interval.high(),
            tag(db, "hedge", &q.hedge)?,
            q.unit,
            tag(db, "quantity kind", &q.kind)?
        ])
        .map_err(&e)?;
    }

    let mut stmt = conn
        .prepare_cached(
            "INSERT INTO times (document_id, start_byte, end_byte, text, type, timex_value,
                                earliest, latest, granularity)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .map_err(&e)?;
    for t in &ex.times {
        span_text(db, doc, "time", t.span)?;
        let granularity = t
            .granularity
            .map(|g| tag(db, "granularity", &g))
            .transpose()?;
        stmt.execute(params![
            id,
            as_i64(t.span.start()),
            as_i64(t.span.end()),
            t.text,
            tag(db, "time type", &t.kind)?,
            t.value,
            t.interval.map(|i| i.earliest().to_string()),
            t.interval.map(|i| i.latest().to_string()),
            granularity
        ])
        .map_err(&e)?;
    }

    let mut stmt = conn
        .prepare_cached(
            "INSERT INTO entity_mentions (document_id, start_byte, end_byte, surface, kind, name,
                                          role_office, role_country)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .map_err(&e)?;
    for m in &ex.entities {
        span_text(db, doc, "entity mention", m.span)?;
        stmt.execute(params![
            id,
            as_i64(m.span.start()),
            as_i64(m.span.end()),
            m.text,
            m.kind.as_str(),
            m.name,
            m.role.as_ref().map(|r| r.office.as_str()),
            m.role.as_ref().and_then(|r| r.country.as_deref())
        ])
        .map_err(&e)?;
    }

    let mut stmt = conn
        .prepare_cached(
            "INSERT INTO claims (document_id, kind, subject_json, subject_key, attribute,
                                 value_json, value_type, value_text, low, high, unit, hedge,
                                 earliest, latest, granularity, timex_value,
                                 as_of_earliest, as_of_latest, scope_place, scope_within_json,
                                 attributed_to, modality, start_byte, end_byte, quote, inferred_json,
                                 claim_json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)",
        )
        .map_err(&e)?;
    for c in &ex.claims {
        span_text(db, doc, "claim", c.span)?;
        let flat = flatten(db, &c.value)?;
        let within = c
            .scope
            .as_ref()
            .map(|s| encode(db, "scope", &s.within))
            .transpose()?;
        stmt.execute(params![
            id,
            tag(db, "claim kind", &c.kind)?,
            encode(db, "subject", &c.subject)?,
            subject_key(&c.subject),
            c.attribute,
            encode(db, "claim value", &c.value)?,
            flat.value_type,
            flat.value_text,
            flat.low,
            flat.high,
            flat.unit,
            flat.hedge,
            flat.earliest,
            flat.latest,
            flat.granularity,
            flat.timex_value,
            c.as_of.map(|d| d.earliest().to_string()),
            c.as_of.map(|d| d.latest().to_string()),
            c.scope.as_ref().map(|s| s.place.as_str()),
            within,
            c.attributed_to,
            c.modality.as_str(),
            as_i64(c.span.start()),
            as_i64(c.span.end()),
            c.quote,
            encode(db, "inferences", &c.inferred)?,
            encode(db, "claim", c)?
        ])
        .map_err(&e)?;
    }

    Ok(match current {
        Some((old, _)) => Ingested::Replaced {
            id,
            superseded: old,
        },
        None => Ingested::Added { id },
    })
}
