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

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        if let Ok(span) = Span::new(start + lead, end - trail) {
            out.push(span);
        }
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
}
