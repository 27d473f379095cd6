//! The schema migrations, embedded at compile time, and the identity of a claims database.
//!
//! Append-only: a released migration is never edited or removed; a schema change is a new
//! numbered file in `migrations/` and a new entry at the end of [`MIGRATIONS`]. The number of
//! migrations applied is kept in `PRAGMA user_version`.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::sql::sqlite;
use crate::{Result, StoreError};

/// One schema step: its file name (without `.sql`) and its SQL.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration, in the order applied. Entry `n` (0-based) brings `user_version` to `n + 1`.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        name: "0001_initial",
        sql: include_str!("../../../migrations/0001_initial.sql"),
    },
    Migration {
        name: "0002_subject_estimates",
        sql: include_str!("../../../migrations/0002_subject_estimates.sql"),
    },
    Migration {
        name: "0003_sentences_fts_written_by_store",
        sql: include_str!("../../../migrations/0003_sentences_fts_written_by_store.sql"),
    },
    Migration {
        name: "0004_check_state",
        sql: include_str!("../../../migrations/0004_check_state.sql"),
    },
];

/// The schema version this binary writes and understands: the number of migrations.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// `PRAGMA application_id` of every claims database: "CLMS" in ASCII. A file whose id differs is
/// not ours and is refused (see docs/schema.md).
pub const APPLICATION_ID: i32 = 0x434C_4D53;

pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Decides whether `conn` is a claims database we can use, without writing anything, and
/// returns its schema version (0 for an empty database, ours to initialize).
pub(crate) fn identify(conn: &Connection, path: &Path) -> Result<i64> {
    let not_ours = |source: rusqlite::Error| match source.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotClaimsDb {
            path: path.to_path_buf(),
        },
        _ => StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        },
    };
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(not_ours)?;
    let version = user_version(conn).map_err(not_ours)?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(not_ours)?;
    if app_id == APPLICATION_ID {
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(version)
    } else if app_id == 0 && version == 0 && objects == 0 {
        Ok(0)
    } else {
        Err(StoreError::NotClaimsDb {
            path: path.to_path_buf(),
        })
    }
}

/// Applies every pending migration in one transaction.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let e = sqlite(path);
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(&e)?;
    // Identify once more inside the write lock, in case another process got there first.
    let version = identify(&tx, path)?;
    let pending = usize::try_from(version).unwrap_or(0);
    for migration in MIGRATIONS.iter().skip(pending) {
        tx.execute_batch(migration.sql).map_err(&e)?;
    }
    if version < SCHEMA_VERSION {
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(&e)?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(&e)?;
    }
    tx.commit().map_err(&e)
}
