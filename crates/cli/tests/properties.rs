//! Ingest is idempotent, whatever the documents: a second run over the same files stores nothing,
//! and a fresh database fed the same files in another order holds the same documents and claims.

use std::path::Path;
use std::process::Command;

use proptest::prelude::*;

fn claims() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claims"))
}

/// Short news-like documents (figures, hedges, dates, names, places) with arbitrary text between.
fn document() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("About 8,000 North Korean troops are in Kursk. ".to_string()),
            Just("As many as 12,000 soldiers, officials said. ".to_string()),
            Just("In early November 2024, Vladimir Putin visited North Korea. ".to_string()),
            Just("On June 4, Kim Jong Un met Sergei Lavrov in Wonsan. ".to_string()),
            Just("If over 10,000 troops are fighting, it matters. ".to_string()),
            Just("Article 4 of the Treaty obliges mutual assistance. ".to_string()),
            Just("\n".to_string()),
            "[a-zA-Z0-9 ,.:;'’“”-]{0,20}",
            any::<String>(),
        ],
        1..12,
    );
    pieces.prop_map(|p| p.concat())
}

/// (stderr summary line, documents, claims, mentions, indexed sentences) after ingesting `dir`.
fn ingest(db: &Path, dir: &Path) -> (String, Vec<String>) {
    let out = claims()
        .args(["ingest", "--db"])
        .arg(db)
        .arg(dir)
        .output()
        .expect("run claims");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(matches!(out.status.code(), Some(0 | 3)), "{err}");
    let summary = err
        .lines()
        .find(|l| l.starts_with("ingested "))
        .unwrap_or_default()
        .to_string();
    (summary, snapshot(db))
}

/// What the database holds, in a form independent of row ids and ingest order.
fn snapshot(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let mut rows = Vec::new();
    for sql in [
        "SELECT 'doc', path, sha256 FROM documents",
        "SELECT 'claim', d.path, c.start_byte, c.end_byte, c.claim_json
           FROM claims c JOIN documents d ON d.id = c.document_id",
        "SELECT 'mention', d.path, m.start_byte, m.end_byte, m.kind, m.name
           FROM entity_mentions m JOIN documents d ON d.id = m.document_id",
        "SELECT 'fts', count(*), '' FROM sentences_fts",
        "SELECT 'sentences', count(*), '' FROM sentences",
    ] {
        let mut stmt = conn.prepare(sql).expect("prepare");
        let n = stmt.column_count();
        let mut q = stmt.query([]).expect("query");
        while let Some(r) = q.next().expect("row") {
            let cells: Vec<String> = (0..n)
                .map(|i| match r.get_ref(i).expect("cell") {
                    rusqlite::types::ValueRef::Null => "NULL".to_string(),
                    rusqlite::types::ValueRef::Integer(x) => x.to_string(),
                    rusqlite::types::ValueRef::Real(x) => x.to_string(),
                    rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => {
                        String::from_utf8_lossy(t).into_owned()
                    }
                })
                .collect();
            rows.push(cells.join("\t"));
        }
    }
    rows.sort();
    rows
}

proptest! {
    // Each case runs the binary three times: few cases, each a batch of documents.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn ingest_is_idempotent_and_independent_of_order(docs in prop::collection::vec(document(), 1..6)) {
        let dir = tempfile::tempdir().expect("tempdir");
        let forward = dir.path().join("forward");
        let backward = dir.path().join("backward");
        std::fs::create_dir(&forward).expect("mkdir");
        std::fs::create_dir(&backward).expect("mkdir");
        // The same files under the same names; the second directory is written in reverse order
        // (directory order is what ingest walks, sorted or not).
        for (i, d) in docs.iter().enumerate() {
            std::fs::write(forward.join(format!("{i:02}.txt")), d).expect("write");
        }
        for (i, d) in docs.iter().enumerate().rev() {
            std::fs::write(backward.join(format!("{i:02}.txt")), d).expect("write");
        }
        let db = dir.path().join("a.db");
        let (first, after_first) = ingest(&db, &forward);
        let (second, after_second) = ingest(&db, &forward);
        let stored = after_first.iter().filter(|r| r.starts_with("doc\t")).count();
        prop_assert_eq!(&after_first, &after_second, "the second run changed the database");
        prop_assert!(
            second.starts_with(&format!("ingested 0 new, 0 replaced, {stored} unchanged")),
            "{} then {}", first, second
        );
        // Same files, other walk order, fresh database: the same content (paths differ only by
        // directory, so compare file names).
        let other = dir.path().join("b.db");
        let (_, b) = ingest(&other, &backward);
        let strip = |rows: &[String], from: &str| -> Vec<String> {
            let mut v: Vec<String> = rows.iter().map(|r| r.replace(from, "")).collect();
            v.sort();
            v
        };
        prop_assert_eq!(
            strip(&after_first, forward.to_str().expect("utf-8 path")),
            strip(&b, backward.to_str().expect("utf-8 path"))
        );
    }
}
