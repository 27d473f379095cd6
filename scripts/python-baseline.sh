#!/usr/bin/env bash
# Side by side, in one run: `claims ingest` (extraction of numbers, dates, names and claims, and
# storage in SQLite with its indexes) against the usual Python route over the same files
# (quantulum3 for quantities + dateparser for dates, extraction only, nothing stored).
#
#   scripts/python-baseline.sh [DOCS]      (default 1000 generated articles: enough for the fixed
#                                           start-up costs of both sides not to dominate)
#
# Installs the baseline in a virtual environment under target/python-baseline (PyPI), builds the
# release binaries, generates DOCS articles with claims-gen (seed 1) and prints both throughputs
# and their ratio. Figures are recorded in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-1000}
venv=target/python-baseline
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q 'quantulum3==0.10.0' 'dateparser==1.5.0'
cargo build -q --release -p claims -p claims-gen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/release/claims-gen --docs "$docs" --seed 1 --out "$work/corpus" >/dev/null
rm -f "$work/corpus/truth.json"

start=$(date +%s.%N)
target/release/claims ingest --quiet --db "$work/claims.db" "$work/corpus" >/dev/null
end=$(date +%s.%N)
claims_s=$(python3 -c "print(round($end - $start, 3))")

py=$("$venv/bin/python" -W ignore scripts/python_baseline.py "$work"/corpus/*.txt)

python3 - "$claims_s" "$py" "$work/claims.db" <<'PY'
import json, sqlite3, sys
claims_s = float(sys.argv[1]); py = json.loads(sys.argv[2])
db = sqlite3.connect(sys.argv[3])
q = db.execute("SELECT count(*) FROM quantities").fetchone()[0]
t = db.execute("SELECT count(*) FROM times").fetchone()[0]
c = db.execute("SELECT count(*) FROM claims").fetchone()[0]
mb = py["bytes"] / 1e6
ours = mb / claims_s
theirs = mb / py["seconds"]
print(f"documents: {py['documents']}, {mb:.2f} MB")
print(f"claims ingest:        {claims_s:7.2f} s  {ours:7.3f} MB/s  ({q} quantities, {t} times, {c} claims, stored)")
print(f"quantulum3+dateparser:{py['seconds']:7.2f} s  {theirs:7.3f} MB/s  ({py['quantities']} quantities, {py['dates']} dates, not stored)")
print(f"ratio: {ours / theirs:.0f}x")
PY
