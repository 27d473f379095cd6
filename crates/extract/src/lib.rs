//! Extraction: from one document's text to its mentions and claims.
//!
//! The pipeline for one document is: sentences → time expressions (`claims-times`) →
//! quantities (`claims-quantities`, minus any inside a time expression) → named entities
//! ([`names`]) → claims, sentence by sentence: counts of groups ([`counts`]), dated events
//! ([`events`]) and treaty articles ([`articles`]), each with its modality and attribution
//! ([`context`]). Nothing here knows about SQLite or about other documents, except the two
//! facts the caller passes in [`Options`]: the reference date and whether it was assumed.

pub mod articles;
pub mod context;
pub mod counts;
pub mod events;
pub mod names;
pub mod tokens;

use std::collections::HashMap;

use claims_model::{
    Claim, ClaimKind, ClaimValue, Date, DateInterval, EntityKind, EntityMention, Extraction,
    Granularity, Inference, Quantity, Scope, Span, Subject, TimeMention, TimeType,
};
use claims_normalize::Gazetteer;

use crate::tokens::{tokenize, Token};

/// What the caller knows about the document beyond its text.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// The date relative expressions are resolved against.
    pub reference_date: Option<Date>,
    /// True when `reference_date` was assumed from other documents of the collection rather than
    /// read from this one: dates whose year comes from it are then marked
    /// [`Inference::YearFromCollection`].
    pub reference_assumed: bool,
    /// The publication date from the document's header: counts without a date of their own are
    /// taken to hold on that day.
    pub published: Option<Date>,
}

/// The reference date a document's own text implies, if any (see `claims_times`).
pub fn infer_reference_date(body: &str) -> Option<Date> {
    claims_times::infer_reference_date(body).map(|r| r.date)
}

/// Extracts mentions and claims from `text[body_start..]`; every span in the result is a byte
/// span of the whole `text`.
pub fn extract(text: &str, body_start: usize, opts: &Options) -> Extraction {
    let body_start = if text.is_char_boundary(body_start) {
        body_start
    } else {
        0
    };
    let body = &text[body_start..];
    let sentences: Vec<Span> = claims_text::sentences(body)
        .into_iter()
        .map(|s| s.shift(body_start))
        .collect();
    let times: Vec<TimeMention> = claims_times::tag_times(body, opts.reference_date)
        .into_iter()
        .map(|mut t| {
            t.span = t.span.shift(body_start);
            t
        })
        .collect();
    let mut quantities: Vec<Quantity> = claims_quantities::find_quantities(body)
        .into_iter()
        .map(|mut q| {
            q.span = q.span.shift(body_start);
            q
        })
        .filter(|q| !times.iter().any(|t| t.span.overlaps(q.span)))
        .collect();
    // Every sentence is split into tokens once, for names and for claims.
    let toks_per_sentence: Vec<Vec<Token>> = sentences
        .iter()
        .map(|s| tokenize(text, s.start(), s.end()))
        .collect();
    let entities = names::find_entities_in(text, &toks_per_sentence);
    // A time expression inside a person's name is part of the name ("Kim Jun-sang": not June).
    let mut times = times;
    let people: Vec<Span> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.span)
        .collect();
    times.retain(|t| {
        // `people` is sorted by start: only the spans starting before this time ends can overlap.
        let upto = people.partition_point(|p| p.start() < t.span.end());
        !people[..upto]
            .iter()
            .rev()
            .take(4)
            .any(|p| p.overlaps(t.span))
    });
    let claims = claims_for(
        text,
        &sentences,
        &toks_per_sentence,
        &times,
        &mut quantities,
        &entities,
        opts,
    );
    Extraction {
        reference_date: opts.reference_date,
        sentences,
        quantities,
        times,
        entities,
        claims,
    }
}

/// The items inside `span`. `items` are sorted by start, so this is a binary search and a short
/// scan, not a pass over the whole document per sentence.
fn in_span<T>(items: &[T], span: Span, at: impl Fn(&T) -> Span) -> Vec<&T> {
    let from = items.partition_point(|x| at(x).start() < span.start());
    items[from..]
        .iter()
        .take_while(|x| at(x).start() < span.end())
        .filter(|x| span.contains(at(x)))
        .collect()
}

fn is_country(gaz: &Gazetteer, name: &str) -> bool {
    gaz.place(name)
        .is_some_and(|p| p.within.is_empty() && p.name == name)
        || gaz.country(name) == Some(name)
}

fn country_of(gaz: &Gazetteer, name: &str) -> Option<String> {
    match gaz.place(name) {
        Some(p) if p.within.is_empty() => Some(p.name),
        Some(p) => p.within.last().cloned(),
        None => gaz.country(name).map(str::to_string),
    }
}

fn scope_of(gaz: &Gazetteer, name: &str) -> Scope {
    let within = gaz.place(name).map(|p| p.within).unwrap_or_default();
    Scope {
        place: name.to_string(),
        within,
    }
}

fn has_year(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    })
}

fn claims_for(
    text: &str,
    sentences: &[Span],
    toks_per_sentence: &[Vec<Token>],
    times: &[TimeMention],
    quantities: &mut [Quantity],
    entities: &[EntityMention],
    opts: &Options,
) -> Vec<Claim> {
    let gaz = Gazetteer::builtin();
    let is_country_fn = |n: &str| is_country(gaz, n);
    let country_of_fn = |n: &str| country_of(gaz, n);
    let depth = |n: &str| gaz.place(n).map_or(0, |p| p.within.len() + 1);

    // First pass: counts and their explicit owners, to give unowned counts the document's owner.
    let mut counts_per_sentence = Vec::with_capacity(sentences.len());
    let mut owner_votes: HashMap<(String, String), usize> = HashMap::new();
    for (s, toks) in sentences.iter().zip(toks_per_sentence) {
        let qs = in_span(quantities, *s, |q| q.span);
        let mentions = in_span(entities, *s, |m| m.span);
        let counts = counts::find_counts(toks, &qs, &mentions, &is_country_fn);
        for c in &counts {
            if let Some(o) = &c.owner {
                *owner_votes
                    .entry((c.category.clone(), o.clone()))
                    .or_default() += 2;
            }
        }
        // "North Korean troops" without a number still tells whose troops the text is about.
        for (k, tok) in toks.iter().enumerate() {
            if !tok.is_word() {
                continue;
            }
            let Some(cat) = tok.with_lower(counts::category_of_word) else {
                continue;
            };
            for back in 1..=3 {
                if k < back {
                    break;
                }
                let t = &toks[k - back];
                if let Some(m) = mentions.iter().find(|m| {
                    m.kind == EntityKind::Place
                        && m.span.start() <= t.start
                        && t.end <= m.span.end()
                }) {
                    if is_country(gaz, &m.name) {
                        *owner_votes
                            .entry((cat.to_string(), m.name.clone()))
                            .or_default() += 1;
                    }
                    break;
                }
            }
        }
        counts_per_sentence.push(counts);
    }
    let doc_owner = |category: &str| -> Option<String> {
        let mut best: Option<(&String, usize)> = None;
        let mut tie = false;
        for ((cat, owner), n) in &owner_votes {
            if cat != category {
                continue;
            }
            match best {
                Some((_, b)) if *n < b => {}
                Some((_, b)) if *n == b => tie = true,
                _ => {
                    best = Some((owner, *n));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|(o, _)| o.clone())
    };

    let mut claims = Vec::new();
    let mut instruments = Vec::new();
    for ((s, toks), counts) in sentences
        .iter()
        .zip(toks_per_sentence)
        .zip(counts_per_sentence)
    {
        let quote = &text[s.start()..s.end()];
        let mentions = in_span(entities, *s, |m| m.span);
        let stimes = in_span(times, *s, |t| t.span);
        // Who said it, found only for sentences with a claim.
        let attributed_cell = std::cell::OnceCell::new();
        let attributed_to = || {
            attributed_cell
                .get_or_init(|| context::attribution(text, toks, &mentions))
                .clone()
        };
        // Clause limits and modality cues of the sentence, found once for all its claims (and
        // not at all for the many sentences without a claim).
        let clauses_cell = std::cell::OnceCell::new();
        let clauses = || clauses_cell.get_or_init(|| context::Clauses::new(toks));
        let dated: Vec<&TimeMention> = stimes
            .iter()
            .copied()
            .filter(|t| t.kind == TimeType::Date && t.interval.is_some())
            .collect();
        let year_assumed = |t: &TimeMention| opts.reference_assumed && !has_year(&t.text);

        for c in counts {
            let mut inferred = Vec::new();
            let owner = match c.owner.clone() {
                Some(o) => Some(o),
                None => {
                    let o = doc_owner(&c.category);
                    if o.is_some() {
                        inferred.push(Inference::OwnerFromDocument);
                    }
                    o
                }
            };
            let (_, clause_end) = clauses().clause_of(c.last.saturating_sub(1));
            let scope = counts::scope_after(
                toks,
                c.last.min(toks.len()),
                clause_end.max(c.last).min(toks.len()),
                &mentions,
                &depth,
            )
            .filter(|p| Some(p) != owner.as_ref() || c.owner.is_none())
            .map(|p| scope_of(gaz, &p));
            let qpos = c.quantity.span.start();
            let time = dated
                .iter()
                .copied()
                .min_by_key(|t| t.span.start().abs_diff(qpos));
            let as_of = match time {
                Some(t) => {
                    if year_assumed(t) {
                        inferred.push(Inference::YearFromCollection);
                    }
                    t.interval
                }
                None => opts.published.map(DateInterval::day),
            };
            let modality = clauses().modality(c.first, c.last);
            let at = quantities.partition_point(|q| q.span.start() < c.quantity.span.start());
            if let Some(q) = quantities.get_mut(at).filter(|q| q.span == c.quantity.span) {
                if q.unit.is_none() {
                    q.unit = Some(c.noun.clone());
                }
            }
            claims.push(Claim {
                kind: ClaimKind::Count,
                subject: Subject::Group {
                    owner,
                    category: c.category.clone(),
                },
                attribute: c.attribute.to_string(),
                value: ClaimValue::Quantity {
                    interval: c.quantity.interval,
                    hedge: c.quantity.hedge,
                    unit: Some(c.noun.clone()),
                    text: c.quantity.text.clone(),
                },
                as_of,
                scope,
                attributed_to: attributed_to(),
                modality,
                span: *s,
                quote: quote.to_string(),
                inferred,
            });
        }

        for ev in events::find_events(toks, &stimes, &mentions, &country_of_fn) {
            let Some(interval) = ev.time.interval else {
                continue;
            };
            let mut inferred = Vec::new();
            if year_assumed(ev.time) {
                inferred.push(Inference::YearFromCollection);
            }
            let (subject_place, scope) = match ev.event {
                claims_model::EventType::Visit => (ev.place.clone(), None),
                _ => (None, ev.place.as_deref().map(|p| scope_of(gaz, p))),
            };
            claims.push(Claim {
                kind: ClaimKind::Event,
                subject: Subject::Event {
                    event: ev.event,
                    participants: ev.participants.clone(),
                    place: subject_place,
                },
                attribute: "date".to_string(),
                value: ClaimValue::Date {
                    interval,
                    granularity: ev.time.granularity.unwrap_or(Granularity::Vague),
                    value: ev.time.value.clone(),
                    text: ev.time.text.clone(),
                },
                as_of: None,
                scope,
                attributed_to: attributed_to(),
                modality: clauses().modality(ev.at, ev.at + 1),
                span: *s,
                quote: quote.to_string(),
                inferred,
            });
        }

        for a in articles::find_articles(text, toks, &instruments) {
            let said = quote
                .split_once(':')
                .map_or(quote, |(_, rest)| rest)
                .trim()
                .to_string();
            claims.push(Claim {
                kind: ClaimKind::Article,
                subject: Subject::Article {
                    instrument: a.instrument.clone(),
                    article: a.article,
                },
                attribute: "text".to_string(),
                value: ClaimValue::Text { text: said },
                as_of: None,
                scope: None,
                attributed_to: attributed_to(),
                modality: clauses().modality(a.first, a.last),
                span: *s,
                quote: quote.to_string(),
                inferred: Vec::new(),
            });
        }
        instruments.extend(articles::named_instruments(text, toks));
    }
    claims
}

#[cfg(test)]
mod tests;
