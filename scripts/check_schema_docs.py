#!/usr/bin/env python3
"""Runs every ```sql block of docs/schema.md against a claims database with Python's sqlite3,
a client outside the Rust code, so the documented queries keep working for analysts.

    python3 scripts/check_schema_docs.py claims.db docs/schema.md [docs/datasette.yml]

With the Datasette metadata file, its canned queries are run too (named parameters get example
values: troops, Kursk, …).

Exit 0 when every block runs (some examples name a document or a correction that a given
database may not hold, so an empty result is reported but allowed); 1 otherwise, naming the
failing block. The Rust test in crates/store also requires rows, on a database it fills itself.
"""
import re
import sqlite3
import sys


EXAMPLE_PARAMS = {"group": "troops", "document": "", "query": "troops", "name": ""}


def canned_queries(path):
    """The `sql: |-` blocks of a Datasette metadata file (indented YAML block scalars)."""
    text = open(path, encoding="utf-8").read()
    out = []
    for m in re.finditer(r"^( *)sql: \|-\n((?:\1  .*\n?)+)", text, flags=re.M):
        indent = len(m.group(1)) + 2
        out.append("\n".join(line[indent:] for line in m.group(2).splitlines()))
    return out


def main():
    db, doc = sys.argv[1], sys.argv[2]
    text = open(doc, encoding="utf-8").read()
    blocks = re.findall(r"```sql\n(.*?)```", text, flags=re.S)
    for extra in sys.argv[3:]:
        blocks.extend(canned_queries(extra))
    if not blocks:
        print(f"{doc}: no ```sql blocks found", file=sys.stderr)
        return 1
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    failed = 0
    for i, sql in enumerate(blocks, 1):
        first = sql.strip().splitlines()[0][:70]
        try:
            cur = con.execute(sql, {k: v for k, v in EXAMPLE_PARAMS.items() if f":{k}" in sql})
            rows = cur.fetchall()
        except sqlite3.Error as e:
            print(f"FAIL block {i} ({first}): {e}", file=sys.stderr)
            failed += 1
            continue
        print(f"ok   block {i} ({first}): {len(rows)} rows")
    print(f"{len(blocks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
