#!/usr/bin/env python3
"""The approximate peer of ReachBenchmark: point in 360-vertex polygons.

The usual shapely 2 recipe: per launch site and system, a ring of 360
vertices from pyproj.Geod(ellps="WGS84").fwd at azimuths 0, 1, ..., 359
degrees (a second ring at the minimum range becomes a hole: an annulus),
shapely.Polygon, shapely.prepare, then shapely.contains_xy vectorised over
all targets. Fast, but the straight longitude/latitude edges sag inside the
true geodesic circle, so targets near a boundary come out wrong; report.py
counts them against the exact peer.

    peer_shapely.py --dir DIR [--runs 5]

Reads DIR/workload.json and DIR/targets.f64 (written by ReachBenchmark),
writes DIR/shapely.bits (same layout as threatmap.bits) and DIR/shapely.json.
"""

import argparse
import json
import os
import sys
import time

import numpy as np
import pyproj
import shapely

GEOD = pyproj.Geod(ellps="WGS84")
VERTICES = 360
AZIMUTHS = np.arange(VERTICES, dtype=float) * (360.0 / VERTICES)


def read_workload(directory):
    with open(os.path.join(directory, "workload.json")) as handle:
        workload = json.load(handle)
    targets = np.fromfile(os.path.join(directory, "targets.f64"), dtype="<f8").reshape(-1, 2)
    assert len(targets) == workload["targets"]
    return workload, np.ascontiguousarray(targets[:, 0]), np.ascontiguousarray(targets[:, 1])


def ring(lat, lon, meters):
    """360 geodesic vertices at `meters` around (lat, lon), as (lon, lat) rows."""
    lons, lats, _ = GEOD.fwd(np.full(VERTICES, lon), np.full(VERTICES, lat), AZIMUTHS, np.full(VERTICES, meters))
    return np.column_stack((lons, lats))


def footprint(site, system):
    outer = ring(site["latitude"], site["longitude"], system["rangeMeters"])
    holes = []
    if system["minimumRangeMeters"] > 0:
        holes.append(ring(site["latitude"], site["longitude"], system["minimumRangeMeters"]))
    polygon = shapely.Polygon(outer, holes)
    shapely.prepare(polygon)
    return polygon


def decide(workload, lats, lons):
    """(bit matrix as uint64 words, seconds building polygons, seconds in contains_xy)."""
    systems = workload["systems"]
    words_per_row = (len(lats) + 63) // 64
    bits = np.zeros((len(workload["sites"]) * len(systems), words_per_row * 8), dtype=np.uint8)
    inside = np.zeros(words_per_row * 64, dtype=bool)
    building = containing = 0.0
    for site_index, site in enumerate(workload["sites"]):
        for system_index, system in enumerate(systems):
            start = time.perf_counter()
            polygon = footprint(site, system)
            built = time.perf_counter()
            inside[:len(lats)] = shapely.contains_xy(polygon, lons, lats)
            bits[site_index * len(systems) + system_index] = np.packbits(inside, bitorder="little")
            building += built - start
            containing += time.perf_counter() - built
    return bits.view("<u8"), building, containing


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.runs < 3:
        parser.error("--runs must be at least 3")

    workload, lats, lons = read_workload(args.dir)
    best = None
    times = []
    bits = None
    for run in range(args.runs + 1):  # run 0 warms up
        start, start_cpu = time.perf_counter(), time.process_time()
        bits, building, containing = decide(workload, lats, lons)
        seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
        if run > 0:
            times.append(seconds)
            if best is None or seconds < best[0]:
                best = (seconds, building, containing, cpu)
    bits.tofile(os.path.join(args.dir, "shapely.bits"))
    report = {
        "tool": "shapely %s (GEOS %s) contains_xy, %d-vertex rings from pyproj %s Geod.fwd" % (
            shapely.__version__, shapely.geos_version_string, VERTICES, pyproj.__version__),
        "seconds": best[0],
        "cpuSeconds": best[3],
        "buildSeconds": best[1],
        "containsSeconds": best[2],
        "allSeconds": times,
        "runs": args.runs,
        "vertices": VERTICES,
    }
    with open(os.path.join(args.dir, "shapely.json"), "w") as handle:
        json.dump(report, handle, indent=2, sort_keys=True)
        handle.write("\n")
    print("shapely: best %.3f s of %d" % (report["seconds"], args.runs))


if __name__ == "__main__":
    sys.exit(main())
