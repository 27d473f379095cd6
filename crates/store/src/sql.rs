//! Small conversions between Rust values and SQL columns, shared by the store's modules.

use std::path::Path;

use claims_model::{Date, EntityKind};
use serde::Serialize;

use crate::{Result, StoreError};

/// Maps a rusqlite error to [`StoreError::Sqlite`] naming `path`.
pub(crate) fn sqlite(path: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |source| StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    }
}

/// The UTC time now, RFC 3339.
pub(crate) fn now() -> String {
    jiff::Timestamp::now().to_string()
}

pub(crate) fn date_text(d: Option<Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

pub(crate) fn parse_date(
    db: &Path,
    what: &'static str,
    row: i64,
    s: Option<String>,
) -> Result<Option<Date>> {
    s.map(|s| {
        s.parse::<Date>().map_err(|err| StoreError::Corrupt {
            path: db.to_path_buf(),
            what,
            row: row.to_string(),
            detail: format!("{s:?} is not a date: {err}"),
        })
    })
    .transpose()
}

pub(crate) fn parse_kind(db: &Path, what: &'static str, row: i64, s: &str) -> Result<EntityKind> {
    EntityKind::parse(s).ok_or_else(|| StoreError::Corrupt {
        path: db.to_path_buf(),
        what,
        row: row.to_string(),
        detail: format!("unknown entity kind {s:?}"),
    })
}

pub(crate) fn offset(db: &Path, what: &'static str, row: i64, v: i64) -> Result<usize> {
    usize::try_from(v).map_err(|_| StoreError::Corrupt {
        path: db.to_path_buf(),
        what,
        row: row.to_string(),
        detail: format!("{v} is not a byte offset"),
    })
}

pub(crate) fn encode<T: Serialize>(db: &Path, what: &'static str, v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|source| StoreError::Encode {
        path: db.to_path_buf(),
        what,
        source,
    })
}

/// The serde name of a unit enum variant (`Hedge::UpperBound` → `"upper_bound"`), so that the
/// flattened columns spell values exactly as the JSON does.
pub(crate) fn tag<T: Serialize>(db: &Path, what: &'static str, v: &T) -> Result<String> {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Ok(s),
        Ok(other) => Ok(other.to_string()),
        Err(source) => Err(StoreError::Encode {
            path: db.to_path_buf(),
            what,
            source,
        }),
    }
}

/// Drops index `name` before a bulk write, returning its stored definition to recreate it with
/// afterwards (in the same transaction, so the schema after the commit is the same). Writing
/// most rows of a large table through an index costs a random index write per row; recreating
/// the index once is a sort.
pub(crate) fn drop_index_for_bulk(
    tx: &rusqlite::Transaction<'_>,
    db: &Path,
    name: &str,
) -> Result<Option<String>> {
    let e = sqlite(db);
    let sql: Option<String> = rusqlite::OptionalExtension::optional(tx.query_row(
        "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?1",
        [name],
        |r| r.get(0),
    ))
    .map_err(&e)?;
    if sql.is_some() {
        tx.execute_batch(&format!("DROP INDEX \"{name}\""))
            .map_err(&e)?;
    }
    Ok(sql)
}
