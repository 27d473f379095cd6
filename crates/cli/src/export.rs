//! `claims export`: the database as JSON Lines, one file per table, for engines that read them
//! (DuckDB `read_json_auto`, DataFusion, Spark SQL, pandas). See docs/scaling.md.

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
