//! `claims export`: the database as JSON Lines or Parquet, one file per table, for engines that
//! read them (DuckDB, Apache DataFusion/Ballista, Spark SQL, pandas). See docs/scaling.md.

use std::io::Write;
use std::path::Path;

use claims_store::Store;

use crate::error::CliError;

fn write_lines(
    path: &Path,
    rows: impl Iterator<Item = serde_json::Value>,
) -> Result<usize, CliError> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut n = 0;
    for row in rows {
        serde_json::to_writer(&mut w, &row).map_err(std::io::Error::other)?;
        w.write_all(b"\n")?;
        n += 1;
    }
    w.flush()?;
    Ok(n)
}

/// Writes documents.jsonl, claims.jsonl, entities.jsonl and findings.jsonl into `dir`.
/// Returns the row counts in that order.
///
/// # Errors
/// When the database or the files fail.
pub fn jsonl(store: &mut Store, dir: &Path) -> Result<(usize, usize, usize, usize), CliError> {
    std::fs::create_dir_all(dir)?;
    let docs = store.documents()?;
    let d = write_lines(
        &dir.join("documents.jsonl"),
        docs.iter().map(|d| {
            serde_json::json!({
                "id": d.id, "path": d.path, "sha256": d.sha256, "title": d.title, "source": d.source, "url": d.url,
                "published": d.published.map(|x| x.to_string()),
                "reference_date": d.reference_date.map(|x| x.to_string()),
                "reference_date_source": d.reference_date_source,
            })
        }),
    )?;
    let names = crate::pipeline::resolve_entities(store)?;
    let claims = store.claims()?;
    let c = write_lines(
        &dir.join("claims.jsonl"),
        claims.iter().map(|r| {
            let mut v = serde_json::to_value(&r.claim).unwrap_or_default();
            v["id"] = r.id.into();
            v["document_id"] = r.doc_id.into();
            v["document"] = r.document.clone().into();
            v["document_date"] = r.doc_date.map(|x| x.to_string()).into();
            v["subject_key"] = claims_store::subject_key(&r.claim.subject).into();
            if let claims_model::Subject::Event { participants, .. } = &r.claim.subject {
                let resolved: Vec<String> = participants
                    .iter()
                    .map(|p| {
                        names
                            .get(&(r.doc_id, p.clone()))
                            .cloned()
                            .unwrap_or_else(|| p.clone())
                    })
                    .collect();
                v["participants_resolved"] = resolved.into();
            }
            v
        }),
    )?;
    let entities = store.entities()?;
    let e = write_lines(
        &dir.join("entities.jsonl"),
        entities.iter().map(|e| {
            serde_json::json!({
                "id": e.id, "name": e.name, "kind": e.kind.as_str(),
                "aliases": e.aliases.iter().map(|(t, n)| serde_json::json!({"text": t, "count": n})).collect::<Vec<_>>(),
            })
        }),
    )?;
    let findings = store.findings()?;
    let f = write_lines(
        &dir.join("findings.jsonl"),
        findings
            .iter()
            .map(|f| serde_json::to_value(f).unwrap_or_default()),
    )?;
    Ok((d, c, e, f))
}

/// A Parquet column's type. Every column is OPTIONAL (SQL NULL is a Parquet null).
#[derive(Clone, Copy)]
enum Col {
    Int,
    Real,
    Text,
}

/// One exported table: its file name, its columns and the query that yields them, in that order.
/// The query must order by `id` and take the last id of the previous page as `?` (see `page_sql`).
struct Table {
    file: &'static str,
    columns: &'static [(&'static str, Col)],
    /// SELECT … with `{after}` where the page's lower id bound goes and ordered by the id column.
    sql: &'static str,
}

const TABLES: &[Table] = &[
    Table {
        file: "documents.parquet",
        columns: &[
            ("id", Col::Int),
            ("path", Col::Text),
            ("sha256", Col::Text),
            ("byte_len", Col::Int),
            ("title", Col::Text),
            ("source", Col::Text),
            ("url", Col::Text),
            ("published", Col::Text),
            ("reference_date", Col::Text),
            ("reference_date_source", Col::Text),
            ("ingested_at", Col::Text),
            ("superseded_by", Col::Int),
        ],
        sql: "SELECT id, path, sha256, byte_len, title, source, url, published, reference_date,
                     reference_date_source, ingested_at, superseded_by
                FROM documents WHERE id > {after} ORDER BY id LIMIT {limit}",
    },
    Table {
        file: "claims.parquet",
        columns: &[
            ("id", Col::Int),
            ("document_id", Col::Int),
            ("document", Col::Text),
            ("document_date", Col::Text),
            ("current", Col::Int),
            ("kind", Col::Text),
            ("subject_key", Col::Text),
            ("subject_json", Col::Text),
            ("attribute", Col::Text),
            ("value_type", Col::Text),
            ("value_text", Col::Text),
            ("low", Col::Real),
            ("high", Col::Real),
            ("unit", Col::Text),
            ("hedge", Col::Text),
            ("earliest", Col::Text),
            ("latest", Col::Text),
            ("granularity", Col::Text),
            ("timex_value", Col::Text),
            ("as_of_earliest", Col::Text),
            ("as_of_latest", Col::Text),
            ("scope_place", Col::Text),
            ("scope_within_json", Col::Text),
            ("attributed_to", Col::Text),
            ("modality", Col::Text),
            ("start_byte", Col::Int),
            ("end_byte", Col::Int),
            ("quote", Col::Text),
            ("inferred_json", Col::Text),
            ("claim_json", Col::Text),
        ],
        sql: "SELECT c.id, c.document_id, d.path, coalesce(d.reference_date, d.published),
                     d.superseded_by IS NULL, c.kind, c.subject_key, c.subject_json, c.attribute,
                     c.value_type, c.value_text, c.low, c.high, c.unit, c.hedge, c.earliest,
                     c.latest, c.granularity, c.timex_value, c.as_of_earliest, c.as_of_latest,
                     c.scope_place, c.scope_within_json, c.attributed_to, c.modality,
                     c.start_byte, c.end_byte, c.quote, c.inferred_json, c.claim_json
                FROM claims c JOIN documents d ON d.id = c.document_id
               WHERE c.id > {after} ORDER BY c.id LIMIT {limit}",
    },
    Table {
        file: "entities.parquet",
        columns: &[
            ("id", Col::Int),
            ("name", Col::Text),
            ("kind", Col::Text),
            ("evidence_json", Col::Text),
        ],
        sql: "SELECT id, name, kind, evidence_json
                FROM entities WHERE id > {after} ORDER BY id LIMIT {limit}",
    },
    Table {
        file: "entity_mentions.parquet",
        columns: &[
            ("id", Col::Int),
            ("document_id", Col::Int),
            ("start_byte", Col::Int),
            ("end_byte", Col::Int),
            ("surface", Col::Text),
            ("kind", Col::Text),
            ("name", Col::Text),
            ("role_office", Col::Text),
            ("role_country", Col::Text),
            ("entity_id", Col::Int),
        ],
        sql: "SELECT id, document_id, start_byte, end_byte, surface, kind, name, role_office,
                     role_country, entity_id
                FROM entity_mentions WHERE id > {after} ORDER BY id LIMIT {limit}",
    },
    Table {
        file: "findings.parquet",
        columns: &[
            ("id", Col::Int),
            ("finding_id", Col::Text),
            ("kind", Col::Text),
            ("severity", Col::Text),
            ("subject", Col::Text),
            ("summary", Col::Text),
            ("reason", Col::Text),
            ("arithmetic", Col::Text),
            ("finding_json", Col::Text),
        ],
        sql: "SELECT rowid, id, kind, severity, subject, summary, reason, arithmetic, finding_json
                FROM findings WHERE rowid > {after} ORDER BY rowid LIMIT {limit}",
    },
    Table {
        file: "finding_claims.parquet",
        columns: &[
            ("id", Col::Int),
            ("finding_id", Col::Text),
            ("position", Col::Int),
            ("claim_id", Col::Int),
        ],
        sql: "SELECT rowid, finding_id, position, claim_id
                FROM finding_claims WHERE rowid > {after} ORDER BY rowid LIMIT {limit}",
    },
];

/// Rows per Parquet row group, and per page read from SQLite: memory stays bounded whatever the
/// size of the database.
const ROW_GROUP: usize = 65_536;

/// Writes one Parquet file per table into `dir` (documents, claims, entities, entity_mentions,
/// findings, finding_claims; flat columns, Snappy-compressed, one row group per 65,536 rows).
/// Entities are resolved first, so the mention links are current. Returns each file with its
/// row count.
///
/// # Errors
/// When the database or the files fail.
pub fn parquet(store: &mut Store, dir: &Path) -> Result<Vec<(String, usize)>, CliError> {
    std::fs::create_dir_all(dir)?;
    crate::pipeline::resolve_entities(store)?;
    let mut counts = Vec::with_capacity(TABLES.len());
    for table in TABLES {
        let n = write_table(store, table, &dir.join(table.file), ROW_GROUP)?;
        counts.push((table.file.to_string(), n));
    }
    Ok(counts)
}

fn parquet_error(path: &Path, e: parquet::errors::ParquetError) -> CliError {
    CliError::OutputFile {
        path: path.display().to_string(),
        source: std::io::Error::other(format!("Parquet: {e}")),
    }
}

fn write_table(
    store: &Store,
    table: &Table,
    path: &Path,
    rows_per_group: usize,
) -> Result<usize, CliError> {
    use parquet::basic::Compression;
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use std::sync::Arc;

    let fields: Vec<String> = table
        .columns
        .iter()
        .map(|(name, col)| match col {
            Col::Int => format!("OPTIONAL INT64 {name};"),
            Col::Real => format!("OPTIONAL DOUBLE {name};"),
            Col::Text => format!("OPTIONAL BYTE_ARRAY {name} (UTF8);"),
        })
        .collect();
    let message = format!(
        "message {} {{ {} }}",
        table.file.trim_end_matches(".parquet"),
        fields.join(" ")
    );
    let err = |e| parquet_error(path, e);
    let schema = Arc::new(parquet::schema::parser::parse_message_type(&message).map_err(err)?);
    let props = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build(),
    );
    let file = std::fs::File::create(path).map_err(|source| CliError::OutputFile {
        path: path.display().to_string(),
        source,
    })?;
    let mut writer = SerializedFileWriter::new(file, schema, props).map_err(err)?;
    let mut after = i64::MIN;
    let mut total = 0;
    loop {
        let sql = table
            .sql
            .replace("{after}", &after.to_string())
            .replace("{limit}", &rows_per_group.to_string());
        let page = store.query(&sql)?;
        if page.rows.is_empty() {
            break;
        }
        after = page
            .rows
            .last()
            .and_then(|r| r.first())
            .and_then(serde_json::Value::as_i64)
            .unwrap_or(i64::MAX);
        let mut group = writer.next_row_group().map_err(err)?;
        let mut index = 0;
        while let Some(mut column) = group.next_column().map_err(err)? {
            let kind = table.columns.get(index).map_or(Col::Text, |c| c.1);
            write_column(&mut column, kind, page.rows.iter().map(|r| r.get(index))).map_err(err)?;
            column.close().map_err(err)?;
            index += 1;
        }
        group.close().map_err(err)?;
        total += page.rows.len();
        if page.rows.len() < rows_per_group {
            break;
        }
    }
    writer.close().map_err(err)?;
    Ok(total)
}

/// Writes one column of a row group: non-null values, with definition level 1 for a value and 0
/// for a null.
fn write_column<'a>(
    column: &mut parquet::file::writer::SerializedColumnWriter<'_>,
    kind: Col,
    cells: impl Iterator<Item = Option<&'a serde_json::Value>>,
) -> Result<(), parquet::errors::ParquetError> {
    use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
    use serde_json::Value;

    let cells: Vec<&Value> = cells.map(|c| c.unwrap_or(&Value::Null)).collect();
    match kind {
        Col::Int => {
            let (values, levels) = present(&cells, |c| match c {
                Value::Null => None,
                Value::Bool(b) => Some(i64::from(*b)),
                other => Some(other.as_i64().unwrap_or_default()),
            });
            column
                .typed::<Int64Type>()
                .write_batch(&values, Some(&levels), None)?;
        }
        Col::Real => {
            let (values, levels) = present(&cells, Value::as_f64);
            column
                .typed::<DoubleType>()
                .write_batch(&values, Some(&levels), None)?;
        }
        Col::Text => {
            let (values, levels) = present(&cells, |c| match c {
                Value::Null => None,
                Value::String(s) => Some(ByteArray::from(s.as_str())),
                other => Some(ByteArray::from(other.to_string().as_str())),
            });
            column
                .typed::<ByteArrayType>()
                .write_batch(&values, Some(&levels), None)?;
        }
    }
    Ok(())
}

/// The values of the cells that have one, and the definition level of every cell (1 with a
/// value, 0 for a null), as Parquet wants an OPTIONAL column.
fn present<T>(
    cells: &[&serde_json::Value],
    value: impl Fn(&serde_json::Value) -> Option<T>,
) -> (Vec<T>, Vec<i16>) {
    let mut values = Vec::with_capacity(cells.len());
    let levels = cells
        .iter()
        .map(|c| match value(c) {
            Some(v) => {
                values.push(v);
                1
            }
            None => 0,
        })
        .collect();
    (values, levels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    #[test]
    fn tables_are_written_page_by_page_in_row_groups_without_losing_a_row() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = Store::open(&dir.path().join("c.db")).expect("open");
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        crate::pipeline::ingest(&mut store, &[corpus], crate::pipeline::Progress::Quiet)
            .expect("ingest");
        let claims = store.claims().expect("claims");
        assert!(claims.len() > 20, "corpus has claims");
        let table = TABLES
            .iter()
            .find(|t| t.file == "claims.parquet")
            .expect("claims table");
        let path = dir.path().join("claims.parquet");
        // Seven rows per group: several pages, the last one short.
        let n = write_table(&store, table, &path, 7).expect("write");
        assert_eq!(n, claims.len());
        let reader =
            SerializedFileReader::new(std::fs::File::open(&path).expect("open")).expect("parquet");
        assert_eq!(reader.metadata().num_row_groups(), claims.len().div_ceil(7));
        let ids: Vec<i64> = reader
            .get_row_iter(None)
            .expect("rows")
            .map(|r| {
                use parquet::record::Field;
                let r = r.expect("row");
                match r.get_column_iter().next() {
                    Some((_, Field::Long(id))) => *id,
                    other => panic!("id column: {other:?}"),
                }
            })
            .collect();
        let mut expected: Vec<i64> = claims.iter().map(|c| c.id).collect();
        expected.sort_unstable();
        assert_eq!(ids, expected);
    }
}
