//! The pipeline the commands share: ingest files, resolve entities, run the checker.

use std::collections::HashMap;
use std::path::PathBuf;

use claims_check::estimates::Estimate;
use claims_check::{CheckClaim, CheckOptions};
use claims_model::{Date, EntityKind, Finding, Subject};
use claims_normalize::{Correction, MentionInput};
use claims_store::{CorrectionKind, Ingested, NewDocument, NewEntity, Store};
use claims_text::{Document, TextError};

use crate::error::CliError;

/// What an ingest run did, file by file.
#[derive(Debug, Default)]
pub struct IngestSummary {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    /// Inputs that were not stored, with the reason (each names its file).
    pub skipped: Vec<String>,
}

/// Where a document's reference date came from.
fn reference_for(doc: &Document) -> (Option<Date>, Option<&'static str>) {
    if let Some(p) = doc.header.published {
        return (Some(p), Some("header"));
    }
    match claims_extract::infer_reference_date(&doc.text[doc.body_start..]) {
        Some(d) => (Some(d), Some("text")),
        None => (None, None),
    }
}

/// The median of the known reference dates: the date assumed for a document of the same
/// collection that states no year at all.
fn collection_date(mut dates: Vec<Date>) -> Option<Date> {
    if dates.is_empty() {
        return None;
    }
    dates.sort();
    Some(dates[(dates.len() - 1) / 2])
}

/// Reads, extracts and stores every document under `paths`. One bad file never stops the others.
///
/// # Errors
/// Only when the database itself fails.
pub fn ingest(store: &mut Store, paths: &[PathBuf]) -> Result<IngestSummary, CliError> {
    let mut summary = IngestSummary::default();
    let (files, missing) = claims_text::collect_files(paths);
    summary
        .skipped
        .extend(missing.iter().map(TextError::to_string));
    let mut docs = Vec::new();
    for f in &files {
        match claims_text::read_document(f) {
            Ok(doc) => {
                if store.is_unchanged(&doc.path, &doc.sha256)? {
                    summary.unchanged += 1;
                } else {
                    docs.push(doc);
                }
            }
            Err(e) => summary.skipped.push(e.to_string()),
        }
    }
    let refs: Vec<(Option<Date>, Option<&'static str>)> = docs.iter().map(reference_for).collect();
    let mut known: Vec<Date> = refs.iter().filter_map(|r| r.0).collect();
    known.extend(
        store
            .documents()?
            .iter()
            .filter(|d| d.reference_date_source.as_deref() != Some("collection"))
            .filter_map(|d| d.reference_date),
    );
    let fallback = collection_date(known);
    for (doc, (date, source)) in docs.iter().zip(refs) {
        let (date, source, assumed) = match (date, fallback) {
            (Some(d), _) => (Some(d), source, false),
            (None, Some(f)) => (Some(f), Some("collection"), true),
            (None, None) => (None, None, false),
        };
        let opts = claims_extract::Options {
            reference_date: date,
            reference_assumed: assumed,
            published: doc.header.published,
        };
        let extraction = claims_extract::extract(&doc.text, doc.body_start, &opts);
        let new = NewDocument {
            path: &doc.path,
            sha256: &doc.sha256,
            byte_len: doc.text.len() as u64,
            text: &doc.text,
            title: doc.header.title.as_deref(),
            source: doc.header.source.as_deref(),
            url: doc.header.url.as_deref(),
            published: doc.header.published,
            reference_date: date,
            reference_date_source: source,
        };
        match store.ingest(&new, &extraction)? {
            Ingested::Added { .. } => summary.added += 1,
            Ingested::Replaced { .. } => summary.replaced += 1,
            Ingested::Unchanged { .. } => summary.unchanged += 1,
        }
    }
    Ok(summary)
}

/// Resolves the entities of every current document and stores them. Returns, for each document
/// and in-document person name, the resolved entity name.
///
/// # Errors
/// When the database fails.
pub fn resolve_entities(store: &mut Store) -> Result<HashMap<(i64, String), String>, CliError> {
    let mentions = store.mentions()?;
    let inputs: Vec<MentionInput> = mentions
        .iter()
        .map(|m| MentionInput {
            doc: m.doc_id,
            surface: m.surface.clone(),
            name: m.name.clone(),
            kind: m.kind,
            role: m.role.clone(),
            date: m.doc_date,
        })
        .collect();
    let corrections: Vec<Correction> = store
        .corrections()?
        .into_iter()
        .map(|c| match c.kind {
            CorrectionKind::Merge => Correction::Merge { a: c.a, b: c.b },
            CorrectionKind::CannotLink => Correction::CannotLink { a: c.a, b: c.b },
            CorrectionKind::Rename => Correction::Rename { from: c.a, to: c.b },
        })
        .collect();
    let resolved = claims_normalize::resolve(&inputs, &corrections);
    let mut names = HashMap::new();
    let mut entities = Vec::with_capacity(resolved.len());
    for e in &resolved {
        let mut ids = Vec::with_capacity(e.members.len());
        for &i in &e.members {
            let m = &mentions[i];
            ids.push(m.id);
            if m.kind == EntityKind::Person {
                names.insert((m.doc_id, m.name.clone()), e.name.clone());
            }
        }
        let evidence = serde_json::Value::Array(
            e.evidence
                .iter()
                .map(|ev| serde_json::json!({ "rule": ev.rule, "detail": ev.detail }))
                .collect(),
        );
        entities.push(NewEntity {
            name: e.name.clone(),
            kind: e.kind,
            evidence_json: evidence.to_string(),
            mention_ids: ids,
        });
    }
    store.replace_entities(&entities)?;
    Ok(names)
}

/// Resolves entities, checks every current claim and stores the findings.
///
/// # Errors
/// When the database fails.
pub fn check(
    store: &mut Store,
    opts: &CheckOptions,
) -> Result<(Vec<Finding>, Vec<Estimate>), CliError> {
    let names = resolve_entities(store)?;
    let claims: Vec<CheckClaim> = store
        .claims()?
        .into_iter()
        .map(|row| {
            let mut claim = row.claim;
            if let Subject::Event { participants, .. } = &mut claim.subject {
                for p in participants.iter_mut() {
                    if let Some(n) = names.get(&(row.doc_id, p.clone())) {
                        *p = n.clone();
                    }
                }
                participants.sort();
                participants.dedup();
            }
            CheckClaim {
                id: row.id,
                doc_id: row.doc_id,
                document: row.document,
                doc_date: row.doc_date,
                claim,
            }
        })
        .collect();
    let findings = claims_check::check(&claims, opts);
    store.replace_findings(&findings)?;
    Ok((findings, claims_check::estimates::estimates(&claims)))
}
