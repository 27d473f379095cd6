//! The checker's rules end to end on hand-built claims: severity and reason for each situation.

use claims_check::{check, CheckClaim, CheckOptions};
use claims_model::{
    Claim, ClaimKind, ClaimValue, DateInterval, EventType, Granularity, Hedge, Inference, Interval,
    Modality, Scope, Severity, Span, Subject,
};
use jiff::civil::date;

fn count(
    id: i64,
    doc: i64,
    low: f64,
    high: Option<f64>,
    hedge: Hedge,
    place: Option<&str>,
) -> CheckClaim {
    CheckClaim {
        id,
        doc_id: doc,
        document: format!("doc{doc}.txt"),
        doc_date: None,
        claim: Claim {
            kind: ClaimKind::Count,
            subject: Subject::Group {
                owner: Some("North Korea".into()),
                category: "troops".into(),
            },
            attribute: "count".into(),
            value: ClaimValue::Quantity {
                interval: Interval::new(Some(low), high).unwrap(),
                hedge,
                unit: None,
                text: format!("{low}"),
            },
            as_of: None,
            scope: place.map(|p| Scope {
                place: p.into(),
                within: if p == "Russia" {
                    vec![]
                } else {
                    vec!["Russia".into()]
                },
            }),
            attributed_to: None,
            modality: Modality::Asserted,
            span: Span::new(id as usize * 10, id as usize * 10 + 5).unwrap(),
            quote: format!("quote {id}"),
            inferred: vec![],
        },
    }
}

fn visit(id: i64, doc: i64, from: (i16, i8, i8), to: (i16, i8, i8), g: Granularity) -> CheckClaim {
    let mut c = count(id, doc, 0.0, Some(0.0), Hedge::Exact, None);
    c.claim.kind = ClaimKind::Event;
    c.claim.subject = Subject::Event {
        event: EventType::Visit,
        participants: vec!["Vladimir Putin".into()],
        place: Some("North Korea".into()),
    };
    c.claim.attribute = "date".into();
    c.claim.value = ClaimValue::Date {
        interval: DateInterval::new(date(from.0, from.1, from.2), date(to.0, to.1, to.2)).unwrap(),
        granularity: g,
        value: String::new(),
        text: String::new(),
    };
    c
}

fn severities(claims: &[CheckClaim]) -> Vec<(Severity, String)> {
    check(claims, &CheckOptions::default())
        .into_iter()
        .map(|f| (f.severity, f.reason))
        .collect()
}

fn one(claims: &[CheckClaim]) -> Option<(Severity, String)> {
    let s = severities(claims);
    assert!(s.len() <= 1, "{s:?}");
    s.into_iter().next()
}

#[test]
fn disjoint_figures_for_the_same_place_contradict() {
    let a = count(
        1,
        1,
        20000.0,
        Some(99999.0),
        Hedge::OrderOfMagnitude,
        Some("Kursk Oblast"),
    );
    let b = count(
        2,
        2,
        0.0,
        Some(8000.0),
        Hedge::UpperBound,
        Some("Kursk Oblast"),
    );
    assert_eq!(
        one(&[a, b]),
        Some((Severity::Contradiction, "disjoint_intervals".into()))
    );
}

#[test]
fn figures_for_clearly_different_times_are_a_change() {
    let mut a = count(
        1,
        1,
        8000.0,
        Some(8000.0),
        Hedge::Exact,
        Some("Kursk Oblast"),
    );
    let mut b = count(
        2,
        2,
        11000.0,
        Some(11000.0),
        Hedge::Exact,
        Some("Kursk Oblast"),
    );
    a.claim.as_of = Some(DateInterval::day(date(2024, 11, 1)));
    b.claim.as_of = Some(DateInterval::day(date(2024, 12, 15)));
    assert_eq!(
        one(&[a.clone(), b.clone()]),
        Some((Severity::Change, "different_times".into()))
    );
    // The same two figures a day apart are a contradiction.
    b.claim.as_of = Some(DateInterval::day(date(2024, 11, 2)));
    assert_eq!(
        one(&[a, b]),
        Some((Severity::Contradiction, "disjoint_intervals".into()))
    );
}

#[test]
fn a_part_may_not_exceed_the_whole() {
    let part = count(
        1,
        1,
        12000.0,
        Some(12000.0),
        Hedge::Exact,
        Some("Kursk Oblast"),
    );
    let whole = count(2, 2, 10000.0, Some(10000.0), Hedge::Exact, Some("Russia"));
    assert_eq!(
        one(&[part, whole]),
        Some((Severity::Contradiction, "part_exceeds_whole".into()))
    );
    let part = count(
        1,
        1,
        8000.0,
        Some(8000.0),
        Hedge::Exact,
        Some("Kursk Oblast"),
    );
    let whole = count(2, 2, 10000.0, Some(10000.0), Hedge::Exact, Some("Russia"));
    assert_eq!(one(&[part, whole]), None);
}

#[test]
fn an_unstated_place_makes_at_most_a_tension() {
    let a = count(
        1,
        1,
        20000.0,
        Some(99999.0),
        Hedge::OrderOfMagnitude,
        Some("Kursk Oblast"),
    );
    let b = count(2, 2, 0.0, Some(8000.0), Hedge::UpperBound, None);
    assert_eq!(one(&[a, b]), Some((Severity::Tension, "weak_key".into())));
}

#[test]
fn hypothetical_and_negated_claims_are_never_compared() {
    let a = count(
        1,
        1,
        20000.0,
        Some(99999.0),
        Hedge::OrderOfMagnitude,
        Some("Kursk Oblast"),
    );
    for modality in [Modality::Hypothetical, Modality::Negated] {
        let mut b = count(
            2,
            2,
            0.0,
            Some(8000.0),
            Hedge::UpperBound,
            Some("Kursk Oblast"),
        );
        b.claim.modality = modality;
        assert_eq!(one(&[a.clone(), b]), None, "{modality:?}");
    }
}

#[test]
fn hedge_mismatch_and_near_miss_are_tensions() {
    let a = count(1, 1, 8000.0, None, Hedge::LowerBound, Some("Kursk Oblast"));
    let b = count(
        2,
        2,
        0.0,
        Some(8000.0),
        Hedge::UpperBound,
        Some("Kursk Oblast"),
    );
    assert_eq!(
        one(&[a, b]),
        Some((Severity::Tension, "hedge_mismatch".into()))
    );
    let a = count(
        1,
        1,
        0.0,
        Some(10000.0),
        Hedge::UpperBound,
        Some("Kursk Oblast"),
    );
    let b = count(2, 2, 10800.0, None, Hedge::LowerBound, Some("Kursk Oblast"));
    assert_eq!(one(&[a, b]), Some((Severity::Tension, "near_miss".into())));
}

#[test]
fn event_dates() {
    use Granularity::*;
    let june = visit(1, 1, (2024, 6, 1), (2024, 6, 30), Month);
    let nov = visit(2, 2, (2024, 11, 1), (2024, 11, 30), Month);
    assert_eq!(
        one(&[june.clone(), nov.clone()]),
        Some((Severity::Contradiction, "disjoint_dates".into()))
    );
    // "Early November" contains "November 1".
    let early = visit(3, 3, (2024, 11, 1), (2024, 11, 10), PartOfMonth);
    let first = visit(4, 4, (2024, 11, 1), (2024, 11, 1), Day);
    assert_eq!(one(&[early, first]), None);
    // More than a year apart in different documents: two visits.
    let later = visit(5, 5, (2025, 11, 1), (2025, 11, 30), Month);
    assert_eq!(one(&[june.clone(), later.clone()]), None);
    // …but in one document, the same event given two dates.
    let mut later_same_doc = later;
    later_same_doc.doc_id = 1;
    later_same_doc.document = "doc1.txt".into();
    assert_eq!(
        one(&[june.clone(), later_same_doc]),
        Some((Severity::Contradiction, "same_event_two_dates".into()))
    );
    // A year assumed from the collection makes it a tension.
    let mut assumed = nov;
    assumed.claim.inferred = vec![Inference::YearFromCollection];
    assert_eq!(
        one(&[june, assumed]),
        Some((Severity::Tension, "weak_date".into()))
    );
}

#[test]
fn an_addition_larger_than_the_total_is_an_arithmetic_contradiction() {
    let mut added = count(1, 1, 25000.0, Some(30000.0), Hedge::Range, None);
    added.claim.attribute = "added".into();
    let mut total = count(2, 1, 9900.0, Some(12100.0), Hedge::Approximate, None);
    total.claim.attribute = "total".into();
    total.claim.span = added.claim.span;
    let f = check(&[added, total], &CheckOptions::default());
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].severity, f[0].reason.as_str()),
        (Severity::Contradiction, "total_below_addition")
    );
}

#[test]
fn identical_statements_are_compared_once() {
    // Ten documents repeat "as many as 8,000"; one says "tens of thousands": one finding.
    let mut claims: Vec<CheckClaim> = (0..10)
        .map(|i| {
            count(
                i,
                i,
                0.0,
                Some(8000.0),
                Hedge::UpperBound,
                Some("Kursk Oblast"),
            )
        })
        .collect();
    claims.push(count(
        99,
        99,
        20000.0,
        Some(99999.0),
        Hedge::OrderOfMagnitude,
        Some("Kursk Oblast"),
    ));
    let f = check(&claims, &CheckOptions::default());
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].claims.len(), 11);
}

#[test]
fn running_totals_only_grow() {
    let mut a = count(1, 1, 500.0, Some(500.0), Hedge::Exact, None);
    let mut b = count(2, 2, 300.0, Some(300.0), Hedge::Exact, None);
    for c in [&mut a, &mut b] {
        c.claim.attribute = "total".into();
    }
    a.claim.as_of = Some(DateInterval::day(date(2024, 3, 1)));
    b.claim.as_of = Some(DateInterval::day(date(2024, 5, 1)));
    assert_eq!(
        one(&[a.clone(), b.clone()]),
        Some((Severity::Contradiction, "cumulative_decreased".into()))
    );
    // Growing is a change.
    b.claim.value = ClaimValue::Quantity {
        interval: Interval::point(900.0),
        hedge: Hedge::Exact,
        unit: None,
        text: "900".into(),
    };
    assert_eq!(
        one(&[a, b]),
        Some((Severity::Change, "different_times".into()))
    );
}

#[test]
fn a_part_larger_than_its_group_in_one_sentence() {
    let whole = count(1, 1, 1200.0, Some(1200.0), Hedge::Exact, None);
    let mut part = count(2, 1, 3000.0, Some(3000.0), Hedge::Exact, None);
    part.claim.attribute = "subset".into();
    part.claim.span = whole.claim.span;
    let f = check(&[whole.clone(), part], &CheckOptions::default());
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].severity, f[0].reason.as_str()),
        (Severity::Contradiction, "part_exceeds_group")
    );
    let mut small = count(3, 1, 300.0, Some(300.0), Hedge::Exact, None);
    small.claim.attribute = "subset".into();
    small.claim.span = whole.claim.span;
    assert!(check(&[whole, small], &CheckOptions::default()).is_empty());
}

#[test]
fn a_figure_history_is_reported_step_by_step() {
    // 8,000 in October, 10,000 in November, 12,000 in December: two changes, not three.
    let steps = [(8000.0, 10), (10000.0, 11), (12000.0, 12)];
    let claims: Vec<CheckClaim> = steps
        .iter()
        .enumerate()
        .map(|(i, &(v, month))| {
            let mut c = count(
                i as i64,
                i as i64,
                v,
                Some(v),
                Hedge::Exact,
                Some("Kursk Oblast"),
            );
            c.claim.as_of = Some(DateInterval::day(date(2024, month, 1)));
            c
        })
        .collect();
    let s = severities(&claims);
    assert_eq!(
        s,
        vec![(Severity::Change, "different_times".to_string()); 2]
    );
}

#[test]
fn a_statement_about_another_place_does_not_hide_a_change() {
    let mut a = count(
        1,
        1,
        8000.0,
        Some(8000.0),
        Hedge::Exact,
        Some("Kursk Oblast"),
    );
    let mut b = count(
        2,
        2,
        12000.0,
        Some(12000.0),
        Hedge::Exact,
        Some("Kursk Oblast"),
    );
    let mut elsewhere = count(
        3,
        3,
        500.0,
        Some(500.0),
        Hedge::Exact,
        Some("Belgorod Oblast"),
    );
    a.claim.as_of = Some(DateInterval::day(date(2024, 10, 1)));
    elsewhere.claim.as_of = Some(DateInterval::day(date(2024, 11, 1)));
    b.claim.as_of = Some(DateInterval::day(date(2024, 12, 1)));
    assert_eq!(
        severities(&[a, elsewhere, b]),
        vec![(Severity::Change, "different_times".to_string())]
    );
}
