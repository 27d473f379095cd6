-- Migration 0003: the store writes a new sentence's full-text entry itself.
--
-- The AFTER INSERT trigger made every sentence INSERT a multi-table statement, so SQLite opened a
-- statement journal for it and FTS5 flushed its pending index to disk at that statement
-- savepoint: one tiny index segment per sentence, merged over and over. Ingest now inserts into
-- sentences_fts right after each sentence row, in the same transaction, and FTS5 flushes once per
-- transaction. Whoever inserts rows into `sentences` by hand must add them to `sentences_fts` too
-- (docs/schema.md). Deleting or updating a sentence still keeps the index in step by trigger.
DROP TRIGGER sentences_fts_insert;
