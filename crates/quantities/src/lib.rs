//! Recognizes numbers and hedged quantities in English news text.
//!
//! [`find_quantities`] returns every number phrase of a text with the interval its wording
//! allows: "as many as 8,000" is `[0, 8000]`, "tens of thousands" is `[20000, 99999]`,
//! "25,000–30,000" is `[25000, 30000]`, "more than 10 and less than 20" is `[10, 20]`.
//! docs/quantities.md gives the full table of hedges and what is deliberately not a quantity
//! (dates, times, article numbers, model names, list numbering, phone numbers).
//!
//! The work is done in three passes over tokens, each linear in the text:
//! 1. [`lexer`] reads digit literals whole and marks digit runs that are not amounts;
//! 2. `scan` reads each number (digits or words) and drops the ones its context shows are a
//!    date, a label or a pronoun;
//! 3. `assemble` attaches hedges, ranges, currencies, percent signs, units and rates, and joins
//!    "more than 10 and less than 20" into one range.

mod hedge;
mod lexer;
mod lexicon;
mod numeral;

use std::sync::LazyLock;

use claims_model::{Hedge, Interval, Quantity, QuantityKind, Span};
use regex::Regex;

use hedge::{Bound, PREFIX_HEDGES, SUFFIX_HEDGES};
use lexer::{TokKind, Token};
use numeral::{parse_number, NumShape, ParsedNumber};

/// Every number phrase in `text`, sorted by start, non-overlapping, hedge words included in
/// the span.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let toks = lexer::tokenize(text);
    let nums = scan(text, &toks);
    let mut found = assemble(text, &toks, &nums);
    merge_bounds(&toks, &mut found);
    found
        .into_iter()
        .filter_map(|f| f.into_quantity(text))
        .collect()
}

/// A number as read, before hedges and units.
#[derive(Clone, Debug)]
struct Num {
    p: ParsedNumber,
    /// The figure as an interval: a point, or an order of magnitude ("thousands").
    lo: f64,
    hi: f64,
    magnitude: bool,
}

impl Num {
    fn point(p: ParsedNumber) -> Num {
        Num {
            lo: p.value,
            hi: p.value,
            p,
            magnitude: false,
        }
    }
}

/// Times of day and clock readings right after a number ("3 pm", "10 o'clock", "0800 GMT").
static CLOCK_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:[ap]\.m\.|(?i:am|pm|o['’]clock|hrs|gmt|utc|bst|cet|cest|est|edt|pst|pdt|msk|in the (?:morning|afternoon|evening)|at night)\b)",
    )
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

fn word_at(toks: &[Token], i: usize) -> Option<&str> {
    toks.get(i)
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| t.lower.as_str())
}

fn is_capitalized(text: &str, t: &Token) -> bool {
    text[t.start..t.end]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

fn is_month_tok(text: &str, t: &Token) -> bool {
    t.kind == TokKind::Word && is_capitalized(text, t) && lexicon::is_month(&t.lower)
}

/// Reads every number in the text, dropping those that are not amounts.
fn scan(text: &str, toks: &[Token]) -> Vec<Num> {
    let mut out: Vec<Num> = Vec::new();
    // End of the last label number ("Articles 4 and 5" labels both).
    let mut label_end: Option<usize> = None;
    let mut i = 0;
    while i < toks.len() {
        if let Some(m) = magnitude(toks, i) {
            i = m.p.end;
            out.push(m);
            continue;
        }
        if let Some(o) = word_ordinal(toks, i) {
            i = o.p.end;
            out.push(o);
            continue;
        }
        if !starts_number(text, toks, i) {
            i += 1;
            continue;
        }
        let Some(p) = parse_number(text, toks, i) else {
            i += 1;
            continue;
        };
        // "nineteen ninety-six", "twenty twenty-four": a year read aloud.
        if let Some(end) = spoken_year(toks, &p) {
            i = end;
            continue;
        }
        let end = p.end;
        let label_chain = label_end.is_some_and(|e| {
            toks[e..p.first].iter().all(|t| {
                matches!(
                    t.lower.as_str(),
                    "," | "and" | "or" | "to" | "-" | "–" | "&"
                )
            })
        });
        if label_chain || is_label(toks, &p) {
            label_end = Some(end);
        } else if !excluded(text, toks, &p) {
            out.push(Num::point(p));
        }
        i = end;
    }
    out
}

/// A year read aloud: "nineteen ninety-six", "twenty twenty-four", "nineteen oh five".
/// Returns the end of the year's tokens.
fn spoken_year(toks: &[Token], p: &ParsedNumber) -> Option<usize> {
    if !p.in_words || p.end - p.first != 1 || !(11.0..=20.0).contains(&p.value) {
        return None;
    }
    let next = word_at(toks, p.end)?;
    if next == "oh" {
        return Some(p.end + 2);
    }
    match lexicon::number_word(next)? {
        lexicon::NumberWord::Tens(_) => {
            let mut end = p.end + 1;
            if toks.get(end).is_some_and(|t| t.is_sym('-'))
                && matches!(
                    word_at(toks, end + 1).and_then(lexicon::number_word),
                    Some(lexicon::NumberWord::Unit(_))
                )
            {
                end += 2;
            } else if matches!(
                word_at(toks, end).and_then(lexicon::number_word),
                Some(lexicon::NumberWord::Unit(_))
            ) {
                end += 1;
            }
            Some(end)
        }
        _ => None,
    }
}

/// Can a number start at token `i`?
fn starts_number(text: &str, toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    match &t.kind {
        TokKind::Number(_) => true,
        TokKind::Word => match t.lower.as_str() {
            // "a hundred", "a dozen", "a half", "a twenty-first"; never "a" alone.
            "a" | "an" => word_at(toks, i + 1).is_some_and(|w| lexicon::number_word(w).is_some()),
            "minus" | "negative" => toks.get(i + 1).is_some_and(|n| {
                matches!(n.kind, TokKind::Number(_)) || lexicon::number_word(&n.lower).is_some()
            }),
            w => match lexicon::number_word(w) {
                Some(lexicon::NumberWord::Ordinal { .. }) | None => false,
                Some(_) => true,
            },
        },
        TokKind::Sym('-') | TokKind::Sym('−') => {
            // A spaced minus sign only where no number precedes (else it joins a range).
            let before_ws = text[..t.start]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace);
            let prev_num = i > 0
                && (matches!(toks[i - 1].kind, TokKind::Number(_))
                    || lexicon::number_word(&toks[i - 1].lower).is_some());
            before_ws
                && !prev_num
                && matches!(toks.get(i + 1).map(|n| &n.kind), Some(TokKind::Number(_)))
        }
        _ => false,
    }
}

/// "thousands", "tens of thousands", "hundreds of millions", "dozens", "several hundred".
fn magnitude(toks: &[Token], i: usize) -> Option<Num> {
    let w = word_at(toks, i)?;
    let (mut product, mut j) = if let Some(m) = lexicon::magnitude_word(w) {
        // "five hundreds" is not an order of magnitude.
        if i > 0
            && (matches!(toks[i - 1].kind, TokKind::Number(_))
                || lexicon::number_word(&toks[i - 1].lower).is_some())
        {
            return None;
        }
        (m, i + 1)
    } else if matches!(w, "several" | "few" | "many") {
        let next = word_at(toks, i + 1)?;
        let m = match lexicon::number_word(next) {
            Some(lexicon::NumberWord::Hundred) => 100.0,
            Some(lexicon::NumberWord::Scale(s)) if s >= 1e3 => s,
            _ => return None,
        };
        (m, i + 2)
    } else {
        return None;
    };
    let first = if w == "few" && i > 0 && toks[i - 1].is_word("a") {
        i - 1
    } else {
        i
    };
    while word_at(toks, j) == Some("of") {
        match word_at(toks, j + 1).and_then(lexicon::magnitude_word) {
            Some(m) if m >= 100.0 => {
                product *= m;
                j += 2;
            }
            _ => break,
        }
    }
    let (lo, hi) = if product == 12.0 {
        (24.0, 99.0)
    } else if product >= 1e6 {
        (2.0 * product, 9.99 * product)
    } else {
        (2.0 * product, 10.0 * product - 1.0)
    };
    let p = ParsedNumber {
        first,
        end: j,
        value: lo,
        shape: NumShape::Cardinal,
        multiplier: None,
        in_words: true,
        unit: None,
        plain_int: None,
    };
    Some(Num {
        p,
        lo,
        hi,
        magnitude: true,
    })
}

/// "the third", "its twenty-first", "the hundredth": a rank after a determiner.
fn word_ordinal(toks: &[Token], i: usize) -> Option<Num> {
    let det = i.checked_sub(1).and_then(|k| word_at(toks, k))?;
    let possessive =
        i >= 2 && toks[i - 1].lower == "s" && matches!(toks[i - 2].lower.as_str(), "'" | "’");
    if !lexicon::is_ordinal_determiner(det) && !possessive {
        return None;
    }
    let w = word_at(toks, i)?;
    let (value, end) = match lexicon::number_word(w)? {
        lexicon::NumberWord::Ordinal {
            value,
            plural: false,
            ..
        } => (value, i + 1),
        lexicon::NumberWord::Tens(t) => {
            let mut j = i + 1;
            if toks.get(j).is_some_and(|t| t.is_sym('-')) {
                j += 1;
            }
            match word_at(toks, j).and_then(lexicon::number_word) {
                Some(lexicon::NumberWord::Ordinal {
                    value,
                    plural: false,
                    class: lexicon::OrdinalClass::Unit,
                }) => (t + value, j + 1),
                _ => return None,
            }
        }
        _ => return None,
    };
    // "the 20th century" is a time, not a rank.
    if word_at(toks, end).is_some_and(|w| matches!(w, "century" | "centuries" | "millennium")) {
        return None;
    }
    let p = ParsedNumber {
        first: i,
        end,
        value,
        shape: NumShape::Ordinal,
        multiplier: None,
        in_words: true,
        unit: None,
        plain_int: None,
    };
    Some(Num::point(p))
}

/// Is this number a label ("Article 51", "Resolution 2231", "No. 5", "#3")?
fn is_label(toks: &[Token], p: &ParsedNumber) -> bool {
    if p.in_words || p.first == 0 {
        return false;
    }
    let mut k = p.first - 1;
    if toks[k].is_sym('#') || toks[k].is_sym('§') || toks[k].is_sym('№') {
        return true;
    }
    if toks[k].is_sym('.') && k > 0 {
        k -= 1;
        // "No. 5", "team no. 225".
        if matches!(toks[k].lower.as_str(), "no" | "nos") {
            return true;
        }
    }
    toks[k].kind == TokKind::Word && lexicon::is_label_word(&toks[k].lower)
}

/// Numbers whose context shows they are not amounts.
fn excluded(text: &str, toks: &[Token], p: &ParsedNumber) -> bool {
    let first = &toks[p.first];
    let prev = p.first.checked_sub(1).map(|k| &toks[k]);
    let next = toks.get(p.end);
    let end_byte = toks[p.end - 1].end;

    // The pronoun "one": "the one who", "that one", "one another".
    if p.in_words && p.end - p.first == 1 && first.lower == "one" {
        if prev.is_some_and(|t| t.kind == TokKind::Word && lexicon::is_pronoun_one_cue(&t.lower)) {
            return true;
        }
        if next.is_some_and(|t| t.is_word("another")) {
            return true;
        }
    }
    // "half" or "quarter" on their own only count after a hedge or before "of" ("half of").
    if p.shape == NumShape::BareFraction {
        let hedged = PREFIX_HEDGES
            .iter()
            .any(|(ph, _)| phrase_before(toks, p.first, ph));
        let of = next.is_some_and(|t| t.is_word("of") || t.is_word("a"));
        let after_rank = prev.is_some_and(|t| {
            matches!(
                lexicon::number_word(&t.lower),
                Some(lexicon::NumberWord::Ordinal { .. })
            ) || matches!(
                t.lower.as_str(),
                "the" | "last" | "latter" | "former" | "next"
            )
        });
        if !hedged && (!of || after_rank) {
            return true;
        }
    }
    if CLOCK_AFTER.is_match(&text[end_byte..]) {
        return true;
    }
    let Some(n) = single_digits(toks, p) else {
        return false;
    };
    let v = n.value;

    // Day numbers in dates: "November 29th", "Nov. 29", "29 November", "29th of November".
    if n.plain_int || n.ordinal {
        if (1.0..=31.0).contains(&v) {
            let mut k = p.first;
            if k > 0 && toks[k - 1].is_sym('.') {
                k -= 1;
            }
            if k > 0 && is_month_tok(text, &toks[k - 1]) {
                return true;
            }
            let mut j = p.end;
            if word_at(toks, j) == Some("of") {
                j += 1;
            }
            if toks.get(j).is_some_and(|t| is_month_tok(text, t)) {
                return true;
            }
        }
        if n.ordinal
            && word_at(toks, p.end)
                .is_some_and(|w| matches!(w, "century" | "centuries" | "millennium"))
        {
            return true;
        }
    }
    // List numbering at the start of a line: "1. Strengthening", "2) Geopolitical".
    if n.plain_int && v < 100.0 {
        // Only the indentation before the number is looked at, so this stays linear.
        let indent = text[..first.start].trim_end_matches([' ', '\t']);
        if (indent.is_empty() || indent.ends_with('\n') || indent.ends_with('\r'))
            && next.is_some_and(|t| (t.is_sym('.') || t.is_sym(')')) && t.start == end_byte)
        {
            let after = &text[end_byte + 1..];
            if after.starts_with(char::is_whitespace)
                && after
                    .trim_start()
                    .starts_with(|c: char| !c.is_ascii_digit())
            {
                return true;
            }
        }
    }
    // Years: a plain four-digit number in a date's place ("in 2024", "2024:", "June 4, 2025").
    if n.plain_int
        && n.int_digits == 4
        && (1000.0..=2100.0).contains(&v)
        && is_year(text, toks, p, v)
    {
        return true;
    }
    false
}

/// The digit literal when the number is a single digit token.
fn single_digits<'t>(toks: &'t [Token], p: &ParsedNumber) -> Option<&'t lexer::Numeral> {
    if p.end - p.first != 1 {
        return None;
    }
    toks[p.first].numeral()
}

fn is_year(text: &str, toks: &[Token], p: &ParsedNumber, v: f64) -> bool {
    let prev = p.first.checked_sub(1).map(|k| &toks[k]);
    let next = toks.get(p.end);
    if prev.is_some_and(|t| matches!(t.kind, TokKind::Sym(c) if "$€£¥₹₽₩₴₺".contains(c)))
    {
        return false;
    }
    if let Some(t) = prev {
        // "the company's 1989 profit", "the 1992 protests", "its 2024 budget": a year used as
        // an adjective after a possessive or a determiner.
        let possessive =
            t.kind == TokKind::Word && (t.lower.ends_with("'s") || t.lower.ends_with("’s"));
        let determiner = t.kind == TokKind::Word
            && matches!(
                t.lower.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "last"
                    | "next"
            );
        if (possessive || determiner)
            && (1900.0..=2100.0).contains(&v)
            && next.is_some_and(|n| n.kind == TokKind::Word)
        {
            return true;
        }
        if t.kind == TokKind::Word
            && lexicon::is_year_cue(&t.lower)
            && !(t.lower == "to"
                || t.lower == "and"
                || t.lower == "or"
                || t.lower == "between"
                || t.lower == "from")
        {
            return true;
        }
        // "June 4, 2025", "Nov. 29, 2024".
        if t.is_sym(',') && p.first >= 2 {
            let before = &toks[p.first - 2];
            let day = before
                .numeral()
                .is_some_and(|n| n.plain_int && (1.0..=31.0).contains(&n.value));
            if day || is_month_tok(text, before) {
                return true;
            }
        }
        if t.is_sym('(') && next.is_some_and(|n| n.is_sym(')')) {
            return true;
        }
    }
    let modern = (1900.0..=2100.0).contains(&v);
    match next {
        None => modern,
        Some(t) => match &t.kind {
            TokKind::Sym(':') => true,
            TokKind::Sym('%') | TokKind::Sym('+') => false,
            TokKind::Sym('-') | TokKind::Sym('–') | TokKind::Sym('—') => {
                // "2010–2015" is a span of years, "1000–5000" a range of amounts.
                let after = toks.get(p.end + 1).and_then(|n| n.numeral());
                match after {
                    Some(a) => {
                        a.plain_int
                            && a.int_digits <= 4
                            && (1000.0..=2100.0).contains(&a.value)
                            && modern
                    }
                    None => modern,
                }
            }
            TokKind::Sym(_) => modern,
            TokKind::Word => {
                if is_capitalized(text, t) {
                    return modern;
                }
                modern
                    && matches!(
                        t.lower.as_str(),
                        "in" | "and"
                            | "or"
                            | "to"
                            | "the"
                            | "was"
                            | "were"
                            | "is"
                            | "when"
                            | "after"
                            | "before"
                            | "as"
                            | "at"
                            | "on"
                            | "by"
                            | "with"
                            | "that"
                            | "this"
                            | "it"
                            | "for"
                            | "but"
                            | "of"
                            | "had"
                            | "has"
                            | "have"
                            | "saw"
                            | "until"
                            | "through"
                            | "onwards"
                            | "onward"
                            | "levels"
                            | "level"
                            | "election"
                            | "elections"
                            | "season"
                            | "budget"
                            | "census"
                            | "campaign"
                            | "summit"
                            | "edition"
                            | "report"
                            | "estimate"
                            | "estimates"
                            | "data"
                            | "figures"
                            | "agreement"
                            | "treaty"
                            | "deal"
                            | "law"
                            | "act"
                            | "war"
                            | "invasion"
                    )
            }
            _ => modern,
        },
    }
}

/// A quantity under construction, with its token range for merging.
#[derive(Clone, Debug)]
struct Found {
    first_tok: usize,
    end_tok: usize,
    start: usize,
    end: usize,
    low: Option<f64>,
    high: Option<f64>,
    hedge: Hedge,
    bound: Option<Bound>,
    unit: Option<String>,
    kind: QuantityKind,
}

impl Found {
    fn into_quantity(self, text: &str) -> Option<Quantity> {
        let interval = Interval::new(self.low, self.high).ok()?;
        let span = Span::new(self.start, self.end).ok()?;
        Some(Quantity {
            span,
            text: text.get(self.start..self.end)?.to_string(),
            interval,
            hedge: self.hedge,
            unit: self.unit,
            kind: self.kind,
        })
    }
}

/// Does `phrase` end right before token `end`?
fn phrase_before(toks: &[Token], end: usize, phrase: &[&str]) -> bool {
    let n = phrase.len();
    if end < n {
        return false;
    }
    let ok = toks[end - n..end]
        .iter()
        .zip(phrase)
        .all(|(t, w)| t.lower == *w && t.kind != TokKind::Skip);
    if !ok {
        return false;
    }
    // "<>30", "=>30": a comparison symbol glued to another one is not a hedge.
    if phrase
        .iter()
        .all(|w| matches!(*w, "<" | ">" | "=" | "≤" | "≥"))
        && end > n
    {
        let before = &toks[end - n - 1];
        if matches!(before.lower.as_str(), "<" | ">" | "=") {
            return false;
        }
        if phrase.len() == 1 && toks.get(end).is_some_and(|t| t.is_sym('=')) {
            return false;
        }
    }
    true
}

/// Does `phrase` start at token `start`?
fn phrase_at(toks: &[Token], start: usize, phrase: &[&str]) -> bool {
    toks.get(start..start + phrase.len()).is_some_and(|ts| {
        ts.iter()
            .zip(phrase)
            .all(|(t, w)| t.lower == *w && t.kind != TokKind::Skip)
    })
}

fn prefix_hedge(toks: &[Token], end: usize) -> Option<(usize, Bound)> {
    PREFIX_HEDGES
        .iter()
        .filter(|(ph, _)| phrase_before(toks, end, ph))
        .max_by_key(|(ph, _)| ph.len())
        .map(|(ph, b)| (end - ph.len(), *b))
}

/// A currency written before token `i`: returns the first token of it and the ISO code.
fn currency_before(text: &str, toks: &[Token], i: usize) -> Option<(usize, &'static str)> {
    let k = i.checked_sub(1)?;
    let t = &toks[k];
    match &t.kind {
        TokKind::Sym(c) => {
            let sym = c.to_string();
            lexicon::currency_prefix(&sym)?;
            // "US$", "HK$", "C$": letters glued to the symbol.
            if k > 0 && toks[k - 1].kind == TokKind::Word && toks[k - 1].end == t.start {
                let glued = format!("{}{}", &text[toks[k - 1].start..toks[k - 1].end], sym);
                if let Some(code) = lexicon::currency_prefix(&glued) {
                    return Some((k - 1, code));
                }
            }
            lexicon::currency_prefix(&sym).map(|code| (k, code))
        }
        TokKind::Word => {
            let raw = &text[t.start..t.end];
            if raw.chars().all(|c| c.is_ascii_uppercase()) || matches!(raw, "Rs" | "dlrs" | "Dlrs")
            {
                lexicon::currency_prefix(raw).map(|code| (k, code))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// What follows a number: percent, currency, unit. Returns the new end token and the unit.
fn unit_after(text: &str, toks: &[Token], end: usize) -> Option<(usize, String, QuantityKind)> {
    let t = toks.get(end)?;
    if t.is_sym('%') {
        return Some((end + 1, "%".into(), QuantityKind::Percent));
    }
    if t.kind == TokKind::Sym('-') {
        // "a 10-km walk".
        if let Some(u) = word_at(toks, end + 1).and_then(lexicon::measure_unit) {
            return Some((end + 2, u.into(), QuantityKind::Count));
        }
        return None;
    }
    if t.kind != TokKind::Word {
        return None;
    }
    let w = t.lower.as_str();
    if phrase_at(toks, end, &["per", "cent"]) {
        return Some((end + 2, "%".into(), QuantityKind::Percent));
    }
    if matches!(w, "percent" | "pct") {
        return Some((end + 1, "%".into(), QuantityKind::Percent));
    }
    if phrase_at(toks, end, &["percentage", "points"])
        || phrase_at(toks, end, &["percentage", "point"])
    {
        return Some((end + 2, "pp".into(), QuantityKind::Percent));
    }
    for (adj, code) in [
        ("us", "USD"),
        ("canadian", "CAD"),
        ("australian", "AUD"),
        ("singapore", "SGD"),
        ("taiwan", "TWD"),
    ] {
        if phrase_at(toks, end, &[adj, "dollars"]) {
            return Some((end + 2, code.into(), QuantityKind::Money));
        }
        if phrase_at(toks, end, &[adj, "cents"]) {
            return Some((end + 2, format!("{code} cents"), QuantityKind::Money));
        }
    }
    if phrase_at(toks, end, &["u", ".", "s", ".", "dollars"]) {
        return Some((end + 5, "USD".into(), QuantityKind::Money));
    }
    if phrase_at(toks, end, &["pounds", "sterling"]) {
        return Some((end + 2, "GBP".into(), QuantityKind::Money));
    }
    if phrase_at(toks, end, &["hong", "kong", "dollars"])
        || phrase_at(toks, end, &["new", "zealand", "dollars"])
    {
        let code = if toks[end].lower == "hong" {
            "HKD"
        } else {
            "NZD"
        };
        return Some((end + 3, code.into(), QuantityKind::Money));
    }
    if matches!(w, "cents" | "cent") && !phrase_at(toks, end, &["per", "cent"]) {
        return Some((end + 1, "cents".into(), QuantityKind::Money));
    }
    let raw = &text[t.start..t.end];
    if let Some(c) = lexicon::currency_word(w) {
        // Codes after the number must be written in capitals ("5 billion USD").
        if raw.len() != 3 || raw.chars().all(|c| c.is_ascii_uppercase()) {
            return Some((end + 1, c.into(), QuantityKind::Money));
        }
    }
    if phrase_at(toks, end, &["square", "kilometres"])
        || phrase_at(toks, end, &["square", "kilometers"])
        || phrase_at(toks, end, &["sq", "km"])
    {
        return Some((end + 2, "km2".into(), QuantityKind::Count));
    }
    lexicon::measure_unit(w).map(|u| (end + 1, u.to_string(), QuantityKind::Count))
}

/// "1,200 casualties per day", "$5 a week", "3 times a year": the period of a rate.
fn rate_after(toks: &[Token], end: usize) -> Option<&'static str> {
    let mut j = end;
    let mut words = 0;
    while j < toks.len() && words <= 3 {
        let t = &toks[j];
        if t.is_sym('/') {
            return word_at(toks, j + 1).and_then(lexicon::rate_period);
        }
        if t.kind != TokKind::Word {
            return None;
        }
        if matches!(t.lower.as_str(), "per" | "a" | "an" | "each" | "every") {
            let period = word_at(toks, j + 1).and_then(lexicon::rate_period)?;
            // "a year ago" is a time, not a rate.
            if word_at(toks, j + 2).is_some_and(|w| {
                matches!(
                    w,
                    "ago" | "earlier" | "later" | "before" | "after" | "since" | "on"
                )
            }) {
                return None;
            }
            return Some(period);
        }
        if lexicon::number_word(&t.lower).is_some()
            || matches!(
                t.lower.as_str(),
                "and"
                    | "or"
                    | "in"
                    | "of"
                    | "to"
                    | "from"
                    | "the"
                    | "on"
                    | "at"
                    | "by"
                    | "for"
                    | "with"
                    | "than"
            )
        {
            return None;
        }
        words += 1;
        j += 1;
    }
    None
}

/// Range connectors between two numbers.
fn range_connector(toks: &[Token], a: &Num, b: &Num) -> Option<&'static str> {
    let between: Vec<&str> = toks[a.p.end..b.p.first]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    let core: Vec<&str> = between
        .iter()
        .copied()
        .filter(|w| *w != "the" && !matches!(*w, "$" | "€" | "£" | "¥" | "₹" | "₽"))
        .collect();
    Some(match core.as_slice() {
        ["-"] | ["‐"] => "-",
        ["–"] | ["—"] => "–",
        ["~"] | ["〜"] => "~",
        ["to"] => "to",
        ["through"] | ["thru"] => "to",
        ["and"] => "and",
        ["or"] => "or",
        _ => return None,
    })
}

/// Builds quantities from numbers: ranges, hedges, currencies, units and rates.
fn assemble(text: &str, toks: &[Token], nums: &[Num]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < nums.len() {
        if let Some(f) = nums.get(k + 1).and_then(|b| range(text, toks, &nums[k], b)) {
            out.push(f);
            k += 2;
            continue;
        }
        if let Some(f) = single(
            text,
            toks,
            &nums[k],
            out.last().map_or(0, |f: &Found| f.end_tok),
        ) {
            out.push(f);
        }
        k += 1;
    }
    out
}

fn range(text: &str, toks: &[Token], a: &Num, b: &Num) -> Option<Found> {
    if a.magnitude
        || b.magnitude
        || a.p.shape == NumShape::BareFraction
        || b.p.shape == NumShape::BareFraction
    {
        return None;
    }
    let conn = range_connector(toks, a, b)?;
    // Where the range starts: "from", "between", a currency, or "the" before an ordinal.
    let mut first = a.p.first;
    if first > 0 && toks[first - 1].is_word("the") && a.p.shape == NumShape::Ordinal {
        first -= 1;
    }
    let currency = currency_before(text, toks, first);
    if let Some((c, _)) = currency {
        first = c;
    }
    let opener = first.checked_sub(1).and_then(|k| word_at(toks, k));
    match conn {
        "and" if opener != Some("between") => return None,
        "or" => {
            // "two or three", "5 or 6": small counts only ("10 bln or 10 tln" are two figures).
            let small = |n: &Num| {
                n.p.multiplier.is_none()
                    && n.p.value.fract() == 0.0
                    && (n.p.in_words || n.p.value <= 20.0)
            };
            if !(small(a) && small(b)) || b.p.value - a.p.value > a.p.value.max(2.0) {
                return None;
            }
        }
        "to" => {
            // "rose from 200 to 300", "fell $1.625 to $108.625": an old value or a change,
            // then a new value, not a range.
            let k = if opener == Some("from") {
                first - 1
            } else {
                first
            };
            let changed = (k.saturating_sub(3)..k)
                .any(|m| word_at(toks, m).is_some_and(lexicon::is_change_verb));
            // "eased 1 to 416": a bare "to" between figures of very different sizes is a
            // change and a level, not a range.
            let far_apart =
                opener != Some("from") && a.p.value > 0.0 && b.p.value / a.p.value > 20.0;
            if changed || far_apart {
                return None;
            }
        }
        _ => {}
    }
    if matches!(conn, "-" | "–") && (a.p.in_words || b.p.in_words) && a.p.shape != NumShape::Ordinal
    {
        // Hyphens between number words are part of the words.
        return None;
    }
    let mut lo = a.p.value;
    let hi = b.p.value;
    // "5-10 million", "between 10 and 12 per cent": the second number's multiplier is shared.
    if let (None, Some(m)) = (a.p.multiplier, b.p.multiplier) {
        if lo > 0.0 && lo * m <= hi && lo < hi / m {
            lo *= m;
        }
    }
    if lo >= hi
        || a.p.shape != b.p.shape
            && !(a.p.shape == NumShape::Cardinal || b.p.shape == NumShape::Cardinal)
    {
        return None;
    }
    if (a.p.shape == NumShape::Ordinal) != (b.p.shape == NumShape::Ordinal) {
        return None;
    }
    let start_tok = match opener {
        Some("from") if conn == "to" => first - 1,
        Some("between") if conn == "and" => first - 1,
        _ => first,
    };
    let mut end_tok = b.p.end;
    let mut unit: Option<String> = currency
        .map(|(_, c)| c.to_string())
        .or(a.p.unit.map(String::from))
        .or(b.p.unit.map(String::from));
    let mut kind = if currency.is_some() {
        QuantityKind::Money
    } else {
        QuantityKind::Count
    };
    if toks.get(a.p.end).is_some_and(|t| t.is_sym('%')) {
        kind = QuantityKind::Percent;
        unit = Some("%".into());
    }
    if let Some((e, u, kd)) = unit_after(text, toks, end_tok) {
        end_tok = e;
        unit = Some(u);
        kind = kd;
    }
    if a.p.shape == NumShape::Ordinal {
        kind = QuantityKind::Ordinal;
    }
    if let Some(period) = rate_after(toks, end_tok) {
        unit = Some(format!("{}/{}", unit.unwrap_or_default(), period));
        kind = QuantityKind::Rate;
    }
    Some(Found {
        first_tok: start_tok,
        end_tok,
        start: toks[start_tok].start,
        end: toks[end_tok - 1].end,
        low: Some(lo),
        high: Some(hi),
        hedge: Hedge::Range,
        bound: None,
        unit,
        kind,
    })
}

fn single(text: &str, toks: &[Token], n: &Num, floor: usize) -> Option<Found> {
    let mut first = n.p.first;
    let ordinal = n.p.shape == NumShape::Ordinal;
    let currency = currency_before(text, toks, first).filter(|(c, _)| *c >= floor);
    if let Some((c, _)) = currency {
        first = c;
    }
    let mut hedge_end = first;
    if ordinal && first > 0 && toks[first - 1].is_word("the") {
        hedge_end = first - 1;
    }
    let mut bound = Bound::Exact;
    // "over three years" is a duration, not "more than three years".
    let temporal_over = toks
        .get(n.p.end)
        .is_some_and(|t| lexicon::is_time_unit(&t.lower))
        && word_at(toks, n.p.end + 1).is_none_or(|w| w != "old");
    if let Some((h, b)) = prefix_hedge(toks, hedge_end)
        .filter(|(h, _)| *h >= floor)
        .filter(|(h, _)| !(temporal_over && matches!(toks[*h].lower.as_str(), "over" | "under")))
        // A rank takes only comparisons ("higher than the tenth"); "at least the first two
        // quarters" hedges the two, not the rank.
        .filter(|(h, _)| !ordinal || toks[*h..hedge_end].iter().any(|t| t.lower == "than"))
    {
        first = h;
        bound = b;
    }
    let mut end_tok = n.p.end;
    let mut unit: Option<String> = currency
        .map(|(_, c)| c.to_string())
        .or(n.p.unit.map(String::from));
    let mut kind = if currency.is_some() {
        QuantityKind::Money
    } else {
        QuantityKind::Count
    };
    // "10,000+": a plus sign glued to the number.
    if toks
        .get(end_tok)
        .is_some_and(|t| t.is_sym('+') && t.start == toks[end_tok - 1].end)
    {
        bound = Bound::AtLeast;
        end_tok += 1;
    }
    if let Some((e, u, kd)) = unit_after(text, toks, end_tok) {
        end_tok = e;
        unit = Some(u);
        kind = kd;
    }
    if let Some((e, b)) = suffix_hedge(toks, end_tok) {
        end_tok = e;
        bound = b;
    }
    if ordinal {
        kind = QuantityKind::Ordinal;
    }
    if let Some(period) = rate_after(toks, end_tok) {
        if kind != QuantityKind::Ordinal {
            unit = Some(format!("{}/{}", unit.unwrap_or_default(), period));
            kind = QuantityKind::Rate;
        }
    }
    let (low, high) = bound.apply(n.lo, n.hi);
    Some(Found {
        first_tok: first,
        end_tok,
        start: toks[first].start,
        end: toks[end_tok - 1].end,
        low,
        high,
        hedge: bound.hedge(n.magnitude),
        bound: Some(bound),
        unit,
        kind,
    })
}

/// "or more", "or fewer", "or so" after a number, and "or greater than" with no number after.
fn suffix_hedge(toks: &[Token], end: usize) -> Option<(usize, Bound)> {
    let (ph, b) = SUFFIX_HEDGES
        .iter()
        .find(|(ph, _)| phrase_at(toks, end, ph))?;
    let mut e = end + ph.len();
    // "above 1000 and below 1500": the word belongs to the next number.
    if starts_any_number(toks, e) {
        return None;
    }
    if toks.get(e).is_some_and(|t| t.is_word("than")) {
        // "200 or greater than 190": the comparison belongs to the next number.
        if starts_any_number(toks, e + 1) {
            return None;
        }
        e += 1;
    }
    Some((e, *b))
}

fn starts_any_number(toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        matches!(t.kind, TokKind::Number(_))
            || lexicon::number_word(&t.lower).is_some()
            || t.is_word("a")
    })
}

/// Joins "more than 10 and less than 20" (and "at most 100 and at least 20") into one range,
/// and takes "or equal (to)" after a bound into its span.
fn merge_bounds(toks: &[Token], found: &mut Vec<Found>) {
    for f in found.iter_mut() {
        if f.bound.is_some_and(Bound::is_open) {
            for ph in [&["or", "equal", "to"][..], &["or", "equal"][..]] {
                let after = f.end_tok + ph.len();
                if phrase_at(toks, f.end_tok, ph)
                    && !starts_any_number(toks, after)
                    && !toks.get(after).is_some_and(|t| t.is_word("to"))
                {
                    f.end_tok += ph.len();
                    f.end = toks[f.end_tok - 1].end;
                    break;
                }
            }
        }
    }
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    let mut i = 0;
    while i < found.len() {
        if let Some(b) = found.get(i + 1).filter(|b| b.first_tok >= found[i].end_tok) {
            let a = &found[i];
            let gap: Vec<&str> = toks[a.end_tok..b.first_tok]
                .iter()
                .map(|t| t.lower.as_str())
                .collect();
            let joined = matches!(
                gap.as_slice(),
                ["and"] | ["but"] | [","] | [",", "and"] | [",", "but"]
            );
            let (ab, bb) = (
                a.bound.unwrap_or(Bound::Exact),
                b.bound.unwrap_or(Bound::Exact),
            );
            let pair = match (ab, bb) {
                (Bound::AtLeast, Bound::AtMost) => Some((a.low, b.high)),
                (Bound::AtMost, Bound::AtLeast) => Some((b.low, a.high)),
                _ => None,
            };
            if let (true, Some((Some(lo), Some(hi)))) = (joined, pair) {
                if lo < hi && a.kind == b.kind {
                    out.push(Found {
                        first_tok: a.first_tok,
                        end_tok: b.end_tok,
                        start: a.start,
                        end: b.end,
                        low: Some(lo),
                        high: Some(hi),
                        hedge: Hedge::Range,
                        bound: None,
                        unit: a.unit.clone().or(b.unit.clone()),
                        kind: a.kind,
                    });
                    i += 2;
                    continue;
                }
            }
        }
        out.push(found[i].clone());
        i += 1;
    }
    *found = out;
}
