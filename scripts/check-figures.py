#!/usr/bin/env python3
"""Checks what a reader sees in every SVG figure, measured by the browser's own layout (headless Chromium).

Usage: check-figures.py FIGURE.svg [FIGURE.svg ...]

Each figure is placed in a page twice, at 1400 px and at the text width of an A4 page (170 mm = 643 CSS px), scaled
to fit the width as the report and a paper would. A script in the page measures every <text> element with
getBoundingClientRect() (the browser's real font and layout) and reports:
  - overlap: two text boxes that intersect by more than 2 px in both directions (labels printed over each other);
  - clipped: a text box that reaches outside the figure;
  - small:   text whose rendered size at A4 width is below 8 CSS px (6 pt: the smallest size journals accept).
Chromium writes the page's DOM after its scripts ran (--dump-dom), so no driver or package is needed. Exits 1 with one
line per problem, 0 when every figure passes, 3 when Chromium is not installed.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

WIDTHS = {"1400px": 1400, "A4": 643}
MIN_PX_AT_A4 = 8.0
OVERLAP_PX = 2.0

SCRIPT = r"""
<script>
const out = [];
for (const holder of document.querySelectorAll('div.fig')) {
  const svg = holder.querySelector('svg');
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim().length > 0).map(t => {
    const r = t.getBoundingClientRect();
    const size = parseFloat(getComputedStyle(t).fontSize) * scale;
    return {text: t.textContent.trim(), l: r.left, r: r.right, t: r.top, b: r.bottom, size: size};
  });
  for (let i = 0; i < texts.length; i++) {
    const a = texts[i];
    if (a.l < box.left - 1 || a.r > box.right + 1 || a.t < box.top - 1 || a.b > box.bottom + 1) {
      out.push({figure: holder.dataset.name, width: holder.dataset.width, kind: 'clipped', a: a.text});
    }
    if (holder.dataset.width === 'A4' && a.size < MIN_PX) {
      out.push({figure: holder.dataset.name, width: holder.dataset.width, kind: 'small', a: a.text, size: a.size});
    }
    for (let j = i + 1; j < texts.length; j++) {
      const b = texts[j];
      const dx = Math.min(a.r, b.r) - Math.max(a.l, b.l);
      const dy = Math.min(a.b, b.b) - Math.max(a.t, b.t);
      if (dx > OVERLAP * scale && dy > OVERLAP * scale) {
        out.push({figure: holder.dataset.name, width: holder.dataset.width, kind: 'overlap', a: a.text, b: b.text});
      }
    }
  }
  out.push({figure: holder.dataset.name, width: holder.dataset.width, kind: 'measured', count: texts.length});
}
document.getElementById('result').textContent = JSON.stringify(out);
</script>
"""


def page(figures):
    parts = ["<!doctype html><html><head><meta charset='utf-8'><style>body{margin:0}div.fig svg{display:block;height:auto}</style></head><body>"]
    for path in figures:
        svg = open(path, encoding="utf-8").read()
        svg = re.sub(r"<\?xml[^>]*\?>", "", svg)
        name = html.escape(os.path.basename(path))
        for label, width in WIDTHS.items():
            sized = re.sub(r'<svg([^>]*?)\swidth="[^"]*"([^>]*?)\sheight="[^"]*"', r'<svg\1\2', svg, count=1)
            sized = sized.replace("<svg", f'<svg style="width:{width}px"', 1)
            parts.append(f"<div class='fig' data-name='{name}' data-width='{label}' style='width:{width}px'>{sized}</div>")
    parts.append("<pre id='result'></pre>")
    parts.append(SCRIPT.replace("MIN_PX", str(MIN_PX_AT_A4)).replace("OVERLAP", str(OVERLAP_PX)))
    parts.append("</body></html>")
    return "".join(parts)


def main(figures):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("check-figures: chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 3
    with tempfile.TemporaryDirectory() as work:
        target = os.path.join(work, "figures.html")
        with open(target, "w", encoding="utf-8") as f:
            f.write(page(figures))
        # The flags keep Chromium off the network (there is none) and let it run as root without a sandbox.
        dom = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={os.path.join(work, 'profile')}", "--virtual-time-budget=5000", "--dump-dom",
             "file://" + target],
            capture_output=True, text=True, timeout=120).stdout
    found = re.search(r"<pre id=\"result\">(.*?)</pre>", dom, re.S)
    if found is None or not found.group(1).strip():
        print("check-figures: the measuring script did not run (no result in the page)")
        return 1
    results = json.loads(html.unescape(found.group(1)))
    problems = [r for r in results if r["kind"] != "measured"]
    measured = {(r["figure"], r["width"]): r["count"] for r in results if r["kind"] == "measured"}
    for path in figures:
        for label in WIDTHS:
            if measured.get((os.path.basename(path), label), 0) == 0:
                problems.append({"figure": os.path.basename(path), "width": label, "kind": "no text measured", "a": ""})
    for p in problems:
        detail = f"'{p.get('a', '')}'" + (f" over '{p['b']}'" if "b" in p else "") + (f" ({p['size']:.1f} px)" if "size" in p else "")
        print(f"{p['figure']} at {p['width']}: {p['kind']}: {detail}")
    print(f"check-figures: {len(figures)} figures, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
