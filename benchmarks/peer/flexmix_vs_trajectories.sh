#!/usr/bin/env bash
# Peer comparison: the same simulated Poisson data, K groups, quadratic, S starts, fitted by R flexmix
# (stepFlexmix) and by `trajectories fit`; prints both full log-likelihoods and flexmix seconds / trajectories seconds.
# usage: benchmarks/peer/flexmix_vs_trajectories.sh [PERSONS=5000] [K=3] [STARTS=5] [SEED=1]
# Needs a Release build (dotnet build Trajectories.sln -c Release) and Rscript with flexmix.
set -euo pipefail
persons=${1:-5000}
k=${2:-3}
starts=${3:-5}
seed=${4:-1}
root=$(cd "$(dirname "$0")/../.." && pwd)
bench="$root/benchmarks/Trajectories.Benchmarks/bin/Release/net10.0/Trajectories.Benchmarks.dll"
cli="$root/src/Trajectories.Cli/bin/Release/net10.0/trajectories.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="$work/peer_${persons}.csv"

dotnet "$bench" simulate-csv --out "$data" --persons "$persons" --groups "$k" --order 2 --family poisson --seed "$seed"

flex=$(Rscript "$root/benchmarks/peer/flexmix_fit.R" "$data" "$k" "$starts" "$seed")
echo "$flex"
flex_s=$(awk '/^flexmix_seconds/ {print $2}' <<<"$flex")
flex_ll=$(awk '/^flexmix_loglik/ {print $2}' <<<"$flex")

# Timed as the whole CLI process (start-up, CSV read, fit, output files): the conservative figure for trajectories.
start=$(date +%s.%N)
traj=$(dotnet "$cli" fit "$data" --family poisson --groups "$k" --order 2 --starts "$starts" --seed "$seed" --out "$work/fit")
end=$(date +%s.%N)
echo "$traj" | grep -E "log-likelihood|BIC|search:"
traj_s=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')
# From model.json, not the console summary, whose layout is for readers.
traj_ll=$(grep -o '"log_likelihood": *-\?[0-9.eE+-]*' "$work/fit/model.json" | head -n 1 | awk -F: '{gsub(/ /, "", $2); print $2}')
fit_s=$(grep -o '"seconds": *[0-9.eE+-]*' "$work/fit/model.json" | head -n 1 | awk -F: '{gsub(/ /, "", $2); print $2}')

echo "persons $persons, K $k, order 2, starts $starts, seed $seed"
echo "flexmix:      LL $flex_ll in $flex_s s (stepFlexmix only)"
echo "trajectories: LL $traj_ll in $traj_s s (whole CLI process; fit alone ${fit_s:-n/a} s)"
awk -v f="$flex_s" -v t="$traj_s" -v a="${fit_s:-0}" -v fl="$flex_ll" -v tl="$traj_ll" 'BEGIN {
  printf "time ratio flexmix/trajectories: %.1fx (whole CLI process)", f / t
  if (a > 0) printf ", %.1fx (fit alone, like stepFlexmix alone)", f / a
  printf "\n"
  printf "LL difference trajectories - flexmix: %.6f (%s)\n", tl - fl, (tl >= fl - 1e-6 ? "trajectories equal or better" : "TRAJECTORIES LOWER: BUG")
}'
