//! Property tests: whatever bytes a scraper hands us, reading never panics, and the spans the
//! crate hands out always lie on character boundaries inside the text.

use claims_text::{parse_document, parse_documents, sentences, InputKind};
use proptest::prelude::*;

/// Text that exercises the sentence splitter: terminators, quotes, abbreviations, line breaks
/// and multi-byte characters, in any order.
fn newsy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Mr", "U.S", ".", "!", "?", " ", "  ", "\n", "\r\n", "\"", "”", "’", "“", "(", ")", "A",
        "b", "2", "2.5", "é", "—", "\u{feff}", "\t", "Nov", "e.g", "…",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

/// A `---` header block with arbitrary keys and values, closed or not, then a body.
fn header_text() -> impl Strategy<Value = String> {
    let line = (
        prop::sample::select(vec!["title", "published", "date", "url", "source", "x", ""]),
        prop::sample::select(vec![":", ": ", "", "::"]),
        "[ -~é’\u{feff}]{0,24}",
    )
        .prop_map(|(k, sep, v)| format!("{k}{sep}{v}\n"));
    (
        prop::sample::select(vec!["", "\u{feff}"]),
        prop::collection::vec(line, 0..6),
        prop::sample::select(vec!["---\n", "---", "--\n", ""]),
        "[ -~\n]{0,40}",
    )
        .prop_map(|(bom, lines, close, body)| format!("{bom}---\n{}{close}{body}", lines.concat()))
}

/// Markup-ish text for the HTML reader.
fn markup() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<p>",
        "</p>",
        "<div class=\"social-share\">",
        "</div>",
        "<script>",
        "</script>",
        "<article>",
        "</article>",
        "<pre>",
        "</pre>",
        "<br>",
        "<td>",
        "<tr>",
        "<table>",
        "&amp;",
        "&#x2019;",
        "&bogus;",
        "<time datetime=\"2024-13-45\">",
        "<meta charset=\"koi8-r\">",
        "Troops.",
        " ",
        "\n",
        "é",
        "<",
        ">",
        "<title>",
        "</title>",
        "<nav>",
        "<!--",
        "-->",
    ]);
    prop::collection::vec(pieces, 0..50).prop_map(|v| v.concat())
}

fn assert_spans_ok(text: &str) {
    let spans = sentences(text);
    let mut previous_end = 0;
    for s in &spans {
        assert!(s.start() < s.end(), "empty span {s:?} in {text:?}");
        assert!(s.end() <= text.len(), "span {s:?} past the end of {text:?}");
        assert!(text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()));
        assert!(s.start() >= previous_end, "overlap at {s:?} in {text:?}");
        previous_end = s.end();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_document_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(d) = parse_document("p.txt", bytes.clone()) {
            prop_assert!(d.body_start <= d.text.len());
            prop_assert!(d.text.is_char_boundary(d.body_start));
            // No encoding named means the text is exactly the bytes.
            if d.encoding.is_none() {
                prop_assert_eq!(d.text.as_bytes(), &bytes[..]);
            } else {
                prop_assert!(!d.notes.is_empty());
            }
        }
    }

    #[test]
    fn utf8_text_is_kept_byte_for_byte(text in "\\PC{1,80}") {
        let d = parse_document("u.txt", text.clone().into_bytes());
        if let Ok(d) = d {
            prop_assert_eq!(d.text, text);
            prop_assert_eq!(d.encoding, None);
        }
    }

    #[test]
    fn every_kind_reads_arbitrary_bytes_without_panicking(
        bytes in prop::collection::vec(any::<u8>(), 0..300),
    ) {
        for kind in [InputKind::Text, InputKind::Html, InputKind::JsonLines] {
            for d in parse_documents("p", bytes.clone(), kind).into_iter().flatten() {
                assert_spans_ok(&d.text);
            }
        }
    }

    #[test]
    fn html_reader_survives_markup_soup(page in markup()) {
        for d in parse_documents("p.html", page.into_bytes(), InputKind::Html)
            .into_iter()
            .flatten()
        {
            prop_assert!(!d.text.contains("<script>"));
            assert_spans_ok(&d.text);
        }
    }

    #[test]
    fn sentence_spans_are_ordered_boundaries_inside_the_text(text in newsy_text()) {
        assert_spans_ok(&text);
    }

    #[test]
    fn sentence_spans_on_any_unicode(text in "\\PC{0,120}") {
        assert_spans_ok(&text);
    }

    #[test]
    fn header_parsing_never_panics(text in header_text()) {
        if let Ok(d) = parse_document("h.md", text.clone().into_bytes()) {
            prop_assert!(d.body_start <= d.text.len());
            prop_assert!(d.text.is_char_boundary(d.body_start));
            if d.body_start == 0 {
                prop_assert_eq!(&d.header, &claims_text::Header::default());
            }
        }
    }

    #[test]
    fn jsonl_lines_map_to_documents_or_errors_one_to_one(
        lines in prop::collection::vec("[ -~]{0,30}", 0..8),
    ) {
        let text = lines.join("\n");
        let non_blank = lines.iter().filter(|l| !l.trim().is_empty()).count();
        let got = parse_documents("x.jsonl", text.into_bytes(), InputKind::JsonLines);
        // An all-blank file is one "empty" error; otherwise one result per non-blank line.
        prop_assert_eq!(got.len(), non_blank.max(1));
    }
}
