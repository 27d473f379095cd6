//! A check run's findings on their way to the `findings` table: staged in a temporary table of
//! the connection a batch at a time as the checker finds them, then written as the difference
//! to what is stored ([`write_staged`]), and read back in report order for the report
//! ([`Store::each_staged_finding`]). Memory holds one batch, not every finding of the collection
//! (at 100,000 articles the findings of a check take about 300 MB as Rust values).
//!
//! The staging table lives as long as the connection and is private to it (SQLite's temp
//! schema: nothing an analyst opening the file sees); each run starts it empty. It is written in
//! append order with no index (appending is what keeps SQLite's small temp cache from spilling
//! and rebalancing at random); its indexes are built once, when the run's findings are all there.

use rayon::prelude::*;
use rusqlite::params;

use claims_model::Finding;

use crate::sql::{drop_index_for_bulk, encode, sqlite};
use crate::{Result, Store, StoreError};

/// The staging tables, created empty if this connection has none yet (and left as they are
/// otherwise). `claim_ids` is the JSON array of the finding's claim ids, in order.
const STAGE_IF_NEEDED: &str = "
    CREATE TEMP TABLE IF NOT EXISTS staged_findings (
        rank         INTEGER NOT NULL,
        id           TEXT NOT NULL,
        kind         TEXT NOT NULL,
        severity     TEXT NOT NULL,
        subject      TEXT NOT NULL,
        summary      TEXT NOT NULL,
        reason       TEXT NOT NULL,
        arithmetic   TEXT,
        finding_json TEXT NOT NULL,
        claim_ids    TEXT NOT NULL
    );
    CREATE TEMP TABLE IF NOT EXISTS staged_kept (id TEXT PRIMARY KEY);";

/// The staging table's indexes, built once all of a run's findings are staged: by id (to compare
/// with the stored findings) and in report order.
const INDEX_STAGED: &str = "
    CREATE UNIQUE INDEX IF NOT EXISTS temp.staged_findings_id ON staged_findings (id);
    CREATE INDEX IF NOT EXISTS temp.staged_findings_order ON staged_findings (rank, subject, id);";

impl Store {
    /// Empties the staged findings: the next [`Store::stage_findings`] starts a new run's.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`] when SQLite fails.
    pub fn clear_staged_findings(&mut self) -> Result<()> {
        self.staged_ids.clear();
        self.conn
            .execute_batch(STAGE_IF_NEEDED)
            .and_then(|()| {
                self.conn.execute_batch(
                    "DROP INDEX IF EXISTS temp.staged_findings_id;
                     DROP INDEX IF EXISTS temp.staged_findings_order;
                     DELETE FROM temp.staged_findings;
                     DELETE FROM temp.staged_kept;",
                )
            })
            .map_err(sqlite(&self.path))
    }

    /// Adds `findings` to the staged findings of the run (see [`Store::clear_staged_findings`]),
    /// in one transaction of the connection's temporary tables (the database file is not
    /// touched). A finding whose id is staged already is left out: the first one staged stays.
    ///
    /// # Errors
    /// [`StoreError::Encode`] for a finding that cannot be encoded, [`StoreError::Sqlite`] when
    /// SQLite fails.
    pub fn stage_findings(&mut self, findings: &[Finding]) -> Result<()> {
        let e = sqlite(&self.path);
        let path = self.path.as_path();
        // Encoded on all cores: the JSON is most of the work of staging.
        let encoded: Vec<(String, String)> = findings
            .par_iter()
            .map(|f| {
                let ids: Vec<i64> = f.claims.iter().map(|c| c.claim_id).collect();
                Ok((encode(path, "finding", f)?, encode(path, "finding", &ids)?))
            })
            .collect::<Result<_>>()?;
        self.conn.execute_batch(STAGE_IF_NEEDED).map_err(&e)?;
        // Staged after its indexes were built (more findings after a report was read): they are
        // built again at the end.
        self.conn
            .execute_batch(
                "DROP INDEX IF EXISTS temp.staged_findings_id;
                 DROP INDEX IF EXISTS temp.staged_findings_order;",
            )
            .map_err(&e)?;
        let tx = self.conn.transaction().map_err(&e)?;
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO temp.staged_findings (rank, id, kind, severity, subject,
                       summary, reason, arithmetic, finding_json, claim_ids)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )
                .map_err(&e)?;
            for (f, (json, ids)) in findings.iter().zip(encoded) {
                if !self.staged_ids.insert(f.id.clone()) {
                    continue;
                }
                insert
                    .execute(params![
                        f.severity as i64,
                        f.id,
                        f.kind.as_str(),
                        f.severity.as_str(),
                        f.subject,
                        f.summary,
                        f.reason,
                        f.arithmetic,
                        json,
                        ids
                    ])
                    .map_err(&e)?;
            }
        }
        tx.commit().map_err(&e)
    }

    /// How many findings are staged.
    pub fn staged_finding_count(&self) -> usize {
        self.staged_ids.len()
    }

    /// The staged findings in report order (most severe first, then by subject and id), `batch`
    /// at a time (the last batch may be shorter; none when nothing is staged).
    ///
    /// # Errors
    /// What `each` returns, or (converted) [`StoreError::Sqlite`], or [`StoreError::Corrupt`]
    /// for a staged finding that cannot be read back.
    pub fn each_staged_finding<E: From<StoreError>>(
        &self,
        batch: usize,
        mut each: impl FnMut(Vec<Finding>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let e = sqlite(&self.path);
        self.conn.execute_batch(STAGE_IF_NEEDED).map_err(&e)?;
        self.conn.execute_batch(INDEX_STAGED).map_err(&e)?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, finding_json FROM temp.staged_findings
                  ORDER BY rank, subject, id",
            )
            .map_err(&e)?;
        let mut rows = stmt.query([]).map_err(&e)?;
        let batch = batch.max(1);
        let path = self.path.as_path();
        let mut raw: Vec<(String, String)> = Vec::with_capacity(batch);
        let mut done = false;
        while !done {
            match rows.next().map_err(&e)? {
                Some(row) => raw.push((row.get(0).map_err(&e)?, row.get(1).map_err(&e)?)),
                None => done = true,
            }
            if raw.len() == batch || (done && !raw.is_empty()) {
                // Parsed on all cores.
                let parsed: Vec<Finding> = raw
                    .par_iter()
                    .map(|(id, json)| {
                        serde_json::from_str(json).map_err(|err| StoreError::Corrupt {
                            path: path.to_path_buf(),
                            what: "staged finding",
                            row: id.clone(),
                            detail: err.to_string(),
                        })
                    })
                    .collect::<Result<_>>()?;
                raw.clear();
                each(parsed)?;
            }
        }
        Ok(())
    }

    /// Every staged finding, in report order (see [`Store::each_staged_finding`]).
    ///
    /// # Errors
    /// As [`Store::each_staged_finding`].
    pub fn staged_findings(&self) -> Result<Vec<Finding>> {
        let mut all = Vec::new();
        self.each_staged_finding(4096, |batch| {
            all.extend(batch);
            Ok::<(), StoreError>(())
        })?;
        Ok(all)
    }
}

/// Makes the stored findings in scope (the rows `stored` selects, `id, finding_json, kind`, that
/// `in_scope(id, kind)` accepts) become the staged findings, writing only the difference: a
/// finding stored with the same id and the same JSON stays as it is; one that changed is deleted
/// (its claim links cascade) and inserted again; one that is gone is deleted. Findings out of
/// scope are not touched; a row selected twice is compared twice.
///
/// SQLite compares each stored row with the staged one of its id as it reads them, so memory
/// holds only the ids of what is gone. New rows are inserted in id order: the findings' id index
/// and the links' (finding, position) key are then appended to instead of written at random (ids
/// are hashes); when most links are new (a first check), the index on claim_id is rebuilt once
/// instead of written row by row.
pub(crate) fn write_staged(
    tx: &rusqlite::Transaction<'_>,
    path: &std::path::Path,
    stored: &str,
    in_scope: &dyn Fn(&str, &str) -> bool,
) -> Result<()> {
    let e = sqlite(path);
    tx.execute_batch(STAGE_IF_NEEDED).map_err(&e)?;
    tx.execute_batch(INDEX_STAGED).map_err(&e)?;
    tx.execute("DELETE FROM temp.staged_kept", []).map_err(&e)?;
    let mut gone: Vec<String> = Vec::new();
    {
        let mut keep = tx
            .prepare_cached("INSERT OR IGNORE INTO temp.staged_kept (id) VALUES (?1)")
            .map_err(&e)?;
        let mut stmt = tx
            .prepare(&format!(
                "SELECT s.id, s.kind, s.finding_json IS r.finding_json
                   FROM ({stored}) s LEFT JOIN temp.staged_findings r ON r.id = s.id"
            ))
            .map_err(&e)?;
        let mut rows = stmt.query([]).map_err(&e)?;
        while let Some(row) = rows.next().map_err(&e)? {
            let id = row
                .get_ref(0)
                .map_err(&e)?
                .as_str()
                .map_err(|err| StoreError::Corrupt {
                    path: path.to_path_buf(),
                    what: "findings.id",
                    row: "?".into(),
                    detail: err.to_string(),
                })?;
            let kind = row.get_ref(1).map_err(&e)?.as_str().unwrap_or_default();
            if !in_scope(id, kind) {
                continue;
            }
            let same: bool = row.get(2).map_err(&e)?;
            if same {
                keep.execute(params![id]).map_err(&e)?;
            } else {
                gone.push(id.to_string());
            }
        }
    }
    let mut delete = tx
        .prepare_cached("DELETE FROM findings WHERE id = ?1")
        .map_err(&e)?;
    for id in &gone {
        delete.execute(params![id]).map_err(&e)?;
    }
    // The new findings' claims, one row per claim (position from 0).
    const NEW_LINKS: &str = "SELECT s.id AS finding_id, CAST(j.key AS INTEGER) AS position,
                                    j.value AS claim_id
                               FROM temp.staged_findings s, json_each(s.claim_ids) j
                              WHERE s.id NOT IN (SELECT id FROM temp.staged_kept)";
    // A finding about a claim that does not exist is refused before anything is written.
    let unknown: Option<(String, i64)> = {
        let mut stmt = tx
            .prepare(&format!(
                "SELECT finding_id, claim_id FROM ({NEW_LINKS}) l
                  WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = l.claim_id)
                  ORDER BY finding_id, position LIMIT 1"
            ))
            .map_err(&e)?;
        let mut rows = stmt.query([]).map_err(&e)?;
        match rows.next().map_err(&e)? {
            Some(row) => Some((row.get(0).map_err(&e)?, row.get(1).map_err(&e)?)),
            None => None,
        }
    };
    if let Some((finding, claim_id)) = unknown {
        return Err(StoreError::UnknownClaim {
            path: path.to_path_buf(),
            finding,
            claim_id,
        });
    }
    let new_links: i64 = tx
        .query_row(
            "SELECT coalesce(sum(json_array_length(claim_ids)), 0) FROM temp.staged_findings
              WHERE id NOT IN (SELECT id FROM temp.staged_kept)",
            [],
            |r| r.get(0),
        )
        .map_err(&e)?;
    let stored_links: i64 = tx
        .query_row("SELECT count(*) FROM finding_claims", [], |r| r.get(0))
        .map_err(&e)?;
    let index = match new_links > 10_000 && new_links > stored_links * 3 {
        true => drop_index_for_bulk(tx, path, "finding_claims_claim")?,
        false => None,
    };
    tx.execute_batch(&format!(
        "INSERT INTO findings
           (id, kind, severity, subject, summary, reason, arithmetic, finding_json)
         SELECT id, kind, severity, subject, summary, reason, arithmetic, finding_json
           FROM temp.staged_findings
          WHERE id NOT IN (SELECT id FROM temp.staged_kept)
          ORDER BY id;
         INSERT INTO finding_claims (finding_id, position, claim_id)
         SELECT finding_id, position, claim_id FROM ({NEW_LINKS}) ORDER BY finding_id, position;"
    ))
    .map_err(&e)?;
    if let Some(sql) = index {
        tx.execute_batch(&sql).map_err(&e)?;
    }
    Ok(())
}
