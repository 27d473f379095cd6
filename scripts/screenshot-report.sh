#!/usr/bin/env bash
# Screenshots an HTML report (from `claims check --format html`) with headless Chromium, to look
# at the page without a desktop. Usage: scripts/screenshot-report.sh REPORT.html OUT.png [WIDTHxHEIGHT]
# Exits 2 on bad usage, 3 when no Chromium is installed, 4 when Chromium wrote no PNG.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
    echo "usage: $0 REPORT.html OUT.png [WIDTHxHEIGHT]" >&2
    exit 2
fi
report=$1
out=$2
size=${3:-1280x2000}
if [[ ! -f $report ]]; then
    echo "$0: no such report: $report" >&2
    exit 2
fi

source "$(dirname "${BASH_SOURCE[0]}")/find-chromium.sh"

# Absolute paths: Chromium resolves file:// URLs and --screenshot against its own directory.
report_abs=$(realpath "$report")
out_abs=$(realpath -m "$out")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
rm -f "$out_abs"

"$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
    --screenshot="$out_abs" --window-size="${size/x/,}" "file://$report_abs" >/dev/null 2>&1 || true

if [[ ! -s $out_abs ]]; then
    echo "$0: $browser wrote no screenshot to $out_abs" >&2
    exit 4
fi
echo "$out_abs"
