//! Behaviour of the store: opening and migrating, refusing files that are not ours, ingest and
//! versions, atomicity, search, entities, corrections and findings.

mod common;

use std::path::Path;

use claims_model::{ClaimKind, EntityKind, Span};
use claims_store::{
    CorrectionKind, Ingested, NewCorrection, Store, StoreError, APPLICATION_ID, MIGRATIONS,
    SCHEMA_VERSION,
};
use common::*;

fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read fixture file")
}

#[test]
fn every_migration_applies_to_an_in_memory_database() {
    let store = Store::open_in_memory().expect("open");
    assert_eq!(
        store.schema_version().expect("version"),
        MIGRATIONS.len() as i64
    );
    assert_eq!(SCHEMA_VERSION, MIGRATIONS.len() as i64);
    let app_id = store.query("PRAGMA application_id").expect("pragma");
    assert_eq!(app_id.rows[0][0], serde_json::json!(APPLICATION_ID));
}

#[test]
fn migrating_twice_is_a_no_op() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("claims.db");
    let schema = |s: &Store| {
        s.query("SELECT type, name, sql FROM sqlite_schema ORDER BY name")
            .expect("schema")
    };
    let first = {
        let store = Store::open(&path).expect("create");
        schema(&store)
    };
    let store = Store::open(&path).expect("reopen");
    assert_eq!(schema(&store), first);
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    let fk = store
        .query("SELECT * FROM pragma_foreign_keys")
        .expect("foreign keys");
    assert_eq!(fk.rows[0][0], serde_json::json!(1));
    let timeout = store
        .query("SELECT * FROM pragma_busy_timeout")
        .expect("busy timeout");
    assert_eq!(timeout.rows[0][0], serde_json::json!(5000));
    drop(store);
    // WAL is recorded in the file itself.
    let raw = rusqlite::Connection::open(&path).expect("raw open");
    let mode: String = raw
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "wal");
}

#[test]
fn a_newer_database_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("claims.db");
    drop(Store::open(&path).expect("create"));
    {
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .expect("bump");
        // Leave WAL so that the whole database is in the main file we compare.
        conn.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))
            .expect("delete mode");
    }
    let before = file_bytes(&path);
    let err = Store::open(&path)
        .err()
        .expect("a newer schema must be refused");
    assert!(
        matches!(err, StoreError::TooNew { found, supported, .. } if found == SCHEMA_VERSION + 1 && supported == SCHEMA_VERSION),
        "{err}"
    );
    let message = err.to_string();
    assert!(
        message.contains("claims.db") && message.contains("newer"),
        "{message}"
    );
    assert_eq!(file_bytes(&path), before);
}

#[test]
fn another_applications_sqlite_file_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me');")
            .expect("other app's schema");
    }
    let before = file_bytes(&path);
    let err = Store::open(&path)
        .err()
        .expect("a foreign database must be refused");
    assert!(matches!(err, StoreError::NotClaimsDb { .. }), "{err}");
    assert!(err.to_string().contains("other.sqlite"), "{err}");
    assert_eq!(file_bytes(&path), before);
    assert!(!dir.path().join("other.sqlite-wal").exists());
}

#[test]
fn a_database_with_another_application_id_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("empty-foreign.db");
    {
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        conn.pragma_update(None, "application_id", 0x1234_5678)
            .expect("set id");
    }
    let before = file_bytes(&path);
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::NotClaimsDb { .. })
    ));
    assert_eq!(file_bytes(&path), before);
}

#[test]
fn a_text_file_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.txt");
    let text = "These are an analyst's notes, not a database.\n".repeat(200);
    std::fs::write(&path, &text).expect("write");
    let err = Store::open(&path)
        .err()
        .expect("a text file must be refused");
    assert!(matches!(err, StoreError::NotClaimsDb { .. }), "{err}");
    assert!(err.to_string().contains("notes.txt"), "{err}");
    assert_eq!(file_bytes(&path), text.as_bytes());
}

#[test]
fn an_empty_file_becomes_a_claims_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").expect("touch");
    let store = Store::open(&path).expect("an empty file is a new database");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
}

#[test]
fn error_messages_name_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no/such/dir/claims.db");
    let err = Store::open(&missing)
        .err()
        .expect("cannot create in a missing directory");
    assert!(matches!(err, StoreError::Sqlite { .. }), "{err}");
    assert!(err.to_string().contains("no/such/dir/claims.db"), "{err}");
}

#[test]
fn ingest_adds_then_reports_unchanged_for_the_same_content() {
    let mut store = Store::open_in_memory().expect("open");
    let sha = fake_sha(TEXT_A);
    let doc = new_doc(PATH_A, TEXT_A, &sha);
    let first = store
        .ingest(&doc, &extraction_a(TEXT_A))
        .expect("first ingest");
    assert!(matches!(first, Ingested::Added { .. }));
    assert!(store.is_unchanged(PATH_A, &sha).expect("lookup"));
    assert!(!store.is_unchanged(PATH_A, "0000").expect("lookup"));
    assert!(!store.is_unchanged(PATH_B, &sha).expect("lookup"));
    let counts = store.counts().expect("counts");
    let again = store
        .ingest(&doc, &extraction_a(TEXT_A))
        .expect("second ingest");
    assert_eq!(again, Ingested::Unchanged { id: first.id() });
    assert_eq!(store.counts().expect("counts"), counts, "nothing written");
    assert_eq!(counts.documents, 1);
    assert_eq!(counts.sentences, 2);
    assert_eq!(counts.claims, 2);
    assert_eq!(counts.mentions, 3);
}

#[test]
fn stored_rows_read_back_as_given() {
    let store = populated();
    let docs = store.documents().expect("documents");
    assert_eq!(
        docs.iter().map(|d| d.path.as_str()).collect::<Vec<_>>(),
        [PATH_A, PATH_B]
    );
    // The extraction's reference date stands in when the document gives none.
    assert_eq!(
        docs[0].reference_date.map(|d| d.to_string()).as_deref(),
        Some("2024-11-05")
    );
    assert_eq!(docs[0].text, TEXT_A);
    assert_eq!(docs[0].reference_date_source.as_deref(), Some("text"));

    let claims = store.claims().expect("claims");
    let mut expected = extraction_a(TEXT_A).claims;
    expected.extend(extraction_b(TEXT_B).claims);
    assert_eq!(
        claims.iter().map(|r| r.claim.clone()).collect::<Vec<_>>(),
        expected,
        "claims round-trip exactly"
    );
    assert_eq!(claims[0].document, PATH_A);
    assert_eq!(
        claims[2].doc_date.map(|d| d.to_string()).as_deref(),
        Some("2024-11-08")
    );

    let mentions = store.mentions().expect("mentions");
    let minister = mentions
        .iter()
        .find(|m| m.surface == "No Kwang Chol")
        .expect("minister mention");
    assert_eq!(
        minister.role.as_ref().map(|r| r.office.as_str()),
        Some("defense minister")
    );
    assert_eq!(&TEXT_B[minister.start..minister.end], "No Kwang Chol");
    assert_eq!(minister.kind, EntityKind::Person);
    assert!(minister.entity_id.is_some());

    // Flattened columns agree with the JSON.
    let row = store
        .query("SELECT subject_key, low, high, hedge, scope_place, scope_within_json FROM claims WHERE value_text = 'as many as 3,000'")
        .expect("query");
    assert_eq!(
        row.rows,
        vec![vec![
            serde_json::json!("North Korea troops"),
            serde_json::json!(0.0),
            serde_json::json!(3000.0),
            serde_json::json!("upper_bound"),
            serde_json::json!("Kursk Oblast"),
            serde_json::json!("[\"Russia\"]"),
        ]]
    );
    let event = store
        .query("SELECT subject_key, earliest, latest, granularity, timex_value FROM claims WHERE kind = 'event'")
        .expect("query");
    assert_eq!(
        event.rows[0],
        [
            "visit: Vladimir Putin, North Korea @ North Korea",
            "2024-06-01",
            "2024-06-30",
            "month",
            "2024-06"
        ]
        .map(serde_json::Value::from)
        .to_vec()
    );
}

#[test]
fn changed_content_supersedes_the_old_version() {
    let mut store = populated();
    let old_claim_ids: Vec<i64> = store
        .claims()
        .expect("claims")
        .iter()
        .filter(|r| r.document == PATH_A)
        .map(|r| r.id)
        .collect();
    let changed = format!("{TEXT_A} Officials said the figure could grow.");
    let sha = fake_sha(&changed);
    let mut extraction = extraction_a(&changed);
    extraction.claims.retain(|c| c.kind == ClaimKind::Count);
    let outcome = store
        .ingest(&new_doc(PATH_A, &changed, &sha), &extraction)
        .expect("re-ingest");
    let Ingested::Replaced { id, superseded } = outcome else {
        panic!("expected Replaced, got {outcome:?}")
    };
    assert!(id > superseded);

    let docs = store.documents().expect("documents");
    assert_eq!(docs.len(), 2, "one current version per path");
    assert_eq!(
        docs.iter().find(|d| d.path == PATH_A).map(|d| d.id),
        Some(id)
    );
    let claims = store.claims().expect("claims");
    assert!(
        claims.iter().all(|r| !old_claim_ids.contains(&r.id)),
        "old claims are not current"
    );
    let of_a: Vec<_> = claims.iter().filter(|r| r.document == PATH_A).collect();
    assert_eq!(of_a.len(), 1);
    assert_eq!(of_a[0].doc_id, id);
    assert!(store.is_unchanged(PATH_A, &sha).expect("lookup"));
    assert!(!store
        .is_unchanged(PATH_A, &fake_sha(TEXT_A))
        .expect("lookup"));

    let counts = store.counts().expect("counts");
    assert_eq!((counts.documents, counts.superseded_documents), (2, 1));
    let link = store
        .query(&format!(
            "SELECT superseded_by FROM documents WHERE id = {superseded}"
        ))
        .expect("query");
    assert_eq!(link.rows[0][0], serde_json::json!(id));

    // Going back to the first content is a third version, not "unchanged".
    let back = store
        .ingest(
            &new_doc(PATH_A, TEXT_A, &fake_sha(TEXT_A)),
            &extraction_a(TEXT_A),
        )
        .expect("re-ingest original");
    assert!(matches!(back, Ingested::Replaced { superseded, .. } if superseded == id));
}

#[test]
fn a_failing_insert_leaves_nothing_of_that_document() {
    let mut store = populated();
    let before = store.counts().expect("counts");
    let text = "A third report. It says 5,000 troops.";
    let mut extraction = extraction_a(TEXT_A);
    extraction.sentences = vec![
        Span::new(0, 15).expect("span"),
        Span::new(16, text.len()).expect("span"),
    ];
    extraction.quantities.clear();
    extraction.times.clear();
    extraction.entities.clear();
    // The claims' spans point into TEXT_A, which is longer than this text: the first claim's
    // span fits only by luck or not at all, so the insert fails after the document row, its
    // sentences and maybe a claim were written.
    extraction.claims[0].span = Span::new(0, text.len() + 10).expect("span");
    let sha = fake_sha(text);
    let err = store
        .ingest(&new_doc("reports/third.txt", text, &sha), &extraction)
        .expect_err("bad span");
    assert!(
        matches!(err, StoreError::BadSpan { what: "claim", .. }),
        "{err}"
    );
    assert!(err.to_string().contains("reports/third.txt"), "{err}");
    assert_eq!(store.counts().expect("counts"), before);
    let leftovers = store
        .query("SELECT count(*) FROM sentences WHERE text LIKE 'A third report%'")
        .expect("query");
    assert_eq!(leftovers.rows[0][0], serde_json::json!(0));
    assert!(!store
        .is_unchanged("reports/third.txt", &sha)
        .expect("lookup"));
}

#[test]
fn a_span_that_splits_a_character_is_refused() {
    let mut store = Store::open_in_memory().expect("open");
    // "’" is three bytes; a span ending inside it is not text.
    let mut extraction = extraction_a(TEXT_A);
    let apostrophe = TEXT_A.find('’').expect("curly apostrophe");
    extraction.sentences = vec![Span::new(0, apostrophe + 1).expect("span")];
    let sha = fake_sha(TEXT_A);
    let err = store
        .ingest(&new_doc(PATH_A, TEXT_A, &sha), &extraction)
        .expect_err("split char");
    assert!(
        matches!(
            err,
            StoreError::BadSpan {
                what: "sentence",
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(store.counts().expect("counts").documents, 0);
}

#[test]
fn a_batch_is_all_or_nothing_and_ingest_each_keeps_the_good_documents() {
    let (sha_a, sha_b) = (fake_sha(TEXT_A), fake_sha(TEXT_B));
    let mut broken = extraction_b(TEXT_B);
    broken.entities[0].span = Span::new(0, TEXT_B.len() + 1).expect("span");
    let batch = vec![
        (new_doc(PATH_A, TEXT_A, &sha_a), extraction_a(TEXT_A)),
        (new_doc(PATH_B, TEXT_B, &sha_b), broken),
    ];

    let mut store = Store::open_in_memory().expect("open");
    assert!(store.ingest_batch(&batch).is_err());
    assert_eq!(
        store.counts().expect("counts").documents,
        0,
        "the whole batch rolled back"
    );

    let results = store.ingest_each(&batch).expect("batch transaction");
    assert!(matches!(results[0], Ok(Ingested::Added { .. })));
    assert!(matches!(
        results[1],
        Err(StoreError::BadSpan {
            what: "entity mention",
            ..
        })
    ));
    let counts = store.counts().expect("counts");
    assert_eq!(
        (counts.documents, counts.mentions, counts.claims),
        (1, 3, 2)
    );

    let good = vec![
        (new_doc(PATH_A, TEXT_A, &sha_a), extraction_a(TEXT_A)),
        (new_doc(PATH_B, TEXT_B, &sha_b), extraction_b(TEXT_B)),
    ];
    let outcomes = store.ingest_batch(&good).expect("batch");
    assert!(matches!(outcomes[0], Ingested::Unchanged { .. }));
    assert!(matches!(outcomes[1], Ingested::Added { .. }));
}

#[test]
fn full_text_search_finds_a_sentence() {
    let store = populated();
    // Stemming: "troop" finds "troops"; case does not matter.
    let hits = store.search("Troop kursk", 10).expect("search");
    assert_eq!(hits.len(), 2);
    for hit in &hits {
        let doc = if hit.document == PATH_A {
            TEXT_A
        } else {
            TEXT_B
        };
        assert_eq!(&doc[hit.start..hit.end], hit.text);
        assert!(hit.snippet.contains("[troops]"), "{}", hit.snippet);
        assert!(hit.doc_date.is_some());
    }
    let article = store.search("military assistance", 5).expect("search");
    assert_eq!(article.len(), 1);
    assert_eq!(article[0].document, PATH_B);
    assert!(store.search("Pyongyang", 5).expect("search").is_empty());
    // Operators and stray quotes in plain search are words, never syntax errors.
    assert!(store.search("\"unbalanced AND (", 5).is_ok());
    assert!(store.search("  ", 5).expect("search").is_empty());
    // Raw FTS5 syntax is available, and its errors name the query.
    assert_eq!(
        store.search_fts("kursk NOT blinken", 5).expect("fts").len(),
        1
    );
    let err = store
        .search_fts("\"unbalanced", 5)
        .expect_err("syntax error");
    assert!(matches!(err, StoreError::BadQuery { .. }), "{err}");
}

#[test]
fn search_skips_superseded_versions() {
    let mut store = populated();
    let changed = format!("{TEXT_B} Talks continued in Vladivostok.");
    let sha = fake_sha(&changed);
    store
        .ingest(&new_doc(PATH_B, &changed, &sha), &extraction_b(&changed))
        .expect("re-ingest");
    assert_eq!(
        store.search("Moscow", 5).expect("search").len(),
        1,
        "not once per version"
    );
    assert_eq!(store.search("Vladivostok", 5).expect("search").len(), 1);
}

#[test]
fn entities_carry_aliases_with_counts() {
    let store = populated();
    let entities = store.entities().expect("entities");
    let putin = entities
        .iter()
        .find(|e| e.name == "Vladimir Putin")
        .expect("Putin");
    assert_eq!(putin.kind, EntityKind::Person);
    assert_eq!(
        putin.aliases,
        vec![("Putin".to_string(), 1), ("Vladimir Putin".to_string(), 1)]
    );
    let kursk = entities
        .iter()
        .find(|e| e.name == "Kursk Oblast")
        .expect("Kursk");
    assert_eq!(kursk.aliases.len(), 2);
    assert_eq!(
        store.counts().expect("counts").entities as usize,
        entities.len()
    );
}

#[test]
fn replace_entities_refuses_an_unknown_mention_and_changes_nothing() {
    let mut store = populated();
    let before = store.entities().expect("entities");
    let bogus = claims_store::NewEntity {
        name: "Nobody".into(),
        kind: EntityKind::Person,
        evidence_json: "{}".into(),
        mention_ids: vec![9_999],
    };
    let err = store
        .replace_entities(&[bogus])
        .expect_err("unknown mention");
    assert!(
        matches!(
            err,
            StoreError::UnknownMention {
                mention_id: 9_999,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(store.entities().expect("entities"), before);
}

#[test]
fn findings_and_corrections_survive_re_ingest() {
    let mut store = populated();
    let findings = store.findings().expect("findings");
    assert_eq!(findings.len(), 1);
    assert_eq!(
        findings[0],
        troop_finding(&store),
        "findings round-trip exactly"
    );
    let corrections = store.corrections().expect("corrections");
    assert_eq!(corrections.len(), 1);
    assert_eq!(corrections[0].kind, CorrectionKind::CannotLink);

    // A changed version of one report, and an unchanged re-ingest of the other.
    let changed = format!("{TEXT_A} More troops may follow.");
    let sha = fake_sha(&changed);
    store
        .ingest(&new_doc(PATH_A, &changed, &sha), &extraction_a(&changed))
        .expect("re-ingest a");
    let same = store
        .ingest(
            &new_doc(PATH_B, TEXT_B, &fake_sha(TEXT_B)),
            &extraction_b(TEXT_B),
        )
        .expect("re-ingest b");
    assert!(matches!(same, Ingested::Unchanged { .. }));

    assert_eq!(store.findings().expect("findings"), findings);
    assert_eq!(store.corrections().expect("corrections"), corrections);
    let side_by_side = store
        .query("SELECT quote_a, quote_b, stale FROM finding_list")
        .expect("finding_list");
    assert_eq!(side_by_side.rows.len(), 1);
    assert_eq!(
        side_by_side.rows[0][2],
        serde_json::json!(1),
        "the finding cites a superseded version"
    );

    let id = store
        .add_correction(&NewCorrection {
            kind: CorrectionKind::Merge,
            a: "Kursk".into(),
            b: "Kursk Oblast".into(),
            who: "analyst".into(),
            note: None,
        })
        .expect("correction");
    assert!(id > corrections[0].id);
}

#[test]
fn replace_findings_refuses_an_unknown_claim() {
    let mut store = populated();
    let mut finding = troop_finding(&store);
    finding.claims[1].claim_id = 424_242;
    let err = store
        .replace_findings(&[finding])
        .expect_err("unknown claim");
    assert!(
        matches!(
            err,
            StoreError::UnknownClaim {
                claim_id: 424_242,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(
        store.findings().expect("findings").len(),
        1,
        "the old findings are kept"
    );
}

#[test]
fn query_runs_only_read_only_statements() {
    let store = populated();
    let err = store
        .query("DELETE FROM corrections")
        .expect_err("writes are refused");
    assert!(matches!(err, StoreError::NotReadOnly { .. }), "{err}");
    assert_eq!(store.counts().expect("counts").corrections, 1);
    let list = store
        .query("SELECT document, contradictions FROM source_contradictions ORDER BY document")
        .expect("view");
    assert_eq!(list.columns, ["document", "contradictions"]);
    assert_eq!(
        list.rows,
        vec![
            vec![serde_json::json!(PATH_A), serde_json::json!(1)],
            vec![serde_json::json!(PATH_B), serde_json::json!(1)],
        ]
    );
}

#[test]
fn two_handles_on_one_file_see_each_others_writes() {
    // WAL lets a reader (an analyst's sqlite3, `claims check`) keep a connection open while an
    // ingest writes; the second open must not re-migrate or fail.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("claims.db");
    let mut writer = Store::open(&path).expect("writer");
    let reader = Store::open(&path).expect("reader");
    assert_eq!(reader.counts().expect("counts").documents, 0);
    let sha = fake_sha(TEXT_A);
    writer
        .ingest(&new_doc(PATH_A, TEXT_A, &sha), &extraction_a(TEXT_A))
        .expect("ingest");
    assert_eq!(reader.counts().expect("counts").documents, 1);
    assert!(reader.is_unchanged(PATH_A, &sha).expect("lookup"));
}

#[test]
fn stated_reference_dates_leave_out_assumed_ones() {
    let mut store = Store::open_in_memory().expect("store");
    let (a, b) = ("In June 2024 it rained.", "Later it rained again.");
    let (sa, sb) = (fake_sha(a), fake_sha(b));
    let mut stated = new_doc("a.txt", a, &sa);
    stated.reference_date = Some(jiff::civil::date(2024, 6, 30));
    let mut assumed = new_doc("b.txt", b, &sb);
    assumed.reference_date = Some(jiff::civil::date(2024, 6, 30));
    assumed.reference_date_source = Some("collection");
    store
        .ingest(&stated, &Default::default())
        .expect("ingest a");
    store
        .ingest(&assumed, &Default::default())
        .expect("ingest b");
    let dates = store.stated_reference_dates().expect("dates");
    assert_eq!(dates, vec![jiff::civil::date(2024, 6, 30)]);
}

/// Claims are parsed on a second thread while SQLite reads the next rows: every claim comes back
/// in document order, and a row that does not parse, however far in, is reported by its id.
#[test]
fn claims_read_back_in_order_and_a_corrupt_one_is_named() {
    let n = 5_000;
    let mut extraction = extraction_a(TEXT_A);
    let claim = extraction.claims[0].clone();
    extraction.claims = vec![claim.clone(); n];
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("c.db");
    let mut store = Store::open(&path).expect("open");
    let sha = fake_sha(TEXT_A);
    store
        .ingest(&new_doc(PATH_A, TEXT_A, &sha), &extraction)
        .expect("ingest");
    let rows = store.claims().expect("claims");
    assert_eq!(rows.len(), n);
    assert!(rows.windows(2).all(|w| w[0].id < w[1].id));
    assert!(rows
        .iter()
        .all(|r| r.claim == claim && r.document == PATH_A));

    let bad = rows[4_321].id;
    rusqlite::Connection::open(&path)
        .expect("raw open")
        .execute(
            "UPDATE claims SET claim_json = '{\"not\": \"a claim\"}' WHERE id = ?1",
            [bad],
        )
        .expect("corrupt one row");
    match store.claims() {
        Err(StoreError::Corrupt { what, row, .. }) => {
            assert_eq!((what, row), ("claims.claim_json", bad.to_string()));
        }
        other => panic!("expected a corrupt claim, got {other:?}"),
    }
}
