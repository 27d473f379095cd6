-- 0001_initial: the first claims schema.
--
-- Append-only: never edit or remove this file once released; change the schema with a new
-- numbered migration instead. docs/schema.md describes every table and view below.
-- Byte offsets (start_byte, end_byte) are into the document's UTF-8 text, end exclusive.
-- Dates are ISO 8601 text ('YYYY-MM-DD'), timestamps RFC 3339 UTC text.

-- One row per version of a document. A changed file gets a new row; the old row stays, with
-- superseded_by pointing at its successor, so that findings citing it keep their evidence.
CREATE TABLE documents (
    id                    INTEGER PRIMARY KEY,
    path                  TEXT    NOT NULL,
    sha256                TEXT    NOT NULL,
    byte_len              INTEGER NOT NULL CHECK (byte_len >= 0),
    title                 TEXT,
    source                TEXT,
    url                   TEXT,
    published             TEXT,
    reference_date        TEXT,
    reference_date_source TEXT    CHECK (reference_date_source IN ('header', 'text', 'collection')),
    ingested_at           TEXT    NOT NULL,
    -- Deferred so that a new version can be linked from its predecessor in the same transaction
    -- before its own row exists (the unique index below forbids two current rows per path).
    superseded_by         INTEGER REFERENCES documents (id) DEFERRABLE INITIALLY DEFERRED,
    text                  TEXT    NOT NULL
);
CREATE UNIQUE INDEX documents_current_path ON documents (path) WHERE superseded_by IS NULL;
CREATE INDEX documents_path ON documents (path);

CREATE TABLE sentences (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence_index INTEGER NOT NULL,
    start_byte     INTEGER NOT NULL,
    end_byte       INTEGER NOT NULL,
    text           TEXT    NOT NULL,
    CHECK (start_byte <= end_byte),
    UNIQUE (document_id, sentence_index)
);

-- Full-text index over sentences.text, kept in step by the triggers below (external content:
-- the text is stored once, in sentences). Porter stemming so that "troop" finds "troops".
CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text,
    content = 'sentences',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentences_fts_update AFTER UPDATE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TABLE quantities (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start_byte  INTEGER NOT NULL,
    end_byte    INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    low         REAL,
    high        REAL,
    hedge       TEXT    NOT NULL,
    unit        TEXT,
    kind        TEXT    NOT NULL,
    CHECK (start_byte <= end_byte),
    CHECK (low IS NULL OR high IS NULL OR low <= high)
);
CREATE INDEX quantities_document ON quantities (document_id);

CREATE TABLE times (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start_byte  INTEGER NOT NULL,
    end_byte    INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    type        TEXT    NOT NULL CHECK (type IN ('DATE', 'TIME', 'DURATION', 'SET')),
    timex_value TEXT    NOT NULL,
    earliest    TEXT,
    latest      TEXT,
    granularity TEXT,
    CHECK (start_byte <= end_byte),
    CHECK (earliest IS NULL OR latest IS NULL OR earliest <= latest)
);
CREATE INDEX times_document ON times (document_id);

-- Entities are rebuilt wholesale by the normalizer (Store::replace_entities); their ids are
-- therefore not stable across runs. Analyst corrections refer to names for that reason.
CREATE TABLE entities (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    evidence_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX entities_name ON entities (name);

CREATE TABLE entity_mentions (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start_byte   INTEGER NOT NULL,
    end_byte     INTEGER NOT NULL,
    surface      TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    role_office  TEXT,
    role_country TEXT,
    -- The entity this mention was resolved to; aliases and their counts derive from this link.
    entity_id    INTEGER REFERENCES entities (id) ON DELETE SET NULL,
    CHECK (start_byte <= end_byte)
);
CREATE INDEX entity_mentions_document ON entity_mentions (document_id);
CREATE INDEX entity_mentions_entity ON entity_mentions (entity_id);

-- Analyst decisions about entities. Independent of documents and entity ids, so they survive
-- re-ingest and re-normalization.
CREATE TABLE corrections (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    a          TEXT NOT NULL,
    b          TEXT NOT NULL,
    who        TEXT NOT NULL,
    note       TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE claims (
    id                INTEGER PRIMARY KEY,
    document_id       INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind              TEXT    NOT NULL,
    subject_json      TEXT    NOT NULL,
    subject_key       TEXT    NOT NULL,
    attribute         TEXT    NOT NULL,
    value_json        TEXT    NOT NULL,
    value_type        TEXT    NOT NULL CHECK (value_type IN ('quantity', 'date', 'text')),
    value_text        TEXT    NOT NULL,
    low               REAL,
    high              REAL,
    unit              TEXT,
    hedge             TEXT,
    earliest          TEXT,
    latest            TEXT,
    granularity       TEXT,
    timex_value       TEXT,
    as_of_earliest    TEXT,
    as_of_latest      TEXT,
    scope_place       TEXT,
    scope_within_json TEXT,
    attributed_to     TEXT,
    modality          TEXT    NOT NULL CHECK (modality IN ('asserted', 'reported', 'hypothetical', 'negated')),
    start_byte        INTEGER NOT NULL,
    end_byte          INTEGER NOT NULL,
    quote             TEXT    NOT NULL,
    inferred_json     TEXT    NOT NULL DEFAULT '[]',
    claim_json        TEXT    NOT NULL,
    CHECK (start_byte <= end_byte),
    CHECK (low IS NULL OR high IS NULL OR low <= high)
);
CREATE INDEX claims_document ON claims (document_id);
CREATE INDEX claims_subject_key ON claims (subject_key);

CREATE TABLE findings (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    severity     TEXT NOT NULL CHECK (severity IN ('contradiction', 'tension', 'change', 'agreement')),
    subject      TEXT NOT NULL,
    summary      TEXT NOT NULL,
    reason       TEXT NOT NULL,
    arithmetic   TEXT,
    finding_json TEXT NOT NULL
);

CREATE TABLE finding_claims (
    finding_id TEXT    NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    claim_id   INTEGER NOT NULL REFERENCES claims (id),
    PRIMARY KEY (finding_id, position)
);
CREATE INDEX finding_claims_claim ON finding_claims (claim_id);

-- Kinds that may grow with later versions (entity, claim, finding and correction kinds) carry
-- no CHECK constraint: SQLite cannot change a constraint without rebuilding the table, and the
-- Rust side refuses values it does not know when it reads them back.

-- Analyst views ------------------------------------------------------------------------------

CREATE VIEW current_documents AS
SELECT d.id AS document_id,
       d.path AS document,
       d.title,
       d.source,
       d.url,
       d.published,
       d.reference_date,
       d.reference_date_source,
       coalesce(d.reference_date, d.published) AS document_date,
       d.byte_len,
       d.sha256,
       d.ingested_at,
       (SELECT count(*) FROM sentences s WHERE s.document_id = d.id) AS sentence_count,
       (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claim_count
FROM documents d
WHERE d.superseded_by IS NULL;

CREATE VIEW claim_list AS
SELECT c.id AS claim_id,
       d.path AS document,
       coalesce(d.reference_date, d.published) AS document_date,
       c.kind,
       c.subject_key AS subject,
       c.attribute,
       c.value_text AS value,
       c.low,
       c.high,
       c.unit,
       c.hedge,
       c.earliest,
       c.latest,
       c.as_of_earliest,
       c.as_of_latest,
       c.scope_place AS place,
       c.scope_within_json AS place_within,
       c.attributed_to,
       c.modality,
       c.quote,
       c.inferred_json AS inferred,
       c.start_byte,
       c.end_byte
FROM claims c
JOIN documents d ON d.id = c.document_id
WHERE d.superseded_by IS NULL;

CREATE VIEW finding_list AS
SELECT f.id AS finding_id,
       f.kind,
       f.severity,
       f.subject,
       f.summary,
       f.reason,
       f.arithmetic,
       ca.quote AS quote_a,
       da.path AS document_a,
       coalesce(da.reference_date, da.published) AS date_a,
       ca.value_text AS value_a,
       cb.quote AS quote_b,
       db.path AS document_b,
       coalesce(db.reference_date, db.published) AS date_b,
       cb.value_text AS value_b,
       (da.superseded_by IS NOT NULL OR coalesce(db.superseded_by IS NOT NULL, 0)) AS stale
FROM findings f
JOIN finding_claims fa ON fa.finding_id = f.id
LEFT JOIN finding_claims fb ON fb.finding_id = f.id AND fb.position > fa.position
JOIN claims ca ON ca.id = fa.claim_id
JOIN documents da ON da.id = ca.document_id
LEFT JOIN claims cb ON cb.id = fb.claim_id
LEFT JOIN documents db ON db.id = cb.document_id
-- A finding about one claim alone (an internal arithmetic finding) shows once, with no b side.
WHERE fb.finding_id IS NOT NULL
   OR (SELECT count(*) FROM finding_claims x WHERE x.finding_id = f.id) = 1;

CREATE VIEW entity_aliases AS
SELECT e.id AS entity_id,
       e.name AS entity,
       e.kind,
       m.surface AS alias,
       count(*) AS mention_count,
       count(DISTINCT m.document_id) AS document_count
FROM entities e
JOIN entity_mentions m ON m.entity_id = e.id
JOIN documents d ON d.id = m.document_id AND d.superseded_by IS NULL
GROUP BY e.id, m.surface;

CREATE VIEW entity_list AS
SELECT e.id AS entity_id,
       e.name,
       e.kind,
       (SELECT count(*) FROM entity_aliases a WHERE a.entity_id = e.id) AS alias_count,
       coalesce((SELECT sum(a.mention_count) FROM entity_aliases a WHERE a.entity_id = e.id), 0)
           AS mention_count,
       (SELECT group_concat(a.alias || ' (' || a.mention_count || ')', '; ')
          FROM (SELECT alias, mention_count FROM entity_aliases a2
                 WHERE a2.entity_id = e.id ORDER BY mention_count DESC, alias) a) AS aliases
FROM entities e;

CREATE VIEW source_contradictions AS
SELECT d.path AS document,
       coalesce(d.reference_date, d.published) AS document_date,
       d.source,
       count(DISTINCT CASE WHEN f.severity = 'contradiction' THEN f.id END) AS contradictions,
       count(DISTINCT CASE WHEN f.severity = 'tension' THEN f.id END) AS tensions,
       count(DISTINCT f.id) AS findings
FROM documents d
LEFT JOIN documents v ON v.path = d.path
LEFT JOIN claims c ON c.document_id = v.id
LEFT JOIN finding_claims fc ON fc.claim_id = c.id
LEFT JOIN findings f ON f.id = fc.finding_id
WHERE d.superseded_by IS NULL
GROUP BY d.id;
