//! Named entities in a document: people with their offices, organisations, countries and places.
//!
//! Recognition works on tokens, sentence by sentence, in three steps:
//! 1. gazetteer matches, longest first (organisations, places, countries and their adjectives,
//!    well-known people, office titles such as "Defense Minister");
//! 2. runs of capitalized words that the gazetteer did not claim become people only with
//!    evidence: an office right before them ("Defense Minister Nur Gwangtie"), an office in
//!    apposition after them ("Zelensky, the President of Ukraine"), the shape of a Korean name
//!    ("Kim Jong un", with its lower-case last syllable), or a reporting verb right after them
//!    ("Nuguang Tieze responded");
//! 3. a single capitalized word that is the surname (or, for Korean names, the family name) of
//!    exactly one person already named in the document refers back to that person.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

use claims_model::{EntityKind, EntityMention, Role, Span};
use claims_normalize::Gazetteer;

use crate::tokens::{is_possessive, tokenize, Token};

/// Capitalized words that are never (part of) a name on their own.
static NOT_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "a",
        "an",
        "the",
        "in",
        "on",
        "at",
        "of",
        "for",
        "from",
        "to",
        "by",
        "with",
        "as",
        "and",
        "but",
        "or",
        "if",
        "when",
        "while",
        "during",
        "after",
        "before",
        "since",
        "despite",
        "although",
        "though",
        "because",
        "meanwhile",
        "however",
        "moreover",
        "furthermore",
        "therefore",
        "thus",
        "also",
        "both",
        "either",
        "neither",
        "nor",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "there",
        "here",
        "who",
        "what",
        "which",
        "where",
        "why",
        "how",
        "all",
        "some",
        "many",
        "most",
        "several",
        "such",
        "each",
        "every",
        "other",
        "another",
        "only",
        "just",
        "even",
        "still",
        "yet",
        "now",
        "then",
        "today",
        "yesterday",
        "tomorrow",
        "recently",
        "currently",
        "especially",
        "interestingly",
        "among",
        "following",
        "according",
        "reports",
        "report",
        "read",
        "leave",
        "comment",
        "subscribe",
        "continue",
        "discover",
        "conclusion",
        "created",
        "photo",
        "file",
        "update",
        "updated",
        "breaking",
        "news",
        "analysis",
        "opinion",
        "editorial",
        "exclusive",
        "watch",
        "video",
        "live",
        "more",
        "less",
        "no",
        "not",
        "yes",
        "so",
        "than",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "above",
        "below",
        "between",
        "through",
        "within",
        "without",
        "against",
        "toward",
        "towards",
        "upon",
        "via",
        "per",
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
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "madam",
        "western",
        "eastern",
        "northern",
        "southern",
        "west",
        "east",
        "north",
        "south",
        "central",
        "state",
        "states",
        "minister",
        "ministry",
        "president",
        "leader",
        "general",
        "secretary",
        "chairman",
        "council",
        "party",
        "government",
        "army",
        "military",
        "forces",
        "force",
        "troops",
        "war",
        "phase",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "first",
        "second",
        "third",
        "last",
        "next",
        "new",
        "old",
        "high",
        "highest",
        "major",
        "chief",
        "deputy",
        "vice",
        "former",
        "acting",
        "senior",
        "top",
        "supreme",
        "prime",
        "officials",
        "official",
        "security",
        "defense",
        "defence",
        "foreign",
        "economic",
        "political",
        "politics",
        "geopolitical",
        "strategic",
        "international",
        "global",
        "national",
        "regional",
        "treaty",
        "article",
        "charter",
        "agreement",
        "pact",
        "deal",
        "cooperation",
        "relations",
        "relationship",
        "relationships",
        "alliance",
        "ties",
        "benefits",
        "concerns",
        "implications",
        "context",
        "impact",
        "quality",
        "violation",
        "escalation",
        "humanitarian",
        "bolstering",
        "rising",
        "historic",
        "broader",
        "military",
        "expansion",
        "meeting",
        "visit",
        "summit",
        "talks",
        "here’s",
        "here's",
        "it’s",
        "it's",
        "let’s",
        "let's",
        "nato",
        "un",
        "eu",
        "ap",
        "afp",
        "reuters",
        "ai",
        "ceo",
        "icbm",
        "gdp",
    ]
    .into_iter()
    .collect()
});

/// Verbs that, right after an unknown capitalized pair, show it is a person speaking or acting.
static PERSON_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "said",
        "says",
        "stated",
        "states",
        "told",
        "tells",
        "responded",
        "replied",
        "added",
        "noted",
        "warned",
        "emphasized",
        "emphasised",
        "stressed",
        "asserted",
        "announced",
        "declared",
        "praised",
        "accused",
        "urged",
        "highlighted",
        "argued",
        "claimed",
        "insisted",
        "explained",
        "wrote",
        "met",
        "meets",
        "visited",
        "visits",
        "arrived",
        "expressed",
        "pledged",
        "vowed",
        "confirmed",
        "denied",
        "acknowledged",
        "admitted",
        "remarked",
        "commented",
        "thanked",
        "welcomed",
        "called",
        "criticized",
        "criticised",
        "lauded",
    ]
    .into_iter()
    .collect()
});

/// Romanized Korean syllables that are also common English words: written in lower case after a
/// name, they are English ("Chang Hee-cheol in Seoul").
const ENGLISH_SYLLABLES: &[&str] = &[
    "in", "an", "so", "do", "no", "go", "on", "to", "he", "ha", "me", "ma", "ye", "yo", "bo", "be",
    "hi", "sin", "son", "man", "pan", "ban", "gun", "sun", "hang", "ho",
];

/// Lower-case words that may end a place name ("Kursk region", "Donetsk oblast").
const PLACE_SUFFIXES: &[&str] = &[
    "region",
    "oblast",
    "province",
    "city",
    "district",
    "county",
    "area",
    "peninsula",
];

/// Lower-case institution nouns that, after a country adjective or possessive, name an
/// organisation ("the Russian parliament", "Ukraine's military intelligence").
const INSTITUTIONS: &[&str] = &[
    "military intelligence",
    "intelligence agency",
    "intelligence service",
    "intelligence",
    "defense ministry",
    "defence ministry",
    "foreign ministry",
    "parliament",
    "government",
    "general staff",
    "armed forces",
    "army",
    "navy",
    "air force",
    "state media",
    "news agency",
    "security service",
    "border guard",
    "embassy",
    "cabinet",
    "legislature",
    "military",
];

/// What a stretch of tokens was recognized as.
#[derive(Clone, Debug)]
enum Item {
    Country {
        name: String,
    },
    Place {
        name: String,
    },
    Org {
        name: String,
    },
    Person,
    /// An office, with the country when the title names it ("North Korean Defense Minister").
    Office {
        office: String,
        country: Option<String>,
    },
}

#[derive(Clone, Debug)]
struct Match {
    first: usize,
    /// One past the last token.
    last: usize,
    item: Item,
}

/// A person candidate before document-level back references are resolved.
#[derive(Clone, Debug)]
struct PersonCandidate {
    span: Span,
    text: String,
    tokens: Vec<String>,
    role: Option<Role>,
    /// Known to be a person on its own evidence (title, gazetteer, Korean shape, verb).
    certain: bool,
}

/// Finds every entity mention in the body of a document, sorted by start.
pub fn find_entities(text: &str, sentences: &[Span]) -> Vec<EntityMention> {
    let toks: Vec<Vec<Token>> = sentences
        .iter()
        .map(|s| tokenize(text, s.start(), s.end()))
        .collect();
    find_entities_in(text, &toks)
}

/// [`find_entities`] over sentences already tokenized (`tokenize(text, s.start(), s.end())` of
/// each sentence, in order), so that a caller who needs the tokens too splits the text once.
pub fn find_entities_in(text: &str, sentence_tokens: &[Vec<Token>]) -> Vec<EntityMention> {
    let gaz = Gazetteer::builtin();
    let mut out = Vec::new();
    let mut people = Vec::new();
    // Names recur in a document: each distinct candidate phrase is looked up once.
    let mut seen = Seen::default();
    for toks in sentence_tokens {
        let matches = gazetteer_matches(gaz, text, toks, &mut seen);
        collect_non_people(text, toks, &matches, &mut out);
        people.extend(person_candidates(gaz, text, toks, &matches));
    }
    resolve_people(people, &mut out);
    out.sort_by_key(|m| (m.span.start(), m.span.end()));
    out
}

fn slice<'a>(text: &'a str, toks: &[Token], first: usize, last: usize) -> &'a str {
    &text[toks[first].start..toks[last - 1].end]
}

/// What the gazetteer said of the phrases of one document so far: each distinct phrase is
/// looked up once.
#[derive(Default)]
struct Seen<'t> {
    /// [`classify_capitalized`] of a candidate phrase (and whether a possessive followed).
    classified: HashMap<(&'t str, bool), Option<Item>>,
    /// [`Gazetteer::role`] of a phrase that may be a title.
    roles: HashMap<&'t str, Option<Role>>,
}

/// Longest gazetteer match at each token, left to right, never overlapping.
fn gazetteer_matches<'t>(
    gaz: &Gazetteer,
    text: &'t str,
    toks: &[Token],
    seen: &mut Seen<'t>,
) -> Vec<Match> {
    let mut out = Vec::new();
    // Whether each token can end a title, asked once per token rather than per candidate span.
    let may_end: Vec<bool> = toks
        .iter()
        .map(|t| t.is_word() && gaz.may_end_office(t.text))
        .collect();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.is_word() {
            i += 1;
            continue;
        }
        let mut found = None;
        // Offices first, so that a title never becomes part of a name ("Defense Minister
        // Belousov" is an office and then a person).
        for j in (i + 1..=(i + 5).min(toks.len())).rev() {
            if !toks[j - 1].is_word() {
                continue;
            }
            // A title ends with an office word, or with "of <country>" after one.
            let ends_office = may_end[j - 1]
                || (j >= i + 3 && toks[j - 2].is("of") && may_end[j - 3])
                || (j >= i + 4 && toks[j - 2].is("the") && toks[j - 3].is("of") && may_end[j - 4]);
            if !ends_office {
                continue;
            }
            let phrase = slice(text, toks, i, j);
            let role = seen
                .roles
                .entry(phrase)
                .or_insert_with(|| gaz.role(phrase))
                .clone();
            if let Some(role) = role {
                let item = Item::Office {
                    office: role.office,
                    country: role.country,
                };
                found = Some(Match {
                    first: i,
                    last: j,
                    item,
                });
                break;
            }
        }
        if let Some(m) = found {
            i = m.last;
            out.push(m);
            continue;
        }
        if !t.is_capitalized() {
            i += 1;
            continue;
        }
        // A name runs over capitalized words, connectors ("of", "the"), possessive marks and
        // place suffixes only: "Workers’ Party of Korea", "Russia's Kursk region".
        let mut max = i + 1;
        while max < toks.len() && max < i + 7 {
            let n = &toks[max];
            let allowed = (n.is_word() && n.is_capitalized())
                || is_possessive(n)
                || matches!(
                    n.lower_cow().as_ref(),
                    "of" | "the" | "and" | "for" | "on" | "de" | "al"
                )
                || PLACE_SUFFIXES.contains(&n.lower_cow().as_ref());
            if !allowed {
                break;
            }
            max += 1;
        }
        for j in (i + 1..=max).rev() {
            let last = &toks[j - 1];
            let last_ok = last.is_capitalized()
                || PLACE_SUFFIXES.contains(&last.lower_cow().as_ref())
                || (!t.is_capitalized() && last.is_word());
            if !last_ok || !last.is_word() {
                continue;
            }
            let cand = slice(text, toks, i, j);
            if t.is_capitalized() {
                let next = toks.get(j);
                let key = (cand, next.is_some_and(is_possessive));
                let item = match seen.classified.get(&key) {
                    Some(known) => known.clone(),
                    None => {
                        let item = classify_capitalized(gaz, cand, next);
                        seen.classified.insert(key, item.clone());
                        item
                    }
                };
                if let Some(item) = item {
                    found = Some(Match {
                        first: i,
                        last: j,
                        item,
                    });
                    break;
                }
            }
        }
        match found {
            Some(m) => {
                i = m.last;
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

fn classify_capitalized(gaz: &Gazetteer, cand: &str, next: Option<&Token>) -> Option<Item> {
    let possessive_next = next.is_some_and(is_possessive);
    if let Some(org) = gaz.organization(cand) {
        return Some(Item::Org {
            name: org.name.clone(),
        });
    }
    if let Some(place) = gaz.place(cand) {
        // A capital followed by a possessive stands for its government: "Pyongyang's commitment".
        if possessive_next {
            if let Some(country) = gaz.country(cand) {
                return Some(Item::Country {
                    name: country.to_string(),
                });
            }
        }
        if place.within.is_empty() {
            return Some(Item::Country {
                name: place.name.clone(),
            });
        }
        return Some(Item::Place {
            name: place.name.clone(),
        });
    }
    if let Some(country) = gaz.country(cand) {
        return Some(Item::Country {
            name: country.to_string(),
        });
    }
    if !NOT_NAMES.contains(cand.to_lowercase().as_str()) && gaz.person(cand).is_some() {
        return Some(Item::Person);
    }
    None
}

fn collect_non_people(text: &str, toks: &[Token], matches: &[Match], out: &mut Vec<EntityMention>) {
    for (k, m) in matches.iter().enumerate() {
        let span = Span::covering(toks[m.first].start, toks[m.last - 1].end);
        let surface = text[span.start()..span.end()].to_string();
        match &m.item {
            Item::Country { name } | Item::Place { name } => {
                // "the Russian parliament", "Ukraine's military intelligence": an institution.
                if let Some((inst, end)) = institution_after(text, toks, m.last) {
                    let span = Span::covering(toks[m.first].start, end);
                    out.push(EntityMention {
                        span,
                        text: text[span.start()..span.end()].to_string(),
                        kind: EntityKind::Organization,
                        name: format!("{inst} of {name}"),
                        role: None,
                    });
                }
                let _ = k;
                out.push(EntityMention {
                    span,
                    text: surface,
                    kind: EntityKind::Place,
                    name: name.clone(),
                    role: None,
                });
            }
            Item::Org { name } => out.push(EntityMention {
                span,
                text: surface,
                kind: EntityKind::Organization,
                name: name.clone(),
                role: None,
            }),
            // "North Korean Defense Minister", "President of Ukraine": the country word is a
            // mention of the country.
            Item::Office {
                country: Some(country),
                ..
            } => {
                if let Some((a, b)) = country_words(text, toks, m.first, m.last) {
                    let span = Span::covering(toks[a].start, toks[b - 1].end);
                    out.push(EntityMention {
                        span,
                        text: text[span.start()..span.end()].to_string(),
                        kind: EntityKind::Place,
                        name: country.clone(),
                        role: None,
                    });
                }
            }
            Item::Person | Item::Office { .. } => {}
        }
    }
}

/// The tokens `[a, b)` inside an office title `[first, last)` that name its country: a leading
/// country word ("North Korean …", "Russia's …") or a trailing "of <country>".
fn country_words(text: &str, toks: &[Token], first: usize, last: usize) -> Option<(usize, usize)> {
    let gaz = Gazetteer::builtin();
    let a = if toks[first].is("the") {
        first + 1
    } else {
        first
    };
    let lead = (a + 1..last)
        .rev()
        .filter(|&e| !is_possessive(&toks[e - 1]))
        .find(|&e| gaz.country(slice(text, toks, a, e)).is_some());
    if let Some(e) = lead {
        return Some((a, e));
    }
    let of = (first..last)
        .rposition(|k| toks[k].is("of"))
        .map(|p| first + p)?;
    let b = if toks.get(of + 1).is_some_and(|t| t.is("the")) {
        of + 2
    } else {
        of + 1
    };
    (b < last && gaz.country(slice(text, toks, b, last)).is_some()).then_some((b, last))
}

/// An institution noun phrase right after token `at` (skipping a possessive): its name and end.
fn institution_after(text: &str, toks: &[Token], at: usize) -> Option<(&'static str, usize)> {
    let mut k = at;
    if toks.get(k).is_some_and(is_possessive) {
        k += 1;
    }
    let rest_start = toks.get(k)?.start;
    let rest = &text[rest_start..];
    for inst in INSTITUTIONS {
        if rest
            .get(..inst.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(inst))
        {
            let after = rest[inst.len()..].chars().next();
            if after.is_none_or(|c| !c.is_alphanumeric()) {
                // "Russian military" followed by a noun is an adjective ("Russian military
                // delegation"), not an institution.
                let next_word = rest[inst.len()..]
                    .trim_start()
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                let followed_by_noun = !next_word.is_empty()
                    && next_word.chars().next().is_some_and(char::is_lowercase)
                    && !matches!(
                        next_word,
                        "and"
                            | "or"
                            | "in"
                            | "on"
                            | "to"
                            | "of"
                            | "has"
                            | "have"
                            | "had"
                            | "is"
                            | "was"
                            | "were"
                            | "are"
                            | "said"
                            | "says"
                            | "reported"
                            | "reports"
                            | "estimates"
                            | "estimated"
                            | "confirmed"
                            | "ratified"
                            | "approved"
                            | "voted"
                            | "announced"
                            | "claims"
                            | "claimed"
                            | "stated"
                    );
                if followed_by_noun {
                    return None;
                }
                return Some((inst, rest_start + inst.len()));
            }
        }
    }
    None
}

fn match_at(matches: &[Match], token: usize) -> Option<&Match> {
    matches.iter().find(|m| m.first <= token && token < m.last)
}

fn is_name_word(t: &Token) -> bool {
    t.is_capitalized()
        && t.is_word()
        && !t.text.chars().any(|c| c.is_ascii_digit())
        && !NOT_NAMES.contains(t.lower_cow().as_ref())
        && !(t.text.len() > 1 && t.text.chars().all(|c| c.is_uppercase() || c == '.'))
}

/// People in one sentence, from the gazetteer and from capitalized runs with evidence.
fn person_candidates(
    gaz: &Gazetteer,
    text: &str,
    toks: &[Token],
    matches: &[Match],
) -> Vec<PersonCandidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // A gazetteer person.
        if let Some(m) = matches.iter().find(|m| m.first == i) {
            if matches!(m.item, Item::Person) {
                out.push(make_candidate(text, toks, matches, m.first, m.last, true));
            }
            i = m.last;
            continue;
        }
        let t = &toks[i];
        if !is_name_word(t) {
            i += 1;
            continue;
        }
        // A Korean name: family name + one or two syllables (any case, hyphenated or not).
        if gaz.is_korean_surname(t.text) {
            let mut j = i + 1;
            while j < toks.len()
                && j < i + 3
                && match_at(matches, j).is_none()
                && is_korean_given(gaz, toks[j].text)
                // A lower-case syllable that is also an English word ("in Seoul") ends the name.
                && !(toks[j].text.chars().next().is_some_and(char::is_lowercase)
                    && ENGLISH_SYLLABLES.contains(&toks[j].text))
            {
                j += 1;
                // A hyphenated given name ("Hee-cheol") is the whole given name.
                if toks[j - 1].text.contains('-') {
                    break;
                }
            }
            if j > i + 1 && (j - i == 3 || toks[j - 1].text.contains('-')) {
                out.push(make_candidate(text, toks, matches, i, j, true));
                i = j;
                continue;
            }
        }
        // A run of capitalized name words.
        let mut j = i;
        while j < toks.len()
            && j < i + 4
            && match_at(matches, j).is_none()
            && is_name_word(&toks[j])
        {
            j += 1;
        }
        let titled = office_before(matches, toks, i).is_some()
            || appositive_office(toks, matches, j).is_some();
        let verb_after = toks
            .get(j)
            .is_some_and(|n| PERSON_VERBS.contains(n.lower_cow().as_ref()));
        let certain = titled || (j - i >= 2 && verb_after);
        out.push(make_candidate(text, toks, matches, i, j, certain));
        i = j;
    }
    out
}

fn is_korean_given(gaz: &Gazetteer, word: &str) -> bool {
    word.split('-')
        .all(|part| !part.is_empty() && gaz.is_korean_syllable(part))
}

/// The office right before token `i` (an office, optionally after a country): "Russian Defense
/// Minister", "North Korea's foreign minister", "leader".
fn office_before(matches: &[Match], toks: &[Token], i: usize) -> Option<Role> {
    let m = matches.iter().find(|m| m.last == i)?;
    let Item::Office {
        office,
        country: titled,
    } = &m.item
    else {
        return None;
    };
    let mut country = titled.clone();
    let mut k = m.first;
    if k > 0 && is_possessive(&toks[k - 1]) {
        k -= 1;
    }
    if let Some(c) = matches.iter().find(|c| c.last == k) {
        if let Item::Country { name } = &c.item {
            country = country.or_else(|| Some(name.clone()));
        }
    }
    Some(Role {
        office: office.clone(),
        country,
    })
}

/// ", (the) [Country] Office (of Country)" right after a name ending at token `j`.
fn appositive_office(toks: &[Token], matches: &[Match], j: usize) -> Option<Role> {
    if toks.get(j)?.text != "," {
        return None;
    }
    let mut k = j + 1;
    if toks.get(k).is_some_and(|t| t.is("the")) {
        k += 1;
    }
    let mut country = None;
    if let Some(m) = matches.iter().find(|m| m.first == k) {
        if let Item::Country { name } = &m.item {
            country = Some(name.clone());
            k = m.last;
            if toks.get(k).is_some_and(is_possessive) {
                k += 1;
            }
        }
    }
    let m = matches
        .iter()
        .find(|m| m.first == k || (m.first + 1 == k && toks[m.first].is("the")))?;
    let Item::Office {
        office,
        country: titled,
    } = &m.item
    else {
        return None;
    };
    country = country.or_else(|| titled.clone());
    if country.is_none() && toks.get(m.last).is_some_and(|t| t.is("of")) {
        let mut k2 = m.last + 1;
        if toks.get(k2).is_some_and(|t| t.is("the")) {
            k2 += 1;
        }
        if let Some(c) = matches.iter().find(|c| c.first == k2) {
            if let Item::Country { name } = &c.item {
                country = Some(name.clone());
            }
        }
    }
    Some(Role {
        office: office.clone(),
        country,
    })
}

fn make_candidate(
    text: &str,
    toks: &[Token],
    matches: &[Match],
    i: usize,
    j: usize,
    certain: bool,
) -> PersonCandidate {
    let span = Span::covering(toks[i].start, toks[j - 1].end);
    let role = office_before(matches, toks, i).or_else(|| appositive_office(toks, matches, j));
    PersonCandidate {
        span,
        text: text[span.start()..span.end()].to_string(),
        tokens: toks[i..j].iter().map(|t| t.text.to_string()).collect(),
        role,
        certain,
    }
}

/// Normalized form used to compare names inside one document.
fn fold(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Keeps certain people, and uncertain single words that refer back to exactly one certain
/// person of the document by surname or Korean family name.
fn resolve_people(people: Vec<PersonCandidate>, out: &mut Vec<EntityMention>) {
    let gaz = Gazetteer::builtin();
    // Full names (two words or more) seen with evidence, by folded form, with the most common
    // spelling as the display name.
    let mut full: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut singles: HashSet<String> = HashSet::new();
    for p in &people {
        if !p.certain {
            continue;
        }
        if p.tokens.len() >= 2 {
            *full
                .entry(fold(&p.text))
                .or_default()
                .entry(p.text.clone())
                .or_default() += 1;
        } else {
            singles.insert(fold(&p.text));
        }
    }
    let display = |forms: &BTreeMap<String, usize>| -> String {
        forms
            .iter()
            .max_by_key(|(f, n)| (**n, f.chars().filter(|c| c.is_uppercase()).count()))
            .map(|(f, _)| f.clone())
            .unwrap_or_default()
    };
    // The first and last word of each full name, so that a single word finds the full names it
    // may refer back to without splitting every full name again (documents name hundreds).
    let mut by_last: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut by_first: HashMap<&str, Vec<&str>> = HashMap::new();
    for f in full.keys() {
        if let (Some(first), Some(last)) = (f.split(' ').next(), f.rsplit(' ').next()) {
            by_first.entry(first).or_default().push(f);
            by_last.entry(last).or_default().push(f);
        }
    }
    for p in people {
        let folded = fold(&p.text);
        let name = if p.tokens.len() >= 2 {
            if !p.certain && !full.contains_key(&folded) {
                continue;
            }
            full.get(&folded)
                .map(display)
                .unwrap_or_else(|| p.text.clone())
        } else {
            let word = folded.clone();
            let korean = gaz.is_korean_surname(&p.text);
            // Full names ending with the word, or (Korean family names) starting with it; a
            // full name that does both counts once.
            let mut refs: Vec<&str> = by_last.get(word.as_str()).cloned().unwrap_or_default();
            if korean {
                for f in by_first.get(word.as_str()).into_iter().flatten() {
                    if !refs.contains(f) {
                        refs.push(f);
                    }
                }
            }
            match refs.len() {
                1 => full.get(refs[0]).map(display).unwrap_or_default(),
                0 if p.certain || singles.contains(&word) || gaz.person(&p.text).is_some() => {
                    p.text.clone()
                }
                _ => continue,
            }
        };
        out.push(EntityMention {
            span: p.span,
            text: p.text,
            kind: EntityKind::Person,
            name,
            role: p.role,
        });
    }
}
