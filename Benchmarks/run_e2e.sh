#!/usr/bin/env bash
# End to end through the CLI: builds `threatmap` in release mode, makes the
# project venv, writes the workload once (1,000,000 targets, 1,000 sites)
# and times whole `threatmap reach` and `threatmap rings --union` processes
# against their Python peers on the same files, printing ratios and peak
# memory. Fails if the two sides disagree on any in-range decision.
#
#   Benchmarks/run_e2e.sh                     # or: make bench-e2e
#   RUNS=5 Benchmarks/run_e2e.sh              # best of 5 (default 3)
#   KEEP=/tmp/e2e Benchmarks/run_e2e.sh       # keep the workload and outputs there
#   BEFORE=/path/to/old/threatmap ...         # also time an older build once
#   SCRATCH=.build-bench ...                  # another SwiftPM build folder
#   RUN_PREFIX="chrt -f 10" ...               # on a shared machine (as root): run the
#                                             # timed processes at real-time priority
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-3}"
SCRATCH="${SCRATCH:-.build}"
SWIFT="${SWIFT:-swift}"

"$SWIFT" build -c release --product threatmap --scratch-path "$SCRATCH" >&2
make -s venv >&2

if [[ -n "${KEEP:-}" ]]; then
  work="$KEEP"; mkdir -p "$work"
else
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
fi

export RUN_PREFIX="${RUN_PREFIX:-}"
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
.venv/bin/python Benchmarks/EndToEnd/run.py --threatmap "$SCRATCH/release/threatmap" --data Gazetteer \
  --work "$work" --runs "$RUNS" ${BEFORE:+--before "$BEFORE"}
