//! Reads one spoken or written number from a run of tokens: "one hundred and five",
//! "1.2 million", "twenty-six", "three quarters", "one hundred thirty two fifths",
//! "five and a half million", "nought point nought three", "one over three".
//!
//! The run is first cut into elements (number words, digit literals, "and", "point", …), and
//! then the longest prefix of elements that forms a valid number is taken. Validity follows
//! how English composes numbers: a unit may follow a tens word, "hundred" multiplies a group
//! below a hundred, each scale word must be smaller than the one before, "and" joins a group
//! to the small number that fills it ("two thousand and two hundred"), and a fraction's
//! numerator is a number in words ("two thirds", not "100 millionths").

use crate::lexer::{Numeral, TokKind, Token};
use crate::lexicon::{self, NumberWord, OrdinalClass};

/// Elements are capped so that a pathological run of number words stays cheap.
const MAX_ELEMENTS: usize = 40;

#[derive(Clone, Debug, PartialEq)]
enum El {
    Word(NumberWord),
    Digits(Numeral),
    /// "a" / "an": one, before hundred, a scale, dozen or a denominator.
    A,
    And,
    Point,
    Of,
    Over,
    OutOf,
    In,
    Minus,
}

/// What kind of number was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumShape {
    /// A whole or decimal amount.
    Cardinal,
    /// A fraction or ratio ("two thirds", "one over three").
    Fraction,
    /// "half" or "quarter" on its own: a number only after a hedge ("more than half").
    BareFraction,
    /// An ordinal ("twenty-first", "10th").
    Ordinal,
}

/// One number read from the tokens `first..end`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ParsedNumber {
    pub first: usize,
    pub end: usize,
    pub value: f64,
    pub shape: NumShape,
    /// The multiplier the number was written with ("million", "k"), for ranges such as
    /// "5-10 million" that share it.
    pub multiplier: Option<f64>,
    /// The first token is a word, not digits.
    pub in_words: bool,
    /// A unit written with the digits ("29km").
    pub unit: Option<&'static str>,
    /// A single plain integer token ("2024"), the only shape a year can take.
    pub plain_int: Option<u32>,
}

#[derive(Clone, Debug)]
struct Item {
    el: El,
    /// Token range of the element.
    first: usize,
    end: usize,
}

/// Reads the number starting at token `i`, if one starts there.
pub(crate) fn parse_number(text: &str, toks: &[Token], i: usize) -> Option<ParsedNumber> {
    let items = collect(text, toks, i);
    if items.is_empty() {
        return None;
    }
    let els: Vec<El> = items.iter().map(|it| it.el.clone()).collect();
    for n in (1..=els.len()).rev() {
        let Some((value, shape)) = expr(&els[..n]) else {
            continue;
        };
        // "3 hundred and 2 hundred": a small number after "and" belongs to the next number
        // when a hundred or a scale follows it.
        if n < els.len()
            && matches!(
                els[n],
                El::Word(NumberWord::Hundred)
                    | El::Word(NumberWord::Scale(_))
                    | El::Word(NumberWord::Dozen)
            )
        {
            if let Some(k) = els[..n].iter().rposition(|e| *e == El::And) {
                if els[k + 1..n].iter().all(is_small) && k > 0 {
                    if let Some((v, s)) = expr(&els[..k]) {
                        return Some(finish(toks, &items, k, v, s));
                    }
                }
            }
        }
        // "a third-quarter report", "a first-class seat": an ordinal adjective, not a fraction.
        if shape == NumShape::Fraction
            && matches!(
                els[n - 1],
                El::Word(
                    NumberWord::Ordinal { .. }
                        | NumberWord::Half { .. }
                        | NumberWord::Quarter { .. }
                )
            )
        {
            let end_tok = items[n - 1].end;
            let hyphen = toks
                .get(end_tok)
                .is_some_and(|t| t.is_sym('-') && t.start == toks[end_tok - 1].end);
            if hyphen
                && toks
                    .get(end_tok + 1)
                    .is_some_and(|t| t.kind == TokKind::Word)
            {
                continue;
            }
        }
        // "a third party", "one fifth round": "a" and a singular ordinal before a noun is an
        // ordinal adjective; a fraction is followed by "of" or stands alone ("a third of").
        if shape == NumShape::Fraction
            && els[0] == El::A
            && matches!(
                els[n - 1],
                El::Word(
                    NumberWord::Ordinal { plural: false, .. }
                        | NumberWord::Half { plural: false }
                        | NumberWord::Quarter { plural: false }
                )
            )
        {
            let next = toks
                .get(items[n - 1].end)
                .filter(|t| t.kind == TokKind::Word);
            if next.is_some_and(|t| t.lower != "of" && lexicon::number_word(&t.lower).is_none()) {
                continue;
            }
        }
        // "2000 over 3 years" and "3 in 10 days" are prepositional phrases, not ratios.
        if shape == NumShape::Fraction {
            let next = toks
                .get(items[n - 1].end)
                .filter(|t| t.kind == TokKind::Word);
            let over = els[..n].contains(&El::Over)
                && next.is_some_and(|t| lexicon::number_word(&t.lower).is_none());
            let in_time =
                els[..n].contains(&El::In) && next.is_some_and(|t| lexicon::is_time_unit(&t.lower));
            if over || in_time {
                continue;
            }
        }
        return Some(finish(toks, &items, n, value, shape));
    }
    None
}

fn finish(toks: &[Token], items: &[Item], n: usize, value: f64, shape: NumShape) -> ParsedNumber {
    let first = items[0].first;
    let end = items[n - 1].end;
    let mut multiplier = None;
    let mut unit = None;
    for it in &items[..n] {
        match &it.el {
            El::Word(NumberWord::Scale(s)) => {
                multiplier = Some(multiplier.map_or(*s, |m: f64| m.max(*s)))
            }
            El::Digits(d) => {
                if d.multiplier.is_some() {
                    multiplier = d.multiplier;
                }
                unit = unit.or(d.unit);
            }
            _ => {}
        }
    }
    let plain_int = match (&items[0].el, n) {
        (El::Digits(d), 1) if d.plain_int && d.value < 1e9 => Some(d.value as u32),
        _ => None,
    };
    let shape = match (&items[0].el, n) {
        (El::Digits(d), 1) if d.ordinal => NumShape::Ordinal,
        _ => shape,
    };
    ParsedNumber {
        first,
        end,
        value,
        shape,
        multiplier,
        in_words: toks[first].kind == TokKind::Word,
        unit,
        plain_int,
    }
}

fn is_small(e: &El) -> bool {
    matches!(
        e,
        El::Word(NumberWord::Unit(_) | NumberWord::Teen(_) | NumberWord::Tens(_)) | El::Digits(_)
    )
}

/// Cuts the tokens from `i` into number elements joined by spaces or hyphens.
fn collect(text: &str, toks: &[Token], i: usize) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut j = i;
    // End of the last element or joining hyphen.
    let mut last_end = toks[i].start;
    while j < toks.len() && items.len() < MAX_ELEMENTS {
        let t = &toks[j];
        if !items.is_empty() {
            // Only whitespace, or a hyphen between words, may join two elements.
            let gap = &text[last_end..t.start];
            if !gap.chars().all(char::is_whitespace) {
                break;
            }
        }
        let (el, end) = match &t.kind {
            TokKind::Number(n) => {
                // A mixed fraction: "2 1/4", "1 4/5".
                let mut n = n.clone();
                let mut end = j + 1;
                if let Some(TokKind::Number(f)) = toks.get(j + 1).map(|t| &t.kind) {
                    let gap = &text[t.end..toks[j + 1].start];
                    if f.fraction
                        && !f.negative
                        && n.plain_int
                        && !n.fraction
                        && !gap.is_empty()
                        && gap.chars().all(char::is_whitespace)
                    {
                        n.value += f.value;
                        n.fraction = true;
                        n.plain_int = false;
                        end = j + 2;
                    }
                }
                (El::Digits(n), end)
            }
            TokKind::Word => {
                let w = t.lower.as_str();
                let el = match w {
                    "a" | "an" => El::A,
                    "and" => El::And,
                    "point" => El::Point,
                    "of" => El::Of,
                    "over" => El::Over,
                    "in" => El::In,
                    "minus" | "negative" if items.is_empty() => El::Minus,
                    "out" if toks.get(j + 1).is_some_and(|n| n.is_word("of")) => El::OutOf,
                    _ => match lexicon::number_word(w) {
                        Some(nw) => El::Word(nw),
                        None => break,
                    },
                };
                let end = if el == El::OutOf { j + 2 } else { j + 1 };
                (el, end)
            }
            TokKind::Sym('-') | TokKind::Sym('‐') if !items.is_empty() => {
                // A hyphen joins number words ("twenty-one", "fifty - two", "one-eighth").
                let prev_word = matches!(items.last().map(|p| &p.el), Some(El::Word(_)));
                let next_word = toks.get(j + 1).is_some_and(|n| {
                    n.kind == TokKind::Word && lexicon::number_word(&n.lower).is_some()
                });
                if prev_word && next_word {
                    last_end = t.end;
                    j += 1;
                    continue;
                }
                break;
            }
            TokKind::Sym('-') | TokKind::Sym('−') if items.is_empty() => {
                // A spaced minus sign: "- 10 k", "- 1 4/5".
                if matches!(toks.get(j + 1).map(|t| &t.kind), Some(TokKind::Number(_))) {
                    (El::Minus, j + 1)
                } else {
                    break;
                }
            }
            _ => break,
        };
        items.push(Item { el, first: j, end });
        last_end = toks[end - 1].end;
        j = end;
    }
    // Trailing connectors never end a number; dropping them keeps the prefix search short.
    while items.last().is_some_and(|it| {
        matches!(
            it.el,
            El::And | El::Point | El::Of | El::Over | El::OutOf | El::In | El::A
        )
    }) {
        items.pop();
    }
    items
}

/// A number expression over the whole of `els`.
fn expr(els: &[El]) -> Option<(f64, NumShape)> {
    if els.first() == Some(&El::Minus) {
        let (v, s) = expr(&els[1..])?;
        return Some((-v, s));
    }
    if let Some(v) = cardinal(els) {
        return Some((v.value, NumShape::Cardinal));
    }
    if let Some(v) = decimal(els) {
        return Some((v, NumShape::Cardinal));
    }
    if let Some(v) = ratio(els) {
        return Some((v, NumShape::Fraction));
    }
    if let Some(v) = scaled_fraction(els) {
        return Some((v, NumShape::Cardinal));
    }
    if let [El::Word(NumberWord::Half { plural: false } | NumberWord::Quarter { plural: false })] =
        els
    {
        return Some((bare(&els[0]), NumShape::BareFraction));
    }
    fraction_expr(els).map(|v| (v, NumShape::Fraction))
}

fn bare(e: &El) -> f64 {
    match e {
        El::Word(NumberWord::Half { .. }) => 0.5,
        _ => 0.25,
    }
}

/// A fraction, or a whole number "and" a fraction ("one and a half", "twenty and three fifths").
fn fraction_expr(els: &[El]) -> Option<f64> {
    let whole = fraction(els);
    let additive = additive(els);
    match (whole, additive) {
        (Some(w), Some((a, prefer_additive))) => Some(if prefer_additive { a } else { w }),
        (Some(w), None) => Some(w),
        (None, Some((a, _))) => Some(a),
        (None, None) => None,
    }
}

/// "C and F": returns the value and whether this reading should win over a whole fraction.
fn additive(els: &[El]) -> Option<(f64, bool)> {
    let k = els.iter().rposition(|e| *e == El::And)?;
    if k == 0 {
        return None;
    }
    let c = cardinal(&els[..k])?;
    let f = fraction(&els[k + 1..])?;
    // "one million and a half" is 1.5 million: a fraction after a large scale is of that scale.
    let value = if c.last_scale >= 1e6 {
        c.value + f * c.last_scale
    } else {
        c.value + f
    };
    let den_decimal = matches!(
        els.last(),
        Some(El::Word(
            NumberWord::Half { .. }
                | NumberWord::Quarter { .. }
                | NumberWord::Ordinal {
                    class: OrdinalClass::Scale,
                    ..
                }
        ))
    ) || matches!(els.last(), Some(El::Word(NumberWord::Ordinal { value, .. })) if *value == 10.0);
    let after_hundred = matches!(els[k - 1], El::Word(NumberWord::Hundred));
    Some((value, den_decimal || !after_hundred))
}

/// "half million", "three quarters million", "five and a half million", "half a dozen",
/// "two thirds of a million", "one billion and a half million".
fn scaled_fraction(els: &[El]) -> Option<f64> {
    let (last, inner) = els.split_last()?;
    let scale = match last {
        El::Word(NumberWord::Scale(s)) => *s,
        El::Word(NumberWord::Dozen) => 12.0,
        _ => return None,
    };
    let inner = match inner {
        [rest @ .., El::Of, El::A] => rest,
        [rest @ .., El::A] => rest,
        _ => inner,
    };
    if inner.is_empty() {
        return None;
    }
    // "one billion and a half million": the fraction is of the last scale, added to the rest.
    if let Some(k) = inner.iter().rposition(|e| *e == El::And) {
        if k > 0 {
            if let (Some(c), Some(f)) = (cardinal(&inner[..k]), frac_or_bare(&inner[k + 1..])) {
                if c.last_scale > scale {
                    return Some(c.value + f * scale);
                }
            }
        }
    }
    let v = match inner {
        [e @ El::Word(NumberWord::Half { .. } | NumberWord::Quarter { .. })] => bare(e),
        _ => fraction_expr(inner)?,
    };
    Some(v * scale)
}

fn frac_or_bare(els: &[El]) -> Option<f64> {
    match els {
        [e @ El::Word(NumberWord::Half { .. } | NumberWord::Quarter { .. })] => Some(bare(e)),
        _ => fraction(els),
    }
}

/// "one over three", "two out of five hundred", "1 in twenty-one".
fn ratio(els: &[El]) -> Option<f64> {
    let k = els
        .iter()
        .position(|e| matches!(e, El::Over | El::OutOf | El::In))?;
    if k == 0 {
        return None;
    }
    let a = cardinal(&els[..k])?.value;
    let b = cardinal(&els[k + 1..])?.value;
    if b == 0.0 {
        return None;
    }
    let ok = match els[k] {
        El::Over => true,
        // "12 out of 10" and "8 in 5" are two numbers, not a proportion.
        _ => a <= b && b <= 1000.0,
    };
    ok.then_some(a / b)
}

/// A fraction in words: numerator then denominator ("two thirds", "one hundred thirty fifths").
fn fraction(els: &[El]) -> Option<f64> {
    let last = els.len().checked_sub(1)?;
    let (ord, plural, class) = match els[last] {
        El::Word(NumberWord::Ordinal {
            value,
            plural,
            class,
        }) => (value, plural, Some(class)),
        El::Word(NumberWord::Half { plural }) => (2.0, plural, None),
        El::Word(NumberWord::Quarter { plural }) => (4.0, plural, None),
        _ => return None,
    };
    let numerator = |num: &[El]| -> Option<f64> {
        let v = match num {
            [El::A] => 1.0,
            [] => return None,
            _ => {
                if matches!(num[0], El::Digits(_) | El::Minus) {
                    return None;
                }
                cardinal(num)?.value
            }
        };
        // "two millionth" is two then an ordinal; a fraction over one needs the plural.
        (v == 1.0 || plural).then_some(v)
    };
    // Denominator candidates, longest first.
    // (a) "one hundred fifth", "one thousand fifths": a round number then a unit ordinal.
    if matches!(
        class,
        Some(OrdinalClass::Unit | OrdinalClass::Teen | OrdinalClass::Tens)
    ) {
        for k in 0..last {
            if !matches!(els[k], El::Word(NumberWord::Unit(_)) | El::A) {
                continue;
            }
            // "ninety-five hundred": the unit belongs to the tens word before it.
            if k > 0 && matches!(els[k - 1], El::Word(NumberWord::Tens(_))) {
                continue;
            }
            // "one hundred and fifth": the round number may end in "and".
            let round_els = match &els[k..last] {
                [rest @ .., El::And] => rest,
                all => all,
            };
            let Some(round) = cardinal(round_els) else {
                continue;
            };
            if round.value < 100.0 || round.value % 100.0 != 0.0 {
                continue;
            }
            if let Some(n) = numerator(&els[..k]) {
                return Some(n / (round.value + ord));
            }
        }
    }
    // (b) "thirty fifths", "twenty-first": a tens word then a unit ordinal.
    if class == Some(OrdinalClass::Unit) && last > 0 {
        if let El::Word(NumberWord::Tens(t)) = els[last - 1] {
            if let Some(n) = numerator(&els[..last - 1]) {
                return Some(n / (t + ord));
            }
        }
    }
    // (c) The ordinal alone; "first" and "second" are never denominators on their own.
    if class == Some(OrdinalClass::Unit) && ord < 3.0 {
        return None;
    }
    numerator(&els[..last]).map(|n| n / ord)
}

/// "two hundred point zero three", "nought point eleven".
fn decimal(els: &[El]) -> Option<f64> {
    let k = els.iter().position(|e| *e == El::Point)?;
    let whole = cardinal(&els[..k])?.value;
    let mut digits = String::new();
    let mut i = k + 1;
    while i < els.len() {
        match els[i] {
            El::Word(NumberWord::Zero) => digits.push('0'),
            El::Word(NumberWord::Unit(u)) => digits.push_str(&format!("{}", u as u32)),
            El::Word(NumberWord::Teen(t)) => digits.push_str(&format!("{}", t as u32)),
            El::Word(NumberWord::Tens(t)) => {
                if let Some(El::Word(NumberWord::Unit(u))) = els.get(i + 1) {
                    digits.push_str(&format!("{}", (t + u) as u32));
                    i += 1;
                } else {
                    digits.push_str(&format!("{}", t as u32));
                }
            }
            _ => return None,
        }
        i += 1;
    }
    if digits.is_empty() {
        return None;
    }
    let frac: f64 = format!("0.{digits}").parse().ok()?;
    Some(if whole < 0.0 {
        whole - frac
    } else {
        whole + frac
    })
}

struct Cardinal {
    value: f64,
    /// The last scale word used (1 when none), for "one million and a half".
    last_scale: f64,
}

#[derive(Clone, Copy, PartialEq)]
enum St {
    Start,
    A,
    Unit,
    Teen,
    Tens,
    Digits,
    Hundred,
    Scale,
    And,
    Dozen,
}

/// A whole number over all of `els`, or `None` when they do not make one.
fn cardinal(els: &[El]) -> Option<Cardinal> {
    if els.is_empty() {
        return None;
    }
    if let [El::Word(NumberWord::Zero)] = els {
        return Some(Cardinal {
            value: 0.0,
            last_scale: 1.0,
        });
    }
    let mut total = 0.0;
    let mut group = 0.0;
    // The part of `group` after its hundreds, which "dozen" multiplies.
    let mut small = 0.0;
    let mut group_has_and = false;
    let mut group_hundred = false;
    let mut last_scale = f64::INFINITY;
    let mut st = St::Start;
    for (idx, e) in els.iter().enumerate() {
        // Room left in the group for a small number after "and" or a scale.
        let cap = if group > 0.0 {
            let mut c = 1.0;
            let g = group as u64;
            while g > 0 && (g / ((c as u64) * 10)) * ((c as u64) * 10) == g && c < 1e15 {
                c *= 10.0;
            }
            c
        } else if last_scale.is_finite() {
            last_scale
        } else {
            f64::INFINITY
        };
        match e {
            El::Word(NumberWord::Unit(u)) => {
                let ok = match st {
                    St::Start | St::Hundred | St::Scale => true,
                    St::Tens => group % 10.0 == 0.0,
                    St::And => *u < cap,
                    _ => false,
                };
                if !ok {
                    return None;
                }
                group += u;
                small += u;
                st = St::Unit;
            }
            El::Word(NumberWord::Teen(v)) | El::Word(NumberWord::Tens(v)) => {
                let ok = match st {
                    St::Start | St::Hundred | St::Scale => true,
                    St::And => *v < cap,
                    _ => false,
                };
                if !ok {
                    return None;
                }
                group += v;
                small += v;
                st = if matches!(e, El::Word(NumberWord::Teen(_))) {
                    St::Teen
                } else {
                    St::Tens
                };
            }
            El::Digits(d) => {
                if (d.ordinal || d.unit.is_some() || d.fraction || d.negative) && els.len() != 1 {
                    return None;
                }
                match st {
                    St::Start => {
                        // Digits with a suffix multiplier, or big digits, stand alone.
                        let next_scales = matches!(
                            els.get(idx + 1),
                            Some(El::Word(
                                NumberWord::Hundred | NumberWord::Scale(_) | NumberWord::Dozen
                            ))
                        );
                        if els.len() > 1 && (d.multiplier.is_some() || !next_scales) {
                            return None;
                        }
                        group = d.value;
                        small = d.value;
                    }
                    St::Hundred | St::Scale | St::And => {
                        if d.value.fract() != 0.0
                            || d.value <= 0.0
                            || d.value >= cap.min(1000.0)
                            || d.multiplier.is_some()
                            || d.grouped
                        {
                            return None;
                        }
                        group += d.value;
                        small += d.value;
                    }
                    _ => return None,
                }
                st = St::Digits;
            }
            El::A => {
                if st != St::Start
                    || !matches!(
                        els.get(idx + 1),
                        Some(El::Word(
                            NumberWord::Hundred | NumberWord::Scale(_) | NumberWord::Dozen
                        ))
                    )
                {
                    return None;
                }
                group = 1.0;
                small = 1.0;
                st = St::A;
            }
            El::Word(NumberWord::Hundred) => {
                if group_hundred
                    || !matches!(
                        st,
                        St::Start | St::A | St::Unit | St::Teen | St::Tens | St::Digits
                    )
                {
                    return None;
                }
                if st == St::Digits && group >= 1000.0 {
                    return None;
                }
                group = if group == 0.0 { 100.0 } else { group * 100.0 };
                small = 0.0;
                group_hundred = true;
                st = St::Hundred;
            }
            El::Word(NumberWord::Scale(s)) => {
                if st == St::Scale && *s > last_scale && group == 0.0 {
                    // "three lakh crore": scales multiply.
                    total *= s;
                    last_scale = *s;
                    continue;
                }
                if *s >= last_scale
                    || !matches!(
                        st,
                        St::Start
                            | St::A
                            | St::Unit
                            | St::Teen
                            | St::Tens
                            | St::Digits
                            | St::Hundred
                            | St::Dozen
                    )
                {
                    return None;
                }
                total += if group == 0.0 { 1.0 } else { group } * s;
                group = 0.0;
                small = 0.0;
                group_hundred = false;
                group_has_and = false;
                last_scale = *s;
                st = St::Scale;
            }
            El::Word(NumberWord::Dozen) => {
                if !matches!(st, St::A | St::Unit | St::Teen | St::Tens | St::Digits)
                    || small == 0.0
                {
                    return None;
                }
                group += small * 11.0;
                small = 0.0;
                st = St::Dozen;
            }
            El::And => {
                // "one hundred and five", "two thousand and two hundred", "twenty and three".
                let ok = matches!(st, St::Hundred | St::Scale)
                    || (st == St::Tens && group % 10.0 == 0.0);
                if !ok || group_has_and {
                    return None;
                }
                group_has_and = true;
                small = 0.0;
                st = St::And;
            }
            _ => return None,
        }
    }
    if matches!(st, St::And | St::A | St::Start) {
        return None;
    }
    if last_scale.is_finite() && group >= last_scale {
        return None;
    }
    Some(Cardinal {
        value: total + group,
        last_scale: if last_scale.is_finite() {
            last_scale
        } else {
            1.0
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::tokenize;

    fn read(text: &str) -> Option<(String, f64)> {
        let toks = tokenize(text);
        let p = parse_number(text, &toks, 0)?;
        Some((
            text[toks[p.first].start..toks[p.end - 1].end].to_string(),
            p.value,
        ))
    }

    #[test]
    fn spoken_numbers() {
        let rows: &[(&str, &str, f64)] = &[
            ("one hundred and five", "one hundred and five", 105.0),
            ("twenty-six people", "twenty-six", 26.0),
            ("eight thousand", "eight thousand", 8000.0),
            (
                "two hundred and two thousand",
                "two hundred and two thousand",
                202_000.0,
            ),
            (
                "two thousand and two hundred",
                "two thousand and two hundred",
                2200.0,
            ),
            ("3 hundred and 2 hundred", "3 hundred", 300.0),
            ("1.2 million", "1.2 million", 1.2e6),
            ("3.5 thousand", "3.5 thousand", 3500.0),
            ("a dozen", "a dozen", 12.0),
            ("half a dozen", "half a dozen", 6.0),
            (
                "three hundred and two dozens",
                "three hundred and two dozens",
                324.0,
            ),
            ("a half", "a half", 0.5),
            ("three quarters", "three quarters", 0.75),
            ("two thirds", "two thirds", 2.0 / 3.0),
            (
                "one hundred thirty two fifths",
                "one hundred thirty two fifths",
                26.4,
            ),
            (
                "one hundred thirty fifths",
                "one hundred thirty fifths",
                100.0 / 35.0,
            ),
            (
                "one hundred and thirty fifths",
                "one hundred and thirty fifths",
                26.0,
            ),
            (
                "one hundred and three quarters",
                "one hundred and three quarters",
                100.75,
            ),
            ("twenty and three fifths", "twenty and three fifths", 20.6),
            (
                "one one hundred fifth",
                "one one hundred fifth",
                1.0 / 105.0,
            ),
            ("five and a half million", "five and a half million", 5.5e6),
            ("one million and a half", "one million and a half", 1.5e6),
            (
                "two thirds of a million",
                "two thirds of a million",
                2e6 / 3.0,
            ),
            (
                "nought point nought three",
                "nought point nought three",
                0.03,
            ),
            (
                "two hundred point seventy-one",
                "two hundred point seventy-one",
                200.71,
            ),
            ("one over three", "one over three", 1.0 / 3.0),
            ("two out of five hundred", "two out of five hundred", 0.004),
            (
                "ninety - five hundred fifths",
                "ninety - five hundred fifths",
                1900.0,
            ),
            ("three lakh crore", "three lakh crore", 3e12),
            ("two millionth", "two", 2.0),
            ("4000 3 hundred", "4000", 4000.0),
            ("minus five point five", "minus five point five", -5.5),
            ("2  1/4", "2  1/4", 2.25),
        ];
        let mut bad = Vec::new();
        for (text, span, value) in rows {
            let got = read(text);
            let ok = got.as_ref().is_some_and(|(s, v)| {
                s == span && (v - value).abs() <= 1e-9 * value.abs().max(1.0)
            });
            if !ok {
                bad.push(format!("{text:?}: got {got:?}, want {span:?} = {value}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }
}
