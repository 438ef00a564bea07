#!/usr/bin/env bash
# Targets from a GeoPackage against the same targets from a CSV, through the
# CLI as a user runs it: 1,000,000 targets (the end-to-end workload's
# targets.csv, name,lat,lon) and a GeoPackage made from that CSV once with
# ogr2ogr, each read by `threatmap reach --from "Jurf al-Sakhar" --missile
# Zolfaghar --to FILE --format csv` (release build, whole processes, the CSV
# rows to /dev/null through the shell). Prints wall time, CPU time and peak
# RSS (/usr/bin/time) of every run, the best of RUNS for each input and the
# GeoPackage/CSV ratios. Never asserts on time; fails if the two inputs give
# different rows.
#
#   Benchmarks/run_gis.sh                     # or: make bench-gis
#   RUNS=5 Benchmarks/run_gis.sh              # best of 5 (default 3)
#   KEEP=/tmp/gis Benchmarks/run_gis.sh       # keep the workload (and reuse it) there
#   SCRATCH=.build-bench ...                  # another SwiftPM build folder
#   THREATMAP=/path/to/threatmap ...          # time this binary, build nothing
#   RUN_PREFIX="chrt -f 10" ...               # on a shared machine (as root): run the
#                                             # timed processes at real-time priority
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-3}"
SCRATCH="${SCRATCH:-.build}"
SWIFT="${SWIFT:-swift}"
RUN_PREFIX="${RUN_PREFIX:-}"

if [[ -n "${THREATMAP:-}" ]]; then
  tool="$THREATMAP"
else
  "$SWIFT" build -c release --product threatmap --scratch-path "$SCRATCH" >&2
  tool="$SCRATCH/release/threatmap"
fi
make -s venv >&2
command -v ogr2ogr >/dev/null || { echo "error: ogr2ogr not found (make deps installs gdal-bin)" >&2; exit 1; }

if [[ -n "${KEEP:-}" ]]; then
  work="$KEEP"; mkdir -p "$work"
else
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
fi
if [[ ! -f "$work/targets.csv" ]]; then
  .venv/bin/python Benchmarks/EndToEnd/make_workload.py "$work" --sites 1 >&2
fi
if [[ ! -f "$work/targets.gpkg" ]]; then
  start=$SECONDS
  ogr2ogr -f GPKG "$work/targets.gpkg" "$work/targets.csv" -nln targets -a_srs EPSG:4326 \
    -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -oo KEEP_GEOM_COLUMNS=NO -gt 65536
  echo "GeoPackage written by ogr2ogr in $((SECONDS - start)) s" >&2
fi

reach=(reach --from "Jurf al-Sakhar" --missile Zolfaghar --format csv --quiet)
csv_input=(--to "$work/targets.csv")
gpkg_input=(--to "$work/targets.gpkg" --layer targets --name-field name)

# The same rows from both inputs (untimed): the check that both read the same targets.
"$tool" "${reach[@]}" "${csv_input[@]}" > "$work/from-csv.csv"
"$tool" "${reach[@]}" "${gpkg_input[@]}" > "$work/from-gpkg.csv"
rows=$(($(wc -l < "$work/from-csv.csv") - 1))
in_range=$(awk -F, 'NR > 1 && $7 == "true"' "$work/from-csv.csv" | wc -l)
if ! cmp -s "$work/from-csv.csv" "$work/from-gpkg.csv"; then
  echo "error: the GeoPackage and the CSV give different rows:" >&2
  diff "$work/from-csv.csv" "$work/from-gpkg.csv" | head -5 >&2
  exit 1
fi

# One timed run: prints "wall-seconds kilobytes user-seconds system-seconds".
measure() {
  $RUN_PREFIX /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$tool" "${reach[@]}" "$@" > /dev/null
  cat "$work/time.txt"
}

echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
ls -l "$work/targets.csv" "$work/targets.gpkg" | awk '{ printf "%s: %.1f MB\n", $NF, $5 / 1e6 }'
echo "reach from Jurf al-Sakhar, Zolfaghar (700 km): $rows rows, $in_range in range, identical from both inputs"
printf '%-12s %4s %9s %9s %12s\n' input run wall CPU "peak RSS"
declare -A best_s best_kb
for run in $(seq "$RUNS"); do
  for input in csv gpkg; do
    if [[ $input == csv ]]; then read -r s kb user system < <(measure "${csv_input[@]}")
    else read -r s kb user system < <(measure "${gpkg_input[@]}"); fi
    awk -v i="$input" -v r="$run" -v s="$s" -v kb="$kb" -v u="$user" -v y="$system" \
      'BEGIN { printf "%-12s %4d %7.2f s %7.2f s %9.0f MB\n", i, r, s, u + y, kb / 1024 }'
    if [[ -z "${best_s[$input]:-}" ]] || awk -v s="$s" -v b="${best_s[$input]}" 'BEGIN { exit !(s < b) }'; then
      best_s[$input]=$s; best_kb[$input]=$kb
    fi
  done
done
awk -v cs="${best_s[csv]}" -v ck="${best_kb[csv]}" -v gs="${best_s[gpkg]}" -v gk="${best_kb[gpkg]}" -v n="$RUNS" 'BEGIN {
  printf "best of %d: CSV %.2f s %.0f MB, GeoPackage %.2f s %.0f MB\n", n, cs, ck / 1024, gs, gk / 1024
  printf "GeoPackage/CSV: %.2fx the wall time, %.2fx the peak RSS\n", gs / cs, gk / ck }'
