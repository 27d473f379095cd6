//! Entities and findings are replaced by writing only the difference: what did not change keeps
//! its row and id, what changed is rewritten, what is gone is removed with its links.

mod common;

use claims_store::{NewEntity, Store};
use common::*;

fn ids_by_name(store: &Store) -> Vec<(String, i64)> {
    let mut v: Vec<(String, i64)> = store
        .entities()
        .expect("entities")
        .into_iter()
        .map(|e| (e.name, e.id))
        .collect();
    v.sort();
    v
}

fn links(store: &Store) -> Vec<(i64, Option<i64>)> {
    let q = store
        .query("SELECT id, entity_id FROM entity_mentions ORDER BY id")
        .expect("query");
    q.rows
        .iter()
        .map(|r| (r[0].as_i64().expect("id"), r[1].as_i64()))
        .collect()
}

#[test]
fn unchanged_entities_keep_their_ids_and_changed_ones_are_rewritten() {
    let mut store = populated();
    let before = ids_by_name(&store);
    let links_before = links(&store);
    assert!(before.len() >= 4, "{before:?}");

    // The same entities again: nothing moves.
    let same = entities_from_mentions(&store);
    store.replace_entities(&same).expect("replace");
    assert_eq!(ids_by_name(&store), before);
    assert_eq!(links(&store), links_before);

    // A new name for one entity with the same mentions: updated in place, same id.
    let mut renamed = same.clone();
    let old_name = renamed[0].name.clone();
    renamed[0].name = format!("{old_name} (renamed)");
    store.replace_entities(&renamed).expect("replace");
    let after = ids_by_name(&store);
    let old_id = before.iter().find(|(n, _)| *n == old_name).expect("old").1;
    assert!(
        after.contains(&(renamed[0].name.clone(), old_id)),
        "{after:?}"
    );
    assert_eq!(links(&store), links_before);

    // Two entities regrouped: one takes all the mentions of the first and one of the second
    // (it keeps the first's row and id: it holds most of its mentions); the second's other
    // mentions are left unlinked and its row is deleted. The rest keep their ids.
    let mut regrouped: Vec<NewEntity> = renamed.clone();
    let moved = regrouped.remove(1);
    let unlinked = regrouped.remove(1);
    let mut mention_ids = moved.mention_ids.clone();
    mention_ids.push(unlinked.mention_ids[0]);
    regrouped.push(NewEntity {
        name: "Someone else".into(),
        kind: moved.kind,
        evidence_json: "{}".into(),
        mention_ids: mention_ids.clone(),
    });
    store.replace_entities(&regrouped).expect("replace");
    let after = ids_by_name(&store);
    assert_eq!(after.len(), regrouped.len(), "{after:?}");
    let new_id = after
        .iter()
        .find(|(n, _)| n == "Someone else")
        .expect("regrouped entity")
        .1;
    let moved_id = before
        .iter()
        .find(|(n, _)| *n == moved.name)
        .expect("moved")
        .1;
    assert_eq!(new_id, moved_id, "the first's id: {before:?} {after:?}");
    for kept in &regrouped[..regrouped.len() - 1] {
        let id = after.iter().find(|(n, _)| *n == kept.name).expect("kept").1;
        let was = if kept.name == renamed[0].name {
            old_id
        } else {
            before
                .iter()
                .find(|(n, _)| *n == kept.name)
                .expect("before")
                .1
        };
        assert_eq!(id, was, "{} keeps its id", kept.name);
    }
    let now = links(&store);
    for m in &mention_ids {
        assert!(now.contains(&(*m, Some(new_id))), "{m} moved: {now:?}");
    }
    for m in &unlinked.mention_ids[1..] {
        assert!(now.contains(&(*m, None)), "{m} unlinked: {now:?}");
    }
    assert!(
        !after
            .iter()
            .any(|(n, _)| *n == moved.name || *n == unlinked.name),
        "dropped entities are deleted: {after:?}"
    );
    assert_eq!(
        store.counts().expect("counts").entities,
        regrouped.len() as u64
    );
}

#[test]
fn findings_are_rewritten_only_where_they_changed() {
    let mut store = populated();
    let finding = troop_finding(&store);
    let mut other = finding.clone();
    other.id = "numeric-other".into();
    other.claims.truncate(1);
    store
        .replace_findings(&[finding.clone(), other.clone()])
        .expect("findings");
    assert_eq!(store.findings().expect("findings").len(), 2);

    // Same again: identical rows.
    let rowids = |store: &Store| {
        store
            .query("SELECT rowid, id FROM findings ORDER BY id")
            .expect("query")
            .rows
    };
    let before = rowids(&store);
    store
        .replace_findings(&[finding.clone(), other.clone()])
        .expect("findings");
    assert_eq!(rowids(&store), before, "nothing rewritten");

    // One changed, the other gone: the changed one is stored as given, the gone one is removed
    // with its claim links.
    let mut changed = finding.clone();
    changed.summary = "A different summary.".into();
    store
        .replace_findings(&[changed.clone()])
        .expect("findings");
    let stored = store.findings().expect("findings");
    assert_eq!(stored, vec![changed]);
    let links = store
        .query("SELECT finding_id, count(*) FROM finding_claims GROUP BY finding_id")
        .expect("query");
    assert_eq!(links.rows.len(), 1, "{:?}", links.rows);
    assert_eq!(links.rows[0][1].as_i64(), Some(finding.claims.len() as i64));
}

/// Relinking most mentions at once (a first check) rebuilds the entity index instead of writing
/// it row by row: the links, the index and its definition must come out as if written row by row.
#[test]
fn relinking_most_mentions_keeps_the_index_and_every_link() {
    use claims_model::{EntityKind, EntityMention, Span};

    let n = 12_000;
    let text = "Kim. ".repeat(n);
    let entities: Vec<EntityMention> = (0..n)
        .map(|i| EntityMention {
            span: Span::new(5 * i, 5 * i + 3).expect("span"),
            text: "Kim".into(),
            kind: EntityKind::Person,
            name: if i % 3 == 0 {
                "Kim Jong Un"
            } else {
                "Kim Yo Jong"
            }
            .into(),
            role: None,
        })
        .collect();
    let mut store = store_with_mentions("many.txt", &text, entities);
    let index_sql = "SELECT sql FROM sqlite_master WHERE name = 'entity_mentions_entity'";
    let definition = store.query(index_sql).expect("index").rows;
    assert_eq!(definition.len(), 1);

    // First resolution: every mention moves (from no entity to one).
    let grouped = entities_from_mentions(&store);
    assert_eq!(grouped.len(), 2);
    store.replace_entities(&grouped).expect("replace");
    assert_eq!(store.query(index_sql).expect("index").rows, definition);
    let ids = ids_by_name(&store);
    let id_of = |name: &str| ids.iter().find(|(n, _)| n == name).expect("entity").1;
    let linked = links(&store);
    assert_eq!(linked.len(), n);
    let mentions = store.mentions().expect("mentions");
    for (m, (id, entity)) in mentions.iter().zip(&linked) {
        assert_eq!(m.id, *id);
        assert_eq!(*entity, Some(id_of(&m.name)), "{m:?}");
    }
    // The rebuilt index answers, and agrees with a scan of the table.
    let per_entity = |sql: &str| -> Vec<i64> {
        let q = store.query(sql).expect("count");
        q.rows.iter().map(|r| r[0].as_i64().expect("n")).collect()
    };
    let indexed = per_entity(
        "SELECT count(*) FROM entity_mentions INDEXED BY entity_mentions_entity \
         WHERE entity_id IS NOT NULL GROUP BY entity_id ORDER BY entity_id",
    );
    let scanned = per_entity(
        "SELECT count(*) FROM entity_mentions NOT INDEXED \
         WHERE entity_id IS NOT NULL GROUP BY entity_id ORDER BY entity_id",
    );
    assert_eq!(indexed, scanned);
    assert_eq!(indexed.iter().sum::<i64>(), n as i64);
    let check = store.query("PRAGMA integrity_check").expect("check").rows;
    assert_eq!(check[0][0].as_str(), Some("ok"));
}

/// A mention named by two new entities ends linked to the later one, and mentions named in
/// reverse id order are linked all the same (the stored links are looked up, not scanned).
#[test]
fn a_mention_in_two_new_entities_goes_to_the_later_one() {
    let mut store = populated();
    let mut all: Vec<i64> = links(&store).iter().map(|l| l.0).collect();
    assert!(all.len() >= 3, "{all:?}");
    all.reverse();
    let shared = all[0];
    let first = NewEntity {
        name: "First".into(),
        kind: claims_model::EntityKind::Person,
        evidence_json: "[]".into(),
        mention_ids: vec![shared],
    };
    let second = NewEntity {
        name: "Second".into(),
        mention_ids: all.clone(),
        ..first.clone()
    };
    store
        .replace_entities(&[first.clone(), second])
        .expect("replace");
    let ids = ids_by_name(&store);
    let second_id = ids.iter().find(|(n, _)| n == "Second").expect("second").1;
    for (mention, entity) in links(&store) {
        assert_eq!(entity, Some(second_id), "mention {mention}");
    }
}

/// Mentions stored out of span order (an extractor may list them in any order) still come back
/// in document order, and so do those of a document stored before another with a smaller id.
#[test]
fn mentions_come_in_document_order_whatever_the_storage_order() {
    use claims_model::{EntityKind, EntityMention, Span};

    let text = "Kim met Lee. Park saw Choi.";
    let word = |start: usize, end: usize| EntityMention {
        span: Span::new(start, end).expect("span"),
        text: text[start..end].into(),
        kind: EntityKind::Person,
        name: text[start..end].into(),
        role: None,
    };
    // Listed back to front.
    let entities = vec![word(22, 26), word(13, 17), word(8, 11), word(0, 3)];
    let store = store_with_mentions("a.txt", text, entities);
    let mentions = store.mentions().expect("mentions");
    let starts: Vec<usize> = mentions.iter().map(|m| m.start).collect();
    assert_eq!(starts, vec![0, 8, 13, 22]);
    let names: Vec<&str> = mentions.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, vec!["Kim", "Lee", "Park", "Choi"]);
    // each_mention lends the same rows.
    let mut lent = Vec::new();
    store
        .each_mention(|m| match m {
            Some(m) => lent.push((m.id, m.start, m.name.to_string())),
            None => lent.clear(),
        })
        .expect("each");
    let owned: Vec<(i64, usize, String)> = mentions
        .iter()
        .map(|m| (m.id, m.start, m.name.clone()))
        .collect();
    assert_eq!(lent, owned);
}

/// An entity that gains or loses mentions (new documents, an analyst's correction) keeps the
/// row of the stored entity holding most of its mentions; only the mentions that moved are
/// relinked, and a mention left in no entity is unlinked.
#[test]
fn entities_that_change_members_keep_the_id_of_most_of_their_mentions() {
    let mut store = populated();
    let before = ids_by_name(&store);
    let mut entities = entities_from_mentions(&store);
    entities.sort_by_key(|e| std::cmp::Reverse(e.mention_ids.len()));
    assert!(
        entities.len() >= 2 && entities[1].mention_ids.len() >= 2,
        "the fixture needs two entities of two mentions or more: {entities:?}"
    );
    let id_of = |name: &str| before.iter().find(|(n, _)| n == name).expect("entity").1;
    let (a, b) = (id_of(&entities[0].name), id_of(&entities[1].name));
    let left_out = entities[0].mention_ids.pop().expect("a mention");
    let taken = entities[1].mention_ids.remove(0);
    entities[0].mention_ids.push(taken);
    store.replace_entities(&entities).expect("replace");

    let after = ids_by_name(&store);
    assert_eq!(after, before, "every entity keeps its id and name");
    let now = links(&store);
    let link = |m: i64| now.iter().find(|(id, _)| *id == m).expect("mention").1;
    assert_eq!(
        link(taken),
        Some(a),
        "the taken mention moved to the first entity"
    );
    assert_eq!(link(left_out), None, "the mention in no entity is unlinked");
    for m in &entities[0].mention_ids {
        assert_eq!(link(*m), Some(a));
    }
    for m in &entities[1].mention_ids {
        assert_eq!(link(*m), Some(b));
    }
}

/// Storing many new findings at once (a first check) writes them in id order and rebuilds the
/// index on finding_claims.claim_id once: the rows, the index and its definition come out as
/// if written one by one.
#[test]
fn storing_many_new_findings_keeps_the_claim_index() {
    let mut store = populated();
    store.replace_findings(&[]).expect("no findings");
    let troops = troop_finding(&store);
    let index_sql = "SELECT sql FROM sqlite_schema WHERE name = 'finding_claims_claim'";
    let definition = store.query(index_sql).expect("index").rows;
    assert_eq!(definition.len(), 1);
    // 6,000 findings of two claims each, in an order that is not the id order.
    let many: Vec<_> = (0..6_000)
        .map(|i| {
            let mut f = troops.clone();
            f.id = format!("F{:06}", (i * 7_919) % 6_000);
            f.summary = format!("finding {i}");
            f
        })
        .collect();
    store.replace_findings(&many).expect("findings");
    assert_eq!(store.query(index_sql).expect("index").rows, definition);
    let count = |sql: &str| store.query(sql).expect("count").rows[0][0].as_i64();
    for claim in troops.claims.iter().map(|c| c.claim_id) {
        let indexed = count(&format!(
            "SELECT count(*) FROM finding_claims INDEXED BY finding_claims_claim WHERE claim_id = {claim}"
        ));
        let scanned = count(&format!(
            "SELECT count(*) FROM finding_claims NOT INDEXED WHERE claim_id = {claim}"
        ));
        assert_eq!(indexed, Some(6_000));
        assert_eq!(indexed, scanned);
    }
    let check = store.query("PRAGMA integrity_check").expect("check").rows;
    assert_eq!(check[0][0].as_str(), Some("ok"));
    let mut stored = store.findings().expect("findings");
    let mut expected = many.clone();
    stored.sort_by(|a, b| a.id.cmp(&b.id));
    expected.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(stored, expected);
}
