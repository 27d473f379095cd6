//! Regression tests named after what broke.

use claims_times::tag_times;

/// A two-byte word such as "À" was sliced at byte 1 by the quarter rule ("Q3", "H2") and
/// panicked (found by the extractor's property test).
#[test]
fn two_byte_word_is_not_sliced_as_a_quarter() {
    for text in ["À{", "À 2024", "Ñ3 2019", "2019 Ωq", "ab12ħ3"] {
        let _ = tag_times(text, Some(jiff::civil::date(2024, 1, 1)));
    }
}
