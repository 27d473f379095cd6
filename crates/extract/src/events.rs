//! Dated events: visits, meetings, signings, ratifications and launches, with their
//! participants, place and date.

use claims_model::{EntityKind, EntityMention, EventType, TimeMention};

use crate::tokens::{is_possessive, Token};

/// Trigger words of each event type (lower case).
fn trigger(word: &str) -> Option<EventType> {
    Some(match word {
        "visit" | "visits" | "visited" | "visiting" | "trip" | "arrival" | "arrived"
        | "arrives" | "travelled" | "traveled" => EventType::Visit,
        "met" | "meet" | "meets" | "meeting" | "talks" | "summit" => EventType::Meeting,
        "sign" | "signs" | "signed" | "signing" | "inked" => EventType::Signing,
        "ratify" | "ratifies" | "ratified" | "ratification" | "ratifying" => {
            EventType::Ratification
        }
        "launch" | "launched" | "launches" | "test-launched" | "test-fired" | "fired" => {
            EventType::Launch
        }
        _ => return None,
    })
}

/// One event found in a sentence.
#[derive(Debug)]
pub struct Event<'a> {
    pub event: EventType,
    /// Token index of the trigger.
    pub at: usize,
    pub participants: Vec<String>,
    /// Where it happened (a visit's destination, a meeting's city), when stated.
    pub place: Option<String>,
    pub time: &'a TimeMention,
}

fn mention_at<'m>(
    toks: &[Token],
    k: usize,
    mentions: &[&'m EntityMention],
) -> Option<&'m EntityMention> {
    let t = toks.get(k)?;
    mentions
        .iter()
        .copied()
        .find(|m| m.span.start() <= t.start && t.end <= m.span.end())
}

/// The date of an event triggered at token `at`: the only dated time of the sentence, else the
/// nearest one in the trigger's clause, else one heading the sentence ("In June 2024, …",
/// "June 4, 2025: …").
fn date_for<'a>(
    toks: &[Token],
    at: usize,
    times: &[&'a TimeMention],
    clause: (usize, usize),
) -> Option<&'a TimeMention> {
    let dated: Vec<&'a TimeMention> = times
        .iter()
        .copied()
        .filter(|t| t.interval.is_some() && t.kind == claims_model::TimeType::Date)
        .collect();
    if dated.len() == 1 {
        return Some(dated[0]);
    }
    let pos = toks[at].start;
    let (cs, ce) = (toks[clause.0].start, toks[clause.1.min(toks.len()) - 1].end);
    let in_clause = dated
        .iter()
        .copied()
        .filter(|t| t.span.start() >= cs && t.span.end() <= ce)
        .min_by_key(|t| t.span.start().abs_diff(pos));
    if in_clause.is_some() {
        return in_clause;
    }
    let head_end = toks
        .iter()
        .position(|t| matches!(t.text, "," | ":"))
        .map_or(0, |p| toks[p].start);
    dated.iter().copied().find(|t| t.span.end() <= head_end)
}

/// Events of one sentence. `people_and_places` are the sentence's entity mentions.
pub fn find_events<'a>(
    toks: &[Token],
    times: &[&'a TimeMention],
    mentions: &[&EntityMention],
    country_of: &dyn Fn(&str) -> Option<String>,
) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let Some(event) = t.with_lower(trigger) else {
            continue;
        };
        if seen.contains(&event) {
            continue;
        }
        // "This meeting", "the visit": an event described elsewhere.
        if k > 0
            && matches!(
                toks[k - 1].lower_cow().as_ref(),
                "this" | "that" | "the" | "his" | "her" | "their" | "its"
            )
            && matches!(event, EventType::Visit | EventType::Meeting)
        {
            continue;
        }
        let clause = crate::context::clause_of(toks, k);
        let Some(time) = date_for(toks, k, times, clause) else {
            continue;
        };
        let people: Vec<&EntityMention> = mentions
            .iter()
            .copied()
            .filter(|m| m.kind == EntityKind::Person)
            .collect();
        let ev = match event {
            EventType::Visit => visit(toks, k, mentions, country_of).map(|(visitor, dest)| Event {
                event,
                at: k,
                participants: vec![visitor],
                place: Some(dest),
                time,
            }),
            EventType::Meeting => {
                let mut names: Vec<String> = people.iter().map(|m| m.name.clone()).collect();
                names.sort();
                names.dedup();
                (names.len() >= 2).then(|| Event {
                    event,
                    at: k,
                    participants: names,
                    place: place_after(toks, k, mentions),
                    time,
                })
            }
            EventType::Signing | EventType::Launch => {
                let mut parties = parties_in(toks, clause, mentions, country_of);
                // "…between Russia and North Korea, facilitated by the signing of a deal": the two
                // countries of the sentence are the parties when the clause names none.
                if parties.is_empty() && event == EventType::Signing {
                    let all = parties_in(toks, (0, toks.len()), mentions, country_of);
                    if all.len() == 2 {
                        parties = all;
                    }
                }
                (!parties.is_empty()).then_some(Event {
                    event,
                    at: k,
                    participants: parties,
                    place: None,
                    time,
                })
            }
            EventType::Ratification => {
                // Each ratifier ratifies on its own: "North Korea and Russia respectively ratified".
                let parties = parties_in(toks, clause, mentions, country_of);
                for p in parties {
                    out.push(Event {
                        event,
                        at: k,
                        participants: vec![p],
                        place: None,
                        time,
                    });
                }
                None
            }
            EventType::Deployment => None,
        };
        if let Some(ev) = ev {
            seen.push(event);
            out.push(ev);
        } else if event == EventType::Ratification {
            seen.push(event);
        }
    }
    out
}

/// The parties (countries) named in tokens `[from, to)`, sorted and deduplicated.
fn parties_in(
    toks: &[Token],
    (from, to): (usize, usize),
    mentions: &[&EntityMention],
    country_of: &dyn Fn(&str) -> Option<String>,
) -> Vec<String> {
    let (start, end) = (toks[from].start, toks[to.min(toks.len()) - 1].end);
    let mut parties: Vec<String> = mentions
        .iter()
        .filter(|m| m.span.start() >= start && m.span.end() <= end)
        .filter_map(|m| party(m, country_of))
        .collect();
    parties.sort();
    parties.dedup();
    parties
}

/// A country or an institution's country as a party to a treaty.
fn party(m: &EntityMention, country_of: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    match m.kind {
        EntityKind::Place => country_of(&m.name).filter(|c| *c == m.name),
        EntityKind::Organization => m.name.rsplit_once(" of ").and_then(|(_, c)| country_of(c)),
        EntityKind::Person => None,
    }
}

/// Visitor and destination country of a visit triggered at token `k`.
fn visit(
    toks: &[Token],
    k: usize,
    mentions: &[&EntityMention],
    country_of: &dyn Fn(&str) -> Option<String>,
) -> Option<(String, String)> {
    let is_person = |m: &&EntityMention| m.kind == EntityKind::Person;
    // Visitor: "X visited", "X's visit", "a visit by X".
    let mut visitor = None;
    let mut j = k;
    if j > 0 && is_possessive(&toks[j - 1]) {
        j -= 1;
    }
    if j > 0 {
        if let Some(m) = mention_at(toks, j - 1, mentions).filter(is_person) {
            visitor = Some(m.name.clone());
        }
    }
    if visitor.is_none() {
        // Nearest person before the trigger in its clause.
        let (from, _) = crate::context::clause_of(toks, k);
        visitor = (from..k)
            .rev()
            .find_map(|i| mention_at(toks, i, mentions).filter(is_person))
            .map(|m| m.name.clone());
    }
    if visitor.is_none() && toks.get(k + 1).is_some_and(|t| t.is("by") || t.is("of")) {
        visitor = (k + 2..(k + 8).min(toks.len()))
            .find_map(|i| mention_at(toks, i, mentions).filter(is_person))
            .map(|m| m.name.clone());
    }
    let visitor = visitor?;
    // Destination: the first place right after the trigger or after "to"/"in"/"at" following it
    // ("a visit by Russian President Putin to North Korea": not the visitor's adjective).
    let dest = (k + 1..(k + 14).min(toks.len())).find_map(|i| {
        let mut p = i - 1;
        if p > k && toks[p].is("the") {
            p -= 1;
        }
        let introduced =
            p == k || matches!(toks[p].lower_cow().as_ref(), "to" | "in" | "into" | "at");
        if !introduced {
            return None;
        }
        mention_at(toks, i, mentions)
            .filter(|m| m.kind == EntityKind::Place)
            .and_then(|m| country_of(&m.name))
    })?;
    Some((visitor, dest))
}

/// The place after "in"/"at" following a trigger.
fn place_after(toks: &[Token], k: usize, mentions: &[&EntityMention]) -> Option<String> {
    let (_, to) = crate::context::clause_of(toks, k);
    let mut best = None;
    for i in k + 1..to {
        if toks[i].is("in") || toks[i].is("at") {
            let mut j = i + 1;
            if toks.get(j).is_some_and(|t| t.is("the")) {
                j += 1;
            }
            if let Some(m) = mention_at(toks, j, mentions).filter(|m| m.kind == EntityKind::Place) {
                best = Some(m.name.clone());
                break;
            }
        }
    }
    best
}
