-- Migration 0004: what each check compared, so that `claims check --touched` can compare only
-- the groups that changed since the last check.
--
-- claim_keys: the group (key) every current claim was compared under at the last check, with
-- event participants as resolved then ("event|visit|Kim Jong Un+Vladimir Putin|Pyongyang",
-- "count|Russia|troops"). Claims never compared (no group) have no row. Written by `claims
-- check`; a claim ingested since has no row until the next check.
CREATE TABLE claim_keys (
    claim_id  INTEGER PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
    check_key TEXT    NOT NULL
);
CREATE INDEX claim_keys_key ON claim_keys (check_key);

-- check_runs: one row per `claims check`. finished_at stays NULL when a run was interrupted
-- before its findings were stored; a `--touched` check builds only on a finished run with the
-- same options and version (else it compares everything).
CREATE TABLE check_runs (
    id               INTEGER PRIMARY KEY,
    started_at       TEXT    NOT NULL,
    finished_at      TEXT,
    scope            TEXT    NOT NULL CHECK (scope IN ('all', 'touched')),
    -- The claims version and check options the findings were computed with.
    options          TEXT    NOT NULL,
    -- The highest documents.id when the run started: later documents are new to the next run.
    last_document_id INTEGER NOT NULL,
    keys_compared    INTEGER,
    findings         INTEGER
);
