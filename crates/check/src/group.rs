//! Grouping claims by comparable key and turning disagreements into findings.

use std::collections::HashMap;

/// The maps every claim goes through (by key, by value class, by sentence): foldhash, seeded per
/// process, instead of SipHash. Nothing is output in their order.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

use rayon::prelude::*;

use claims_model::{
    Claim, ClaimKind, ClaimValue, Date, EventType, Finding, FindingClaim, FindingKind,
    FindingValue, Inference, Severity, Subject,
};

use crate::compare::{
    compare_dates, compare_numbers, scope_relation, DateVerdict, NumberVerdict, ScopeRelation,
    Tolerance,
};

/// A claim as the checker sees it: the claim plus where it came from.
#[derive(Clone, Debug)]
pub struct CheckClaim {
    /// Store id of the claim.
    pub id: i64,
    /// Store id of its document.
    pub doc_id: i64,
    /// The document path as ingested.
    pub document: String,
    /// The document's reference date, when known.
    pub doc_date: Option<Date>,
    /// The claim, with entity names already resolved.
    pub claim: Claim,
}

/// Settings of a check run.
#[derive(Clone, Debug)]
pub struct CheckOptions {
    /// Two dates of the same event from different documents further apart than this are taken
    /// to be different events (a second visit), not a disagreement.
    pub same_event_window_days: i64,
    /// Counts stated for times further apart than this are a change, not a contradiction.
    pub change_min_gap_days: i64,
    pub tolerance: Tolerance,
    /// Report agreements between independent documents too.
    pub agreements: bool,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            same_event_window_days: 365,
            change_min_gap_days: 7,
            tolerance: Tolerance::default(),
            agreements: false,
        }
    }
}

/// The comparison group of a claim: the key it is compared under, or `None` when the claim is
/// never compared with others. Additions and parts of another count ("added", "subset") belong
/// to their count's group (the estimates of a subject read them) although only the sentence
/// they stand in checks them. Stored as `claim_keys.check_key` by every check, so that a later
/// `claims check --touched` can tell which groups changed.
pub fn group_key(c: &Claim) -> Option<String> {
    subject_group_key(c.kind, &c.subject)
}

/// [`group_key`] from a claim's kind and subject alone.
pub fn subject_group_key(kind: ClaimKind, subject: &Subject) -> Option<String> {
    match (&kind, subject) {
        (ClaimKind::Count, Subject::Group { owner, category }) => Some(format!(
            "count|{}|{}",
            owner.as_deref().unwrap_or("?"),
            category
        )),
        (
            ClaimKind::Event,
            Subject::Event {
                event,
                participants,
                place,
            },
        ) => {
            let mut p = participants.clone();
            p.sort();
            p.dedup();
            Some(format!(
                "event|{}|{}|{}",
                event.as_str(),
                p.join("+"),
                place.as_deref().unwrap_or("")
            ))
        }
        _ => None,
    }
}

/// The key a claim is compared under, or `None` when the claim is not compared with others.
fn key_of(c: &Claim) -> Option<String> {
    // Additions and parts of another count are only checked inside their sentence.
    if c.kind == ClaimKind::Count && (c.attribute == "added" || c.attribute == "subset") {
        return None;
    }
    group_key(c)
}

/// A readable subject for a key.
fn subject_text(c: &Claim) -> String {
    match &c.subject {
        Subject::Group { owner, category } => match owner {
            Some(o) => format!("{category} of {o}"),
            None => category.clone(),
        },
        Subject::Event {
            event,
            participants,
            place,
        } => {
            let who = participants.join(", ");
            match (event, place) {
                (EventType::Visit, Some(p)) => format!("visit by {who} to {p}"),
                (EventType::Meeting, _) => format!("meeting of {who}"),
                (EventType::Signing, _) => format!("signing by {who}"),
                (EventType::Ratification, _) => format!("ratification by {who}"),
                (e, _) => format!("{} by {who}", e.as_str()),
            }
        }
        Subject::Article {
            instrument,
            article,
        } => format!("{instrument}, Article {article}"),
    }
}

/// Claims with the same key, value, scope, time and assumptions count as one statement.
fn class_key(c: &Claim) -> String {
    // The value's meaning, not its wording: "June 4" and "June 4, 2025" are one statement.
    let value = match &c.value {
        ClaimValue::Quantity {
            interval, hedge, ..
        } => {
            format!("{:?} {:?} {:?}", interval.low(), interval.high(), hedge)
        }
        ClaimValue::Date {
            interval,
            granularity,
            ..
        } => format!("{interval:?} {granularity:?}"),
        ClaimValue::Text { text } => text.clone(),
    };
    format!(
        "{}|{}|{:?}|{:?}",
        value,
        c.scope.as_ref().map(|s| s.place.as_str()).unwrap_or(""),
        c.as_of,
        c.inferred
    )
}

fn finding_claim(c: &CheckClaim) -> FindingClaim {
    FindingClaim {
        claim_id: c.id,
        document: c.document.clone(),
        document_date: c.doc_date.map(|d| d.to_string()),
        start: c.claim.span.start(),
        end: c.claim.span.end(),
        quote: c.claim.quote.clone(),
        value: FindingValue::from(&c.claim.value),
        as_of: c.claim.as_of.map(|a| {
            if a.len_days() == 1 {
                a.earliest().to_string()
            } else {
                format!("{}/{}", a.earliest(), a.latest())
            }
        }),
        attributed_to: c.claim.attributed_to.clone(),
    }
}

/// FNV-1a, for stable finding ids that do not depend on run order.
fn stable_id(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0u8)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("F{:012x}", h & 0xffff_ffff_ffff)
}

fn make_finding(
    kind: FindingKind,
    severity: Severity,
    subject: String,
    summary: String,
    reason: &str,
    arithmetic: Option<String>,
    members: &[&CheckClaim],
) -> Finding {
    let mut ids: Vec<i64> = members.iter().map(|c| c.id).collect();
    ids.sort_unstable();
    let id_text: Vec<String> = ids.iter().map(i64::to_string).collect();
    let mut parts = vec![kind.as_str(), subject.as_str(), reason];
    parts.extend(id_text.iter().map(String::as_str));
    Finding {
        id: stable_id(&parts),
        kind,
        severity,
        subject,
        summary,
        reason: reason.to_string(),
        arithmetic,
        claims: members.iter().map(|c| finding_claim(c)).collect(),
    }
}

/// Compares every comparable group of claims and returns the findings, most severe first.
pub fn check(claims: &[CheckClaim], opts: &CheckOptions) -> Vec<Finding> {
    check_where(claims, opts, |_| true)
}

/// [`check`] with the in-sentence arithmetic limited to the documents `arithmetic_in` accepts
/// (by document id); every key of `claims` is compared as in [`check`]. A check of the groups a
/// batch of documents touched passes the claims of those groups and accepts only the batch's
/// documents: the arithmetic of a sentence depends on that sentence alone.
pub fn check_where(
    claims: &[CheckClaim],
    opts: &CheckOptions,
    arithmetic_in: impl Fn(i64) -> bool,
) -> Vec<Finding> {
    let mut findings: Vec<Finding> = Vec::new();
    let Ok(()) = check_each(claims, opts, arithmetic_in, |batch| {
        findings.extend(batch);
        Ok::<(), std::convert::Infallible>(())
    });
    findings.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then_with(|| a.subject.cmp(&b.subject))
            .then_with(|| a.id.cmp(&b.id))
    });
    findings.dedup_by(|a, b| a.id == b.id);
    findings
}

/// About how many claims' groups are compared per batch of [`check_each`]: a batch's findings
/// (a few thousand) are what it holds at once.
const BATCH_CLAIMS: usize = 16_384;

/// The findings of [`check_where`], handed to `sink` a batch at a time as they are found and in
/// no particular order, the same finding possibly twice (each is found once today, but nothing
/// relies on it): [`check_where`] sorts them and drops repeated ids. Groups are compared on all
/// cores a batch at a time while `sink` takes the previous batch on the calling thread, so a
/// caller that stores the findings (`claims check`) never holds every finding of a collection.
/// The in-sentence arithmetic comes last, as one batch.
///
/// # Errors
/// The first error of `sink`; no batch is found after it.
pub fn check_each<E>(
    claims: &[CheckClaim],
    opts: &CheckOptions,
    arithmetic_in: impl Fn(i64) -> bool,
    mut sink: impl FnMut(Vec<Finding>) -> Result<(), E>,
) -> Result<(), E> {
    let mut groups: FastMap<String, Vec<&CheckClaim>> = FastMap::default();
    for c in claims {
        if !c.claim.modality.is_factual() {
            continue;
        }
        if let Some(k) = key_of(&c.claim) {
            groups.entry(k).or_default().push(c);
        }
    }
    // Keys are independent: they are compared on all cores, a batch of groups at a time.
    let groups: Vec<Vec<&CheckClaim>> = groups.into_values().collect();
    let mut batches: Vec<&[Vec<&CheckClaim>]> = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (i, members) in groups.iter().enumerate() {
        size += members.len();
        if size >= BATCH_CLAIMS {
            batches.push(&groups[start..=i]);
            (start, size) = (i + 1, 0);
        }
    }
    if start < groups.len() {
        batches.push(&groups[start..]);
    }
    std::thread::scope(|s| {
        // One batch ahead: found while the sink takes the one before.
        let (send, found) = std::sync::mpsc::sync_channel::<Vec<Finding>>(1);
        s.spawn(move || {
            for batch in batches {
                let findings: Vec<Finding> = batch
                    .par_iter()
                    .flat_map_iter(|members| check_key(members, opts))
                    .collect();
                // The sink failed and the receiver is gone: nothing more to find.
                if send.send(findings).is_err() {
                    return;
                }
            }
        });
        for findings in found {
            sink(findings)?;
        }
        Ok(())
    })?;
    sink(
        arithmetic(claims.iter().filter(|c| arithmetic_in(c.doc_id)), opts)
            .into_iter()
            .collect(),
    )
}

/// The findings inside one key: its value classes compared pairwise where their scopes allow.
fn check_key(members: &[&CheckClaim], opts: &CheckOptions) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Value classes: identical statements are compared once.
    let mut classes: FastMap<String, Vec<&CheckClaim>> = FastMap::default();
    for c in members {
        classes.entry(class_key(&c.claim)).or_default().push(c);
    }
    // Sorted so that a finding's claims come out in the same order on every run.
    let mut classes: Vec<(String, Vec<&CheckClaim>)> = classes.into_iter().collect();
    classes.sort_by(|a, b| a.0.cmp(&b.0));
    let classes: Vec<Vec<&CheckClaim>> = classes.into_iter().map(|(_, v)| v).collect();
    let scopes = ScopeBuckets::new(&classes);
    // Only classes whose scopes are comparable (the same place, one inside the other, or
    // one unknown) can disagree: pairs are taken bucket by bucket, never all pairs of the
    // key (a key restated across many regions has many classes, few of them comparable).
    for (p, q) in scopes.related_pairs() {
        for &i in &scopes.members[p] {
            for &j in &scopes.members[q] {
                if p == q && j <= i {
                    continue;
                }
                let (i, j) = (i.min(j), i.max(j));
                let rel = scopes.relation_of(i, j);
                // A figure's history is reported step by step: a change between two
                // statements with another one dated between them is implied by the steps.
                let implied = || scopes.has_class_between(&classes, i, j);
                findings.extend(compare_classes(
                    &classes[i],
                    &classes[j],
                    rel,
                    implied,
                    opts,
                ));
            }
        }
    }
    findings
}

fn docs_of(class: &[&CheckClaim]) -> Vec<i64> {
    let mut d: Vec<i64> = class.iter().map(|c| c.doc_id).collect();
    d.sort_unstable();
    d.dedup();
    d
}

fn compare_classes(
    a: &[&CheckClaim],
    b: &[&CheckClaim],
    rel: ScopeRelation,
    change_implied: impl Fn() -> bool,
    opts: &CheckOptions,
) -> Option<Finding> {
    let (ca, cb) = (&a[0].claim, &b[0].claim);
    // Two statements of one sentence are never a disagreement between sources.
    let same_sentence = a.iter().all(|x| {
        b.iter()
            .all(|y| x.doc_id == y.doc_id && x.claim.span == y.claim.span)
    });
    if same_sentence {
        return None;
    }
    // Most pairs of classes make no finding: what only a finding needs (its members in order,
    // its subject, whether it is one document's) is worked out only for those that do.
    let same_doc = || docs_of(a) == docs_of(b) && docs_of(a).len() == 1;
    let weak_assumption = |c: &Claim| c.inferred.contains(&Inference::YearFromCollection);
    let members = || {
        let mut m: Vec<&CheckClaim> = a.iter().chain(b.iter()).copied().collect();
        m.sort_by(|x, y| {
            x.document
                .cmp(&y.document)
                .then(x.claim.span.start().cmp(&y.claim.span.start()))
        });
        m
    };
    match (&ca.value, &cb.value) {
        (ClaimValue::Quantity { .. }, ClaimValue::Quantity { .. }) => {
            if rel == ScopeRelation::Unrelated {
                return None;
            }
            let verdict = compare_numbers(ca, cb, rel, &opts.tolerance);
            let time_apart = match (ca.as_of, cb.as_of) {
                (Some(x), Some(y)) => x.gap_days(&y) > opts.change_min_gap_days,
                _ => false,
            };
            let weak = matches!(rel, ScopeRelation::OneUnknown)
                || weak_assumption(ca)
                || weak_assumption(cb);
            let (severity, reason, what) = match verdict {
                NumberVerdict::Compatible { hedge_mismatch: true, .. } => (Severity::Tension, "hedge_mismatch", "state the same figure with opposite hedges"),
                NumberVerdict::Compatible { .. } => {
                    if opts.agreements && crate::estimates::independent_sources(&members()) >= 2 {
                        (Severity::Agreement, "corroborated", "agree")
                    } else {
                        return None;
                    }
                }
                NumberVerdict::Disjoint { .. } if time_apart && cumulative_decreased(ca, cb) => (Severity::Contradiction, "cumulative_decreased", "give a running total that went down"),
                NumberVerdict::Disjoint { .. } | NumberVerdict::PartExceedsWhole { .. } if time_apart => (Severity::Change, "different_times", "give different figures for different times"),
                NumberVerdict::Disjoint { near_miss: true, .. } => (Severity::Tension, "near_miss", "give slightly different figures"),
                NumberVerdict::Disjoint { .. } if weak => (Severity::Tension, "weak_key", "give incompatible figures, but the claims may not be about exactly the same group or time"),
                NumberVerdict::Disjoint { .. } => (Severity::Contradiction, "disjoint_intervals", "give figures that cannot both be true"),
                NumberVerdict::PartExceedsWhole { .. } if weak => (Severity::Tension, "weak_key", "give a count for a part larger than another count for the whole, but may not be about the same time"),
                NumberVerdict::PartExceedsWhole { .. } => (Severity::Contradiction, "part_exceeds_whole", "give a count for a part that exceeds the count for the whole"),
            };
            if severity == Severity::Change && change_implied() {
                return None;
            }
            let arith = verdict.arithmetic();
            let members = members();
            let subject = subject_text(ca);
            let subject = match (&ca.scope, &cb.scope, rel) {
                (Some(s), _, ScopeRelation::Same) | (Some(s), None, _) | (None, Some(s), _) => {
                    format!("{subject} in {}", s.place)
                }
                (Some(x), Some(y), _) => format!("{subject} in {} / {}", x.place, y.place),
                _ => subject,
            };
            let who = if same_doc() {
                "The document's statements"
            } else {
                "Sources"
            };
            let summary = format!("{who} {what} for {subject}: {}.", value_list(&members));
            Some(make_finding(
                FindingKind::Numeric,
                severity,
                subject,
                summary,
                reason,
                Some(arith),
                &members,
            ))
        }
        (
            ClaimValue::Date {
                interval: ia,
                granularity: ga,
                ..
            },
            ClaimValue::Date {
                interval: ib,
                granularity: gb,
                ..
            },
        ) => {
            if rel == ScopeRelation::Unrelated {
                return None;
            }
            let verdict = compare_dates(ia, ib);
            let DateVerdict::Disjoint { gap_days } = verdict else {
                let members = members();
                if opts.agreements && crate::estimates::independent_sources(&members) >= 2 {
                    let subject = subject_text(ca);
                    let summary = format!(
                        "Sources agree on the date of the {subject}: {}.",
                        value_list(&members)
                    );
                    return Some(make_finding(
                        FindingKind::Date,
                        Severity::Agreement,
                        subject,
                        summary,
                        "corroborated",
                        Some(verdict.arithmetic(ia, ib)),
                        &members,
                    ));
                }
                return None;
            };
            let same_doc = same_doc();
            if !same_doc && gap_days > opts.same_event_window_days {
                return None;
            }
            let members = members();
            let subject = subject_text(ca);
            let vague = matches!(ga, claims_model::Granularity::Vague)
                || matches!(gb, claims_model::Granularity::Vague);
            let weak = weak_assumption(ca) || weak_assumption(cb) || vague;
            let (severity, reason, what) = if weak {
                (
                    Severity::Tension,
                    "weak_date",
                    "give different dates (one of them rests on an assumed or vague date)",
                )
            } else if same_doc {
                (
                    Severity::Contradiction,
                    "same_event_two_dates",
                    "gives two different dates",
                )
            } else {
                (
                    Severity::Contradiction,
                    "disjoint_dates",
                    "give dates that cannot both be true",
                )
            };
            let who = if same_doc { "The document" } else { "Sources" };
            let summary = format!("{who} {what} for the {subject}: {}.", value_list(&members));
            Some(make_finding(
                FindingKind::Date,
                severity,
                subject,
                summary,
                reason,
                Some(verdict.arithmetic(ia, ib)),
                &members,
            ))
        }
        _ => None,
    }
}

/// The value classes of one key grouped by scope, with the relation between every two scopes
/// worked out once.
struct ScopeBuckets {
    /// Class indices of each distinct scope (place and the places it lies within).
    members: Vec<Vec<usize>>,
    /// The bucket of each class.
    bucket_of: Vec<usize>,
    /// `relation[p][q]`: how the scope of bucket `p` relates to that of bucket `q`.
    relation: Vec<Vec<ScopeRelation>>,
    /// Per bucket, the as-of times of its classes sorted by earliest day, with the smallest
    /// latest day from each position to the end: "is one of them strictly between two days?"
    /// is then a binary search.
    as_of: Vec<Vec<(Date, Date)>>,
    min_latest_from: Vec<Vec<Date>>,
}

impl ScopeBuckets {
    fn new(classes: &[Vec<&CheckClaim>]) -> Self {
        let mut scopes: Vec<Option<&claims_model::Scope>> = Vec::new();
        let mut members: Vec<Vec<usize>> = Vec::new();
        let mut bucket_of = Vec::with_capacity(classes.len());
        for (i, class) in classes.iter().enumerate() {
            let scope = class[0].claim.scope.as_ref();
            let b = match scopes.iter().position(|s| *s == scope) {
                Some(b) => b,
                None => {
                    scopes.push(scope);
                    members.push(Vec::new());
                    scopes.len() - 1
                }
            };
            members[b].push(i);
            bucket_of.push(b);
        }
        let relation = scopes
            .iter()
            .map(|x| scopes.iter().map(|y| scope_relation(*x, *y)).collect())
            .collect();
        let mut as_of: Vec<Vec<(Date, Date)>> = members
            .iter()
            .map(|m| {
                m.iter()
                    .filter_map(|&i| classes[i][0].claim.as_of)
                    .map(|t| (t.earliest(), t.latest()))
                    .collect()
            })
            .collect();
        let mut min_latest_from = Vec::with_capacity(as_of.len());
        for times in &mut as_of {
            times.sort_unstable();
            let mut mins = vec![Date::MAX; times.len()];
            let mut least = Date::MAX;
            for (k, t) in times.iter().enumerate().rev() {
                least = least.min(t.1);
                mins[k] = least;
            }
            min_latest_from.push(mins);
        }
        ScopeBuckets {
            members,
            bucket_of,
            relation,
            as_of,
            min_latest_from,
        }
    }

    /// Pairs of buckets `(p, q)`, `p <= q`, whose classes may be compared.
    fn related_pairs(&self) -> Vec<(usize, usize)> {
        let n = self.members.len();
        (0..n)
            .flat_map(|p| (p..n).map(move |q| (p, q)))
            .filter(|&(p, q)| self.relation[p][q] != ScopeRelation::Unrelated)
            .collect()
    }

    fn relation_of(&self, i: usize, j: usize) -> ScopeRelation {
        self.relation[self.bucket_of[i]][self.bucket_of[j]]
    }

    /// Is there a value class, of a scope comparable with both, whose as-of time lies strictly
    /// between those of classes `i` and `j`?
    fn has_class_between(&self, classes: &[Vec<&CheckClaim>], i: usize, j: usize) -> bool {
        let (Some(a), Some(b)) = (classes[i][0].claim.as_of, classes[j][0].claim.as_of) else {
            return false;
        };
        let (lo, hi) = if a.latest() < b.earliest() {
            (a, b)
        } else {
            (b, a)
        };
        // Classes `i` and `j` themselves never lie strictly between their own times.
        let (bi, bj) = (self.bucket_of[i], self.bucket_of[j]);
        (0..self.members.len()).any(|k| {
            if self.relation[k][bi] == ScopeRelation::Unrelated
                || self.relation[k][bj] == ScopeRelation::Unrelated
            {
                return false;
            }
            let from = self.as_of[k].partition_point(|t| t.0 <= lo.latest());
            self.min_latest_from[k]
                .get(from)
                .is_some_and(|&least| least < hi.earliest())
        })
    }
}

/// Two running totals ("the toll rose to", "bringing the total to") where the later one is
/// smaller than the earlier: totals only grow.
fn cumulative_decreased(a: &Claim, b: &Claim) -> bool {
    if a.attribute != "total" || b.attribute != "total" {
        return false;
    }
    let (Some(ta), Some(tb)) = (a.as_of, b.as_of) else {
        return false;
    };
    let (earlier, later) = if ta.latest() < tb.earliest() {
        (a, b)
    } else if tb.latest() < ta.earliest() {
        (b, a)
    } else {
        return false;
    };
    match (&earlier.value, &later.value) {
        (ClaimValue::Quantity { interval: e, .. }, ClaimValue::Quantity { interval: l, .. }) => {
            matches!((l.high(), e.low()), (Some(lh), Some(el)) if lh < el)
        }
        _ => false,
    }
}

/// "tens of thousands (001.txt) vs as many as 8,000 (004.txt)".
fn value_list(members: &[&CheckClaim]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in members {
        let text = match &c.claim.value {
            ClaimValue::Quantity { text, .. } | ClaimValue::Date { text, .. } => text.clone(),
            ClaimValue::Text { text } => text.clone(),
        };
        let doc = std::path::Path::new(&c.document)
            .file_name()
            .map_or(c.document.clone(), |f| f.to_string_lossy().to_string());
        let item = format!("“{text}” ({doc})");
        if !parts.contains(&item) {
            parts.push(item);
        }
    }
    parts.join(" vs ")
}

/// Inside one sentence: an addition larger than the total it is said to bring about.
fn arithmetic<'a>(
    claims: impl Iterator<Item = &'a CheckClaim>,
    opts: &CheckOptions,
) -> Vec<Finding> {
    let mut by_sentence: FastMap<(i64, usize), Vec<&CheckClaim>> = FastMap::default();
    for c in claims {
        if c.claim.kind == ClaimKind::Count && c.claim.modality.is_factual() {
            by_sentence
                .entry((c.doc_id, c.claim.span.start()))
                .or_default()
                .push(c);
        }
    }
    let mut out = Vec::new();
    for group in by_sentence.values() {
        // "X, of whom Y": Y may not exceed X.
        for part in group.iter().filter(|c| c.claim.attribute == "subset") {
            for whole in group
                .iter()
                .filter(|c| matches!(c.claim.attribute.as_str(), "count" | "total"))
            {
                let (
                    ClaimValue::Quantity { interval: ip, .. },
                    ClaimValue::Quantity { interval: iw, .. },
                ) = (&part.claim.value, &whole.claim.value)
                else {
                    continue;
                };
                let (Some(part_low), Some(whole_high)) = (
                    ip.low(),
                    opts.tolerance.widen(iw, whole.claim.value_hedge()).high(),
                ) else {
                    continue;
                };
                if part_low > whole_high {
                    let subject = subject_text(&whole.claim);
                    let summary = format!(
                        "A part ({}) cannot be larger than the group it is part of ({}).",
                        quantity_text(&part.claim),
                        quantity_text(&whole.claim)
                    );
                    let arith = format!(
                        "part ≥ {} > whole ≤ {}",
                        fmt_num(part_low),
                        fmt_num(whole_high)
                    );
                    out.push(make_finding(
                        FindingKind::Arithmetic,
                        Severity::Contradiction,
                        subject,
                        summary,
                        "part_exceeds_group",
                        Some(arith),
                        &[part, whole],
                    ));
                }
            }
        }
        for added in group.iter().filter(|c| c.claim.attribute == "added") {
            for total in group.iter().filter(|c| c.claim.attribute == "total") {
                let (Subject::Group { category: ca, .. }, Subject::Group { category: cb, .. }) =
                    (&added.claim.subject, &total.claim.subject)
                else {
                    continue;
                };
                if ca != cb {
                    continue;
                }
                let (
                    ClaimValue::Quantity { interval: ia, .. },
                    ClaimValue::Quantity { interval: it, .. },
                ) = (&added.claim.value, &total.claim.value)
                else {
                    continue;
                };
                let (Some(add_low), Some(total_high)) = (
                    ia.low(),
                    opts.tolerance.widen(it, total.claim.value_hedge()).high(),
                ) else {
                    continue;
                };
                if add_low > total_high {
                    let subject = subject_text(&total.claim);
                    let summary = format!(
                        "An addition of {} cannot bring the total to {}: the total is smaller than what was added.",
                        quantity_text(&added.claim),
                        quantity_text(&total.claim)
                    );
                    let arith = format!(
                        "added ≥ {} > total ≤ {}",
                        fmt_num(add_low),
                        fmt_num(total_high)
                    );
                    out.push(make_finding(
                        FindingKind::Arithmetic,
                        Severity::Contradiction,
                        subject,
                        summary,
                        "total_below_addition",
                        Some(arith),
                        &[added, total],
                    ));
                }
            }
        }
    }
    out
}

fn quantity_text(c: &Claim) -> String {
    match &c.value {
        ClaimValue::Quantity { text, unit, .. } => match unit {
            Some(u) => format!("“{text} {u}”"),
            None => format!("“{text}”"),
        },
        _ => String::new(),
    }
}

/// 25000 → "25,000".
pub fn fmt_num(v: f64) -> String {
    if v.fract() != 0.0 && v.abs() < 100.0 {
        return format!("{v:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string();
    }
    let v = v.round();
    let s = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if v < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}

trait ValueHedge {
    fn value_hedge(&self) -> claims_model::Hedge;
}

impl ValueHedge for Claim {
    fn value_hedge(&self) -> claims_model::Hedge {
        match &self.value {
            ClaimValue::Quantity { hedge, .. } => *hedge,
            _ => claims_model::Hedge::Exact,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claims_model::{DateInterval, Hedge, Interval, Modality, Scope, Span};

    /// `check_each` hands over every finding of `check` in batches (several on a collection of
    /// this size), and stops at the sink's first error.
    #[test]
    fn check_each_gives_the_findings_of_check_in_batches_and_stops_at_an_error() {
        let claims = crate::synthetic::claims(20_000);
        let opts = CheckOptions::default();
        let mut batches = 0;
        let mut all: Vec<Finding> = Vec::new();
        let Ok(()) = check_each(
            &claims,
            &opts,
            |_| true,
            |b| {
                batches += 1;
                all.extend(b);
                Ok::<(), std::convert::Infallible>(())
            },
        );
        assert!(batches > 2, "{batches} batches");
        all.sort_by(|a, b| a.id.cmp(&b.id));
        let mut expected = check(&claims, &opts);
        expected.sort_by(|a, b| a.id.cmp(&b.id));
        assert!(!expected.is_empty());
        assert_eq!(all, expected);
        let mut calls = 0;
        let failed = check_each(
            &claims,
            &opts,
            |_| true,
            |_| {
                calls += 1;
                Err("full disk")
            },
        );
        assert_eq!((failed, calls), (Err("full disk"), 1));
    }

    fn class(id: i64, place: Option<(&str, &[&str])>, as_of: Option<(i16, i16)>) -> CheckClaim {
        let day = |d: i16| jiff::civil::date(2024, 1, 1).saturating_add(jiff::Span::new().days(d));
        CheckClaim {
            id,
            doc_id: id,
            document: format!("d{id}.txt"),
            doc_date: None,
            claim: Claim {
                kind: ClaimKind::Count,
                subject: Subject::Group {
                    owner: None,
                    category: "troops".into(),
                },
                attribute: "count".into(),
                value: ClaimValue::Quantity {
                    interval: Interval::point(id as f64),
                    hedge: Hedge::Exact,
                    unit: None,
                    text: id.to_string(),
                },
                as_of: as_of.map(|(a, b)| {
                    DateInterval::new(day(a), day(a + b)).unwrap_or(DateInterval::day(day(a)))
                }),
                scope: place.map(|(p, w)| Scope {
                    place: p.into(),
                    within: w.iter().map(|s| s.to_string()).collect(),
                }),
                attributed_to: None,
                modality: Modality::Asserted,
                span: Span::covering(0, 1),
                quote: String::new(),
                inferred: vec![],
            },
        }
    }

    /// The definition `ScopeBuckets` answers faster: scan every class.
    fn between_by_scan(classes: &[Vec<&CheckClaim>], i: usize, j: usize) -> bool {
        let (Some(a), Some(b)) = (classes[i][0].claim.as_of, classes[j][0].claim.as_of) else {
            return false;
        };
        let (lo, hi) = if a.latest() < b.earliest() {
            (a, b)
        } else {
            (b, a)
        };
        let comparable = |k: usize, other: usize| {
            scope_relation(
                classes[k][0].claim.scope.as_ref(),
                classes[other][0].claim.scope.as_ref(),
            ) != ScopeRelation::Unrelated
        };
        classes.iter().enumerate().any(|(k, c)| {
            k != i
                && k != j
                && comparable(k, i)
                && comparable(k, j)
                && c[0]
                    .claim
                    .as_of
                    .is_some_and(|m| lo.latest() < m.earliest() && m.latest() < hi.earliest())
        })
    }

    #[test]
    fn buckets_agree_with_scanning_every_class() {
        let places: [Option<(&str, &[&str])>; 5] = [
            None,
            Some(("Kursk", &["Russia"])),
            Some(("Russia", &[])),
            Some(("Belgorod", &["Russia"])),
            Some(("Kyiv", &["Ukraine"])),
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let mut checked = (0, 0);
        for round in 0..40 {
            let owned: Vec<CheckClaim> = (0..12 + round)
                .map(|id| {
                    let place = places[next(5) as usize];
                    let as_of = (next(5) > 0).then(|| (next(300) as i16, next(20) as i16));
                    class(id as i64, place, as_of)
                })
                .collect();
            let classes: Vec<Vec<&CheckClaim>> = owned.iter().map(|c| vec![c]).collect();
            let buckets = ScopeBuckets::new(&classes);
            let related: Vec<(usize, usize)> = buckets.related_pairs();
            for i in 0..classes.len() {
                for j in i + 1..classes.len() {
                    let rel = scope_relation(
                        classes[i][0].claim.scope.as_ref(),
                        classes[j][0].claim.scope.as_ref(),
                    );
                    assert_eq!(buckets.relation_of(i, j), rel);
                    let (p, q) = (buckets.bucket_of[i], buckets.bucket_of[j]);
                    let listed = related.contains(&(p.min(q), p.max(q)));
                    assert_eq!(listed, rel != ScopeRelation::Unrelated, "{i} {j}");
                    let expected = between_by_scan(&classes, i, j);
                    assert_eq!(
                        buckets.has_class_between(&classes, i, j),
                        expected,
                        "{i} {j}"
                    );
                    checked.0 += 1;
                    checked.1 += usize::from(expected);
                }
            }
        }
        // Both answers occur often enough for the comparison to mean something.
        assert!(
            checked.1 > 1000 && checked.0 - checked.1 > 1000,
            "{checked:?}"
        );
    }
}
