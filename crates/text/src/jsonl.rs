//! JSON Lines exports from scrapers and news APIs: one article per line, each becoming a
//! document called `path#L<line>`.
//!
//! Field names vary between tools, so each field is looked up under the names common exporters
//! use (`text`/`body`/`content`, `published`/`date`/`publishedAt`, `source` as a string or as
//! `{"name": …}`). A line that cannot be read is an error naming the file and the line; the
//! other lines are read all the same.

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::document::{hex, parse_published};
use crate::{html, Document, Header, TextError};

/// Where the article's text may be, in order of preference.
const TEXT_KEYS: &[&str] = &["text", "body", "content", "maintext", "article"];
const TITLE_KEYS: &[&str] = &["title", "headline"];
const PUBLISHED_KEYS: &[&str] = &[
    "published",
    "published_at",
    "publishedAt",
    "date_published",
    "datePublished",
    "date_publish",
    "pubdate",
    "date",
];
const URL_KEYS: &[&str] = &["url", "link", "canonical_url"];
const SOURCE_KEYS: &[&str] = &["source", "publisher", "site_name", "source_domain"];

/// The documents of a decoded JSON Lines file called `label`.
pub(crate) fn parse(
    label: &str,
    text: &str,
    encoding: Option<&str>,
    file_notes: &[String],
) -> Vec<Result<Document, TextError>> {
    let mut out = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let line = line.trim_end_matches('\r');
        let line = if i == 0 {
            line.trim_start_matches('\u{feff}')
        } else {
            line
        };
        if line.trim().is_empty() {
            continue;
        }
        let number = i + 1;
        out.push(
            record(label, number, line, encoding, file_notes).map_err(|problem| {
                TextError::BadRecord {
                    path: label.to_string(),
                    line: number,
                    problem,
                }
            }),
        );
    }
    out
}

/// One line as a document, or what is wrong with it.
fn record(
    label: &str,
    number: usize,
    line: &str,
    encoding: Option<&str>,
    file_notes: &[String],
) -> Result<Document, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| {
        // serde_json says "at line 1 column N"; within one line only the column is news.
        let message = e.to_string();
        let what = message.split(" at line ").next().unwrap_or(&message);
        format!("not valid JSON at column {}: {what}", e.column())
    })?;
    let Value::Object(fields) = value else {
        return Err("not a JSON object".to_string());
    };
    let mut notes = file_notes.to_vec();
    let (key, raw) = text_field(&fields)?;
    let text = if html::looks_like_html(raw) {
        if html::nesting_over_budget(raw).is_some() {
            return Err(format!(
                "the `{key}` field holds HTML nested too deeply to parse in reasonable time"
            ));
        }
        notes.push(format!(
            "the `{key}` field holds HTML; its text was extracted"
        ));
        html::fragment_text(raw)
    } else {
        raw.to_string()
    };
    if text.trim().is_empty() {
        return Err(format!("the `{key}` field has no text"));
    }
    notes.push(format!(
        "text is the `{key}` field of line {number}; offsets refer to it"
    ));
    let header = Header {
        title: string_field(&fields, TITLE_KEYS)?,
        source: source_field(&fields)?,
        url: string_field(&fields, URL_KEYS)?,
        published: published_field(&fields)?,
    };
    Ok(Document {
        path: format!("{label}#L{number}"),
        sha256: hex(&Sha256::digest(line.as_bytes())),
        text,
        header,
        body_start: 0,
        encoding: Some(encoding.unwrap_or("UTF-8").to_string()),
        notes,
    })
}

fn text_field(fields: &Map<String, Value>) -> Result<(&'static str, &str), String> {
    for key in TEXT_KEYS {
        match fields.get(*key) {
            Some(Value::String(s)) if !s.trim().is_empty() => return Ok((key, s)),
            Some(Value::String(_) | Value::Null) | None => {}
            Some(_) => return Err(format!("the `{key}` field is not a string")),
        }
    }
    Err("no article text (expected a `text`, `body` or `content` field)".to_string())
}

/// The first of `keys` holding a non-empty string; a present value of another type is an error
/// (a number where a title belongs means the columns are not what we think).
fn string_field(fields: &Map<String, Value>, keys: &[&str]) -> Result<Option<String>, String> {
    for key in keys {
        match fields.get(*key) {
            Some(Value::String(s)) if !s.trim().is_empty() => {
                return Ok(Some(s.trim().to_string()))
            }
            Some(Value::String(_) | Value::Null) | None => {}
            Some(_) => return Err(format!("the `{key}` field is not a string")),
        }
    }
    Ok(None)
}

/// `source` as a string or as an object with a `name` (the shape news APIs use).
fn source_field(fields: &Map<String, Value>) -> Result<Option<String>, String> {
    for key in SOURCE_KEYS {
        if let Some(Value::Object(o)) = fields.get(*key) {
            if let Some(Value::String(name)) = o.get("name") {
                if !name.trim().is_empty() {
                    return Ok(Some(name.trim().to_string()));
                }
            }
        }
    }
    let strings: Map<String, Value> = fields
        .iter()
        .filter(|(k, v)| SOURCE_KEYS.contains(&k.as_str()) && !v.is_object())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    string_field(&strings, SOURCE_KEYS)
}

/// The publication date. A value that is present but not a date is an error, as in a text
/// file's header: a wrong reference date would silently shift every relative date in the text.
/// Numbers are Unix timestamps (seconds, or milliseconds when too large for seconds), read in UTC.
fn published_field(fields: &Map<String, Value>) -> Result<Option<claims_model::Date>, String> {
    for key in PUBLISHED_KEYS {
        match fields.get(*key) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if s.trim().is_empty() => {}
            Some(Value::String(s)) => {
                return parse_published(s).map(Some).ok_or_else(|| {
                    format!("`{key}` {s:?} is not a date (expected YYYY-MM-DD or an ISO datetime)")
                })
            }
            Some(Value::Number(n)) => {
                let secs = n.as_i64().map(|s| {
                    if s.abs() >= 100_000_000_000 {
                        s / 1000
                    } else {
                        s
                    }
                });
                let date = secs
                    .and_then(|s| jiff::Timestamp::from_second(s).ok())
                    .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date());
                return date
                    .map(Some)
                    .ok_or_else(|| format!("`{key}` {n} is not a Unix timestamp"));
            }
            Some(_) => return Err(format!("the `{key}` field is not a date string")),
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn docs(text: &str) -> Vec<Result<Document, TextError>> {
        parse("x.jsonl", text, None, &[])
    }

    #[test]
    fn a_bad_line_in_the_middle_is_named_and_the_others_go_in() {
        let text = concat!(
            r#"{"text": "First.", "title": "One", "published": "2024-11-29", "url": "http://a", "source": "Wire"}"#,
            "\n",
            r#"{"text": "Second." "title": 2}"#,
            "\n\n",
            r#"{"body": "Third.", "published": "2024-11-30T08:00:00-05:00", "source": {"id": null, "name": "Daily"}}"#,
            "\r\n",
        );
        let got = docs(text);
        assert_eq!(got.len(), 3);
        let first = got[0].as_ref().unwrap();
        assert_eq!(first.path, "x.jsonl#L1");
        assert_eq!(first.text, "First.");
        assert_eq!(
            first.header,
            Header {
                title: Some("One".into()),
                source: Some("Wire".into()),
                url: Some("http://a".into()),
                published: Some(date(2024, 11, 29)),
            }
        );
        assert_eq!(first.encoding.as_deref(), Some("UTF-8"));
        let bad = got[1].as_ref().unwrap_err();
        assert_eq!(
            bad.to_string(),
            "x.jsonl, line 2: not valid JSON at column 20: expected `,` or `}`"
        );
        assert_eq!(bad.path(), "x.jsonl");
        let third = got[2].as_ref().unwrap();
        assert_eq!(third.path, "x.jsonl#L4");
        assert_eq!(third.header.published, Some(date(2024, 11, 30)));
        assert_eq!(third.header.source.as_deref(), Some("Daily"));
    }

    #[test]
    fn record_problems_table() {
        let rows = [
            (r#"[1, 2]"#, "not a JSON object"),
            (
                r#"{"title": "no text"}"#,
                "no article text (expected a `text`, `body` or `content` field)",
            ),
            (r#"{"text": 5}"#, "the `text` field is not a string"),
            (
                r#"{"text": "x", "published": "29/11/2024"}"#,
                "`published` \"29/11/2024\" is not a date (expected YYYY-MM-DD or an ISO datetime)",
            ),
            (
                r#"{"text": "x", "title": ["a"]}"#,
                "the `title` field is not a string",
            ),
            (r#"{"text": "<p> </p>"}"#, "the `text` field has no text"),
            (
                &format!(r#"{{"text": "<p>{}"}}"#, "<div>".repeat(30_000)),
                "the `text` field holds HTML nested too deeply to parse in reasonable time",
            ),
        ];
        for (line, problem) in rows {
            let got = docs(line);
            let e = got[0].as_ref().unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("x.jsonl, line 1: {problem}"),
                "for {line}"
            );
        }
    }

    #[test]
    fn dates_and_html_bodies() {
        let got = docs(concat!(
            r#"{"content": "<p>Troops &amp; tanks.</p><p>More.</p>", "publishedAt": 1732838400}"#,
            "\n",
            r#"{"text": "Plain <b> talk", "date": "2024-11-29 10:00"}"#,
        ));
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.text, "Troops & tanks.\nMore.\n");
        assert_eq!(a.header.published, Some(date(2024, 11, 29)));
        let b = got[1].as_ref().unwrap();
        assert_eq!(b.header.published, Some(date(2024, 11, 29)));
    }

    #[test]
    fn hash_is_of_the_line() {
        let got = docs("{\"text\": \"abc\"}\n");
        let d = got[0].as_ref().unwrap();
        assert_eq!(d.sha256, hex(&Sha256::digest(b"{\"text\": \"abc\"}")));
    }
}
