//! Comparing two values: numeric intervals with hedges and scopes, and date intervals.
//!
//! The rules (also in docs/checker.md):
//! - A bare round figure ("10,000") stands for a rounded count: it is widened by
//!   [`Tolerance::round_figure`] (5 %) before comparing; other exact figures by
//!   [`Tolerance::exact`] (1 %). Hedged figures already carry their interval.
//! - An order-of-magnitude phrase ("thousands") has a firm low bound and a soft high bound:
//!   people say "thousands" of twelve thousand, never of eight hundred. Only its low bound can
//!   make a contradiction.
//! - A count for a place inside another (Kursk Oblast ⊂ Russia) may not exceed the count for the
//!   whole; a count with no stated place is taken as the whole.

use claims_model::{Claim, ClaimValue, DateInterval, Hedge, Interval, Scope};

use crate::group::fmt_num;

/// How much a stated figure is widened before it is compared.
#[derive(Clone, Copy, Debug)]
pub struct Tolerance {
    /// Relative tolerance for an exact figure with three or more trailing zeros.
    pub round_figure: f64,
    /// Relative tolerance for any other exact figure.
    pub exact: f64,
    /// Two disjoint intervals closer than this (relative to the larger figure) are a near miss.
    pub near_miss: f64,
}

impl Default for Tolerance {
    fn default() -> Self {
        Tolerance {
            round_figure: 0.05,
            exact: 0.01,
            near_miss: 0.10,
        }
    }
}

impl Tolerance {
    /// The interval a figure is compared with.
    pub fn widen(&self, i: &Interval, hedge: Hedge) -> Interval {
        match hedge {
            Hedge::Exact => {
                let v = i.low().or(i.high()).unwrap_or(0.0);
                let round = v != 0.0 && v.fract() == 0.0 && (v as i64) % 1000 == 0;
                i.widened(if round { self.round_figure } else { self.exact })
            }
            Hedge::OrderOfMagnitude => Interval::new(i.low(), None).unwrap_or(*i),
            _ => *i,
        }
    }
}

/// The tolerance used by default, for documentation and tests.
pub fn numeric_tolerance() -> Tolerance {
    Tolerance::default()
}

/// How the places of two claims relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeRelation {
    Same,
    /// The first claim's place is inside the second's.
    AWithinB,
    BWithinA,
    /// One claim states a place, the other none.
    OneUnknown,
    /// Different places, neither inside the other: not comparable.
    Unrelated,
}

pub fn scope_relation(a: Option<&Scope>, b: Option<&Scope>) -> ScopeRelation {
    match (a, b) {
        (None, None) => ScopeRelation::Same,
        (Some(_), None) | (None, Some(_)) => ScopeRelation::OneUnknown,
        (Some(x), Some(y)) if x.place == y.place => ScopeRelation::Same,
        (Some(x), Some(y)) if x.is_within(y) => ScopeRelation::AWithinB,
        (Some(x), Some(y)) if y.is_within(x) => ScopeRelation::BWithinA,
        _ => ScopeRelation::Unrelated,
    }
}

/// The outcome of comparing two figures.
#[derive(Clone, Debug, PartialEq)]
pub enum NumberVerdict {
    Compatible {
        hedge_mismatch: bool,
        a: Interval,
        b: Interval,
    },
    Disjoint {
        near_miss: bool,
        a: Interval,
        b: Interval,
    },
    PartExceedsWhole {
        part: Interval,
        whole: Interval,
    },
}

fn fmt_interval(i: &Interval) -> String {
    let lo = i.low().map_or("−∞".to_string(), fmt_num);
    let hi = i.high().map_or("∞".to_string(), fmt_num);
    format!("[{lo}, {hi}]")
}

impl NumberVerdict {
    /// The interval arithmetic in one line: "[20,000, 99,999] ∩ [0, 8,000] = ∅".
    pub fn arithmetic(&self) -> String {
        match self {
            NumberVerdict::Compatible { a, b, .. } => {
                format!("{} ∩ {} ≠ ∅", fmt_interval(a), fmt_interval(b))
            }
            NumberVerdict::Disjoint { a, b, .. } => {
                format!("{} ∩ {} = ∅", fmt_interval(a), fmt_interval(b))
            }
            NumberVerdict::PartExceedsWhole { part, whole } => {
                format!(
                    "part {} > whole {}",
                    fmt_interval(part),
                    fmt_interval(whole)
                )
            }
        }
    }
}

fn quantity(c: &Claim) -> Option<(Interval, Hedge)> {
    match &c.value {
        ClaimValue::Quantity {
            interval, hedge, ..
        } => Some((*interval, *hedge)),
        _ => None,
    }
}

/// Counts never go below zero: an open low bound of a count is 0.
fn floor_zero(i: Interval) -> Interval {
    match i.low() {
        None => Interval::new(Some(0.0), i.high()).unwrap_or(i),
        Some(_) => i,
    }
}

/// Compares the figures of two claims whose places relate as `rel`.
pub fn compare_numbers(a: &Claim, b: &Claim, rel: ScopeRelation, tol: &Tolerance) -> NumberVerdict {
    let (Some((ia, ha)), Some((ib, hb))) = (quantity(a), quantity(b)) else {
        return NumberVerdict::Compatible {
            hedge_mismatch: false,
            a: Interval::new(None, None).unwrap_or(Interval::point(0.0)),
            b: Interval::point(0.0),
        };
    };
    let (ia, ib) = (floor_zero(ia), floor_zero(ib));
    if rel == ScopeRelation::Unrelated {
        // Different places: nothing to compare.
        return NumberVerdict::Compatible {
            hedge_mismatch: false,
            a: ia,
            b: ib,
        };
    }
    let (wa, wb) = (tol.widen(&ia, ha), tol.widen(&ib, hb));
    // Which side is the part, when one place is inside the other (or one has no place).
    let part_whole = match rel {
        ScopeRelation::AWithinB => Some((ia, wa, ib, wb)),
        ScopeRelation::BWithinA => Some((ib, wb, ia, wa)),
        ScopeRelation::OneUnknown if a.scope.is_some() => Some((ia, wa, ib, wb)),
        ScopeRelation::OneUnknown => Some((ib, wb, ia, wa)),
        _ => None,
    };
    if let Some((part, wpart, whole, wwhole)) = part_whole {
        return match (wpart.low(), wwhole.high()) {
            (Some(pl), Some(wh)) if pl > wh => NumberVerdict::PartExceedsWhole { part, whole },
            _ => NumberVerdict::Compatible {
                hedge_mismatch: false,
                a: ia,
                b: ib,
            },
        };
    }
    if wa.intersects(&wb) {
        let point = |x: &Interval, y: &Interval| {
            let lo = match (x.low(), y.low()) {
                (Some(p), Some(q)) => Some(p.max(q)),
                (p, q) => p.or(q),
            };
            let hi = match (x.high(), y.high()) {
                (Some(p), Some(q)) => Some(p.min(q)),
                (p, q) => p.or(q),
            };
            matches!((lo, hi), (Some(l), Some(h)) if l == h)
        };
        let opposite = matches!(
            (ha, hb),
            (Hedge::LowerBound, Hedge::UpperBound) | (Hedge::UpperBound, Hedge::LowerBound)
        );
        return NumberVerdict::Compatible {
            hedge_mismatch: opposite && point(&ia, &ib),
            a: ia,
            b: ib,
        };
    }
    // Disjoint: how far apart, relative to the larger figure?
    let gap = match (wa.high(), wb.low(), wb.high(), wa.low()) {
        (Some(ah), Some(bl), _, _) if ah < bl => (bl - ah) / bl.abs().max(1.0),
        (_, _, Some(bh), Some(al)) if bh < al => (al - bh) / al.abs().max(1.0),
        _ => 1.0,
    };
    NumberVerdict::Disjoint {
        near_miss: gap <= tol.near_miss,
        a: ia,
        b: ib,
    }
}

/// The outcome of comparing two dates of one event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateVerdict {
    Overlap,
    Disjoint { gap_days: i64 },
}

impl DateVerdict {
    pub fn arithmetic(&self, a: &DateInterval, b: &DateInterval) -> String {
        let f = |d: &DateInterval| format!("[{}, {}]", d.earliest(), d.latest());
        match self {
            DateVerdict::Overlap => format!("{} ∩ {} ≠ ∅", f(a), f(b)),
            DateVerdict::Disjoint { gap_days } => {
                format!("{} ∩ {} = ∅ ({gap_days} days apart)", f(a), f(b))
            }
        }
    }
}

pub fn compare_dates(a: &DateInterval, b: &DateInterval) -> DateVerdict {
    if a.overlaps(b) {
        DateVerdict::Overlap
    } else {
        DateVerdict::Disjoint {
            gap_days: a.gap_days(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claims_model::{ClaimKind, Modality, Span, Subject};

    fn count(
        low: Option<f64>,
        high: Option<f64>,
        hedge: Hedge,
        place: Option<(&str, &[&str])>,
    ) -> Claim {
        Claim {
            kind: ClaimKind::Count,
            subject: Subject::Group {
                owner: Some("North Korea".into()),
                category: "troops".into(),
            },
            attribute: "count".into(),
            value: ClaimValue::Quantity {
                interval: Interval::new(low, high).unwrap(),
                hedge,
                unit: None,
                text: String::new(),
            },
            as_of: None,
            scope: place.map(|(p, w)| Scope {
                place: p.into(),
                within: w.iter().map(|s| s.to_string()).collect(),
            }),
            attributed_to: None,
            modality: Modality::Asserted,
            span: Span::new(0, 1).unwrap(),
            quote: String::new(),
            inferred: vec![],
        }
    }

    const KURSK: Option<(&str, &[&str])> = Some(("Kursk Oblast", &["Russia"]));
    const RUSSIA: Option<(&str, &[&str])> = Some(("Russia", &[]));

    fn verdict(a: &Claim, b: &Claim) -> NumberVerdict {
        compare_numbers(
            a,
            b,
            scope_relation(a.scope.as_ref(), b.scope.as_ref()),
            &Tolerance::default(),
        )
    }

    fn is_conflict(v: &NumberVerdict) -> bool {
        matches!(
            v,
            NumberVerdict::Disjoint {
                near_miss: false,
                ..
            } | NumberVerdict::PartExceedsWhole { .. }
        )
    }

    #[test]
    fn table_of_numeric_verdicts() {
        use Hedge::*;
        let rows: Vec<(Claim, Claim, bool, &str)> = vec![
            (
                count(Some(20000.0), Some(99999.0), OrderOfMagnitude, KURSK),
                count(Some(0.0), Some(8000.0), UpperBound, KURSK),
                true,
                "tens of thousands vs as many as 8,000",
            ),
            (
                count(Some(8000.0), None, LowerBound, KURSK),
                count(Some(0.0), Some(8000.0), UpperBound, KURSK),
                false,
                "at least vs as many as the same figure",
            ),
            (
                count(Some(0.0), Some(30000.0), UpperBound, None),
                count(Some(10800.0), Some(12000.0), UpperBound, None),
                false,
                "up to 30,000 vs nearly 12,000",
            ),
            (
                count(Some(8000.0), Some(8000.0), Exact, KURSK),
                count(Some(10000.0), Some(10000.0), Exact, RUSSIA),
                false,
                "8,000 in Kursk within 10,000 in Russia",
            ),
            (
                count(Some(12000.0), Some(12000.0), Exact, KURSK),
                count(Some(10000.0), Some(10000.0), Exact, RUSSIA),
                true,
                "12,000 in Kursk exceeds 10,000 in Russia",
            ),
            (
                count(Some(10000.0), Some(10000.0), Exact, None),
                count(Some(10400.0), Some(10400.0), Exact, None),
                false,
                "a round 10,000 admits 10,400",
            ),
            (
                count(Some(2000.0), Some(9999.0), OrderOfMagnitude, None),
                count(Some(12000.0), Some(12000.0), Exact, None),
                false,
                "thousands admits 12,000",
            ),
            (
                count(Some(2000.0), Some(9999.0), OrderOfMagnitude, None),
                count(Some(500.0), Some(500.0), Exact, None),
                true,
                "thousands is not 500",
            ),
            (
                count(Some(8000.0), Some(8000.0), Exact, KURSK),
                count(
                    Some(1000.0),
                    Some(1000.0),
                    Exact,
                    Some(("Donetsk Oblast", &["Ukraine"])),
                ),
                false,
                "different places are not compared",
            ),
        ];
        for (a, b, conflict, what) in rows {
            let v = verdict(&a, &b);
            assert_eq!(is_conflict(&v), conflict, "{what}: {v:?}");
        }
    }

    #[test]
    fn hedge_mismatch_is_flagged_only_at_a_single_point() {
        let v = verdict(
            &count(Some(8000.0), None, Hedge::LowerBound, KURSK),
            &count(Some(0.0), Some(8000.0), Hedge::UpperBound, KURSK),
        );
        assert!(matches!(
            v,
            NumberVerdict::Compatible {
                hedge_mismatch: true,
                ..
            }
        ));
        let v = verdict(
            &count(Some(7000.0), None, Hedge::LowerBound, KURSK),
            &count(Some(0.0), Some(8000.0), Hedge::UpperBound, KURSK),
        );
        assert!(matches!(
            v,
            NumberVerdict::Compatible {
                hedge_mismatch: false,
                ..
            }
        ));
    }

    #[test]
    fn arithmetic_line_reads_like_the_spec() {
        let v = verdict(
            &count(Some(20000.0), Some(99999.0), Hedge::OrderOfMagnitude, KURSK),
            &count(Some(0.0), Some(8000.0), Hedge::UpperBound, KURSK),
        );
        assert_eq!(v.arithmetic(), "[20,000, 99,999] ∩ [0, 8,000] = ∅");
    }

    #[test]
    fn dates_overlap_or_give_the_gap() {
        use jiff::civil::date;
        let early_nov = DateInterval::new(date(2024, 11, 1), date(2024, 11, 10)).unwrap();
        let oct = DateInterval::new(date(2024, 10, 1), date(2024, 10, 31)).unwrap();
        assert_eq!(
            compare_dates(&early_nov, &DateInterval::day(date(2024, 11, 1))),
            DateVerdict::Overlap
        );
        assert_eq!(
            compare_dates(&early_nov, &oct),
            DateVerdict::Disjoint { gap_days: 1 }
        );
    }
}
