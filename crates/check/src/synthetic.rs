//! Generated claims for benchmarks of the checker (deterministic, no I/O).

use claims_model::{
    Claim, ClaimKind, ClaimValue, DateInterval, EventType, Granularity, Hedge, Interval, Modality,
    Scope, Span, Subject,
};

use crate::CheckClaim;

/// `n` claims over about `n / 20` keys: counts with a few distinct figures per key and dated
/// events, some of them disagreeing. Deterministic for a given `n`.
pub fn claims(n: usize) -> Vec<CheckClaim> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let keys = (n / 20).max(1);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let r = next();
        let key = (r % keys as u64) as usize;
        let doc = (i / 10) as i64;
        let span = Span::covering(0, 10);
        let claim = if key.is_multiple_of(2) {
            let base = 1000.0 * ((key % 50) + 1) as f64;
            let figure = match r % 7 {
                0 => base * 3.0,
                1 => base * 1.02,
                _ => base,
            };
            let hedge = [
                Hedge::Exact,
                Hedge::Approximate,
                Hedge::UpperBound,
                Hedge::LowerBound,
            ][(r % 4) as usize];
            let interval = match hedge {
                Hedge::UpperBound => Interval::between(0.0, figure),
                Hedge::LowerBound => Interval::at_least(figure),
                Hedge::Approximate => Interval::between(figure * 0.9, figure * 1.1),
                _ => Interval::point(figure),
            };
            Claim {
                kind: ClaimKind::Count,
                subject: Subject::Group {
                    owner: Some(format!("Country {}", key % 97)),
                    category: format!("group{key}"),
                },
                attribute: "count".into(),
                value: ClaimValue::Quantity {
                    interval,
                    hedge,
                    unit: None,
                    text: format!("{figure}"),
                },
                as_of: None,
                scope: Some(Scope {
                    place: format!("Region {}", key % 13),
                    within: vec![format!("Country {}", key % 97)],
                }),
                attributed_to: None,
                modality: Modality::Asserted,
                span,
                quote: format!("claim {i} of key {key}"),
                inferred: vec![],
            }
        } else {
            // One claim in nine gives the next month: a disagreement.
            let month = 1 + (key % 12) as i8;
            let month = if r % 9 == 0 { (month % 12) + 1 } else { month };
            let start = jiff::civil::date(2024, month, 1);
            let end = start.last_of_month();
            Claim {
                kind: ClaimKind::Event,
                subject: Subject::Event {
                    event: EventType::Visit,
                    participants: vec![format!("Person {key}")],
                    place: Some(format!("Country {}", key % 97)),
                },
                attribute: "date".into(),
                value: ClaimValue::Date {
                    interval: DateInterval::new(start, end).unwrap_or(DateInterval::day(start)),
                    granularity: Granularity::Month,
                    value: format!("2024-{month:02}"),
                    text: format!("2024-{month:02}"),
                },
                as_of: None,
                scope: None,
                attributed_to: None,
                modality: Modality::Asserted,
                span,
                quote: format!("claim {i} of key {key}"),
                inferred: vec![],
            }
        };
        out.push(CheckClaim {
            id: i as i64,
            doc_id: doc,
            document: format!("doc{doc}.txt"),
            doc_date: None,
            claim,
        });
    }
    out
}
