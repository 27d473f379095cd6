//! Rendering findings for people (text, Markdown) and programs (JSON).

use std::fmt::Write;

use claims_model::{Finding, FindingClaim, FindingKind, FindingValue, Severity};
use serde::Serialize;

use crate::estimates::Estimate;

/// Severity label, upper case, optionally coloured with ANSI codes.
fn label(s: Severity, color: bool) -> String {
    let text = s.as_str().to_uppercase();
    if !color {
        return text;
    }
    let code = match s {
        Severity::Contradiction => "1;31",
        Severity::Tension => "1;33",
        Severity::Change => "1;36",
        Severity::Agreement => "1;32",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

/// A date value as a reader sees it: the day, or "first … last".
pub(crate) fn date_range(earliest: &str, latest: &str) -> String {
    if earliest == latest {
        earliest.to_string()
    } else {
        format!("{earliest} … {latest}")
    }
}

fn value_text(v: &FindingValue) -> String {
    match v {
        FindingValue::Date {
            earliest, latest, ..
        } => date_range(earliest, latest),
        FindingValue::Quantity { low, high, .. } => {
            // As JSON writes the number ("8000.0").
            let num = |x: &Option<f64>| {
                x.and_then(serde_json::Number::from_f64)
                    .map(|n| n.to_string())
            };
            match (num(low), num(high)) {
                (Some(l), Some(h)) if l == h => l,
                (l, h) => format!(
                    "[{}, {}]",
                    l.unwrap_or_else(|| "−∞".into()),
                    h.unwrap_or_else(|| "∞".into())
                ),
            }
        }
        FindingValue::Text { text } => text.clone(),
    }
}

/// ", 2024-11-29" and ", according to X" for a claim line (empty when unknown), with the
/// attribution passed through `escape`.
fn source_bits(
    c: &claims_model::FindingClaim,
    escape: impl Fn(&str) -> String,
) -> (String, String) {
    let date = c
        .document_date
        .as_deref()
        .map(|d| format!(", {d}"))
        .unwrap_or_default();
    let by = c
        .attributed_to
        .as_deref()
        .map(|a| format!(", according to {}", escape(a)))
        .unwrap_or_default();
    (date, by)
}

fn short_doc(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Plain text for a terminal: grouped by subject, each claim with its source and quote.
pub fn text(findings: &[Finding], color: bool) -> String {
    let mut out = String::new();
    if findings.is_empty() {
        out.push_str("No disagreements found.\n");
        return out;
    }
    let mut subjects: Vec<&str> = findings.iter().map(|f| f.subject.as_str()).collect();
    subjects.sort_unstable();
    subjects.dedup();
    for subject in subjects {
        let _ = writeln!(out, "== {subject}");
        for f in findings.iter().filter(|f| f.subject == subject) {
            let _ = writeln!(
                out,
                "{} [{}/{}] {}",
                label(f.severity, color),
                f.kind.as_str(),
                f.reason,
                f.summary
            );
            if let Some(a) = &f.arithmetic {
                let _ = writeln!(out, "    {a}");
            }
            for c in &f.claims {
                let (date, by) = source_bits(c, str::to_string);
                let _ = writeln!(
                    out,
                    "  - {}{} [{}..{}] value {}{}",
                    short_doc(&c.document),
                    date,
                    c.start,
                    c.end,
                    value_text(&c.value),
                    by
                );
                let _ = writeln!(out, "      “{}”", c.quote);
            }
            out.push('\n');
        }
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let _ = writeln!(
        out,
        "{} contradictions, {} tensions, {} changes, {} agreements",
        count(Severity::Contradiction),
        count(Severity::Tension),
        count(Severity::Change),
        count(Severity::Agreement)
    );
    out
}

fn fmt_opt(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), crate::group::fmt_num)
}

/// The estimates table for a terminal: one line per subject.
pub fn estimates_text(estimates: &[Estimate]) -> String {
    let mut out = String::from(
        "Estimates across sources (low / best / high, claims, independent sources):\n",
    );
    for e in estimates {
        let _ = writeln!(
            out,
            "  {}: {} / {} / {} ({} claims, {} sources)",
            e.subject,
            fmt_opt(e.low),
            fmt_opt(e.best),
            fmt_opt(e.high),
            e.claims,
            e.independent_sources
        );
    }
    out
}

/// The estimates table in Markdown.
pub fn estimates_markdown(estimates: &[Estimate]) -> String {
    let mut out = String::from("## Estimates across sources\n\n| subject | low | best | high | claims | independent sources |\n|---|---|---|---|---|---|\n");
    for e in estimates {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            md_escape(&e.subject),
            fmt_opt(e.low),
            fmt_opt(e.best),
            fmt_opt(e.high),
            e.claims,
            e.independent_sources
        );
    }
    out
}

/// schema.org ClaimReview items (JSON-LD) for the contradictions and tensions: one review per
/// claim, rated against the claims it disagrees with.
pub fn claimreview(findings: &[Finding], date: &str) -> serde_json::Value {
    let mut items = Vec::new();
    for f in findings
        .iter()
        .filter(|f| matches!(f.severity, Severity::Contradiction | Severity::Tension))
    {
        for c in &f.claims {
            let others: Vec<String> = f
                .claims
                .iter()
                .filter(|o| o.claim_id != c.claim_id && o.document != c.document)
                .map(|o| format!("{} ({})", o.quote, short_doc(&o.document)))
                .collect();
            let rating = match f.severity {
                Severity::Contradiction => "Contradicted by another source",
                _ => "Disputed by another source",
            };
            items.push(serde_json::json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "datePublished": date,
                "claimReviewed": c.quote,
                "itemReviewed": {
                    "@type": "Claim",
                    "appearance": { "@type": "CreativeWork", "url": c.document },
                    "author": c.attributed_to.as_ref().map(|a| serde_json::json!({"@type": "Thing", "name": a})),
                },
                "reviewRating": { "@type": "Rating", "alternateName": rating },
                "reviewBody": format!("{} {}", f.summary, f.arithmetic.clone().unwrap_or_default()).trim().to_string(),
                "author": { "@type": "Organization", "name": "claims" },
                "identifier": f.id,
                "comment": others,
            }));
        }
    }
    serde_json::Value::Array(items)
}

/// Escapes text for Markdown (and the HTML a Markdown renderer passes through).
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// Markdown for sharing: one section per subject, quotes as block quotes.
pub fn markdown(findings: &[Finding]) -> String {
    let mut out = String::from("# Disagreements between sources\n\n");
    if findings.is_empty() {
        out.push_str("No disagreements found.\n");
        return out;
    }
    let mut subjects: Vec<&str> = findings.iter().map(|f| f.subject.as_str()).collect();
    subjects.sort_unstable();
    subjects.dedup();
    for subject in subjects {
        let _ = writeln!(out, "## {}\n", md_escape(subject));
        for f in findings.iter().filter(|f| f.subject == subject) {
            let _ = writeln!(
                out,
                "**{}** ({}, `{}`): {}\n",
                f.severity.as_str(),
                f.kind.as_str(),
                f.reason,
                md_escape(&f.summary)
            );
            if let Some(a) = &f.arithmetic {
                let _ = writeln!(out, "`{a}`\n");
            }
            for c in &f.claims {
                let (date, by) = source_bits(c, md_escape);
                let _ = writeln!(
                    out,
                    "- *{}*{} (bytes {}–{}), value {}{}",
                    md_escape(short_doc(&c.document)),
                    date,
                    c.start,
                    c.end,
                    md_escape(&value_text(&c.value)),
                    by
                );
                let _ = writeln!(out, "  > {}", md_escape(&c.quote));
            }
            out.push('\n');
        }
    }
    out
}

/// Writes the JSON report (`{"estimates": [...], "findings": [...]}`, pretty-printed, keys in
/// alphabetical order as the contract's examples show them) straight to `w`: the report of a
/// large collection runs to hundreds of megabytes, so it is never built in memory first.
///
/// The elements of each array are serialized on all cores, a batch at a time, and written in
/// order; the bytes are those `serde_json::to_writer_pretty` writes for the whole report (each
/// element is pretty-printed alone and indented to its depth: JSON strings hold no raw newline).
///
/// # Errors
/// When writing fails.
pub fn write_json(
    w: &mut dyn std::io::Write,
    findings: &[Finding],
    estimates: &[Estimate],
) -> std::io::Result<()> {
    let mut report = JsonReport::begin(w, estimates)?;
    for batch in findings.chunks(JSON_BATCH) {
        report.findings(batch)?;
    }
    report.finish()
}

/// The JSON report of [`write_json`] written as its findings come, a batch at a time (`claims
/// check` reads them back from the database in report order): the same bytes as [`write_json`]
/// with all the batches' findings in one slice.
pub struct JsonReport<'w> {
    w: &'w mut dyn std::io::Write,
    /// Findings written so far.
    written: usize,
}

impl<'w> JsonReport<'w> {
    /// Writes the start of the report, its estimates and the key of its findings.
    ///
    /// # Errors
    /// When writing fails.
    pub fn begin(w: &'w mut dyn std::io::Write, estimates: &[Estimate]) -> std::io::Result<Self> {
        w.write_all(b"{\n  \"estimates\": ")?;
        // Through `Value`, whose keys are sorted, like every other object of the report.
        write_array(w, estimates, |e, buf| {
            serde_json::to_writer_pretty(buf, &serde_json::to_value(e).unwrap_or_default())
        })?;
        w.write_all(b",\n  \"findings\": ")?;
        Ok(JsonReport { w, written: 0 })
    }

    /// Writes the next findings of the report (serialized on all cores).
    ///
    /// # Errors
    /// When writing fails.
    pub fn findings(&mut self, findings: &[Finding]) -> std::io::Result<()> {
        if findings.is_empty() {
            return Ok(());
        }
        if self.written == 0 {
            self.w.write_all(b"[")?;
        }
        write_elements(self.w, findings, self.written == 0, |f, buf| {
            serde_json::to_writer_pretty(buf, &JsonFinding::of(f))
        })?;
        self.written += findings.len();
        Ok(())
    }

    /// Closes the findings and the report.
    ///
    /// # Errors
    /// When writing fails.
    pub fn finish(self) -> std::io::Result<()> {
        self.w.write_all(if self.written == 0 {
            b"[]\n}\n"
        } else {
            b"\n  ]\n}\n"
        })
    }
}

/// Elements serialized per batch (on all cores) before they are written.
const JSON_BATCH: usize = 4096;

/// One array of the report at depth 1 (`[`, its elements at depth 2, `]`).
fn write_array<T: Sync>(
    w: &mut dyn std::io::Write,
    items: &[T],
    serialize: impl Fn(&T, &mut Vec<u8>) -> serde_json::Result<()> + Sync,
) -> std::io::Result<()> {
    if items.is_empty() {
        return w.write_all(b"[]");
    }
    w.write_all(b"[")?;
    for (b, batch) in items.chunks(JSON_BATCH).enumerate() {
        write_elements(w, batch, b == 0, &serialize)?;
    }
    w.write_all(b"\n  ]")
}

/// Elements of an array at depth 2, each after its separator (none before the array's `first`
/// element), serialized on all cores and written in order.
fn write_elements<T: Sync>(
    w: &mut dyn std::io::Write,
    items: &[T],
    first: bool,
    serialize: impl Fn(&T, &mut Vec<u8>) -> serde_json::Result<()> + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    let parts: Vec<serde_json::Result<Vec<u8>>> = items
        .par_chunks(256)
        .enumerate()
        .map(|(c, chunk)| {
            let mut out = Vec::new();
            let mut one = Vec::new();
            for (i, item) in chunk.iter().enumerate() {
                let first = first && c == 0 && i == 0;
                out.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                one.clear();
                serialize(item, &mut one)?;
                for &byte in &one {
                    out.push(byte);
                    if byte == b'\n' {
                        out.extend_from_slice(b"    ");
                    }
                }
            }
            Ok(out)
        })
        .collect();
    for part in parts {
        w.write_all(&part?)?;
    }
    Ok(())
}

// Field order below is alphabetical on purpose: it is the order of the report's keys.
/// The whole report as one value: what [`write_json`] writes, serialized in one go (the
/// definition the tests hold it to).
#[cfg(test)]
#[derive(Serialize)]
struct WholeReport<'a> {
    estimates: JsonEstimates<'a>,
    findings: JsonFindings<'a>,
}

#[cfg(test)]
struct JsonEstimates<'a>(&'a [Estimate]);

#[cfg(test)]
impl Serialize for JsonEstimates<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Through `Value`, whose keys are sorted, like every other object of the report.
        s.collect_seq(
            self.0
                .iter()
                .map(|e| serde_json::to_value(e).unwrap_or_default()),
        )
    }
}

#[cfg(test)]
struct JsonFindings<'a>(&'a [Finding]);

#[cfg(test)]
impl Serialize for JsonFindings<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(JsonFinding::of))
    }
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    arithmetic: &'a Option<String>,
    claims: JsonClaims<'a>,
    id: &'a str,
    kind: FindingKind,
    reason: &'a str,
    severity: Severity,
    subject: &'a str,
    summary: &'a str,
}

impl<'a> JsonFinding<'a> {
    fn of(f: &'a Finding) -> Self {
        JsonFinding {
            arithmetic: &f.arithmetic,
            claims: JsonClaims(&f.claims),
            id: &f.id,
            kind: f.kind,
            reason: &f.reason,
            severity: f.severity,
            subject: &f.subject,
            summary: &f.summary,
        }
    }
}

struct JsonClaims<'a>(&'a [FindingClaim]);

impl Serialize for JsonClaims<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|c| JsonClaim {
            as_of: &c.as_of,
            attributed_to: &c.attributed_to,
            claim_id: c.claim_id,
            document: &c.document,
            document_date: &c.document_date,
            end: c.end,
            quote: &c.quote,
            start: c.start,
            value: &c.value,
        }))
    }
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    as_of: &'a Option<String>,
    attributed_to: &'a Option<String>,
    claim_id: i64,
    document: &'a str,
    document_date: &'a Option<String>,
    end: usize,
    quote: &'a str,
    start: usize,
    value: &'a FindingValue,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_markup_from_documents() {
        assert_eq!(
            md_escape("<script>alert(1)</script> *x* | y"),
            "&lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\| y"
        );
    }

    #[test]
    fn value_texts() {
        let q = |low, high| FindingValue::Quantity {
            hedge: claims_model::Hedge::Exact,
            high,
            low,
            text: "t".into(),
            unit: None,
        };
        assert_eq!(value_text(&q(Some(8000.0), Some(8000.0))), "8000.0");
        assert_eq!(value_text(&q(Some(0.5), None)), "[0.5, ∞]");
        assert_eq!(value_text(&q(None, Some(3000.0))), "[−∞, 3000.0]");
        let d = |e: &str, l: &str| FindingValue::Date {
            earliest: e.into(),
            granularity: claims_model::Granularity::Month,
            latest: l.into(),
            text: "t".into(),
            timex: "2024-06".into(),
        };
        assert_eq!(
            value_text(&d("2024-06-01", "2024-06-30")),
            "2024-06-01 … 2024-06-30"
        );
        assert_eq!(value_text(&d("2024-06-04", "2024-06-04")), "2024-06-04");
        let article = FindingValue::Text {
            text: "each side shall give military assistance".into(),
        };
        assert_eq!(
            value_text(&article),
            "each side shall give military assistance"
        );
    }

    /// The report `write_json` writes in batches on all cores is byte for byte the one
    /// `to_writer_pretty` writes for the whole report: empty arrays, one element, and more
    /// elements than a batch, with quotes that need escaping.
    #[test]
    fn the_batched_json_report_is_the_pretty_printed_report() {
        let mut claims = crate::synthetic::claims(6_000);
        for (i, c) in claims.iter_mut().enumerate() {
            if i % 7 == 0 {
                c.claim.quote = format!("“quoted”\n\t\\ {} </script>", c.claim.quote);
            }
        }
        let found = crate::check(&claims, &crate::CheckOptions::default());
        let estimates = crate::estimates::estimates(&claims);
        // The writer does not care whether findings repeat: enough of them for three batches.
        let findings: Vec<Finding> = found
            .iter()
            .cycle()
            .take(3 * JSON_BATCH - 7)
            .cloned()
            .collect();
        assert!(!found.is_empty());
        assert!(!estimates.is_empty());
        let reference = |f: &[Finding], e: &[Estimate]| {
            let mut out = serde_json::to_vec_pretty(&WholeReport {
                estimates: JsonEstimates(e),
                findings: JsonFindings(f),
            })
            .expect("serialize");
            out.push(b'\n');
            out
        };
        for (f, e) in [
            (&findings[..], &estimates[..]),
            (&findings[..1], &[][..]),
            (&[][..], &estimates[..1]),
            (&[][..], &[][..]),
            (&findings[..JSON_BATCH + 1], &estimates[..2]),
        ] {
            let mut written = Vec::new();
            write_json(&mut written, f, e).expect("write");
            assert!(
                written == reference(f, e),
                "differs for {} findings, {} estimates",
                f.len(),
                e.len()
            );
            // Streamed in uneven batches, empty ones included: the same bytes.
            let mut streamed = Vec::new();
            let mut report = JsonReport::begin(&mut streamed, e).expect("begin");
            let mut rest = f;
            for size in [0, 1, 0, 2, JSON_BATCH + 3, 5].into_iter().cycle() {
                if rest.is_empty() {
                    break;
                }
                let (batch, more) = rest.split_at(size.min(rest.len()));
                report.findings(batch).expect("findings");
                rest = more;
            }
            report.findings(&[]).expect("nothing");
            report.finish().expect("finish");
            assert!(
                streamed == reference(f, e),
                "streamed differs for {} findings, {} estimates",
                f.len(),
                e.len()
            );
        }
    }
}
