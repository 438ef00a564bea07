#!/usr/bin/env bash
# RangeBenchmark: builds the Swift benchmark in release mode, makes the
# project venv, runs ThreatMap and the shapely + pyproj peer on the same
# 1,000 launch sites in one go, and prints the comparison table.
#
#   Benchmarks/run_range.sh            # or: make bench-range
#   RUNS=10 Benchmarks/run_range.sh    # best of 10 (at least 3)
#   KEEP=/tmp/range Benchmarks/run_range.sh   # keep sites, JSON and WKT there
#   SCRATCH=.build-bench ...           # another SwiftPM build folder
#   RUN_PREFIX="chrt -f 10" ...        # on a shared machine (as root): run the
#                                      # two timed programs at real-time priority
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-5}"
SCRATCH="${SCRATCH:-.build}"
SWIFT="${SWIFT:-swift}"

"$SWIFT" build -c release --product RangeBenchmark --scratch-path "$SCRATCH" >&2
make -s venv >&2

if [[ -n "${KEEP:-}" ]]; then
  work="$KEEP"; mkdir -p "$work"
else
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
fi

# Both tools time their own steps; the machine should be otherwise idle.
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
${RUN_PREFIX:-} "$SCRATCH/release/RangeBenchmark" --runs "$RUNS" --sites "$work/sites.csv" \
  --json "$work/threatmap.json" --footprints "$work/footprints.wkt" >/dev/null
${RUN_PREFIX:-} .venv/bin/python Benchmarks/Range/peer_shapely.py --runs "$RUNS" --sites "$work/sites.csv" \
  --json "$work/peer.json" --threatmap-footprints "$work/footprints.wkt" >/dev/null
.venv/bin/python Benchmarks/Range/report.py "$work/threatmap.json" "$work/peer.json"
