#!/usr/bin/env bash
# People in reach of 1,000 launch sites at 700 km over every populated
# place of the bundled gazetteer: ThreatMap (in process, and `threatmap
# population` as a whole process) against a shapely + pyproj peer making the
# same exact decision, same places and sites, one run. Fails when the two
# disagree on the total.
#
#   Benchmarks/run_population.sh              # or: make bench-population
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT="${SWIFT:-swift}"
RUNS="${RUNS:-3}"
"$SWIFT" build -c release --product threatmap >&2
"$SWIFT" build -c release --product PopulationBenchmark >&2
make -s venv >&2
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

.venv/bin/python - "$work" <<'PY'
import json, random, sys
random.seed(20261207)
work = sys.argv[1]
sites = [(f"S{i}", round(random.uniform(-55, 70), 5), round(random.uniform(-180, 180), 5)) for i in range(1000)]
with open(f"{work}/sites.csv", "w") as f:
    f.write("name,latitude,longitude\n" + "".join(f"{n},{a},{o}\n" for n, a, o in sites))
with open(f"{work}/sites.geojson", "w") as f:
    json.dump({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": n}, "geometry": {"type": "Point", "coordinates": [o, a]}} for n, a, o in sites]}, f)
PY

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
core=$(.build/release/PopulationBenchmark Gazetteer/gazetteer.tsv "$work/sites.csv" 700 "$RUNS")
peer=$(.venv/bin/python Benchmarks/Population/peer_population.py Gazetteer/gazetteer.tsv "$work/sites.csv" 700)
start=$(date +%s.%N)
.build/release/threatmap population --from "$work/sites.geojson" --range 700km --format json --quiet > "$work/cli.json"
end=$(date +%s.%N)
.venv/bin/python - "$core" "$peer" "$start" "$end" "$work/cli.json" <<'PY'
import json, sys
core, peer = json.loads(sys.argv[1]), json.loads(sys.argv[2])
cli_seconds = float(sys.argv[4]) - float(sys.argv[3])
cli = json.load(open(sys.argv[5]))[0]
print(f"places considered: {core['candidates']:,}; 1,000 sites at 700 km")
print(f"ThreatMap core     {core['seconds']:8.3f} s  {core['people']:>13,} people in {core['places']:,} places")
print(f"shapely + pyproj   {peer['seconds']:8.3f} s  {peer['people']:>13,} people in {peer['places']:,} places")
print(f"ratio (peer / core): {peer['seconds'] / core['seconds']:.1f}x (target >= 10x)")
print(f"threatmap population, whole process: {cli_seconds:.3f} s ({int(cli['people']):,} people in {int(cli['places']):,} places;"
      " the bundled gazetteer with its curated rows in place of the rows they cite)")
if (core["people"], core["places"]) != (peer["people"], peer["places"]):
    sys.exit("error: ThreatMap and the peer disagree")
PY
