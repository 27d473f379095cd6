//! Splits text into word, number and punctuation tokens with byte offsets, so that the grammar
//! can match phrases like "Nov. 29, 2024" without re-reading the text.

use std::borrow::Cow;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Starts with a letter: "November", "Q3", "year's".
    Word,
    /// Starts with a digit: "29", "29th", "1990s", "8pm".
    Num,
    /// Any other single character that is not white space.
    Punct,
}

/// One token of the text.
#[derive(Clone, Debug)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Lower-cased text, with curly apostrophes made straight.
    pub lower: Cow<'a, str>,
    pub kind: TokKind,
    /// Is there white space between this token and the previous one (true for the first)?
    pub space_before: bool,
    /// Does the white space before this token contain a line break (true for the first)?
    pub newline_before: bool,
}

impl Tok<'_> {
    /// Does the token start with an upper-case letter?
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The lower-cased token text with curly apostrophes made straight; borrowed when the text
/// is already lower-case ASCII (most words), so that tokenizing allocates little.
fn lower_case(slice: &str) -> Cow<'_, str> {
    // One look at each byte: all lower-case ASCII (borrowed), some upper-case ASCII, or not ASCII.
    let mut upper = false;
    let mut ascii = true;
    for b in slice.bytes() {
        upper |= b.is_ascii_uppercase();
        ascii &= b.is_ascii();
    }
    if ascii {
        if upper {
            Cow::Owned(slice.to_ascii_lowercase())
        } else {
            Cow::Borrowed(slice)
        }
    } else {
        let lower = slice.to_lowercase();
        if lower.contains('\u{2019}') {
            Cow::Owned(lower.replace('\u{2019}', "'"))
        } else {
            Cow::Owned(lower)
        }
    }
}

/// The character at byte `pos` of `text` (a character boundary), read without decoding when
/// it is ASCII.
fn char_at(text: &str, pos: usize) -> Option<char> {
    match text.as_bytes().get(pos) {
        None => None,
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[pos..].chars().next(),
    }
}

/// Tokenizes `text` in one pass. Letters and digits run together ("29th", "Q3"); an apostrophe
/// stays inside a word when letters follow it ("year's", "he'll"), otherwise it is punctuation
/// ("'90s" starts with one).
pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    // News text averages five to six bytes a token, spaces included.
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    // The byte after the last character read.
    let mut pos = 0;
    let mut space = true;
    let mut newline = true;
    while let Some(c) = char_at(text, pos) {
        let i = pos;
        pos += c.len_utf8();
        if c.is_whitespace() {
            space = true;
            if c == '\n' || c == '\r' {
                newline = true;
            }
            continue;
        }
        let (kind, mut end) = if c.is_alphanumeric() {
            let kind = if c.is_ascii_digit() {
                TokKind::Num
            } else {
                TokKind::Word
            };
            loop {
                // ASCII letters and digits in one sweep, the rest character by character.
                pos += text.as_bytes()[pos..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                let Some(d) = char_at(text, pos) else {
                    break;
                };
                if d.is_alphanumeric() {
                    pos += d.len_utf8();
                } else if is_apostrophe(d) && kind == TokKind::Word {
                    // Keep "he'll" and "don't" whole, but not a closing quote, and split the
                    // possessive "'s" off ("Friday's" is "Friday" + "'s").
                    let rest = &text[pos + d.len_utf8()..];
                    let possessive = rest.starts_with(['s', 'S'])
                        && !rest[1..].chars().next().is_some_and(char::is_alphanumeric);
                    if !possessive && rest.chars().next().is_some_and(char::is_alphabetic) {
                        pos += d.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            (kind, pos)
        } else if is_apostrophe(c)
            && !space
            && text[pos..].starts_with(['s', 'S'])
            && !text[pos + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            // The possessive "'s" as one token.
            pos += 1;
            (TokKind::Word, pos)
        } else {
            (TokKind::Punct, pos)
        };
        // A run of digits with a decimal comma or point stays one number only when digits
        // follow ("1,200", "2.5"); "2024." ends a sentence.
        if kind == TokKind::Num {
            while let Some(d @ (',' | '.')) = char_at(text, pos) {
                let digits = text[pos + 1..]
                    .bytes()
                    .take_while(u8::is_ascii_digit)
                    .count();
                // "Nov. 29, 2024" must not glue "29,2024" (there is a space there anyway),
                // but "1,200" and "2.5" are numbers.
                if digits == 0 || (d == ',' && digits != 3) {
                    break;
                }
                pos += 1 + digits;
                end = pos;
            }
        }
        let slice = &text[i..end];
        toks.push(Tok {
            start: i,
            end,
            text: slice,
            lower: lower_case(slice),
            kind,
            space_before: space,
            newline_before: newline,
        });
        space = false;
        newline = false;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as first written, over `char_indices`: `tokenize` must cut every text the same.
    fn tokenize_char_indices(text: &str) -> Vec<Tok<'_>> {
        let mut toks = Vec::new();
        let mut chars = text.char_indices().peekable();
        let mut space = true;
        let mut newline = true;
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                space = true;
                if c == '\n' || c == '\r' {
                    newline = true;
                }
                continue;
            }
            let (kind, mut end) = if c.is_alphanumeric() {
                let kind = if c.is_ascii_digit() {
                    TokKind::Num
                } else {
                    TokKind::Word
                };
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_alphanumeric() {
                        end = j + d.len_utf8();
                        chars.next();
                    } else if is_apostrophe(d) && kind == TokKind::Word {
                        // Keep "he'll" and "don't" whole, but not a closing quote, and split the
                        // possessive "'s" off ("Friday's" is "Friday" + "'s").
                        let rest = &text[j + d.len_utf8()..];
                        let possessive = rest.starts_with(['s', 'S'])
                            && !rest[1..].chars().next().is_some_and(char::is_alphanumeric);
                        if !possessive && rest.chars().next().is_some_and(char::is_alphabetic) {
                            end = j + d.len_utf8();
                            chars.next();
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                (kind, end)
            } else if is_apostrophe(c)
                && !space
                && text[i + c.len_utf8()..].starts_with(['s', 'S'])
                && !text[i + c.len_utf8() + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                // The possessive "'s" as one token.
                chars.next();
                (TokKind::Word, i + c.len_utf8() + 1)
            } else {
                (TokKind::Punct, i + c.len_utf8())
            };
            // A run of digits with a decimal comma or point stays one number only when digits
            // follow ("1,200", "2.5"); "2024." ends a sentence.
            if kind == TokKind::Num {
                while let Some(&(j, d)) = chars.peek() {
                    if (d == ',' || d == '.')
                        && text[j + 1..]
                            .chars()
                            .next()
                            .is_some_and(|x| x.is_ascii_digit())
                    {
                        let digits = text[j + 1..].bytes().take_while(u8::is_ascii_digit).count();
                        // "Nov. 29, 2024" must not glue "29,2024" (there is a space there anyway),
                        // but "1,200" and "2.5" are numbers.
                        if d == ',' && digits != 3 {
                            break;
                        }
                        chars.next();
                        let mut e = j + 1;
                        while let Some(&(k, x)) = chars.peek() {
                            if x.is_ascii_digit() {
                                e = k + 1;
                                chars.next();
                            } else {
                                break;
                            }
                        }
                        end = e;
                    } else {
                        break;
                    }
                }
            }
            let slice = &text[i..end];
            toks.push(Tok {
                start: i,
                end,
                text: slice,
                lower: lower_case(slice),
                kind,
                space_before: space,
                newline_before: newline,
            });
            space = false;
            newline = false;
        }
        toks
    }

    #[test]
    fn same_tokens_as_the_char_by_char_tokenizer() {
        let tricky = "On Nov. 29th, 2024 the year’s 1,200 ’90s he’ll Friday's 'S 2.5m 1,2345 \
                      29,2024 3.14.15 1,200,300 I’s x'y é’s ÉTÉ naïve 𝔘𝔫𝔦 ١٢٣ 10:35 a.m.\r\n\
                      \u{2003}Ⅻ 5'' 5’s ''s 's 2024.\t$1,000.50 İstanbul ǅ 8pm";
        for text in [
            tricky,
            include_str!("../../../docs/times.md"),
            include_str!("../tests/rules.rs"),
        ] {
            let view = |t: &[Tok<'_>]| -> Vec<(usize, usize, String, TokKind, bool, bool)> {
                t.iter()
                    .map(|t| {
                        let lower = t.lower.to_string();
                        (
                            t.start,
                            t.end,
                            lower,
                            t.kind,
                            t.space_before,
                            t.newline_before,
                        )
                    })
                    .collect()
            };
            let new = tokenize(text);
            assert!(new.iter().all(|t| t.text == &text[t.start..t.end]));
            assert_eq!(view(&new), view(&tokenize_char_indices(text)));
        }
    }

    #[test]
    fn tokens_keep_offsets_and_glue() {
        let t = tokenize("On Nov. 29th, 2024 the year's 1,200 '90s he'll");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        let want = [
            "On", "Nov", ".", "29th", ",", "2024", "the", "year", "'s", "1,200", "'", "90s",
            "he'll",
        ];
        assert_eq!(texts, want);
        assert!(!t[2].space_before);
        assert!(t[3].space_before);
        assert_eq!(t[5].start, 14);
        assert_eq!(t[1].kind, TokKind::Word);
        assert_eq!(t[3].kind, TokKind::Num);
    }

    #[test]
    fn sentence_final_year_is_not_a_decimal() {
        let t = tokenize("in 2024. Then");
        assert_eq!(t[1].text, "2024");
        assert_eq!(t[2].text, ".");
    }
}
