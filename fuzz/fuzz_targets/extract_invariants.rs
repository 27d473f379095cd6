//! Any UTF-8 text through the extractor with a reference date, checking what every caller relies
//! on: each span lies inside the text on character boundaries and is exactly the text it quotes;
//! every number interval has low <= high and every date interval earliest <= latest.
#![no_main]

use claims_extract::{extract, Options};
use claims_model::{ClaimValue, Interval, Span};
use libfuzzer_sys::fuzz_target;

fn slice(text: &str, s: Span) -> &str {
    assert!(s.start() <= s.end(), "span {s:?} runs backwards");
    assert!(
        s.end() <= text.len(),
        "span {s:?} ends past the text ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()),
        "span {s:?} is not on character boundaries"
    );
    &text[s.start()..s.end()]
}

fn ordered(i: &Interval) {
    if let (Some(l), Some(h)) = (i.low(), i.high()) {
        assert!(l <= h, "interval {i:?}: low > high");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // A header-like prefix is common in real files: start the body after the first line, when
    // there is one, so that shifted spans are exercised too.
    let body_start = text.find('\n').map_or(0, |i| i + 1);
    let opts = Options {
        reference_date: Some(jiff::civil::date(2024, 6, 15)),
        ..Options::default()
    };
    let x = extract(text, body_start, &opts);
    for s in &x.sentences {
        slice(text, *s);
        assert!(s.start() >= body_start);
    }
    for q in &x.quantities {
        assert_eq!(slice(text, q.span), q.text);
        ordered(&q.interval);
    }
    for t in &x.times {
        assert_eq!(slice(text, t.span), t.text);
        if let Some(i) = t.interval {
            assert!(i.earliest() <= i.latest());
        }
    }
    for e in &x.entities {
        assert_eq!(slice(text, e.span), e.text);
    }
    for c in &x.claims {
        assert_eq!(slice(text, c.span), c.quote);
        match &c.value {
            ClaimValue::Quantity { interval, .. } => ordered(interval),
            ClaimValue::Date { interval, .. } => assert!(interval.earliest() <= interval.latest()),
            ClaimValue::Text { .. } => {}
        }
        if let Some(a) = c.as_of {
            assert!(a.earliest() <= a.latest());
        }
    }
});
