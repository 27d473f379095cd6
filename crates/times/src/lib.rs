//! A TIMEX3-style temporal tagger for English news text.
//!
//! [`tag_times`] finds every time expression in a text (dates, clock times, durations, sets),
//! gives each its TIMEX3 value and, for dates, the inclusive range of days it can mean, anchoring
//! relative expressions ("two days ago", "last week", "on Thursday") to a reference date.
//! [`infer_reference_date`] guesses a document's own date from the dates it states.
//!
//! The rules, with examples, are in `docs/times.md`. The tagger is rule-based and linear in the
//! text: one tokenizer pass, then a fixed set of patterns with bounded look-ahead at each token.

mod calendar;
mod grammar;
mod lexicon;
mod tense;
mod token;

use claims_model::{Date, DateInterval, Granularity, Span, TimeMention};

use crate::grammar::{Found, Grammar};

/// A document's own date as inferred from its text, with the words that gave it away.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReferenceDate {
    pub date: Date,
    /// Byte span of the date expression the date was read from.
    pub evidence: Span,
}

/// Runs the grammar over the whole text, leftmost-longest, without overlaps.
fn scan(text: &str, reference: Option<Date>) -> (Vec<token::Tok<'_>>, Vec<Found>) {
    let toks = token::tokenize(text);
    let mut found = Vec::new();
    {
        let g = Grammar::new(&toks, reference);
        let mut i = 0;
        while i < toks.len() {
            match g.at(i) {
                Some(f) if f.end > i => {
                    i = f.end;
                    if f.gran == Some(Granularity::Quarter) {
                        if let Some((y, q)) = f.value.split_once("-Q") {
                            if let (Ok(y), Ok(q)) = (y.parse(), q.parse()) {
                                g.last_quarter.set(Some((y, q, f.end)));
                            }
                        }
                    }
                    found.push(f);
                }
                _ => i += 1,
            }
        }
    }
    (toks, found)
}

fn to_mention(text: &str, toks: &[token::Tok<'_>], f: &Found) -> Option<TimeMention> {
    let start = toks.get(f.start)?.start;
    let end = toks.get(f.end.checked_sub(1)?)?.end;
    let span = Span::new(start, end).ok()?;
    let interval = f.interval.and_then(|(a, b)| DateInterval::new(a, b).ok());
    Some(TimeMention {
        span,
        text: text.get(start..end)?.to_owned(),
        kind: f.kind,
        value: f.value.clone(),
        interval,
        granularity: f.gran,
    })
}

/// Every time expression in `text`, sorted by start, non-overlapping. Relative expressions are
/// anchored to `reference` when given; without one they get an underspecified value and no interval.
pub fn tag_times(text: &str, reference: Option<Date>) -> Vec<TimeMention> {
    let (toks, found) = scan(text, reference);
    found
        .iter()
        .filter_map(|f| to_mention(text, &toks, f))
        .collect()
}

/// The document's own date inferred from its text: the latest full date it states (a photo caption's
/// "Friday, Nov. 29, 2024" or a dateline counts); bare dates ("On November 29th") take their year from
/// the years the document mentions nearby/most. None when the text gives no year at all.
pub fn infer_reference_date(text: &str) -> Option<ReferenceDate> {
    let (toks, found) = scan(text, None);
    let span_of = |f: &Found| -> Option<Span> {
        Span::new(
            toks.get(f.start)?.start,
            toks.get(f.end.checked_sub(1)?)?.end,
        )
        .ok()
    };
    // Full dates first: the latest one stated.
    let full = found
        .iter()
        .filter_map(|f| {
            let c = f.cal?;
            let d = calendar::ymd(c.year?, c.month, c.day?)?;
            Some((d, span_of(f)?))
        })
        .max_by_key(|(d, s)| (*d, std::cmp::Reverse(s.start())));
    if let Some((date, evidence)) = full {
        return Some(ReferenceDate { date, evidence });
    }
    // Years the document mentions, with where.
    let years: Vec<(i32, usize)> = found
        .iter()
        .filter_map(|f| {
            let y = match (f.cal, f.gran) {
                (Some(c), _) => c.year?,
                (None, Some(Granularity::Year)) => f.value.parse().ok()?,
                _ => return None,
            };
            Some((y, toks.get(f.start)?.start))
        })
        .collect();
    if years.is_empty() {
        return None;
    }
    // A bare date takes the year mentioned nearest to it.
    found
        .iter()
        .filter_map(|f| {
            let c = f.cal?;
            let day = c.day?;
            if c.year.is_some() {
                return None;
            }
            let at = toks.get(f.start)?.start;
            let (y, _) = years
                .iter()
                .min_by_key(|(y, p)| (p.abs_diff(at), std::cmp::Reverse(*y)))?;
            Some((calendar::ymd(*y, c.month, day)?, span_of(f)?))
        })
        .max_by_key(|(d, s)| (*d, std::cmp::Reverse(s.start())))
        .map(|(date, evidence)| ReferenceDate { date, evidence })
}
