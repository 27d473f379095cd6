//! The checker alone on generated claims: 10,000 and 100,000 claims (1,000,000 with the
//! `check_scale` example, which also reports peak memory; see docs/performance.md).
//!
//! `cargo bench -p claims-check --bench check`

use claims_check::{check, synthetic, CheckOptions};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("check");
    g.sample_size(10);
    for n in [10_000usize, 100_000] {
        let claims = synthetic::claims(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &claims, |b, claims| {
            b.iter(|| check(claims, &CheckOptions::default()))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
