//! Ingest: one document and everything extracted from it, stored in one transaction (or one
//! savepoint of a batch), as a new document or a new version of a known path.

use std::path::Path;

use claims_model::{ClaimValue, Extraction, Span};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::sql::{date_text, encode, now, sqlite, tag};
use crate::{subject_key, Ingested, NewDocument, Result, Store, StoreError};

impl Store {
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
}

/// The id and sha256 of the current version of `path`, if any.
fn current_version(conn: &Connection, path: &str) -> rusqlite::Result<Option<(i64, String)>> {
    conn.prepare_cached(
        "SELECT id, sha256 FROM documents WHERE path = ?1 AND superseded_by IS NULL",
    )?
    .query_row([path], |r| Ok((r.get(0)?, r.get(1)?)))
    .optional()
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
/// Text of the claim value is borrowed from it, not copied.
#[derive(Default)]
struct FlatValue<'v> {
    value_type: &'static str,
    value_text: &'v str,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<&'v str>,
    hedge: Option<String>,
    earliest: Option<String>,
    latest: Option<String>,
    granularity: Option<String>,
    timex_value: Option<&'v str>,
}

fn flatten<'v>(db: &Path, value: &'v ClaimValue) -> Result<FlatValue<'v>> {
    Ok(match value {
        ClaimValue::Quantity {
            interval,
            hedge,
            unit,
            text,
        } => FlatValue {
            value_type: "quantity",
            value_text: text,
            low: interval.low(),
            high: interval.high(),
            unit: unit.as_deref(),
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
            value_text: text,
            earliest: Some(interval.earliest().to_string()),
            latest: Some(interval.latest().to_string()),
            granularity: Some(tag(db, "granularity", granularity)?),
            timex_value: Some(value),
            ..FlatValue::default()
        },
        ClaimValue::Text { text } => FlatValue {
            value_type: "text",
            value_text: text,
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
        .prepare_cached("SELECT coalesce(max(id), 0) + 1 FROM documents")
        .and_then(|mut s| s.query_row([], |r| r.get(0)))
        .map_err(&e)?;
    if let Some((old, _)) = &current {
        conn.prepare_cached("UPDATE documents SET superseded_by = ?1 WHERE id = ?2")
            .and_then(|mut s| s.execute(params![id, old]))
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
    // The full-text entry is written here, not by a trigger (migration 0003): a trigger made
    // each sentence insert flush FTS5's pending index.
    let mut fts = conn
        .prepare_cached("INSERT INTO sentences_fts (rowid, text) VALUES (?1, ?2)")
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
        fts.execute(params![conn.last_insert_rowid(), text])
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
