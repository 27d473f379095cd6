//! Benchmark: resolving 100,000 generated mentions (persons in many romanizations, surnames,
//! office holders, places and organisations over 10,000 documents and two years).

use std::hint::black_box;

use claims_model::{Date, EntityKind, Role};
use claims_normalize::{resolve, MentionInput};
use criterion::{criterion_group, criterion_main, Criterion};

/// A small deterministic generator (xorshift), so that every run resolves the same input.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const KNOWN: &[&str] = &[
    "Kim Jong Un",
    "Kim Jong-un",
    "KIM JONG UN",
    "Choe Son Hui",
    "Choi Son hee",
    "No Kwang Chol",
    "Sergey Lavrov",
    "Sergei Lavrov",
    "Lavrov",
    "Andrei Belousov",
    "Belousov",
    "Vladimir Putin",
    "Putin",
    "Volodymyr Zelensky",
    "Zelenskyy",
    "Xi Jinping",
    "Xi Jin-ping",
    "Antony Blinken",
    "Blinken",
    "Joe Biden",
    "Donald Trump",
    "Yoon Suk Yeol",
    "Yoon Suk-yeol",
    "Kim Yo Jong",
];
const SURNAMES: &[&str] = &[
    "Kim", "Choe", "Choi", "Pak", "Park", "Ri", "Lee", "Kang", "Jang", "Han", "Yun",
];
const SYLLABLES: &[&str] = &[
    "jong", "chong", "un", "eun", "son", "sun", "hui", "hee", "kwang", "gwang", "chol", "cheol",
    "yong", "ryong", "hyun", "il", "nam", "su", "soo", "min", "ho", "sik", "tae", "jin",
];
const GIVEN: &[&str] = &[
    "Ivan", "Sergei", "Andrei", "Oleg", "Maria", "John", "Peter", "Anna", "Dmitry", "Yuri",
];
const FAMILY_PARTS: &[&str] = &[
    "pet", "ro", "iv", "an", "ko", "vo", "sid", "en", "kuz", "nets", "ov", "sky",
];
const GROUPS: &[(&str, EntityKind)] = &[
    ("Kursk region", EntityKind::Place),
    ("Kursk Oblast", EntityKind::Place),
    ("Pyongyang", EntityKind::Place),
    ("Wonsan", EntityKind::Place),
    ("the Kremlin", EntityKind::Organization),
    ("NATO", EntityKind::Organization),
    ("Workers’ Party of Korea", EntityKind::Organization),
    ("Russian Defense Ministry", EntityKind::Organization),
];
const OFFICES: &[&str] = &[
    "defense minister",
    "foreign minister",
    "president",
    "leader",
];
const COUNTRIES: &[&str] = &[
    "North Korea",
    "Russia",
    "Ukraine",
    "South Korea",
    "Ruritania",
];

fn generate(n: usize) -> Vec<MentionInput> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let start: Date = "2023-01-01".parse().unwrap_or_default();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let doc = (i / 10) as i64;
        let roll = rng.next() % 100;
        let (name, kind) = match roll {
            0..=34 => (rng.pick(KNOWN).to_string(), EntityKind::Person),
            35..=64 => {
                let sep = if rng.next() & 1 == 0 { "-" } else { " " };
                let s1 = rng.pick(SYLLABLES);
                let s2 = rng.pick(SYLLABLES);
                (
                    format!("{} {}{sep}{}", rng.pick(SURNAMES), capital(s1), s2),
                    EntityKind::Person,
                )
            }
            65..=79 => {
                let family: String = (0..3).map(|_| rng.pick(FAMILY_PARTS)).collect();
                (
                    format!("{} {}", rng.pick(GIVEN), capital(&family)),
                    EntityKind::Person,
                )
            }
            80..=87 => {
                let family: String = (0..3).map(|_| rng.pick(FAMILY_PARTS)).collect();
                (capital(&family), EntityKind::Person)
            }
            _ => {
                let (g, k) = GROUPS[(rng.next() % GROUPS.len() as u64) as usize];
                (g.to_string(), k)
            }
        };
        let day = (doc * 730 / (n as i64 / 10).max(1)) as i32;
        let date = start.checked_add(jiff::Span::new().days(day)).ok();
        let role = (kind == EntityKind::Person && rng.next() % 5 < 1).then(|| Role {
            office: rng.pick(OFFICES).to_string(),
            country: Some(rng.pick(COUNTRIES).to_string()),
        });
        out.push(MentionInput {
            doc,
            surface: name.clone(),
            name,
            kind,
            role,
            date,
        });
    }
    out
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn bench(c: &mut Criterion) {
    let mentions = generate(100_000);
    let mut group = c.benchmark_group("resolve");
    group.sample_size(10);
    group.bench_function("100k_mentions", |b| {
        b.iter(|| resolve(black_box(&mentions), &[]))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
