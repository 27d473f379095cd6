//! Writes that come after ingest: resolved entities (replaced by the normalizer's, writing only
//! what changed),
//! analyst corrections (only ever added) and the checker's findings (likewise replaced, writing
//! only what changed).

use rusqlite::{params, TransactionBehavior};

use claims_model::Finding;

use crate::sql::{drop_index_for_bulk, now, sqlite};
use crate::staged::write_staged;
use crate::{NewCorrection, NewEntity, Result, Store, StoreError};

impl Store {
    /// Replaces every entity and every mention→entity link with `entities`, in one transaction.
    ///
    /// Only the difference is written: each entity keeps the row and id of the stored entity
    /// that holds most of its mentions (the smallest id on a tie), unless an earlier entity of
    /// `entities` took it, so ids stay put while entities grow with new documents; its name,
    /// kind and evidence are updated in place if they changed, and only mentions whose entity
    /// changed are relinked (a mention in no entity any more, e.g. of a superseded document, is
    /// unlinked). Other entities get new rows; stored entities nobody kept are deleted.
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
            // What is stored now: every mention's entity (sorted by mention id, the table's own
            // order, and looked up with a [`Cursor`]: millions of rows in a hash map cost
            // seconds) and every entity's row and size.
            let mut linked: Vec<(i64, Option<i64>)> = Vec::new();
            let mut size: HashMap<i64, usize> = HashMap::new();
            {
                let mut stmt = tx
                    .prepare("SELECT id, entity_id FROM entity_mentions ORDER BY id")
                    .map_err(&e)?;
                let rows = stmt
                    .query_map([], |r| {
                        Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i64>>(1)?))
                    })
                    .map_err(&e)?;
                for row in rows {
                    let (mention, entity) = row.map_err(&e)?;
                    linked.push((mention, entity));
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
            // Per entity, the stored entity most of its mentions are linked to (the smallest id
            // on a tie), and whether exactly its mentions and no other are linked to it.
            let mut stored_as: Vec<Option<(i64, bool)>> = Vec::with_capacity(entities.len());
            let mut votes: HashMap<i64, usize> = HashMap::new();
            for entity in entities {
                let mut cursor = Cursor::new(&linked);
                votes.clear();
                for &mention_id in &entity.mention_ids {
                    let Some(p) = cursor.seek(mention_id) else {
                        // Nothing has been written yet: dropping the transaction changes nothing.
                        return Err(StoreError::UnknownMention {
                            path: self.path.clone(),
                            entity: entity.name.clone(),
                            mention_id,
                        });
                    };
                    if let Some(link) = linked[p].1 {
                        *votes.entry(link).or_default() += 1;
                    }
                }
                stored_as.push(
                    votes
                        .iter()
                        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                        .map(|(&id, &n)| {
                            let exact = n == entity.mention_ids.len()
                                && size.get(&id) == Some(&entity.mention_ids.len());
                            (id, exact)
                        }),
                );
            }

            let mut kept: HashSet<i64> = HashSet::new();
            // Kept stored entities whose mentions changed: a mention linked to one of them but
            // in no entity now is unlinked.
            let mut regrouped: HashSet<i64> = HashSet::new();
            // (position in `linked`, entity) of the mentions of new and regrouped entities.
            let mut new_links: Vec<(usize, i64)> = Vec::new();
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
            for (entity, &stored_as) in entities.iter().zip(&stored_as) {
                // The stored entity holding most of these mentions keeps its id (an entity that
                // grows with new documents stays the same row), unless an earlier entity took it.
                let same = stored_as.filter(|(id, _)| !kept.contains(id));
                match same {
                    Some((id, exact)) => {
                        kept.insert(id);
                        if !exact {
                            regrouped.insert(id);
                            let mut cursor = Cursor::new(&linked);
                            new_links.extend(
                                entity
                                    .mention_ids
                                    .iter()
                                    .filter_map(|&m| cursor.seek(m).map(|p| (p, id))),
                            );
                        }
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
                        // Every id was found above.
                        let mut cursor = Cursor::new(&linked);
                        new_links.extend(
                            entity
                                .mention_ids
                                .iter()
                                .filter_map(|&m| cursor.seek(m).map(|p| (p, id))),
                        );
                    }
                }
            }
            // Relink what moved; unlink mentions that belong to no entity any more (e.g. of a
            // superseded document).
            let mut link = tx
                .prepare_cached("UPDATE entity_mentions SET entity_id = ?2 WHERE id = ?1")
                .map_err(&e)?;
            // In id order (the order of `linked`): the rows (and their index entries) are then
            // visited front to back instead of at random, which is what makes a first check of a
            // large database fast. A mention named by two new entities goes to the later one.
            new_links.sort_by_key(|l| l.0);
            let mut new_links = new_links.into_iter().peekable();
            let mut moved: Vec<(i64, Option<i64>)> = Vec::new();
            for (p, &(mention, was)) in linked.iter().enumerate() {
                let mut new = None;
                while let Some((_, id)) = new_links.next_if(|l| l.0 == p) {
                    new = Some(id);
                }
                let now = match new {
                    Some(id) => Some(id),
                    None => was.filter(|id| kept.contains(id) && !regrouped.contains(id)),
                };
                if now != was {
                    moved.push((mention, now));
                }
            }
            // Relinking most mentions (the first check of a large collection) through the index
            // on entity_id costs a random index write per row; rebuilding the index once
            // afterwards is a sort. The index is recreated from its own stored definition, in
            // this transaction, so the schema after the commit is the same.
            let rebuild = moved.len() > 10_000 && moved.len() * 4 > linked.len();
            let index_sql = match rebuild {
                true => drop_index_for_bulk(&tx, &self.path, "entity_mentions_entity")?,
                false => None,
            };
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

    /// Replaces every finding with `findings`, in one transaction, writing only what changed.
    /// Each `FindingClaim::claim_id` must be a `claims.id`; of two findings with one id the
    /// first is stored. Uses (and leaves behind) the staged findings of the connection, like a
    /// check run.
    ///
    /// # Errors
    /// [`StoreError::UnknownClaim`] for a claim id that does not exist (nothing is changed),
    /// [`StoreError::Sqlite`] when SQLite fails.
    pub fn replace_findings(&mut self, findings: &[Finding]) -> Result<()> {
        self.clear_staged_findings();
        self.stage_findings(findings)?;
        let e = sqlite(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&e)?;
        write_staged(
            &tx,
            &self.path,
            &mut self.staged,
            "SELECT id, finding_json, kind FROM findings",
            &|_, _| true,
        )?;
        tx.commit().map_err(&e)
    }
}

/// Looks mention ids up in the stored links, sorted by mention id. Ids are mostly without gaps,
/// so the id itself is tried as the position first; else, as an entity's mentions come mostly in
/// ascending id order (document order), the search starts where the last one ended and gallops
/// forward instead of a binary search over millions of rows.
struct Cursor<'a> {
    linked: &'a [(i64, Option<i64>)],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(linked: &'a [(i64, Option<i64>)]) -> Self {
        Cursor { linked, at: 0 }
    }

    /// The position of `mention` in the links, if it is there.
    fn seek(&mut self, mention: i64) -> Option<usize> {
        let l = self.linked;
        // Ids without gaps (nothing deleted): the id says where the row is.
        let first = l.first()?.0;
        if let Some(guess) = mention
            .checked_sub(first)
            .and_then(|d| usize::try_from(d).ok())
        {
            if l.get(guess).is_some_and(|x| x.0 == mention) {
                self.at = guess;
                return Some(guess);
            }
        }
        // Search in [lo, hi) with l[lo] <= mention (or lo == 0) and l[hi] > mention (or hi == len).
        let mut lo = if l.get(self.at).is_some_and(|x| x.0 <= mention) {
            self.at
        } else {
            0
        };
        let mut step = 1;
        let hi = loop {
            let hi = (lo + step).min(l.len());
            if hi == l.len() || l[hi].0 > mention {
                break hi;
            }
            lo = hi;
            step *= 2;
        };
        let i = lo + l[lo..hi].binary_search_by_key(&mention, |x| x.0).ok()?;
        self.at = i;
        Some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::Cursor;

    /// Every id is found where it is, and every absent one is not, whatever the order of the
    /// searches and wherever the ids have gaps.
    #[test]
    fn cursor_finds_what_a_binary_search_finds() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..50 {
            let mut linked: Vec<(i64, Option<i64>)> = Vec::new();
            let mut id = (next() % 5) as i64;
            for _ in 0..(next() % 300) {
                // Mostly consecutive, sometimes a gap (deleted rows), now and then a long one.
                id += match next() % 10 {
                    0 => 2 + (next() % 4) as i64,
                    1 if round % 2 == 0 => 100,
                    _ => 1,
                };
                linked.push((id, Some(id * 7)));
            }
            let top = id + 3;
            let mut cursor = Cursor::new(&linked);
            for step in 0..600 {
                // Ascending runs, as an entity's mentions come, broken by jumps back.
                let probe = if step % 50 == 0 {
                    (next() % (top as u64 + 1)) as i64
                } else {
                    (step % 50) * top / 50 + (next() % 3) as i64
                };
                let want = linked.binary_search_by_key(&probe, |l| l.0).ok();
                assert_eq!(cursor.seek(probe), want, "round {round}, id {probe}");
            }
        }
    }
}
