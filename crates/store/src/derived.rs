//! Writes that come after ingest: resolved entities (replaced by the normalizer's, writing only
//! what changed),
//! analyst corrections (only ever added) and the checker's findings (likewise replaced, writing
//! only what changed).

use rusqlite::{params, OptionalExtension, TransactionBehavior};

use claims_model::Finding;

use crate::sql::{encode, now, sqlite};
use crate::{NewCorrection, NewEntity, Result, Store, StoreError};

impl Store {
    /// Replaces every entity and every mention→entity link with `entities`, in one transaction.
    ///
    /// Only the difference is written: an entity whose mentions, name, kind and evidence are
    /// unchanged keeps its row and its id (so ids are stable from one check to the next while
    /// nothing about the entity changes), one whose mentions are unchanged but whose name or
    /// evidence changed is updated in place, and only the mentions of new entities are relinked.
    /// Re-checking a database where nothing changed writes nothing.
    ///
    /// # Errors
    /// [`StoreError::UnknownMention`] when a mention id does not exist (nothing is changed),
    /// [`StoreError::Sqlite`] when SQLite fails.
    pub fn replace_entities(&mut self, entities: &[NewEntity]) -> Result<()> {
        use std::collections::{HashMap, HashSet};

        let e = sqlite(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&e)?;
        {
            // What is stored now: every mention's entity, and every entity's row and size.
            let mut linked: HashMap<i64, Option<i64>> = HashMap::new();
            let mut size: HashMap<i64, usize> = HashMap::new();
            {
                let mut stmt = tx
                    .prepare("SELECT id, entity_id FROM entity_mentions")
                    .map_err(&e)?;
                let rows = stmt
                    .query_map([], |r| {
                        Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i64>>(1)?))
                    })
                    .map_err(&e)?;
                for row in rows {
                    let (mention, entity) = row.map_err(&e)?;
                    linked.insert(mention, entity);
                    if let Some(entity) = entity {
                        *size.entry(entity).or_default() += 1;
                    }
                }
            }
            let mut stored: HashMap<i64, (String, String, String)> = HashMap::new();
            {
                let mut stmt = tx
                    .prepare("SELECT id, name, kind, evidence_json FROM entities")
                    .map_err(&e)?;
                let rows = stmt
                    .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))
                    .map_err(&e)?;
                for row in rows {
                    let (id, fields) = row.map_err(&e)?;
                    stored.insert(id, fields);
                }
            }
            for entity in entities {
                if let Some(&mention_id) =
                    entity.mention_ids.iter().find(|m| !linked.contains_key(m))
                {
                    // Nothing has been written yet: dropping the transaction changes nothing.
                    return Err(StoreError::UnknownMention {
                        path: self.path.clone(),
                        entity: entity.name.clone(),
                        mention_id,
                    });
                }
            }

            let mut kept: HashSet<i64> = HashSet::new();
            let mut new_links: HashMap<i64, i64> = HashMap::new();
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO entities (name, kind, evidence_json) VALUES (?1, ?2, ?3)",
                )
                .map_err(&e)?;
            let mut update = tx
                .prepare_cached(
                    "UPDATE entities SET name = ?2, kind = ?3, evidence_json = ?4 WHERE id = ?1",
                )
                .map_err(&e)?;
            for entity in entities {
                // The stored entity with exactly these mentions, if there is one.
                let same = match entity
                    .mention_ids
                    .first()
                    .and_then(|m| linked.get(m).copied().flatten())
                {
                    Some(id)
                        if !kept.contains(&id)
                            && size.get(&id) == Some(&entity.mention_ids.len())
                            && entity
                                .mention_ids
                                .iter()
                                .all(|m| linked.get(m) == Some(&Some(id))) =>
                    {
                        Some(id)
                    }
                    _ => None,
                };
                match same {
                    Some(id) => {
                        kept.insert(id);
                        let unchanged = stored.get(&id).is_some_and(|(name, kind, evidence)| {
                            *name == entity.name
                                && kind == entity.kind.as_str()
                                && *evidence == entity.evidence_json
                        });
                        if !unchanged {
                            update
                                .execute(params![
                                    id,
                                    entity.name,
                                    entity.kind.as_str(),
                                    entity.evidence_json
                                ])
                                .map_err(&e)?;
                        }
                    }
                    None => {
                        insert
                            .execute(params![
                                entity.name,
                                entity.kind.as_str(),
                                entity.evidence_json
                            ])
                            .map_err(&e)?;
                        let id = tx.last_insert_rowid();
                        kept.insert(id);
                        for &m in &entity.mention_ids {
                            new_links.insert(m, id);
                        }
                    }
                }
            }
            // Relink what moved; unlink mentions that belong to no entity any more (e.g. of a
            // superseded document).
            let mut link = tx
                .prepare_cached("UPDATE entity_mentions SET entity_id = ?2 WHERE id = ?1")
                .map_err(&e)?;
            // In id order: the rows (and their index entries) are then visited front to back
            // instead of at random, which is what makes a first check of a large database fast.
            let mut moved: Vec<(i64, Option<i64>)> = linked
                .iter()
                .filter_map(|(&mention, &was)| {
                    let now = match new_links.get(&mention) {
                        Some(&id) => Some(id),
                        None => was.filter(|id| kept.contains(id)),
                    };
                    (now != was).then_some((mention, now))
                })
                .collect();
            moved.sort_unstable();
            // Relinking most mentions (the first check of a large collection) through the index
            // on entity_id costs a random index write per row; rebuilding the index once
            // afterwards is a sort. The index is recreated from its own stored definition, in
            // this transaction, so the schema after the commit is the same.
            let rebuild = moved.len() > 10_000 && moved.len() * 4 > linked.len();
            let index_sql: Option<String> = if rebuild {
                tx.query_row(
                    "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'entity_mentions_entity'",
                    [],
                    |r| r.get(0),
                )
                .optional()
                .map_err(&e)?
            } else {
                None
            };
            if index_sql.is_some() {
                tx.execute_batch("DROP INDEX entity_mentions_entity")
                    .map_err(&e)?;
            }
            for (mention, now) in moved {
                link.execute(params![mention, now]).map_err(&e)?;
            }
            if let Some(sql) = index_sql {
                tx.execute_batch(&sql).map_err(&e)?;
            }
            let mut delete = tx
                .prepare_cached("DELETE FROM entities WHERE id = ?1")
                .map_err(&e)?;
            for id in stored.keys().filter(|id| !kept.contains(id)) {
                delete.execute(params![id]).map_err(&e)?;
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
        write_findings(
            &tx,
            &self.path,
            "SELECT id, finding_json, kind FROM findings",
            &|_, _| true,
            findings,
        )?;
        tx.commit().map_err(&e)
    }
}

/// Makes the stored findings in scope (the rows `stored` selects, `id, finding_json, kind`, that
/// `in_scope(id, kind)` accepts) become `findings`, writing only the difference: a finding stored
/// with the same id and the same JSON stays as it is; one that changed is deleted (its claim
/// links cascade) and inserted again; one that is gone is deleted. Findings out of scope are not
/// touched; a row selected twice is compared twice.
///
/// The stored rows are compared one at a time as SQLite reads them (against the new finding of
/// the same id, encoded into one reused buffer), so memory holds only what changed, not every
/// stored finding's JSON.
pub(crate) fn write_findings(
    tx: &rusqlite::Transaction<'_>,
    path: &std::path::Path,
    stored: &str,
    in_scope: &dyn Fn(&str, &str) -> bool,
    findings: &[Finding],
) -> Result<()> {
    let e = sqlite(path);
    let by_id: std::collections::HashMap<&str, usize> = findings
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.as_str(), i))
        .collect();
    let mut kept = vec![false; findings.len()];
    let mut gone: Vec<String> = Vec::new();
    {
        let mut buffer: Vec<u8> = Vec::new();
        let mut stmt = tx.prepare(stored).map_err(&e)?;
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
            let kind = row.get_ref(2).map_err(&e)?.as_str().unwrap_or_default();
            if !in_scope(id, kind) {
                continue;
            }
            let same = match by_id.get(id) {
                Some(&i) => {
                    buffer.clear();
                    serde_json::to_writer(&mut buffer, &findings[i]).map_err(|source| {
                        StoreError::Encode {
                            path: path.to_path_buf(),
                            what: "finding",
                            source,
                        }
                    })?;
                    let json = row.get_ref(1).map_err(&e)?.as_bytes().unwrap_or_default();
                    kept[i] = json == buffer.as_slice();
                    kept[i]
                }
                None => false,
            };
            if !same {
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
    for (f, _) in findings.iter().zip(&kept).filter(|(_, kept)| !**kept) {
        let json = encode(path, "finding", f)?;
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
                    path: path.to_path_buf(),
                    finding: f.id.clone(),
                    claim_id: c.claim_id,
                });
            }
            link.execute(params![f.id, position as i64, c.claim_id])
                .map_err(&e)?;
        }
    }
    Ok(())
}
