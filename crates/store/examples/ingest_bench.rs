//! Rough throughput of the store on synthetic documents: batch ingest, one transaction per
//! document, unchanged re-ingest, reading claims back and full-text search.
//!
//! `cargo run --release -p claims-store --example ingest_bench -- [DOCUMENTS] [DB PATH]`

use std::time::Instant;

use claims_model::{
    Claim, ClaimKind, ClaimValue, EntityKind, EntityMention, Extraction, Hedge, Interval, Modality,
    Quantity, QuantityKind, Scope, Span, Subject,
};
use claims_store::{NewDocument, Store};

fn synthetic(i: usize) -> (String, Extraction) {
    let mut text = String::new();
    let mut ex = Extraction::default();
    for s in 0..40 {
        let start = text.len();
        let n = 1_000 + (i * 37 + s * 11) % 9_000;
        text.push_str(&format!(
            "Officials in Kyiv said about {n} soldiers from North Korea were moved to Kursk in report {i}, part {s}. "
        ));
        let end = text.len() - 1;
        ex.sentences.push(Span::new(start, end).expect("forward"));
        let q = format!("about {n}");
        let qs = start + text[start..].find(&q).expect("quantity");
        let qspan = Span::new(qs, qs + q.len()).expect("forward");
        let interval = Interval::between(n as f64 * 0.9, n as f64 * 1.1);
        ex.quantities.push(Quantity {
            span: qspan,
            text: q.clone(),
            interval,
            hedge: Hedge::Approximate,
            unit: None,
            kind: QuantityKind::Count,
        });
        let ks = start + text[start..].find("Kyiv").expect("place");
        ex.entities.push(EntityMention {
            span: Span::new(ks, ks + 4).expect("forward"),
            text: "Kyiv".into(),
            kind: EntityKind::Place,
            name: "Kyiv".into(),
            role: None,
        });
        if s % 5 == 0 {
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
                    unit: None,
                    text: q,
                },
                as_of: None,
                scope: Some(Scope {
                    place: "Kursk Oblast".into(),
                    within: vec!["Russia".into()],
                }),
                attributed_to: Some("Officials in Kyiv".into()),
                modality: Modality::Reported,
                span: Span::new(start, end).expect("forward"),
                quote: text[start..end].to_string(),
                inferred: vec![],
            });
        }
    }
    (text, ex)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(1_000);
    let dir = std::env::temp_dir().join(format!("claims-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let db = args
        .next()
        .map(Into::into)
        .unwrap_or_else(|| dir.join("bench.db"));
    // Each document: (path, content key, text, extraction).
    let docs: Vec<(String, String, String, Extraction)> = (0..n)
        .map(|i| {
            let (text, ex) = synthetic(i);
            (format!("bench/{i:05}.txt"), format!("{i:064x}"), text, ex)
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.2.len()).sum();
    let batch: Vec<(NewDocument, Extraction)> = docs
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

    let mut store = Store::open(&db)?;
    let t = Instant::now();
    store.ingest_batch(&batch)?;
    let batch_s = t.elapsed().as_secs_f64();
    let counts = store.counts()?;
    println!(
        "ingest_batch: {n} documents, {:.1} MB, {} sentences, {} claims in {batch_s:.2} s ({:.0} docs/s)",
        bytes as f64 / 1e6,
        counts.sentences,
        counts.claims,
        n as f64 / batch_s
    );

    let t = Instant::now();
    for (doc, ex) in &batch {
        store.ingest(doc, ex)?;
    }
    println!(
        "re-ingest unchanged, one transaction each: {:.3} s",
        t.elapsed().as_secs_f64()
    );

    let mut second = Store::open(&dir.join("one-by-one.db"))?;
    let t = Instant::now();
    for (doc, ex) in &batch {
        second.ingest(doc, ex)?;
    }
    let one_s = t.elapsed().as_secs_f64();
    println!(
        "ingest one transaction each: {one_s:.2} s ({:.0} docs/s)",
        n as f64 / one_s
    );

    let t = Instant::now();
    let claims = store.claims()?;
    println!(
        "claims(): {} rows in {:.3} s",
        claims.len(),
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let mentions = store.mentions()?;
    println!(
        "mentions(): {} rows in {:.3} s",
        mentions.len(),
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let hits = store.search("soldiers kursk report", 20)?;
    println!(
        "search: {} hits in {:.4} s",
        hits.len(),
        t.elapsed().as_secs_f64()
    );
    println!(
        "database size: {:.1} MB",
        std::fs::metadata(&db)?.len() as f64 / 1e6
    );
    drop((store, second));
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
