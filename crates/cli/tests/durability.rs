//! Killing an ingest in the middle (SIGKILL) loses nothing stored before and leaves only whole
//! documents; a re-run finishes the job without duplicates.

use std::process::Command;
use std::time::{Duration, Instant};

use claims_store::Store;

fn scalar(store: &Store, sql: &str) -> serde_json::Value {
    store.query(sql).expect("query").rows[0][0].clone()
}

#[test]
fn sigkill_mid_ingest_leaves_whole_documents_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    // Short articles, so that the test build (unoptimized) gets through several chunks quickly.
    let base = "According to officials, as many as 8,000 North Korean soldiers are stationed in \
                Russia's Kursk region. In June 2024, Vladimir Putin visited North Korea.";
    const N: usize = 1200;
    for i in 0..N {
        std::fs::write(
            input.join(format!("{i:05}.txt")),
            format!("Copy {i}.\n{base}"),
        )
        .unwrap();
    }
    let db = dir.path().join("c.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_claims"))
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(&input)
        .spawn()
        .unwrap();
    // Wait until some documents are committed, then kill without warning.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        std::thread::sleep(Duration::from_millis(20));
        let stored = Store::open(&db)
            .ok()
            .and_then(|s| s.counts().ok())
            .map_or(0, |c| c.documents);
        if stored > 0 || Instant::now() > deadline {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let store = Store::open(&db).expect("the database opens after a kill");
    assert_eq!(scalar(&store, "PRAGMA integrity_check"), "ok");
    let stored = store.counts().unwrap().documents;
    assert!(stored > 0);
    // Only whole documents: every stored document has its sentences and claims.
    let orphans = scalar(&store, "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)");
    assert_eq!(orphans, 0);
    let no_claims = scalar(&store, "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.document_id = d.id)");
    assert_eq!(no_claims, 0);
    drop(store);

    let rerun = Command::new(env!("CARGO_BIN_EXE_claims"))
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        rerun.status.success(),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    let store = Store::open(&db).unwrap();
    assert_eq!(store.counts().unwrap().documents, N as u64);
    assert_eq!(
        scalar(&store, "SELECT COUNT(DISTINCT path) FROM documents"),
        N as u64
    );
}

/// A check whose findings cannot be staged (no temporary directory) fails with an error naming
/// the database and the cause, and leaves the stored findings of the last check as they were;
/// the next check, with a temporary directory, stores the same findings again.
#[test]
fn a_check_that_cannot_stage_its_findings_keeps_the_stored_ones() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("a.txt"),
        "Officials said as many as 8,000 North Korean soldiers are in Russia's Kursk region.",
    )
    .unwrap();
    std::fs::write(
        input.join("b.txt"),
        "Ukraine's intelligence says 12,000 North Korean soldiers are in Russia's Kursk region.",
    )
    .unwrap();
    let db = dir.path().join("c.db");
    let check = |tmp: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_claims"))
            .args(["check", "--format", "json", "--db"])
            .arg(&db)
            .env("TMPDIR", tmp)
            .output()
            .unwrap()
    };
    let ingest = Command::new(env!("CARGO_BIN_EXE_claims"))
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(&input)
        .output()
        .unwrap();
    assert!(ingest.status.success());
    let first = check(dir.path());
    let findings = |db: &std::path::Path| Store::open(db).unwrap().findings().unwrap();
    let stored = findings(&db);
    assert!(!stored.is_empty(), "the fixture should disagree");

    let failed = check(&dir.path().join("no such directory"));
    assert_eq!(failed.status.code(), Some(2));
    let err = String::from_utf8_lossy(&failed.stderr);
    assert!(
        err.contains("c.db") && err.contains("cannot stage") && err.contains("No such file"),
        "{err}"
    );
    assert_eq!(findings(&db), stored);

    let again = check(dir.path());
    assert_eq!(again.status.code(), first.status.code());
    assert_eq!(again.stdout, first.stdout);
    assert_eq!(findings(&db), stored);
}
