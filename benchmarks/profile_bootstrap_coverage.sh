#!/usr/bin/env bash
# Coverage of analyze's bootstrap 95 % intervals (--bootstrap) and of the sandwich Wald intervals of the lvb_any
# percentage per profile, against the synthetic generator's planted rates (0.025 × 1.55 / 5.0 / 1.6 / 8.7), over
# registers of the study's size (docs/inference.md, "analyze --bootstrap"). Needs `dotnet build Trajectories.sln -c
# Release` first. Usage: benchmarks/profile_bootstrap_coverage.sh [REGISTERS (60)] [RESAMPLES (100)]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
T="dotnet $ROOT/src/Trajectories.Cli/bin/Release/net10.0/trajectories.dll"
N="${1:-60}"
R="${2:-100}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
for s in $(seq 101 $((100 + N))); do
  rm -rf r a
  $T simulate -n 630 --seed "$s" --out r > /dev/null
  $T analyze r --family frailty --groups 4 --order 3 --starts 3 --bootstrap "$R" --no-disclosure-control --seed "$s" --out a > /dev/null
  grep "^lvb_any" a/classification_uncertainty.csv >> rows.csv
  grep -o "In [0-9]* resamples that matching" a/notes.csv | awk '{print $2}' >> unclear.txt
done
python3 - <<'PY'
import csv, math, collections
truth = {'incidental': 2.5 * 1.55, 'early_peaking': 2.5 * 5.0, 'late_peaking': 2.5 * 1.6, 'continuous': 2.5 * 8.7}
hits = collections.defaultdict(collections.Counter)
for r in csv.DictReader(open('rows.csv'), fieldnames="outcome,group,label,modal_n,expected_n,modal_percent,weighted_percent,weighted_se,bch_percent,bch_se,weighted_ci_low,weighted_ci_high,bch_ci_low,bch_ci_high".split(',')):
    t, c = truth.get(r['label']), hits[r['label']]
    c['n'] += 1
    if t is None:
        continue
    for e in ('weighted', 'bch'):
        lo, hi, p, se = (float(r[k]) if r[k] else None for k in (e + '_ci_low', e + '_ci_high', e + '_percent', e + '_se'))
        c[e + ' bootstrap'] += lo is not None and lo <= t <= hi
        c[e + ' wald'] += p is not None and abs(p - t) <= 1.96 * se
        c[e + ' bootstrap width'] += (hi - lo) if lo is not None else 0
        c[e + ' wald width'] += 2 * 1.96 * se if se is not None else 0
unclear = [int(x) for x in open('unclear.txt')]
print(f"{len(unclear)} registers, resamples with an unclear match: {sum(unclear) / len(unclear):.1f} on average")
for label, t in truth.items():
    c, n = hits[label], hits[label]['n']
    if n:
        cells = '; '.join(f"{k} {c[k] / n:.3f} (width {c[k + ' width'] / n:.1f})" for k in ('weighted bootstrap', 'weighted wald', 'bch bootstrap', 'bch wald'))
        print(f"{label}: planted {t:.2f} %, {n} registers: {cells}; MC SE {math.sqrt(0.95 * 0.05 / n):.3f}")
PY
