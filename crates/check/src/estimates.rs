//! Per-subject estimates across sources, as a conflict-data coder keeps them (UCDP-style best,
//! low and high), with the number of independent sources behind them.
//!
//! Independence: the same wording reprinted by several outlets is one source. Two claims whose
//! quotes share most of their word trigrams (Jaccard ≥ [`DUPLICATE_JACCARD`]) count once.

use std::collections::{BTreeMap, HashSet};

use claims_model::{ClaimKind, ClaimValue, Subject};
use serde::Serialize;

use crate::CheckClaim;

/// Word-trigram Jaccard similarity above which two quotes are one source reprinted.
pub const DUPLICATE_JACCARD: f64 = 0.8;

/// The estimate of one counted subject in one place.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Estimate {
    /// "troops of North Korea in Kursk Oblast".
    pub subject: String,
    /// The lowest figure any source allows (its low bound).
    pub low: Option<f64>,
    /// The median of the sources' central figures.
    pub best: Option<f64>,
    /// The highest figure any source states as a bound.
    pub high: Option<f64>,
    /// Claims behind the estimate.
    pub claims: usize,
    /// Independent sources: documents, with reprinted wording counted once.
    pub independent_sources: usize,
}

fn trigrams(quote: &str) -> HashSet<String> {
    let words: Vec<String> = quote
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < 3 {
        return std::iter::once(words.join(" ")).collect();
    }
    words.windows(3).map(|w| w.join(" ")).collect()
}

/// Jaccard similarity of the word trigrams of two quotes.
pub fn quote_similarity(a: &str, b: &str) -> f64 {
    let (x, y) = (trigrams(a), trigrams(b));
    let inter = x.intersection(&y).count();
    let union = x.len() + y.len() - inter;
    if union == 0 {
        1.0
    } else {
        inter as f64 / union as f64
    }
}

/// Counts independent sources among claims: one per document, minus documents whose every
/// quote reprints a quote of another document.
pub fn independent_sources(claims: &[&CheckClaim]) -> usize {
    let mut reps: Vec<(i64, &str)> = Vec::new();
    let mut docs: Vec<i64> = Vec::new();
    for c in claims {
        let reprint = reps.iter().any(|(d, q)| {
            *d != c.doc_id && quote_similarity(q, &c.claim.quote) >= DUPLICATE_JACCARD
        });
        reps.push((c.doc_id, &c.claim.quote));
        if !reprint && !docs.contains(&c.doc_id) {
            docs.push(c.doc_id);
        }
    }
    docs.len()
}

/// Best/low/high per counted subject and place, over factual claims.
pub fn estimates(claims: &[CheckClaim]) -> Vec<Estimate> {
    let mut groups: BTreeMap<String, Vec<&CheckClaim>> = BTreeMap::new();
    for c in claims {
        if c.claim.kind != ClaimKind::Count
            || !c.claim.modality.is_factual()
            || c.claim.attribute == "added"
        {
            continue;
        }
        let Subject::Group { owner, category } = &c.claim.subject else {
            continue;
        };
        let mut subject = match owner {
            Some(o) => format!("{category} of {o}"),
            None => category.clone(),
        };
        if let Some(s) = &c.claim.scope {
            subject.push_str(&format!(" in {}", s.place));
        }
        groups.entry(subject).or_default().push(c);
    }
    groups
        .into_iter()
        .map(|(subject, members)| {
            let mut lows = Vec::new();
            let mut highs = Vec::new();
            let mut mids = Vec::new();
            for c in &members {
                if let ClaimValue::Quantity { interval, .. } = &c.claim.value {
                    lows.extend(interval.low());
                    highs.extend(interval.high());
                    mids.extend(interval.midpoint());
                }
            }
            mids.sort_by(f64::total_cmp);
            let best = (!mids.is_empty()).then(|| mids[mids.len() / 2]);
            Estimate {
                subject,
                low: lows.into_iter().reduce(f64::min),
                best,
                high: highs.into_iter().reduce(f64::max),
                claims: members.len(),
                independent_sources: independent_sources(&members),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprinted_wording_is_one_source() {
        let a = "As many as 8,000 North Korean soldiers are stationed in Russia's Kursk region, officials said.";
        let b = "As many as 8,000 North Korean soldiers are stationed in Russia’s Kursk region, officials said on Monday.";
        let c = "At least 8,000 North Korean troops are already in Kursk.";
        assert!(quote_similarity(a, b) >= DUPLICATE_JACCARD);
        assert!(quote_similarity(a, c) < DUPLICATE_JACCARD);
    }
}
