//! Person-name keys: reduce a written name to a comparison key through romanization and
//! transliteration equivalence classes, so that "Choi Son hee" and "Choe Son Hui", "Kim Jong-un"
//! and "KIM JONG UN", "Sergei Lavrov" and "Sergey Lavrov" get the same key while "Kim Jong Il"
//! and "Kim Jong Un" keep different ones.
//!
//! Three naming systems are told apart: Korean (surname first, given name of one to three
//! syllables written joined, hyphenated or split), Chinese (surname first, pinyin given name
//! written joined or split) and everything else (given names first, family name last).

use crate::fold::{name_tokens, NameToken};
use crate::gazetteer::{Map, Set};

/// The tables a key is computed with (they live in the gazetteer's data files).
#[derive(Debug, Default)]
pub(crate) struct NameTables {
    /// Korean surname spelling → class key ("choi" → "choe").
    pub korean_surnames: Map<String, String>,
    /// Korean given-name syllable spelling → class key ("hee" → "hui").
    pub korean_syllables: Map<String, String>,
    /// Longest syllable spelling, to bound the segmentation.
    pub korean_max_len: usize,
    pub chinese_surnames: Set<String>,
    /// Pinyin syllables (generated from initials and finals).
    pub pinyin: Set<String>,
    /// Latin-script name spelling → class key ("sergei" → "sergey", "shoygu" → "shoigu").
    pub variants: Map<String, String>,
    /// Class keys of known given names: a name that starts with one looks like a real name.
    pub given: Set<String>,
}

/// Which naming system a name was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameSystem {
    Korean,
    Chinese,
    Other,
}

/// A name reduced for comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NameKey {
    /// Canonical key: "kim jong-un", "xi jinping", "sergey lavrov", "lavrov".
    pub key: String,
    /// Canonical family name ("kim", "lavrov").
    pub family: String,
    /// Does the name have a given name as well as a family name?
    pub full: bool,
    pub system: NameSystem,
    /// Does it read as a real name of its system (Korean surname and syllables, Chinese surname
    /// and pinyin, or a known given name first)? Names that do not are candidates for garbled
    /// machine translations.
    pub well_formed: bool,
    /// Each part as written (folded) with its canonical form, for evidence.
    pub parts: Vec<(String, String)>,
}

impl NameKey {
    /// The canonical letters without separators, for string similarity.
    pub fn letters(&self) -> String {
        self.key.chars().filter(|c| c.is_alphanumeric()).collect()
    }
}

const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "president",
    "prime",
    "minister",
    "general",
    "gen",
    "marshal",
    "comrade",
    "chairman",
    "secretary",
    "leader",
    "colonel",
    "col",
    "lt",
    "admiral",
    "ambassador",
    "premier",
    "chancellor",
    "foreign",
    "defense",
    "defence",
    "vice",
    "deputy",
];
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];
const PATRONYMIC_ENDINGS: &[&str] = &["ovich", "evich", "ovna", "evna", "ichna", "ivna"];

impl NameTables {
    /// Splits `s` into Korean syllables (fewest pieces, longest first piece on ties); `None`
    /// when it cannot be read as syllables.
    fn korean_segments(&self, s: &str) -> Option<Vec<String>> {
        segment(s, self.korean_max_len, |piece| {
            self.korean_syllables.contains_key(piece)
        })
    }

    fn pinyin_segments(&self, s: &str) -> Option<Vec<String>> {
        segment(s, 6, |piece| self.pinyin.contains(piece))
    }

    /// Canonical form of one Latin-script token of a name in the "other" system.
    fn latin_class(&self, token: &str) -> String {
        if let Some(class) = self.variants.get(token) {
            return class.clone();
        }
        // General transliteration endings of Slavic names: -iy/-yy/-ii/-yi all write -ий/-ий
        // ("Zelenskyy", "Zelenskiy", "Zelensky"), -ei/-ey write -ей ("Sergei", "Sergey"), x is ks.
        let mut t = token.replace('x', "ks");
        if t.chars().count() >= 5 {
            for ending in ["iy", "yy", "ii", "ij", "yi", "yj"] {
                if let Some(stem) = t.strip_suffix(ending) {
                    t = format!("{stem}y");
                    break;
                }
            }
            for (ending, to) in [("ei", "ey"), ("ai", "ay")] {
                if let Some(stem) = t.strip_suffix(ending) {
                    t = format!("{stem}{to}");
                    break;
                }
            }
        }
        self.variants.get(&t).cloned().unwrap_or(t)
    }

    /// Is the token a Korean surname in any romanization?
    pub fn is_korean_surname(&self, folded: &str) -> bool {
        self.korean_surnames.contains_key(folded)
    }

    /// Reduces a person's name to its key; `None` when it has no letters.
    pub fn key(&self, name: &str) -> Option<NameKey> {
        let mut tokens = name_tokens(name);
        // Titles and honorifics before a name are not part of it ("President Putin", "Mr Kim").
        let titles = tokens
            .iter()
            .take_while(|t| TITLES.contains(&t.text.as_str()))
            .count();
        if titles > 0 && titles < tokens.len() {
            tokens.drain(..titles);
        }
        if tokens.is_empty() {
            return None;
        }
        self.korean_key(&tokens)
            .or_else(|| self.chinese_key(&tokens))
            .or_else(|| Some(self.other_key(&tokens)))
    }

    fn korean_key(&self, tokens: &[NameToken]) -> Option<NameKey> {
        let first = tokens.first()?;
        let surname = self.korean_surnames.get(&first.text)?;
        let mut parts = vec![(first.text.clone(), surname.clone())];
        let mut given = Vec::new();
        for t in &tokens[1..] {
            for syl in self.korean_segments(&t.text)? {
                let class = self.korean_syllables.get(&syl)?.clone();
                given.push(class.clone());
                parts.push((syl, class));
            }
        }
        if given.len() > 3 {
            return None;
        }
        let key = if given.is_empty() {
            surname.clone()
        } else {
            format!("{surname} {}", given.join("-"))
        };
        Some(NameKey {
            key,
            family: surname.clone(),
            full: !given.is_empty(),
            system: NameSystem::Korean,
            well_formed: !given.is_empty(),
            parts,
        })
    }

    fn chinese_key(&self, tokens: &[NameToken]) -> Option<NameKey> {
        let (first, rest) = tokens.split_first()?;
        if rest.is_empty() || !self.chinese_surnames.contains(&first.text) {
            return None;
        }
        let joined: String = rest.iter().map(|t| t.text.as_str()).collect();
        let syllables = self.pinyin_segments(&joined)?;
        if syllables.len() > 2 {
            return None;
        }
        let mut parts = vec![(first.text.clone(), first.text.clone())];
        parts.extend(rest.iter().map(|t| (t.text.clone(), t.text.clone())));
        Some(NameKey {
            key: format!("{} {joined}", first.text),
            family: first.text.clone(),
            full: true,
            system: NameSystem::Chinese,
            well_formed: true,
            parts,
        })
    }

    fn other_key(&self, tokens: &[NameToken]) -> NameKey {
        // Join hyphenated pieces ("Jean-Yves"), then drop what does not identify a person:
        // initials, generational suffixes and Russian patronymics between given and family name.
        let mut words: Vec<(String, bool)> = Vec::new();
        for t in tokens {
            match words.last_mut() {
                Some(last) if t.hyphenated => last.0.push_str(&t.text),
                _ => words.push((t.text.clone(), t.initial)),
            }
        }
        let n = words.len();
        let kept: Vec<String> = words
            .iter()
            .enumerate()
            .filter(|(i, (w, initial))| {
                let middle = *i > 0 && *i + 1 < n;
                let droppable = *initial
                    || (*i > 0 && SUFFIXES.contains(&w.as_str()))
                    || (middle && PATRONYMIC_ENDINGS.iter().any(|e| w.ends_with(e)));
                !(droppable && n > 1)
            })
            .map(|(_, (w, _))| w.clone())
            .collect();
        let kept = if kept.is_empty() {
            vec![words[0].0.clone()]
        } else {
            kept
        };
        let parts: Vec<(String, String)> = kept
            .iter()
            .map(|w| (w.clone(), self.latin_class(w)))
            .collect();
        let key = parts
            .iter()
            .map(|(_, c)| c.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let family = parts.last().map(|(_, c)| c.clone()).unwrap_or_default();
        let full = parts.len() >= 2;
        let well_formed = full && self.given.contains(&parts[0].1);
        NameKey {
            key,
            family,
            full,
            system: NameSystem::Other,
            well_formed,
            parts,
        }
    }
}

/// Segments `s` into the fewest pieces accepted by `known` (ties: longest first piece), by
/// dynamic programming over positions: linear in `s` times `max_len`.
fn segment(s: &str, max_len: usize, known: impl Fn(&str) -> bool) -> Option<Vec<String>> {
    if s.is_empty() || !s.is_ascii() {
        return None;
    }
    let n = s.len();
    // best[i]: fewest pieces covering s[i..], with the length of the first piece.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[n] = Some((0, 0));
    for i in (0..n).rev() {
        for len in (1..=max_len.min(n - i)).rev() {
            let Some((count, _)) = best[i + len] else {
                continue;
            };
            if known(&s[i..i + len]) && best[i].is_none_or(|(c, _)| count + 1 < c) {
                best[i] = Some((count + 1, len));
            }
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let (_, len) = best[i]?;
        out.push(s[i..i + len].to_string());
        i += len;
    }
    Some(out)
}

/// All pinyin syllables: initials × finals, a generous superset of the real inventory, which is
/// enough to tell a pinyin given name from a Western one.
pub(crate) fn pinyin_syllables() -> Set<String> {
    const INITIALS: &[&str] = &[
        "", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh",
        "r", "z", "c", "s", "y", "w",
    ];
    const FINALS: &[&str] = &[
        "a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong",
        "er", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai", "ui",
        "uan", "un", "uang", "ueng", "ue", "van", "ve",
    ];
    let mut out = Set::default();
    for i in INITIALS {
        for f in FINALS {
            out.insert(format!("{i}{f}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segmentation_prefers_fewest_pieces() {
        let known = |p: &str| ["jong", "un", "jo", "ngun", "son", "hui"].contains(&p);
        assert_eq!(
            segment("jongun", 6, known),
            Some(vec!["jong".into(), "un".into()])
        );
        assert_eq!(
            segment("sonhui", 6, known),
            Some(vec!["son".into(), "hui".into()])
        );
        assert_eq!(segment("xyz", 6, known), None);
    }

    #[test]
    fn pinyin_inventory_has_common_syllables() {
        let p = pinyin_syllables();
        for s in ["xi", "jin", "ping", "wang", "yi", "qiang", "zhuang"] {
            assert!(p.contains(s), "{s}");
        }
        assert!(!p.contains("har"));
    }
}
