//! Times the checker on N generated claims: `cargo run --release -p claims-check --example
//! check_scale -- 1000000` (wrap in `/usr/bin/time -v` for peak memory).

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let t0 = std::time::Instant::now();
    let claims = claims_check::synthetic::claims(n);
    let t1 = std::time::Instant::now();
    let findings = claims_check::check(&claims, &claims_check::CheckOptions::default());
    let t2 = std::time::Instant::now();
    println!(
        "claims={n} generate={:.3}s check={:.3}s findings={}",
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64(),
        findings.len()
    );
}
