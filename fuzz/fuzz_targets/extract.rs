//! Any UTF-8 text through the extractor, with no reference date and with one (the first two
//! bytes pick it, so that relative dates resolve against many years). Must never panic.
#![no_main]

use claims_extract::{extract, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = extract(text, 0, &Options::default());
    let year = 1900 + i16::from(data.first().copied().unwrap_or(0)) % 200;
    let day = 1 + i8::try_from(data.get(1).copied().unwrap_or(0) % 28).unwrap_or(0);
    let opts = Options {
        reference_date: Some(jiff::civil::date(year, 1 + (day % 12), day)),
        reference_assumed: data.len() % 2 == 0,
        published: None,
    };
    let _ = extract(text, 0, &opts);
});
