//! Properties of extraction on arbitrary text: it never panics, every span is a slice of the text
//! on character boundaries, and every interval is ordered.

use claims_extract::{extract, Options};
use proptest::prelude::*;

/// Text that looks a little like news: words, numbers, hedges, months, names, punctuation and any
/// Unicode in between.
fn newsish() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("about ".to_string()),
            Just("as many as ".to_string()),
            Just("tens of thousands of troops ".to_string()),
            Just("8,000 ".to_string()),
            Just("25,000–30,000 ".to_string()),
            Just("In early November 2024, ".to_string()),
            Just("June 4, ".to_string()),
            Just("Kim Jong un ".to_string()),
            Just("Russian Defense Minister ".to_string()),
            Just("visited North Korea. ".to_string()),
            Just("Russia’s Kursk region ".to_string()),
            Just("Article 4 of the Treaty ".to_string()),
            Just("If ".to_string()),
            Just("\n".to_string()),
            "[a-zA-Z0-9 ,.:;'’“”-]{0,12}",
            any::<String>(),
        ],
        0..40,
    );
    pieces.prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn extraction_never_panics_and_spans_are_slices(text in newsish(), year in 1990i16..2030) {
        let opts = Options { reference_date: Some(jiff::civil::date(year, 6, 15)), ..Options::default() };
        let x = extract(&text, 0, &opts);
        let slice = |s: claims_model::Span| {
            prop_assert!(s.end() <= text.len());
            prop_assert!(text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()));
            Ok(&text[s.start()..s.end()])
        };
        for q in &x.quantities {
            prop_assert_eq!(slice(q.span)?, q.text.as_str());
            if let (Some(l), Some(h)) = (q.interval.low(), q.interval.high()) {
                prop_assert!(l <= h);
            }
        }
        for t in &x.times {
            prop_assert_eq!(slice(t.span)?, t.text.as_str());
            if let Some(i) = t.interval {
                prop_assert!(i.earliest() <= i.latest());
            }
        }
        for e in &x.entities {
            prop_assert_eq!(slice(e.span)?, e.text.as_str());
        }
        for c in &x.claims {
            prop_assert_eq!(slice(c.span)?, c.quote.as_str());
        }
        for s in &x.sentences {
            slice(*s)?;
        }
    }

    #[test]
    fn a_body_offset_shifts_every_span(text in newsish()) {
        let header = "---\ntitle: x\n---\n";
        let whole = format!("{header}{text}");
        let x = extract(&whole, header.len(), &Options::default());
        for c in &x.claims {
            prop_assert!(c.span.start() >= header.len());
            prop_assert_eq!(&whole[c.span.start()..c.span.end()], c.quote.as_str());
        }
    }
}
