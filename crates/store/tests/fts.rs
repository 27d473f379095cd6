//! The full-text index is written by the store itself (migration 0003 dropped the insert
//! trigger): every stored sentence is indexed exactly once, through single, batched and
//! per-document ingest and after a new version replaces an old one.

mod common;

use claims_store::Store;
use common::*;
use rusqlite::Connection;

/// FTS5's own check that the index matches its content table, row for row: a sentence indexed
/// twice or not at all fails it.
fn fts_matches_sentences(path: &std::path::Path) {
    let conn = Connection::open(path).expect("open with rusqlite");
    conn.execute(
        "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .expect("sentences_fts agrees with sentences");
    let (indexed, sentences): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM sentences_fts_docsize), (SELECT count(*) FROM sentences)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("counts");
    assert_eq!(indexed, sentences, "one index entry per sentence");
}

#[test]
fn every_sentence_is_indexed_once_however_it_was_stored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("fts.db");
    let mut store = Store::open(&path).expect("open");
    let (sha_a, sha_b) = (fake_sha(TEXT_A), fake_sha(TEXT_B));
    store
        .ingest(&new_doc(PATH_A, TEXT_A, &sha_a), &extraction_a(TEXT_A))
        .expect("single ingest");
    store
        .ingest_batch(&[(new_doc(PATH_B, TEXT_B, &sha_b), extraction_b(TEXT_B))])
        .expect("batch ingest");
    // A new version of PATH_A through the per-document path: the old version's sentences stay
    // (superseded documents are kept), the new ones are added.
    let changed = format!("{TEXT_A} Officials said the figure could grow.");
    let sha = fake_sha(&changed);
    let results = store
        .ingest_each(&[(new_doc(PATH_A, &changed, &sha), extraction_a(&changed))])
        .expect("batch transaction");
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    fts_matches_sentences(&path);

    let hits = store.search_fts("Blinken", 10).expect("search");
    assert_eq!(hits.len(), 1, "{hits:?}");
    // The new version's added sentence is found, and search (current documents only) finds the
    // unchanged sentence once, not once per version.
    let hits = store.search_fts("figure grow", 10).expect("search");
    assert_eq!(hits.len(), 1, "{hits:?}");
    let hits = store.search_fts("Kursk Oblast", 10).expect("search");
    assert_eq!(hits.len(), 1, "{hits:?}");
}

#[test]
fn a_refused_document_leaves_no_index_entries_behind() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("fts.db");
    let mut store = Store::open(&path).expect("open");
    let (sha_a, sha_b) = (fake_sha(TEXT_A), fake_sha(TEXT_B));
    let mut bad = extraction_b(TEXT_B);
    // A claim span past the end of the text is refused after the sentences were written.
    let end = TEXT_B.len();
    bad.claims[0].span = claims_model::Span::new(end, end + 10).expect("forward");
    let results = store
        .ingest_each(&[
            (new_doc(PATH_A, TEXT_A, &sha_a), extraction_a(TEXT_A)),
            (new_doc(PATH_B, TEXT_B, &sha_b), bad),
        ])
        .expect("batch transaction");
    assert!(results[0].is_ok() && results[1].is_err(), "{results:?}");
    fts_matches_sentences(&path);
    assert!(store.search_fts("Blinken", 10).expect("search").is_empty());
}
