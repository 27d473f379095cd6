//! A document read from disk: decoded text, content hash, metadata, and the dispatch by input
//! kind (plain text, HTML page, JSON Lines export) that turns one file into its documents.

use std::path::Path;

use claims_model::Date;
use sha2::{Digest, Sha256};

use crate::decode::decode;
use crate::files::path_label;
use crate::{html, jsonl};

/// Files larger than this are skipped with a clear reason rather than read into memory.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file (or one record of it) could not become a document. Every message names the file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: no such file or directory")]
    Missing { path: String },
    #[error("{path}: empty file (nothing to extract)")]
    Empty { path: String },
    #[error("{path}: looks binary (NUL byte at offset {offset}); only text files are read")]
    Binary { path: String, offset: usize },
    /// Kept for callers that match on it; decoding now falls back to Windows-1252 instead.
    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset})")]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}: not valid {encoding} at byte offset {offset}: {problem}")]
    Undecodable {
        path: String,
        encoding: &'static str,
        offset: usize,
        problem: String,
    },
    #[error("{path}: too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: bad header: {problem}")]
    BadHeader { path: String, problem: String },
    /// One line of a JSON Lines file; the other lines are read all the same.
    #[error("{path}, line {line}: {problem}")]
    BadRecord {
        path: String,
        line: usize,
        problem: String,
    },
    /// Markup nested so deeply that parsing it would take minutes (see `docs/inputs.md`).
    #[error("{path}: HTML nested too deeply to parse in reasonable time (from byte {offset} of the decoded text)")]
    TooDeep { path: String, offset: usize },
    #[error("{path}: holds {count} documents; name one as {path}#L<line>")]
    ManyDocuments { path: String, count: usize },
}

impl TextError {
    /// The file the error is about.
    pub fn path(&self) -> &str {
        match self {
            TextError::Io { path, .. }
            | TextError::Missing { path }
            | TextError::Empty { path }
            | TextError::Binary { path, .. }
            | TextError::NotUtf8 { path, .. }
            | TextError::Undecodable { path, .. }
            | TextError::TooLarge { path, .. }
            | TextError::BadHeader { path, .. }
            | TextError::BadRecord { path, .. }
            | TextError::TooDeep { path, .. }
            | TextError::ManyDocuments { path, .. } => path,
        }
    }
}

/// How a file's bytes are turned into documents, from its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// Plain text or Markdown, with an optional `---` header: one document.
    Text,
    /// A web page (`.html`, `.htm`, `.xhtml`): one document, the article's text.
    Html,
    /// A JSON Lines export (`.jsonl`, `.ndjson`): one document per non-blank line.
    JsonLines,
}

impl InputKind {
    /// The kind a path's extension names; anything unknown is read as text.
    pub fn from_path(path: &Path) -> InputKind {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("html" | "htm" | "xhtml") => InputKind::Html,
            Some("jsonl" | "ndjson") => InputKind::JsonLines,
            _ => InputKind::Text,
        }
    }
}

/// Metadata from an optional `---` header at the top of the file, an HTML page's `<head>`, or
/// the fields of a JSON Lines record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Header {
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
}

/// One document: its text, hash and metadata.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The path as given on the command line (or `-` for standard input); `path#L<n>` for line
    /// `n` of a JSON Lines file.
    pub path: String,
    /// SHA-256 of the original bytes (the file's, or the line's for JSON Lines), lower-case hex.
    pub sha256: String,
    /// The text every offset refers to: the file's bytes when `encoding` is `None`, otherwise
    /// the decoded (and, for HTML and JSON Lines, extracted) text.
    pub text: String,
    pub header: Header,
    /// Where the body starts (after the header; 0 without one).
    pub body_start: usize,
    /// `None` when `text` is exactly the file's bytes (valid UTF-8, byte-order mark included);
    /// otherwise the encoding the bytes were decoded from, e.g. `windows-1252` or `UTF-16LE`.
    pub encoding: Option<String>,
    /// What was done to get `text` (decoding, extraction), in words for the analyst.
    pub notes: Vec<String>,
}

/// Reads and validates one file as one document.
///
/// A JSON Lines file yields its document only when it holds exactly one; `export.jsonl#L3`
/// names line 3 of `export.jsonl` (when no file has that literal name).
///
/// # Errors
/// A [`TextError`] naming the file when it is missing, unreadable, too large, empty, binary or
/// undecodable, when its header or record is malformed, or when it holds several documents.
pub fn read_document(path: &Path) -> Result<Document, TextError> {
    if let Some((file, line)) = split_line_suffix(path) {
        let label = path_label(path);
        let found = read_documents(&file)
            .into_iter()
            .find(|r| match r {
                Ok(d) => d.path == label,
                Err(TextError::BadRecord { line: l, .. }) => *l == line,
                Err(_) => true,
            })
            .unwrap_or(Err(TextError::Missing { path: label }));
        return found;
    }
    let mut docs = read_documents(path);
    if docs.len() == 1 {
        return docs.remove(0);
    }
    Err(TextError::ManyDocuments {
        path: path_label(path),
        count: docs.len(),
    })
}

/// `Some((file, n))` for `file#L<n>` when the path itself does not exist but `file` does.
fn split_line_suffix(path: &Path) -> Option<(std::path::PathBuf, usize)> {
    if path.exists() {
        return None;
    }
    let s = path.to_str()?;
    let (file, line) = s.rsplit_once("#L")?;
    let line: usize = line.parse().ok()?;
    let file = std::path::PathBuf::from(file);
    file.is_file().then_some((file, line))
}

/// Every document in a file: one for text and HTML, one per non-blank line for JSON Lines
/// (the kind comes from the extension, see [`InputKind::from_path`]). Each is `Ok` or an error
/// naming the file and the problem; a bad line never hides the good ones.
pub fn read_documents(path: &Path) -> Vec<Result<Document, TextError>> {
    let label = path_label(path);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return vec![Err(TextError::Missing { path: label })]
        }
        Err(e) => {
            return vec![Err(TextError::Io {
                path: label,
                source: e,
            })]
        }
    };
    if meta.len() > MAX_DOCUMENT_BYTES {
        return vec![Err(TextError::TooLarge {
            path: label,
            size: meta.len(),
            limit: MAX_DOCUMENT_BYTES,
        })];
    }
    match std::fs::read(path) {
        Ok(bytes) => parse_documents(&label, bytes, InputKind::from_path(path)),
        Err(e) => vec![Err(TextError::Io {
            path: label,
            source: e,
        })],
    }
}

/// Validates bytes already in memory as a plain-text document called `label`.
///
/// # Errors
/// As [`read_document`], except for I/O.
pub fn parse_document(label: &str, bytes: Vec<u8>) -> Result<Document, TextError> {
    parse_text(label, bytes)
}

/// The documents in bytes already in memory, read as `kind`, for a file called `label`.
pub fn parse_documents(
    label: &str,
    bytes: Vec<u8>,
    kind: InputKind,
) -> Vec<Result<Document, TextError>> {
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return vec![Err(TextError::TooLarge {
            path: label.to_string(),
            size: bytes.len() as u64,
            limit: MAX_DOCUMENT_BYTES,
        })];
    }
    match kind {
        InputKind::Text => vec![parse_text(label, bytes)],
        InputKind::Html => vec![parse_html(label, bytes)],
        InputKind::JsonLines => {
            let decoded = match decode(label, bytes, None) {
                Ok(d) => d,
                Err(e) => return vec![Err(e)],
            };
            if decoded
                .text
                .trim_start_matches('\u{feff}')
                .trim()
                .is_empty()
            {
                return vec![Err(TextError::Empty {
                    path: label.to_string(),
                })];
            }
            jsonl::parse(label, &decoded.text, decoded.encoding, &decoded.notes)
        }
    }
}

fn parse_text(label: &str, bytes: Vec<u8>) -> Result<Document, TextError> {
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(TextError::TooLarge {
            path: label.to_string(),
            size: bytes.len() as u64,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let sha256 = hex(&Sha256::digest(&bytes));
    let decoded = decode(label, bytes, None)?;
    let text = decoded.text;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(TextError::Empty {
            path: label.to_string(),
        });
    }
    let (header, body_start) = parse_header(label, &text)?;
    Ok(Document {
        path: label.to_string(),
        sha256,
        text,
        header,
        body_start,
        encoding: decoded.encoding.map(str::to_string),
        notes: decoded.notes,
    })
}

fn parse_html(label: &str, bytes: Vec<u8>) -> Result<Document, TextError> {
    let sha256 = hex(&Sha256::digest(&bytes));
    let declared = html::declared_charset(&bytes);
    let decoded = decode(label, bytes, declared)?;
    if let Some((_, offset)) = html::nesting_over_budget(&decoded.text) {
        return Err(TextError::TooDeep {
            path: label.to_string(),
            offset,
        });
    }
    let page = html::extract(&decoded.text);
    if page.text.trim().is_empty() {
        return Err(TextError::Empty {
            path: label.to_string(),
        });
    }
    let mut notes = decoded.notes;
    notes.push("text extracted from HTML; offsets refer to the extracted text".to_string());
    notes.extend(page.notes);
    Ok(Document {
        path: label.to_string(),
        sha256,
        text: page.text,
        header: page.header,
        body_start: 0,
        // The text is never the file's bytes, so the encoding is always named.
        encoding: Some(decoded.encoding.unwrap_or("UTF-8").to_string()),
        notes,
    })
}

/// A publication date as analysts' tools write it: `YYYY-MM-DD`, an ISO datetime (the date as
/// written, in the publisher's own offset), `YYYY/MM/DD`, `YYYYMMDD`, RFC 2822
/// (`Fri, 29 Nov 2024 10:00:00 +0000`) or `November 29, 2024`.
pub(crate) fn parse_published(value: &str) -> Option<Date> {
    let v = value.trim();
    let head = v.get(..10).unwrap_or(v);
    let rest = v.get(10..).unwrap_or("");
    if rest.is_empty() || rest.starts_with(['T', 't', ' ']) {
        if let Ok(d) = head.replace('/', "-").parse::<Date>() {
            if head.len() == 10 {
                return Some(d);
            }
        }
    }
    let digits = v.get(..8).unwrap_or("");
    if digits.len() == 8
        && digits.bytes().all(|b| b.is_ascii_digit())
        && v.get(8..)
            .is_some_and(|r| r.is_empty() || r.starts_with('T'))
    {
        let (y, m, d) = (&digits[..4], &digits[4..6], &digits[6..]);
        if let Ok(date) = format!("{y}-{m}-{d}").parse::<Date>() {
            return Some(date);
        }
    }
    if let Ok(z) = jiff::fmt::rfc2822::parse(v) {
        return Some(z.date());
    }
    ["%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y"]
        .iter()
        .find_map(|f| Date::strptime(f, v).ok())
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// Parses a `---` … `---` block of `key: value` lines at the very top (after an optional BOM).
/// Unknown keys are ignored; a `published` value that is not `YYYY-MM-DD` is an error, because a
/// wrong reference date would silently shift every relative date in the document.
fn parse_header(label: &str, text: &str) -> Result<(Header, usize), TextError> {
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let rest = &text[bom..];
    let first_line_end = rest.find('\n').unwrap_or(rest.len());
    if rest[..first_line_end].trim_end() != "---" {
        return Ok((Header::default(), 0));
    }
    let mut header = Header::default();
    let mut pos = bom + first_line_end + 1;
    while pos <= text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..line_end].trim_end_matches('\r');
        let next = (line_end + 1).min(text.len());
        if line.trim() == "---" {
            return Ok((header, next));
        }
        if let Some((key, value)) = line.split_once(':') {
            let value = value.trim().trim_matches('"').to_string();
            let value_opt = if value.is_empty() {
                None
            } else {
                Some(value.clone())
            };
            match key.trim().to_ascii_lowercase().as_str() {
                "title" => header.title = value_opt,
                "source" => header.source = value_opt,
                "url" => header.url = value_opt,
                "published" | "date" if !value.is_empty() => {
                    let day = value.get(..10).unwrap_or(&value);
                    let date: Date = day.parse().map_err(|_| TextError::BadHeader {
                        path: label.to_string(),
                        problem: format!("published date {value:?} is not YYYY-MM-DD"),
                    })?;
                    header.published = Some(date);
                }
                _ => {}
            }
        }
        if line_end == text.len() {
            break;
        }
        pos = next;
    }
    // An opening `---` with no closing one is an ordinary horizontal rule, not a header.
    Ok((Header::default(), 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Document, TextError> {
        parse_document("t.txt", s.as_bytes().to_vec())
    }

    #[test]
    fn header_is_read_and_body_starts_after_it() {
        let d = parse("---\ntitle: A\npublished: 2024-11-29\nurl: http://x\n---\nBody.\n").unwrap();
        assert_eq!(d.header.title.as_deref(), Some("A"));
        assert_eq!(d.header.published, Some(jiff::civil::date(2024, 11, 29)));
        assert_eq!(&d.text[d.body_start..], "Body.\n");
    }

    #[test]
    fn no_header_means_body_at_zero() {
        let d = parse("Just text.").unwrap();
        assert_eq!(d.body_start, 0);
        assert_eq!(d.header, Header::default());
    }

    #[test]
    fn unclosed_rule_is_not_a_header() {
        let d = parse("---\nSome text: with a colon\n").unwrap();
        assert_eq!(d.body_start, 0);
    }

    #[test]
    fn bad_published_date_is_an_error_naming_the_file() {
        let e = parse("---\npublished: 29/11/2024\n---\nx").unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.txt: bad header: published date \"29/11/2024\" is not YYYY-MM-DD"
        );
    }

    #[test]
    fn empty_binary_and_bad_utf8_are_refused() {
        assert!(matches!(parse(""), Err(TextError::Empty { .. })));
        assert!(matches!(parse(" \n\t"), Err(TextError::Empty { .. })));
        let bin = parse_document("b.bin", b"ab\0cd".to_vec()).unwrap_err();
        assert_eq!(
            bin.to_string(),
            "b.bin: looks binary (NUL byte at offset 2); only text files are read"
        );
        // Not UTF-8 is no longer refused: it is read as Windows-1252 and says so.
        let latin = parse_document("l.txt", b"caf\xe9 au lait".to_vec()).unwrap();
        assert_eq!(latin.text, "café au lait");
        assert_eq!(latin.encoding.as_deref(), Some("windows-1252"));
        assert_eq!(latin.notes.len(), 1);
        let bad16 = parse_document("u.txt", vec![0xFF, 0xFE, 0x00, 0xDC]).unwrap_err();
        assert_eq!(
            bad16.to_string(),
            "u.txt: not valid UTF-16LE at byte offset 2: unpaired surrogate 0xDC00"
        );
    }

    #[test]
    fn decoded_documents_keep_their_header_and_hash_the_file() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "---\ntitle: Café\npublished: 2024-11-29\n---\nBody.".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = parse_document("h.txt", bytes.clone()).unwrap();
        assert_eq!(d.header.title.as_deref(), Some("Café"));
        assert_eq!(&d.text[d.body_start..], "Body.");
        assert_eq!(d.encoding.as_deref(), Some("UTF-16LE"));
        assert_eq!(d.sha256, hex(&Sha256::digest(&bytes)));
    }

    #[test]
    fn input_kind_from_extension() {
        let rows = [
            ("a.txt", InputKind::Text),
            ("a.md", InputKind::Text),
            ("noext", InputKind::Text),
            ("a.html", InputKind::Html),
            ("a.HTM", InputKind::Html),
            ("a.jsonl", InputKind::JsonLines),
            ("a.ndjson", InputKind::JsonLines),
            ("a.json", InputKind::Text),
        ];
        for (path, kind) in rows {
            assert_eq!(InputKind::from_path(Path::new(path)), kind, "for {path}");
        }
    }

    #[test]
    fn published_date_formats() {
        let d = Some(jiff::civil::date(2024, 11, 29));
        let rows = [
            ("2024-11-29", d),
            ("2024-11-29T23:30:00-05:00", d),
            ("2024-11-29 10:00", d),
            ("2024/11/29", d),
            ("20241129", d),
            ("20241129T103000Z", d),
            ("Fri, 29 Nov 2024 10:00:00 +0000", d),
            ("November 29, 2024", d),
            ("29 November 2024", d),
            ("Nov 29, 2024", d),
            ("2024-11-31", None),
            ("2024-11", None),
            ("29/11/2024", None),
            ("yesterday", None),
            ("2024-11-29x", None),
            ("", None),
        ];
        for (value, expected) in rows {
            assert_eq!(parse_published(value), expected, "for {value:?}");
        }
    }

    #[test]
    fn html_file_becomes_its_article() {
        let page = r#"<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Troops &amp; talks | Daily Wire</title>
<meta property="og:site_name" content="Daily Wire">
<meta property="og:url" content="https://example.org/a">
<meta property="article:published_time" content="2024-11-29T08:00:00+09:00">
<style>p { color: red }</style>
<script>var x = "Not text. Really not.";</script>
</head><body>
<header><a href="/">Home</a> Breaking news ticker</header>
<nav><ul><li>World</li><li>Politics</li></ul></nav>
<article>
  <h1>Troops arrive</h1>
  <p>About 10,000&nbsp;troops arrived,
     officials said.</p>
  <p>It&rsquo;s the <em>first</em> such move &mdash; a &quot;shift&quot;.<br>A new line.</p>
  <div class="social-share">Share on X</div>
  <aside>Read more: another story</aside>
  <form>Subscribe <input name="e"></form>
</article>
<footer>© 2024 Daily Wire</footer>
</body></html>"#;
        let docs = parse_documents("p.html", page.as_bytes().to_vec(), InputKind::Html);
        assert_eq!(docs.len(), 1);
        let d = docs[0].as_ref().unwrap();
        assert_eq!(
            d.text,
            "Troops arrive\nAbout 10,000\u{a0}troops arrived, officials said.\n\
             It’s the first such move — a \"shift\".\nA new line.\n"
        );
        assert_eq!(
            d.header.title.as_deref(),
            Some("Troops & talks | Daily Wire")
        );
        assert_eq!(d.header.source.as_deref(), Some("Daily Wire"));
        assert_eq!(d.header.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(d.header.published, Some(jiff::civil::date(2024, 11, 29)));
        assert_eq!(d.body_start, 0);
        assert_eq!(d.encoding.as_deref(), Some("UTF-8"));
        assert_eq!(d.sha256, hex(&Sha256::digest(page.as_bytes())));
    }

    #[test]
    fn html_in_a_declared_legacy_charset_is_decoded() {
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" \
            content=\"text/html; charset=iso-8859-1\"></head><body><p>Caf"
            .to_vec();
        page.extend(b"\xe9 cr\xe8me.</p></body></html>");
        let d = parse_documents("l.htm", page, InputKind::Html)
            .remove(0)
            .unwrap();
        assert_eq!(d.text, "Café crème.\n");
        assert_eq!(d.encoding.as_deref(), Some("windows-1252"));
    }

    #[test]
    fn degenerate_nesting_is_refused_quickly() {
        // Regression: 200,000 unclosed <div><span> took html5ever over 17 minutes.
        let deep = "<div><span>a ".repeat(200_000);
        let started = std::time::Instant::now();
        let e = parse_documents("d.html", deep.into_bytes(), InputKind::Html)
            .remove(0)
            .unwrap_err();
        assert!(matches!(e, TextError::TooDeep { .. }), "{e}");
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        // Deep but legitimate pages are parsed: 2,000 levels, and many shallow paragraphs.
        let nested = format!("{}x{}", "<div>".repeat(2_000), "</div>".repeat(2_000));
        assert!(parse_documents("n.html", nested.into_bytes(), InputKind::Html)[0].is_ok());
        let wide = "<div><p>Para <b>bold</b> <a href=x>link</a>.</p></div>".repeat(50_000);
        assert!(parse_documents("w.html", wide.into_bytes(), InputKind::Html)[0].is_ok());
    }

    #[test]
    fn html_without_text_is_empty() {
        let page = "<html><head><title>T</title><script>x()</script></head><body><nav>Menu</nav></body></html>";
        let e = parse_documents("e.html", page.as_bytes().to_vec(), InputKind::Html)
            .remove(0)
            .unwrap_err();
        assert_eq!(e.to_string(), "e.html: empty file (nothing to extract)");
    }

    #[test]
    fn jsonl_file_yields_each_line_and_names_lines() {
        let dir = std::env::temp_dir().join(format!("claims-text-jsonl-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("export.jsonl");
        std::fs::write(
            &path,
            "{\"text\": \"One.\"}\nnot json\n{\"text\": \"Three.\"}\n",
        )
        .unwrap();
        let docs = read_documents(&path);
        let shown: Vec<String> = docs
            .iter()
            .map(|r| match r {
                Ok(d) => format!("{} = {}", d.path.rsplit('/').next().unwrap(), d.text),
                Err(e) => e.to_string().rsplit('/').next().unwrap().to_string(),
            })
            .collect();
        assert_eq!(
            shown,
            [
                "export.jsonl#L1 = One.",
                "export.jsonl, line 2: not valid JSON at column 2: expected ident",
                "export.jsonl#L3 = Three."
            ]
        );
        // One file, many documents: read_document wants a line named.
        let many = read_document(&path).unwrap_err();
        assert!(matches!(many, TextError::ManyDocuments { count: 3, .. }));
        let third = read_document(Path::new(&format!("{}#L3", path.display()))).unwrap();
        assert_eq!(third.text, "Three.");
        let second = read_document(Path::new(&format!("{}#L2", path.display()))).unwrap_err();
        assert!(matches!(second, TextError::BadRecord { line: 2, .. }));
        let none = read_document(Path::new(&format!("{}#L9", path.display()))).unwrap_err();
        assert!(matches!(none, TextError::Missing { .. }));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn bom_is_kept_so_offsets_match_the_file() {
        let d = parse_document("b.txt", "\u{feff}Hello.".as_bytes().to_vec()).unwrap();
        assert_eq!(d.text.len(), 9);
        assert!(d.text.starts_with('\u{feff}'));
    }

    #[test]
    fn hash_is_of_the_bytes() {
        let d = parse("abc").unwrap();
        assert_eq!(
            d.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn missing_file_is_named() {
        let e = read_document(Path::new("/nonexistent/x.txt")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "/nonexistent/x.txt: no such file or directory"
        );
    }
}
