# Sourced by the browser scripts: sets $browser to the first Chromium on PATH, or exits 3 with a
# hint when there is none.
browser=""
for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then
        browser=$b
        break
    fi
done
if [[ -z $browser ]]; then
    echo "$0: chromium not found (Debian: apt-get install -y chromium)" >&2
    exit 3
fi
