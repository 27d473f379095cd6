-- 0002_subject_estimates: the range of what sources say about each subject, for analysts.
--
-- Append-only, like every migration: never edit this file once released. docs/schema.md
-- describes the view (section `subject_estimates`) with an example query.

-- The view groups claims by subject and attribute, and analysts filter it by subject: one index
-- on both serves the grouping and every lookup by subject_key alone, so it replaces the index
-- on subject_key (a prefix of it) instead of adding a second one that ingest must keep up.
CREATE INDEX claims_subject_attribute ON claims (subject_key, attribute);
DROP INDEX claims_subject_key;

-- One row per subject and attribute stated by a current document version, over the claims that
-- a source asserts or reports (hypothetical and negated ones are left out, as `claims check`
-- leaves them out). Figures are in the claims' units (`units` lists them); dates are ISO text.
-- A NULL outer bound means open on that side, as in claims.low / claims.high: `lowest_low` is
-- NULL when some claim has no lower bound, `highest_high` when some claim has no upper bound
-- ("at least 8,000"). The inner bounds `highest_low` / `lowest_high` are over the bounds stated;
-- when highest_low > lowest_high no single figure fits every claim. All four are NULL when no
-- claim of the row is a number.
CREATE VIEW subject_estimates AS
SELECT c.subject_key AS subject,
       c.attribute,
       group_concat(DISTINCT c.unit) AS units,
       count(*) AS claim_count,
       count(DISTINCT c.document_id) AS document_count,
       -- A document without a source names no outlet: it counts as a source of its own.
       count(DISTINCT coalesce(d.source, 'document:' || d.path)) AS source_count,
       CASE WHEN count(c.low) = sum(c.value_type = 'quantity') THEN min(c.low) END AS lowest_low,
       max(c.low) AS highest_low,
       min(c.high) AS lowest_high,
       CASE WHEN count(c.high) = sum(c.value_type = 'quantity') THEN max(c.high) END
           AS highest_high,
       min(c.earliest) AS earliest_date,
       max(c.latest) AS latest_date,
       min(c.as_of_earliest) AS earliest_as_of,
       max(c.as_of_latest) AS latest_as_of,
       min(coalesce(d.reference_date, d.published)) AS first_document_date,
       max(coalesce(d.reference_date, d.published)) AS last_document_date
FROM claims c
JOIN documents d ON d.id = c.document_id
WHERE d.superseded_by IS NULL
  AND c.modality IN ('asserted', 'reported')
GROUP BY c.subject_key, c.attribute;
