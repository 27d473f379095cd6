//! Extraction alone (no I/O, no SQLite): MB/s over the sample corpus repeated to ~1 MB.
//!
//! `cargo bench -p claims-extract --bench extract`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus_text() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let one: String = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect::<Vec<_>>()
        .join("\n");
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(&one);
        text.push('\n');
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus_text();
    let opts = claims_extract::Options {
        reference_date: Some(jiff::civil::date(2024, 11, 29)),
        ..Default::default()
    };
    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("corpus_x_1MB", |b| {
        b.iter(|| claims_extract::extract(&text, 0, &opts))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
