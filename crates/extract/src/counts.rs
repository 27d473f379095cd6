//! Count claims: a number, the group it counts, whose group it is, where, and when.
//!
//! "as many as 8,000 North Korean soldiers are stationed in Russia's Kursk region" becomes
//! subject {owner: North Korea, category: troops}, value [0, 8000], scope Kursk Oblast ⊂ Russia.

use claims_model::{EntityKind, EntityMention, Quantity, QuantityKind, Span};

use crate::tokens::{is_possessive, Token};

/// The counted-noun ontology: surface noun (lower case, one or two words) → category.
/// Synonyms share a category (troops ≈ soldiers ≈ personnel ≈ forces); narrower groups keep
/// their own (officers, generals) so that "500 officers" never contradicts "12,000 troops".
pub const COUNTED_NOUNS: &[(&str, &str)] = &[
    ("military personnel", "troops"),
    ("service members", "troops"),
    ("servicemen", "troops"),
    ("troops", "troops"),
    ("troop", "troops"),
    ("soldiers", "troops"),
    ("soldier", "troops"),
    ("personnel", "troops"),
    ("forces", "troops"),
    ("fighters", "troops"),
    ("combatants", "troops"),
    ("infantrymen", "troops"),
    ("reinforcements", "troops"),
    ("mercenaries", "troops"),
    ("officers", "officers"),
    ("officer", "officers"),
    ("generals", "generals"),
    ("general", "generals"),
    ("casualties", "casualties"),
    ("killed", "killed"),
    ("dead", "killed"),
    ("deaths", "killed"),
    ("fatalities", "killed"),
    ("lives", "killed"),
    ("wounded", "wounded"),
    ("injured", "wounded"),
    ("deminers", "deminers"),
    ("sappers", "deminers"),
    ("builders", "builders"),
    ("construction workers", "builders"),
    ("workers", "workers"),
    ("labourers", "workers"),
    ("laborers", "workers"),
    ("brigades", "brigades"),
    ("battalions", "battalions"),
    ("divisions", "divisions"),
    ("regiments", "regiments"),
    ("missiles", "missiles"),
    ("rockets", "rockets"),
    ("artillery shells", "shells"),
    ("shells", "shells"),
    ("rounds", "shells"),
    ("drones", "drones"),
    ("tanks", "tanks"),
    ("howitzers", "artillery"),
    ("artillery pieces", "artillery"),
    ("civilians", "civilians"),
    ("refugees", "refugees"),
    ("prisoners", "prisoners"),
    ("prisoners of war", "prisoners"),
    ("hostages", "hostages"),
    ("people", "people"),
];

/// [`COUNTED_NOUNS`] indexed for look-ups per token: the first words of its nouns, and the
/// category of each one-word noun (the table's first entry for it, as a scan would find), both
/// sorted for binary search.
struct NounIndex {
    heads: Vec<&'static str>,
    single: Vec<(&'static str, &'static str)>,
}

fn noun_index() -> &'static NounIndex {
    static INDEX: std::sync::OnceLock<NounIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut heads: Vec<&str> = COUNTED_NOUNS
            .iter()
            .filter_map(|(n, _)| n.split(' ').next())
            .collect();
        heads.sort_unstable();
        heads.dedup();
        let mut single: Vec<(&str, &str)> = Vec::new();
        for &(n, c) in COUNTED_NOUNS {
            if !n.contains(' ') && !single.iter().any(|(s, _)| *s == n) {
                single.push((n, c));
            }
        }
        single.sort_unstable();
        NounIndex { heads, single }
    })
}

/// The category of a one-word counted noun (`word` in lower case): "soldiers" → "troops".
pub fn category_of_word(word: &str) -> Option<&'static str> {
    let single = &noun_index().single;
    single
        .binary_search_by(|(n, _)| (*n).cmp(word))
        .ok()
        .map(|i| single[i].1)
}

/// Words that may stand between a number and its noun ("8,000 North Korean elite soldiers").
const MODIFIERS: &[&str] = &[
    "of",
    "the",
    "its",
    "their",
    "more",
    "additional",
    "extra",
    "further",
    "military",
    "combat",
    "active",
    "elite",
    "special",
    "regular",
    "foreign",
    "armed",
    "korean",
    "north",
    "south",
    "russian",
    "ukrainian",
    "new",
    "fresh",
    "other",
    "trained",
    "its",
    "young",
    "ground",
    "army",
    "artillery",
    "ballistic",
    "cruise",
    "military-trained",
    "well-trained",
];

/// Verbs of sending: the subject country of "North Korea is sending 30,000 soldiers" owns them.
const SENDING: &[&str] = &[
    "send",
    "sends",
    "sent",
    "sending",
    "deploy",
    "deploys",
    "deployed",
    "deploying",
    "dispatch",
    "dispatches",
    "dispatched",
    "dispatching",
    "supply",
    "supplies",
    "supplied",
    "provide",
    "provides",
    "provided",
    "providing",
    "transfer",
    "transferred",
    "mobilize",
    "mobilized",
    "mobilise",
    "mobilised",
    "confirms",
    "confirmed",
    "has",
    "have",
    "had",
];

/// A count found in a sentence, before its claim is assembled.
#[derive(Debug)]
pub struct Count {
    pub quantity: Quantity,
    pub category: String,
    pub noun: String,
    /// Explicit owner (a country), if the sentence states it.
    pub owner: Option<String>,
    /// Token range of the phrase (number and noun) in the sentence.
    pub first: usize,
    pub last: usize,
    /// "count", "added", "total" or "subset" (a part of the group counted just before it).
    pub attribute: &'static str,
}

fn noun_at(toks: &[Token], k: usize) -> Option<(&'static str, &'static str, usize)> {
    // Longest match first (three-, two-, one-word nouns); nothing to do unless the first word
    // could start a noun of the table.
    let first = toks.get(k)?;
    if !first.is_word() {
        return None;
    }
    let head = first.lower_cow();
    if noun_index().heads.binary_search(&head.as_ref()).is_err() {
        return None;
    }
    // The lower-case words from `k` on, compared word by word with the table's nouns (tokens
    // hold no spaces, so this is the same as comparing the joined phrase).
    let words: Vec<std::borrow::Cow<str>> = std::iter::once(head)
        .chain(
            toks[k + 1..toks.len().min(k + 3)]
                .iter()
                .map(|t| t.lower_cow()),
        )
        .collect();
    for len in (1..=words.len()).rev() {
        if let Some((noun, cat)) = COUNTED_NOUNS.iter().find(|(n, _)| {
            n.split(' ').count() == len && n.split(' ').zip(&words).all(|(a, b)| a == b)
        }) {
            return Some((noun, cat, k + len));
        }
    }
    None
}

/// Country named by an entity mention covering token `k`, if any.
fn country_at<'m>(
    toks: &[Token],
    k: usize,
    mentions: &[&'m EntityMention],
) -> Option<&'m EntityMention> {
    let t = toks.get(k)?;
    mentions.iter().copied().find(|m| {
        m.kind == EntityKind::Place
            && m.span.start() <= t.start
            && t.end <= m.span.end()
            && m.name == m.name.trim()
    })
}

/// Finds counts in one sentence. `quantities` are those inside the sentence.
pub fn find_counts(
    toks: &[Token],
    quantities: &[&Quantity],
    mentions: &[&EntityMention],
    is_country: &dyn Fn(&str) -> bool,
) -> Vec<Count> {
    let mut out: Vec<Count> = Vec::new();
    for q in quantities {
        if q.kind != QuantityKind::Count {
            continue;
        }
        // Tokens are in order and do not overlap: binary searches, not scans per quantity.
        let first = toks.partition_point(|t| t.end <= q.span.start());
        if first == toks.len() {
            continue;
        }
        let Some(qlast) = toks
            .partition_point(|t| t.start < q.span.end())
            .checked_sub(1)
        else {
            continue;
        };
        let mut k = qlast + 1;
        let mut owner = None;
        let mut found = None;
        let mut added = false;
        while k < toks.len() && k <= qlast + 6 {
            if let Some((noun, cat, end)) = noun_at(toks, k) {
                found = Some((noun, cat, end));
                break;
            }
            if let Some(m) = country_at(toks, k, mentions) {
                if is_country(&m.name) {
                    owner = Some(m.name.clone());
                    // Skip the rest of a multi-word country adjective.
                    while k + 1 < toks.len() && toks[k + 1].end <= m.span.end() {
                        k += 1;
                    }
                    k += 1;
                    continue;
                }
            }
            let w = toks[k].lower_cow();
            if matches!(w.as_ref(), "more" | "additional" | "extra" | "further") {
                added = true;
            }
            if !MODIFIERS.contains(&w.as_ref()) {
                break;
            }
            k += 1;
        }
        let mut attribute = "count";
        let (noun, category, last) = match found {
            Some(f) => f,
            None => match noun_before(toks, first) {
                Some((noun, cat, owner_before)) => {
                    owner = owner.or(owner_before
                        .and_then(|o| country_at(toks, o, mentions).map(|m| m.name.clone())));
                    attribute = "total";
                    (noun, cat, qlast + 1)
                }
                None => match out.last() {
                    // "1,200 soldiers, of whom 300 were killed": a part of the group just counted.
                    Some(prev) if first >= 2 && is_part_marker(toks, first) => {
                        owner = owner.or(prev.owner.clone());
                        attribute = "subset";
                        let (noun, cat) = COUNTED_NOUNS
                            .iter()
                            .find(|(n, c)| *n == prev.noun && *c == prev.category)
                            .map(|(n, c)| (*n, *c))
                            .unwrap_or(("people", "people"));
                        (noun, cat, qlast + 1)
                    }
                    _ => continue,
                },
            },
        };
        // "troops from North Korea"
        if owner.is_none() && toks.get(last).is_some_and(|t| t.is("from")) {
            if let Some(m) = country_at(toks, last + 1, mentions) {
                owner = Some(m.name.clone());
            }
        }
        // "North Korea's 10,000 troops"
        if owner.is_none() && first >= 2 && is_possessive(&toks[first - 1]) {
            if let Some(m) = country_at(toks, first - 2, mentions) {
                owner = Some(m.name.clone());
            }
        }
        // "North Korea is sending up to 30,000 soldiers": the country before a sending verb.
        if owner.is_none() {
            owner = sender_before(toks, first, mentions);
        }
        if toks[first.saturating_sub(2)..first].iter().any(|t| {
            matches!(
                t.lower_cow().as_ref(),
                "additional" | "another" | "extra" | "further"
            )
        }) || added
        {
            attribute = "added";
        }
        if attribute != "subset"
            && toks[..first]
                .iter()
                .rev()
                .take(8)
                .any(|t| matches!(t.lower_cow().as_ref(), "total" | "toll"))
            && toks
                .get(first.wrapping_sub(1))
                .is_some_and(|t| t.is("to") || t.is("of") || t.is("at"))
        {
            attribute = "total";
        }
        out.push(Count {
            quantity: (*q).clone(),
            category: category.to_string(),
            noun: noun.to_string(),
            owner,
            first,
            last,
            attribute,
        });
    }
    out
}

/// "of whom", "of which", "among them" right before token `first`.
fn is_part_marker(toks: &[Token], first: usize) -> bool {
    let w = |k: usize| toks.get(k).map(|t| t.lower()).unwrap_or_default();
    (w(first - 2) == "of" && matches!(w(first - 1).as_str(), "whom" | "which" | "them" | "those"))
        || (w(first - 2) == "among" && matches!(w(first - 1).as_str(), "them" | "whom" | "those"))
}

/// "the total number of North Korean troops to about 11,000": the noun before the number, and
/// the token of an owner adjective in front of it.
fn noun_before(
    toks: &[Token],
    first: usize,
) -> Option<(&'static str, &'static str, Option<usize>)> {
    if first == 0 || !toks[first - 1].is("to") && !toks[first - 1].is("at") {
        return None;
    }
    let window = first.saturating_sub(10);
    for k in (window..first).rev() {
        if toks[k].text == "," {
            break;
        }
        if let Some((noun, cat, _)) = noun_at(toks, k) {
            let has_number_of = toks[window..k].iter().any(|t| {
                matches!(
                    t.lower_cow().as_ref(),
                    "number" | "total" | "toll" | "count"
                )
            });
            if has_number_of {
                let owner = (window..k)
                    .rev()
                    .find(|&j| toks[j].is_capitalized() && j + 1 < k + 1);
                return Some((noun, cat, owner));
            }
        }
    }
    None
}

fn sender_before(toks: &[Token], first: usize, mentions: &[&EntityMention]) -> Option<String> {
    let start = toks[..first]
        .iter()
        .rposition(|t| matches!(t.text, "," | ";" | ":"))
        .map_or(0, |p| p + 1);
    let mut verb_seen = false;
    for k in (start..first).rev() {
        let w = toks[k].lower_cow();
        if SENDING.contains(&w.as_ref()) {
            verb_seen = true;
            continue;
        }
        if verb_seen {
            if let Some(m) = country_at(toks, k, mentions) {
                return Some(m.name.clone());
            }
        }
    }
    None
}

/// The most specific place after a location preposition in tokens `[from, to)`.
pub fn scope_after(
    toks: &[Token],
    from: usize,
    to: usize,
    mentions: &[&EntityMention],
    depth: &dyn Fn(&str) -> usize,
) -> Option<String> {
    let mut k = from;
    while k < to {
        let w = toks[k].lower_cow();
        if matches!(
            w.as_ref(),
            "in" | "to" | "into" | "inside" | "at" | "within" | "across"
        ) {
            let mut j = k + 1;
            if toks.get(j).is_some_and(|t| t.is("the")) {
                j += 1;
            }
            let mut best: Option<String> = None;
            // A chain "Russia's Kursk region": take the innermost place.
            let mut before_possessive: Option<String> = None;
            let mut after_possessive = false;
            while j < to {
                // "to the South Korean border": a country adjective before a noun is not a place.
                let adjective = country_at(toks, j, mentions).is_some_and(|m| {
                    let after = toks.iter().position(|t| t.start >= m.span.end());
                    let bare = m.text.trim_end_matches("'s").trim_end_matches("’s");
                    depth(&m.name) == 1
                        && bare != m.name
                        && after.is_some_and(|a| toks[a].is_word() && !toks[a].is_capitalized())
                });
                let Some(m) = country_at(toks, j, mentions).filter(|_| !adjective) else {
                    // "into Russia's military strategy": a possessive place followed by no place
                    // is an owner, not a location.
                    if after_possessive {
                        best = before_possessive.clone();
                    }
                    break;
                };
                before_possessive = best.clone();
                if best.as_ref().is_none_or(|b| depth(&m.name) >= depth(b)) {
                    best = Some(m.name.clone());
                }
                while j < to && toks[j].end <= m.span.end() {
                    j += 1;
                }
                if toks.get(j).is_some_and(is_possessive) {
                    j += 1;
                    after_possessive = true;
                } else {
                    break;
                }
            }
            if best.is_some() {
                return best;
            }
        }
        k += 1;
    }
    None
}

/// Span of tokens `[first, last)`.
pub fn token_span(toks: &[Token], first: usize, last: usize) -> Span {
    Span::covering(toks[first].start, toks[last.max(first + 1) - 1].end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noun_index_agrees_with_a_scan_of_the_table() {
        for word in [
            "soldiers",
            "troops",
            "people",
            "military",
            "service",
            "prisoners",
            "x",
        ] {
            let scan = COUNTED_NOUNS
                .iter()
                .find(|(n, _)| *n == word)
                .map(|(_, c)| *c);
            assert_eq!(category_of_word(word), scan, "{word}");
            let head = COUNTED_NOUNS
                .iter()
                .any(|(n, _)| n.split(' ').next() == Some(word));
            assert_eq!(
                noun_index().heads.binary_search(&word).is_ok(),
                head,
                "{word}"
            );
        }
        assert_eq!(category_of_word("soldiers"), Some("troops"));
        assert_eq!(category_of_word("military"), None);
    }
}
