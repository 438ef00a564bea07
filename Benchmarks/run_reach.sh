#!/usr/bin/env bash
# ReachBenchmark: builds the Swift benchmark in release mode, makes the
# project venv, runs ThreatMap, the exact peer (pyproj Geod.inv over every
# pair) and the approximate peer (shapely contains_xy on 360-vertex rings)
# on the same 100 sites x 3 systems x 1,000,000 targets in one go, and
# prints the comparison table. Fails if ThreatMap and the exact peer
# disagree on any pair, printing both sides of each.
#
#   Benchmarks/run_reach.sh               # or: make bench-reach
#   RUNS=10 Benchmarks/run_reach.sh       # best of 10 (at least 3) for ThreatMap and shapely
#   EXACT_RUNS=3 Benchmarks/run_reach.sh  # best of 3 for pyproj (default 1: a pass takes minutes)
#   KEEP=/tmp/reach Benchmarks/run_reach.sh   # keep the workload, bits and JSON there
#   SCRATCH=.build-bench ...              # another SwiftPM build folder
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-5}"
EXACT_RUNS="${EXACT_RUNS:-1}"
SCRATCH="${SCRATCH:-.build}"
SWIFT="${SWIFT:-swift}"

"$SWIFT" build -c release --product ReachBenchmark --scratch-path "$SCRATCH" >&2
make -s venv >&2

if [[ -n "${KEEP:-}" ]]; then
  work="$KEEP"; mkdir -p "$work"
else
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
fi

# Each tool times its own steps; the machine should be otherwise idle.
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
"$SCRATCH/release/ReachBenchmark" --dir "$work" --runs "$RUNS" >/dev/null
.venv/bin/python Benchmarks/Reach/peer_pyproj.py --dir "$work" --runs "$EXACT_RUNS" >/dev/null
.venv/bin/python Benchmarks/Reach/peer_shapely.py --dir "$work" --runs "$RUNS" >/dev/null
if ! .venv/bin/python Benchmarks/Reach/report.py "$work"; then
  if [[ -f "$work/disagreements.csv" ]]; then
    echo
    echo "ThreatMap's side of the first pairs (ReachBenchmark --explain):"
    "$SCRATCH/release/ReachBenchmark" --dir "$work" --explain "$work/disagreements.csv" | head -n 21
    [[ -n "${KEEP:-}" ]] || echo "(run with KEEP=DIR to keep the workload and disagreements.csv)"
  fi
  exit 1
fi
