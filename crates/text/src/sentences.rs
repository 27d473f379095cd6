//! Sentence boundaries with byte spans.
//!
//! News text as scraped is messy: headlines and list items without final punctuation, one
//! paragraph per line, abbreviations such as "Nov." and "U.S.". The rules: a line break always
//! ends a sentence; inside a line, `.`, `!` or `?` (optionally followed by closing quotes or
//! brackets) ends one when whitespace and then an upper-case letter, digit or opening quote
//! follow, unless the word before the dot is a known abbreviation or a single initial.

use claims_model::Span;

/// Abbreviations after which a period does not end a sentence (compared case-sensitively,
/// without the final dot).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Cmdr",
    "Rep", "Sen", "Gov", "Pres", "St", "Jr", "Sr", "Rev", "Hon", "Amb", "No", "Nos", "Vol", "Art",
    "Sec", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun", "vs", "etc", "approx", "est",
    "Inc", "Ltd", "Co", "Corp", "Dept", "Univ", "Mt", "Ft", "U.S", "U.K", "U.N", "E.U", "a.m",
    "p.m", "e.g", "i.e", "cf", "Fig", "fig", "al",
];

/// Byte spans of the sentences of `text`, in order, trimmed of surrounding whitespace.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            split_line(text, line_start, i, &mut out);
            line_start = i + 1;
        }
    }
    split_line(text, line_start, text.len(), &mut out);
    out
}

fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let line = &text[start..end];
    let mut sent_start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if matches!(c, '.' | '!' | '?') {
            // Swallow closing quotes and brackets after the terminator.
            let mut j = k + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '”' | '’' | ')' | ']') {
                j += 1;
            }
            let after = if j < chars.len() {
                chars[j].0
            } else {
                line.len()
            };
            let ends = j < chars.len()
                && chars[j].1.is_whitespace()
                && next_starts_sentence(&chars[j..])
                && !(c == '.' && is_abbreviation(&line[..i]));
            if ends {
                push_trimmed(text, start + sent_start, start + after, out);
                sent_start = after;
            }
            k = j;
            continue;
        }
        k += 1;
    }
    push_trimmed(text, start + sent_start, start + line.len(), out);
}

fn next_starts_sentence(rest: &[(usize, char)]) -> bool {
    rest.iter()
        .map(|&(_, c)| c)
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[')
        })
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true; // an initial: "John F. Kennedy"
    }
    ABBREVIATIONS.contains(&word)
}

/// The longest sentence kept whole, in bytes. Longer runs without a sentence end (a scraped line
/// without stops, a table flattened into one line) are cut into pieces at most this long, at a
/// clause mark (";", ",", ":") or else a space near the limit. Every claim quotes its sentence and
/// the extractor looks at a claim's sentence around it, so this bounds both the size of a quote
/// and the work per claim: extraction stays linear in the text whatever its punctuation. Real
/// sentences of news and treaty text are far shorter.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// `text[start..end]` without surrounding whitespace, as byte offsets; `None` if nothing is left.
fn trimmed(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (lead + trail < slice.len()).then_some((start + lead, end - trail))
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some((mut start, end)) = trimmed(text, start, end) else {
        return;
    };
    while end - start > MAX_SENTENCE_BYTES {
        let cut = cut_point(&text[start..end]);
        push_piece(text, start, start + cut, out);
        start += cut;
    }
    push_piece(text, start, end, out);
}

/// Where to cut a piece off the front of an over-long `s`: after the last clause mark followed
/// by a space in the second half of the limit, else at the last space, else at the limit (on a
/// character boundary). Always in `1..=MAX_SENTENCE_BYTES`.
fn cut_point(s: &str) -> usize {
    let mut limit = MAX_SENTENCE_BYTES;
    while !s.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &s[..limit];
    let half = MAX_SENTENCE_BYTES / 2;
    let clause = window
        .rmatch_indices([';', ',', ':'])
        .take_while(|(i, _)| *i >= half)
        .find(|(i, _)| window[i + 1..].starts_with(char::is_whitespace))
        .map(|(i, m)| i + m.len());
    let space = window.rfind(char::is_whitespace).filter(|&i| i > 0);
    clause.or(space).unwrap_or(limit).max(1)
}

fn push_piece(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    if let Some(span) = trimmed(text, start, end).and_then(|(a, b)| Span::new(a, b).ok()) {
        out.push(span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = sentences(text)
            .iter()
            .map(|s| &text[s.start()..s.end()])
            .collect();
        assert_eq!(got, expected, "for {text:?}");
    }

    #[test]
    fn splits_on_terminators_and_lines() {
        check("One. Two! Three? four", &["One.", "Two!", "Three? four"]);
        check(
            "Headline without dot\nBody text. More.",
            &["Headline without dot", "Body text.", "More."],
        );
        check("  padded  \n\n", &["padded"]);
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        check(
            "North Korea Friday, Nov. 29, 2024. The U.S. Secretary spoke.",
            &[
                "North Korea Friday, Nov. 29, 2024.",
                "The U.S. Secretary spoke.",
            ],
        );
        check(
            "John F. Kennedy came. Dr. Who left.",
            &["John F. Kennedy came.", "Dr. Who left."],
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        check(
            "He said \"no.\" Then left.",
            &["He said \"no.\"", "Then left."],
        );
        check("It was “fine.” Next one.", &["It was “fine.”", "Next one."]);
    }

    #[test]
    fn decimals_and_lowercase_continuations_do_not_split() {
        check(
            "It rose 2.5 percent. e.g. here",
            &["It rose 2.5 percent. e.g. here"],
        );
    }

    #[test]
    fn spans_are_on_char_boundaries_with_multibyte_text() {
        let text = "Russia’s troops — “many”. Kursk’s region.\r\nNext";
        for s in sentences(text) {
            assert!(text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()));
        }
        check(
            text,
            &["Russia’s troops — “many”.", "Kursk’s region.", "Next"],
        );
    }

    #[test]
    fn an_over_long_run_without_stops_is_cut_into_bounded_pieces() {
        let text = "about 3,000 troops, ".repeat(1_000);
        let spans = sentences(&text);
        assert!(spans.len() >= 10, "{} pieces", spans.len());
        let mut covered = 0;
        for s in &spans {
            assert!(s.end() - s.start() <= MAX_SENTENCE_BYTES, "{s:?}");
            // Cut after a comma: no piece starts or ends inside a word or a figure.
            assert!(text[s.start()..s.end()].starts_with("about"), "{s:?}");
            assert!(text[s.start()..s.end()].ends_with(','), "{s:?}");
            covered += s.end() - s.start();
        }
        assert!(
            covered + spans.len() >= text.trim_end().len(),
            "nothing lost"
        );
    }

    #[test]
    fn an_over_long_word_is_cut_on_a_character_boundary() {
        let text = "ж".repeat(3_000); // 6,000 bytes, no space
        let spans = sentences(&text);
        assert!(spans.len() >= 3);
        for s in &spans {
            assert!(text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()));
            assert!(s.end() - s.start() <= MAX_SENTENCE_BYTES);
        }
        assert_eq!(spans.last().map(|s| s.end()), Some(text.len()));
    }
}
