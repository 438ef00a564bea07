#!/usr/bin/env bash
# GeoJSON input at scale, through the CLI as a user runs it: a 1,000,000-point
# GeoJSON (about 137 MB) as --gazetteer, and a 90,000-point target GeoJSON
# (about 12.5 MB) to `reach`. Prints wall time and peak RSS (/usr/bin/time -v)
# of each run, of the same command without the file (what the bundled data
# costs alone), and of the Python peer (json.load) on the same file. Never
# asserts; run it on an otherwise idle machine.
#
#   Benchmarks/run_geojson.sh
#   KEEP=/tmp/geojson Benchmarks/run_geojson.sh   # keep the generated files there
#   PYTHON=python3 Benchmarks/run_geojson.sh      # the peer on another Python
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH="${SCRATCH:-.build}"
SWIFT="${SWIFT:-swift}"
"$SWIFT" build -c release --product threatmap --scratch-path "$SCRATCH" >&2
# The peer needs only the standard library; PYTHON=python3 skips the venv.
if [[ -z "${PYTHON:-}" ]]; then make -s venv >&2; fi
python="${PYTHON:-.venv/bin/python}"
tool="$SCRATCH/release/threatmap"

if [[ -n "${KEEP:-}" ]]; then
  work="$KEEP"; mkdir -p "$work"
else
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
fi
[[ -f "$work/gazetteer-1m.geojson" ]] || "$python" Benchmarks/GeoJSON/make_points.py 1000000 "$work/gazetteer-1m.geojson" Site
[[ -f "$work/targets-90k.geojson" ]] || "$python" Benchmarks/GeoJSON/make_points.py 90000 "$work/targets-90k.geojson" Target
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"T"},"geometry":{"type":"Point","coordinates":[44,33]}}]}\n' > "$work/one.geojson"

# Runs a command under /usr/bin/time -v; prints "label  seconds  MB".
measure() {
  local label="$1"; shift
  /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt"
  awk -v label="$label" '
    /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
    /Maximum resident set size/ { kb = $NF }
    END { printf "%-44s %8.2f s %8.0f MB\n", label, s, kb / 1024 }' "$work/time.txt"
}

echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
ls -l "$work"/gazetteer-1m.geojson "$work"/targets-90k.geojson | awk '{ printf "%s: %.1f MB\n", $NF, $5 / 1e6 }'
measure "resolve (bundled data only)" "$tool" resolve --data Gazetteer Baghdad
measure "resolve --gazetteer 1M-point GeoJSON" "$tool" resolve --data Gazetteer --gazetteer "$work/gazetteer-1m.geojson" "Site 0000001"
measure "peer: json.load of the 1M-point GeoJSON" "$python" Benchmarks/GeoJSON/peer_json.py "$work/gazetteer-1m.geojson"
measure "reach --to a 1-point GeoJSON" "$tool" reach --data Gazetteer --from 33.3,44.4 --range 700km --to "$work/one.geojson" --format csv
measure "reach --to 90,000-point GeoJSON" "$tool" reach --data Gazetteer --from 33.3,44.4 --range 700km --to "$work/targets-90k.geojson" --format csv
measure "peer: json.load of the 90,000-point GeoJSON" "$python" Benchmarks/GeoJSON/peer_json.py "$work/targets-90k.geojson"
