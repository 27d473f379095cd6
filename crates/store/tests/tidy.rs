//! House rules checked from plain `cargo test`: migrations are numbered without gaps, each file
//! is embedded, released migrations are never edited, and every source file opens with `//!`.

use std::path::{Path, PathBuf};

use claims_store::MIGRATIONS;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn migrations_dir() -> PathBuf {
    crate_dir().join("../../migrations")
}

/// FNV-1a 64: a stable fingerprint without another dependency.
fn fingerprint(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Fingerprints of released migrations. Append a line when a migration is released; never
/// change one: a released migration has been applied to databases in the field, and editing it
/// would leave those databases with a schema no migration describes.
const RELEASED: &[(&str, u64)] = &[
    ("0001_initial", 0x11a2141ed1584307),
    ("0002_subject_estimates", 0x15dedd87fd27ca39),
    ("0003_sentences_fts_written_by_store", 0xc6b3b28330a2ab2b),
];

#[test]
fn migration_files_are_numbered_without_gaps_and_all_embedded() {
    let mut files: Vec<String> = std::fs::read_dir(migrations_dir())
        .expect("migrations/ exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".sql"))
        .collect();
    files.sort();
    let embedded: Vec<String> = MIGRATIONS
        .iter()
        .map(|m| format!("{}.sql", m.name))
        .collect();
    assert_eq!(
        files, embedded,
        "every migrations/*.sql is listed in MIGRATIONS, in order"
    );
    for (i, name) in files.iter().enumerate() {
        let expected = format!("{:04}_", i + 1);
        assert!(
            name.starts_with(&expected),
            "{name} should start with {expected}"
        );
    }
    for m in MIGRATIONS {
        let on_disk = std::fs::read_to_string(migrations_dir().join(format!("{}.sql", m.name)))
            .expect("readable migration");
        assert_eq!(on_disk, m.sql, "{} is embedded as it is on disk", m.name);
    }
}

#[test]
fn released_migrations_are_never_edited() {
    for (name, expected) in RELEASED {
        let m = MIGRATIONS
            .iter()
            .find(|m| m.name == *name)
            .expect("a released migration is never removed");
        assert_eq!(
            fingerprint(m.sql),
            *expected,
            "migrations/{name}.sql was edited after release: add a new migration instead"
        );
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("readable dir")
        .filter_map(|e| e.ok())
    {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_opens_with_a_doc_comment() {
    let mut files = Vec::new();
    rust_files(&crate_dir().join("src"), &mut files);
    rust_files(&crate_dir().join("tests"), &mut files);
    rust_files(&crate_dir().join("examples"), &mut files);
    assert!(files.len() >= 4);
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        assert!(
            text.starts_with("//!"),
            "{} should open with a //! comment",
            file.display()
        );
    }
}
