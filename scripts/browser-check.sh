#!/usr/bin/env bash
# Loads an HTML report in headless Chromium and checks that it rendered whole and cleanly:
#   - the DOM Chromium built holds one finding article per finding of the JSON report, every
#     inline SVG chart of the file, and the page title;
#   - the browser logged no console message (no script error, no blocked fetch: the page's
#     Content-Security-Policy forbids scripts and network, so an attempt shows up here);
#   - a screenshot of the requested size was written.
# Usage: scripts/browser-check.sh REPORT.html FINDINGS.json OUT.png [WIDTHxHEIGHT]
# FINDINGS.json is `claims check --format json` of the same database. Exit 0 when all hold,
# 1 when a check fails, 2 on bad usage, 3 when no Chromium is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -lt 3 || $# -gt 4 ]]; then
    echo "usage: $0 REPORT.html FINDINGS.json OUT.png [WIDTHxHEIGHT]" >&2
    exit 2
fi
report=$1
json=$2
out=$3
size=${4:-1280x2000}

source "$(dirname "${BASH_SOURCE[0]}")/find-chromium.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" \
    --enable-logging=stderr --v=0 --dump-dom "file://$(realpath "$report")" \
    >"$work/dom.html" 2>"$work/browser.log" || true

python3 - "$report" "$json" "$work/dom.html" "$work/browser.log" <<'PY'
import json, re, sys
report, findings, dom, log = sys.argv[1:5]
source = open(report, encoding="utf-8").read()
dom = open(dom, encoding="utf-8").read()
log = open(log, encoding="utf-8", errors="replace").read()
expected = len(json.load(open(findings, encoding="utf-8"))["findings"])
problems = []
sections = len(re.findall(r'<article[^>]*class="finding ', dom))
if sections != expected:
    problems.append(f"{sections} finding articles rendered, {expected} findings in the JSON")
if dom.count("<svg") != source.count("<svg"):
    problems.append(f"{dom.count('<svg')} SVG charts rendered of {source.count('<svg')} in the file")
if "<title>Disagreements between sources</title>" not in dom and expected:
    problems.append("page title missing from the rendered DOM")
console = [l for l in log.splitlines() if re.search(r"CONSOLE|Uncaught|Refused to", l)]
problems += [f"browser console: {l.strip()}" for l in console]
if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"rendered: {sections} findings, {dom.count('<svg')} charts, no console messages")
PY

bash scripts/screenshot-report.sh "$report" "$out" "$size" >/dev/null
python3 - "$out" "$size" <<'PY'
import struct, sys
png, size = sys.argv[1], sys.argv[2]
head = open(png, "rb").read(24)
if head[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit(f"{png}: not a PNG")
w, h = struct.unpack(">II", head[16:24])
if f"{w}x{h}" != size:
    sys.exit(f"{png}: {w}x{h}, expected {size}")
print(f"screenshot: {png} ({w}x{h})")
PY
