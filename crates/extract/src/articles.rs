//! Articles of treaties and charters: "Article 4 of the Treaty stipulates: …".

use crate::tokens::Token;

/// Words that end the title of an instrument.
const INSTRUMENT_HEADS: &[&str] = &[
    "treaty",
    "charter",
    "convention",
    "agreement",
    "pact",
    "accord",
    "protocol",
    "constitution",
    "resolution",
    "statute",
];

fn is_connector(t: &Token) -> bool {
    matches!(t.lower_cow().as_ref(), "of" | "the" | "on" | "and" | "for")
}

/// One article reference in a sentence.
#[derive(Debug)]
pub struct ArticleRef {
    pub article: u32,
    pub instrument: String,
    /// Token range of "Article N of the X".
    pub first: usize,
    pub last: usize,
}

/// Titles of instruments named in a text ("the Comprehensive Strategic Partnership Treaty"), in
/// order, so that a later "the Treaty" can refer back to the last one.
pub fn named_instruments(text: &str, toks: &[Token]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if !t.is_capitalized() || !INSTRUMENT_HEADS.contains(&t.lower_cow().as_ref()) {
            continue;
        }
        let mut first = k;
        while first > 0 && toks[first - 1].is_capitalized() && toks[first - 1].is_word() {
            first -= 1;
        }
        if first < k {
            out.push((t.start, text[toks[first].start..t.end].to_string()));
        }
    }
    out
}

/// "Article N of the X" references in a sentence. `earlier` are the instruments named before
/// this sentence in the document.
pub fn find_articles(text: &str, toks: &[Token], earlier: &[(usize, String)]) -> Vec<ArticleRef> {
    let mut out = Vec::new();
    for k in 0..toks.len() {
        if !toks[k].is("article") {
            continue;
        }
        let Some(num) = toks.get(k + 1).and_then(|t| t.text.parse::<u32>().ok()) else {
            continue;
        };
        if !toks.get(k + 2).is_some_and(|t| t.is("of")) {
            continue;
        }
        let mut j = k + 3;
        if toks.get(j).is_some_and(|t| t.is("the")) {
            j += 1;
        }
        let start = j;
        while j < toks.len()
            && (toks[j].is_capitalized()
                || (is_connector(&toks[j])
                    && (toks.get(j + 1).is_some_and(|n| n.is_capitalized())
                        || (toks.get(j + 1).is_some_and(is_connector)
                            && toks.get(j + 2).is_some_and(|n| n.is_capitalized())))))
        {
            j += 1;
        }
        if j == start {
            continue;
        }
        let mut instrument = text[toks[start].start..toks[j - 1].end].to_string();
        // "the Treaty" alone refers back to the last treaty the document named.
        if j - start == 1 {
            let head = instrument.to_lowercase();
            if let Some((_, full)) = earlier
                .iter()
                .rev()
                .find(|(_, n)| n.to_lowercase().ends_with(&head))
            {
                instrument = full.clone();
            }
        }
        out.push(ArticleRef {
            article: num,
            instrument,
            first: k,
            last: j,
        });
    }
    out
}
