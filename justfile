# Common tasks. `just --list` shows them. Everything here is plain cargo underneath.

shared := "../shared"

# Run the main job on the bundled corpus.
check:
    cargo run --release -- check --db target/corpus.db corpus

# The README's test command.
test:
    cargo test --workspace

# What CI runs.
ci:
    bash .ci/run

# Review snapshot changes after a behaviour change.
review:
    cargo insta review

# Scores on the sample corpus against the seed gold.
score:
    cargo build --release
    python3 {{shared}}/tools/score.py check --gold {{shared}}/spec/seed-gold.json --corpus {{shared}}/corpus --claims-bin target/release/claims -v
    python3 {{shared}}/tools/score.py entities --gold {{shared}}/spec/seed-gold.json --corpus {{shared}}/corpus --claims-bin target/release/claims -v

# Public benchmarks for dates and numbers (see docs/evaluation.md).
eval:
    cargo build --release
    python3 {{shared}}/benchmarks/score_timex.py --claims-bin target/release/claims
    python3 {{shared}}/benchmarks/score_numbers.py --claims-bin target/release/claims

# Lints as CI runs them.
lint:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets -- -D warnings

# Fuzz the document reader and the extractor, SECS seconds per target (docs/inputs.md, "Fuzzing").
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP=1 lets the stable toolchain accept them.
fuzz SECS="60":
    cd fuzz && for t in read_document extract extract_invariants; do mkdir -p corpus/$t && RUSTC_BOOTSTRAP=1 cargo fuzz run $t corpus/$t ../corpus -- -max_total_time={{SECS}} -max_len=4096 -timeout=20 || exit 1; done

# claims ingest against quantulum3 + dateparser over the same generated articles (docs/performance.md).
baseline DOCS="1000":
    bash scripts/python-baseline.sh {{DOCS}}

# Criterion benchmarks of extraction (corpus text, and one long run without sentence ends).
bench:
    cargo bench -p claims-extract --bench extract

# End-to-end figures at DOCS generated articles: ingest MB/s, incremental ingest, check, RSS, size.
scale DOCS="10000":
    bash scripts/bench-scale.sh {{DOCS}}
