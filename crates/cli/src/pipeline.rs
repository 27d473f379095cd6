//! The pipeline the commands share: ingest files, resolve entities, run the checker.

use std::collections::HashMap;
use std::path::PathBuf;

use claims_check::estimates::Estimate;
use claims_check::{CheckClaim, CheckOptions};
use claims_model::{Date, EntityKind, Finding, Subject};
use claims_normalize::{Correction, MentionRef, MentionSet};
use claims_store::{CorrectionKind, Ingested, NewDocument, NewEntity, Store};
use claims_text::{Document, TextError};

use crate::error::CliError;

/// What an ingest run did, file by file.
#[derive(Debug, Default)]
pub struct IngestSummary {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    /// Inputs that could not be read as documents (missing, empty, binary, too large, a bad
    /// JSON line…), with the reason (each names its file).
    pub skipped: Vec<String>,
    /// Documents that were read and extracted but that the database refused to store, with the
    /// error (each names its document). Nothing of such a document is stored.
    pub failed: Vec<String>,
    /// What had to be done to read a stored document ("decoded as windows-1252"), per document.
    pub notes: Vec<String>,
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

/// The median of the known reference dates (`sorted` is kept sorted): the date assumed for a
/// document of the same collection that states no year at all.
fn collection_date(sorted: &[Date]) -> Option<Date> {
    (!sorted.is_empty()).then(|| sorted[(sorted.len() - 1) / 2])
}

/// Documents read, extracted and written together: bounds memory whatever the corpus size.
const CHUNK: usize = 256;

/// How an ingest or check run reports progress.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// On standard error: a bar for ingest (documents/s), the running step for check.
    Bar,
    Quiet,
}

/// Reads, extracts and stores every document under `paths`. One bad file never stops the others.
///
/// Files are taken in chunks: each chunk is read and extracted on all cores (rayon), then written
/// by this thread in one transaction with a savepoint per document, so a document is stored whole
/// or not at all and an interrupted run keeps every chunk already committed.
///
/// # Errors
/// Only when the database itself fails.
pub fn ingest(
    store: &mut Store,
    paths: &[PathBuf],
    progress: Progress,
) -> Result<IngestSummary, CliError> {
    use rayon::prelude::*;

    let mut summary = IngestSummary::default();
    let (files, missing) = claims_text::collect_files(paths);
    summary
        .skipped
        .extend(missing.iter().map(TextError::to_string));
    let bar = match progress {
        Progress::Bar => indicatif::ProgressBar::new(files.len() as u64),
        Progress::Quiet => indicatif::ProgressBar::hidden(),
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} documents {per_sec} eta {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    // Reference dates read from the texts so far: the median stands in for a document that
    // states no year at all.
    let mut known: Vec<Date> = store.stated_reference_dates()?;
    known.sort_unstable();
    // Chunk k is written (one thread, SQLite) while chunk k+1 is extracted (the other cores):
    // the writer never waits for extraction and extraction never waits for the writer, except
    // at the ends.
    let mut pending: Option<Extracted> = None;
    for chunk in files.chunks(CHUNK) {
        // A .jsonl file holds many documents; every other file one.
        let read: Vec<Result<Document, TextError>> = chunk
            .par_iter()
            .flat_map_iter(|f| claims_text::read_documents(f))
            .collect();
        let mut docs = Vec::with_capacity(read.len());
        for r in read {
            match r {
                Ok(doc) if store.is_unchanged(&doc.path, &doc.sha256)? => summary.unchanged += 1,
                Ok(doc) => {
                    summary
                        .notes
                        .extend(doc.notes.iter().map(|n| format!("{}: {n}", doc.path)));
                    docs.push(doc);
                }
                Err(e) => summary.skipped.push(e.to_string()),
            }
        }
        let refs: Vec<(Option<Date>, Option<&'static str>)> =
            docs.par_iter().map(reference_for).collect();
        // Appending a chunk to a sorted list and sorting again is linear (the sort merges runs).
        known.extend(refs.iter().filter_map(|r| r.0));
        known.sort();
        let fallback = collection_date(&known);
        let previous = pending.take();
        let (written, extracted) = rayon::join(
            || previous.map(|p| write_chunk(store, p)).transpose(),
            || extract_chunk(docs, &refs, fallback),
        );
        if let Some(written) = written? {
            tally(&mut summary, written);
        }
        bar.inc(chunk.len() as u64);
        pending = Some(extracted);
    }
    if let Some(last) = pending {
        tally(&mut summary, write_chunk(store, last)?);
    }
    bar.finish_and_clear();
    Ok(summary)
}

/// Documents of one chunk with their reference dates and extractions, ready to be written.
struct Extracted {
    docs: Vec<Document>,
    extractions: Vec<(Option<Date>, Option<&'static str>, claims_model::Extraction)>,
}

/// Extracts every document of a chunk on all cores.
fn extract_chunk(
    docs: Vec<Document>,
    refs: &[(Option<Date>, Option<&'static str>)],
    fallback: Option<Date>,
) -> Extracted {
    use rayon::prelude::*;
    let extractions = docs
        .par_iter()
        .zip(refs.par_iter())
        .map(|(doc, &(date, source))| {
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
            (
                date,
                source,
                claims_extract::extract(&doc.text, doc.body_start, &opts),
            )
        })
        .collect();
    Extracted { docs, extractions }
}

/// A document's path and what storing it did.
type Written = (String, Result<Ingested, claims_store::StoreError>);

/// Writes one extracted chunk: one transaction; if any document of it is refused, the chunk is
/// rolled back and written again document by document, so the others still go in. Returns each
/// document's path with its outcome.
fn write_chunk(store: &mut Store, chunk: Extracted) -> Result<Vec<Written>, CliError> {
    let Extracted { docs, extractions } = chunk;
    let batch: Vec<(NewDocument, claims_model::Extraction)> = docs
        .iter()
        .zip(extractions)
        .map(|(doc, (date, source, extraction))| {
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
            (new, extraction)
        })
        .collect();
    let outcomes: Vec<Result<Ingested, claims_store::StoreError>> = match store.ingest_batch(&batch)
    {
        Ok(all) => all.into_iter().map(Ok).collect(),
        Err(_) => store.ingest_each(&batch)?,
    };
    Ok(batch
        .iter()
        .map(|(doc, _)| doc.path.to_string())
        .zip(outcomes)
        .collect())
}

fn tally(summary: &mut IngestSummary, written: Vec<Written>) {
    for (path, outcome) in written {
        match outcome {
            Ok(Ingested::Added { .. }) => summary.added += 1,
            Ok(Ingested::Replaced { .. }) => summary.replaced += 1,
            Ok(Ingested::Unchanged { .. }) => summary.unchanged += 1,
            Err(e) => summary.failed.push(format!("{path}: not stored: {e}")),
        }
    }
}

/// Resolves the entities of every current document and stores them. Returns, for each document
/// and in-document person name, the resolved entity name.
///
/// # Errors
/// When the database fails.
pub fn resolve_entities(store: &mut Store) -> Result<HashMap<(i64, String), String>, CliError> {
    // The mentions are read straight into a MentionSet (strings interned, identical mentions
    // of a document counted once): millions of rows, no string allocated per row. Only the ids
    // are kept beside it.
    let mut set = MentionSet::new();
    let mut ids: Vec<i64> = Vec::new();
    store.each_mention(|m| {
        ids.push(m.id);
        set.push(&MentionRef {
            doc: m.doc_id,
            surface: m.surface,
            name: m.name,
            kind: m.kind,
            office: m.office,
            country: m.country,
            date: m.doc_date,
        });
    })?;
    let corrections: Vec<Correction> = store
        .corrections()?
        .into_iter()
        .map(|c| match c.kind {
            CorrectionKind::Merge => Correction::Merge { a: c.a, b: c.b },
            CorrectionKind::CannotLink => Correction::CannotLink { a: c.a, b: c.b },
            CorrectionKind::Rename => Correction::Rename { from: c.a, to: c.b },
        })
        .collect();
    let resolved = claims_normalize::resolve_set(&set, &corrections);
    // Borrowed while collecting (later entities win, as before), owned once per pair at the end.
    let mut person_names: HashMap<(i64, &str), &str> = HashMap::new();
    let mut entities = Vec::with_capacity(resolved.len());
    for e in &resolved {
        let mut mention_ids = Vec::with_capacity(e.members.len());
        for &i in &e.members {
            mention_ids.push(ids[i]);
            if set.kind(i) == EntityKind::Person {
                person_names.insert((set.doc(i), set.name(i)), &e.name);
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
            mention_ids,
        });
    }
    let names: HashMap<(i64, String), String> = person_names
        .into_iter()
        .map(|((doc, name), entity)| ((doc, name.to_string()), entity.to_string()))
        .collect();
    drop((resolved, set, ids));
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
    progress: Progress,
) -> Result<(Vec<Finding>, Vec<Estimate>), CliError> {
    // A large collection takes seconds to check: say which step is running.
    let step = match progress {
        Progress::Bar => indicatif::ProgressBar::new_spinner(),
        Progress::Quiet => indicatif::ProgressBar::hidden(),
    };
    step.enable_steady_tick(std::time::Duration::from_millis(120));
    step.set_message("resolving entities");
    let names = resolve_entities(store)?;
    step.set_message("reading claims");
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
    step.set_message(format!("comparing {} claims", claims.len()));
    let findings = claims_check::check(&claims, opts);
    step.set_message(format!("storing {} findings", findings.len()));
    store.replace_findings(&findings)?;
    step.set_message("estimates");
    let estimates = claims_check::estimates::estimates(&claims);
    step.finish_and_clear();
    Ok((findings, estimates))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_the_database_refuses_counts_as_failed_not_skipped() {
        let mut summary = IngestSummary::default();
        let refused = claims_store::StoreError::BadSpan {
            path: PathBuf::from("c.db"),
            document: "b.txt".into(),
            what: "claim",
            start: 10,
            end: 20,
            len: 5,
        };
        tally(
            &mut summary,
            vec![
                ("a.txt".into(), Ok(Ingested::Added { id: 1 })),
                ("b.txt".into(), Err(refused)),
                ("c.txt".into(), Ok(Ingested::Unchanged { id: 2 })),
            ],
        );
        assert_eq!((summary.added, summary.unchanged), (1, 1));
        assert!(summary.skipped.is_empty());
        assert_eq!(summary.failed.len(), 1);
        assert!(
            summary.failed[0].starts_with("b.txt: not stored: "),
            "{:?}",
            summary.failed
        );
    }
}
