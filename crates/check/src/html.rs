//! Rendering findings as one self-contained HTML5 page for people who review them.
//!
//! The page carries its own CSS and needs no script, font or image from anywhere: it can be
//! mailed, archived or opened offline. Everything that comes from a document (quotes, paths,
//! names, subjects) is escaped, because scraped pages contain markup and scripts. Numeric
//! findings get a small inline SVG chart of the intervals each claim allows; when claims carry
//! as-of dates the bars are placed by date, so that a figure growing over time (a staircase)
//! looks different from sources disagreeing about the same moment (bars stacked together).

use std::collections::BTreeMap;
use std::fmt::Write;

use claims_model::{Finding, FindingClaim, FindingKind, FindingValue, Severity};

use crate::estimates::Estimate;
use crate::group::fmt_num;

/// The severities in the order the page lists them, with what each means to a reader.
const SEVERITIES: [(Severity, &str); 4] = [
    (
        Severity::Contradiction,
        "the values cannot both be true for the same thing, place and time",
    ),
    (
        Severity::Tension,
        "they disagree softly: a hedge mismatch, a near miss or a weakly matched subject",
    ),
    (
        Severity::Change,
        "the values differ but were stated for clearly different times",
    ),
    (
        Severity::Agreement,
        "independent sources corroborate each other",
    ),
];

/// Colours of the claims (cards and chart bars share them, so a reader matches them by eye).
/// Chosen to stay apart from one another and readable on white.
const PALETTE: [&str; 8] = [
    "#2563eb", "#d97706", "#7c3aed", "#059669", "#db2777", "#0891b2", "#65a30d", "#9f1239",
];

const STYLE: &str = r#"
:root{--contradiction:#b91c1c;--tension:#b45309;--change:#0e7490;--agreement:#15803d;--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#f9fafb}
header,main,footer{max-width:72rem;margin:0 auto;padding:1rem 1.5rem}
header{border-bottom:1px solid var(--line);background:#fff;max-width:none}
header>*{max-width:69rem;margin-left:auto;margin-right:auto}
h1{font-size:1.5rem;margin:.25rem auto .5rem}
h2{font-size:1.2rem;margin:0 0 .75rem}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem auto}
.count{border:1px solid var(--line);border-radius:.5rem;padding:.25rem .75rem;background:#fff}
.count b{font-size:1.2rem;margin-right:.35rem}
.legend{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.5rem auto;font-size:.85rem;color:var(--muted)}
.legend dt{margin:0}.legend dd{margin:0}
.badge{display:inline-block;border-radius:999px;padding:0 .6rem;font-size:.75rem;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:#fff;vertical-align:.1em}
.b-contradiction{background:var(--contradiction)}.b-tension{background:var(--tension)}.b-change{background:var(--change)}.b-agreement{background:var(--agreement)}
nav ul{margin:.25rem auto;padding:0;list-style:none;display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:.1rem 1.5rem;font-size:.9rem}
nav li{margin:0}
nav a{color:inherit}
section.subject{background:#fff;border:1px solid var(--line);border-radius:.75rem;padding:1rem 1.25rem;margin:1rem 0}
article.finding{border-top:1px solid var(--line);padding:.75rem 0 .5rem}
article.finding:first-of-type{border-top:none;padding-top:0}
.finding>h3{font-size:1rem;font-weight:600;margin:0 0 .35rem}
.reason{font:.8rem ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted);margin-left:.35rem}
.arith{font:.85rem ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f3f4f6;border-radius:.35rem;padding:.25rem .5rem;display:inline-block;margin:.1rem 0 .5rem}
.chart{margin:.25rem 0 .5rem;max-width:100%}
.chart svg{display:block;width:100%;max-width:46rem;height:auto}
.claims{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:.75rem;margin:.25rem 0}
figure.claim{margin:0;border:1px solid var(--line);border-left:4px solid var(--c);border-radius:.5rem;padding:.5rem .75rem;background:#fff;display:flex;flex-direction:column}
figure.claim blockquote{margin:0 0 .5rem;font-family:Georgia,"Times New Roman",serif;font-size:.95rem;flex:1;overflow-wrap:anywhere}
mark{background:#fde68a;padding:0 .1em;border-radius:.15em}
figcaption{font-size:.8rem;color:var(--muted)}
figcaption .n{display:inline-block;min-width:1.3em;text-align:center;border-radius:.3em;background:var(--c);color:#fff;font-weight:700;margin-right:.35rem}
figcaption .doc{color:var(--ink);font-weight:600}
figcaption .value{color:var(--ink)}
.estimates table{border-collapse:collapse;background:#fff;width:100%;font-size:.9rem}
.estimates th,.estimates td{border-bottom:1px solid var(--line);padding:.3rem .6rem;text-align:left}
.estimates td.num,.estimates th.num{text-align:right;font-variant-numeric:tabular-nums}
.empty{color:var(--muted)}
@media print{body{background:#fff}section.subject{break-inside:avoid-page}}
"#;

/// Escapes text for HTML content and attribute values (double- or single-quoted).
///
/// C0 control characters other than tab and line breaks are replaced, because HTML forbids
/// them and a scraped page can carry any byte.
/// The page's Content-Security-Policy: no scripts, no network, no frames; only its own inline
/// style and inline SVG.
pub const CSP_META: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n";

fn escape_into(out: &mut String, s: &str) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

/// [`escape_into`] returning a new string.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_into(&mut out, s);
    out
}

/// The file name of a document path (either separator), for a short label.
fn basename(path: &str) -> &str {
    path.rsplit(['/', '\\'])
        .find(|p| !p.is_empty())
        .unwrap_or(path)
}

/// The numeric interval of a quantity value, `None` when the value is not numeric at all.
fn value_interval(v: &FindingValue) -> Option<(Option<f64>, Option<f64>)> {
    match v {
        FindingValue::Quantity { low, high, .. } => Some((*low, *high)),
        _ => None,
    }
}

/// The value as a person reads it: "8,000", "20,000–99,999", "≥ 8,000", "2024-06-01 … 2024-06-30".
fn value_label(v: &FindingValue) -> String {
    match v {
        FindingValue::Date {
            earliest, latest, ..
        } => crate::report::date_range(earliest, latest),
        FindingValue::Quantity {
            low, high, unit, ..
        } => {
            let mut s = interval_label(*low, *high);
            if let Some(u) = unit {
                s.push(' ');
                s.push_str(u);
            }
            s
        }
        FindingValue::Text { text } => text.clone(),
    }
}

fn interval_label(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(l), Some(h)) if l == h => fmt_num(l),
        (Some(l), Some(h)) => format!("{}–{}", fmt_num(l), fmt_num(h)),
        (Some(l), None) => format!("≥ {}", fmt_num(l)),
        (None, Some(h)) => format!("≤ {}", fmt_num(h)),
        (None, None) => "any".to_string(),
    }
}

/// Writes the quote escaped, with the first occurrence of `phrase` wrapped in `<mark>`.
///
/// An exact match is preferred; otherwise an ASCII-case-insensitive one ("As many as" at the
/// start of a sentence for a value written "as many as"). ASCII lower-casing keeps byte
/// offsets, so the match found in the folded copy is a valid slice of the original.
fn write_highlighted(out: &mut String, quote: &str, phrase: Option<&str>) {
    let found = phrase.filter(|p| !p.trim().is_empty()).and_then(|p| {
        quote.find(p).map(|at| (at, at + p.len())).or_else(|| {
            quote
                .to_ascii_lowercase()
                .find(&p.to_ascii_lowercase())
                .map(|at| (at, at + p.len()))
        })
    });
    match found {
        Some((a, b)) if quote.is_char_boundary(a) && quote.is_char_boundary(b) => {
            escape_into(out, &quote[..a]);
            out.push_str("<mark>");
            escape_into(out, &quote[a..b]);
            out.push_str("</mark>");
            escape_into(out, &quote[b..]);
        }
        _ => escape_into(out, quote),
    }
}

/// One self-contained HTML5 page: counts and legend, findings grouped by subject with their
/// quotes side by side, a chart of intervals for numeric findings, and the estimates table.
///
/// Subjects are listed in the same (alphabetical) order as the text report; findings keep
/// their order within a subject. Every piece of document text is escaped.
pub fn html(findings: &[Finding], estimates: &[Estimate], title: &str) -> String {
    let mut out = String::with_capacity(8 * 1024 + findings.len() * 4 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // Belt and braces for a page built from scraped text: even if markup slipped through the
    // escaping, the browser would run no script and fetch nothing.
    out.push_str(CSP_META);
    out.push_str("<meta name=\"generator\" content=\"claims\">\n<title>");
    escape_into(&mut out, title);
    out.push_str("</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");

    // Group once (linear), subjects sorted like the text report.
    let mut by_subject: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        by_subject.entry(f.subject.as_str()).or_default().push(f);
    }

    write_header(&mut out, findings, &by_subject, title);

    out.push_str("<main>\n");
    if findings.is_empty() {
        out.push_str("<p class=\"empty\">No disagreements found.</p>\n");
    }
    for (i, (subject, group)) in by_subject.iter().enumerate() {
        let _ = write!(out, "<section class=\"subject\" id=\"s{}\">\n<h2>", i + 1);
        escape_into(&mut out, subject);
        out.push_str("</h2>\n");
        for f in group {
            write_finding(&mut out, f);
        }
        out.push_str("</section>\n");
    }
    write_estimates(&mut out, estimates);
    out.push_str("</main>\n");
    let _ = writeln!(
        out,
        "<footer class=\"empty\">{} findings on {} subjects.</footer>",
        findings.len(),
        by_subject.len()
    );
    out.push_str("</body>\n</html>\n");
    out
}

fn badge(out: &mut String, s: Severity) {
    let _ = write!(out, "<span class=\"badge b-{0}\">{0}</span>", s.as_str());
}

fn write_header(
    out: &mut String,
    findings: &[Finding],
    by_subject: &BTreeMap<&str, Vec<&Finding>>,
    title: &str,
) {
    out.push_str("<header>\n<h1>");
    escape_into(out, title);
    out.push_str("</h1>\n<div class=\"counts\">");
    let mut counts = [0usize; 4];
    for f in findings {
        counts[severity_index(f.severity)] += 1;
    }
    for (s, _) in SEVERITIES {
        let _ = write!(
            out,
            "<span class=\"count\"><b>{}</b>",
            counts[severity_index(s)]
        );
        badge(out, s);
        out.push_str("</span>");
    }
    out.push_str("</div>\n<dl class=\"legend\">");
    for (s, meaning) in SEVERITIES {
        out.push_str("<dt>");
        badge(out, s);
        let _ = write!(out, "</dt><dd>{meaning}</dd>");
    }
    out.push_str(
        "<dt>chart</dt><dd>one bar per claim: the interval of values its wording allows; \
         an arrow is an open end (“at least”, “more than”); a diamond is an exact figure; \
         with as-of dates, bars go down the page in time order \
         (a date in brackets is the document&#39;s own, for a claim that states no as-of date)</dd>",
    );
    out.push_str("<dt><mark>phrase</mark></dt><dd>where the value is written in the quote</dd>");
    out.push_str("</dl>\n");
    if by_subject.len() > 1 {
        out.push_str("<nav><ul>");
        for (i, (subject, group)) in by_subject.iter().enumerate() {
            let worst = group.iter().map(|f| f.severity).min();
            let _ = write!(out, "<li><a href=\"#s{}\">", i + 1);
            escape_into(out, subject);
            out.push_str("</a> ");
            if let Some(s) = worst {
                badge(out, s);
            }
            out.push_str("</li>");
        }
        out.push_str("</ul></nav>\n");
    }
    out.push_str("</header>\n");
}

fn severity_index(s: Severity) -> usize {
    match s {
        Severity::Contradiction => 0,
        Severity::Tension => 1,
        Severity::Change => 2,
        Severity::Agreement => 3,
    }
}

fn write_finding(out: &mut String, f: &Finding) {
    let _ = write!(
        out,
        "<article class=\"finding {}\" id=\"",
        f.severity.as_str()
    );
    escape_into(out, &f.id);
    out.push_str("\">\n<h3>");
    badge(out, f.severity);
    out.push(' ');
    escape_into(out, &f.summary);
    out.push_str("<span class=\"reason\">");
    out.push_str(f.kind.as_str());
    out.push('/');
    escape_into(out, &f.reason);
    out.push_str("</span></h3>\n");
    if let Some(a) = &f.arithmetic {
        out.push_str("<code class=\"arith\">");
        escape_into(out, a);
        out.push_str("</code>\n");
    }
    if f.kind == FindingKind::Numeric {
        write_chart(out, f);
    }
    out.push_str("<div class=\"claims\">\n");
    for (i, c) in f.claims.iter().enumerate() {
        write_claim(out, i, c);
    }
    out.push_str("</div>\n</article>\n");
}

fn write_claim(out: &mut String, i: usize, c: &FindingClaim) {
    let _ = write!(
        out,
        "<figure class=\"claim\" style=\"--c:{}\"><blockquote>",
        PALETTE[i % PALETTE.len()]
    );
    write_highlighted(out, &c.quote, Some(c.value.text()));
    let _ = write!(
        out,
        "</blockquote>\n<figcaption><span class=\"n\">{}</span><span class=\"doc\" title=\"",
        i + 1
    );
    escape_into(out, &c.document);
    out.push_str("\">");
    escape_into(out, basename(&c.document));
    out.push_str("</span>");
    if let Some(d) = &c.document_date {
        out.push_str(", ");
        escape_into(out, d);
    }
    let _ = write!(out, ", bytes {}–{}", c.start, c.end);
    if let Some(a) = &c.attributed_to {
        out.push_str("<br>according to ");
        escape_into(out, a);
    }
    out.push_str("<br>value <span class=\"value\">");
    escape_into(out, &value_label(&c.value));
    out.push_str("</span>");
    if let FindingValue::Quantity { hedge, .. } = &c.value {
        out.push_str(" (");
        escape_into(out, &hedge.as_str().replace('_', " "));
        out.push(')');
    }
    if let Some(a) = &c.as_of {
        out.push_str(", as of ");
        escape_into(out, a);
    }
    out.push_str("</figcaption></figure>\n");
}

// Chart geometry, in SVG user units (the SVG scales to the column width).
const CHART_W: f64 = 760.0;
const PLOT_X0: f64 = 230.0;
const PLOT_X1: f64 = 705.0;
const ROW_H: f64 = 24.0;
const BAR_H: f64 = 10.0;
const TOP: f64 = 12.0;
const AXIS_H: f64 = 30.0;
/// Height given to the whole span of dates before rows are pushed apart, so that time gaps
/// show as vertical gaps.
const TIME_SPAN_H: f64 = 120.0;

/// One bar of the chart.
struct Bar<'a> {
    index: usize,
    low: Option<f64>,
    high: Option<f64>,
    claim: &'a FindingClaim,
    /// The date the bar is placed at in time mode (as-of, else the document date).
    date: Option<jiff::civil::Date>,
}

/// The first day of an as-of value ("2024-11-04" or "2024-11-01/2024-11-30").
fn parse_day(s: &str) -> Option<jiff::civil::Date> {
    s.get(..10)?.parse().ok()
}

/// A step of 1, 2 or 5 times a power of ten giving about five ticks over `span`.
fn nice_step(span: f64) -> f64 {
    let raw = span / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let unit = if norm < 1.5 {
        1.0
    } else if norm < 3.0 {
        2.0
    } else if norm < 7.0 {
        5.0
    } else {
        10.0
    };
    unit * mag
}

/// The value axis: `[lo, hi]` and its tick step, covering every finite bound with room for
/// the arrows of open ends. Counts start at zero when that does not squash the bars.
fn value_domain(bars: &[Bar]) -> Option<(f64, f64, f64)> {
    let finite = bars
        .iter()
        .flat_map(|b| [b.low, b.high])
        .flatten()
        .filter(|v| v.is_finite());
    let (mut lo, mut hi) = finite.fold(None, |acc: Option<(f64, f64)>, v| match acc {
        None => Some((v, v)),
        Some((l, h)) => Some((l.min(v), h.max(v))),
    })?;
    let mut extent = hi - lo;
    if extent <= 0.0 {
        extent = hi.abs().max(1.0);
    }
    if bars.iter().any(|b| b.high.is_none()) {
        hi += 0.3 * extent;
    }
    if bars.iter().any(|b| b.low.is_none()) {
        lo -= 0.3 * extent;
    }
    if lo >= 0.0 && lo <= 0.5 * hi {
        lo = 0.0;
    } else {
        let non_negative = lo >= 0.0;
        lo -= 0.1 * extent;
        if non_negative {
            lo = lo.max(0.0);
        }
    }
    hi += 0.05 * extent;
    let step = nice_step(hi - lo);
    if !step.is_finite() || step <= 0.0 {
        return None;
    }
    Some(((lo / step).floor() * step, (hi / step).ceil() * step, step))
}

/// Vertical positions of the bars' centres: evenly spaced in claim order, or in time order
/// with gaps proportional to the time between dates (pushed apart so bars never overlap).
/// Returns the positions (indexed like `bars`) and the height of the plot area.
fn row_positions(bars: &[Bar], time_mode: bool) -> (Vec<f64>, f64) {
    let mut ys = vec![0.0; bars.len()];
    if !time_mode {
        for (i, y) in ys.iter_mut().enumerate() {
            *y = TOP + ROW_H * (i as f64 + 0.5);
        }
        return (ys, ROW_H * bars.len() as f64);
    }
    let mut order: Vec<usize> = (0..bars.len()).collect();
    // Undated bars go last, after every dated one.
    order.sort_by_key(|&i| (bars[i].date.is_none(), bars[i].date, i));
    let dated = || bars.iter().filter_map(|b| b.date);
    let first = dated().min();
    let last = dated().max();
    let total_days = match (first, last) {
        (Some(a), Some(b)) => (b - a).get_days().max(1) as f64,
        _ => 1.0,
    };
    let mut prev: Option<f64> = None;
    for &i in &order {
        let wanted = match (bars[i].date, first) {
            (Some(d), Some(a)) => TIME_SPAN_H * (d - a).get_days() as f64 / total_days,
            _ => prev.map_or(0.0, |p| p + ROW_H),
        };
        let y = match prev {
            Some(p) => wanted.max(p + ROW_H),
            None => wanted,
        };
        ys[i] = y;
        prev = Some(y);
    }
    let height = prev.map_or(0.0, |p| p + ROW_H);
    for y in &mut ys {
        *y += TOP + ROW_H / 2.0;
    }
    (ys, height)
}

/// An inline SVG of the claims' intervals on one linear value axis.
fn write_chart(out: &mut String, f: &Finding) {
    let bars: Vec<Bar> = f
        .claims
        .iter()
        .enumerate()
        .filter_map(|(index, c)| {
            let (low, high) = value_interval(&c.value)?;
            let date = c
                .as_of
                .as_deref()
                .and_then(parse_day)
                .or_else(|| c.document_date.as_deref().and_then(parse_day));
            Some(Bar {
                index,
                low,
                high,
                claim: c,
                date,
            })
        })
        .collect();
    if bars.is_empty() {
        return;
    }
    let Some((lo, hi, step)) = value_domain(&bars) else {
        return;
    };
    // Place by date only when a claim says as of when, and the dates actually differ.
    let any_as_of = bars.iter().any(|b| b.claim.as_of.is_some());
    let first = bars.iter().filter_map(|b| b.date).min();
    let time_mode =
        any_as_of && first.is_some() && bars.iter().filter_map(|b| b.date).max() != first;
    let (ys, plot_h) = row_positions(&bars, time_mode);
    let height = TOP + plot_h + AXIS_H;
    let x = |v: f64| PLOT_X0 + (v - lo) / (hi - lo) * (PLOT_X1 - PLOT_X0);

    let _ = write!(
        out,
        "<div class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {CHART_W} {height:.0}\" \
         role=\"img\" aria-label=\"intervals of the claims{}\" font-size=\"12\" \
         font-family=\"system-ui,sans-serif\">",
        if time_mode { " by as-of date" } else { "" }
    );

    // Grid and tick labels of the value axis.
    let axis_y = TOP + plot_h + 4.0;
    let mut t = lo;
    let mut guard = 0;
    while t <= hi + step * 1e-9 && guard < 30 {
        let tx = x(t);
        let _ = write!(
            out,
            "<line x1=\"{tx:.1}\" y1=\"{TOP}\" x2=\"{tx:.1}\" y2=\"{axis_y:.1}\" stroke=\"#e5e7eb\"/>\
             <text x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#6b7280\">{}</text>",
            axis_y + 14.0,
            escape(&fmt_num(t))
        );
        t += step;
        guard += 1;
    }
    let _ = write!(
        out,
        "<line x1=\"{PLOT_X0}\" y1=\"{axis_y:.1}\" x2=\"{PLOT_X1}\" y2=\"{axis_y:.1}\" stroke=\"#9ca3af\"/>"
    );
    if time_mode {
        // The second axis: time runs down the label column.
        let _ = write!(
            out,
            "<line x1=\"8\" y1=\"{TOP}\" x2=\"8\" y2=\"{:.1}\" stroke=\"#9ca3af\"/>\
             <path d=\"M4,{:.1} L8,{:.1} L12,{:.1}\" fill=\"none\" stroke=\"#9ca3af\"/>\
             <text x=\"16\" y=\"{:.1}\" fill=\"#6b7280\" font-size=\"10\">as of ↓</text>",
            TOP + plot_h,
            TOP + plot_h - 5.0,
            TOP + plot_h,
            TOP + plot_h - 5.0,
            axis_y + 14.0
        );
    }

    for (bar, &cy) in bars.iter().zip(&ys) {
        write_bar(out, bar, cy, time_mode, &x);
    }
    out.push_str("</svg></div>\n");
}

fn write_bar(out: &mut String, bar: &Bar, cy: f64, time_mode: bool, x: &dyn Fn(f64) -> f64) {
    let color = PALETTE[bar.index % PALETTE.len()];
    let label = interval_label(bar.low, bar.high);
    let _ = write!(out, "<g><title>{}: ", bar.index + 1);
    escape_into(out, basename(&bar.claim.document));
    out.push_str(", ");
    escape_into(out, &label);
    if let Some(a) = &bar.claim.as_of {
        out.push_str(", as of ");
        escape_into(out, a);
    }
    out.push_str("</title>");

    // The row label: number, date in time mode, and the document, cut to fit the column.
    let mut name = String::new();
    if time_mode {
        match (&bar.claim.as_of, bar.date) {
            (Some(_), Some(d)) => {
                let _ = write!(name, "{d} ");
            }
            (None, Some(d)) => {
                let _ = write!(name, "({d}) ");
            }
            _ => name.push_str("undated "),
        }
    }
    name.push_str(basename(&bar.claim.document));
    let max_chars = if time_mode { 30 } else { 32 };
    if name.chars().count() > max_chars {
        name = name.chars().take(max_chars - 1).collect::<String>() + "…";
    }
    let lx = if time_mode { 22.0 } else { 4.0 };
    let _ = write!(
        out,
        "<text x=\"{lx}\" y=\"{:.1}\" fill=\"{color}\" font-weight=\"700\">{}</text>\
         <text x=\"{:.1}\" y=\"{:.1}\" fill=\"#374151\">",
        cy + 4.0,
        bar.index + 1,
        lx + 16.0,
        cy + 4.0
    );
    escape_into(out, &name);
    out.push_str("</text>");

    let left = bar.low.map_or(PLOT_X0, x);
    let right = bar.high.map_or(PLOT_X1, x);
    let top = cy - BAR_H / 2.0;
    // Arrow heads for open ends take the last few units, so the bar body stops short of them.
    let body_l = if bar.low.is_none() { left + 8.0 } else { left };
    let body_r = if bar.high.is_none() {
        right - 8.0
    } else {
        right
    };
    if bar.low.is_some() && bar.low == bar.high {
        let _ = write!(
            out,
            "<path d=\"M{0:.1},{1:.1} l6,6 l-6,6 l-6,-6 z\" fill=\"{color}\"/>",
            left,
            cy - 6.0
        );
    } else {
        let _ = write!(
            out,
            "<rect x=\"{body_l:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{BAR_H}\" \
             fill=\"{color}\" fill-opacity=\"0.35\" stroke=\"{color}\"/>",
            (body_r - body_l).max(1.0)
        );
    }
    if bar.high.is_none() {
        let _ = write!(
            out,
            "<path d=\"M{:.1},{:.1} L{right:.1},{cy:.1} L{:.1},{:.1} z\" fill=\"{color}\"/>",
            right - 9.0,
            cy - 7.0,
            right - 9.0,
            cy + 7.0
        );
    }
    if bar.low.is_none() {
        let _ = write!(
            out,
            "<path d=\"M{:.1},{:.1} L{left:.1},{cy:.1} L{:.1},{:.1} z\" fill=\"{color}\"/>",
            left + 9.0,
            cy - 7.0,
            left + 9.0,
            cy + 7.0
        );
    }
    // The value beside the bar: after it when there is room, else before it.
    let (tx, anchor) = if right + 8.0 + 7.0 * label.chars().count() as f64 <= CHART_W {
        (right + 8.0, "start")
    } else {
        (left - 8.0, "end")
    };
    let (tx, anchor) = if anchor == "end" && tx < PLOT_X0 + 40.0 {
        // Neither side has room (a bar across the whole axis): write it inside, on white.
        (left + 12.0, "start")
    } else {
        (tx, anchor)
    };
    let _ = write!(
        out,
        "<text x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" fill=\"#111827\" \
         paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">",
        cy + 4.0
    );
    escape_into(out, &label);
    out.push_str("</text></g>");
}

fn write_estimates(out: &mut String, estimates: &[Estimate]) {
    if estimates.is_empty() {
        return;
    }
    out.push_str(
        "<div class=\"estimates\" id=\"estimates\">\n<h2>Estimates across sources</h2>\n<table>\n\
         <thead><tr><th>subject</th><th class=\"num\">low</th><th class=\"num\">best</th>\
         <th class=\"num\">high</th><th class=\"num\">claims</th>\
         <th class=\"num\">independent sources</th></tr></thead>\n<tbody>\n",
    );
    let num = |v: Option<f64>| v.map_or_else(|| "—".to_string(), fmt_num);
    for e in estimates {
        out.push_str("<tr><td>");
        escape_into(out, &e.subject);
        let _ = writeln!(
            out,
            "</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            num(e.low),
            num(e.best),
            num(e.high),
            e.claims,
            e.independent_sources
        );
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_markup_character() {
        for (input, expected) in [
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            ("\" onmouseover=\"x", "&quot; onmouseover=&quot;x"),
            ("it's & that", "it&#39;s &amp; that"),
            ("a\u{0}b\nc", "a\u{fffd}b\nc"),
        ] {
            assert_eq!(escape(input), expected, "{input:?}");
        }
    }

    #[test]
    fn highlights_first_occurrence_case_insensitively() {
        for (quote, phrase, expected) in [
            (
                "up to 8,000 or 8,000",
                Some("8,000"),
                "up to <mark>8,000</mark> or 8,000",
            ),
            (
                "As many as 8,000 <b>",
                Some("as many as 8,000"),
                "<mark>As many as 8,000</mark> &lt;b&gt;",
            ),
            ("no such figure", Some("9,000"), "no such figure"),
            ("empty phrase", Some(""), "empty phrase"),
            ("no phrase", None, "no phrase"),
        ] {
            let mut out = String::new();
            write_highlighted(&mut out, quote, phrase);
            assert_eq!(out, expected, "{quote:?}");
        }
    }

    #[test]
    fn value_labels() {
        let quantity =
            |low: Option<f64>, high: Option<f64>, unit: Option<&str>| FindingValue::Quantity {
                hedge: claims_model::Hedge::Exact,
                high,
                low,
                text: "words".into(),
                unit: unit.map(str::to_string),
            };
        let date = |earliest: &str, latest: &str| FindingValue::Date {
            earliest: earliest.into(),
            granularity: claims_model::Granularity::Month,
            latest: latest.into(),
            text: "words".into(),
            timex: "2024-06".into(),
        };
        for (value, expected) in [
            (quantity(Some(8000.0), Some(8000.0), None), "8,000"),
            (
                quantity(Some(20000.0), Some(99999.0), Some("people")),
                "20,000–99,999 people",
            ),
            (quantity(Some(8000.0), None, None), "≥ 8,000"),
            (quantity(None, Some(50.0), None), "≤ 50"),
            (date("2024-06-01", "2024-06-30"), "2024-06-01 … 2024-06-30"),
            (date("2024-06-01", "2024-06-01"), "2024-06-01"),
            (
                FindingValue::Text {
                    text: "Article 5".into(),
                },
                "Article 5",
            ),
        ] {
            assert_eq!(value_label(&value), expected);
        }
    }

    #[test]
    fn nice_steps_and_domains() {
        for (span, step) in [
            (10_000.0, 2_000.0),
            (120.0, 20.0),
            (7.0, 1.0),
            (1_000_000.0, 200_000.0),
        ] {
            assert!(
                (nice_step(span) - step).abs() < 1e-6,
                "{span} → {}",
                nice_step(span)
            );
        }
        assert_eq!(basename("/a/b/c.txt"), "c.txt");
        assert_eq!(basename("C:\\x\\y.html"), "y.html");
        assert_eq!(basename("plain"), "plain");
    }
}
