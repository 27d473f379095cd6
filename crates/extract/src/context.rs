//! The context of a claim inside its sentence: clause bounds, modality and attribution.

use claims_model::{EntityKind, EntityMention, Modality};

use crate::tokens::Token;

/// Words that end a clause.
fn is_clause_break(t: &Token) -> bool {
    matches!(
        t.text,
        "," | ";" | ":" | "—" | "–" | "(" | ")" | "\"" | "“" | "”"
    ) || t.with_lower(|w| {
        matches!(
            w,
            "which" | "while" | "but" | "whereas" | "although" | "though"
        )
    })
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

fn is_conditional(w: &str) -> bool {
    matches!(
        w,
        "if" | "unless" | "whether" | "suppose" | "supposing" | "assuming"
    )
}
fn is_speculative(w: &str) -> bool {
    matches!(
        w,
        "would"
            | "could"
            | "might"
            | "may"
            | "should"
            | "will"
            | "shall"
            | "potential"
            | "potentially"
            | "possible"
            | "possibly"
            | "likely"
            | "unlikely"
            | "plan"
            | "plans"
            | "planned"
            | "planning"
            | "prepare"
            | "prepares"
            | "preparing"
            | "intend"
            | "intends"
            | "intended"
            | "expected"
            | "expect"
            | "expects"
            | "upcoming"
            | "forthcoming"
            | "proposed"
            | "hypothetical"
            | "hypothetically"
            | "imagine"
            | "considering"
            | "consider"
            | "considers"
            | "mulling"
            | "threatened"
            | "threatens"
            | "ready"
    )
}
fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not"
            | "n't"
            | "never"
            | "neither"
            | "nor"
            | "denied"
            | "deny"
            | "denies"
            | "denying"
            | "without"
            | "rejected"
            | "refuted"
            | "dismissed"
            | "no"
    )
}
fn is_reporting(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "stated"
            | "states"
            | "told"
            | "tells"
            | "indicated"
            | "indicate"
            | "indicates"
            | "estimated"
            | "estimates"
            | "estimate"
            | "reported"
            | "reports"
            | "report"
            | "reportedly"
            | "according"
            | "warned"
            | "confirmed"
            | "confirms"
            | "claimed"
            | "claims"
            | "announced"
            | "believes"
            | "believe"
            | "assessed"
            | "assesses"
            | "noted"
            | "suggest"
            | "suggests"
            | "suggested"
            | "alleged"
            | "allegedly"
            | "cited"
            | "quoted"
    )
}

/// Modality of a claim whose key words are tokens `[first, last)` of the sentence.
pub fn modality(toks: &[Token], first: usize, last: usize) -> Modality {
    Clauses::new(toks).modality(first, last)
}

/// What [`modality`] and [`clause_of`] need to know about one sentence, computed in one pass so
/// that asking for every claim of a long sentence stays linear.
pub struct Clauses {
    len: usize,
    /// Per token: where its clause starts and ends (`[start, end)`); `start` has one more entry,
    /// for the position just past the last token.
    start: Vec<usize>,
    end: Vec<usize>,
    /// Prefix counts: speculative words and negations in `toks[..k]`.
    speculative: Vec<u32>,
    negations: Vec<u32>,
    /// The first conditional word ("if", "unless", …), if any.
    first_conditional: Option<usize>,
    question: bool,
    starts_with_if: bool,
    reported: bool,
}

impl Clauses {
    pub fn new(toks: &[Token]) -> Clauses {
        let n = toks.len();
        let breaks: Vec<bool> = toks.iter().map(is_clause_break).collect();
        // One more entry than tokens: the clause "at" the end of the sentence is the last one.
        let mut start = vec![0; n + 1];
        for i in 1..=n {
            start[i] = if breaks[i - 1] { i } else { start[i - 1] };
        }
        let mut end = vec![n; n];
        for i in (0..n.saturating_sub(1)).rev() {
            end[i] = if breaks[i + 1] { i + 1 } else { end[i + 1] };
        }
        let prefix = |pred: &dyn Fn(&Token) -> bool| {
            let mut v = Vec::with_capacity(n + 1);
            v.push(0u32);
            for t in toks {
                let last = v.last().copied().unwrap_or(0);
                v.push(last + u32::from(pred(t)));
            }
            v
        };
        Clauses {
            len: n,
            start,
            end,
            // Lower-case comparison on purpose: "May" the month is not "may" the modal.
            speculative: prefix(&|t| is_speculative(t.text)),
            negations: prefix(&|t| is_negation(t.text)),
            first_conditional: toks.iter().position(|t| is_conditional(t.text)),
            question: toks.last().is_some_and(|t| t.text == "?"),
            starts_with_if: toks.first().is_some_and(|t| t.is("if")),
            // (For ASCII text, the lower-case form equals the reporting word exactly when the
            // text equals it ignoring ASCII case, as `is` compared before.)
            reported: toks
                .iter()
                .any(|t| t.is("reports") || t.with_lower(is_reporting)),
        }
    }

    /// Token index range `[from, to)` of the clause containing token `at` (as [`clause_of`]).
    pub fn clause_of(&self, at: usize) -> (usize, usize) {
        match (self.start.get(at), self.end.get(at)) {
            (Some(&from), Some(&to)) => (from, to),
            (Some(&from), None) => (from, self.len),
            _ => (self.len, self.len),
        }
    }

    /// The modality of the claim on tokens `[first, last)`: see [`modality`].
    pub fn modality(&self, first: usize, last: usize) -> Modality {
        let (from, to) = self.clause_of(first);
        let to = to.max(last.min(self.len));
        // A question, or a condition anywhere before the claim in its sentence.
        if self.question {
            return Modality::Hypothetical;
        }
        if self.first_conditional.is_some_and(|c| c < first) || self.starts_with_if {
            return Modality::Hypothetical;
        }
        let count = |prefix: &[u32], a: usize, b: usize| {
            let b = b.min(self.len);
            let a = a.min(b);
            prefix[b] - prefix[a]
        };
        if count(&self.speculative, from, to) > 0 {
            return Modality::Hypothetical;
        }
        if count(&self.negations, from, first) > 0 {
            return Modality::Negated;
        }
        if self.reported {
            return Modality::Reported;
        }
        Modality::Asserted
    }
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
    /// What a word of the sentence may say about attribution.
    #[derive(PartialEq)]
    enum Cue {
        Reportedly,
        Reports,
        Verb,
        Other,
    }
    for (i, t) in toks.iter().enumerate() {
        let cue = t.with_lower(|w| match w {
            "reportedly" => Cue::Reportedly,
            "reports" | "report" => Cue::Reports,
            "according" => Cue::Other,
            w if is_reporting(w) => Cue::Verb,
            _ => Cue::Other,
        });
        if cue == Cue::Reportedly {
            return Some("unattributed reports".to_string());
        }
        if cue == Cue::Reports
            && toks.get(i + 1).is_some_and(|n| {
                matches!(
                    n.lower_cow().as_ref(),
                    "indicate" | "indicating" | "suggest" | "say" | "said" | "show"
                )
            })
        {
            return Some("unattributed reports".to_string());
        }
        if cue == Cue::Verb {
            if let Some(who) = named_before(t.start) {
                return Some(who);
            }
            // "U.S. officials have indicated": the group before the verb.
            if let Some(k) = toks[..i].iter().rposition(|x| {
                matches!(
                    x.lower_cow().as_ref(),
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
