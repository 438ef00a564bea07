# ThreatMap: `make map` renders the default scenario, `make test` runs every check.
SWIFT ?= swift
BIN := .build/debug/threatmap
VENV := .venv
PYTHON := $(VENV)/bin/python

FUZZ_TARGETS := Literals GeoJSON Scenario CSV GazetteerFiles Extract
FUZZ_SECONDS ?= 600
LSAN := LSAN_OPTIONS=suppressions=$(CURDIR)/Scripts/lsan-suppressions.txt

.PHONY: fuzz fuzz-smoke all deps build map test unit-tests asan-tests browser-tests postgis-tests check-warnings reference venv readme-map clean bench bench-range bench-reach bench-e2e

all: build

deps:
	@Scripts/install-deps.sh

build: deps
	$(SWIFT) build

map: build
	$(BIN) map

# Everything CI checks: a warning-free build, the test suite, and the suite
# again under AddressSanitizer (LeakSanitizer included on Linux). The tests
# are Swift Testing only; XCTest is skipped (its harness leaks on exit).
test: deps check-warnings unit-tests asan-tests fuzz-smoke browser-tests postgis-tests

check-warnings:
	@$(SWIFT) build --build-tests 2>&1 | tee .build-warnings.log | grep -Ev '^\[[0-9]+/[0-9]+\]' || true
	@if grep -E 'warning:' .build-warnings.log | grep -Ev '/\.build[^/]*/checkouts/'; then \
	  echo "error: the build has warnings (above)"; rm -f .build-warnings.log; exit 1; fi
	@if grep -E 'error:' .build-warnings.log >/dev/null; then rm -f .build-warnings.log; exit 1; fi
	@rm -f .build-warnings.log

unit-tests:
	$(SWIFT) test --disable-xctest

asan-tests:
	ASAN_OPTIONS=detect_leaks=1 $(LSAN) \
	  $(SWIFT) test --disable-xctest --sanitize=address --scratch-path .build-asan

# The HTML map in a real browser: Chromium through chromedriver and Selenium
# (from the venv) on the default scenario, one across the antimeridian and
# one with hostile labels; screenshots land in Output/browser/.
browser-tests: deps venv
	$(SWIFT) build --product threatmap
	THREATMAP=$(BIN) $(PYTHON) -m unittest discover -s Tests/Browser -v

# Reach decisions against a real PostGIS: a throwaway PostgreSQL cluster in a
# temporary folder (Unix socket only, run as the unprivileged postgres user
# when make runs as root), 100,000 targets worldwide read through
# `--to PG:... --layer targets`, results written back with `--output PG:...`
# and every decision compared with ST_DWithin(geography, ..., true) in the
# same database (Tests/PostGIS). A missing server fails; nothing is skipped.
postgis-tests: deps venv
	$(SWIFT) build --product threatmap
	THREATMAP=$(BIN) $(PYTHON) -m unittest discover -s Tests/PostGIS -v

# Python peers (reference values, benchmarks) live in a local venv.
venv: $(PYTHON)
$(PYTHON): Scripts/requirements.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q -r Scripts/requirements.txt
	@touch $(PYTHON)

# Benchmarks against the Python peers (timings are printed, never asserted).
bench: bench-range bench-gazetteer bench-reach bench-map bench-e2e bench-geojson bench-population bench-gis

# 1,000 launch sites, 300 km discs, union: ThreatMap at 10 m vs shapely + pyproj
# at 360 vertices, same sites, one run (Benchmarks/README.md).
bench-range: deps venv
	SWIFT=$(SWIFT) Benchmarks/run_range.sh

# 100 launch sites x 3 systems x 1,000,000 targets: ThreatMap's exact reach
# decisions vs pyproj Geod.inv on every pair (exact) and shapely contains_xy
# on 360-vertex rings (approximate), same pairs, one run (Benchmarks/README.md).
bench-reach: deps venv
	SWIFT=$(SWIFT) Benchmarks/run_reach.sh

# End to end through the CLI (release build, whole processes): reach of
# 3 sites x 1 system x 1,000,000 CSV targets to CSV, and rings --union of
# 1,000 coordinate sites at 300 km, against pandas/shapely + pyproj peers on
# the same files, with peak memory (Benchmarks/README.md).
bench-e2e: deps venv
	SWIFT=$(SWIFT) Benchmarks/run_e2e.sh

# Gazetteer: bundled load, exact and fuzzy lookups, a 200,000-row GeoNames
# dump made from the bundled data, and `threatmap resolve Baghdad` as a
# whole process; figures against the targets (release build).
.PHONY: bench-gazetteer
bench-gazetteer:
	$(SWIFT) build -c release --product GazetteerBenchmark
	$(SWIFT) build -c release --product threatmap
	$(SWIFT) run -c release --skip-build GazetteerBenchmark Gazetteer

# Maps: render time and SVG size of the default scenario, of a world map
# with 50 footprints, and of 1 site x 100,000 targets, in steps and through
# `threatmap map` as a whole process (release build; Benchmarks/README.md).
.PHONY: bench-map
bench-map: deps
	$(SWIFT) build -c release --product MapBenchmark
	$(SWIFT) build -c release --product threatmap
	$(SWIFT) run -c release --skip-build MapBenchmark . $${RUNS:-5}

# People in reach of 1,000 sites at 700 km over every populated place:
# in process and `threatmap population` vs a shapely + pyproj peer.
.PHONY: bench-population
bench-population: deps venv
	SWIFT=$(SWIFT) Benchmarks/run_population.sh

# GeoJSON input at scale through the CLI: a 1,000,000-point --gazetteer file
# and a 90,000-point target file, wall time and peak RSS vs json.load.
.PHONY: bench-geojson
bench-geojson: deps venv
	SWIFT=$(SWIFT) Benchmarks/run_geojson.sh

# GIS input at scale: reach over 1,000,000 targets read from a GeoPackage
# (made once from the CSV with ogr2ogr) vs from the CSV, whole processes,
# wall time and peak RSS (release build; Benchmarks/README.md).
.PHONY: bench-gis
bench-gis: deps venv
	SWIFT=$(SWIFT) Benchmarks/run_gis.sh

# Regenerates the geodesic reference tables (on purpose only; they are committed).
reference: venv deps
	$(PYTHON) Scripts/make_geodesic_reference.py
	python3 Scripts/make_grid_reference.py

# Regenerates the README picture from the default scenario.
readme-map: map
	rsvg-convert -w 1200 Output/iran-missiles-iraq-2018.svg -o Docs/default-map.png

clean:
	rm -rf .build .build-asan .build-fuzz Output/*.geojson Output/*.geojsonl Output/*.svg Output/*.csv Output/*.md Output/*.kml

# Every parser's fuzz target, replayed over its corpus plus seeded random
# mutations, built with AddressSanitizer: a short smoke run for `make test`.
fuzz-smoke:
	@for t in $(FUZZ_TARGETS); do \
	  $(SWIFT) build -q --sanitize=address --scratch-path .build-asan --product Fuzz$$t || exit 1; \
	  ASAN_OPTIONS=detect_leaks=1 $(LSAN) .build-asan/debug/Fuzz$$t Fuzz/Corpus/$$t --iterations 3000 || exit 1; \
	done

# libFuzzer, FUZZ_SECONDS per target (default 600). New inputs join the
# corpus in Fuzz/Corpus/<target>; crashes land in Fuzz/Crashes/.
fuzz: deps
	@mkdir -p Fuzz/Crashes
	@for t in $(FUZZ_TARGETS); do \
	  $(SWIFT) build --toolset Fuzz/toolset.json --scratch-path .build-fuzz --product Fuzz$$t \
	    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING || exit 1; \
	  ASAN_OPTIONS=detect_leaks=1 $(LSAN) .build-fuzz/debug/Fuzz$$t Fuzz/Corpus/$$t \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -artifact_prefix=Fuzz/Crashes/$$t- -print_final_stats=1 || exit 1; \
	done
