//! The pipeline the commands share: ingest files, resolve entities, run the checker.

use std::collections::HashMap;
use std::path::PathBuf;

use claims_check::estimates::Estimate;
use claims_check::{CheckClaim, CheckOptions};
use claims_model::{Date, EntityKind, Subject};
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

/// The entity name of each (document, in-document person name): what resolution gives the
/// checker for event participants.
pub type Names = HashMap<(i64, String), String>;

/// Resolves the entities of every current document and stores them. Returns, for each document
/// and in-document person name, the resolved entity name.
///
/// # Errors
/// When the database fails.
pub fn resolve_entities(store: &mut Store) -> Result<Names, CliError> {
    // The mentions are read straight into a MentionSet (strings interned, identical mentions
    // of a document counted once): millions of rows, no string allocated per row. Only the ids
    // are kept beside it.
    let mut set = MentionSet::new();
    let mut ids: Vec<i64> = Vec::new();
    store.each_mention(|m| {
        let Some(m) = m else {
            // The rows come again in document order: start over.
            set = MentionSet::new();
            ids.clear();
            return;
        };
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
    let names: Names = person_names
        .into_iter()
        .map(|((doc, name), entity)| ((doc, name.to_string()), entity.to_string()))
        .collect();
    drop((resolved, set, ids));
    store.replace_entities(&entities)?;
    Ok(names)
}

/// Compares `claims` (arithmetic for the documents `arithmetic_in` accepts), staging each batch
/// of findings in the store as the checker finds it: never all findings in memory.
fn compare_and_stage(
    store: &mut Store,
    claims: &[CheckClaim],
    opts: &CheckOptions,
    arithmetic_in: impl Fn(i64) -> bool,
) -> Result<(), CliError> {
    claims_check::check_each(claims, opts, arithmetic_in, |batch| {
        store.stage_findings(&batch)
    })?;
    Ok(())
}

/// Stores the staged findings as run `run`'s (SQLite, this thread) while the estimates are
/// worked out (the other cores): neither needs the other. Returns the estimates; the findings
/// stay staged for the report.
fn store_and_estimate(
    store: &mut Store,
    run: i64,
    scope: claims_store::CheckScope<'_>,
    groups: usize,
    claims: &[CheckClaim],
) -> Result<Vec<Estimate>, CliError> {
    let (stored, estimates) = rayon::join(
        || store.finish_check(run, scope, groups),
        || claims_check::estimates::estimates(claims),
    );
    stored?;
    Ok(estimates)
}

/// Claims with a new or changed group (with it), and claims with no group any more.
type GroupChanges = (Vec<(i64, String)>, Vec<i64>);

/// The difference between the groups of the current claims (`computed`) and the stored ones
/// (which `each_stored` hands over one at a time), both in claim id order: the claims whose group
/// is new or changed, with it, and the stored claims that have no group any more (of replaced
/// documents, or no longer compared). A merge of the two sorted streams: neither list of half a
/// million keys is held, only the changes.
///
/// # Errors
/// What `each_stored` returns.
fn group_changes<E>(
    computed: impl Iterator<Item = (i64, String)>,
    each_stored: impl FnOnce(&mut dyn FnMut(i64, &str)) -> Result<(), E>,
) -> Result<GroupChanges, E> {
    let (mut keys, mut unkeyed) = (Vec::new(), Vec::new());
    let mut computed = computed.peekable();
    each_stored(&mut |id, stored| {
        while let Some(new) = computed.next_if(|(c, _)| *c < id) {
            keys.push(new);
        }
        match computed.next_if(|(c, _)| *c == id) {
            Some(new) if new.1 != stored => keys.push(new),
            Some(_) => {}
            None => unkeyed.push(id),
        }
    })?;
    keys.extend(computed);
    Ok((keys, unkeyed))
}

/// What a check run found, and what it compared. Its findings are the store's staged findings
/// ([`Store::each_staged_finding`]), in report order.
#[derive(Debug)]
pub struct CheckOutcome {
    pub estimates: Vec<Estimate>,
    /// What was compared: every group, or only those touched since a previous run.
    pub scope: CheckedScope,
}

/// Which groups a check compared.
#[derive(Debug, PartialEq, Eq)]
pub enum CheckedScope {
    /// Every group. `fallback` says why when only the touched groups were asked for.
    All { fallback: Option<String> },
    /// Only the groups with a claim that is new, changed group (entity resolution moved it) or
    /// was withdrawn (its document was replaced) since run `since`.
    Touched {
        since: i64,
        new_documents: usize,
        groups: usize,
        regrouped: usize,
    },
}

/// The version and options a run's findings depend on: a `--touched` run builds only on a
/// finished run with the same.
fn options_fingerprint(opts: &CheckOptions) -> String {
    format!(
        "claims {} rules {} {opts:?}",
        env!("CARGO_PKG_VERSION"),
        claims_check::RULES_VERSION
    )
}

/// Replaces each event participant by the entity it was resolved to in its document.
fn resolve_participants(names: &Names, doc_id: i64, subject: &mut Subject) {
    if let Subject::Event { participants, .. } = subject {
        for p in participants.iter_mut() {
            if let Some(n) = names.get(&(doc_id, p.clone())) {
                *p = n.clone();
            }
        }
        participants.sort();
        participants.dedup();
    }
}

fn check_claims(rows: Vec<claims_store::ClaimRow>, names: &Names) -> Vec<CheckClaim> {
    rows.into_iter()
        .map(|row| {
            let mut claim = row.claim;
            resolve_participants(names, row.doc_id, &mut claim.subject);
            CheckClaim {
                id: row.id,
                doc_id: row.doc_id,
                document: row.document,
                doc_date: row.doc_date,
                claim,
            }
        })
        .collect()
}

/// The steps of a check: a spinner naming the running step on a terminal (a large collection
/// takes seconds), and with `CLAIMS_TIMINGS` set in the environment each step's wall time, the
/// memory in use after it and the peak so far on standard error (how docs/performance.md breaks a check down).
struct Steps {
    bar: indicatif::ProgressBar,
    timings: bool,
    running: Option<(String, std::time::Instant)>,
}

impl Steps {
    fn new(progress: Progress) -> Steps {
        let bar = match progress {
            Progress::Bar => indicatif::ProgressBar::new_spinner(),
            Progress::Quiet => indicatif::ProgressBar::hidden(),
        };
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Steps {
            bar,
            timings: std::env::var_os("CLAIMS_TIMINGS").is_some_and(|v| !v.is_empty()),
            running: None,
        }
    }

    fn next(&mut self, name: impl Into<String>) {
        let name = name.into();
        self.bar.set_message(name.clone());
        self.report();
        self.running = Some((name, std::time::Instant::now()));
    }

    fn report(&mut self) {
        if let Some((name, start)) = self.running.take() {
            if self.timings {
                let mb = |field| rss_mb(field).map_or_else(|| "?".to_string(), |m| m.to_string());
                eprintln!(
                    "{:>8.3} s  {:>6} MB now {:>6} MB peak  {name}",
                    start.elapsed().as_secs_f64(),
                    mb("VmRSS:"),
                    mb("VmHWM:")
                );
            }
        }
    }

    fn finish(mut self) {
        self.report();
        self.bar.finish_and_clear();
    }
}

/// The process's resident memory in MB, now (`field` "VmRSS:") or at its peak so far
/// ("VmHWM:"), from /proc/self/status (Linux; `None` elsewhere).
fn rss_mb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

/// Resolves entities, checks the current claims and stores the findings.
///
/// With `touched`, and a finished previous run with the same options to build on, only the
/// groups touched since that run are compared (see [`CheckedScope::Touched`]); the stored
/// findings of the other groups are kept, and the stored findings as a whole come out as a
/// full check would leave them. The findings and estimates returned are those of the groups
/// compared.
///
/// # Errors
/// When the database fails.
pub fn check(
    store: &mut Store,
    opts: &CheckOptions,
    progress: Progress,
    touched: bool,
) -> Result<CheckOutcome, CliError> {
    let mut step = Steps::new(progress);
    let options = options_fingerprint(opts);
    let base = store.last_check()?;
    let fallback = match &base {
        _ if !touched => None,
        None => Some("no previous check to build on".to_string()),
        Some(run) if !run.finished => Some(format!(
            "the last check (run {}) was interrupted before it stored its findings",
            run.id
        )),
        Some(run) if run.options != options => Some(format!(
            "the last check (run {}) ran with other options or another version of claims",
            run.id
        )),
        Some(_) => None,
    };
    let last_document_id = store.max_document_id()?;
    step.next("resolving entities");
    let names = resolve_entities(store)?;
    let outcome = match base {
        Some(run) if touched && fallback.is_none() => check_touched(
            store,
            opts,
            &mut step,
            names,
            &options,
            last_document_id,
            &run,
        )?,
        _ => check_all(
            store,
            opts,
            &mut step,
            names,
            &options,
            last_document_id,
            fallback,
        )?,
    };
    step.finish();
    Ok(outcome)
}

/// A check of the groups touched since `run` (see [`check`]).
fn check_touched(
    store: &mut Store,
    opts: &CheckOptions,
    step: &mut Steps,
    names: Names,
    options: &str,
    last_document_id: i64,
    run: &claims_store::CheckRun,
) -> Result<CheckOutcome, CliError> {
    step.next("reading new claims");
    let new_claims = store.claims_after(run.last_document_id)?;
    let new_documents = {
        let mut docs: Vec<i64> = new_claims.iter().map(|c| c.doc_id).collect();
        docs.dedup();
        docs.len()
    };
    // The groups of new claims, and of event claims again (resolution may have moved
    // a participant): claim id -> group.
    let mut computed: HashMap<i64, Option<String>> = new_claims
        .iter()
        .map(|c| {
            let mut subject = c.claim.subject.clone();
            resolve_participants(&names, c.doc_id, &mut subject);
            (
                c.id,
                claims_check::subject_group_key(c.claim.kind, &subject),
            )
        })
        .collect();
    drop(new_claims);
    step.next("regrouping event claims");
    for (id, doc_id, mut subject) in store.event_subjects()? {
        resolve_participants(&names, doc_id, &mut subject);
        computed.insert(
            id,
            claims_check::subject_group_key(claims_model::ClaimKind::Event, &subject),
        );
    }
    step.next("reading stored groups");
    let stored: HashMap<i64, String> = store.stored_claim_keys()?.into_iter().collect();
    let mut groups: std::collections::BTreeSet<String> = Default::default();
    let (mut keys, mut unkeyed) = (Vec::new(), Vec::new());
    let mut regrouped = 0;
    for (id, key) in computed {
        // Claims recomputed here are of current documents.
        let old = stored.get(&id).map(String::as_str);
        if old == key.as_deref() {
            continue;
        }
        if let Some(old) = old {
            regrouped += 1;
            groups.insert(old.to_string());
        }
        match key {
            Some(k) => {
                groups.insert(k.clone());
                keys.push((id, k));
            }
            None => unkeyed.push(id),
        }
    }
    // Claims of documents replaced since: their groups lose them.
    let mut withdrawn = Vec::new();
    drop(stored);
    for (claim, key) in store.withdrawn_claim_keys()? {
        groups.insert(key);
        unkeyed.push(claim);
        withdrawn.push(claim);
    }
    let groups: Vec<String> = groups.into_iter().collect();
    let scope = claims_store::CheckScope::Touched {
        groups: &groups,
        withdrawn: &withdrawn,
    };
    step.next(format!(
        "storing {} changed groups",
        keys.len() + unkeyed.len()
    ));
    let run_id = store.begin_check(scope, options, last_document_id, &keys, &unkeyed)?;
    step.next("reading claims");
    let claims = check_claims(store.claims_in_groups(&groups)?, &names);
    drop(names);
    step.next(format!("comparing {} claims", claims.len()));
    let since = run.last_document_id;
    compare_and_stage(store, &claims, opts, |doc| doc > since)?;
    step.next("storing findings, estimates");
    let estimates = store_and_estimate(store, run_id, scope, groups.len(), &claims)?;
    Ok(CheckOutcome {
        estimates,
        scope: CheckedScope::Touched {
            since: run.id,
            new_documents,
            groups: groups.len(),
            regrouped,
        },
    })
}

/// A check of every group (see [`check`]); `fallback` says why when only the touched groups
/// were asked for.
fn check_all(
    store: &mut Store,
    opts: &CheckOptions,
    step: &mut Steps,
    names: Names,
    options: &str,
    last_document_id: i64,
    fallback: Option<String>,
) -> Result<CheckOutcome, CliError> {
    step.next("reading claims");
    let rows = store.claims()?;
    step.next("resolving participants");
    let claims = check_claims(rows, &names);
    // Only the participants needed the names: their memory goes to the findings.
    drop(names);
    step.next("grouping claims");
    // Claims in id order (positions into `claims`); each group key is worked out as the merge
    // with the stored groups needs it, and only changed ones are kept.
    let mut order: Vec<(i64, usize)> = claims.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    order.sort_unstable();
    let mut distinct: std::collections::HashSet<String> = Default::default();
    let computed = order.iter().filter_map(|&(id, i)| {
        let key = claims_check::group_key(&claims[i].claim)?;
        if !distinct.contains(&key) {
            distinct.insert(key.clone());
        }
        Some((id, key))
    });
    let (keys, unkeyed) = group_changes(computed, |each| store.each_stored_claim_key(each))?;
    let groups = distinct.len();
    drop((order, distinct));
    let scope = claims_store::CheckScope::All;
    step.next(format!(
        "storing {} changed groups",
        keys.len() + unkeyed.len()
    ));
    let run_id = store.begin_check(scope, options, last_document_id, &keys, &unkeyed)?;
    drop((keys, unkeyed));
    step.next(format!("comparing {} claims", claims.len()));
    compare_and_stage(store, &claims, opts, |_| true)?;
    step.next("storing findings, estimates");
    let estimates = store_and_estimate(store, run_id, scope, groups, &claims)?;
    Ok(CheckOutcome {
        estimates,
        scope: CheckedScope::All { fallback },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `group_changes` against its definition with maps, on random sorted lists.
    #[test]
    fn group_changes_is_the_difference_of_the_two_lists() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..300 {
            let mut lists = [Vec::new(), Vec::new()];
            for v in &mut lists {
                let len = next(30);
                *v = (0..len)
                    .map(|_| (next(40) as i64, format!("g{}", next(4))))
                    .collect::<Vec<(i64, String)>>();
                v.sort_unstable_by_key(|(id, _)| *id);
                v.dedup_by_key(|(id, _)| *id);
            }
            let [computed, stored] = lists;
            let (keys, unkeyed) = group_changes(computed.iter().cloned(), |each| {
                for (id, key) in &stored {
                    each(*id, key);
                }
                Ok::<(), ()>(())
            })
            .expect("no error");
            let stored_of: HashMap<i64, &String> = stored.iter().map(|(i, k)| (*i, k)).collect();
            let computed_of: HashMap<i64, &String> =
                computed.iter().map(|(i, k)| (*i, k)).collect();
            let expected_keys: Vec<(i64, String)> = computed
                .iter()
                .filter(|(i, k)| stored_of.get(i) != Some(&k))
                .cloned()
                .collect();
            let expected_unkeyed: Vec<i64> = stored
                .iter()
                .filter(|(i, _)| !computed_of.contains_key(i))
                .map(|(i, _)| *i)
                .collect();
            assert_eq!(keys, expected_keys, "{computed:?} vs {stored:?}");
            assert_eq!(unkeyed, expected_unkeyed, "{computed:?} vs {stored:?}");
        }
    }

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
