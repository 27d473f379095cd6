//! The article in a saved web page: its text as one paragraph per line, its title, publication
//! date, URL and site name.
//!
//! Pages are parsed with `scraper` (html5ever, the browsers' parsing algorithm), so broken markup
//! and entities come out as a browser would show them. Page furniture (scripts, styles,
//! navigation, headers, footers, asides, forms, share bars and "related" boxes) is dropped; the
//! article is the page's `articleBody`, else its largest `<article>`, else `<main>`, else `<body>`.

use std::collections::HashMap;
use std::sync::LazyLock;

use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use encoding_rs::Encoding;
use scraper::{ElementRef, Html, Node, Selector};

use crate::document::parse_published;
use crate::Header;

/// The text and metadata of one page.
#[derive(Debug)]
pub(crate) struct Page {
    pub text: String,
    pub header: Header,
    pub notes: Vec<String>,
}

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "math", "button", "select", "textarea", "object", "canvas", "head", "dialog",
    "title",
];

/// ARIA roles that mean the same as the dropped elements.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alert",
];

/// Class or id words that mark page furniture on news sites. A class token is matched on its
/// first word (`related-stories`, `social_share`, `c-newsletter`), never on a later one, so a
/// container such as `article has-ads` is kept.
const FURNITURE_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "subscribe",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "cookie",
    "cookies",
    "consent",
    "breadcrumb",
    "breadcrumbs",
    "comments",
    "sidebar",
    "popup",
    "modal",
];

/// Elements that start and end a line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
    "body",
];

/// Meta names and properties that carry the publication date, most specific first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "date",
    "parsely-pub-date",
    "sailthru.date",
];

/// An article shorter than this (in bytes of text) must also hold a quarter of the page's text
/// to be believed; teaser `<article>` cards on front pages are short.
const SHORT_ARTICLE: usize = 400;

fn selector(s: &str) -> Selector {
    // The selectors are literals in this file; a typo fails every test.
    Selector::parse(s).unwrap_or_else(|e| panic!("bad built-in selector {s:?}: {e}"))
}

static CHARSET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(r#"(?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
        .unwrap_or_else(|e| panic!("bad built-in regex: {e}"))
});
static TAG: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)</?(p|br|div|span|a|em|strong|b|i|li|ul|ol|h[1-6]|blockquote)\b[^>]*>")
        .unwrap_or_else(|e| panic!("bad built-in regex: {e}"))
});
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static META: LazyLock<Selector> = LazyLock::new(|| selector("meta[content]"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel][href]"));
static LD_JSON: LazyLock<Selector> = LazyLock::new(|| selector("script[type]"));
static ARTICLE_BODY: LazyLock<Selector> = LazyLock::new(|| selector("[itemprop=articleBody]"));
static ARTICLE: LazyLock<Selector> = LazyLock::new(|| selector("article"));
static MAIN: LazyLock<Selector> = LazyLock::new(|| selector("main, [role=main]"));
static BODY: LazyLock<Selector> = LazyLock::new(|| selector("body"));
static MARKED_TIME: LazyLock<Selector> =
    LazyLock::new(|| selector("time[datetime][pubdate], time[datetime][itemprop=datePublished]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));

/// The charset a page declares in its first 1024 bytes (`<meta charset>` or the `http-equiv`
/// content type), as the HTML standard's prescan looks for it.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let caps = CHARSET.captures(head)?;
    Encoding::for_label(caps.get(1)?.as_bytes())
}

/// How much tree-building work a page may cost, in open elements summed over its tags.
///
/// html5ever scans its stack of open elements for many tags, so a page nested `d` deep costs
/// about `tags × d`: 20,000 unclosed `<div>`s take seconds, 200,000 take a quarter of an hour.
/// Real pages nest a few dozen deep (a few million units for a large page); a budget of 200
/// million refuses only degenerate markup, in time linear in its length.
pub(crate) const NESTING_BUDGET: u64 = 200_000_000;

/// Elements that never hold children, or whose end tag is optional (the parser closes them
/// itself), so they do not deepen the tree as far as this estimate is concerned.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
    "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body",
];

/// Raw-text elements: their content is not markup and is skipped to the end tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "noembed", "noframes",
];

/// Estimates the parser's work for `source` (see [`NESTING_BUDGET`]) with one linear scan of
/// its tags; `Some((cost, offset))` where the budget is first exceeded.
pub(crate) fn nesting_over_budget(source: &str) -> Option<(u64, usize)> {
    let bytes = source.as_bytes();
    let mut depth: u64 = 0;
    let mut cost: u64 = 0;
    let mut i = 0;
    while let Some(lt) = bytes[i..].iter().position(|&b| b == b'<') {
        let at = i + lt;
        let rest = &source[at + 1..];
        if rest.starts_with("!--") {
            i = rest.find("-->").map_or(bytes.len(), |e| at + 1 + e + 3);
            continue;
        }
        let (closing, name_start) = match rest.as_bytes().first() {
            Some(b'/') => (true, 1),
            Some(b) if b.is_ascii_alphabetic() => (false, 0),
            _ => {
                i = at + 1;
                continue;
            }
        };
        let name_len = rest[name_start..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .count();
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = rest.find('>').map_or(bytes.len(), |e| at + 1 + e + 1);
        i = tag_end;
        if FLAT.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        if source[at..tag_end].ends_with("/>") {
            continue;
        }
        if RAW.contains(&name.as_str()) {
            i = find_end_tag(source, tag_end, &name);
            continue;
        }
        depth += 1;
        cost += depth;
        if cost > NESTING_BUDGET {
            return Some((cost, at));
        }
    }
    None
}

/// Where the raw text of `name` that starts at `from` ends (after its end tag), linearly.
fn find_end_tag(source: &str, from: usize, name: &str) -> usize {
    let mut i = from;
    while let Some(p) = source.get(i..).and_then(|r| r.find("</")) {
        let at = i + p + 2;
        let candidate = source.get(at..at + name.len()).unwrap_or("");
        if candidate.eq_ignore_ascii_case(name) {
            return source[at..].find('>').map_or(source.len(), |e| at + e + 1);
        }
        i = at;
    }
    source.len()
}

/// Does a JSON field's text look like HTML markup rather than plain text?
pub(crate) fn looks_like_html(text: &str) -> bool {
    TAG.is_match(text)
}

/// The text of an HTML fragment (a record's body that holds markup), one block per line.
pub(crate) fn fragment_text(fragment: &str) -> String {
    let html = Html::parse_fragment(fragment);
    text_of(*html.root_element())
}

/// The article and metadata of a whole page.
pub(crate) fn extract(source: &str) -> Page {
    let html = Html::parse_document(source);
    let mut notes = Vec::new();
    let (root, text) = article(&html);
    let meta = meta_tags(&html);
    let title = html
        .select(&TITLE)
        .map(|t| collapse(&t.text().collect::<String>()))
        .find(|t| !t.is_empty())
        .or_else(|| meta_value(&meta, &["og:title", "twitter:title"]))
        .or_else(|| {
            html.select(&H1)
                .map(|h| collapse(&h.text().collect::<String>()))
                .find(|t| !t.is_empty())
        });
    let url = meta_value(&meta, &["og:url", "twitter:url"]).or_else(|| canonical(&html));
    let source_name = meta_value(&meta, &["og:site_name", "application-name"]);
    let published = published(&html, root, &meta, &mut notes);
    Page {
        text,
        header: Header {
            title,
            source: source_name,
            url,
            published,
        },
        notes,
    }
}

/// The node holding the article, and its text.
fn article(html: &Html) -> (ElementRef<'_>, String) {
    let body = html
        .select(&BODY)
        .next()
        .unwrap_or_else(|| html.root_element());
    let body_text = text_of(*body);
    let believable = |text: &str| {
        !text.trim().is_empty()
            && (text.len() >= SHORT_ARTICLE || text.len() * 4 >= body_text.len())
    };
    if let Some(e) = html.select(&ARTICLE_BODY).next() {
        let t = text_of(*e);
        if believable(&t) {
            return (e, t);
        }
    }
    // Only outermost articles: nested ones (comments, embedded cards) are part of their parent.
    let best = html
        .select(&ARTICLE)
        .filter(|a| {
            !a.ancestors().any(|n| {
                n.value()
                    .as_element()
                    .is_some_and(|e| e.name() == "article")
            })
        })
        .map(|a| (a, text_of(*a)))
        .max_by_key(|(_, t)| t.len());
    if let Some((a, t)) = best.filter(|(_, t)| believable(t)) {
        return (a, t);
    }
    if let Some(m) = html.select(&MAIN).next() {
        let t = text_of(*m);
        if believable(&t) {
            return (m, t);
        }
    }
    (body, body_text)
}

/// Is this element page furniture rather than content?
fn is_dropped(e: &scraper::node::Element) -> bool {
    let name = e.name();
    if DROPPED.contains(&name) || e.attr("hidden").is_some() {
        return true;
    }
    if e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(role) = e.attr("role") {
        if DROPPED_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()) {
            return true;
        }
    }
    // Structural containers are never dropped for their class names: a site may well put
    // "has-sidebar" on its <article> or <body>.
    if matches!(name, "article" | "main" | "body" | "html") {
        return false;
    }
    let tokens = e.attr("class").into_iter().chain(e.attr("id"));
    tokens
        .flat_map(str::split_whitespace)
        .any(is_furniture_token)
}

fn is_furniture_token(token: &str) -> bool {
    let lower = token.to_ascii_lowercase();
    let mut words = lower.split(['-', '_']).filter(|w| !w.is_empty());
    let Some(mut first) = words.next() else {
        return false;
    };
    // BEM-style namespace prefixes (`c-`, `js-`, `l-`, `o-`) are not the word that counts.
    if matches!(first, "c" | "js" | "l" | "o" | "m" | "u") {
        match words.next() {
            Some(w) => first = w,
            None => return false,
        }
    }
    FURNITURE_WORDS.contains(&first)
}

/// The visible text under `root`, one block per line, whitespace collapsed as a browser would.
///
/// The walk is iterative (deeply nested markup cannot overflow the stack) and visits each node
/// once: linear in the page.
fn text_of(root: NodeRef<'_, Node>) -> String {
    let mut sink = TextSink::default();
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut pre_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) if pre_depth > 0 => sink.push_preformatted(t),
                    Node::Text(t) => sink.push_text(t),
                    Node::Element(e) => {
                        if is_dropped(e) {
                            skipping = Some(node.id());
                            continue;
                        }
                        let name = e.name();
                        if name == "pre" {
                            pre_depth += 1;
                        }
                        if BLOCKS.contains(&name) {
                            sink.break_line();
                        } else if matches!(name, "td" | "th") {
                            sink.separate_cell();
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if let Node::Element(e) = node.value() {
                    if e.name() == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                    if BLOCKS.contains(&e.name()) {
                        sink.break_line();
                    }
                }
            }
        }
    }
    sink.finish()
}

/// Accumulates text into lines, collapsing HTML whitespace (space, tab, newline, form feed and
/// carriage return; a no-break space is content and is kept).
#[derive(Default)]
struct TextSink {
    out: String,
    line: String,
    pending_space: bool,
}

impl TextSink {
    fn push_text(&mut self, s: &str) {
        for c in s.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.line.is_empty() {
                    self.line.push(' ');
                }
                self.pending_space = false;
                self.line.push(c);
            }
        }
    }

    fn push_preformatted(&mut self, s: &str) {
        for (i, part) in s.split('\n').enumerate() {
            if i > 0 {
                self.break_line();
            }
            self.push_text(part);
        }
    }

    fn separate_cell(&mut self) {
        if !self.line.is_empty() {
            self.line.push_str(" | ");
        }
        self.pending_space = false;
    }

    fn break_line(&mut self) {
        let line = self.line.trim_end_matches([' ', '|']);
        if !line.is_empty() {
            self.out.push_str(line);
            self.out.push('\n');
        }
        self.line.clear();
        self.pending_space = false;
    }

    fn finish(mut self) -> String {
        self.break_line();
        self.out
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `<meta>` contents by lower-cased `property`, `name` or `itemprop`; the first one wins.
fn meta_tags(html: &Html) -> HashMap<String, String> {
    let mut meta = HashMap::new();
    for m in html.select(&META) {
        let e = m.value();
        let Some(content) = e.attr("content") else {
            continue;
        };
        for key in [e.attr("property"), e.attr("name"), e.attr("itemprop")]
            .into_iter()
            .flatten()
        {
            meta.entry(key.trim().to_ascii_lowercase())
                .or_insert_with(|| content.trim().to_string());
        }
    }
    meta
}

fn meta_value(meta: &HashMap<String, String>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .filter_map(|k| meta.get(*k))
        .map(|v| collapse(v))
        .find(|v| !v.is_empty())
}

fn canonical(html: &Html) -> Option<String> {
    html.select(&CANONICAL)
        .find(|l| {
            l.value().attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|l| l.value().attr("href"))
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
}

/// The publication date: meta tags, then JSON-LD `datePublished`, then a `<time>` marked as the
/// publication time, then the first `<time datetime>` in the article. A value that is present
/// but not a date is noted and skipped: a page's metadata is not the analyst's to fix.
fn published(
    html: &Html,
    root: ElementRef<'_>,
    meta: &HashMap<String, String>,
    notes: &mut Vec<String>,
) -> Option<claims_model::Date> {
    let mut candidates: Vec<(String, String)> = DATE_KEYS
        .iter()
        .filter_map(|k| meta.get(*k).map(|v| (format!("meta {k}"), v.clone())))
        .collect();
    for script in html.select(&LD_JSON) {
        if !script
            .value()
            .attr("type")
            .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
        {
            continue;
        }
        let json = script.text().collect::<String>();
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&json) {
            if let Some(d) = json_ld_date(&value) {
                candidates.push(("JSON-LD datePublished".to_string(), d.to_string()));
            }
        }
    }
    let times = html.select(&MARKED_TIME).chain(root.select(&TIME));
    candidates.extend(times.filter_map(|t| {
        t.value()
            .attr("datetime")
            .map(|d| ("<time datetime>".to_string(), d.to_string()))
    }));
    for (origin, value) in candidates {
        if value.trim().is_empty() {
            continue;
        }
        match parse_published(&value) {
            Some(d) => return Some(d),
            None => notes.push(format!("ignored {origin} {value:?}: not a date")),
        }
    }
    None
}

/// The first `datePublished` string in a JSON-LD value (objects, arrays and `@graph` alike).
fn json_ld_date(value: &serde_json::Value) -> Option<&str> {
    // An explicit stack: the JSON comes from the page and may nest deeply.
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(s)) = map.get("datePublished") {
                    return Some(s);
                }
                stack.extend(map.values().rev());
            }
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_estimate_table() {
        // markup → over budget?
        let rows = [
            ("<p>a<p>b<p>c".repeat(100_000), false),
            ("<div>".repeat(30_000), true),
            ("<div></div>".repeat(300_000), false),
            ("<br><img src=x><hr/>".repeat(100_000), false),
            // Tags inside scripts and comments are not markup.
            (
                format!("<script>{}</script>", "<div>".repeat(30_000)),
                false,
            ),
            (format!("<!--{}-->", "<div>".repeat(30_000)), false),
            (format!("<style>{}</STYLE>x", "<div>".repeat(30_000)), false),
            ("<span/>".repeat(30_000), false),
        ];
        for (markup, over) in rows {
            assert_eq!(
                nesting_over_budget(&markup).is_some(),
                over,
                "for {}…",
                &markup[..40]
            );
        }
    }

    #[test]
    fn furniture_tokens() {
        let rows = [
            ("social-share", true),
            ("related_stories", true),
            ("c-newsletter-signup", true),
            ("ad", true),
            ("ADS", true),
            ("has-ads", false),
            ("shared-content", false),
            ("article-body", false),
            ("adjacent", false),
            ("js-comments", true),
            ("c", false),
        ];
        for (token, furniture) in rows {
            assert_eq!(is_furniture_token(token), furniture, "for {token}");
        }
    }

    #[test]
    fn charset_declarations() {
        let rows: [(&[u8], Option<&str>); 5] = [
            (b"<meta charset=\"ISO-8859-1\">", Some("windows-1252")),
            (b"<META CHARSET=koi8-r>", Some("KOI8-R")),
            (
                b"<meta http-equiv=\"content-type\" content=\"text/html; charset=Shift_JIS\">",
                Some("Shift_JIS"),
            ),
            (b"<meta charset=\"nonsense\">", None),
            (b"<p>charset=utf-8</p>", None),
        ];
        for (head, name) in rows {
            assert_eq!(declared_charset(head).map(|e| e.name()), name);
        }
    }

    #[test]
    fn article_choice_and_dates() {
        let page = r#"<html><head>
<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2024-11-28T22:00:00Z"}]}</script>
<meta name="date" content="not a date">
</head><body>
<article><p>Teaser one.</p></article>
<main>
<article><h2>Real story</h2><p>The real story has the most text of all the articles here.</p>
<time datetime="2024-01-01">Jan 1</time>
<article><p>A nested comment that belongs to its parent.</p></article></article>
</main>
<div class="related-links"><p>Other story entirely.</p></div>
<table><tr><th>Side</th><th>Troops</th></tr><tr><td>A</td><td>10,000</td></tr></table>
</body></html>"#;
        let p = extract(page);
        assert_eq!(
            p.text,
            "Real story\nThe real story has the most text of all the articles here.\nJan 1\n\
             A nested comment that belongs to its parent.\n"
        );
        assert_eq!(p.header.published, Some(jiff::civil::date(2024, 11, 28)));
        assert_eq!(p.notes, ["ignored meta date \"not a date\": not a date"]);
        // Without any article, the body is the text; tables read by rows; pre keeps lines.
        let p = extract(
            "<body><table><tr><th>Side</th><th>Troops</th></tr><tr><td>A</td><td>10,000</td>\
             </tr></table><pre>line one\n  line two</pre><time datetime=\"2024-02-03\">x</time></body>",
        );
        assert_eq!(p.text, "Side | Troops\nA | 10,000\nline one\nline two\nx\n");
        assert_eq!(p.header.published, Some(jiff::civil::date(2024, 2, 3)));
        assert_eq!(p.header.title, None);
    }
}
