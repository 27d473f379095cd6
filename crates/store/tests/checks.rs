//! What a check stores besides its findings (migration 0004): the group of every claim and one
//! row per run, begun and finished in two transactions.

mod common;

use claims_store::{CheckScope, Store};
use common::*;

/// A store with one document holding `n` copies of fixture A's first claim.
fn many_claims(n: usize) -> Store {
    let mut extraction = extraction_a(TEXT_A);
    let claim = extraction.claims[0].clone();
    extraction.claims = vec![claim; n];
    let mut store = Store::open_in_memory().expect("open");
    let sha = fake_sha(TEXT_A);
    store
        .ingest(&new_doc(PATH_A, TEXT_A, &sha), &extraction)
        .expect("ingest");
    store
}

fn claim_ids(store: &Store) -> Vec<i64> {
    store
        .query("SELECT id FROM claims ORDER BY id")
        .expect("ids")
        .rows
        .iter()
        .map(|r| r[0].as_i64().expect("id"))
        .collect()
}

/// Grouping most claims at once (a first check) rebuilds the index on the groups instead of
/// writing it row by row: the rows, the index and its definition must come out the same.
#[test]
fn grouping_most_claims_at_once_keeps_the_index() {
    let n = 12_000;
    let mut store = many_claims(n);
    let index_sql = "SELECT sql FROM sqlite_schema WHERE name = 'claim_keys_key'";
    let definition = store.query(index_sql).expect("index").rows;
    assert_eq!(definition.len(), 1);
    let keys: Vec<(i64, String)> = claim_ids(&store)
        .into_iter()
        .map(|id| (id, format!("count|group {}|troops", id % 7)))
        .collect();
    let run = store
        .begin_check(CheckScope::All, "options", 1, &keys, &[])
        .expect("begin");
    assert_eq!(store.query(index_sql).expect("index").rows, definition);
    let per_key = |sql: &str| -> Vec<i64> {
        let q = store.query(sql).expect("count");
        q.rows.iter().map(|r| r[0].as_i64().expect("n")).collect()
    };
    let indexed = per_key(
        "SELECT count(*) FROM claim_keys INDEXED BY claim_keys_key GROUP BY check_key ORDER BY check_key",
    );
    let scanned = per_key(
        "SELECT count(*) FROM claim_keys NOT INDEXED GROUP BY check_key ORDER BY check_key",
    );
    assert_eq!(indexed.len(), 7);
    assert_eq!(indexed, scanned);
    assert_eq!(indexed.iter().sum::<i64>(), n as i64);
    let check = store.query("PRAGMA integrity_check").expect("check").rows;
    assert_eq!(check[0][0].as_str(), Some("ok"));

    // Begun, not finished: a later touched check must not build on it.
    let last = store.last_check().expect("last").expect("a run");
    assert_eq!((last.id, last.finished), (run, false));
    finish(&mut store, run, CheckScope::All, 7, &[]).expect("finish");
    let last = store.last_check().expect("last").expect("a run");
    assert!(last.finished);
    assert_eq!(
        (last.options.as_str(), last.last_document_id),
        ("options", 1)
    );

    // A few changes go through the index as it is.
    let moved: Vec<(i64, String)> = keys[..10]
        .iter()
        .map(|(id, _)| (*id, "count|elsewhere|troops".to_string()))
        .collect();
    let gone: Vec<i64> = keys[10..15].iter().map(|(id, _)| *id).collect();
    store
        .begin_check(CheckScope::All, "options", 1, &moved, &gone)
        .expect("begin");
    let stored = store.stored_claim_keys().expect("keys");
    assert_eq!(stored.len(), n - 5);
    assert_eq!(
        stored
            .iter()
            .filter(|(_, k)| k == "count|elsewhere|troops")
            .count(),
        10
    );
}

#[test]
fn a_touched_finish_replaces_only_the_findings_of_its_groups() {
    let mut store = populated();
    let finding = troop_finding(&store);
    let ids: Vec<i64> = finding.claims.iter().map(|c| c.claim_id).collect();
    let keys: Vec<(i64, String)> = ids
        .iter()
        .map(|&id| (id, "count|North Korea|troops".into()))
        .collect();
    let run = store
        .begin_check(CheckScope::All, "o", 2, &keys, &[])
        .expect("begin");
    finish(
        &mut store,
        run,
        CheckScope::All,
        1,
        std::slice::from_ref(&finding),
    )
    .expect("finish");
    // Another group touched: the finding stays.
    let other = ["event|visit|Vladimir Putin|North Korea".to_string()];
    let scope = CheckScope::Touched {
        groups: &other,
        withdrawn: &[],
    };
    let run = store.begin_check(scope, "o", 2, &[], &[]).expect("begin");
    finish(&mut store, run, scope, 1, &[]).expect("finish");
    assert_eq!(store.findings().expect("findings"), vec![finding.clone()]);
    // Its group touched and nothing found there any more: it goes.
    let mine = ["count|North Korea|troops".to_string()];
    let scope = CheckScope::Touched {
        groups: &mine,
        withdrawn: &[],
    };
    let run = store.begin_check(scope, "o", 2, &[], &[]).expect("begin");
    finish(&mut store, run, scope, 1, &[]).expect("finish");
    assert!(store.findings().expect("findings").is_empty());
    // Put back, then one of its claims withdrawn (its document replaced): it goes too, although
    // its group is not among those touched.
    let run = store
        .begin_check(CheckScope::All, "o", 2, &[], &[])
        .expect("begin");
    finish(
        &mut store,
        run,
        CheckScope::All,
        1,
        std::slice::from_ref(&finding),
    )
    .expect("finish");
    let scope = CheckScope::Touched {
        groups: &other,
        withdrawn: &ids[..1],
    };
    let run = store
        .begin_check(scope, "o", 2, &[], &ids[..1])
        .expect("begin");
    finish(&mut store, run, scope, 1, &[]).expect("finish");
    assert!(store.findings().expect("findings").is_empty());
}

/// With few of many findings in scope, a touched finish reads them through the indexes; with
/// most, in one pass over the table. Either way exactly the findings of the touched groups (and
/// of withdrawn claims) are replaced, and in-sentence arithmetic only by a withdrawal.
#[test]
fn a_touched_finish_is_the_same_through_the_indexes_or_a_scan() {
    use claims_model::FindingKind;
    for others in [0usize, 30] {
        let mut store = populated();
        let troops = troop_finding(&store);
        let ids: Vec<i64> = troops.claims.iter().map(|c| c.claim_id).collect();
        // The event claim of fixture A stands for another group, with `others` findings.
        let event = store
            .claims()
            .expect("claims")
            .into_iter()
            .find(|r| r.claim.kind == claims_model::ClaimKind::Event)
            .expect("an event claim")
            .id;
        let mut keys: Vec<(i64, String)> = ids
            .iter()
            .map(|&id| (id, "count|North Korea|troops".to_string()))
            .collect();
        keys.push((event, "event|visit|Vladimir Putin|North Korea".into()));
        let mut all = vec![troops.clone()];
        for i in 0..others {
            let mut f = troops.clone();
            f.id = format!("other-{i}");
            f.claims.truncate(1);
            f.claims[0].claim_id = event;
            all.push(f);
        }
        // An arithmetic finding on the troop claims: in the touched group, yet kept.
        let mut arithmetic = troops.clone();
        arithmetic.id = "arithmetic-1".into();
        arithmetic.kind = FindingKind::Arithmetic;
        all.push(arithmetic.clone());
        let run = store
            .begin_check(CheckScope::All, "o", 2, &keys, &[])
            .expect("begin");
        finish(&mut store, run, CheckScope::All, 2, &all).expect("finish");

        let mine = ["count|North Korea|troops".to_string()];
        let mut changed = troops.clone();
        changed.summary = "Changed.".into();
        let scope = CheckScope::Touched {
            groups: &mine,
            withdrawn: &[],
        };
        let run = store.begin_check(scope, "o", 2, &[], &[]).expect("begin");
        finish(&mut store, run, scope, 1, std::slice::from_ref(&changed)).expect("finish");
        let mut expected: Vec<claims_model::Finding> = all[1..].to_vec();
        expected.push(changed);
        let mut stored = store.findings().expect("findings");
        stored.sort_by(|a, b| a.id.cmp(&b.id));
        expected.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(stored, expected, "with {others} other findings");

        // A withdrawn troop claim takes the arithmetic finding too.
        let scope = CheckScope::Touched {
            groups: &[],
            withdrawn: &ids[..1],
        };
        let run = store
            .begin_check(scope, "o", 2, &[], &ids[..1])
            .expect("begin");
        finish(&mut store, run, scope, 0, &[]).expect("finish");
        let left: Vec<String> = store
            .findings()
            .expect("findings")
            .into_iter()
            .map(|f| f.id)
            .collect();
        assert!(
            !left
                .iter()
                .any(|id| id == "arithmetic-1" || id == &troops.id),
            "{left:?}"
        );
        assert_eq!(left.len(), others, "{left:?}");
    }
}

/// Stages `findings` for run `run` and finishes it, as `claims check` does.
fn finish(
    store: &mut Store,
    run: i64,
    scope: CheckScope<'_>,
    keys: usize,
    findings: &[claims_model::Finding],
) -> Result<(), claims_store::StoreError> {
    store.stage_findings(findings)?;
    store.finish_check(run, scope, keys)
}

/// Staged findings come back in report order (most severe first, then by subject, then by id),
/// whatever order they were staged in and whatever the batch size; an id staged twice keeps the
/// first; the links stored for them are each finding's claims in order.
#[test]
fn staged_findings_come_back_in_report_order_and_are_stored_with_their_claims() {
    use claims_model::Severity;
    let mut store = populated();
    let troops = troop_finding(&store);
    let ids: Vec<i64> = troops.claims.iter().map(|c| c.claim_id).collect();
    let severities = [
        Severity::Agreement,
        Severity::Contradiction,
        Severity::Change,
        Severity::Tension,
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut all = Vec::new();
    for i in 0..157 {
        let mut f = troops.clone();
        f.id = format!("F{:03}", next(1000));
        f.severity = severities[next(4) as usize];
        // Subjects that sort differently from ids, non-ASCII ones among them.
        f.subject = ["Zoe", "Ägypten", "Kim", "kim", "Kursk Oblast"][next(5) as usize].into();
        f.summary = format!("staged {i}");
        if next(2) == 0 {
            f.claims.reverse();
        }
        all.push(f);
    }
    let run = store
        .begin_check(CheckScope::All, "o", 2, &[], &[])
        .expect("begin");
    for chunk in all.chunks(10) {
        store.stage_findings(chunk).expect("stage");
    }
    // The first of each id, sorted the way the report sorts.
    let mut expected: Vec<claims_model::Finding> = Vec::new();
    for f in &all {
        if !expected.iter().any(|e| e.id == f.id) {
            expected.push(f.clone());
        }
    }
    expected.sort_by(|a, b| (a.severity, &a.subject, &a.id).cmp(&(b.severity, &b.subject, &b.id)));
    assert_eq!(store.staged_finding_count(), expected.len());
    for batch in [1, 7, 1000] {
        let mut seen = Vec::new();
        store
            .each_staged_finding(batch, |b| {
                assert!(!b.is_empty() && b.len() <= batch);
                seen.extend(b);
                Ok::<(), claims_store::StoreError>(())
            })
            .expect("read back");
        assert_eq!(seen, expected, "batches of {batch}");
    }
    store.finish_check(run, CheckScope::All, 1).expect("finish");
    let mut stored = store.findings().expect("findings");
    stored.sort_by(|a, b| a.id.cmp(&b.id));
    let mut by_id = expected.clone();
    by_id.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(stored, by_id);
    for f in &by_id {
        let links: Vec<i64> = store
            .query(&format!(
                "SELECT claim_id FROM finding_claims WHERE finding_id = '{}' ORDER BY position",
                f.id
            ))
            .expect("links")
            .rows
            .into_iter()
            .map(|r| r[0].as_i64().expect("an id"))
            .collect();
        let claims: Vec<i64> = f.claims.iter().map(|c| c.claim_id).collect();
        assert_eq!(links, claims, "links of {}", f.id);
        assert!(claims.iter().all(|c| ids.contains(c)));
    }
    // A new run starts with nothing staged.
    store
        .begin_check(CheckScope::All, "o", 2, &[], &[])
        .expect("begin");
    assert_eq!(store.staged_finding_count(), 0);
    assert!(store.staged_findings().expect("none").is_empty());
}
