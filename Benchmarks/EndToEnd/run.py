#!/usr/bin/env python3
"""End-to-end benchmark: `threatmap` as a user runs it (a release build,
whole processes) against its Python peers on the same files, in one run.

Each command is timed as a whole process (wall clock, best of N) with its
CPU time and peak resident memory from os.wait4. Both sides' outputs are
checked against each other: reach row by row (every in-range decision must
agree; the number of rows whose text differs anywhere is printed), rings by
the area of the symmetric difference of the two unions.

    run.py --threatmap .build/release/threatmap --data Gazetteer --work DIR
           [--runs 3] [--before OLD_THREATMAP]
"""

import argparse
import os
import subprocess
import sys
import time

import pyproj
import shapely

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = sys.executable
REACH_SITES = ["32.87,44.15", "30.5,47.8", "35.7,51.4"]
MISSILE, RANGE_KM = "Zolfaghar", 700
RING_KM = 300


PREFIX = os.environ.get("RUN_PREFIX", "").split()


def measure(command, runs):
    """Best wall time of `runs`, with that run's CPU seconds and peak RSS (MiB)."""
    best = None
    for _ in range(runs):
        started = time.perf_counter()
        process = subprocess.Popen(PREFIX + command, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"failed ({status}): {' '.join(command[:8])} ...")
        result = (wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
        if best is None or wall < best[0]:
            best = result
    return best


def reach_commands(args, work, threatmap):
    sites = [value for site in REACH_SITES for value in ("--from", site)]
    ours = [threatmap, "reach", "--data", args.data, *sites, "--missile", MISSILE,
            "--to", os.path.join(work, "targets.csv"), "--format", "csv", "--output", os.path.join(work, "threatmap-reach.csv")]
    peer = [PYTHON, os.path.join(HERE, "peer_reach.py"), "--targets", os.path.join(work, "targets.csv"),
            *[value for site in REACH_SITES for value in ("--site", site)], "--range-km", str(RANGE_KM),
            "--missile", MISSILE, "--output", os.path.join(work, "peer-reach.csv")]
    return ours, peer


def rings_commands(args, work, threatmap):
    with open(os.path.join(work, "sites.csv")) as handle:
        next(handle)
        sites = [line.strip() for line in handle if line.strip()]
    ours = [threatmap, "rings", "--data", args.data, *[value for site in sites for value in ("--from", site)],
            "--range", f"{RING_KM}km", "--union", "--output", os.path.join(work, "threatmap-rings.geojson")]
    peer = [PYTHON, os.path.join(HERE, "peer_rings.py"), "--sites", os.path.join(work, "sites.csv"),
            "--radius-km", str(RING_KM), "--output", os.path.join(work, "peer-rings.geojson")]
    return ours, peer, len(sites)


def compare_reach(work):
    """(rows, in-range rows, decisions that differ, rows whose text differs)."""
    rows = in_range = decisions = texts = 0
    with open(os.path.join(work, "threatmap-reach.csv")) as ours, open(os.path.join(work, "peer-reach.csv")) as peer:
        if next(ours) != next(peer):
            sys.exit("reach: the headers differ")
        for mine, theirs in zip(ours, peer, strict=True):
            rows += 1
            if mine == theirs:
                in_range += mine.endswith(",\n")
                continue
            texts += 1
            # Decision: the 7th field from the end-anchored columns (site names are quoted and hold commas).
            if mine.rsplit(",", 4)[1] != theirs.rsplit(",", 4)[1]:
                decisions += 1
            in_range += mine.endswith(",\n")
    return rows, in_range, decisions, texts


def compare_rings(work):
    """Union area (km2, geodesic) of each side and of their symmetric difference."""
    geod = pyproj.Geod(ellps="WGS84")
    with open(os.path.join(work, "threatmap-rings.geojson")) as handle:
        ours = shapely.from_geojson(handle.read())
    with open(os.path.join(work, "peer-rings.geojson")) as handle:
        peer = shapely.from_geojson(handle.read())
    ours = shapely.union_all(shapely.get_parts(ours))
    peer = shapely.union_all(shapely.get_parts(peer))

    def area(geometry):
        return abs(geod.geometry_area_perimeter(geometry)[0]) / 1e6

    return area(ours), area(peer), area(shapely.symmetric_difference(ours, peer))


def line(label, figures):
    wall, cpu, rss = figures
    return f"  {label:<28} {wall:8.2f} s wall  {cpu:8.2f} s CPU  {rss:8.0f} MiB peak"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threatmap", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", help="an older threatmap build to time once beside the others")
    args = parser.parse_args()
    work = args.work
    if not os.path.exists(os.path.join(work, "targets.csv")):
        subprocess.run([PYTHON, os.path.join(HERE, "make_workload.py"), work], check=True)

    ours, peer = reach_commands(args, work, args.threatmap)
    print(f"reach: {len(REACH_SITES)} sites x 1 system ({MISSILE}, {RANGE_KM} km) x 1,000,000 targets from CSV, "
          f"CSV out (best of {args.runs})")
    if args.before:
        print(line("threatmap (before)", measure(reach_commands(args, work, args.before)[0], 1)))
    mine = measure(ours, args.runs)
    theirs = measure(peer, args.runs)
    print(line("threatmap", mine))
    print(line("pandas + pyproj Geod.inv", theirs))
    rows, in_range, decisions, texts = compare_reach(work)
    print(f"  ratio {theirs[0] / mine[0]:.2f}x wall, {theirs[1] / mine[1]:.2f}x CPU (peer / threatmap); "
          f"{rows} rows, {in_range} in range; decisions that differ: {decisions}; rows whose text differs: {texts}")

    ours, peer, count = rings_commands(args, work, args.threatmap)
    print(f"\nrings --union: {count} coordinate sites, {RING_KM} km, GeoJSON out (best of {args.runs})")
    if args.before:
        print(line("threatmap (before)", measure(rings_commands(args, work, args.before)[0], 1)))
    mine = measure(ours, args.runs)
    theirs = measure(peer, args.runs)
    print(line("threatmap", mine))
    print(line("shapely + pyproj (360 vertices)", theirs))
    ours_area, peer_area, difference = compare_rings(work)
    print(f"  ratio {theirs[0] / mine[0]:.2f}x wall, {theirs[1] / mine[1]:.2f}x CPU; union {ours_area:,.0f} km2 vs {peer_area:,.0f} km2, "
          f"symmetric difference {difference:,.1f} km2")
    if decisions:
        sys.exit("reach: the in-range decisions differ")


if __name__ == "__main__":
    main()
