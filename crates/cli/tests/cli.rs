//! End-to-end tests of the built `claims` binary against temporary databases.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_claims"));
    c.current_dir(workspace());
    c.env_remove("CLAIMS_DB").env("NO_COLOR", "1");
    c
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run claims")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A temporary database holding the bundled corpus (the directory lives as long as the guard).
fn ingested_corpus() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db").to_str().unwrap().to_string();
    assert!(run(&["ingest", "--db", &db, "--quiet", "corpus"])
        .status
        .success());
    (dir, db)
}

fn corpus_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(workspace().join("corpus"))
        .expect("corpus dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn ingest_twice_adds_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    let first = run(&["ingest", "--db", db, "corpus"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("ingested 5 new, 0 replaced, 0 unchanged, 0 skipped, 0 failed"),
        "{}",
        stderr(&first)
    );
    let second = run(&["ingest", "--db", db, "corpus"]);
    assert!(second.status.success());
    assert!(
        stderr(&second).contains("ingested 0 new, 0 replaced, 5 unchanged, 0 skipped, 0 failed"),
        "{}",
        stderr(&second)
    );
}

#[test]
fn check_exits_one_on_contradictions_and_prints_the_contract_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let out = run(&[
        "check",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "json",
        "corpus",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let findings = v["findings"].as_array().expect("findings list");
    assert!(!findings.is_empty());
    for f in findings {
        for key in ["id", "kind", "severity", "subject", "summary"] {
            assert!(f[key].is_string(), "{key} missing in {f}");
        }
        for c in f["claims"].as_array().expect("claims") {
            let path = workspace().join(c["document"].as_str().expect("document"));
            let bytes = std::fs::read(&path).expect("document readable");
            let (s, e) = (
                c["start"].as_u64().unwrap() as usize,
                c["end"].as_u64().unwrap() as usize,
            );
            assert!(s < e && e <= bytes.len());
            assert_eq!(
                &bytes[s..e],
                c["quote"].as_str().unwrap().as_bytes(),
                "quote is the span"
            );
        }
    }
}

#[test]
fn check_on_an_empty_database_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.db");
    let out = run(&["check", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("No disagreements found."));
}

#[test]
fn bad_files_are_named_and_the_good_ones_still_go_in() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("empty.txt"), "").unwrap();
    std::fs::write(input.join("binary.txt"), b"abc\0def").unwrap();
    std::fs::write(input.join("latin1.txt"), b"caf\xe9").unwrap();
    std::fs::write(
        input.join("good.txt"),
        "In June 2024, Putin visited North Korea.",
    )
    .unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    // Something stored earlier must survive.
    assert!(
        run(&["ingest", "--db", db, "corpus/003_d3d8e2e823447ecf.txt"])
            .status
            .success()
    );
    let missing = dir.path().join("missing.txt");
    let out = run(&[
        "ingest",
        "--db",
        db,
        input.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(
        err.contains("binary.txt: looks binary (NUL byte at offset 3)"),
        "{err}"
    );
    // Windows-1252/Latin-1 text is decoded (see docs/inputs.md), not refused.
    assert!(
        !err.lines()
            .any(|l| l.starts_with("claims: skipped") && l.contains("latin1.txt")),
        "{err}"
    );
    assert!(
        err.contains("note: ")
            && err.contains(
                "latin1.txt: not valid UTF-8 (first bad byte at offset 3): decoded as Windows-1252"
            ),
        "{err}"
    );
    assert!(
        err.contains("missing.txt: no such file or directory"),
        "{err}"
    );
    assert!(
        err.contains("ingested 2 new, 0 replaced, 0 unchanged, 3 skipped, 0 failed"),
        "{err}"
    );
    let again = run(&["ingest", "--db", db, "corpus/003_d3d8e2e823447ecf.txt"]);
    assert!(stderr(&again).contains("1 unchanged"), "{}", stderr(&again));
}

#[test]
fn a_file_that_is_not_a_claims_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.db");
    std::fs::write(&db, "these are my notes, not a database").unwrap();
    let out = run(&["check", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("notes.db"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&db).unwrap(),
        "these are my notes, not a database"
    );
}

#[test]
fn a_changed_file_becomes_a_new_version() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    std::fs::write(&file, "In June 2024, Putin visited North Korea.").unwrap();
    assert!(run(&["ingest", "--db", db, file.to_str().unwrap()])
        .status
        .success());
    std::fs::write(&file, "In November 2024, Putin visited North Korea.").unwrap();
    let out = run(&["ingest", "--db", db, file.to_str().unwrap()]);
    assert!(
        stderr(&out).contains("0 new, 1 replaced"),
        "{}",
        stderr(&out)
    );
    // Only the current version is checked: no contradiction with the old one.
    let check = run(&["check", "--db", db]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
}

#[test]
fn extract_reads_standard_input() {
    let mut child = bin()
        .args([
            "extract",
            "--format",
            "json",
            "--reference-date",
            "2024-11-29",
            "-",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"As many as 8,000 North Korean soldiers arrived two days ago.")
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["reference_date"], "2024-11-29");
    assert_eq!(v["quantities"][0]["low"], 0.0);
    assert_eq!(v["quantities"][0]["high"], 8000.0);
    assert_eq!(v["times"][0]["value"], "2024-11-27");
}

/// Checks the invariants of an extraction before its snapshot is taken.
fn assert_extraction_invariants(text: &str, v: &serde_json::Value) {
    for list in ["quantities", "times", "entities"] {
        for m in v[list].as_array().unwrap() {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], m["text"].as_str().unwrap(), "{list} span");
        }
    }
    for q in v["quantities"].as_array().unwrap() {
        if let (Some(l), Some(h)) = (q["low"].as_f64(), q["high"].as_f64()) {
            assert!(l <= h, "low ≤ high in {q}");
        }
    }
    for t in v["times"].as_array().unwrap() {
        if let (Some(a), Some(b)) = (t["earliest"].as_str(), t["latest"].as_str()) {
            assert!(a <= b, "earliest ≤ latest in {t}");
        }
    }
    for c in v["claims"].as_array().unwrap() {
        let (s, e) = (
            c["span"]["start"].as_u64().unwrap() as usize,
            c["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], c["quote"].as_str().unwrap());
    }
}

#[test]
fn extract_snapshots_of_the_corpus() {
    for file in corpus_files() {
        let out = bin()
            .args(["extract", "--format", "json"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        assert_extraction_invariants(&text, &v);
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        insta::assert_json_snapshot!(format!("extract_{name}"), v);
    }
}

#[test]
fn check_report_snapshots_of_the_corpus() {
    let (_dir, db) = ingested_corpus();
    let db = db.as_str();
    let text = run(&["check", "--db", db]);
    insta::assert_snapshot!("check_text", stdout(&text));
    let md = run(&["check", "--db", db, "--format", "markdown"]);
    insta::assert_snapshot!("check_markdown", stdout(&md));
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["check", "--db", db, "--format", "json"]).stdout).unwrap();
    insta::assert_json_snapshot!("check_json", json, { ".findings[].claims[].claim_id" => "[id]" });
    let entities: serde_json::Value =
        serde_json::from_slice(&run(&["entities", "--db", db, "--format", "json"]).stdout).unwrap();
    insta::assert_json_snapshot!("entities_json", entities, { ".entities[].id" => "[id]" });
}

#[test]
fn analyst_corrections_change_entities_at_once_and_survive_reingest() {
    let (_dir, db) = ingested_corpus();
    let db = db.as_str();
    let ids = |db: &str, name: &str| -> Vec<u64> {
        let v: serde_json::Value =
            serde_json::from_slice(&run(&["entities", "--db", db, "--format", "json"]).stdout)
                .unwrap();
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| {
                e["aliases"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|a| a["text"] == name)
            })
            .map(|e| e["id"].as_u64().unwrap())
            .collect()
    };
    // The machine merges the garbled translation with the minister; the analyst says no.
    assert_eq!(ids(db, "Nur Gwangtie"), ids(db, "No Kwang Chol"));
    let out = run(&[
        "alias",
        "--db",
        db,
        "--who",
        "tester",
        "cannot-link",
        "Nur Gwangtie",
        "No Kwang Chol",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_ne!(ids(db, "Nur Gwangtie"), ids(db, "No Kwang Chol"));
    // Renames apply to the entity's display name.
    assert!(run(&[
        "alias",
        "--db",
        db,
        "rename",
        "Kim Jong Un",
        "Kim Jong-un (DPRK leader)"
    ])
    .status
    .success());
    let v: serde_json::Value =
        serde_json::from_slice(&run(&["entities", "--db", db, "--format", "json"]).stdout).unwrap();
    assert!(
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["name"] == "Kim Jong-un (DPRK leader)"),
        "{v}"
    );
    // Corrections survive re-ingesting a changed corpus.
    assert!(run(&["ingest", "--db", db, "--quiet", "corpus"])
        .status
        .success());
    assert_ne!(ids(db, "Nur Gwangtie"), ids(db, "No Kwang Chol"));
    let list = run(&["alias", "--db", db, "list"]);
    assert!(
        stdout(&list).contains("cannot_link\tNur Gwangtie\tNo Kwang Chol\ttester"),
        "{}",
        stdout(&list)
    );
}

#[test]
fn check_filters_and_claimreview_export() {
    let (_dir, db) = ingested_corpus();
    let db = db.as_str();
    let findings = |args: &[&str]| -> Vec<serde_json::Value> {
        let mut all = vec!["check", "--db", db, "--format", "json"];
        all.extend_from_slice(args);
        let v: serde_json::Value = serde_json::from_slice(&run(&all).stdout).unwrap();
        v["findings"].as_array().unwrap().clone()
    };
    let dates = findings(&["--kind", "date"]);
    assert!(!dates.is_empty() && dates.iter().all(|f| f["kind"] == "date"));
    let hard = findings(&["--min-severity", "contradiction"]);
    assert!(!hard.is_empty() && hard.iter().all(|f| f["severity"] == "contradiction"));
    let kursk = findings(&["--subject", "KURSK"]);
    assert!(
        !kursk.is_empty()
            && kursk
                .iter()
                .all(|f| f["subject"].as_str().unwrap().contains("Kursk"))
    );
    let doc = findings(&["--document", "004_"]);
    assert!(!doc.is_empty());
    assert!(doc.iter().all(|f| f["claims"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["document"].as_str().unwrap().contains("004_"))));
    // Only tensions left after filtering: exit 0.
    let out = run(&["check", "--db", db, "--subject", "ratification"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    let review = run(&["check", "--db", db, "--format", "claimreview"]);
    let v: serde_json::Value = serde_json::from_slice(&review.stdout).unwrap();
    let items = v.as_array().unwrap();
    assert!(!items.is_empty());
    for item in items {
        assert_eq!(item["@type"], "ClaimReview");
        assert!(item["claimReviewed"]
            .as_str()
            .is_some_and(|q| !q.is_empty()));
        assert!(item["reviewRating"]["alternateName"].is_string());
    }
}

#[test]
fn search_finds_sentences_with_their_documents() {
    let (_dir, db) = ingested_corpus();
    let db = db.as_str();
    let out = run(&["search", "--db", db, "--format", "json", "Kursk troops"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hits = v["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    for h in hits {
        let text = h["text"].as_str().unwrap().to_lowercase();
        assert!(text.contains("kursk") && text.contains("troop"), "{text}");
        let bytes = std::fs::read(workspace().join(h["document"].as_str().unwrap())).unwrap();
        let (s, e) = (
            h["start"].as_u64().unwrap() as usize,
            h["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&bytes[s..e], h["text"].as_str().unwrap().as_bytes());
    }
    // Hostile input is a query, not an error.
    assert!(
        run(&["search", "--db", db, "\" OR 1=1; DROP TABLE claims; --"])
            .status
            .success()
    );
}

#[test]
fn export_writes_json_lines_that_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    let out_dir = dir.path().join("export");
    assert!(run(&["check", "--db", db, "corpus"]).status.code() == Some(1));
    let out = run(&["export", "--db", db, "--out", out_dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let read = |name: &str| -> Vec<serde_json::Value> {
        std::fs::read_to_string(out_dir.join(name))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
            .collect()
    };
    assert_eq!(read("documents.jsonl").len(), 5);
    let claims = read("claims.jsonl");
    assert!(claims
        .iter()
        .any(|c| c["kind"] == "count" && c["value"]["interval"]["high"] == 8000.0));
    // Every claim round-trips into the model type.
    for c in &claims {
        let _: claims_model::Claim = serde_json::from_value(c.clone()).expect("a Claim");
    }
    assert!(!read("entities.jsonl").is_empty());
    let findings = read("findings.jsonl");
    assert!(findings.iter().any(|f| f["severity"] == "contradiction"));
}

#[test]
fn parquet_export_holds_the_same_claims_as_the_json_lines_export() {
    use parquet::file::reader::{FileReader, SerializedFileReader};

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    assert!(run(&["check", "--db", db, "corpus"]).status.code() == Some(1));
    let jsonl = dir.path().join("jsonl");
    let pq = dir.path().join("parquet");
    let out = run(&["export", "--db", db, "--out", jsonl.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(&[
        "export",
        "--db",
        db,
        "--out",
        pq.to_str().unwrap(),
        "--format",
        "parquet",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = |name: &str| -> Vec<serde_json::Value> {
        let file = std::fs::File::open(pq.join(name)).expect(name);
        let reader = SerializedFileReader::new(file).expect("a Parquet file");
        reader
            .get_row_iter(None)
            .expect("rows")
            .map(|r| {
                use parquet::record::Field;
                let r = r.expect("row");
                let mut o = serde_json::Map::new();
                for (name, field) in r.get_column_iter() {
                    let v = match field {
                        Field::Null => serde_json::Value::Null,
                        Field::Long(n) => (*n).into(),
                        Field::Double(x) => (*x).into(),
                        Field::Str(t) => t.clone().into(),
                        other => panic!("unexpected Parquet field {other:?}"),
                    };
                    o.insert(name.clone(), v);
                }
                serde_json::Value::Object(o)
            })
            .collect()
    };
    let documents = rows("documents.parquet");
    assert_eq!(documents.len(), 5);
    let by_id: std::collections::HashMap<i64, serde_json::Value> = rows("claims.parquet")
        .into_iter()
        .map(|r| (r["id"].as_i64().expect("id"), r))
        .collect();
    let claims: Vec<serde_json::Value> = std::fs::read_to_string(jsonl.join("claims.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(by_id.len(), claims.len());
    for c in &claims {
        let row = &by_id[&c["id"].as_i64().unwrap()];
        assert_eq!(row["quote"], c["quote"]);
        assert_eq!(row["kind"], c["kind"]);
        assert_eq!(row["document"], c["document"]);
        assert_eq!(row["start_byte"], c["span"]["start"]);
        if c["kind"] == "count" {
            let high = &c["value"]["interval"]["high"];
            assert!(
                row["high"] == *high || (row["high"].is_null() && high.is_null()),
                "{row} vs {c}"
            );
        }
    }
    // The findings' claim links join to the exported claims.
    let links = rows("finding_claims.parquet");
    assert!(!links.is_empty());
    for l in &links {
        assert!(by_id.contains_key(&l["claim_id"].as_i64().unwrap()), "{l}");
    }
    let findings = rows("findings.parquet");
    assert!(findings.iter().any(|f| f["severity"] == "contradiction"));
    assert!(!rows("entities.parquet").is_empty());
    assert!(rows("entity_mentions.parquet")
        .iter()
        .any(|m| !m["entity_id"].is_null()));
}

#[test]
fn html_pages_and_json_lines_exports_are_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("page.html"),
        "<html><head><title>T</title><meta property=\"article:published_time\" content=\"2024-11-29\">\
         <script>var x = '8,000 troops';</script></head><body><nav>Home | 9,999 readers</nav>\
         <article><p>In June 2024, Vladimir Putin visited North Korea.</p></article></body></html>",
    )
    .unwrap();
    std::fs::write(
        input.join("export.jsonl"),
        "{\"text\": \"In November 2024, Vladimir Putin visited North Korea.\", \"published\": \"2024-12-01\"}\n\
         not json\n\
         {\"text\": \"As many as 8,000 North Korean soldiers are stationed in Russia's Kursk region.\"}\n",
    )
    .unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    let out = run(&["ingest", "--db", db, input.to_str().unwrap()]);
    let err = stderr(&out);
    // The bad line is named with its line number; the other lines and the page go in.
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("export.jsonl, line 2"), "{err}");
    assert!(err.contains("ingested 3 new"), "{err}");
    // The page's script and navigation are not text: only the article's visit is a claim, and it
    // contradicts the export's date for the same visit.
    let v: serde_json::Value =
        serde_json::from_slice(&run(&["check", "--db", db, "--format", "json"]).stdout).unwrap();
    let subjects: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["subject"].as_str().unwrap())
        .collect();
    assert!(
        subjects
            .iter()
            .any(|s| s.contains("visit by Vladimir Putin")),
        "{subjects:?}"
    );
    let estimates = v["estimates"].as_array().unwrap();
    assert!(
        estimates.iter().all(|e| e["high"] != 9999.0),
        "navigation text leaked: {estimates:?}"
    );
}

#[test]
fn html_report_is_one_self_contained_page() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let out = run(&[
        "check",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "html",
        "corpus",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let page = stdout(&out);
    assert!(
        page.starts_with("<!DOCTYPE html>") || page.starts_with("<!doctype html>"),
        "{}",
        &page[..80.min(page.len())]
    );
    assert!(page.contains("<svg"), "a chart for numeric subjects");
    assert!(page.contains("Kursk Oblast"));
    for external in ["src=\"http", "href=\"http", "<script src", "@import"] {
        assert!(!page.contains(external), "external resource {external}");
    }
}

/// `args` with `--output` in a directory that does not exist: exit 2, and the message names the
/// file.
fn refuses_unwritable_output(args: &[&str]) {
    let path = "/nonexistent/dir/out";
    let mut with_output = args.to_vec();
    with_output.extend(["--output", path]);
    let bad = run(&with_output);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains(&format!("{path}: cannot write")),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn output_file_and_shell_completions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let report = dir.path().join("report.md");
    let out = run(&[
        "check",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "markdown",
        "--output",
        report.to_str().unwrap(),
        "corpus",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert!(std::fs::read_to_string(&report)
        .unwrap()
        .starts_with("# Disagreements between sources"));
    refuses_unwritable_output(&["entities", "--db", db.to_str().unwrap()]);
    let bash = run(&["completions", "bash"]);
    assert!(bash.status.success());
    assert!(stdout(&bash).contains("claims") && stdout(&bash).contains("ingest"));
}

#[test]
fn json_report_is_streamed_to_a_file_or_a_pipe_that_closes_early() {
    let (dir, db) = ingested_corpus();
    let on_stdout = run(&["check", "--db", &db, "--format", "json"]);
    assert_eq!(on_stdout.status.code(), Some(1));
    let report = stdout(&on_stdout);
    let v: serde_json::Value = serde_json::from_str(&report).expect("the report is JSON");
    assert!(v["findings"].as_array().is_some_and(|f| !f.is_empty()));
    assert!(v["estimates"].is_array());
    assert!(report.ends_with("}\n"));

    let file = dir.path().join("report.json");
    let to_file = run(&[
        "check",
        "--db",
        &db,
        "--format",
        "json",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert_eq!(to_file.status.code(), Some(1));
    assert!(stdout(&to_file).is_empty());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), report);

    refuses_unwritable_output(&["check", "--db", &db, "--format", "json"]);

    // `claims check --format json | head -c 64`: the reader goes away mid-report. The report
    // must be larger than a pipe's buffer for the writer to see the pipe close, so it is made
    // from generated articles.
    let gen = dir.path().join("gen");
    claims_gen::generate(&claims_gen::Config {
        docs: 120,
        seed: 3,
        out: gen.clone(),
    })
    .expect("generate articles");
    let big = dir.path().join("big.db");
    let big = big.to_str().unwrap();
    assert!(
        run(&["ingest", "--db", big, "--quiet", gen.to_str().unwrap()])
            .status
            .success()
    );
    let whole = run(&["check", "--db", big, "--format", "json"]);
    assert!(whole.stdout.len() > 2 << 16, "{} bytes", whole.stdout.len());
    let mut child = bin()
        .args(["check", "--db", big, "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn claims");
    let mut first = [0u8; 64];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(&first[..], &whole.stdout[..64]);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    // A reader that stopped reading is not an error (as with `head`): quiet, exit 0.
    assert_eq!(out.status.code(), Some(0));
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = r
        .records()
        .map(|rec| {
            rec.expect("a CSV record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn tabular_outputs_have_a_csv_format_that_matches_their_json() {
    let (_dir, db) = ingested_corpus();
    // check: one row per claim of each finding.
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["check", "--db", &db, "--format", "json"]).stdout).unwrap();
    let out = run(&["check", "--db", &db, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let (header, rows) = csv_rows(&stdout(&out));
    assert_eq!(header[0], "finding_id");
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let findings = json["findings"].as_array().unwrap();
    let expected: usize = findings
        .iter()
        .map(|f| f["claims"].as_array().unwrap().len())
        .sum();
    assert_eq!(rows.len(), expected);
    for f in findings {
        let id = f["id"].as_str().unwrap();
        let mine: Vec<&Vec<String>> = rows.iter().filter(|r| r[col("finding_id")] == id).collect();
        assert_eq!(mine.len(), f["claims"].as_array().unwrap().len(), "{id}");
        for (row, claim) in mine.iter().zip(f["claims"].as_array().unwrap()) {
            assert_eq!(row[col("severity")], f["severity"].as_str().unwrap());
            assert_eq!(row[col("quote")], claim["quote"].as_str().unwrap());
            assert_eq!(row[col("document")], claim["document"].as_str().unwrap());
        }
    }

    // entities
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["entities", "--db", &db, "--format", "json"]).stdout)
            .unwrap();
    let (header, rows) = csv_rows(&stdout(&run(&["entities", "--db", &db, "--format", "csv"])));
    assert_eq!(header, ["id", "name", "kind", "aliases", "mention_count"]);
    assert_eq!(rows.len(), json["entities"].as_array().unwrap().len());
    assert!(rows
        .iter()
        .any(|r| r[1] == "North Korea" && r[2] == "place"));

    // search: quotes and commas inside sentences survive.
    let (header, rows) = csv_rows(&stdout(&run(&[
        "search", "--db", &db, "--format", "csv", "troops",
    ])));
    assert_eq!(header[0], "document");
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| r[4].to_lowercase().contains("troop")),
        "{rows:?}"
    );

    // alias list
    assert!(run(&[
        "alias",
        "--db",
        &db,
        "merge",
        "No Kwang Chol",
        "Nur Gwangtie"
    ])
    .status
    .success());
    let (header, rows) = csv_rows(&stdout(&run(&[
        "alias", "--db", &db, "list", "--format", "csv",
    ])));
    assert_eq!(
        header,
        ["id", "kind", "a", "b", "who", "note", "created_at"]
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][1..4], ["merge", "No Kwang Chol", "Nur Gwangtie"]);
}

#[test]
fn man_pages_are_printed_for_the_program_and_each_command() {
    let out = run(&["man"]);
    assert!(out.status.success());
    let page = stdout(&out);
    assert!(page.contains(".TH claims 1"), "{page}");
    for command in [
        "ingest", "check", "entities", "alias", "search", "export", "extract",
    ] {
        assert!(page.contains(command), "{command} in the program's page");
    }
    let page = stdout(&run(&["man", "check"]));
    assert!(page.contains(".TH claims-check 1"), "{page}");
    assert!(page.contains("min\\-severity"), "{page}");
    let out = run(&["man", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no command \"nope\""),
        "{}",
        stderr(&out)
    );
}
