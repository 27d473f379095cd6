//! Reading the database back: current documents, mentions, claims, entities, corrections,
//! findings, full-text search, counts and read-only analyst queries.

use std::collections::{BTreeMap, HashMap};

use rusqlite::params;

use claims_model::{Date, Finding};

use crate::sql::{offset, parse_date, parse_kind, sqlite};
use crate::{
    ClaimRow, CorrectionKind, CorrectionRow, Counts, DocumentRow, EntityRow, MentionRow,
    MentionView, QueryResult, Result, SearchHit, Store, StoreError,
};
use claims_model::Role;

impl Store {
    /// The reference dates of current documents that were read from the documents themselves
    /// (header or text), not assumed from the collection; without loading any text.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`], or [`StoreError::Corrupt`] for an unreadable stored date.
    pub fn stated_reference_dates(&self) -> Result<Vec<Date>> {
        let e = sqlite(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, reference_date FROM documents
                  WHERE superseded_by IS NULL AND reference_date IS NOT NULL
                    AND coalesce(reference_date_source, '') <> 'collection'",
            )
            .map_err(&e)?;
        let raw = stmt
            .query_map([], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?))
            })
            .map_err(&e)?;
        let mut out = Vec::new();
        for row in raw {
            let (id, date) = row.map_err(&e)?;
            out.extend(parse_date(
                &self.path,
                "documents.reference_date",
                id,
                date,
            )?);
        }
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
        let mut rows = Vec::new();
        self.each_mention(|m| {
            let Some(m) = m else {
                rows.clear();
                return;
            };
            rows.push(MentionRow {
                id: m.id,
                doc_id: m.doc_id,
                start: m.start,
                end: m.end,
                surface: m.surface.to_string(),
                name: m.name.to_string(),
                kind: m.kind,
                role: m.office.map(|office| Role {
                    office: office.to_string(),
                    country: m.country.map(str::to_string),
                }),
                doc_date: m.doc_date,
                entity_id: m.entity_id,
            });
        })?;
        Ok(rows)
    }

    /// Calls `f` with every entity mention of current documents, in document order, its
    /// strings borrowed from the database row: millions of mentions are read without a string
    /// allocated per field (what [`Store::mentions`] does on top). `f(None)` means "start over":
    /// forget every mention lent so far, they all come again.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`], or [`StoreError::Corrupt`] for an unreadable stored value.
    pub fn each_mention(&self, mut f: impl FnMut(Option<&MentionView<'_>>)) -> Result<()> {
        let e = sqlite(&self.path);
        // Current documents, with their date as stored (parsed when a mention needs it).
        let mut current: HashMap<i64, Option<String>> = HashMap::new();
        {
            let mut stmt = self
                .conn
                .prepare_cached(
                    "SELECT id, coalesce(reference_date, published) FROM documents
                      WHERE superseded_by IS NULL",
                )
                .map_err(&e)?;
            let rows = stmt
                .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))
                .map_err(&e)?;
            for row in rows {
                let (id, date) = row.map_err(&e)?;
                current.insert(id, date);
            }
        }
        // Mentions are normally stored in document order (ingest writes a document's mentions
        // in span order): then the table is read front to back, which is several times faster
        // than joining documents and sorting by (document, start). The order is checked as the
        // rows come; at the first row out of order (a database written otherwise) `f` is told
        // to start over and the rows come again through the join.
        if !self.lend_mentions(&current, false, &mut f)? {
            f(None);
            self.lend_mentions(&current, true, &mut f)?;
        }
        Ok(())
    }

    /// One pass of [`Store::each_mention`]: front to back (`joined` false; stops and returns
    /// false at the first mention of a current document out of document order) or through the
    /// ordered join.
    fn lend_mentions(
        &self,
        current: &HashMap<i64, Option<String>>,
        joined: bool,
        f: &mut impl FnMut(Option<&MentionView<'_>>),
    ) -> Result<bool> {
        let e = sqlite(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached(if joined {
                "SELECT m.id, m.document_id, m.start_byte, m.end_byte, m.surface, m.name, m.kind,
                        m.role_office, m.role_country, m.entity_id
                   FROM entity_mentions m JOIN documents d ON d.id = m.document_id
                  WHERE d.superseded_by IS NULL
                  ORDER BY m.document_id, m.start_byte, m.id"
            } else {
                "SELECT id, document_id, start_byte, end_byte, surface, name, kind, role_office,
                        role_country, entity_id
                   FROM entity_mentions ORDER BY id"
            })
            .map_err(&e)?;
        let mut last: Option<(i64, i64)> = None;
        let mut rows = stmt.query([]).map_err(&e)?;
        // The current document the last row came from, with its date (rows come document by
        // document; a superseded document's rows are skipped and never become `last_doc`).
        let mut last_doc: Option<(i64, Option<Date>)> = None;
        while let Some(r) = rows.next().map_err(&e)? {
            let id: i64 = r.get(0).map_err(&e)?;
            let doc_id: i64 = r.get(1).map_err(&e)?;
            let doc_date = match last_doc {
                Some((d, date)) if d == doc_id => date,
                _ => {
                    let Some(raw_date) = current.get(&doc_id) else {
                        // A mention of a superseded document.
                        continue;
                    };
                    let date = parse_date(
                        &self.path,
                        "documents.reference_date",
                        doc_id,
                        raw_date.clone(),
                    )?;
                    last_doc = Some((doc_id, date));
                    date
                }
            };
            if !joined {
                let key = (doc_id, r.get::<_, i64>(2).map_err(&e)?);
                if last.is_some_and(|l| key < l) {
                    return Ok(false);
                }
                last = Some(key);
            }
            let text = |i: usize, what: &'static str| -> Result<Option<&str>> {
                r.get_ref(i)
                    .map_err(&e)?
                    .as_str_or_null()
                    .map_err(|err| StoreError::Corrupt {
                        path: self.path.clone(),
                        what,
                        row: id.to_string(),
                        detail: err.to_string(),
                    })
            };
            let required = |i: usize, what: &'static str| -> Result<&str> {
                text(i, what)?.ok_or_else(|| StoreError::Corrupt {
                    path: self.path.clone(),
                    what,
                    row: id.to_string(),
                    detail: "NULL".to_string(),
                })
            };
            let office = text(7, "entity_mentions.role_office")?;
            let country = match office {
                Some(_) => text(8, "entity_mentions.role_country")?,
                None => None,
            };
            let view = MentionView {
                id,
                doc_id,
                start: offset(
                    &self.path,
                    "entity_mentions.start_byte",
                    id,
                    r.get(2).map_err(&e)?,
                )?,
                end: offset(
                    &self.path,
                    "entity_mentions.end_byte",
                    id,
                    r.get(3).map_err(&e)?,
                )?,
                surface: required(4, "entity_mentions.surface")?,
                name: required(5, "entity_mentions.name")?,
                kind: parse_kind(
                    &self.path,
                    "entity_mentions.kind",
                    id,
                    required(6, "entity_mentions.kind")?,
                )?,
                office,
                country,
                doc_date,
                entity_id: r.get(9).map_err(&e)?,
            };
            f(Some(&view));
        }
        Ok(true)
    }

    /// Claims of current documents, in document order.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`], or [`StoreError::Corrupt`] for an unreadable stored claim.
    pub fn claims(&self) -> Result<Vec<ClaimRow>> {
        let expected = self.claim_count()?;
        self.claim_rows("", [], expected)
    }

    /// How many claims current documents hold.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`] when SQLite fails.
    pub fn claim_count(&self) -> Result<usize> {
        let e = sqlite(&self.path);
        let n: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM claims c JOIN documents d ON d.id = c.document_id
                  WHERE d.superseded_by IS NULL",
                [],
                |r| r.get(0),
            )
            .map_err(&e)?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Claims of current documents that also meet `condition` (SQL over `c` the claim and `d`
    /// its document, starting with `AND`; empty for all), in document order.
    pub(crate) fn claim_rows(
        &self,
        condition: &str,
        params: impl rusqlite::Params,
        expected: usize,
    ) -> Result<Vec<ClaimRow>> {
        let e = sqlite(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT c.id, c.document_id, d.path, coalesce(d.reference_date, d.published),
                        c.claim_json
                   FROM claims c JOIN documents d ON d.id = c.document_id
                  WHERE d.superseded_by IS NULL {condition}
                  ORDER BY c.document_id, c.id"
            ))
            .map_err(&e)?;
        let raw = stmt
            .query_map(params, |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })
            .map_err(&e)?;
        // Reading (SQLite) and parsing (serde) take about as long as each other at scale: this
        // thread reads batches of rows while a second one parses them, in order.
        type Raw = (i64, i64, String, Option<String>, String);
        const BATCH: usize = 2048;
        let path = &self.path;
        std::thread::scope(|scope| {
            let (send, batches) = std::sync::mpsc::sync_channel::<Vec<Raw>>(4);
            let parser = scope.spawn(move || -> Result<Vec<ClaimRow>> {
                // Sized once: growing a vector of half a million claims by doubling holds the
                // old and the new buffer at once.
                let mut rows = Vec::with_capacity(expected);
                for batch in batches {
                    for (id, doc_id, document, date, json) in batch {
                        let claim =
                            serde_json::from_str(&json).map_err(|err| StoreError::Corrupt {
                                path: path.clone(),
                                what: "claims.claim_json",
                                row: id.to_string(),
                                detail: err.to_string(),
                            })?;
                        rows.push(ClaimRow {
                            id,
                            doc_id,
                            document,
                            doc_date: parse_date(path, "documents.reference_date", doc_id, date)?,
                            claim,
                        });
                    }
                }
                Ok(rows)
            });
            let read = (|| -> Result<()> {
                let mut batch = Vec::with_capacity(BATCH);
                for row in raw {
                    batch.push(row.map_err(&e)?);
                    if batch.len() == BATCH {
                        // The parser stops at the first bad row: its error is returned below.
                        if send.send(std::mem::take(&mut batch)).is_err() {
                            return Ok(());
                        }
                    }
                }
                let _ = send.send(batch);
                Ok(())
            })();
            drop(send);
            let parsed = match parser.join() {
                Ok(parsed) => parsed,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            read.and(parsed)
        })
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
