#!/usr/bin/env bash
# Renders the HTML report in headless Chromium (Debian package `chromium`) and checks the screenshot is a real page
# with the figures. Usage: scripts/render-report.sh REPORT_DIR [SCREENSHOT.png]
set -euo pipefail
report=${1:?usage: render-report.sh REPORT_DIR [SCREENSHOT.png]}
shot=${2:-$report/../report-screenshot.png}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium is not installed (apt-get install chromium)" >&2
  exit 3
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# The flags keep Chromium from reaching the network (this machine has none) and from needing a sandbox as root.
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
  --window-size=1280,16000 --screenshot="$shot" "file://$(readlink -f "$report")/report.html" 2>/dev/null
python3 "$(dirname "$0")/check-report-render.py" "$shot"
