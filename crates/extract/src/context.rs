//! The context of a claim inside its sentence: clause bounds, modality and attribution.

use claims_model::{EntityKind, EntityMention, Modality};

use crate::tokens::Token;

/// Words that end a clause.
fn is_clause_break(t: &Token) -> bool {
    matches!(
        t.text,
        "," | ";" | ":" | "—" | "–" | "(" | ")" | "\"" | "“" | "”"
    ) || matches!(
        t.lower().as_str(),
        "which" | "while" | "but" | "whereas" | "although" | "though"
    )
}

/// Token index range `[from, to)` of the clause containing token `at`.
pub fn clause_of(toks: &[Token], at: usize) -> (usize, usize) {
    let mut from = at;
    while from > 0 && !is_clause_break(&toks[from - 1]) {
        from -= 1;
    }
    let mut to = at + 1;
    while to < toks.len() && !is_clause_break(&toks[to]) {
        to += 1;
    }
    (from, to.min(toks.len()))
}

const CONDITIONAL: &[&str] = &[
    "if",
    "unless",
    "whether",
    "suppose",
    "supposing",
    "assuming",
];
const SPECULATIVE: &[&str] = &[
    "would",
    "could",
    "might",
    "may",
    "should",
    "will",
    "shall",
    "potential",
    "potentially",
    "possible",
    "possibly",
    "likely",
    "unlikely",
    "plan",
    "plans",
    "planned",
    "planning",
    "prepare",
    "prepares",
    "preparing",
    "intend",
    "intends",
    "intended",
    "expected",
    "expect",
    "expects",
    "upcoming",
    "forthcoming",
    "proposed",
    "hypothetical",
    "hypothetically",
    "imagine",
    "considering",
    "consider",
    "considers",
    "mulling",
    "threatened",
    "threatens",
    "ready",
];
const NEGATIONS: &[&str] = &[
    "not",
    "n't",
    "never",
    "neither",
    "nor",
    "denied",
    "deny",
    "denies",
    "denying",
    "without",
    "rejected",
    "refuted",
    "dismissed",
    "no",
];
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "stated",
    "states",
    "told",
    "tells",
    "indicated",
    "indicate",
    "indicates",
    "estimated",
    "estimates",
    "estimate",
    "reported",
    "reports",
    "report",
    "reportedly",
    "according",
    "warned",
    "confirmed",
    "confirms",
    "claimed",
    "claims",
    "announced",
    "believes",
    "believe",
    "assessed",
    "assesses",
    "noted",
    "suggest",
    "suggests",
    "suggested",
    "alleged",
    "allegedly",
    "cited",
    "quoted",
];

/// Modality of a claim whose key words are tokens `[first, last)` of the sentence.
pub fn modality(toks: &[Token], first: usize, last: usize) -> Modality {
    let (from, to) = clause_of(toks, first);
    let to = to.max(last.min(toks.len()));
    // A question, or a condition anywhere before the claim in its sentence.
    if toks.last().is_some_and(|t| t.text == "?") {
        return Modality::Hypothetical;
    }
    if toks[..first].iter().any(|t| CONDITIONAL.contains(&t.text))
        || (first == 0 && toks.first().is_some_and(|t| t.is("if")))
    {
        return Modality::Hypothetical;
    }
    if toks.first().is_some_and(|t| t.is("if")) {
        return Modality::Hypothetical;
    }
    let clause = &toks[from..to];
    // Lower-case comparison on purpose: "May" the month is not "may" the modal.
    if clause.iter().any(|t| SPECULATIVE.contains(&t.text)) {
        return Modality::Hypothetical;
    }
    let before = &toks[from..first];
    if before.iter().any(|t| NEGATIONS.contains(&t.text)) {
        return Modality::Negated;
    }
    if toks.iter().any(|t| REPORTING.contains(&t.lower().as_str()))
        || toks.iter().any(|t| t.is("reports"))
    {
        return Modality::Reported;
    }
    Modality::Asserted
}

/// Who the sentence attributes its statements to: "according to X", "X said", "reports
/// indicate". `mentions` are the entity mentions of the sentence.
pub fn attribution(text: &str, toks: &[Token], mentions: &[&EntityMention]) -> Option<String> {
    let named_before = |byte: usize| -> Option<String> {
        let people = mentions
            .iter()
            .rfind(|m| m.span.end() <= byte && m.kind == EntityKind::Person);
        let orgs = mentions
            .iter()
            .rfind(|m| m.span.end() <= byte && m.kind == EntityKind::Organization);
        people.or(orgs).map(|m| m.name.clone())
    };
    for (i, t) in toks.iter().enumerate() {
        if t.is("according") && toks.get(i + 1).is_some_and(|n| n.is("to")) {
            let after = toks.get(i + 2).map_or(text.len(), |n| n.start);
            if let Some(m) = mentions.iter().find(|m| {
                m.span.start() >= after
                    && matches!(m.kind, EntityKind::Person | EntityKind::Organization)
            }) {
                return Some(m.name.clone());
            }
            let end = toks[i + 2..]
                .iter()
                .find(|t| t.text == ",")
                .map_or(toks.last().map_or(after, |t| t.end), |t| t.start);
            let who = text.get(after..end).unwrap_or("").trim();
            if !who.is_empty() {
                return Some(who.to_string());
            }
        }
    }
    for (i, t) in toks.iter().enumerate() {
        let w = t.lower();
        if w == "reportedly" {
            return Some("unattributed reports".to_string());
        }
        if matches!(w.as_str(), "reports" | "report")
            && toks.get(i + 1).is_some_and(|n| {
                matches!(
                    n.lower().as_str(),
                    "indicate" | "indicating" | "suggest" | "say" | "said" | "show"
                )
            })
        {
            return Some("unattributed reports".to_string());
        }
        if REPORTING.contains(&w.as_str())
            && !matches!(w.as_str(), "according" | "reports" | "report")
        {
            if let Some(who) = named_before(t.start) {
                return Some(who);
            }
            // "U.S. officials have indicated": the group before the verb.
            if let Some(k) = toks[..i].iter().rposition(|x| {
                matches!(
                    x.lower().as_str(),
                    "officials" | "intelligence" | "sources" | "analysts" | "experts" | "media"
                )
            }) {
                let start = toks[..k]
                    .iter()
                    .rposition(|x| x.text == "," || x.text == ".")
                    .map_or(0, |p| p + 1);
                let who = &text[toks[start].start..toks[k].end];
                return Some(who.trim().to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn modality_of(s: &str, word: &str) -> Modality {
        let toks = tokenize(s, 0, s.len());
        let i = toks.iter().position(|t| t.text == word).unwrap();
        modality(&toks, i, i + 1)
    }

    #[test]
    fn conditions_plans_and_negations() {
        assert_eq!(
            modality_of("If over 10,000 troops are fighting, it matters.", "10,000"),
            Modality::Hypothetical
        );
        assert_eq!(
            modality_of("The involvement of 10,000 troops would matter.", "10,000"),
            Modality::Hypothetical
        );
        assert_eq!(
            modality_of("North Korea prepares to send 5,000 troops.", "5,000"),
            Modality::Hypothetical
        );
        assert_eq!(
            modality_of("They have not sent 5,000 troops.", "5,000"),
            Modality::Negated
        );
        assert_eq!(
            modality_of("Officials said 5,000 troops arrived.", "5,000"),
            Modality::Reported
        );
        assert_eq!(
            modality_of("In May 2024, 5,000 troops arrived.", "5,000"),
            Modality::Asserted
        );
        assert_eq!(
            modality_of("5,000 troops arrived, which could change things.", "5,000"),
            Modality::Asserted
        );
    }
}
