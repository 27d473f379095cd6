//! `claims check --touched`: comparing only the groups touched since the last check must leave
//! the stored findings exactly as a full check would, and report every finding of the new
//! documents. Each scenario checks with `--touched`, then copies the database and runs a full
//! check on the copy: the full check must find nothing to change in the stored findings.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_claims"));
    c.current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."));
    c.env_remove("CLAIMS_DB").env("NO_COLOR", "1");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run claims")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ingest(db: &str, path: &Path) {
    let out = run(&["ingest", "--db", db, "--quiet", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// Runs a check (exit 0 or 1) and returns its JSON report and standard error.
fn check(db: &str, extra: &[&str]) -> (serde_json::Value, String) {
    let mut args = vec!["check", "--db", db, "--format", "json"];
    args.extend_from_slice(extra);
    let out = run(&args);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let report = serde_json::from_slice(&out.stdout).expect("JSON report");
    (report, stderr(&out))
}

/// Every stored finding: id -> (JSON, claim ids in position order).
fn stored_findings(db: &str) -> BTreeMap<String, (String, Vec<i64>)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut out = BTreeMap::new();
    let mut stmt = conn
        .prepare("SELECT id, finding_json FROM findings")
        .unwrap();
    for row in stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
    {
        let (id, json) = row.unwrap();
        let mut links = conn
            .prepare("SELECT claim_id FROM finding_claims WHERE finding_id = ?1 ORDER BY position")
            .unwrap();
        let claims: Vec<i64> = links
            .query_map([&id], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        out.insert(id, (json, claims));
    }
    out
}

fn stored_groups(db: &str) -> BTreeMap<i64, String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT claim_id, check_key FROM claim_keys")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows
}

/// A copy of `db` (through SQLite, so nothing in its WAL is missed).
fn copy_db(db: &str, to: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute("VACUUM INTO ?1", [to.to_str().unwrap()])
        .unwrap();
    to.to_str().unwrap().to_string()
}

fn findings_by_id(report: &serde_json::Value) -> BTreeMap<String, serde_json::Value> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| (f["id"].as_str().unwrap().to_string(), f.clone()))
        .collect()
}

/// After a `--touched` check of `db`: a full check of a copy changes no stored finding and no
/// stored group, and its report holds every finding the touched report shows, unchanged, and
/// every finding with a claim of a document whose path contains one of `new_docs`.
fn assert_same_as_full_check(
    db: &str,
    touched: &serde_json::Value,
    dir: &Path,
    name: &str,
    new_docs: &[String],
) {
    let before = stored_findings(db);
    let groups = stored_groups(db);
    let copy = copy_db(db, &dir.join(name));
    let (full, _) = check(&copy, &[]);
    let after = stored_findings(&copy);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "a full check stores other findings than the touched check left"
    );
    assert_eq!(before, after, "a full check changed a stored finding");
    assert_eq!(
        groups,
        stored_groups(&copy),
        "a full check regrouped claims"
    );
    let full = findings_by_id(&full);
    let shown = findings_by_id(touched);
    for (id, f) in &shown {
        assert_eq!(
            full.get(id),
            Some(f),
            "touched finding {id} differs from the full check"
        );
    }
    for (id, f) in &full {
        let of_new = f["claims"].as_array().unwrap().iter().any(|c| {
            let doc = c["document"].as_str().unwrap();
            new_docs.iter().any(|n| doc.contains(n.as_str()))
        });
        if of_new {
            assert!(
                shown.contains_key(id),
                "finding {id} of a new document not reported"
            );
        }
    }
}

/// Generated articles split into a first batch of `first` and a second batch of the rest.
fn batches(dir: &Path, docs: u64, first: usize) -> (PathBuf, PathBuf, Vec<String>) {
    let gen = dir.join("gen");
    claims_gen::generate(&claims_gen::Config {
        docs,
        seed: 11,
        out: gen.clone(),
    })
    .expect("generate articles");
    let (a, b) = (dir.join("a"), dir.join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&gen)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut second = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let name = f.file_name().unwrap();
        let to = if i < first { &a } else { &b };
        std::fs::copy(f, to.join(name)).unwrap();
        if i >= first {
            second.push(format!("b/{}", name.to_string_lossy()));
        }
    }
    (a, b, second)
}

#[test]
fn a_touched_check_after_a_batch_stores_what_a_full_check_would() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, new_docs) = batches(dir.path(), 150, 120);
    let db = dir.path().join("t.db").to_str().unwrap().to_string();
    ingest(&db, &a);
    let (_, note) = check(&db, &["--touched"]);
    assert!(
        note.contains("compared every group (no previous check to build on)"),
        "{note}"
    );
    ingest(&db, &b);
    let (touched, note) = check(&db, &["--touched"]);
    assert!(
        note.contains(&format!(
            "touched since check run 1 ({} new documents",
            new_docs.len()
        )),
        "{note}"
    );
    assert!(
        !touched["findings"].as_array().unwrap().is_empty(),
        "the second batch should touch groups with findings"
    );
    assert_same_as_full_check(&db, &touched, dir.path(), "full.db", &new_docs);

    // Nothing new: nothing compared, nothing reported, nothing stored changes.
    let before = stored_findings(&db);
    let (again, note) = check(&db, &["--touched"]);
    assert!(note.contains("compared 0 groups"), "{note}");
    assert!(again["findings"].as_array().unwrap().is_empty());
    assert_eq!(before, stored_findings(&db));
}

#[test]
fn a_replaced_document_takes_its_findings_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, _) = batches(dir.path(), 60, 60);
    assert!(std::fs::read_dir(&b).unwrap().next().is_none());
    let db = dir.path().join("t.db").to_str().unwrap().to_string();
    ingest(&db, &a);
    check(&db, &[]);
    // Rewrite every figure of the documents that have findings: their old claims are
    // withdrawn, the new ones land in the same groups with other values.
    let with_findings: Vec<String> = {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT DISTINCT d.path FROM finding_claims fc JOIN claims c ON c.id = fc.claim_id
                   JOIN documents d ON d.id = c.document_id ORDER BY d.path LIMIT 5",
            )
            .unwrap();
        let paths = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        paths
    };
    assert!(!with_findings.is_empty());
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for p in &with_findings {
        let path = workspace.join(p);
        let text = std::fs::read_to_string(&path).unwrap();
        let changed: String = text
            .chars()
            .map(|c| match c {
                '1'..='8' => char::from(c as u8 + 1),
                c => c,
            })
            .collect();
        assert_ne!(text, changed, "{p} has no figure to change");
        std::fs::write(&path, changed).unwrap();
    }
    let out = run(&["ingest", "--db", &db, a.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("{} replaced", with_findings.len())),
        "{}",
        stderr(&out)
    );
    let (touched, note) = check(&db, &["--touched"]);
    assert!(note.contains("touched since check run 1"), "{note}");
    assert_same_as_full_check(&db, &touched, dir.path(), "full.db", &with_findings);
}

#[test]
fn an_analyst_rename_regroups_event_claims() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db").to_str().unwrap().to_string();
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    ingest(&db, &workspace.join("corpus"));
    check(&db, &[]);
    let out = run(&[
        "alias",
        "--db",
        &db,
        "rename",
        "Kim Jong Un",
        "Kim Jong-un (DPRK leader)",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (touched, note) = check(&db, &["--touched"]);
    assert!(note.contains("(0 new documents"), "{note}");
    assert!(!note.contains(" 0 claims regrouped"), "{note}");
    let shown = touched["findings"].as_array().unwrap();
    assert!(!shown.is_empty());
    assert!(
        shown.iter().all(|f| f["subject"]
            .as_str()
            .unwrap()
            .contains("Kim Jong-un (DPRK leader)")),
        "{touched}"
    );
    assert_same_as_full_check(&db, &touched, dir.path(), "full.db", &[]);
}

#[test]
fn a_touched_check_compares_everything_when_it_has_nothing_to_build_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db").to_str().unwrap().to_string();
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    ingest(&db, &workspace.join("corpus"));
    let (first, note) = check(&db, &["--touched"]);
    assert!(note.contains("no previous check to build on"), "{note}");
    let (full, _) = check(&db, &[]);
    assert_eq!(first, full);
    // Other options: the stored findings were computed differently.
    let (_, note) = check(&db, &["--touched", "--agreements"]);
    assert!(note.contains("with other options"), "{note}");
    // An interrupted run: its findings were never stored.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE check_runs SET finished_at = NULL WHERE id = (SELECT max(id) FROM check_runs)",
        [],
    )
    .unwrap();
    drop(conn);
    let (report, note) = check(&db, &["--touched", "--agreements"]);
    assert!(note.contains("was interrupted"), "{note}");
    assert!(!report["findings"].as_array().unwrap().is_empty());
    let (_, note) = check(&db, &["--touched", "--agreements"]);
    assert!(note.contains("compared 0 groups"), "{note}");
}

#[test]
fn in_sentence_arithmetic_of_earlier_documents_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db").to_str().unwrap().to_string();
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    ingest(&db, &workspace.join("corpus"));
    let (full, _) = check(&db, &[]);
    let arithmetic = |r: &serde_json::Value| -> Vec<String> {
        findings_by_id(r)
            .into_iter()
            .filter(|(_, f)| f["kind"] == "arithmetic")
            .map(|(id, _)| id)
            .collect()
    };
    assert!(
        !arithmetic(&full).is_empty(),
        "the corpus states an impossible addition"
    );
    // A new report of a figure in the same group as that addition.
    let batch = dir.path().join("batch");
    std::fs::create_dir_all(&batch).unwrap();
    std::fs::write(
        batch.join("new.txt"),
        "---\ntitle: Troops\npublished: 2025-02-10\n---\n\nNorth Korea has sent about 12,000 \
         troops to Russia, officials said on Monday.\n",
    )
    .unwrap();
    ingest(&db, &batch);
    let (touched, note) = check(&db, &["--touched"]);
    assert!(note.contains("(1 new document,"), "{note}");
    assert!(arithmetic(&touched).is_empty());
    let stored = stored_findings(&db);
    for id in arithmetic(&full) {
        assert!(stored.contains_key(&id), "arithmetic finding {id} lost");
    }
    assert_same_as_full_check(&db, &touched, dir.path(), "full.db", &["new.txt".into()]);
}
