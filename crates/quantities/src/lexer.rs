//! Splits text into words, digit literals and symbols, with byte offsets.
//!
//! Digit literals are read here in full ("1,234,567.89", "1 234 567", "12,34,567", "1.3e6",
//! "5k", "29km", "10th", "3/4", "½") so that later stages never look at characters again.
//! Things that are made of digits but are not amounts are recognised here too and become
//! [`TokKind::Skip`]: times of day ("10:30"), phone numbers ("+1-222-2222"), slash and ISO
//! dates ("5/17/2018", "2024-11-29", "1995-01"), decades ("1990s") and codes glued to letters
//! ("G7", "A320", "Su-57", "9M723").

use crate::lexicon;

/// A digit literal with what was written around it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Numeral {
    pub value: f64,
    /// Only ASCII digits: no separator, decimal point, sign or suffix ("2024").
    pub plain_int: bool,
    /// Has a thousands separator ("8,000").
    pub grouped: bool,
    /// A multiplier suffix was applied ("5k", "1.5m", "10 bln").
    pub multiplier: Option<f64>,
    /// Written with an ordinal suffix ("10th").
    pub ordinal: bool,
    /// A unit glued or spaced after the digits ("29km").
    pub unit: Option<&'static str>,
    /// "3/4", "½": a fraction literal.
    pub fraction: bool,
    /// Written with a leading minus sign.
    pub negative: bool,
    /// Number of digits before any decimal point (without separators).
    pub int_digits: usize,
    /// The integer part starts with a zero and has more than one digit ("01").
    pub leading_zero: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum TokKind {
    /// A run of letters; `Token::lower` holds it lower-cased.
    Word,
    Number(Numeral),
    /// Any other visible character; `Token::lower` holds it.
    Sym(char),
    /// Digits that are not an amount (time, phone, date, decade, code).
    Skip,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    pub lower: String,
}

impl Token {
    pub fn is_word(&self, w: &str) -> bool {
        self.kind == TokKind::Word && self.lower == w
    }
    pub fn is_sym(&self, c: char) -> bool {
        self.kind == TokKind::Sym(c)
    }
    pub fn numeral(&self) -> Option<&Numeral> {
        match &self.kind {
            TokKind::Number(n) => Some(n),
            _ => None,
        }
    }
}

/// Characters used as thousands separators between groups of three digits.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    tokens: Vec<Token>,
    /// Inside a dotted sequence such as "192.168.1.2": each part is its own integer.
    dotted: bool,
    /// Inside a list of numbers glued by commas ("22,24,26"): no decimal comma.
    comma_list: bool,
}

/// Splits `text` into tokens. Linear in the length of the text.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut lx = Lexer {
        text,
        bytes: text.as_bytes(),
        tokens: Vec::new(),
        dotted: false,
        comma_list: false,
    };
    lx.run();
    lx.tokens
}

impl<'a> Lexer<'a> {
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..i).and_then(|s| s.chars().next_back())
    }

    fn digit_at(&self, i: usize) -> bool {
        self.bytes.get(i).is_some_and(u8::is_ascii_digit)
    }

    fn digits_end(&self, mut i: usize) -> usize {
        while self.digit_at(i) {
            i += 1;
        }
        i
    }

    fn push(&mut self, start: usize, end: usize, kind: TokKind) {
        let lower = match kind {
            TokKind::Word => self.text[start..end].to_lowercase(),
            _ => self.text[start..end].to_string(),
        };
        self.tokens.push(Token {
            start,
            end,
            kind,
            lower,
        });
    }

    fn run(&mut self) {
        let mut i = 0;
        while let Some(c) = self.char_at(i) {
            if c.is_whitespace() {
                // A new line ends a dotted or comma-glued list.
                i += c.len_utf8();
                continue;
            }
            let prev = self.char_before(i);
            if c.is_ascii_digit() {
                i = self.number(i, i, false).max(i + 1);
                continue;
            }
            if (c == '-' || c == '−')
                && self.digit_at(i + c.len_utf8())
                && !prev.is_some_and(|p| p.is_alphanumeric() || p == ')' || p == '.' || p == ',')
            {
                i = self.number(i, i + c.len_utf8(), true).max(i + c.len_utf8());
                continue;
            }
            if c == '.' && self.digit_at(i + 1) && !prev.is_some_and(|p| p.is_alphanumeric()) {
                i = self.number(i, i, false).max(i + 1);
                continue;
            }
            if c == '+' && self.digit_at(i + 1) && !prev.is_some_and(|p| p.is_alphanumeric()) {
                i = self.phone(i).max(i + 1);
                continue;
            }
            if let Some(v) = vulgar_fraction(c) {
                let end = i + c.len_utf8();
                self.push(i, end, TokKind::Number(fraction_numeral(v, false)));
                i = end;
                continue;
            }
            if c.is_alphabetic() {
                let mut j = i;
                while let Some(d) = self.char_at(j) {
                    let apostrophe = (d == '\'' || d == '’')
                        && self
                            .char_at(j + d.len_utf8())
                            .is_some_and(char::is_alphabetic);
                    if d.is_alphabetic() || (apostrophe && j > i) {
                        j += d.len_utf8();
                    } else {
                        break;
                    }
                }
                // Letters glued to digits make a code ("G7", "A320", "COVID19"): skip it all.
                if self.digit_at(j) {
                    let end = self.alnum_end(j);
                    self.push(i, j, TokKind::Word);
                    self.push(j, end, TokKind::Skip);
                    i = end;
                    continue;
                }
                self.push(i, j, TokKind::Word);
                i = j;
                continue;
            }
            let end = i + c.len_utf8();
            self.push(i, end, TokKind::Sym(c));
            if c != ',' && c != '.' {
                self.comma_list = false;
                self.dotted = false;
            }
            i = end;
        }
    }

    /// Are the letters ending at `i` a word or code ("Su-", "mid-"), rather than the suffix of
    /// a number ("5k-")?
    fn letters_before_are_code(&self, i: usize) -> bool {
        let mut k = i;
        while let Some(c) = self.char_before(k) {
            if c.is_alphabetic() {
                k -= c.len_utf8();
            } else {
                break;
            }
        }
        k < i && !self.char_before(k).is_some_and(|c| c.is_ascii_digit())
    }

    /// End of a run of letters and digits (a code).
    fn alnum_end(&self, mut j: usize) -> usize {
        while let Some(d) = self.char_at(j) {
            if d.is_alphanumeric() {
                j += d.len_utf8();
            } else if d == '-' && self.char_at(j + 1).is_some_and(char::is_alphanumeric) {
                j += 1;
            } else {
                break;
            }
        }
        j
    }

    /// A phone number from a leading '+': digits and the usual separators.
    fn phone(&mut self, start: usize) -> usize {
        let mut j = start + 1;
        let mut last_digit = j;
        while let Some(&b) = self.bytes.get(j) {
            if b.is_ascii_digit() {
                j += 1;
                last_digit = j;
            } else if matches!(b, b'-' | b'/' | b'(' | b')' | b'.' | b' ') && self.digit_at(j + 1) {
                j += 1;
            } else {
                break;
            }
        }
        self.push(start, last_digit, TokKind::Skip);
        last_digit
    }

    /// Reads a digit literal starting at `start` (its sign, if any, is before `digits`).
    fn number(&mut self, start: usize, digits: usize, negative: bool) -> usize {
        let prev = self.char_before(start);
        // Digits glued to a letter or to "letters-" are part of a code or a model name
        // ("Hwasong-19", "Su-57", "mid-2024").
        let code_prefix = prev.is_some_and(char::is_alphabetic)
            || (matches!(prev, Some('-') | Some('/')) && self.letters_before_are_code(start - 1));
        if code_prefix && !negative {
            let end = self.alnum_end(digits).max(start + 1);
            self.push(start, end, TokKind::Skip);
            return end;
        }
        // Look at the whole run of digits and date/phone separators first.
        if let Some(end) = self.structured(digits) {
            self.push(start, end, TokKind::Skip);
            return end;
        }
        if self.dotted && prev == Some('.') {
            // The next part of "192.168.1.2".
            let end = self.digits_end(digits);
            let n = int_numeral(&self.text[digits..end]);
            self.push(digits, end, TokKind::Number(n));
            return end;
        }
        self.dotted = false;

        let int_end = self.digits_end(digits);
        let mut int_text: String = self.text[digits..int_end].to_string();
        let mut j = int_end;
        let mut grouped = false;
        let mut decimal_text = String::new();
        let first_len = int_end - digits;

        // Thousands groups: "1,234,567", Indian "12,34,567", spaced "1 234 567", "1.111,11".
        if first_len <= 3 && first_len > 0 {
            let mut k = j;
            let mut groups = String::new();
            while self.bytes.get(k) == Some(&b',') && self.group_of(k + 1, 3) {
                groups.push_str(&self.text[k + 1..k + 4]);
                k += 4;
            }
            if groups.is_empty() && first_len <= 2 {
                // Indian grouping needs pairs then a final group of three.
                let mut m = j;
                let mut pairs = String::new();
                while self.bytes.get(m) == Some(&b',') && self.group_of(m + 1, 2) {
                    pairs.push_str(&self.text[m + 1..m + 3]);
                    m += 3;
                }
                if !pairs.is_empty() && self.bytes.get(m) == Some(&b',') && self.group_of(m + 1, 3)
                {
                    groups = pairs + &self.text[m + 1..m + 4];
                    k = m + 4;
                }
            }
            if groups.is_empty() {
                // Groups separated by a (narrow) space.
                let mut m = j;
                while let Some(c) = self.char_at(m) {
                    if is_group_space(c)
                        && self.group_of(m + c.len_utf8(), 3)
                        && !self.followed_by_comma_digit(m + c.len_utf8() + 3)
                    {
                        groups.push_str(&self.text[m + c.len_utf8()..m + c.len_utf8() + 3]);
                        m += c.len_utf8() + 3;
                    } else {
                        break;
                    }
                }
                if !groups.is_empty() {
                    k = m;
                }
            }
            if groups.is_empty() {
                // "1.111,11": dots group thousands only when a decimal comma follows.
                let mut m = j;
                let mut g = String::new();
                while self.bytes.get(m) == Some(&b'.') && self.group_of(m + 1, 3) {
                    g.push_str(&self.text[m + 1..m + 4]);
                    m += 4;
                }
                if !g.is_empty() && self.bytes.get(m) == Some(&b',') && self.digit_at(m + 1) {
                    let dend = self.digits_end(m + 1);
                    int_text.push_str(&g);
                    decimal_text = self.text[m + 1..dend].to_string();
                    grouped = true;
                    j = dend;
                }
            }
            if !groups.is_empty() {
                int_text.push_str(&groups);
                grouped = true;
                j = k;
            }
        }

        if decimal_text.is_empty() {
            if self.bytes.get(j) == Some(&b'.') && self.digit_at(j + 1) {
                let dend = self.digits_end(j + 1);
                if !grouped && self.bytes.get(dend) == Some(&b'.') && self.digit_at(dend + 1) {
                    // A dotted sequence (address, version): each part is an integer.
                    self.dotted = true;
                    let n = int_numeral(&int_text);
                    self.push(digits, int_end, TokKind::Number(n));
                    return int_end;
                }
                decimal_text = self.text[j + 1..dend].to_string();
                j = dend;
            } else if !grouped && self.bytes.get(j) == Some(&b',') && self.digit_at(j + 1) {
                // A decimal comma ("1,3", "5,00") only when one or two digits follow and
                // the number is not part of a comma-glued list ("22,24,26").
                let dend = self.digits_end(j + 1);
                let list_follows = self.bytes.get(dend) == Some(&b',') && self.digit_at(dend + 1);
                let in_list = self.comma_list
                    || (prev == Some(',')
                        && self
                            .char_before(start - 1)
                            .is_some_and(|c| c.is_ascii_digit()));
                if dend - (j + 1) <= 2 && !list_follows && !in_list {
                    decimal_text = self.text[j + 1..dend].to_string();
                    j = dend;
                } else {
                    self.comma_list = true;
                }
            }
        }
        if self.comma_list && prev != Some(',') {
            self.comma_list = self.bytes.get(j) == Some(&b',') && self.digit_at(j + 1);
        }

        let literal = if decimal_text.is_empty() {
            int_text.clone()
        } else {
            format!("{int_text}.{decimal_text}")
        };
        let mut value: f64 = literal.parse().unwrap_or(0.0);
        let simple = !grouped && decimal_text.is_empty();
        let mut plain_int = simple && !negative;
        let mut n = Numeral {
            value,
            plain_int,
            grouped,
            multiplier: None,
            ordinal: false,
            unit: None,
            fraction: false,
            negative,
            int_digits: int_text.len(),
            leading_zero: int_text.len() > 1 && int_text.starts_with('0'),
        };

        // Powers: "1e10", "12.32e+14", "1.3x10^6", "1.1^23", "2.5^-1".
        if let Some((exp_end, v)) = self.power(j, value) {
            value = v;
            j = exp_end;
            plain_int = false;
        }
        // A vulgar fraction glued to the digits ("2½").
        if let Some(c) = self.char_at(j) {
            if let Some(f) = vulgar_fraction(c) {
                value += f;
                j += c.len_utf8();
                plain_int = false;
                n.fraction = true;
            }
        }
        // A slash fraction "3/4" (the run check above already refused dates).
        if simple && self.bytes.get(j) == Some(&b'/') && self.digit_at(j + 1) {
            let dend = self.digits_end(j + 1);
            let den: f64 = self.text[j + 1..dend].parse().unwrap_or(0.0);
            if den > 0.0 {
                value /= den;
                j = dend;
                plain_int = false;
                n.fraction = true;
            }
        }

        // Suffix letters: ordinal, decade, multiplier, unit, or a code.
        let letters_end = self.letters_end(j);
        if letters_end > j {
            let suffix = &self.text[j..letters_end];
            let lower = suffix.to_lowercase();
            if plain_int && matches!(lower.as_str(), "st" | "nd" | "rd" | "th") {
                n.ordinal = true;
                j = letters_end;
            } else if lower == "s" && !n.fraction {
                // "1990s", "90s", "1,000s": a decade or a vague plural, not an amount.
                self.push(start, letters_end, TokKind::Skip);
                return letters_end;
            } else if plain_int
                && suffix == "G"
                && (2.0..=6.0).contains(&value)
                && n.int_digits == 1
            {
                // "5G" is a generation of mobile networks.
                self.push(start, letters_end, TokKind::Skip);
                return letters_end;
            } else if let Some(m) = lexicon::multiplier_suffix(suffix, false) {
                n.multiplier = Some(m);
                value *= m;
                j = letters_end;
                plain_int = false;
            } else if let Some(u) = lexicon::measure_unit(&lower) {
                n.unit = Some(u);
                j = letters_end;
            } else {
                // "9M723", "3D", "4x4": a code, not an amount.
                let end = self.alnum_end(j);
                self.push(start, end, TokKind::Skip);
                return end;
            }
        } else if !n.fraction {
            // A spaced multiplier: "2.33 k", "10 bln", "1,674.5 G".
            let mut k = j;
            while let Some(c) = self.char_at(k) {
                if c == ' ' || c == '\u{a0}' {
                    k += c.len_utf8();
                } else {
                    break;
                }
            }
            if k > j {
                let lend = self.letters_end(k);
                if lend > k
                    && !self.char_at(lend).is_some_and(|c| {
                        c == '.' && self.char_at(lend + 1).is_some_and(char::is_alphabetic)
                    })
                {
                    if let Some(m) = lexicon::multiplier_suffix(&self.text[k..lend], true) {
                        n.multiplier = Some(m);
                        value *= m;
                        j = lend;
                        plain_int = false;
                    }
                }
            }
        }

        if negative {
            value = -value;
        }
        n.value = value;
        n.plain_int = plain_int && !n.ordinal && n.unit.is_none();
        self.push(start, j, TokKind::Number(n));
        j
    }

    fn letters_end(&self, mut j: usize) -> usize {
        while let Some(c) = self.char_at(j) {
            if c.is_alphabetic() || c == '²' {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        j
    }

    /// Exactly `n` digits at `i` and no digit after them.
    fn group_of(&self, i: usize, n: usize) -> bool {
        (i..i + n).all(|k| self.digit_at(k)) && !self.digit_at(i + n)
    }

    fn followed_by_comma_digit(&self, i: usize) -> bool {
        self.bytes.get(i) == Some(&b',')
            && self.digit_at(i + 1)
            && self.digits_end(i + 1) - (i + 1) != 3
    }

    /// A run such as "5/17/2018", "2024-11-29", "1995-01", "222-2222-2222", "10:30", "1/2/3":
    /// returns where it ends when it is a date, time, phone number or code.
    fn structured(&self, i: usize) -> Option<usize> {
        let mut groups: Vec<(usize, usize)> = Vec::new();
        let mut seps: Vec<u8> = Vec::new();
        let mut j = i;
        loop {
            let e = self.digits_end(j);
            if e == j {
                break;
            }
            groups.push((j, e));
            match self.bytes.get(e) {
                Some(&s) if matches!(s, b'-' | b'/' | b':') && self.digit_at(e + 1) => {
                    seps.push(s);
                    j = e + 1;
                }
                _ => break,
            }
        }
        let (_, end) = *groups.last()?;
        if seps.is_empty() {
            return None;
        }
        let len = |g: (usize, usize)| g.1 - g.0;
        let val = |g: (usize, usize)| self.text[g.0..g.1].parse::<f64>().unwrap_or(0.0);
        // A comma or decimal point right after a group means the run is an amount
        // ("11,000-12,000"): only the colon form is checked there.
        if seps.contains(&b':') {
            // Times of day and scores written with a colon ("10:30", "14:00:05").
            return Some(end);
        }
        if seps.len() >= 2 {
            return Some(end);
        }
        let (a, b) = (groups[0], groups[1]);
        if seps[0] == b'/' {
            // A proper fraction with a usual denominator stays a number ("3/4", "1/10").
            let (na, nb) = (val(a), val(b));
            let usual = matches!(nb as u32, 2..=12 | 16 | 20 | 32 | 64 | 100 | 1000);
            let proper = na < nb && !self.text[b.0..b.1].starts_with('0');
            return if usual && proper && len(b) <= 4 {
                None
            } else {
                Some(end)
            };
        }
        // "1995-01", "2024-11": a year and a month; "2024-25": a season or fiscal year.
        let next = self.bytes.get(end).copied();
        let yearish = len(a) == 4 && (1000.0..=2100.0).contains(&val(a));
        if yearish && len(b) == 2 && next != Some(b',') && next != Some(b'.') {
            return Some(end);
        }
        if self.text[b.0..b.1].starts_with('0') && len(b) > 1 {
            return Some(end);
        }
        None
    }

    /// Reads an exponent or power after a mantissa.
    fn power(&self, j: usize, base: f64) -> Option<(usize, f64)> {
        let b = self.bytes;
        // Scientific: e/E, optional sign, digits, then no letter.
        if matches!(b.get(j), Some(b'e') | Some(b'E')) {
            let mut k = j + 1;
            let mut sign = 1.0;
            if matches!(b.get(k), Some(b'+') | Some(b'-')) {
                if b[k] == b'-' {
                    sign = -1.0;
                }
                k += 1;
            }
            let e = self.digits_end(k);
            if e > k && !self.char_at(e).is_some_and(char::is_alphabetic) {
                let exp: f64 = self.text[k..e].parse().ok()?;
                return Some((e, base * 10f64.powf(sign * exp)));
            }
        }
        // "x10^6", "×10^-4", "*10^3".
        for prefix in ["x10^", "×10^", "*10^", "X10^"] {
            if self.text[j..].starts_with(prefix) {
                let (e, exp) = self.signed_digits(j + prefix.len())?;
                return Some((e, base * 10f64.powf(exp)));
            }
        }
        if b.get(j) == Some(&b'^') {
            let (e, exp) = self.signed_digits(j + 1)?;
            return Some((e, base.powf(exp)));
        }
        None
    }

    /// Digits after any number of signs ("--23" is 23, "-1" is -1).
    fn signed_digits(&self, mut k: usize) -> Option<(usize, f64)> {
        let mut sign = 1.0;
        while let Some(&s) = self.bytes.get(k) {
            match s {
                b'-' => sign = -sign,
                b'+' => {}
                _ => break,
            }
            k += 1;
        }
        let e = self.digits_end(k);
        if e == k {
            return None;
        }
        let v: f64 = self.text[k..e].parse().ok()?;
        Some((e, sign * v))
    }
}

fn int_numeral(s: &str) -> Numeral {
    Numeral {
        value: s.parse().unwrap_or(0.0),
        plain_int: true,
        grouped: false,
        multiplier: None,
        ordinal: false,
        unit: None,
        fraction: false,
        negative: false,
        int_digits: s.len(),
        leading_zero: s.len() > 1 && s.starts_with('0'),
    }
}

fn fraction_numeral(v: f64, negative: bool) -> Numeral {
    Numeral {
        value: v,
        plain_int: false,
        grouped: false,
        multiplier: None,
        ordinal: false,
        unit: None,
        fraction: true,
        negative,
        int_digits: 0,
        leading_zero: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(text: &str) -> Vec<(String, f64)> {
        tokenize(text)
            .into_iter()
            .filter_map(|t| {
                t.numeral()
                    .map(|n| (text[t.start..t.end].to_string(), n.value))
            })
            .collect()
    }

    #[test]
    fn literals() {
        let rows: &[(&str, &[(&str, f64)])] = &[
            ("1,234,567", &[("1,234,567", 1_234_567.0)]),
            ("12,34,567.89", &[("12,34,567.89", 1_234_567.89)]),
            ("1 234 567", &[("1 234 567", 1_234_567.0)]),
            ("423 0000", &[("423", 423.0), ("0000", 0.0)]),
            (
                "192.168.1.2",
                &[("192", 192.0), ("168", 168.0), ("1", 1.0), ("2", 2.0)],
            ),
            ("1.5m", &[("1.5m", 1.5e6)]),
            ("5k", &[("5k", 5e3)]),
            ("1e10", &[("1e10", 1e10)]),
            ("-4/5", &[("-4/5", -0.8)]),
            ("1.111,11", &[("1.111,11", 1111.11)]),
            (
                "22,24,26,31.",
                &[("22", 22.0), ("24", 24.0), ("26", 26.0), ("31", 31.0)],
            ),
            ("10 bln", &[("10 bln", 1e10)]),
            ("10:30", &[]),
            ("5/17/2018", &[]),
            ("1995-01", &[]),
            ("Su-57", &[]),
            ("1990s", &[]),
            ("5G", &[]),
        ];
        for (text, want) in rows {
            let want: Vec<(String, f64)> = want.iter().map(|(s, v)| (s.to_string(), *v)).collect();
            assert_eq!(nums(text), want, "{text}");
        }
    }
}
