//! The generated world: a pool of people (real and invented, with their spelling variants) and
//! the facts the articles report, each a pure function of the seed and its number.
//!
//! Facts are keyed so that two facts never share what the checker compares them by (a count's
//! owner, group and place; a visit's visitor and destination) until the key space wraps around:
//! the fact's index goes through an affine permutation of the key space, so keys repeat only
//! `P` facts apart, which is months of simulated news apart even at 100,000 articles.

use jiff::civil::Date;

use crate::rng::Rng;
use crate::tables::{
    country, Real, CATEGORIES, COUNTRIES, EN_FAMILY, EN_GIVEN, JUNIOR_OFFICES, KO_REAL, KO_SURNAME,
    KO_SYLLABLE, OWNERS, REAL_PEOPLE, REGIONS, RU_FAMILY, RU_GIVEN, UA_FAMILY, UA_GIVEN,
};

/// One person of the pool.
#[derive(Clone, Debug)]
pub struct Person {
    /// The name the truth file groups the variants under.
    pub canonical: String,
    /// Full-name spellings news may use, the canonical one first.
    pub forms: Vec<String>,
    /// The family name written alone on later mentions, when that is unambiguous.
    pub surname: Option<String>,
    /// Index into [`COUNTRIES`].
    pub country: usize,
    /// Office (without the country adjective) and the term it was held.
    pub office: Option<(String, Date, Date)>,
    /// The family name, used to pair look-alike people in `must_not_merge`.
    pub family: String,
}

impl Person {
    /// The office this person held on `on`, if any.
    pub fn office_on(&self, on: Date) -> Option<&str> {
        match &self.office {
            Some((o, from, to)) if *from <= on && on <= *to => Some(o.as_str()),
            _ => None,
        }
    }
}

fn parse_date(s: &str) -> Option<Date> {
    s.parse().ok()
}

fn real(r: &Real) -> Person {
    let mut forms = vec![r.name.to_string()];
    forms.extend(r.variants.iter().map(|v| v.to_string()));
    let office = match (parse_date(r.from), parse_date(r.to)) {
        (Some(f), Some(t)) if !r.office.is_empty() => Some((r.office.to_string(), f, t)),
        _ => None,
    };
    Person {
        canonical: r.name.to_string(),
        forms,
        surname: (!r.surname.is_empty()).then(|| r.surname.to_string()),
        country: country(r.country),
        office,
        family: family_of(r.name, r.country),
    }
}

fn invented(
    canonical: String,
    forms: Vec<String>,
    surname: Option<String>,
    country_name: &str,
    k: usize,
) -> Person {
    // Anglophone governments have no deputy ministers: their invented officials are envoys.
    let office = match country_name {
        "United States" | "United Kingdom" => "special envoy",
        _ => JUNIOR_OFFICES[k % JUNIOR_OFFICES.len()],
    };
    let (from, to) = (
        jiff::civil::date(2000, 1, 1),
        jiff::civil::date(2099, 12, 31),
    );
    let mut forms = forms;
    forms.retain(|f| f != &canonical);
    forms.insert(0, canonical.clone());
    forms.dedup();
    let family = family_of(&canonical, country_name);
    Person {
        canonical,
        forms,
        surname,
        country: country(country_name),
        office: Some((office.to_string(), from, to)),
        family,
    }
}

/// Korean and Chinese names put the family name first.
fn family_of(name: &str, country_name: &str) -> String {
    let mut words = name.split(' ');
    let w = if matches!(country_name, "North Korea" | "South Korea" | "China") {
        words.next()
    } else {
        words.next_back()
    };
    w.unwrap_or("").to_string()
}

fn lower_tail(s: &str) -> String {
    s.to_lowercase()
}

/// The whole pool, in a fixed order (real people first).
pub fn people() -> Vec<Person> {
    let mut out: Vec<Person> = REAL_PEOPLE.iter().map(real).collect();
    let mut k = 0usize;
    for g in RU_GIVEN {
        for f in RU_FAMILY {
            let forms = g.iter().map(|v| format!("{v} {f}")).collect();
            out.push(invented(
                format!("{} {f}", g[0]),
                forms,
                Some(f.to_string()),
                "Russia",
                k,
            ));
            k += 1;
        }
    }
    for g in UA_GIVEN {
        for f in UA_FAMILY {
            let forms = g.iter().map(|v| format!("{v} {f}")).collect();
            out.push(invented(
                format!("{} {f}", g[0]),
                forms,
                Some(f.to_string()),
                "Ukraine",
                k,
            ));
            k += 1;
        }
    }
    for s in KO_SURNAME {
        for (ia, a) in KO_SYLLABLE.iter().enumerate() {
            for (ib, b) in KO_SYLLABLE.iter().enumerate() {
                if ia == ib {
                    continue;
                }
                let nk = format!("{} {} {}", s[0], a[0], b[0]);
                if KO_REAL.contains(&nk.as_str()) {
                    continue;
                }
                let last = |c: &[&'static str]| c[c.len() - 1];
                let hyph_nk = format!("{} {}-{}", s[0], a[0], lower_tail(b[0]));
                let hyph_sk = format!("{} {}-{}", last(s), last(a), lower_tail(last(b)));
                if k % 2 == 0 {
                    out.push(invented(nk, vec![hyph_nk, hyph_sk], None, "North Korea", k));
                } else {
                    let spaced_sk = format!("{} {} {}", last(s), last(a), last(b));
                    out.push(invented(
                        hyph_sk,
                        vec![spaced_sk, hyph_nk],
                        None,
                        "South Korea",
                        k,
                    ));
                }
                k += 1;
            }
        }
    }
    for g in EN_GIVEN {
        for f in EN_FAMILY {
            let c = if k % 2 == 0 {
                "United States"
            } else {
                "United Kingdom"
            };
            out.push(invented(
                format!("{g} {f}"),
                Vec::new(),
                Some(f.to_string()),
                c,
                k,
            ));
            k += 1;
        }
    }
    out
}

/// What a fact is about.
#[derive(Clone, Debug)]
pub enum Body {
    /// `value` of a group of `OWNERS[owner]` in `REGIONS[region]`.
    Count {
        owner: usize,
        cat: usize,
        region: usize,
        value: u64,
    },
    /// `person` visited `COUNTRIES[dest]` on `date`.
    Visit {
        person: usize,
        dest: usize,
        date: Date,
    },
    /// `a` met `b` in `b`'s capital on `date`.
    Meeting { a: usize, b: usize, date: Date },
}

/// One fact and the articles that state it.
#[derive(Clone, Debug)]
pub struct Fact {
    pub id: u64,
    /// The article that introduces it (always stated correctly there).
    pub intro: u64,
    /// Later articles that restate it, in order.
    pub restate: Vec<u64>,
    /// Contested facts get one wrong restatement; the others only compatible ones.
    pub contested: bool,
    pub body: Body,
}

/// New facts per article.
pub const FACTS_PER_DOC: u64 = 2;

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// An affine permutation of `0..p`: `k ↦ (A·k + B) mod p` with `A` coprime to `p`.
fn permute(k: u64, p: u64, seed: u64) -> u64 {
    if p <= 1 {
        return 0;
    }
    let mut a = (0x9E37_79B1u64 % p).max(2);
    while gcd(a, p) != 1 {
        a += 1;
    }
    let b = seed % p;
    ((u128::from(a) * u128::from(k % p) + u128::from(b)) % u128::from(p)) as u64
}

/// Rounds to two significant digits (news figures are round).
pub fn round2(v: u64) -> u64 {
    let mut scale = 1;
    while v / scale >= 100 {
        scale *= 10;
    }
    ((v + scale / 2) / scale).max(1) * scale
}

/// Everything facts need to know about the run.
pub struct Plan {
    pub seed: u64,
    pub docs: u64,
    pub people: Vec<Person>,
    /// How many articles ahead a restatement may come (about five days of news).
    pub window: u64,
    /// Days the publication dates span.
    pub days: u64,
    pub start: Date,
}

const TAG_FACT: u64 = 1;

impl Plan {
    pub fn new(seed: u64, docs: u64) -> Plan {
        let days = (docs / 4).clamp(1, 1100);
        let window = ((5 * docs) / days).max(2);
        Plan {
            seed,
            docs,
            people: people(),
            window,
            days,
            start: jiff::civil::date(2022, 3, 1),
        }
    }

    /// The publication date of article `d`.
    pub fn published(&self, d: u64) -> Date {
        let off = (u128::from(d) * u128::from(self.days) / u128::from(self.docs.max(1))) as i64;
        self.start
            .checked_add(jiff::Span::new().days(off))
            .unwrap_or(self.start)
    }

    /// Fact number `j`: introduced by article `j / FACTS_PER_DOC`.
    pub fn fact(&self, j: u64) -> Fact {
        let mut r = Rng::derive(self.seed, TAG_FACT, j, 0);
        let intro = j / FACTS_PER_DOC;
        let contested = r.chance(45);
        let n = if contested { 1 } else { r.range(1, 3) };
        let mut restate: Vec<u64> = (0..n)
            .map(|_| intro + r.range(1, self.window))
            .filter(|&d| d < self.docs)
            .collect();
        restate.sort_unstable();
        restate.dedup();
        let pub_date = self.published(intro);
        let back = r.range(2, 45) as i64;
        let date = pub_date
            .checked_sub(jiff::Span::new().days(back))
            .unwrap_or(pub_date);
        let body = match j % 4 {
            0 | 2 => {
                let k = j / 2;
                let (no, nc, nr) = (
                    OWNERS.len() as u64,
                    CATEGORIES.len() as u64,
                    REGIONS.len() as u64,
                );
                let key = permute(k, no * nc * nr, self.seed);
                let (owner, cat, region) = (
                    (key / (nc * nr)) as usize,
                    ((key / nr) % nc) as usize,
                    (key % nr) as usize,
                );
                let c = &CATEGORIES[cat];
                // Log-uniform between the group's usual sizes.
                let (lo, hi) = ((c.min as f64).ln(), (c.max as f64).ln());
                let x = lo + (hi - lo) * (r.below(10_000) as f64 / 10_000.0);
                Body::Count {
                    owner,
                    cat,
                    region,
                    value: round2(x.exp() as u64),
                }
            }
            1 => {
                let k = j / 4;
                let dests = COUNTRIES.len() as u64 - 1;
                let key = permute(k, self.people.len() as u64 * dests, self.seed ^ 0x5151);
                let person = (key / dests) as usize;
                let mut dest = (key % dests) as usize;
                if dest >= self.people[person].country {
                    dest += 1;
                }
                Body::Visit { person, dest, date }
            }
            _ => {
                let a = r.below(self.people.len());
                let mut b = r.below(self.people.len());
                for _ in 0..20 {
                    if self.people[b].country != self.people[a].country {
                        break;
                    }
                    b = r.below(self.people.len());
                }
                if self.people[b].country == self.people[a].country {
                    b = (0..self.people.len())
                        .find(|&i| self.people[i].country != self.people[a].country)
                        .unwrap_or(b);
                }
                Body::Meeting { a, b, date }
            }
        };
        Fact {
            id: j,
            intro,
            restate,
            contested,
            body,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permutation_is_a_bijection() {
        for p in [1u64, 7, 96, 3960] {
            let mut seen = vec![false; p as usize];
            for k in 0..p {
                let v = permute(k, p, 12345) as usize;
                assert!(!seen[v], "p={p} k={k}");
                seen[v] = true;
            }
        }
    }

    #[test]
    fn rounding_keeps_two_digits() {
        for (v, want) in [
            (8_123, 8_100),
            (12_550, 13_000),
            (47, 47),
            (999, 1_000),
            (0, 1),
        ] {
            assert_eq!(round2(v), want, "{v}");
        }
    }

    #[test]
    fn pool_has_variants_and_no_duplicates() {
        let p = people();
        assert!(p.len() > 3_000);
        let mut names: Vec<&str> = p.iter().map(|x| x.canonical.as_str()).collect();
        names.sort_unstable();
        let n = names.len();
        names.dedup();
        assert_eq!(names.len(), n);
        let lavrov = p
            .iter()
            .find(|x| x.canonical == "Sergey Lavrov")
            .map(|x| x.forms.clone());
        assert_eq!(
            lavrov,
            Some(vec![
                "Sergey Lavrov".to_string(),
                "Sergei Lavrov".to_string()
            ])
        );
        assert!(p
            .iter()
            .any(|x| x.forms.len() == 3 && x.country == country("North Korea")));
    }

    #[test]
    fn visits_keep_distinct_keys_within_the_key_space() {
        let plan = Plan::new(9, 4_000);
        let mut keys = std::collections::HashSet::new();
        for j in (1..8_000).step_by(4) {
            if let Body::Visit { person, dest, .. } = plan.fact(j).body {
                assert_ne!(plan.people[person].country, dest);
                assert!(keys.insert((person, dest)));
            }
        }
    }

    #[test]
    fn restatements_follow_the_intro_within_the_window() {
        let plan = Plan::new(3, 1_000);
        for j in 0..500 {
            let f = plan.fact(j);
            assert!(f
                .restate
                .iter()
                .all(|&d| d > f.intro && d <= f.intro + plan.window && d < 1_000));
            let gap = plan.published(f.intro + plan.window) - plan.published(f.intro);
            assert!(gap.get_days() <= 6);
        }
    }
}
