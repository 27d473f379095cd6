//! One function per command: turn resolved flags into library calls and output.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use claims_check::{report, CheckOptions};
use claims_model::{Extraction, FindingKind, Severity};
use claims_store::{CorrectionKind, NewCorrection, Store};

use crate::args::{
    AliasAction, Cli, Command, ExportFormat, KindArg, ReportFormat, SeverityArg, TableFormat,
};
use crate::error::{CliError, EXIT_CONTRADICTION, EXIT_PARTIAL};
use crate::pipeline;
use crate::table;

pub fn run(cli: Cli) -> Result<ExitCode, CliError> {
    let output = cli.output.clone();
    let write_stdout = |s: &str| {
        with_output(output.as_deref(), |w: &mut dyn Write| {
            Ok(w.write_all(s.as_bytes())?)
        })
    };
    match cli.command {
        Command::Man { command } => {
            let cmd = <Cli as clap::CommandFactory>::command();
            let page = match command {
                None => cmd,
                Some(name) => match cmd.find_subcommand(&name) {
                    Some(sub) => sub.clone().name(format!("claims-{name}")),
                    None => {
                        let known: Vec<&str> =
                            cmd.get_subcommands().map(|c| c.get_name()).collect();
                        return Err(CliError::Usage(format!(
                            "no command {name:?} (one of: {})",
                            known.join(", ")
                        )));
                    }
                },
            };
            let mut buf = Vec::new();
            clap_mangen::Man::new(page).render(&mut buf)?;
            write_stdout(&String::from_utf8_lossy(&buf))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "claims", &mut buf);
            write_stdout(&String::from_utf8_lossy(&buf))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest { db, quiet, paths } => {
            let mut store = Store::open(&db)?;
            let s = pipeline::ingest(&mut store, &paths, progress(quiet))?;
            report_ingest(&s, quiet);
            Ok(if s.skipped.is_empty() && s.failed.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(EXIT_PARTIAL)
            })
        }
        Command::Check {
            db,
            format,
            min_severity,
            agreements,
            subject,
            kind,
            document,
            touched,
            paths,
        } => {
            let mut store = Store::open(&db)?;
            if !paths.is_empty() {
                let s = pipeline::ingest(&mut store, &paths, progress(false))?;
                report_ingest(&s, true);
            }
            let opts = CheckOptions {
                agreements,
                ..CheckOptions::default()
            };
            let outcome = pipeline::check(&mut store, &opts, progress(false), touched)?;
            if touched {
                eprintln!("{}", touched_note(&outcome.scope));
            }
            let mut estimates = outcome.estimates;
            let min = min_severity.map(severity);
            let needle = subject.as_deref().map(str::to_lowercase);
            let kind = kind.map(finding_kind);
            let wanted = |f: &claims_model::Finding| {
                min.is_none_or(|min| f.severity <= min)
                    && needle
                        .as_deref()
                        .is_none_or(|n| f.subject.to_lowercase().contains(n))
                    && kind.is_none_or(|k| f.kind == k)
                    && document
                        .as_deref()
                        .is_none_or(|d| f.claims.iter().any(|c| c.document.contains(d)))
            };
            if let Some(needle) = needle.as_deref() {
                estimates.retain(|e| e.subject.to_lowercase().contains(needle));
            }
            if format == ReportFormat::Json {
                // Streamed: at scale the JSON report is hundreds of megabytes, and its findings
                // come back from the database a batch at a time in report order.
                let mut contradiction = false;
                with_output(output.as_deref(), |w| {
                    let mut report = report::JsonReport::begin(w, &estimates)?;
                    store.each_staged_finding(4096, |mut batch| {
                        batch.retain(|f| wanted(f));
                        contradiction |=
                            batch.iter().any(|f| f.severity == Severity::Contradiction);
                        report.findings(&batch).map_err(CliError::from)
                    })?;
                    Ok(report.finish()?)
                })?;
                return Ok(if contradiction {
                    ExitCode::from(EXIT_CONTRADICTION)
                } else {
                    ExitCode::SUCCESS
                });
            }
            let mut findings = store.staged_findings()?;
            findings.retain(|f| wanted(f));
            let color = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let out = match format {
                ReportFormat::Text => {
                    let mut t = report::text(&findings, color);
                    if !estimates.is_empty() {
                        t.push('\n');
                        t.push_str(&report::estimates_text(&estimates));
                    }
                    Some(t)
                }
                ReportFormat::Markdown => {
                    let mut t = report::markdown(&findings);
                    if !estimates.is_empty() {
                        t.push_str(&report::estimates_markdown(&estimates));
                    }
                    Some(t)
                }
                // Streamed above.
                ReportFormat::Json => None,
                ReportFormat::Html => Some(claims_check::html::html(
                    &findings,
                    &estimates,
                    "Disagreements between sources",
                )),
                ReportFormat::Claimreview => {
                    let today = jiff::Zoned::now().date().to_string();
                    Some(pretty(&report::claimreview(&findings, &today)))
                }
                ReportFormat::Csv => Some(table::csv(
                    &[
                        "finding_id",
                        "severity",
                        "kind",
                        "subject",
                        "reason",
                        "summary",
                        "arithmetic",
                        "claim_position",
                        "claim_id",
                        "document",
                        "document_date",
                        "start_byte",
                        "end_byte",
                        "quote",
                        "value_json",
                        "as_of",
                        "attributed_to",
                    ],
                    findings.iter().flat_map(|f| {
                        f.claims.iter().enumerate().map(move |(i, c)| {
                            vec![
                                f.id.clone(),
                                f.severity.as_str().to_string(),
                                f.kind.as_str().to_string(),
                                f.subject.clone(),
                                f.reason.clone(),
                                f.summary.clone(),
                                table::opt(f.arithmetic.as_deref()),
                                (i + 1).to_string(),
                                c.claim_id.to_string(),
                                c.document.clone(),
                                table::opt(c.document_date.as_deref()),
                                c.start.to_string(),
                                c.end.to_string(),
                                c.quote.clone(),
                                serde_json::to_string(&c.value).unwrap_or_default(),
                                table::opt(c.as_of.as_deref()),
                                table::opt(c.attributed_to.as_deref()),
                            ]
                        })
                    }),
                )?),
            };
            match out {
                Some(out) => write_stdout(&out)?,
                None => with_output(output.as_deref(), |w| {
                    Ok(report::write_json(w, &findings, &estimates)?)
                })?,
            }
            let contradiction = findings
                .iter()
                .any(|f| f.severity == Severity::Contradiction);
            Ok(if contradiction {
                ExitCode::from(EXIT_CONTRADICTION)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Entities { db, format } => {
            let mut store = Store::open(&db)?;
            pipeline::resolve_entities(&mut store)?;
            let entities = store.entities()?;
            let out = match format {
                TableFormat::Csv => table::csv(
                    &["id", "name", "kind", "aliases", "mention_count"],
                    entities.iter().map(|e| {
                        let aliases: Vec<String> = e
                            .aliases
                            .iter()
                            .map(|(t, n)| format!("{t} ({n})"))
                            .collect();
                        let mentions: u64 = e.aliases.iter().map(|(_, n)| n).sum();
                        vec![
                            e.id.to_string(),
                            e.name.clone(),
                            e.kind.as_str().to_string(),
                            aliases.join("; "),
                            mentions.to_string(),
                        ]
                    }),
                )?,
                TableFormat::Json => {
                    let items: Vec<serde_json::Value> = entities
                        .iter()
                        .map(|e| {
                            let evidence: serde_json::Value = serde_json::from_str(&e.evidence_json).unwrap_or(serde_json::Value::Null);
                            serde_json::json!({
                                "id": e.id,
                                "name": e.name,
                                "kind": e.kind.as_str(),
                                "aliases": e.aliases.iter().map(|(t, n)| serde_json::json!({"text": t, "count": n})).collect::<Vec<_>>(),
                                "evidence": evidence,
                            })
                        })
                        .collect();
                    pretty(&serde_json::json!({ "entities": items }))
                }
                TableFormat::Text => {
                    let mut s = String::new();
                    for e in &entities {
                        let aliases: Vec<String> =
                            e.aliases.iter().map(|(t, n)| format!("{t} ×{n}")).collect();
                        s.push_str(&format!(
                            "{:<13} {}  ({})\n",
                            e.kind.as_str(),
                            e.name,
                            aliases.join(", ")
                        ));
                    }
                    s
                }
            };
            write_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Alias {
            db,
            who,
            note,
            action,
        } => {
            let mut store = Store::open(&db)?;
            let who = who
                .or_else(|| std::env::var("USER").ok())
                .unwrap_or_else(|| "analyst".to_string());
            let (kind, a, b) = match action {
                AliasAction::Merge { a, b } => (CorrectionKind::Merge, a, b),
                AliasAction::CannotLink { a, b } => (CorrectionKind::CannotLink, a, b),
                AliasAction::Rename { from, to } => (CorrectionKind::Rename, from, to),
                AliasAction::List { format } => {
                    let corrections = store.corrections()?;
                    let out = match format {
                        TableFormat::Text => {
                            let mut out = String::new();
                            for c in &corrections {
                                out.push_str(&format!(
                                    "{}\t{}\t{}\t{}\t{}\t{}\n",
                                    c.id,
                                    c.kind.as_str(),
                                    c.a,
                                    c.b,
                                    c.who,
                                    c.created_at
                                ));
                            }
                            out
                        }
                        TableFormat::Json => pretty(&serde_json::json!({
                            "corrections": corrections.iter().map(|c| serde_json::json!({
                                "id": c.id, "kind": c.kind.as_str(), "a": c.a, "b": c.b,
                                "who": c.who, "note": c.note, "created_at": c.created_at,
                            })).collect::<Vec<_>>()
                        })),
                        TableFormat::Csv => table::csv(
                            &["id", "kind", "a", "b", "who", "note", "created_at"],
                            corrections.iter().map(|c| {
                                vec![
                                    c.id.to_string(),
                                    c.kind.as_str().to_string(),
                                    c.a.clone(),
                                    c.b.clone(),
                                    c.who.clone(),
                                    table::opt(c.note.as_deref()),
                                    c.created_at.clone(),
                                ]
                            }),
                        )?,
                    };
                    write_stdout(&out)?;
                    return Ok(ExitCode::SUCCESS);
                }
            };
            let id = store.add_correction(&NewCorrection {
                kind,
                a: a.clone(),
                b: b.clone(),
                who,
                note,
            })?;
            eprintln!("recorded correction {id}: {} {a:?} {b:?}", kind.as_str());
            Ok(ExitCode::SUCCESS)
        }
        Command::Search {
            db,
            format,
            limit,
            raw,
            query,
        } => {
            let store = Store::open(&db)?;
            let hits = if raw {
                store.search_fts(&query, limit)?
            } else {
                store.search(&query, limit)?
            };
            let out = match format {
                TableFormat::Csv => table::csv(
                    &[
                        "document",
                        "date",
                        "start_byte",
                        "end_byte",
                        "text",
                        "snippet",
                    ],
                    hits.iter().map(|h| {
                        vec![
                            h.document.clone(),
                            h.doc_date.map(|d| d.to_string()).unwrap_or_default(),
                            h.start.to_string(),
                            h.end.to_string(),
                            h.text.clone(),
                            h.snippet.clone(),
                        ]
                    }),
                )?,
                TableFormat::Json => pretty(
                    &serde_json::json!({ "hits": hits.iter().map(|h| serde_json::json!({
                    "document": h.document, "date": h.doc_date.map(|d| d.to_string()), "start": h.start, "end": h.end,
                    "text": h.text, "snippet": h.snippet,
                })).collect::<Vec<_>>() }),
                ),
                TableFormat::Text => hits
                    .iter()
                    .map(|h| {
                        let date = h.doc_date.map(|d| format!(" ({d})")).unwrap_or_default();
                        format!(
                            "{}{date} [{}..{}]\n    {}\n",
                            h.document, h.start, h.end, h.snippet
                        )
                    })
                    .collect(),
            };
            write_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { db, out, format } => {
            let mut store = Store::open(&db)?;
            match format {
                ExportFormat::Jsonl => {
                    let n = crate::export::jsonl(&mut store, &out)?;
                    eprintln!(
                        "wrote {} documents, {} claims, {} entities, {} findings to {}",
                        n.0,
                        n.1,
                        n.2,
                        n.3,
                        out.display()
                    );
                }
                ExportFormat::Parquet => {
                    let files = crate::export::parquet(&mut store, &out)?;
                    let listed: Vec<String> = files
                        .iter()
                        .map(|(f, n)| format!("{f} ({n} rows)"))
                        .collect();
                    eprintln!("wrote {} to {}", listed.join(", "), out.display());
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract {
            format: _,
            reference_date,
            path,
        } => {
            let doc = read_input(&path)?;
            let (date, assumed) = match reference_date {
                Some(d) => (Some(d), false),
                None => (
                    doc.header.published.or_else(|| {
                        claims_extract::infer_reference_date(&doc.text[doc.body_start..])
                    }),
                    false,
                ),
            };
            let opts = claims_extract::Options {
                reference_date: date,
                reference_assumed: assumed,
                published: doc.header.published,
            };
            let extraction = claims_extract::extract(&doc.text, doc.body_start, &opts);
            write_stdout(&pretty(&extraction_json(&extraction)))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn severity(s: SeverityArg) -> Severity {
    match s {
        SeverityArg::Contradiction => Severity::Contradiction,
        SeverityArg::Tension => Severity::Tension,
        SeverityArg::Change => Severity::Change,
        SeverityArg::Agreement => Severity::Agreement,
    }
}

/// A progress bar only on a terminal, and never with --quiet.
fn progress(quiet: bool) -> pipeline::Progress {
    if quiet || !std::io::stderr().is_terminal() {
        pipeline::Progress::Quiet
    } else {
        pipeline::Progress::Bar
    }
}

fn finding_kind(k: KindArg) -> FindingKind {
    match k {
        KindArg::Numeric => FindingKind::Numeric,
        KindArg::Date => FindingKind::Date,
        KindArg::Article => FindingKind::Article,
        KindArg::Arithmetic => FindingKind::Arithmetic,
    }
}

fn read_input(path: &Path) -> Result<claims_text::Document, CliError> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)?;
        return Ok(claims_text::parse_document("-", bytes)?);
    }
    Ok(claims_text::read_document(path)?)
}

fn report_ingest(s: &pipeline::IngestSummary, quiet: bool) {
    for reason in &s.skipped {
        eprintln!("claims: skipped {reason}");
    }
    for reason in &s.failed {
        eprintln!("claims: failed {reason}");
    }
    if !quiet {
        for note in &s.notes {
            eprintln!("claims: note: {note}");
        }
        eprintln!(
            "ingested {} new, {} replaced, {} unchanged, {} skipped, {} failed",
            s.added,
            s.replaced,
            s.unchanged,
            s.skipped.len(),
            s.failed.len()
        );
    }
}

fn pretty(v: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string());
    s.push('\n');
    s
}

/// Runs `write` on the `--output` file, or on standard output when there is none, buffered.
/// A failure names the file; on standard output a closed pipe is told apart by the caller.
fn with_output(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<(), CliError>,
) -> Result<(), CliError> {
    match path {
        Some(path) => {
            let failed = |source| CliError::OutputFile {
                path: path.display().to_string(),
                source,
            };
            let mut w = std::io::BufWriter::new(std::fs::File::create(path).map_err(failed)?);
            // A failed write names the file; other errors (the database's) are what they are.
            write(&mut w).map_err(|e| match e {
                CliError::Output(source) => failed(source),
                other => other,
            })?;
            w.flush().map_err(failed)
        }
        None => {
            let mut w = std::io::BufWriter::new(std::io::stdout().lock());
            write(&mut w)?;
            w.flush()?;
            Ok(())
        }
    }
}

/// The JSON of `claims extract` (shape fixed by the contract).
pub fn extraction_json(x: &Extraction) -> serde_json::Value {
    let mut ids: Vec<(claims_model::EntityKind, &str)> = Vec::new();
    let entities: Vec<serde_json::Value> = x
        .entities
        .iter()
        .map(|e| {
            let key = (e.kind, e.name.as_str());
            let id = ids.iter().position(|k| *k == key).unwrap_or_else(|| {
                ids.push(key);
                ids.len() - 1
            });
            serde_json::json!({
                "text": e.text, "start": e.span.start(), "end": e.span.end(), "kind": e.kind.as_str(),
                "id": id, "name": e.name, "role": e.role,
            })
        })
        .collect();
    serde_json::json!({
        "reference_date": x.reference_date.map(|d| d.to_string()),
        "quantities": x.quantities.iter().map(|q| serde_json::json!({
            "text": q.text, "start": q.span.start(), "end": q.span.end(),
            "low": q.interval.low(), "high": q.interval.high(), "unit": q.unit,
            "hedge": q.hedge, "kind": q.kind,
        })).collect::<Vec<_>>(),
        "times": x.times.iter().map(|t| serde_json::json!({
            "text": t.text, "start": t.span.start(), "end": t.span.end(), "type": t.kind, "value": t.value,
            "earliest": t.interval.map(|i| i.earliest().to_string()),
            "latest": t.interval.map(|i| i.latest().to_string()),
            "granularity": t.granularity,
        })).collect::<Vec<_>>(),
        "entities": entities,
        "claims": x.claims,
    })
}

/// What a `check --touched` compared, for standard error.
fn touched_note(scope: &pipeline::CheckedScope) -> String {
    match scope {
        pipeline::CheckedScope::All { fallback } => format!(
            "claims check --touched: compared every group ({})",
            fallback.as_deref().unwrap_or("as asked")
        ),
        pipeline::CheckedScope::Touched {
            since,
            new_documents,
            groups,
            regrouped,
        } => format!(
            "claims check --touched: compared {groups} group{} touched since check run {since} \
             ({new_documents} new document{}, {regrouped} claim{} regrouped by entity \
             resolution); the findings of other groups are unchanged and not shown",
            plural(*groups),
            plural(*new_documents),
            plural(*regrouped)
        ),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
