//! Writes that come after ingest: resolved entities (replaced wholesale by the normalizer),
//! analyst corrections (only ever added) and the checker's findings (replaced wholesale).

use rusqlite::{params, TransactionBehavior};

use claims_model::Finding;

use crate::sql::{encode, now, sqlite};
use crate::{NewCorrection, NewEntity, Result, Store, StoreError};

impl Store {
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
}
