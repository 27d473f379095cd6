//! Word tables of English number language: cardinals, ordinals, scales, currencies, units and
//! the words that mark a date or a label instead of an amount.
//!
//! Every table is general news English; nothing here is keyed to a particular document.

/// What a number word contributes to a spoken number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum NumberWord {
    /// zero, nought, naught: only ever a number on its own or before "point".
    Zero,
    /// one … nine.
    Unit(f64),
    /// ten … nineteen.
    Teen(f64),
    /// twenty … ninety.
    Tens(f64),
    Hundred,
    /// thousand, million, … decillion, lakh, crore.
    Scale(f64),
    /// dozen and its abbreviations (multiplies the small number before it by twelve).
    Dozen,
    /// An ordinal word; `plural` for the fraction forms ("fifths").
    Ordinal {
        value: f64,
        plural: bool,
        class: OrdinalClass,
    },
    /// half / halves (a denominator of two).
    Half {
        plural: bool,
    },
    /// quarter / quarters (a denominator of four).
    Quarter {
        plural: bool,
    },
}

/// Which position an ordinal word takes in a compound ("twenty-first" = tens + unit ordinal).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OrdinalClass {
    /// first … ninth.
    Unit,
    /// tenth … nineteenth.
    Teen,
    /// twentieth … ninetieth.
    Tens,
    /// hundredth, thousandth, millionth …
    Scale,
}

const UNITS: [&str; 9] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];
const TEENS: [&str; 10] = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const UNIT_ORD: [&str; 9] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
];
const TEEN_ORD: [&str; 10] = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS_ORD: [&str; 8] = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];
const SCALES: [(&str, f64); 14] = [
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("quadrillion", 1e15),
    ("quintillion", 1e18),
    ("sextillion", 1e21),
    ("septillion", 1e24),
    ("octillion", 1e27),
    ("nonillion", 1e30),
    ("decillion", 1e33),
    ("lakh", 1e5),
    ("crore", 1e7),
    ("bn", 1e9),
];

/// The number meaning of a lower-cased word, if it has one.
pub(crate) fn number_word(w: &str) -> Option<NumberWord> {
    if matches!(w, "zero" | "nought" | "naught") {
        return Some(NumberWord::Zero);
    }
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return Some(NumberWord::Unit(i as f64 + 1.0));
    }
    if let Some(i) = TEENS.iter().position(|u| *u == w) {
        return Some(NumberWord::Teen(i as f64 + 10.0));
    }
    if let Some(i) = TENS.iter().position(|u| *u == w) {
        return Some(NumberWord::Tens(i as f64 * 10.0 + 20.0));
    }
    if w == "hundred" {
        return Some(NumberWord::Hundred);
    }
    if let Some((_, v)) = SCALES.iter().find(|(s, _)| *s == w) {
        return Some(NumberWord::Scale(*v));
    }
    // Indian scales are commonly written in the plural after a number ("13 lakhs").
    if matches!(w, "lakhs" | "crores") {
        return Some(NumberWord::Scale(if w == "lakhs" { 1e5 } else { 1e7 }));
    }
    if matches!(w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs") {
        return Some(NumberWord::Dozen);
    }
    match w {
        "half" => return Some(NumberWord::Half { plural: false }),
        "halves" => return Some(NumberWord::Half { plural: true }),
        "quarter" => return Some(NumberWord::Quarter { plural: false }),
        "quarters" => return Some(NumberWord::Quarter { plural: true }),
        _ => {}
    }
    ordinal_word(w)
}

fn ordinal_word(w: &str) -> Option<NumberWord> {
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) if !s.is_empty() => (s, true),
        _ => (w, false),
    };
    let found = |table: &[&str], base: f64, step: f64, class| {
        table
            .iter()
            .position(|o| *o == stem)
            .map(|i| NumberWord::Ordinal {
                value: base + step * i as f64,
                plural,
                class,
            })
    };
    found(&UNIT_ORD, 1.0, 1.0, OrdinalClass::Unit)
        .or_else(|| found(&TEEN_ORD, 10.0, 1.0, OrdinalClass::Teen))
        .or_else(|| found(&TENS_ORD, 20.0, 10.0, OrdinalClass::Tens))
        .or_else(|| {
            let v = match stem {
                "hundredth" => 1e2,
                "thousandth" => 1e3,
                "millionth" => 1e6,
                "billionth" => 1e9,
                "trillionth" => 1e12,
                _ => return None,
            };
            Some(NumberWord::Ordinal {
                value: v,
                plural,
                class: OrdinalClass::Scale,
            })
        })
}

/// Plural order-of-magnitude words ("thousands") and the size they stand for.
pub(crate) fn magnitude_word(w: &str) -> Option<f64> {
    Some(match w {
        "tens" => 10.0,
        "dozens" => 12.0,
        "hundreds" => 1e2,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        "trillions" => 1e12,
        _ => return None,
    })
}

/// A multiplier written right after digits ("5k", "1.5m", "2bn", "10 mln").
/// `spaced` says whether a space separated it from the digits; only unambiguous suffixes
/// may be spaced ("5 m" is five metres, "5m" is five million in news copy).
pub(crate) fn multiplier_suffix(s: &str, spaced: bool) -> Option<f64> {
    let v = match s {
        "k" | "K" => 1e3,
        "M" | "MM" | "mln" | "mn" | "mil" => 1e6,
        "G" | "bn" | "bln" | "B" => 1e9,
        "tn" | "tln" | "trn" => 1e12,
        "m" | "b" | "T" if !spaced => match s {
            "m" => 1e6,
            "b" => 1e9,
            _ => 1e12,
        },
        _ => return None,
    };
    if spaced && matches!(s, "B" | "mil") {
        return None;
    }
    Some(v)
}

/// A unit of measure written after a number, as its canonical symbol.
pub(crate) fn measure_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer" | "kms" => "km",
        "mi" | "miles" | "mile" => "mi",
        "metres" | "meters" | "metre" | "meter" => "m",
        "cm" | "centimetres" | "centimeters" => "cm",
        "mm" | "millimetres" | "millimeters" => "mm",
        "kg" | "kgs" | "kilograms" | "kilogrammes" | "kilogram" | "kilos" => "kg",
        "tonnes" | "tonne" | "tons" | "ton" => "t",
        // "£" marks money in British copy; "pounds" after a bare number is almost always weight.
        "lb" | "lbs" | "pounds" | "pound" => "lb",
        "litres" | "liters" | "litre" | "liter" => "l",
        "ml" => "ml",
        "barrels" | "barrel" | "bbl" => "bbl",
        "bpd" => "bbl/day",
        "hectares" | "hectare" | "ha" => "ha",
        "acres" | "acre" => "acre",
        "km²" | "km2" => "km2",
        "mph" => "mph",
        "kph" | "kmh" => "km/h",
        "knots" => "kn",
        "mw" | "megawatts" => "MW",
        "gw" | "gigawatts" => "GW",
        "kw" | "kilowatts" => "kW",
        "kwh" => "kWh",
        "gwh" => "GWh",
        "twh" => "TWh",
        "feet" | "foot" | "ft" => "ft",
        "inches" => "in",
        "yards" => "yd",
        "°c" => "°C",
        "°f" => "°F",
        _ => return None,
    })
}

/// A currency symbol or code written before a number, as an ISO code.
pub(crate) fn currency_prefix(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" | "US$" | "USD" | "dlrs" | "Dlrs" => "USD",
        "C$" | "CA$" | "CAD" => "CAD",
        "A$" | "AU$" | "AUD" => "AUD",
        "HK$" | "HKD" => "HKD",
        "NZ$" | "NZD" => "NZD",
        "S$" | "SGD" => "SGD",
        "R$" | "BRL" => "BRL",
        "€" | "EUR" => "EUR",
        "£" | "GBP" => "GBP",
        "¥" | "JPY" => "JPY",
        "CNY" | "RMB" => "CNY",
        "₹" | "INR" | "Rs" => "INR",
        "₽" | "RUB" => "RUB",
        "₩" | "KRW" => "KRW",
        "₴" | "UAH" => "UAH",
        "₺" | "TRY" => "TRY",
        "CHF" => "CHF",
        _ => return None,
    })
}

/// A currency written after a number ("2.5 billion dollars"), as an ISO code.
pub(crate) fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollars" | "dollar" | "usd" => "USD",
        "euros" | "euro" | "eur" => "EUR",
        "gbp" | "sterling" => "GBP",
        "yen" | "jpy" => "JPY",
        "yuan" | "renminbi" | "cny" => "CNY",
        "rubles" | "roubles" | "ruble" | "rouble" | "rub" => "RUB",
        "rupees" | "rupee" | "inr" => "INR",
        "hryvnias" | "hryvnia" | "hryvnas" | "uah" => "UAH",
        "francs" | "chf" => "CHF",
        "pence" => "GBP pence",
        _ => return None,
    })
}

/// The unit of time a rate is per ("per day" → "day").
pub(crate) fn rate_period(w: &str) -> Option<&'static str> {
    Some(match w {
        "day" => "day",
        "week" => "week",
        "month" => "month",
        "year" | "annum" => "year",
        "hour" => "hour",
        "minute" => "minute",
        "second" => "second",
        _ => return None,
    })
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Month names and their abbreviations (matched only when capitalized in the text).
pub(crate) fn is_month(w: &str) -> bool {
    MONTHS.contains(&w)
}

const YEAR_CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "of",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "circa",
    "year",
    "years",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "through",
    "throughout",
    "to",
    "between",
    "and",
    "or",
    "fiscal",
    "fy",
    "season",
    "election",
    "census",
    "budget",
    "c",
    "ca",
    "around",
    "for",
    "as",
];

/// Words after which a plain four-digit year-like number is a year ("in 2024", "since 1991").
pub(crate) fn is_year_cue(w: &str) -> bool {
    YEAR_CUES.contains(&w) || is_month(w)
}

const LABEL_WORDS: &[&str] = &[
    "article",
    "articles",
    "art",
    "section",
    "sections",
    "sec",
    "chapter",
    "chapters",
    "clause",
    "clauses",
    "paragraph",
    "paragraphs",
    "para",
    "resolution",
    "resolutions",
    "rule",
    "page",
    "pages",
    "pp",
    "figure",
    "fig",
    "table",
    "annex",
    "appendix",
    "part",
    "item",
    "amendment",
    "protocol",
    "volume",
    "vol",
    "episode",
    "route",
    "highway",
    "flight",
    "room",
    "gate",
    "platform",
    "verse",
    "psalm",
    "decree",
    "directive",
    "regulation",
    "bus",
    "channel",
    "apartment",
    "building",
    "block",
    "division",
    "district",
    "ward",
    "précis",
    "session",
    "summit",
];

/// Labels whose number names a thing instead of counting it ("Article 51", "Resolution 2231").
pub(crate) fn is_label_word(w: &str) -> bool {
    LABEL_WORDS.contains(&w)
}

const PRONOUN_ONE_CUES: &[&str] = &[
    "the",
    "this",
    "that",
    "which",
    "each",
    "every",
    "any",
    "no",
    "another",
    "whichever",
    "someone",
    "little",
    "big",
    "new",
    "old",
    "only",
    "last",
    "right",
    "wrong",
    "same",
    "other",
    "such",
];

/// Determiners after which "one" is a pronoun ("the one who", "that one").
pub(crate) fn is_pronoun_one_cue(w: &str) -> bool {
    PRONOUN_ONE_CUES.contains(&w)
}

/// Words that make a following ordinal a rank ("the third", "its 10th").
pub(crate) fn is_ordinal_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "its" | "his" | "her" | "their" | "our" | "my" | "your" | "whose"
    )
}

const CHANGE_VERBS: &[&str] = &[
    "eased",
    "skidded",
    "slipped",
    "gained",
    "lost",
    "added",
    "shed",
    "rallied",
    "tumbled",
    "slid",
    "sank",
    "advanced",
    "retreated",
    "edged",
    "inched",
    "firmed",
    "weakened",
    "rebounded",
    "recovered",
    "widened",
    "narrowed",
    "trimmed",
    "swelled",
    "dipped",
    "leapt",
    "leaped",
    "rocketed",
    "slumped",
    "crashed",
    "off",
    "spiked",
    "raising",
    "cutting",
    "lowering",
    "reducing",
    "rose",
    "risen",
    "rise",
    "rises",
    "rising",
    "fell",
    "fallen",
    "fall",
    "falls",
    "falling",
    "increased",
    "increase",
    "increases",
    "increasing",
    "decreased",
    "decrease",
    "decreases",
    "grew",
    "grown",
    "grow",
    "grows",
    "growing",
    "climbed",
    "climb",
    "climbs",
    "jumped",
    "jump",
    "jumps",
    "dropped",
    "drop",
    "drops",
    "declined",
    "decline",
    "declines",
    "surged",
    "soared",
    "plunged",
    "plummeted",
    "raised",
    "raise",
    "cut",
    "cuts",
    "reduced",
    "reduce",
    "doubled",
    "tripled",
    "expanded",
    "shrank",
    "slashed",
    "boosted",
    "lowered",
    "revised",
    "up",
    "down",
    "went",
    "changed",
    "moved",
];

/// Verbs of change: "rose from 200 to 300" states two values, not a range.
pub(crate) fn is_change_verb(w: &str) -> bool {
    CHANGE_VERBS.contains(&w)
}

const TIME_UNITS: &[&str] = &[
    "seconds",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "decades",
    "centuries",
    "nights",
    "weekends",
    "quarters",
    "sessions",
    "rounds",
];

/// Plural units of time ("over three years" is a duration).
pub(crate) fn is_time_unit(w: &str) -> bool {
    TIME_UNITS.contains(&w)
}
