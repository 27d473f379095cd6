//! Guesses whether the clause around a time expression speaks of the past or the future, which
//! decides the year of "November 29th" or the week of "Friday" when the text does not say.
//!
//! The cue nearest to the expression inside its sentence wins: "will", "'ll", "upcoming",
//! "scheduled" point forward; "was", "said", "ago" or a regular past participle ("visited") point
//! back. No cue at all leaves the tense unknown, and the caller takes the nearest reading.

use crate::lexicon;
use crate::token::{Tok, TokKind};

/// The tense of a clause as far as the tagger can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// How far (in tokens) to look for a cue on each side of the expression.
const WINDOW: usize = 14;

fn future_cue(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "shall"
            | "won't"
            | "wo"
            | "upcoming"
            | "next"
            | "scheduled"
            | "slated"
            | "expected"
            | "planned"
            | "due"
            | "tomorrow"
            | "forthcoming"
            | "payable"
            | "expires"
            | "effective"
    ) || w.ends_with("'ll")
}

fn past_cue(w: &str) -> bool {
    if matches!(
        w,
        "was"
            | "were"
            | "had"
            | "did"
            | "said"
            | "told"
            | "went"
            | "came"
            | "met"
            | "held"
            | "took"
            | "made"
            | "saw"
            | "left"
            | "began"
            | "fought"
            | "won"
            | "lost"
            | "sent"
            | "spoke"
            | "gave"
            | "ago"
            | "last"
            | "earlier"
            | "previously"
            | "wrote"
            | "became"
            | "brought"
            | "bought"
            | "sold"
            | "fell"
            | "rose"
            | "paid"
            | "struck"
            | "hit"
            | "led"
            | "flew"
            | "arrived"
            | "ran"
            | "thought"
            | "felt"
            | "kept"
            | "knew"
            | "found"
            | "built"
            | "drew"
            | "grew"
            | "stood"
            | "meant"
            | "heard"
            | "broke"
            | "chose"
            | "froze"
            | "shot"
            | "sank"
            | "sought"
            | "taught"
            | "wore"
            | "yesterday"
            | "since"
            | "recently"
            | "already"
            | "been"
    ) {
        return true;
    }
    // Regular past forms, minus common words that only look like them.
    w.len() > 4
        && w.ends_with("ed")
        && !matches!(
            w,
            "need"
                | "indeed"
                | "speed"
                | "breed"
                | "proceed"
                | "succeed"
                | "exceed"
                | "hundred"
                | "united"
                | "red"
                | "bed"
                | "seed"
                | "feed"
                | "greed"
                | "shed"
                | "weed"
                | "creed"
                | "planned"
                | "scheduled"
                | "expected"
                | "slated"
                | "proposed"
                | "intended"
                | "anticipated"
                | "related"
                | "limited"
                | "based"
                | "armed"
                | "advanced"
                | "detailed"
        )
}

/// Does token `i` start a sentence (the text's first token, or one after a sentence end)?
pub(crate) fn is_sentence_start(toks: &[Tok<'_>], i: usize) -> bool {
    i == 0 || is_sentence_end(toks, i - 1) || toks.get(i).is_some_and(|t| t.newline_before)
}

fn is_sentence_end(toks: &[Tok<'_>], i: usize) -> bool {
    let t = &toks[i];
    match t.text {
        "!" | "?" | ";" => true,
        "." => {
            // "Nov." and "Mr." do not end a sentence.
            let prev = i.checked_sub(1).map(|p| &toks[p]);
            !prev.is_some_and(|p| {
                p.kind == TokKind::Word
                    && (lexicon::is_month_abbreviation(&p.lower)
                        || p.text.len() == 1
                        || matches!(
                            p.lower.as_ref(),
                            "mr" | "mrs"
                                | "ms"
                                | "dr"
                                | "gen"
                                | "st"
                                | "lt"
                                | "col"
                                | "sen"
                                | "rep"
                                | "gov"
                                | "u.s"
                                | "jr"
                                | "sr"
                                | "vs"
                                | "no"
                                | "inc"
                                | "corp"
                                | "co"
                        ))
            })
        }
        _ => false,
    }
}

/// The tense of the clause around tokens `start..end`.
pub(crate) fn tense_around(toks: &[Tok<'_>], start: usize, end: usize) -> Tense {
    let mut best: Option<(usize, Tense)> = None;
    let mut consider = |dist: usize, k: usize| {
        let t = &toks[k];
        if t.kind != TokKind::Word {
            return;
        }
        // A participle after "be" ("will be held") takes the tense of the auxiliary before it.
        let after_be = k > 0 && matches!(toks[k - 1].lower.as_ref(), "be" | "being");
        let tense = if future_cue(&t.lower) {
            Tense::Future
        } else if past_cue(&t.lower) && !after_be {
            Tense::Past
        } else {
            return;
        };
        if best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, tense));
        }
    };
    // Backwards to the start of the sentence.
    let mut i = start;
    let mut dist = 0;
    while i > 0 && dist < WINDOW {
        i -= 1;
        dist += 1;
        if is_sentence_end(toks, i) || toks[i + 1].newline_before {
            break;
        }
        consider(dist, i);
    }
    // Forwards to the end of the sentence.
    let mut j = end;
    let mut dist = 0;
    while j < toks.len() && dist < WINDOW {
        dist += 1;
        if is_sentence_end(toks, j) || toks[j].newline_before {
            break;
        }
        consider(dist, j);
        j += 1;
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn tense_of(text: &str, word: &str) -> Tense {
        let toks = tokenize(text);
        let i = toks.iter().position(|t| t.text == word).unwrap_or(0);
        tense_around(&toks, i, i + 1)
    }

    #[test]
    fn cues() {
        for (text, word, want) in [
            ("They met on Friday.", "Friday", Tense::Past),
            ("They will meet on Friday.", "Friday", Tense::Future),
            (
                "The summit is scheduled for Friday.",
                "Friday",
                Tense::Future,
            ),
            ("He'll come Friday.", "Friday", Tense::Future),
            ("Lavrov visited Pyongyang on Friday.", "Friday", Tense::Past),
            ("Talks on Friday.", "Friday", Tense::Unknown),
            (
                "She met him. Talks resume Friday.",
                "Friday",
                Tense::Unknown,
            ),
        ] {
            assert_eq!(tense_of(text, word), want, "{text}");
        }
    }
}
