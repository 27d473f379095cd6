//! Every error message, pinned: each names the database file and says what went wrong, and a
//! change to the wording shows up here as a reviewed diff.

use std::path::PathBuf;

use claims_store::StoreError;

fn db() -> PathBuf {
    PathBuf::from("/data/claims.db")
}

fn sqlite_error() -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
        Some("database is locked".into()),
    )
}

#[test]
fn messages_name_the_file_and_the_problem() {
    let json_error = serde_json::from_str::<u8>("x").expect_err("not JSON");
    let table: Vec<(StoreError, &str)> = vec![
        (
            StoreError::Sqlite { path: db(), source: sqlite_error() },
            "/data/claims.db: SQLite error: database is locked",
        ),
        (
            StoreError::NotClaimsDb { path: db() },
            "/data/claims.db is not a claims database (another application's SQLite file, or not \
             SQLite at all); refusing to open it, the file was left untouched",
        ),
        (
            StoreError::TooNew { path: db(), found: 7, supported: 1 },
            "/data/claims.db has schema version 7, newer than this claims supports (1); upgrade \
             claims to open it (the file was left untouched)",
        ),
        (
            StoreError::BadSpan {
                path: db(),
                document: "news/a.txt".into(),
                what: "claim",
                start: 10,
                end: 99,
                len: 50,
            },
            "/data/claims.db: claim span 10..99 of document news/a.txt is outside its 50-byte text \
             or splits a character; nothing of that document was stored",
        ),
        (
            StoreError::UnknownMention { path: db(), entity: "Kim Jong Un".into(), mention_id: 4 },
            "/data/claims.db: entity \"Kim Jong Un\" names mention id 4, which does not exist",
        ),
        (
            StoreError::UnknownClaim { path: db(), finding: "numeric-1".into(), claim_id: 9 },
            "/data/claims.db: finding \"numeric-1\" names claim id 9, which does not exist",
        ),
        (
            StoreError::BadQuery { path: db(), query: "\"open".into(), source: sqlite_error() },
            "/data/claims.db: full-text query \"\\\"open\" is not valid FTS5 syntax: database is locked",
        ),
        (
            StoreError::Encode { path: db(), what: "claim", source: json_error },
            "/data/claims.db: cannot encode claim as JSON: expected value at line 1 column 1",
        ),
        (
            StoreError::Corrupt {
                path: db(),
                what: "documents.published",
                row: "3".into(),
                detail: "\"2024-13-01\" is not a date".into(),
            },
            "/data/claims.db: stored documents.published (row 3) cannot be read: \"2024-13-01\" is not a date",
        ),
        (
            StoreError::NotReadOnly { path: db(), sql: "DELETE FROM claims".into() },
            "/data/claims.db: refusing to run a statement that writes: DELETE FROM claims",
        ),
    ];
    for (error, expected) in table {
        assert_eq!(error.to_string(), expected);
    }
}
