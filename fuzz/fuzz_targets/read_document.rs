//! Any bytes, read as each input kind (plain text, HTML page, JSON Lines export), through the
//! same entry point the CLI uses for a file's bytes. Must never panic; every document it yields
//! must have a body start on a character boundary of its text, and sentences that are slices of
//! that text.
#![no_main]

use claims_text::{parse_documents, sentences, InputKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for kind in [InputKind::Text, InputKind::Html, InputKind::JsonLines] {
        for doc in parse_documents("fuzz", data.to_vec(), kind)
            .into_iter()
            .flatten()
        {
            assert!(doc.body_start <= doc.text.len());
            assert!(doc.text.is_char_boundary(doc.body_start));
            for s in sentences(&doc.text[doc.body_start..]) {
                let (a, b) = (doc.body_start + s.start(), doc.body_start + s.end());
                assert!(a <= b && b <= doc.text.len());
                assert!(doc.text.is_char_boundary(a) && doc.text.is_char_boundary(b));
            }
        }
    }
});
