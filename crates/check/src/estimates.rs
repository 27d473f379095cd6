//! Per-subject estimates across sources, as a conflict-data coder keeps them (UCDP-style best,
//! low and high), with the number of independent sources behind them.
//!
//! Independence: the same wording reprinted by several outlets is one source. Two claims whose
//! quotes share most of their word trigrams (Jaccard ≥ [`DUPLICATE_JACCARD`]) count once.

use std::collections::{BTreeMap, HashMap, HashSet};

use claims_model::{ClaimKind, ClaimValue, Subject};
use rayon::prelude::*;
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

/// Jaccard similarity of two sets given their sizes and the size of their intersection.
fn jaccard(x: usize, y: usize, inter: usize) -> f64 {
    let union = x + y - inter;
    if union == 0 {
        1.0
    } else {
        inter as f64 / union as f64
    }
}

/// Jaccard similarity of the word trigrams of two quotes.
pub fn quote_similarity(a: &str, b: &str) -> f64 {
    let (x, y) = (trigrams(a), trigrams(b));
    jaccard(x.len(), y.len(), x.intersection(&y).count())
}

/// Trigram sets as sorted ids, interned once per call so that comparing two quotes is a merge
/// of two short integer lists rather than building and hashing strings again for every pair.
/// Words are interned first and a trigram is the triple of its word ids, so no string is built
/// per trigram; the sets are those of [`trigrams`] under a one-to-one renaming, which is all the
/// Jaccard similarity sees.
#[derive(Default)]
struct TrigramIds {
    // foldhash: these maps are hashed for every word of every counted claim, and SipHash was
    // most of that time; foldhash is seeded per process, so crafted words cannot collide.
    words: HashMap<String, u32, foldhash::fast::RandomState>,
    ids: HashMap<(u32, u32, u32), u32, foldhash::fast::RandomState>,
    /// Reused buffers: the lower-cased word, the quote's word ids.
    lower: String,
    line: Vec<u32>,
}

/// Marks a "trigram" of fewer than three words (a short quote is one set member, its words
/// joined): no word id reaches it.
const SHORT: u32 = u32::MAX;

impl TrigramIds {
    fn word(&mut self, w: &str) -> u32 {
        // `str::to_lowercase` as `trigrams` does (it treats a final sigma specially), without
        // allocating for the ASCII words that nearly all are.
        self.lower.clear();
        if w.is_ascii() {
            self.lower.push_str(w);
            self.lower.make_ascii_lowercase();
        } else {
            self.lower.push_str(&w.to_lowercase());
        }
        if let Some(&id) = self.words.get(self.lower.as_str()) {
            return id;
        }
        let id = u32::try_from(self.words.len())
            .unwrap_or(SHORT - 1)
            .min(SHORT - 1);
        self.words.insert(self.lower.clone(), id);
        id
    }

    fn of(&mut self, quote: &str) -> Vec<u32> {
        let mut line = std::mem::take(&mut self.line);
        line.clear();
        for w in quote
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            line.push(self.word(w));
        }
        let keys: Vec<(u32, u32, u32)> = if line.len() < 3 {
            let at = |i: usize| line.get(i).copied().unwrap_or(SHORT);
            vec![(at(0), at(1), SHORT)]
        } else {
            line.windows(3).map(|w| (w[0], w[1], w[2])).collect()
        };
        self.line = line;
        let mut v: Vec<u32> = keys
            .into_iter()
            .map(|k| {
                let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
                *self.ids.entry(k).or_insert(next)
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

fn sorted_intersection(x: &[u32], y: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Counts independent sources among claims: one per document, minus documents whose every
/// quote reprints a quote of another document.
pub fn independent_sources(claims: &[&CheckClaim]) -> usize {
    let mut ids = TrigramIds::default();
    // Each claim's trigrams, computed once; only what can change the count is compared: a
    // claim of a document already counted cannot un-count it, and two sets whose sizes differ
    // by more than the threshold allows cannot reach it. Candidates come from an index of each
    // set's prefix (prefix filtering: two sets with Jaccard >= t share a token among the first
    // |x| - ceil(t |x|) + 1 of each, in one global order, here the ids' own), never from a scan
    // of every earlier claim of the subject.
    let mut reps: Vec<(i64, Vec<u32>)> = Vec::with_capacity(claims.len());
    let mut postings: HashMap<u32, Vec<u32>, foldhash::fast::RandomState> = HashMap::default();
    let mut seen: Vec<u32> = Vec::new();
    let mut docs: HashSet<i64> = HashSet::new();
    for (k, c) in claims.iter().enumerate() {
        let grams = ids.of(&c.claim.quote);
        let prefix = &grams[..prefix_len(grams.len())];
        if !docs.contains(&c.doc_id) {
            // `seen[r] == k + 1`: rep `r` was already a candidate for this claim.
            let mut reprint = false;
            'candidates: for t in prefix {
                for &r in postings.get(t).map(Vec::as_slice).unwrap_or_default() {
                    let r = r as usize;
                    if seen[r] == k as u32 + 1 {
                        continue;
                    }
                    seen[r] = k as u32 + 1;
                    let (d, q) = &reps[r];
                    if *d == c.doc_id {
                        continue;
                    }
                    let (small, large) = (q.len().min(grams.len()), q.len().max(grams.len()));
                    // inter <= small and union >= large: the similarity is at most small/large.
                    if jaccard(small, large, small) < DUPLICATE_JACCARD {
                        continue;
                    }
                    if jaccard(q.len(), grams.len(), sorted_intersection(q, &grams))
                        >= DUPLICATE_JACCARD
                    {
                        reprint = true;
                        break 'candidates;
                    }
                }
            }
            if !reprint {
                docs.insert(c.doc_id);
            }
        }
        let r = u32::try_from(reps.len()).unwrap_or(u32::MAX);
        for &t in prefix {
            postings.entry(t).or_default().push(r);
        }
        seen.push(0);
        reps.push((c.doc_id, grams));
    }
    docs.len()
}

/// How many of a set's smallest tokens must include one shared with any set it is a
/// near-duplicate of: `n - ceil(t n) + 1` for t = [`DUPLICATE_JACCARD`], with `t n` rounded
/// down a hair first so that floating point can only lengthen the prefix, never cut it short.
fn prefix_len(n: usize) -> usize {
    let need = (DUPLICATE_JACCARD * n as f64 - 1e-9).ceil().max(0.0) as usize;
    (n + 1).saturating_sub(need).clamp(1, n.max(1))
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
    // Subjects are independent (and comparing quotes for reprints is the costly part): they are
    // worked out on all cores, in the BTreeMap's order.
    let groups: Vec<(String, Vec<&CheckClaim>)> = groups.into_iter().collect();
    groups
        .into_par_iter()
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

    /// The definition `independent_sources` computes faster: compare each claim with every
    /// earlier one, building the trigram sets again each time.
    fn sources_by_scan(claims: &[&CheckClaim]) -> usize {
        let mut docs: Vec<i64> = Vec::new();
        for (k, c) in claims.iter().enumerate() {
            let reprint = claims[..k].iter().any(|e| {
                e.doc_id != c.doc_id
                    && quote_similarity(&e.claim.quote, &c.claim.quote) >= DUPLICATE_JACCARD
            });
            if !reprint && !docs.contains(&c.doc_id) {
                docs.push(c.doc_id);
            }
        }
        docs.len()
    }

    /// The interned trigram ids give every pair of quotes the similarity the string trigrams
    /// give: short quotes, case, punctuation, non-ASCII words and a Greek final sigma included.
    #[test]
    fn trigram_ids_give_the_similarity_of_string_trigrams() {
        let words = [
            "Troops",
            "troops",
            "NORTH",
            "korean",
            "8,000",
            "in",
            "Kursk",
            "ΟΔΟΣ",
            "οδος",
            "Straße",
            "strasse",
            "—",
            "",
            "said",
            "officials",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let quotes: Vec<String> = (0..120)
            .map(|_| {
                let n = next(7);
                (0..n)
                    .map(|_| words[next(words.len() as u64) as usize])
                    .collect::<Vec<_>>()
                    .join(if next(2) == 0 { " " } else { ", " })
            })
            .collect();
        let mut ids = TrigramIds::default();
        let sets: Vec<Vec<u32>> = quotes.iter().map(|q| ids.of(q)).collect();
        let mut close = 0;
        for (a, x) in quotes.iter().zip(&sets) {
            for (b, y) in quotes.iter().zip(&sets) {
                let by_ids = jaccard(x.len(), y.len(), sorted_intersection(x, y));
                let by_strings = quote_similarity(a, b);
                assert_eq!(by_ids, by_strings, "{a:?} vs {b:?}");
                close += usize::from(a != b && by_ids >= DUPLICATE_JACCARD);
            }
        }
        assert!(close > 0, "some distinct quotes should be near-duplicates");
    }

    #[test]
    fn independent_sources_agrees_with_comparing_every_pair() {
        let words = [
            "troops",
            "north",
            "korean",
            "are",
            "in",
            "kursk",
            "said",
            "officials",
            "about",
            "8,000",
            "the",
            "region",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let mut sample = crate::synthetic::claims(1)[0].clone();
        let mut outcomes = std::collections::BTreeSet::new();
        for _ in 0..300 {
            // Quotes are variations of a few base sentences, so reprints are common.
            let bases: Vec<Vec<&str>> = (0..3)
                .map(|_| {
                    (0..10 + next(12))
                        .map(|_| words[next(12) as usize])
                        .collect()
                })
                .collect();
            let owned: Vec<CheckClaim> = (0..2 + next(12))
                .map(|id| {
                    let mut quote = bases[next(3) as usize].clone();
                    // Reprints add or drop a few words at the end ("… on Monday") or at the
                    // start ("Officials said …": what prefix filtering must not miss).
                    match next(4) {
                        0 => quote.truncate(quote.len() - next(3) as usize),
                        1 => quote.extend((0..next(4)).map(|_| words[next(12) as usize])),
                        2 => {
                            quote.drain(..next(3) as usize);
                        }
                        _ => {
                            let at = next(quote.len() as u64) as usize;
                            quote[at] = words[next(12) as usize];
                        }
                    }
                    sample.id = id as i64;
                    sample.doc_id = next(5) as i64;
                    sample.claim.quote = quote.join(" ");
                    sample.clone()
                })
                .collect();
            let claims: Vec<&CheckClaim> = owned.iter().collect();
            let expected = sources_by_scan(&claims);
            assert_eq!(independent_sources(&claims), expected, "{claims:#?}");
            let docs: std::collections::HashSet<i64> = claims.iter().map(|c| c.doc_id).collect();
            outcomes.insert(docs.len() - expected);
        }
        // Reprints were found (fewer sources than documents) and also not found.
        assert!(
            outcomes.contains(&0) && outcomes.iter().any(|&d| d > 0),
            "{outcomes:?}"
        );
    }
}
