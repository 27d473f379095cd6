//! Hostile and odd inputs through the built binary: each file is ingested or skipped with a
//! one-line reason naming it, the run goes on, and the end summary and exit code say what
//! happened (README: `claims ingest` exits 0 when everything was stored, 3 when it stored what
//! it could but skipped some inputs).

use std::path::Path;
use std::process::{Command, Output};

use claims_store::Store;

/// `claims ingest` exit code when some inputs were skipped (README, `crates/cli/src/error.rs`).
const EXIT_PARTIAL: i32 = 3;

fn ingest(db: &Path, inputs: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claims"))
        .env_remove("CLAIMS_DB")
        .env("NO_COLOR", "1")
        .arg("ingest")
        .arg("--db")
        .arg(db)
        .args(inputs)
        .output()
        .expect("run claims")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The `claims: skipped …` lines of a run.
fn skipped_lines(o: &Output) -> Vec<String> {
    stderr(o)
        .lines()
        .filter(|l| l.starts_with("claims: skipped "))
        .map(str::to_string)
        .collect()
}

fn summary_line(o: &Output) -> String {
    stderr(o)
        .lines()
        .rfind(|l| l.starts_with("ingested "))
        .unwrap_or_else(|| panic!("no summary line:\n{}", stderr(o)))
        .to_string()
}

/// A run that skipped exactly one input, naming `name` with `reason`, and stored the one other
/// file: exit 3 and the matching summary. Returns the skipped line.
fn skipped_one(o: &Output, name: &str, reason: &str) -> String {
    assert_eq!(o.status.code(), Some(EXIT_PARTIAL), "{}", stderr(o));
    let skipped = skipped_lines(o);
    assert_eq!(skipped.len(), 1, "{}", stderr(o));
    assert!(
        skipped[0].contains(name) && skipped[0].contains(reason),
        "{}",
        skipped[0]
    );
    assert_eq!(
        summary_line(o),
        "ingested 1 new, 0 replaced, 0 unchanged, 1 skipped, 0 failed"
    );
    skipped[0].clone()
}

fn documents(db: &Path) -> Vec<String> {
    let store = Store::open(db).expect("open the database");
    store
        .query("SELECT path FROM documents WHERE superseded_by IS NULL ORDER BY path")
        .expect("documents")
        .rows
        .into_iter()
        .map(|r| r[0].as_str().unwrap_or_default().to_string())
        .collect()
}

fn count(db: &Path, table: &str) -> usize {
    let store = Store::open(db).expect("open the database");
    let n = store
        .query(&format!("SELECT count(*) FROM {table}"))
        .expect("count")
        .rows[0][0]
        .as_i64()
        .unwrap_or(0);
    usize::try_from(n).unwrap_or(0)
}

/// A paragraph of four sentences, one of them with a figure: news prose, on one line.
const PROSE: &str = "The delegation travelled north along the river road before dawn, and the \
                     talks that followed lasted most of the day. Observers described the mood as \
                     tense but businesslike; neither side spoke to reporters afterwards. Officials \
                     said about 3,000 North Korean troops arrived in Kursk on 3 November 2024. \
                     Local residents reported long convoys and closed roads near the border. ";

fn one_line_of(bytes: usize) -> String {
    let mut s = PROSE.repeat(bytes / PROSE.len() + 1);
    s.truncate(bytes);
    s.push('\n');
    s
}

fn ingest_one_line(dir: &Path, name: &str, bytes: usize) {
    let file = dir.join(name);
    std::fs::write(&file, one_line_of(bytes)).expect("write");
    let db = dir.join(format!("{name}.db"));
    let out = ingest(&db, &[&file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        summary_line(&out)
            .starts_with("ingested 1 new, 0 replaced, 0 unchanged, 0 skipped, 0 failed"),
        "{}",
        stderr(&out)
    );
    // The whole line was read: every paragraph gives its four sentences and its claim.
    let paragraphs = bytes / PROSE.len();
    let (sentences, claims) = (count(&db, "sentences"), count(&db, "claims"));
    assert!(
        sentences >= 4 * paragraphs,
        "{sentences} sentences for {paragraphs} paragraphs"
    );
    assert!(
        claims >= paragraphs,
        "{claims} claims for {paragraphs} paragraphs"
    );
}

/// A single 5 MB line of prose is ingested whole. (That this stays linear is measured by the
/// criterion bench of claims-extract, not timed here: see docs/performance.md.)
#[test]
fn a_single_five_megabyte_line_is_ingested() {
    let dir = tempfile::tempdir().expect("tempdir");
    ingest_one_line(dir.path(), "five-mb.txt", 5 << 20);
}

/// A 200 MB file (sparse: no disk is spent) is over the size limit: skipped with one line naming
/// it, without being read; the other file goes in; exit 3.
#[test]
fn a_file_over_the_size_limit_is_skipped_and_the_others_ingested() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    let huge = std::fs::File::create(input.join("huge.txt")).expect("create");
    huge.set_len(200 << 20).expect("sparse 200 MB");
    drop(huge);
    std::fs::write(input.join("ok.txt"), PROSE).expect("write");
    let db = dir.path().join("c.db");
    let out = ingest(&db, &[&input]);
    let skipped = skipped_one(&out, "huge.txt", "too large");
    assert!(skipped.contains(&(200u64 << 20).to_string()), "{skipped}");
    let docs = documents(&db);
    assert_eq!(docs.len(), 1);
    assert!(docs[0].ends_with("ok.txt"), "{docs:?}");
}

/// File names that are not UTF-8 are read, and two that differ only in such a byte stay two
/// documents (a lossy name would make one a new version of the other on every run).
#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_are_ingested_as_distinct_documents() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    for (name, figure) in [
        (&b"caf\xe9.txt"[..], "3,000"),
        (&b"caf\xe8.txt"[..], "9,000"),
    ] {
        std::fs::write(
            input.join(std::ffi::OsStr::from_bytes(name)),
            format!("About {figure} troops arrived in Kursk on 3 November 2024.\n"),
        )
        .expect("write");
    }
    let db = dir.path().join("c.db");
    let out = ingest(&db, &[&input]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        summary_line(&out),
        "ingested 2 new, 0 replaced, 0 unchanged, 0 skipped, 0 failed"
    );
    let docs = documents(&db);
    assert_eq!(docs.len(), 2, "{docs:?}");
    assert!(docs[0].ends_with("caf\\xE8.txt"), "{docs:?}");
    assert!(docs[1].ends_with("caf\\xE9.txt"), "{docs:?}");
    // And a second run finds both unchanged.
    let again = ingest(&db, &[&input]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(
        summary_line(&again),
        "ingested 0 new, 0 replaced, 2 unchanged, 0 skipped, 0 failed"
    );
}

/// A file without read permission is skipped with one line naming it; the rest go in; exit 3.
/// Root reads it all the same, so the assertions are skipped there.
#[cfg(unix)]
#[test]
fn an_unreadable_file_is_skipped_with_a_reason() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    let locked = input.join("locked.txt");
    std::fs::write(&locked, PROSE).expect("write");
    std::fs::write(input.join("open.txt"), PROSE).expect("write");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::File::open(&locked).is_ok() {
        eprintln!("running as root (mode 000 does not stop it): unreadable-file check skipped");
        return;
    }
    let db = dir.path().join("c.db");
    let out = ingest(&db, &[&input]);
    skipped_one(&out, "locked.txt", "cannot read");
}

/// Directories nested 200 deep are walked (the walk keeps its own stack, not the call stack).
#[test]
fn deeply_nested_directories_are_walked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    let mut deep = input.clone();
    for _ in 0..200 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).expect("mkdir -p");
    std::fs::write(deep.join("bottom.txt"), PROSE).expect("write");
    std::fs::write(input.join("top.txt"), PROSE).expect("write");
    let db = dir.path().join("c.db");
    let out = ingest(&db, &[&input]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        summary_line(&out),
        "ingested 2 new, 0 replaced, 0 unchanged, 0 skipped, 0 failed"
    );
    let docs = documents(&db);
    assert!(
        docs.iter()
            .any(|d| d.ends_with("bottom.txt") && d.matches("/d").count() == 200),
        "{docs:?}"
    );
}

/// Everything at once, with an empty file, a binary file, a missing path and good files: every
/// bad input has exactly one line, the good ones are stored, and the summary adds up.
#[test]
fn a_mixed_batch_reports_each_bad_input_once_and_the_summary_adds_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    std::fs::write(input.join("a.txt"), PROSE).expect("write");
    std::fs::write(input.join("b.md"), PROSE.replace("3,000", "4,000")).expect("write");
    std::fs::write(input.join("empty.txt"), b"").expect("write");
    std::fs::write(input.join("blob.txt"), b"PK\x03\x04\x00\x00binary").expect("write");
    let missing = dir.path().join("missing.txt");
    let db = dir.path().join("c.db");
    let out = ingest(&db, &[&input, &missing]);
    assert_eq!(out.status.code(), Some(EXIT_PARTIAL), "{}", stderr(&out));
    let skipped = skipped_lines(&out);
    assert_eq!(skipped.len(), 3, "{}", stderr(&out));
    for (name, reason) in [
        ("empty.txt", "empty"),
        ("blob.txt", "binary"),
        ("missing.txt", "no such file"),
    ] {
        assert_eq!(
            skipped
                .iter()
                .filter(|l| l.contains(name) && l.contains(reason))
                .count(),
            1,
            "{name}: {skipped:?}"
        );
    }
    assert_eq!(
        summary_line(&out),
        "ingested 2 new, 0 replaced, 0 unchanged, 3 skipped, 0 failed"
    );
    assert_eq!(documents(&db).len(), 2);
}

/// One long run of figures without a sentence end (a scraped table or list) was quadratic: every
/// claim looked at, and quoted, its whole "sentence". Such runs are now cut into pieces of at most
/// `MAX_SENTENCE_BYTES` (claims-text), which bounds the work and the quote per claim. This checks
/// the mechanism on the binary's output; the time is measured by the criterion bench of
/// claims-extract (`long_run_of_figures`).
#[test]
fn one_long_run_of_figures_is_cut_into_bounded_sentences_and_every_figure_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pattern = "about 3,000 troops, ";
    let file = dir.path().join("run.txt");
    let text = pattern.repeat(3_000); // 60 KB, no full stop
    std::fs::write(&file, &text).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_claims"))
        .args([
            "extract",
            "--format",
            "json",
            "--reference-date",
            "2024-11-01",
        ])
        .arg(&file)
        .output()
        .expect("run claims");
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let claims = v["claims"].as_array().expect("claims");
    assert_eq!(claims.len(), 3_000, "one claim per figure");
    for c in claims {
        let quote = c["quote"].as_str().expect("quote");
        assert!(quote.len() <= 2_000, "quote of {} bytes", quote.len());
        assert!(quote.starts_with("about 3,000 troops"), "{quote:.60}");
    }
}
