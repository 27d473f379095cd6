//! The store's write path alone: `Store::ingest_batch` of one pipeline chunk (256 documents, as
//! `claims ingest` writes them) of pre-built extractions into a fresh database file. The
//! documents are shaped like the generated articles of `claims-gen` (per document about 50
//! sentences, 34 entity mentions, 5 times, 3 quantities and 5 claims).
//!
//! `cargo bench -p claims-store --bench ingest`

use claims_model::{
    Claim, ClaimKind, ClaimValue, Date, DateInterval, EntityKind, EntityMention, Extraction,
    Granularity, Hedge, Interval, Modality, Quantity, QuantityKind, Scope, Span, Subject,
    TimeMention, TimeType,
};
use claims_store::{NewDocument, Store};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

const CHUNK: usize = 256;
const SENTENCES: usize = 50;

fn span(start: usize, end: usize) -> Span {
    Span::new(start, end).expect("forward span")
}

/// One synthetic article and its extraction; `i` varies the figures and names.
fn article(i: usize) -> (String, Extraction) {
    let mut text = String::new();
    let mut ex = Extraction::default();
    let day = Date::new(2024, 11, 1 + (i % 28) as i8).expect("valid date");
    ex.reference_date = Some(day);
    for s in 0..SENTENCES {
        let start = text.len();
        let n = 1_000 + (i * 37 + s * 11) % 9_000;
        text.push_str(&format!(
            "Officials in Kyiv said on 3 November that about {n} soldiers from North Korea moved to Kursk, report {i} part {s}. "
        ));
        let end = text.len() - 1;
        ex.sentences.push(span(start, end));
        let at = |needle: &str| start + text[start..].find(needle).expect("present");
        let ks = at("Kyiv");
        ex.entities.push(EntityMention {
            span: span(ks, ks + 4),
            text: "Kyiv".into(),
            kind: EntityKind::Place,
            name: "Kyiv".into(),
            role: None,
        });
        if s % 3 == 0 {
            let ns = at("North Korea");
            ex.entities.push(EntityMention {
                span: span(ns, ns + 11),
                text: "North Korea".into(),
                kind: EntityKind::Place,
                name: "North Korea".into(),
                role: None,
            });
        }
        let q = format!("about {n}");
        let qs = at(&q);
        let interval = Interval::between(n as f64 * 0.9, n as f64 * 1.1);
        if s % 16 == 0 {
            ex.quantities.push(Quantity {
                span: span(qs, qs + q.len()),
                text: q.clone(),
                interval,
                hedge: Hedge::Approximate,
                unit: None,
                kind: QuantityKind::Count,
            });
        }
        if s % 10 == 0 {
            let ts = at("3 November");
            ex.times.push(TimeMention {
                span: span(ts, ts + 10),
                text: "3 November".into(),
                kind: TimeType::Date,
                value: "2024-11-03".into(),
                interval: Some(DateInterval::day(day)),
                granularity: Some(Granularity::Day),
            });
        }
        if s % 10 == 5 {
            ex.claims.push(Claim {
                kind: ClaimKind::Count,
                subject: Subject::Group {
                    owner: Some("North Korea".into()),
                    category: "troops".into(),
                },
                attribute: "count".into(),
                value: ClaimValue::Quantity {
                    interval,
                    hedge: Hedge::Approximate,
                    unit: Some("soldiers".into()),
                    text: q,
                },
                as_of: Some(DateInterval::day(day)),
                scope: Some(Scope {
                    place: "Kursk Oblast".into(),
                    within: vec!["Russia".into()],
                }),
                attributed_to: Some("Officials in Kyiv".into()),
                modality: Modality::Reported,
                span: span(start, end),
                quote: text[start..end].to_string(),
                inferred: vec![],
            });
        }
    }
    (text, ex)
}

fn bench(c: &mut Criterion) {
    let articles: Vec<(String, String, String, Extraction)> = (0..CHUNK)
        .map(|i| {
            let (text, ex) = article(i);
            (format!("bench/{i:05}.txt"), format!("{i:064x}"), text, ex)
        })
        .collect();
    let bytes: usize = articles.iter().map(|a| a.2.len()).sum();
    let batch: Vec<(NewDocument, Extraction)> = articles
        .iter()
        .map(|(path, sha, text, ex)| {
            let doc = NewDocument {
                path,
                sha256: sha,
                byte_len: text.len() as u64,
                text,
                ..Default::default()
            };
            (doc, ex.clone())
        })
        .collect();

    let mut g = c.benchmark_group("store");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("ingest_batch_256_docs", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temp dir");
                let store = Store::open(&dir.path().join("bench.db")).expect("open");
                (dir, store)
            },
            |(dir, mut store)| {
                store.ingest_batch(&batch).expect("ingest");
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
