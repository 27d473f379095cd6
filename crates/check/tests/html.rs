//! The HTML report: escaping of document text, structure (one section per subject, balanced
//! tags), charts only for numeric findings, the highlighted value phrase, self-containment.

use claims_check::estimates::Estimate;
use claims_check::html::html;
use claims_model::{Finding, FindingClaim, FindingKind, Severity};
use serde_json::json;

const SCRIPT: &str = "<script>alert(1)</script>";
const ATTR: &str = "\" onmouseover=\"x";

fn claim(id: i64, document: &str, quote: &str, value: serde_json::Value) -> FindingClaim {
    FindingClaim {
        claim_id: id,
        document: document.to_string(),
        document_date: Some("2024-11-04".to_string()),
        start: 10 * id as usize,
        end: 10 * id as usize + quote.len(),
        quote: quote.to_string(),
        value: serde_json::from_value(value).expect("a finding value"),
        as_of: None,
        attributed_to: None,
    }
}

fn finding(
    kind: FindingKind,
    severity: Severity,
    subject: &str,
    claims: Vec<FindingClaim>,
) -> Finding {
    Finding {
        id: format!("F{subject}"),
        kind,
        severity,
        subject: subject.to_string(),
        summary: format!("{subject} disagree"),
        reason: "disjoint_intervals".to_string(),
        arithmetic: Some("[20,000, 99,999] ∩ [0, 8,000] = ∅".to_string()),
        claims,
    }
}

fn count(low: Option<f64>, high: Option<f64>, text: &str) -> serde_json::Value {
    json!({"low": low, "high": high, "hedge": "upper_bound", "unit": null, "text": text})
}

fn date(earliest: &str, latest: &str, text: &str) -> serde_json::Value {
    json!({"earliest": earliest, "latest": latest, "granularity": "month", "timex": "2024-06", "text": text})
}

/// A numeric contradiction whose document text carries markup, and a date finding.
fn hostile() -> Vec<Finding> {
    vec![
        finding(
            FindingKind::Numeric,
            Severity::Contradiction,
            "troops <b>in</b> the region",
            vec![
                claim(
                    1,
                    &format!("/news/{ATTR}.html"),
                    &format!("As many as 8,000 soldiers {SCRIPT} are there, it's said."),
                    count(Some(0.0), Some(8000.0), "as many as 8,000"),
                ),
                FindingClaim {
                    attributed_to: Some(format!("officials {ATTR}")),
                    ..claim(
                        2,
                        "/news/wire.txt",
                        "Tens of thousands of soldiers & more.",
                        count(Some(20000.0), Some(99999.0), "Tens of thousands"),
                    )
                },
                claim(
                    3,
                    "/news/x.txt",
                    "At least 12,000 troops.",
                    count(Some(12000.0), None, "At least 12,000"),
                ),
            ],
        ),
        finding(
            FindingKind::Date,
            Severity::Tension,
            "signing of the accord",
            vec![
                claim(
                    4,
                    "/news/a.txt",
                    "It was signed in June 2024.",
                    date("2024-06-01", "2024-06-30", "June 2024"),
                ),
                claim(
                    5,
                    "/news/b.txt",
                    "It was signed on 2 August 2024.",
                    date("2024-08-02", "2024-08-02", "2 August 2024"),
                ),
            ],
        ),
    ]
}

/// Opening tags of `tag` (with attributes or not) minus closing ones.
fn balance(page: &str, tag: &str) -> (usize, usize) {
    let open =
        page.matches(&format!("<{tag}>")).count() + page.matches(&format!("<{tag} ")).count();
    let close = page.matches(&format!("</{tag}>")).count();
    (open, close)
}

#[test]
fn document_text_is_escaped_everywhere() {
    let page = html(&hostile(), &[], "Report <script>x</script>");
    // The page itself has no script at all, so any `<script` would have come from data.
    assert!(!page.to_lowercase().contains("<script"), "unescaped script");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.contains(ATTR), "attribute breakout survived");
    assert!(page.contains("&quot; onmouseover=&quot;x"));
    assert!(page.contains("it&#39;s said"));
    assert!(page.contains("soldiers &amp; more"));
    assert!(page.contains("troops &lt;b&gt;in&lt;/b&gt; the region"));
    assert!(!page.contains("<b>in</b>"));
    // The full path goes in a title attribute, the basename in the text.
    assert!(page.contains("title=\"/news/&quot; onmouseover=&quot;x.html\""));
}

#[test]
fn one_section_per_subject_and_balanced_tags() {
    let mut findings = hostile();
    // A second finding on an existing subject must not open a second section.
    let mut again = findings[0].clone();
    again.id = "again".into();
    again.severity = Severity::Tension;
    findings.push(again);
    let page = html(&findings, &[], "t");
    assert_eq!(page.matches("<section class=\"subject\"").count(), 2);
    for tag in [
        "section",
        "svg",
        "article",
        "figure",
        "blockquote",
        "figcaption",
        "div",
        "g",
        "mark",
        "h2",
        "h3",
    ] {
        let (open, close) = balance(&page, tag);
        assert_eq!(
            open, close,
            "<{tag}> opened {open} times, closed {close} times"
        );
    }
    assert_eq!(balance(&page, "section").0, 2);
    assert_eq!(balance(&page, "article").0, 3);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.trim_end().ends_with("</html>"));
}

#[test]
fn svg_only_for_numeric_findings() {
    let findings = hostile();
    let numeric = html(&findings[..1], &[], "t");
    assert_eq!(balance(&numeric, "svg"), (1, 1));
    // Every claim of the finding has a bar group, with its interval as text.
    assert_eq!(balance(&numeric, "g").0, 3);
    for label in ["0–8,000", "20,000–99,999", "≥ 12,000"] {
        assert!(numeric.contains(label), "{label} missing");
    }
    let dates_only = html(&findings[1..], &[], "t");
    assert!(!dates_only.contains("<svg"));
    let both = html(&findings, &[], "t");
    assert_eq!(balance(&both, "svg"), (1, 1));
}

#[test]
fn value_phrase_is_highlighted_once_in_each_quote() {
    let page = html(&hostile(), &[], "t");
    for marked in [
        "<mark>As many as 8,000</mark> soldiers &lt;script&gt;",
        "<mark>Tens of thousands</mark> of soldiers",
        "<mark>At least 12,000</mark> troops",
        "signed in <mark>June 2024</mark>.",
        "signed on <mark>2 August 2024</mark>.",
    ] {
        assert!(page.contains(marked), "{marked} missing");
    }
    // Five quotes plus the one in the legend.
    assert_eq!(page.matches("<mark>").count(), 6);
}

#[test]
fn bars_follow_as_of_dates_only_when_they_differ() {
    let mut grows = hostile().swap_remove(0);
    for (c, day) in grows
        .claims
        .iter_mut()
        .zip(["2024-03-01", "2024-07-15", "2024-10-20"])
    {
        c.as_of = Some(day.to_string());
    }
    let page = html(&[grows.clone()], &[], "t");
    assert!(page.contains("by as-of date"));
    assert!(page.contains("as of ↓"));
    // Same day for every claim: a disagreement at one moment, drawn as plain rows.
    for c in &mut grows.claims {
        c.as_of = Some("2024-10-20".to_string());
    }
    let page = html(&[grows], &[], "t");
    assert!(!page.contains("by as-of date"));
    assert!(page.contains("<svg"));
}

#[test]
fn header_counts_and_estimates_table() {
    let estimates = [Estimate {
        subject: "troops <i>of</i> X".into(),
        low: Some(0.0),
        best: Some(12000.0),
        high: None,
        claims: 3,
        independent_sources: 2,
    }];
    let page = html(&hostile(), &estimates, "t");
    assert!(page.contains("<b>1</b><span class=\"badge b-contradiction\">"));
    assert!(page.contains("<b>1</b><span class=\"badge b-tension\">"));
    assert!(page.contains("<b>0</b><span class=\"badge b-change\">"));
    assert!(page.contains("troops &lt;i&gt;of&lt;/i&gt; X"));
    assert!(page.contains(
        "<td class=\"num\">0</td><td class=\"num\">12,000</td><td class=\"num\">—</td><td class=\"num\">3</td><td class=\"num\">2</td>"
    ));
    assert_eq!(balance(&page, "table"), (1, 1));
}

#[test]
fn empty_report_says_so_and_stays_self_contained() {
    let page = html(&[], &[], "Nothing");
    assert!(page.contains("No disagreements found."));
    assert!(!page.contains("<section"));
    assert!(!page.contains("<table"));
    let all = html(&hostile(), &[], "t");
    // A policy forbids scripts and fetching, in case anything slipped through the escaping.
    assert!(all.contains(claims_check::html::CSP_META), "CSP meta");
    assert!(all.find("Content-Security-Policy") < all.find("<title>"));
    for external in ["src=", "href=\"http", "url(", "@import", "<link", "<script"] {
        assert!(
            !all.contains(external),
            "{external} found: page must be self-contained"
        );
    }
}
