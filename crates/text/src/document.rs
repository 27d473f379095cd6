//! A document read from disk: validated text, content hash and optional header.

use std::path::Path;

use claims_model::Date;
use sha2::{Digest, Sha256};

/// Files larger than this are skipped with a clear reason rather than read into memory.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file could not become a document. Every message names the file.
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
    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset})")]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}: too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: bad header: {problem}")]
    BadHeader { path: String, problem: String },
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
            | TextError::TooLarge { path, .. }
            | TextError::BadHeader { path, .. } => path,
        }
    }
}

/// Metadata from an optional `---` header at the top of the file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Header {
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
}

/// One document: its text (exactly its bytes), hash and header.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The path as given on the command line (or `-` for standard input).
    pub path: String,
    /// SHA-256 of the original bytes, lower-case hex.
    pub sha256: String,
    /// The text: the file's bytes, validated as UTF-8.
    pub text: String,
    pub header: Header,
    /// Where the body starts (after the header; 0 without one).
    pub body_start: usize,
}

/// Reads and validates one file.
///
/// # Errors
/// A [`TextError`] naming the file when it is missing, unreadable, too large, empty, binary or not
/// UTF-8, or when its header is malformed.
pub fn read_document(path: &Path) -> Result<Document, TextError> {
    let label = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => TextError::Missing {
            path: label.clone(),
        },
        _ => TextError::Io {
            path: label.clone(),
            source: e,
        },
    })?;
    if meta.len() > MAX_DOCUMENT_BYTES {
        return Err(TextError::TooLarge {
            path: label,
            size: meta.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(|e| TextError::Io {
        path: label.clone(),
        source: e,
    })?;
    parse_document(&label, bytes)
}

/// Validates bytes already in memory as a document called `label`.
///
/// # Errors
/// As [`read_document`], except for I/O.
pub fn parse_document(label: &str, bytes: Vec<u8>) -> Result<Document, TextError> {
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(TextError::TooLarge {
            path: label.to_string(),
            size: bytes.len() as u64,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(TextError::Binary {
            path: label.to_string(),
            offset,
        });
    }
    let sha256 = hex(&Sha256::digest(&bytes));
    let text = String::from_utf8(bytes).map_err(|e| TextError::NotUtf8 {
        path: label.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })?;
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
    })
}

fn hex(bytes: &[u8]) -> String {
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
        let bad = parse_document("l.txt", b"caf\xe9 au lait".to_vec()).unwrap_err();
        assert_eq!(
            bad.to_string(),
            "l.txt: not valid UTF-8 (first bad byte at offset 3)"
        );
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
