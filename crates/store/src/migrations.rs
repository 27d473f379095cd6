//! The schema migrations, embedded at compile time, and the identity of a claims database.
//!
//! Append-only: a released migration is never edited or removed; a schema change is a new
//! numbered file in `migrations/` and a new entry at the end of [`MIGRATIONS`]. The number of
//! migrations applied is kept in `PRAGMA user_version`.

/// One schema step: its file name (without `.sql`) and its SQL.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration, in the order applied. Entry `n` (0-based) brings `user_version` to `n + 1`.
pub const MIGRATIONS: &[Migration] = &[Migration {
    name: "0001_initial",
    sql: include_str!("../../../migrations/0001_initial.sql"),
}];

/// The schema version this binary writes and understands: the number of migrations.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// `PRAGMA application_id` of every claims database: "CLMS" in ASCII. A file whose id differs is
/// not ours and is refused (see docs/schema.md).
pub const APPLICATION_ID: i32 = 0x434C_4D53;
