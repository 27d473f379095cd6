//! A database written by an older schema is migrated in place with nothing lost, and the new
//! objects work on it. The fixture `tests/fixtures/schema-v1.sqlite` was made by the claims of
//! schema version 1 (how: `tests/fixtures/README.md`); it is copied to a temporary directory,
//! never opened in place.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use claims_store::{CorrectionKind, Store, StoreError, SCHEMA_VERSION};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use serde_json::{json, Value};

/// Every table of schema version 1 that holds data (the FTS index is checked by searching).
const V1_TABLES: &[&str] = &[
    "documents",
    "sentences",
    "quantities",
    "times",
    "entities",
    "entity_mentions",
    "corrections",
    "claims",
    "findings",
    "finding_claims",
];

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.sqlite")
}

/// A private copy of the fixture in a new temporary directory.
fn copy_of_fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.db");
    std::fs::copy(fixture(), &path).expect("copy the fixture");
    (dir, path)
}

fn value(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) => json!(n),
        ValueRef::Real(x) => json!(x),
        ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
        ValueRef::Blob(b) => json!(b),
    }
}

/// Every row of every v1 table, in rowid order, read with a plain read-only connection.
fn contents(path: &Path) -> BTreeMap<&'static str, Vec<Vec<Value>>> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open read-only");
    let mut out = BTreeMap::new();
    for table in V1_TABLES {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))
            .expect("select");
        let width = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                (0..width)
                    .map(|i| r.get_ref(i).map(value))
                    .collect::<rusqlite::Result<Vec<Value>>>()
            })
            .expect("query")
            .collect::<rusqlite::Result<Vec<_>>>()
            .expect("rows");
        out.insert(*table, rows);
    }
    out
}

fn user_version(path: &Path) -> i64 {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open read-only");
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("user_version")
}

fn integer(v: &Value) -> i64 {
    v.as_i64().unwrap_or_else(|| panic!("not an integer: {v}"))
}

#[test]
fn the_fixture_is_a_version_1_database() {
    let (_dir, path) = copy_of_fixture();
    assert_eq!(user_version(&path), 1);
    // The fixture only tests a migration when there is one to apply.
    const { assert!(SCHEMA_VERSION > 1) };
}

#[test]
fn an_old_database_is_migrated_in_place_with_nothing_lost() {
    let (_dir, path) = copy_of_fixture();
    let before = contents(&path);
    // What the fixture was made with (tests/fixtures/README.md): a sanity check of the copy.
    let count = |t: &str| before[t].len();
    assert_eq!(count("documents"), 6);
    assert_eq!(count("claims"), 47);
    assert_eq!(count("corrections"), 2);
    assert_eq!(count("findings"), 13);
    assert_eq!(count("finding_claims"), 29);

    let store = Store::open(&path).expect("an old database opens and migrates");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    drop(store);
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    let after = contents(&path);
    for table in V1_TABLES {
        assert_eq!(
            before[table].len(),
            after[table].len(),
            "{table}: row count changed by the migration"
        );
        assert_eq!(before[table], after[table], "{table}: rows changed");
    }

    // The Rust readers understand every row the old version wrote.
    let store = Store::open(&path).expect("reopen");
    let counts = store.counts().expect("counts");
    assert_eq!(counts.documents, 5);
    assert_eq!(counts.superseded_documents, 1);
    assert_eq!(counts.corrections, 2);
    assert_eq!(counts.findings, 13);
    let corrections = store.corrections().expect("corrections");
    assert_eq!(corrections.len(), 2);
    assert_eq!(corrections[0].kind, CorrectionKind::Merge);
    assert_eq!(
        (corrections[0].a.as_str(), corrections[0].b.as_str()),
        ("Kim Jong Un", "Kim Jong-un")
    );
    assert_eq!(corrections[1].kind, CorrectionKind::CannotLink);
    assert_eq!(corrections[1].who, "fixture");
    assert_eq!(store.findings().expect("findings").len(), 13);
    let claims = store.claims().expect("claims");
    assert!(!claims.is_empty());
    assert!(store.documents().expect("documents").len() >= 5);
    // The full-text index came through too.
    let hits = store.search("troops", 100).expect("search");
    assert!(
        !hits.is_empty(),
        "full-text search finds nothing after migration"
    );
    assert!(hits.iter().all(|h| h.text.to_lowercase().contains("troop")));

    // Opening again changes nothing.
    let schema = |s: &Store| {
        s.query("SELECT type, name, sql FROM sqlite_schema ORDER BY name")
            .expect("schema")
    };
    let first = schema(&store);
    drop(store);
    let store = Store::open(&path).expect("reopen");
    assert_eq!(schema(&store), first);
    let check = store.query("PRAGMA integrity_check").expect("integrity");
    assert_eq!(check.rows, vec![vec![json!("ok")]]);
}

/// `subject_estimates` on the migrated fixture agrees with the same figures computed here, in
/// Rust, from the claims and documents tables of schema version 1.
#[test]
fn subject_estimates_works_on_a_migrated_database() {
    let (_dir, path) = copy_of_fixture();
    let store = Store::open(&path).expect("migrate");
    let claims = store
        .query(
            "SELECT c.subject_key, c.attribute, c.unit, d.id, d.path, d.source,
                    c.low, c.high, c.earliest, c.latest, c.as_of_earliest, c.as_of_latest,
                    c.modality, c.value_type = 'quantity'
               FROM claims c JOIN documents d ON d.id = c.document_id
              WHERE d.superseded_by IS NULL",
        )
        .expect("claims of v1");

    #[derive(Default)]
    struct Expect {
        claims: i64,
        documents: std::collections::BTreeSet<i64>,
        sources: std::collections::BTreeSet<String>,
        numbers: usize,
        lows: Vec<f64>,
        highs: Vec<f64>,
        as_of: Vec<String>,
    }
    let mut expected: BTreeMap<(String, String), Expect> = BTreeMap::new();
    for r in &claims.rows {
        if !matches!(r[12].as_str(), Some("asserted" | "reported")) {
            continue;
        }
        let key = (
            r[0].as_str().unwrap_or_default().to_string(),
            r[1].as_str().unwrap_or_default().to_string(),
        );
        let e = expected.entry(key).or_default();
        e.claims += 1;
        e.documents.insert(integer(&r[3]));
        e.sources.insert(match r[5].as_str() {
            Some(source) => format!("source {source}"),
            None => format!("document {}", r[4]),
        });
        if integer(&r[13]) == 1 {
            e.numbers += 1;
        }
        e.lows.extend(r[6].as_f64());
        e.highs.extend(r[7].as_f64());
        e.as_of.extend(r[10].as_str().map(str::to_string));
        e.as_of.extend(r[11].as_str().map(str::to_string));
    }
    assert!(expected.len() > 5, "the fixture has several subjects");

    let view = store
        .query(
            "SELECT subject, attribute, claim_count, document_count, source_count, lowest_low,
                    highest_low, lowest_high, highest_high, earliest_as_of, latest_as_of
               FROM subject_estimates ORDER BY subject, attribute",
        )
        .expect("the new view runs on a migrated database");
    assert_eq!(
        view.rows.len(),
        expected.len(),
        "one row per subject and attribute"
    );
    let fmin = |v: &[f64]| v.iter().copied().reduce(f64::min);
    let fmax = |v: &[f64]| v.iter().copied().reduce(f64::max);
    let mut open_ended = 0;
    for (row, ((subject, attribute), e)) in view.rows.iter().zip(&expected) {
        let what = format!("{subject} / {attribute}");
        assert_eq!(row[0], json!(subject), "{what}");
        assert_eq!(row[1], json!(attribute), "{what}");
        assert_eq!(integer(&row[2]), e.claims, "{what}: claim_count");
        assert_eq!(
            integer(&row[3]) as usize,
            e.documents.len(),
            "{what}: document_count"
        );
        assert_eq!(
            integer(&row[4]) as usize,
            e.sources.len(),
            "{what}: source_count"
        );
        let lowest_low = (e.lows.len() == e.numbers).then(|| fmin(&e.lows)).flatten();
        let highest_high = (e.highs.len() == e.numbers)
            .then(|| fmax(&e.highs))
            .flatten();
        open_ended += usize::from(e.numbers > 0 && highest_high.is_none());
        assert_eq!(row[5].as_f64(), lowest_low, "{what}: lowest_low");
        assert_eq!(row[6].as_f64(), fmax(&e.lows), "{what}: highest_low");
        assert_eq!(row[7].as_f64(), fmin(&e.highs), "{what}: lowest_high");
        assert_eq!(row[8].as_f64(), highest_high, "{what}: highest_high");
        assert_eq!(
            row[9].as_str(),
            e.as_of.iter().min().map(String::as_str),
            "{what}: earliest_as_of"
        );
        assert_eq!(
            row[10].as_str(),
            e.as_of.iter().max().map(String::as_str),
            "{what}: latest_as_of"
        );
    }
    assert!(
        open_ended > 0,
        "the fixture has an open-ended figure ('at least 8,000'), so NULL highs are tested"
    );

    // Looking one subject up uses the index the migration made.
    let plan = store
        .query(
            "EXPLAIN QUERY PLAN SELECT * FROM subject_estimates WHERE subject = 'North Korea troops'",
        )
        .expect("plan");
    let plan = format!("{:?}", plan.rows);
    assert!(plan.contains("claims_subject_attribute"), "{plan}");
}

/// Sets a pragma through a raw connection and leaves the file in rollback-journal mode, so that
/// the whole database is the one file compared byte for byte.
fn rewrite_pragma(path: &Path, pragma: &str, value: i64) {
    let conn = Connection::open(path).expect("raw open");
    conn.pragma_update(None, pragma, value).expect("pragma");
    conn.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))
        .expect("rollback journal");
}

fn assert_refused_untouched(path: &Path, check: impl Fn(&StoreError) -> bool) {
    let before = std::fs::read(path).expect("read");
    let err = Store::open(path).err().expect("must be refused");
    assert!(check(&err), "unexpected error: {err}");
    assert!(
        err.to_string().contains("old.db"),
        "the message names the file: {err}"
    );
    assert!(
        std::fs::read(path).expect("read") == before,
        "a refused file must be left byte-identical"
    );
    let wal = path.with_extension("db-wal");
    assert!(
        !wal.exists() || std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) == 0,
        "nothing was written to a WAL beside a refused file"
    );
}

#[test]
fn an_old_database_from_a_newer_claims_is_refused_and_left_untouched() {
    let (_dir, path) = copy_of_fixture();
    rewrite_pragma(&path, "user_version", SCHEMA_VERSION + 5);
    assert_refused_untouched(
        &path,
        |e| matches!(e, StoreError::TooNew { found, .. } if *found == SCHEMA_VERSION + 5),
    );
}

#[test]
fn the_fixture_under_another_application_id_is_refused_and_left_untouched() {
    let (_dir, path) = copy_of_fixture();
    rewrite_pragma(&path, "application_id", 0x5052_4F4A);
    assert_refused_untouched(&path, |e| matches!(e, StoreError::NotClaimsDb { .. }));
}

#[test]
fn an_unmarked_sqlite_file_with_tables_is_refused_and_left_untouched() {
    let (_dir, path) = copy_of_fixture();
    // A claims-shaped file without our marks (application_id 0, user_version 0), as another
    // tool might leave: it has tables, so it is not an empty database for us to initialize.
    rewrite_pragma(&path, "application_id", 0);
    rewrite_pragma(&path, "user_version", 0);
    assert_refused_untouched(&path, |e| matches!(e, StoreError::NotClaimsDb { .. }));
}
