//! What each `claims check` compared (migration 0004): the group every claim was compared
//! under (`claim_keys`) and one row per run (`check_runs`), so that a check of only the groups
//! that changed since the last run gives the findings a full check would.
//!
//! A run is stored in two transactions: [`Store::begin_check`] records the run (unfinished)
//! with the claims' new groups, [`Store::finish_check`] its findings and the time it finished.
//! A run interrupted in between stays unfinished, and a later `--touched` check does not build
//! on it (nor on anything before it): it compares everything again.

use std::collections::HashSet;

use rusqlite::{params, OptionalExtension, TransactionBehavior};

use claims_model::Subject;

use crate::sql::{drop_index_for_bulk, now, sqlite};
use crate::staged::write_staged;
use crate::{ClaimRow, Result, Store, StoreError};

/// The last check run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckRun {
    pub id: i64,
    /// The claims version and check options its findings were computed with.
    pub options: String,
    /// The highest document id when it started: documents after it are new since.
    pub last_document_id: i64,
    /// Whether its findings were stored (false: interrupted).
    pub finished: bool,
}

/// Which findings a run replaces.
#[derive(Clone, Copy, Debug)]
pub enum CheckScope<'a> {
    /// Every finding.
    All,
    /// The findings of the groups `groups` (by the groups stored at [`Store::begin_check`]),
    /// apart from in-sentence arithmetic, and every finding with one of the `withdrawn` claims
    /// (of documents that are no longer current).
    Touched {
        groups: &'a [String],
        withdrawn: &'a [i64],
    },
}

impl CheckScope<'_> {
    fn as_str(&self) -> &'static str {
        match self {
            CheckScope::All => "all",
            CheckScope::Touched { .. } => "touched",
        }
    }
}

impl Store {
    /// The last check run, finished or not; `None` before the first.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`] when SQLite fails.
    pub fn last_check(&self) -> Result<Option<CheckRun>> {
        let e = sqlite(&self.path);
        self.conn
            .query_row(
                "SELECT id, options, last_document_id, finished_at IS NOT NULL
                   FROM check_runs ORDER BY id DESC LIMIT 1",
                [],
                |r| {
                    Ok(CheckRun {
                        id: r.get(0)?,
                        options: r.get(1)?,
                        last_document_id: r.get(2)?,
                        finished: r.get(3)?,
                    })
                },
            )
            .optional()
            .map_err(&e)
    }

    /// The highest document id stored (0 for an empty database).
    ///
    /// # Errors
    /// [`StoreError::Sqlite`] when SQLite fails.
    pub fn max_document_id(&self) -> Result<i64> {
        let e = sqlite(&self.path);
        self.conn
            .query_row("SELECT coalesce(max(id), 0) FROM documents", [], |r| {
                r.get(0)
            })
            .map_err(&e)
    }

    /// Every stored claim group, `(claim id, group)` in claim id order, of current documents
    /// and of superseded ones alike.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`] when SQLite fails.
    pub fn stored_claim_keys(&self) -> Result<Vec<(i64, String)>> {
        let mut all = Vec::new();
        self.each_stored_claim_key(&mut |id, key| all.push((id, key.to_string())))?;
        Ok(all)
    }

    /// [`Store::stored_claim_keys`] one at a time, without a list of them all.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`] when SQLite fails.
    pub fn each_stored_claim_key(&self, each: &mut dyn FnMut(i64, &str)) -> Result<()> {
        let e = sqlite(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT claim_id, check_key FROM claim_keys ORDER BY claim_id")
            .map_err(&e)?;
        let mut rows = stmt.query([]).map_err(&e)?;
        while let Some(row) = rows.next().map_err(&e)? {
            let key = row
                .get_ref(1)
                .map_err(&e)?
                .as_str()
                .map_err(|err| StoreError::Corrupt {
                    path: self.path.clone(),
                    what: "claim_keys.check_key",
                    row: "?".into(),
                    detail: err.to_string(),
                })?;
            each(row.get(0).map_err(&e)?, key);
        }
        Ok(())
    }

    /// Claims that still have a stored group but whose document is no longer current (a newer
    /// version replaced it since the last check), `(claim id, group)` in claim id order.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`] when SQLite fails.
    pub fn withdrawn_claim_keys(&self) -> Result<Vec<(i64, String)>> {
        let e = sqlite(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT k.claim_id, k.check_key
                   FROM documents d JOIN claims c ON c.document_id = d.id
                   JOIN claim_keys k ON k.claim_id = c.id
                  WHERE d.superseded_by IS NOT NULL
                  ORDER BY k.claim_id",
            )
            .map_err(&e)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(&e)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&e)
    }

    /// The subjects of the event claims of current documents, as extracted (participants not
    /// yet resolved): `(claim id, document id, subject)`, in claim id order.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`], or [`StoreError::Corrupt`] for an unreadable stored subject.
    pub fn event_subjects(&self) -> Result<Vec<(i64, i64, Subject)>> {
        let e = sqlite(&self.path);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT c.id, c.document_id, c.subject_json
                   FROM claims c JOIN documents d ON d.id = c.document_id
                  WHERE d.superseded_by IS NULL AND c.kind = 'event'
                  ORDER BY c.id",
            )
            .map_err(&e)?;
        let mut rows = stmt.query([]).map_err(&e)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(&e)? {
            let id: i64 = r.get(0).map_err(&e)?;
            let doc: i64 = r.get(1).map_err(&e)?;
            let json = r
                .get_ref(2)
                .map_err(&e)?
                .as_str()
                .map_err(|err| StoreError::Corrupt {
                    path: self.path.clone(),
                    what: "claims.subject_json",
                    row: id.to_string(),
                    detail: err.to_string(),
                })?;
            let subject: Subject =
                serde_json::from_str(json).map_err(|err| StoreError::Corrupt {
                    path: self.path.clone(),
                    what: "claims.subject_json",
                    row: id.to_string(),
                    detail: err.to_string(),
                })?;
            out.push((id, doc, subject));
        }
        Ok(out)
    }

    /// Claims of current documents stored after document `last_document_id`, in document order.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`], or [`StoreError::Corrupt`] for an unreadable stored claim.
    pub fn claims_after(&self, last_document_id: i64) -> Result<Vec<ClaimRow>> {
        self.claim_rows("AND d.id > ?1", params![last_document_id], 0)
    }

    /// Claims of current documents whose stored group is one of `keys`, in document order.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`], or [`StoreError::Corrupt`] for an unreadable stored claim.
    pub fn claims_in_groups(&self, keys: &[String]) -> Result<Vec<ClaimRow>> {
        self.set_touched(keys)?;
        self.claim_rows(
            "AND c.id IN (SELECT k.claim_id FROM claim_keys k
                           WHERE k.check_key IN (SELECT key FROM temp.touched_keys))",
            [],
            0,
        )
    }

    /// Fills the connection's temporary table of touched groups with `keys`.
    fn set_touched(&self, keys: &[String]) -> Result<()> {
        let e = sqlite(&self.path);
        self.conn
            .execute_batch(
                "CREATE TEMP TABLE IF NOT EXISTS touched_keys (key TEXT PRIMARY KEY);
                 DELETE FROM temp.touched_keys;",
            )
            .map_err(&e)?;
        let mut insert = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO temp.touched_keys (key) VALUES (?1)")
            .map_err(&e)?;
        for k in keys {
            insert.execute(params![k]).map_err(&e)?;
        }
        Ok(())
    }

    /// Starts a check run: records it (unfinished) and stores the claims' groups, `keys` for
    /// claims whose group is new or changed and none any more for `unkeyed`, in one
    /// transaction. Returns the run's id for [`Store::finish_check`].
    ///
    /// # Errors
    /// [`StoreError::Sqlite`] when SQLite fails (nothing is changed).
    pub fn begin_check(
        &mut self,
        scope: CheckScope<'_>,
        options: &str,
        last_document_id: i64,
        keys: &[(i64, String)],
        unkeyed: &[i64],
    ) -> Result<i64> {
        self.clear_staged_findings();
        let e = sqlite(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&e)?;
        tx.execute(
            "INSERT INTO check_runs (started_at, scope, options, last_document_id)
             VALUES (?1, ?2, ?3, ?4)",
            params![now(), scope.as_str(), options, last_document_id],
        )
        .map_err(&e)?;
        let run = tx.last_insert_rowid();
        // The first check of a large collection groups every claim at once.
        let stored: i64 = tx
            .query_row("SELECT count(*) FROM claim_keys", [], |r| r.get(0))
            .map_err(&e)?;
        let bulk = keys.len() > 10_000 && keys.len() as i64 * 4 > stored;
        let index = match bulk {
            true => drop_index_for_bulk(&tx, &self.path, "claim_keys_key")?,
            false => None,
        };
        {
            let mut set = tx
                .prepare_cached(
                    "INSERT INTO claim_keys (claim_id, check_key) VALUES (?1, ?2)
                     ON CONFLICT (claim_id) DO UPDATE SET check_key = excluded.check_key",
                )
                .map_err(&e)?;
            for (claim, key) in keys {
                set.execute(params![claim, key]).map_err(&e)?;
            }
            let mut unset = tx
                .prepare_cached("DELETE FROM claim_keys WHERE claim_id = ?1")
                .map_err(&e)?;
            for claim in unkeyed {
                unset.execute(params![claim]).map_err(&e)?;
            }
        }
        if let Some(sql) = index {
            tx.execute_batch(&sql).map_err(&e)?;
        }
        tx.commit().map_err(&e)?;
        Ok(run)
    }

    /// Finishes run `run`: stores its findings, staged with [`Store::stage_findings`] since
    /// [`Store::begin_check`] (replacing those `scope` covers, writing only what changed), and
    /// marks it finished, in one transaction. The staged findings stay for the report
    /// ([`Store::each_staged_finding`]).
    ///
    /// # Errors
    /// [`StoreError::UnknownClaim`] for a finding's claim id that does not exist (nothing is
    /// changed), [`StoreError::Sqlite`] when SQLite fails.
    pub fn finish_check(
        &mut self,
        run: i64,
        scope: CheckScope<'_>,
        keys_compared: usize,
    ) -> Result<()> {
        let e = sqlite(&self.path);
        if let CheckScope::Touched { groups, withdrawn } = scope {
            self.set_touched(groups)?;
            self.conn
                .execute_batch(
                    "CREATE TEMP TABLE IF NOT EXISTS withdrawn_claims (claim_id INTEGER PRIMARY KEY);
                     DELETE FROM temp.withdrawn_claims;",
                )
                .map_err(&e)?;
            let mut insert = self
                .conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO temp.withdrawn_claims (claim_id) VALUES (?1)",
                )
                .map_err(&e)?;
            for claim in withdrawn {
                insert.execute(params![claim]).map_err(&e)?;
            }
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&e)?;
        match scope {
            CheckScope::All => write_staged(
                &tx,
                &self.path,
                &mut self.staged,
                "SELECT id, finding_json, kind FROM findings",
                &|_, _| true,
            )?,
            CheckScope::Touched { .. } => {
                // The ids in scope, through the indexes from the touched groups and the
                // withdrawn claims (CROSS JOIN keeps SQLite from starting at finding_claims: it
                // knows nothing of the temporary tables' sizes).
                let ids = |sql: &str| -> Result<HashSet<String>> {
                    let mut stmt = tx.prepare(sql).map_err(&e)?;
                    let rows = stmt.query_map([], |r| r.get(0)).map_err(&e)?;
                    rows.collect::<rusqlite::Result<HashSet<String>>>()
                        .map_err(&e)
                };
                let touched = ids("SELECT fc.finding_id FROM temp.touched_keys t
                      CROSS JOIN claim_keys k ON k.check_key = t.key
                      CROSS JOIN finding_claims fc ON fc.claim_id = k.claim_id")?;
                let withdrawn = ids("SELECT fc.finding_id FROM temp.withdrawn_claims w
                      CROSS JOIN finding_claims fc ON fc.claim_id = w.claim_id")?;
                let all: i64 = tx
                    .query_row("SELECT count(*) FROM findings", [], |r| r.get(0))
                    .map_err(&e)?;
                // In-sentence arithmetic depends on its sentence alone: only a withdrawn claim
                // takes such a finding out.
                let in_scope = |id: &str, kind: &str| {
                    (kind != "arithmetic" && touched.contains(id)) || withdrawn.contains(id)
                };
                // Many findings in scope: one pass over the table beats a lookup per finding.
                let stored = if (touched.len() + withdrawn.len()) as i64 * 8 > all {
                    "SELECT id, finding_json, kind FROM findings"
                } else {
                    "SELECT f.id, f.finding_json, f.kind FROM findings f
                      WHERE f.id IN (SELECT fc.finding_id FROM temp.touched_keys t
                                      CROSS JOIN claim_keys k ON k.check_key = t.key
                                      CROSS JOIN finding_claims fc ON fc.claim_id = k.claim_id)
                     UNION ALL
                     SELECT f.id, f.finding_json, f.kind FROM findings f
                      WHERE f.id IN (SELECT fc.finding_id FROM temp.withdrawn_claims w
                                      CROSS JOIN finding_claims fc ON fc.claim_id = w.claim_id)"
                };
                write_staged(&tx, &self.path, &mut self.staged, stored, &in_scope)?;
            }
        }
        let findings = self.staged.len() as i64;
        tx.execute(
            "UPDATE check_runs SET finished_at = ?2, keys_compared = ?3, findings = ?4
              WHERE id = ?1",
            params![run, now(), keys_compared as i64, findings],
        )
        .map_err(&e)?;
        tx.commit().map_err(&e)
    }
}
