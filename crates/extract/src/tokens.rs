//! Word tokens with byte offsets, the unit every recognizer in this crate walks over.

/// A word or a single punctuation character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl<'a> Token<'a> {
    /// Starts with an upper-case letter ("Kim", "U.S.", "Kursk").
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// Lower-case form for comparisons.
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    /// The same as [`Token::lower`], borrowed when the text is ASCII without an upper-case
    /// letter (most words of a text), so that comparing costs no allocation.
    pub fn lower_cow(&self) -> std::borrow::Cow<'a, str> {
        if self
            .text
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            std::borrow::Cow::Borrowed(self.text)
        } else {
            std::borrow::Cow::Owned(self.text.to_lowercase())
        }
    }

    /// `f` of the lower-case form ([`Token::lower`]), without an allocation for a short ASCII
    /// word even when it is capitalized: its lower-case form is written on the stack.
    pub fn with_lower<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        let b = self.text.as_bytes();
        if b.iter().all(|c| c.is_ascii() && !c.is_ascii_uppercase()) {
            return f(self.text);
        }
        let mut buf = [0u8; 24];
        if b.len() <= buf.len() && b.is_ascii() {
            for (d, s) in buf.iter_mut().zip(b) {
                *d = s.to_ascii_lowercase();
            }
            // ASCII in, ASCII out: always valid UTF-8.
            if let Ok(w) = std::str::from_utf8(&buf[..b.len()]) {
                return f(w);
            }
        }
        f(&self.lower_cow())
    }

    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text[start..end]` into tokens. Words keep inner hyphens ("test-launched",
/// "Jong-un") and inner apostrophes ("Ch'oe"), but a possessive "'s"/"’s" and a trailing
/// apostrophe are tokens of their own, so "Russia’s" is `Russia` + `’s`. Dotted abbreviations
/// ("U.S.") stay one token.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token<'_>> {
    let s = &text[start..end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    let byte = |k: usize| if k < chars.len() { chars[k].0 } else { s.len() };
    while k < chars.len() {
        let c = chars[k].1;
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let begin = k;
            k += 1;
            loop {
                if k >= chars.len() {
                    break;
                }
                let c = chars[k].1;
                if c.is_alphanumeric() {
                    k += 1;
                    continue;
                }
                let next_alnum = chars.get(k + 1).is_some_and(|n| n.1.is_alphanumeric());
                if (c == '-' || c == '.') && next_alnum {
                    // "U.S" inside an abbreviation, "test-launched", "8.5" stay joined.
                    if c == '.' {
                        let word = &s[byte(begin)..byte(k)];
                        let abbrev = word.chars().all(|x| x.is_uppercase() || x == '.')
                            || word.chars().all(|x| x.is_ascii_digit() || x == ',');
                        if !abbrev {
                            break;
                        }
                    }
                    k += 1;
                    continue;
                }
                if c == ',' && next_alnum {
                    // Digit groups: "25,000".
                    let prev_digit = chars[k - 1].1.is_ascii_digit();
                    let next3 = chars
                        .get(k + 1..k + 4)
                        .is_some_and(|w| w.iter().all(|x| x.1.is_ascii_digit()));
                    if prev_digit && next3 {
                        k += 1;
                        continue;
                    }
                }
                if is_apostrophe(c) && next_alnum {
                    // Possessive 's ends the word; "Ch'oe" keeps its apostrophe.
                    let is_s = chars.get(k + 1).is_some_and(|n| n.1 == 's' || n.1 == 'S')
                        && !chars.get(k + 2).is_some_and(|n| n.1.is_alphanumeric());
                    if is_s {
                        break;
                    }
                    k += 1;
                    continue;
                }
                break;
            }
            // A dotted abbreviation keeps its final dot: "U.S." (but not "Kursk.").
            let word = &s[byte(begin)..byte(k)];
            if k < chars.len()
                && chars[k].1 == '.'
                && word.contains('.')
                && word.chars().all(|x| x.is_alphabetic() || x == '.')
            {
                k += 1;
            }
            out.push(Token {
                start: start + byte(begin),
                end: start + byte(k),
                text: &text[start + byte(begin)..start + byte(k)],
            });
            continue;
        }
        if is_apostrophe(c)
            && chars.get(k + 1).is_some_and(|n| n.1 == 's' || n.1 == 'S')
            && !chars.get(k + 2).is_some_and(|n| n.1.is_alphanumeric())
        {
            out.push(Token {
                start: start + byte(k),
                end: start + byte(k + 2),
                text: &text[start + byte(k)..start + byte(k + 2)],
            });
            k += 2;
            continue;
        }
        out.push(Token {
            start: start + byte(k),
            end: start + byte(k + 1),
            text: &text[start + byte(k)..start + byte(k + 1)],
        });
        k += 1;
    }
    out
}

/// Is this token a possessive marker ("'s", "’s", or a lone apostrophe after "Workers")?
pub fn is_possessive(t: &Token) -> bool {
    matches!(t.text, "'s" | "’s" | "'S" | "’S" | "'" | "’")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len()).iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_possessives_and_keeps_inner_marks() {
        assert_eq!(
            words("Russia’s Kursk region"),
            ["Russia", "’s", "Kursk", "region"]
        );
        assert_eq!(words("Workers’ Party"), ["Workers", "’", "Party"]);
        assert_eq!(
            words("Kim Jong-un test-launched"),
            ["Kim", "Jong-un", "test-launched"]
        );
        assert_eq!(words("Ch'oe said"), ["Ch'oe", "said"]);
        assert_eq!(
            words("The U.S. and U.N. agreed."),
            ["The", "U.S.", "and", "U.N.", "agreed", "."]
        );
        assert_eq!(
            words("25,000–30,000 troops, 8.5 km"),
            ["25,000", "–", "30,000", "troops", ",", "8.5", "km"]
        );
        assert_eq!(words("Nov. 29, 2024"), ["Nov", ".", "29", ",", "2024"]);
    }

    #[test]
    fn lower_cow_is_lower() {
        let s = "Kim said the U.S. and ÉTAT of Łódź K\u{212A}rai İstanbul ok's \
                 NORTH-KOREAN-MILITARY-PERSONNEL-ABROAD";
        for t in tokenize(s, 0, s.len()) {
            assert_eq!(t.lower_cow(), t.lower(), "{:?}", t.text);
            assert_eq!(t.with_lower(str::to_string), t.lower(), "{:?}", t.text);
        }
    }

    #[test]
    fn offsets_point_into_the_text() {
        let s = "Choe’s “visit” to Moscow";
        for t in tokenize(s, 0, s.len()) {
            assert_eq!(&s[t.start..t.end], t.text);
        }
    }
}
