//! Extraction alone (no I/O, no SQLite): MB/s over the sample corpus repeated to ~1 MB, and over
//! one long run of figures without a sentence end at 64 KB and 256 KB (the two must take about
//! the same time per byte: extraction is linear however the text is punctuated).
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

    let mut g = c.benchmark_group("long_run_of_figures");
    g.sample_size(10);
    for kb in [64usize, 256] {
        let run = "about 3,000 troops ".repeat(kb * 1024 / 19);
        g.throughput(Throughput::Bytes(run.len() as u64));
        g.bench_function(format!("{kb}KB"), |b| {
            b.iter(|| claims_extract::extract(&run, 0, &opts))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
