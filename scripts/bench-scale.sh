#!/usr/bin/env bash
# End-to-end throughput at a given size, with the figures docs/performance.md records:
#
#   scripts/bench-scale.sh DOCS [DIR]     (e.g. 1000, 10000, 100000; DIR default /tmp/claims-scale)
#   just scale DOCS
#
# Generates DOCS articles (claims-gen, seed 1), ingests them into a fresh database, ingests 100
# further articles into it (the incremental case), then runs `claims check` twice (first check,
# re-check of the unchanged database), then the analyst's loop twice: ingest a batch of 100 new
# articles and check (a full check, then `check --touched`). For each step: wall and CPU seconds
# and peak RSS (from /usr/bin/time), and for ingest MB/s and documents/s. Needs GNU time
# (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:?usage: scripts/bench-scale.sh DOCS [DIR]}
dir=${2:-/tmp/claims-scale}
cargo build -q --release -p claims -p claims-gen
bin=target/release
mkdir -p "$dir"
corpus="$dir/gen-$docs" extra="$dir/extra-100" db="$dir/scale-$docs.db"
[ -d "$corpus" ] || "$bin/claims-gen" --docs "$docs" --seed 1 --out "$corpus" >/dev/null
[ -d "$extra" ] || "$bin/claims-gen" --docs 100 --seed 99 --out "$extra" >/dev/null
for seed in 77 78; do
  [ -d "$dir/batch-$seed" ] || "$bin/claims-gen" --docs 100 --seed "$seed" --out "$dir/batch-$seed" >/dev/null
done
rm -f "$db" "$db-wal" "$db-shm"
bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')

measure() { # label, then the command; prints one line
  local label=$1; shift
  local t; t=$(mktemp)
  # `check` exits 1 when it reports contradictions; GNU time then adds a line before the figures.
  /usr/bin/time -f '%e %U %S %M' -o "$t" "$@" >/dev/null 2>&1 || [ $? -eq 1 ]
  read -r wall user sys rss < <(tail -n 1 "$t"); rm -f "$t"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
    'BEGIN { printf "%-22s wall %7.2f s  cpu %7.2f s  peak RSS %6.0f MB", l, w, u + s, r / 1024 }'
  LAST_WALL=$wall
}
awk -v d="$docs" -v b="$bytes" -v n="$(nproc)" -v t="$(date -u +%F)" \
  'BEGIN { printf "%d documents, %.1f MB of articles, %d cores, %s\n", d, b / 1e6, n, t }'
measure "ingest" "$bin/claims" ingest --quiet --db "$db" "$corpus"
awk -v b="$bytes" -v d="$docs" -v w="$LAST_WALL" 'BEGIN { printf "  %6.2f MB/s  %6.0f docs/s\n", b / 1e6 / w, d / w }'
measure "ingest 100 more" "$bin/claims" ingest --quiet --db "$db" "$extra"; echo
measure "check (first)" "$bin/claims" check --db "$db" --format json; echo
measure "check (unchanged db)" "$bin/claims" check --db "$db" --format json; echo
measure "ingest batch of 100" "$bin/claims" ingest --quiet --db "$db" "$dir/batch-77"; echo
measure "check after the batch" "$bin/claims" check --db "$db" --format json; echo
measure "ingest batch of 100" "$bin/claims" ingest --quiet --db "$db" "$dir/batch-78"; echo
measure "check --touched after" "$bin/claims" check --touched --db "$db" --format json; echo
size=$(stat -c %s "$db")
awk -v s="$size" -v d="$docs" 'BEGIN { printf "database: %.0f MB, %.1f KB per document\n", s / 1048576, s / (d + 300) / 1024 }'
