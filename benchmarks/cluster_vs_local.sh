#!/usr/bin/env bash
# Replicates on local threads against 1 and 3 `trajectories worker` processes on this machine (benchmarks/README.md,
# "Inference and replicates on a cluster"): wall time of each coordinating command, and whether the cluster's results
# are the same bytes as the local run's. Needs `dotnet build Trajectories.sln -c Release` first.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
T="dotnet $ROOT/src/Trajectories.Cli/bin/Release/net10.0/trajectories.dll"
TORONTO="${TORONTO:-$ROOT/../shared/peer-data/toronto}"
WORK="$(mktemp -d)"
cd "$WORK"
B="bootstrap $TORONTO/to1.csv -k 3 --order 2 --starts 5 --replicates 200 --full-search"
S="study -k 3 --order 2 --persons 1000 --replicates 100 --starts 5 --select 2-4"
seconds() { local s; s=$(date +%s.%N); "$@" > /dev/null; echo "$(date +%s.%N) - $s" | bc; }
ready() { for _ in $(seq 1 120); do grep -q "worker ready" "$1" && return 0; sleep 0.5; done; echo "no worker ready in $1" >&2; exit 1; }
echo "bootstrap local: $(seconds $T $B --out b-local) s"
echo "study local: $(seconds $T $S --out s-local) s"
$T worker --port 21111 --gateway-port 40000 > w1.log 2>&1 & P1=$!
trap 'kill $P1 ${P2:-} ${P3:-} 2>/dev/null || true; rm -rf "$WORK"' EXIT
ready w1.log
echo "bootstrap 1 worker: $(seconds $T $B --cluster 127.0.0.1:40000 --out b-1) s"
echo "study 1 worker: $(seconds $T $S --cluster 127.0.0.1:40000 --out s-1) s"
$T worker --port 21112 --gateway-port 40001 --primary 127.0.0.1:21111 --threads 1 > w2.log 2>&1 & P2=$!
$T worker --port 21113 --gateway-port 40002 --primary 127.0.0.1:21111 --threads 1 > w3.log 2>&1 & P3=$!
ready w2.log; ready w3.log
G=127.0.0.1:40000,127.0.0.1:40001,127.0.0.1:40002
echo "bootstrap 3 workers: $(seconds $T $B --cluster $G --out b-3) s"
echo "study 3 workers: $(seconds $T $S --cluster $G --out s-3) s"
for f in b-1 b-3; do cmp -s b-local/bootstrap.csv $f/bootstrap.csv && echo "$f: same bytes as local" || echo "$f: DIFFERS"; done
for f in s-1 s-3; do cmp -s s-local/study_parameters.csv $f/study_parameters.csv && echo "$f: same bytes as local" || echo "$f: DIFFERS"; done
