//! docs/schema.md cannot rot: every ```sql block in it runs against a populated database and
//! returns rows, and every table, view and column of the schema is documented there.

mod common;

use std::collections::BTreeMap;

const SCHEMA_DOC: &str = include_str!("../../../docs/schema.md");

/// The bodies of the ```sql fenced blocks of a Markdown text, with the line each starts on.
fn sql_blocks(markdown: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (n, line) in markdown.lines().enumerate() {
        let fence = line.trim_start();
        match &mut current {
            None if fence.starts_with("```sql") => current = Some((n + 1, String::new())),
            Some(_) if fence.starts_with("```") => blocks.extend(current.take()),
            Some((_, body)) => {
                body.push_str(line);
                body.push('\n');
            }
            None => {}
        }
    }
    blocks
}

/// The documented columns of each `### `name`` section: every `` `word` `` in its table rows.
fn documented_columns(markdown: &str) -> BTreeMap<String, Vec<String>> {
    let mut sections: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        if let Some(rest) = line.strip_prefix("### `") {
            let name = rest.trim_end_matches('`').to_string();
            sections.entry(name.clone()).or_default();
            current = Some(name);
        } else if line.starts_with("## ") {
            current = None;
        } else if let (Some(name), Some(row)) = (&current, line.strip_prefix("| `")) {
            if let Some((column, _)) = row.split_once('`') {
                sections
                    .entry(name.clone())
                    .or_default()
                    .push(column.to_string());
            }
        }
    }
    sections
}

#[test]
fn the_block_parser_finds_sql_fences_only() {
    let md =
        "text\n```sql\nSELECT 1;\n```\n```python\nprint(1)\n```\n  ```sql\nSELECT\n  2;\n  ```\n";
    let blocks = sql_blocks(md);
    assert_eq!(
        blocks,
        vec![
            (2, "SELECT 1;\n".to_string()),
            (8, "SELECT\n  2;\n".to_string())
        ]
    );
}

#[test]
fn every_sql_block_of_the_schema_doc_runs_and_returns_rows() {
    let store = common::populated();
    let blocks = sql_blocks(SCHEMA_DOC);
    assert!(
        blocks.len() >= 6,
        "docs/schema.md should keep at least six example queries"
    );
    for (line, sql) in blocks {
        let result = store
            .query(&sql)
            .unwrap_or_else(|e| panic!("docs/schema.md line {line}: {e}\n{sql}"));
        assert!(
            !result.rows.is_empty(),
            "docs/schema.md line {line}: no rows\n{sql}"
        );
    }
}

#[test]
fn every_table_view_and_column_is_documented() {
    let store = common::populated();
    let schema = store
        .query(
            "SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(m.name) p
              WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sentences_fts_%'
              ORDER BY m.name, p.cid",
        )
        .expect("schema");
    let documented = documented_columns(SCHEMA_DOC);
    let mut missing = Vec::new();
    for row in &schema.rows {
        let (table, column) = (row[0].as_str().unwrap_or(""), row[1].as_str().unwrap_or(""));
        match documented.get(table) {
            None => missing.push(format!("{table} (no ### `{table}` section)")),
            Some(columns) if !columns.iter().any(|c| c == column) => {
                missing.push(format!("{table}.{column}"))
            }
            Some(_) => {}
        }
    }
    missing.dedup();
    assert!(
        missing.is_empty(),
        "undocumented in docs/schema.md: {missing:#?}"
    );

    // And nothing documented that does not exist.
    let actual: Vec<(String, String)> = schema
        .rows
        .iter()
        .map(|r| {
            (
                r[0].as_str().unwrap_or("").to_string(),
                r[1].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    for (table, columns) in &documented {
        for column in columns {
            assert!(
                actual.iter().any(|(t, c)| t == table && c == column),
                "docs/schema.md documents {table}.{column}, which the schema does not have"
            );
        }
    }
}
