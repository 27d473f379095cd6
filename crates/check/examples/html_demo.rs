//! Writes a demonstration HTML report from hand-built findings, to look at the page (and
//! screenshot it with scripts/screenshot-report.sh) without a corpus or a database.
//!
//! `cargo run -p claims-check --example html_demo -- OUT.html [FINDINGS.json]`
//!
//! With a second argument, renders the output of `claims check --format json` instead, to
//! look at real findings before the CLI has an HTML format.

use claims_check::estimates::Estimate;
use claims_model::{Finding, FindingClaim, FindingKind, Severity};
use serde_json::json;

fn claim(
    id: i64,
    document: &str,
    date: &str,
    quote: &str,
    value: serde_json::Value,
    as_of: Option<&str>,
    by: Option<&str>,
) -> FindingClaim {
    FindingClaim {
        claim_id: id,
        document: document.to_string(),
        document_date: Some(date.to_string()),
        start: 100 * id as usize,
        end: 100 * id as usize + quote.len(),
        quote: quote.to_string(),
        value: serde_json::from_value(value).expect("a finding value"),
        as_of: as_of.map(str::to_string),
        attributed_to: by.map(str::to_string),
    }
}

fn findings() -> Vec<Finding> {
    vec![
        Finding {
            id: "F000000000001".into(),
            kind: FindingKind::Numeric,
            severity: Severity::Contradiction,
            subject: "people displaced in the river valley".into(),
            summary: "“tens of thousands” cannot be “as many as 8,000”.".into(),
            reason: "disjoint_intervals".into(),
            arithmetic: Some("[20,000, 99,999] ∩ [0, 8,000] = ∅".into()),
            claims: vec![
                claim(1, "/data/news/wire-2024-06-03.txt", "2024-06-03",
                    "Tens of thousands of people have fled the river valley since the dam failed, the UN said.",
                    json!({"low": 20000.0, "high": 99999.0, "hedge": "order_of_magnitude", "unit": null, "text": "tens of thousands"}),
                    None, Some("the UN")),
                claim(2, "/data/news/local-paper.html", "2024-06-03",
                    "As many as 8,000 residents left their homes, the provincial governor told reporters <script>alert(1)</script>.",
                    json!({"low": 0.0, "high": 8000.0, "hedge": "upper_bound", "unit": null, "text": "as many as 8,000"}),
                    None, Some("the provincial governor")),
                claim(3, "/data/news/\" onmouseover=\"x.txt", "2024-06-04",
                    "At least 12,000 people were displaced, aid groups said.",
                    json!({"low": 12000.0, "high": null, "hedge": "lower_bound", "unit": null, "text": "At least 12,000"}),
                    None, Some("aid groups")),
            ],
        },
        Finding {
            id: "F000000000002".into(),
            kind: FindingKind::Numeric,
            severity: Severity::Change,
            subject: "troops deployed to the border".into(),
            summary: "The figure grew from 3,000 to 11,000 between March and October.".into(),
            reason: "different_as_of".into(),
            arithmetic: Some("3,000 (2024-03-01) → 8,000 (2024-07-15) → 11,000 (2024-10-20)".into()),
            claims: vec![
                claim(4, "/data/news/a.txt", "2024-03-02",
                    "About 3,000 troops were sent to the border in March.",
                    json!({"low": 2700.0, "high": 3300.0, "hedge": "approximate", "text": "About 3,000"}),
                    Some("2024-03-01"), Some("the defence ministry")),
                claim(5, "/data/news/b.txt", "2024-07-16",
                    "By mid-July the deployment had reached 8,000 troops.",
                    json!({"low": 8000.0, "high": 8000.0, "hedge": "exact", "text": "8,000"}),
                    Some("2024-07-15"), None),
                claim(6, "/data/news/c.txt", "2024-10-21",
                    "More than 11,000 soldiers are now stationed along the border.",
                    json!({"low": 11000.0, "high": null, "hedge": "lower_bound", "text": "More than 11,000"}),
                    Some("2024-10-20"), Some("officials")),
            ],
        },
        Finding {
            id: "F000000000003".into(),
            kind: FindingKind::Numeric,
            severity: Severity::Tension,
            subject: "troops deployed to the border".into(),
            summary: "Two sources give different figures for the same day.".into(),
            reason: "hedge_mismatch".into(),
            arithmetic: Some("[9,500, 10,500] vs [11,000, ∞)".into()),
            claims: vec![
                claim(7, "/data/news/d.txt", "2024-10-21",
                    "Roughly 10,000 troops are at the border, a spokesman said.",
                    json!({"low": 9500.0, "high": 10500.0, "hedge": "approximate", "text": "Roughly 10,000"}),
                    Some("2024-10-20"), Some("a spokesman")),
                claim(6, "/data/news/c.txt", "2024-10-21",
                    "More than 11,000 soldiers are now stationed along the border.",
                    json!({"low": 11000.0, "high": null, "hedge": "lower_bound", "text": "More than 11,000"}),
                    Some("2024-10-20"), Some("officials")),
            ],
        },
        Finding {
            id: "F000000000004".into(),
            kind: FindingKind::Date,
            severity: Severity::Contradiction,
            subject: "signing of the ceasefire agreement".into(),
            summary: "The agreement was signed in June 2024 or on 2 August 2024.".into(),
            reason: "disjoint_dates".into(),
            arithmetic: Some("[2024-06-01, 2024-06-30] ∩ [2024-08-02, 2024-08-02] = ∅".into()),
            claims: vec![
                claim(8, "/data/news/e.txt", "2024-09-01",
                    "The ceasefire agreement, signed in June 2024, has largely held.",
                    json!({"earliest": "2024-06-01", "latest": "2024-06-30", "granularity": "month", "timex": "2024-06", "text": "June 2024"}),
                    None, None),
                claim(9, "/data/news/f.txt", "2024-09-03",
                    "Since the ceasefire was signed on 2 August 2024, fighting has eased.",
                    json!({"earliest": "2024-08-02", "latest": "2024-08-02", "granularity": "day", "timex": "2024-08-02", "text": "2 August 2024"}),
                    None, None),
            ],
        },
        Finding {
            id: "F000000000005".into(),
            kind: FindingKind::Numeric,
            severity: Severity::Agreement,
            subject: "schools closed by the flooding".into(),
            summary: "Two independent sources agree on about 140 schools.".into(),
            reason: "intervals_overlap".into(),
            arithmetic: Some("[126, 154] ∩ [140, 140] ≠ ∅".into()),
            claims: vec![
                claim(10, "/data/news/g.txt", "2024-06-05",
                    "About 140 schools remain closed.",
                    json!({"low": 126.0, "high": 154.0, "hedge": "approximate", "text": "About 140"}),
                    None, None),
                claim(11, "/data/news/h.txt", "2024-06-05",
                    "Education officials said 140 schools were shut.",
                    json!({"low": 140.0, "high": 140.0, "hedge": "exact", "text": "140"}),
                    None, Some("education officials")),
            ],
        },
    ]
}

/// Findings and estimates from the JSON of `claims check --format json`.
fn from_json(path: &str) -> Result<(Vec<Finding>, Vec<Estimate>), Box<dyn std::error::Error>> {
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let findings = serde_json::from_value(doc["findings"].clone())?;
    let num = |e: &serde_json::Value, k: &str| e.get(k).and_then(serde_json::Value::as_f64);
    let count = |e: &serde_json::Value, k: &str| {
        e.get(k).and_then(serde_json::Value::as_u64).unwrap_or(0) as usize
    };
    let estimates = doc["estimates"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| Estimate {
                    subject: e["subject"].as_str().unwrap_or_default().to_string(),
                    low: num(e, "low"),
                    best: num(e, "best"),
                    high: num(e, "high"),
                    claims: count(e, "claims"),
                    independent_sources: count(e, "independent_sources"),
                })
                .collect()
        })
        .unwrap_or_default();
    Ok((findings, estimates))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "report.html".to_string());
    if let Some(json) = args.next() {
        let (findings, estimates) = from_json(&json)?;
        let page = claims_check::html::html(&findings, &estimates, &format!("Findings of {json}"));
        std::fs::write(&out, page)?;
        return Ok(());
    }
    let estimates = vec![
        Estimate {
            subject: "people displaced in the river valley".into(),
            low: Some(0.0),
            best: Some(12000.0),
            high: Some(99999.0),
            claims: 3,
            independent_sources: 3,
        },
        Estimate {
            subject: "troops deployed to the border".into(),
            low: Some(2700.0),
            best: Some(9000.0),
            high: Some(10500.0),
            claims: 4,
            independent_sources: 4,
        },
    ];
    let page = claims_check::html::html(&findings(), &estimates, "Disagreements between sources");
    std::fs::write(&out, page)?;
    Ok(())
}
