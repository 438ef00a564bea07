#!/usr/bin/env python3
"""Prints the ReachBenchmark comparison table and checks the decisions.

    report.py DIR

Reads what ReachBenchmark, peer_pyproj.py and peer_shapely.py wrote in DIR.
ThreatMap must agree with the exact peer (pyproj Geod.inv) on every pair:
if it does not, the pairs are listed with both peers' distances (pyproj and
geographiclib), written to DIR/disagreements.csv (site,system,target,...)
for `ReachBenchmark --explain`, and the exit status is 1. The approximate
peer's wrong decisions are counted against the exact peer, by pair and by
distinct target, and by how the target was drawn.
"""

import csv
import json
import os
import sys

import numpy as np
import pyproj
from geographiclib.geodesic import Geodesic

GEOD = pyproj.Geod(ellps="WGS84")
KINDS = {0: "spread", 1: "boundary"}
SHOWN = 20


def load(directory, name):
    with open(os.path.join(directory, name)) as handle:
        return json.load(handle)


def bits(directory, name, rows, words_per_row):
    words = np.fromfile(os.path.join(directory, name), dtype="<u8")
    if words.size != rows * words_per_row:
        sys.exit("report.py: %s holds %d words, expected %d" % (name, words.size, rows * words_per_row))
    return words.reshape(rows, words_per_row)


def checksum(words):
    """Sum of words[i] * (2i + 1) modulo 2**64, as ReachBenchmark computes it."""
    flat = words.reshape(-1)
    index = np.arange(flat.size, dtype=np.uint64)
    with np.errstate(over="ignore"):
        return "%016x" % int((flat * (index * np.uint64(2) + np.uint64(1))).sum(dtype=np.uint64))


def pairs(mask, systems):
    """(site, system, target) of every set bit, in row-major order."""
    rows, words = np.nonzero(mask)
    result = []
    for row, word in zip(rows, words):
        value = int(mask[row, word])
        while value:
            low = value & -value
            result.append((int(row) // systems, int(row) % systems, int(word) * 64 + low.bit_length() - 1))
            value ^= low
    return result


def target_mask(words, count):
    """Bool per target: set in any row."""
    union = np.bitwise_or.reduce(words, axis=0)
    return np.unpackbits(union.view(np.uint8), bitorder="little")[:count].astype(bool)


def distances(workload, targets, listed):
    sites = workload["sites"]
    lon1 = np.array([sites[s]["longitude"] for s, _, _ in listed])
    lat1 = np.array([sites[s]["latitude"] for s, _, _ in listed])
    lat2 = np.array([targets[t, 0] for _, _, t in listed])
    lon2 = np.array([targets[t, 1] for _, _, t in listed])
    return GEOD.inv(lon1, lat1, lon2, lat2)[2]


def margin(workload, system, distance):
    """Signed metres from the nearest boundary of `system` (positive inside)."""
    spec = workload["systems"][system]
    inside = spec["rangeMeters"] - distance
    if spec["minimumRangeMeters"] > 0:
        inside = min(inside, distance - spec["minimumRangeMeters"])
    return inside


def seconds(value):
    return "%.3f" % value


def table(rows):
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        print("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)))
        if index == 0:
            print("  ".join("-" * width for width in widths))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    directory = sys.argv[1]
    workload = load(directory, "workload.json")
    ours, exact, approx = (load(directory, name) for name in ("threatmap.json", "pyproj.json", "shapely.json"))
    systems = len(workload["systems"])
    rows, words_per_row, count = len(workload["sites"]) * systems, workload["wordsPerRow"], workload["targets"]
    ours_bits = bits(directory, "threatmap.bits", rows, words_per_row)
    exact_bits = bits(directory, "pyproj.bits", rows, words_per_row)
    approx_bits = bits(directory, "shapely.bits", rows, words_per_row)
    targets = np.fromfile(os.path.join(directory, "targets.f64"), dtype="<f8").reshape(-1, 2)
    kinds = np.fromfile(os.path.join(directory, "target_kinds.u8"), dtype=np.uint8)

    disagree = ours_bits ^ exact_bits
    approx_wrong = approx_bits ^ exact_bits
    wrong_pairs = int(np.bitwise_count(approx_wrong).sum())
    wrong_targets = target_mask(approx_wrong, count)
    false_in = int(np.bitwise_count(approx_bits & ~exact_bits).sum())
    false_out = int(np.bitwise_count(~approx_bits & exact_bits).sum())

    names = ", ".join(
        s["name"] + (" (min %g km)" % (s["minimumRangeMeters"] / 1000) if s["minimumRangeMeters"] > 0 else "")
        for s in workload["systems"])
    print("ReachBenchmark: %d launch sites x %d systems (%s) x %d targets (%d within +-%g m of a boundary)"
          % (len(workload["sites"]), systems, names, count, workload["boundaryTargets"], workload["boundaryBandMeters"]))
    print("threatmap: %d cores, best of %d after a warm-up; (a) %s, best of %d%s; (b) %s, best of %d"
          % (ours["cores"], ours["runs"], exact["tool"], exact["runs"],
             " (one pass takes minutes; warm-up: one site, one chunk)" if exact["runs"] < 3 else "",
             approx["tool"], approx["runs"]))
    print()
    ratio = lambda value: "%.2fx" % (value / ours["seconds"])
    table([
        ("step", "seconds", "vs threatmap", "CPU s", "wrong decisions"),
        ("threatmap ReachMatrix (exact)", seconds(ours["seconds"]), "1.00x", seconds(ours["cpuSeconds"]),
         "%d" % int(np.bitwise_count(disagree).sum())),
        ("(a) pyproj Geod.inv, every pair (exact)", seconds(exact["seconds"]), ratio(exact["seconds"]),
         seconds(exact["cpuSeconds"]), "0 (reference)"),
        ("(b) shapely contains_xy, 360 vertices", seconds(approx["seconds"]), ratio(approx["seconds"]),
         seconds(approx["cpuSeconds"]), "%d pairs, %d targets" % (wrong_pairs, int(wrong_targets.sum()))),
    ])
    print()
    print("seconds: wall clock, best run; CPU s: that run's CPU time, all threads added up (the peers use one)")
    print("goals: (a) >= 5x ThreatMap's time: %.1fx (CPU %.1fx); (b) >= 1x: %.2fx (CPU %.2fx)"
          % (exact["seconds"] / ours["seconds"], exact["cpuSeconds"] / ours["cpuSeconds"],
             approx["seconds"] / ours["seconds"], approx["cpuSeconds"] / ours["cpuSeconds"]))
    print("threatmap: exactChecks %d (pairs the chord bounds left to geod_inverse) of %d pairs"
          % (ours["exactChecks"], len(workload["sites"]) * count))
    print("(b) split: %.3f s building and preparing polygons, %.3f s in contains_xy"
          % (approx["buildSeconds"], approx["containsSeconds"]))
    in_range = int(np.bitwise_count(exact_bits).sum())
    print("in range: %d site-system-target pairs, %d targets reached by any (threatmap reports %d and %d)"
          % (in_range, int(target_mask(exact_bits, count).sum()), ours["inRangePairs"], ours["targetsReachedByAny"]))
    print("checksums: threatmap %s (as it reported: %s), pyproj %s, shapely %s"
          % (checksum(ours_bits), ours["checksum"], checksum(exact_bits), checksum(approx_bits)))

    print()
    print("(b) wrong decisions against (a): %d pairs (%d in range but called out, %d out of range but called in),"
          " %d distinct targets" % (wrong_pairs, false_out, false_in, int(wrong_targets.sum())))
    for kind, name in KINDS.items():
        of_kind = kinds == kind
        print("  %-8s targets: %d of %d wrong for some site and system" % (name, int((wrong_targets & of_kind).sum()), int(of_kind.sum())))
    per_system = np.bitwise_count(approx_wrong).reshape(len(workload["sites"]), systems, words_per_row).sum(axis=(0, 2))
    wrong = pairs(approx_wrong, systems)
    worst = {}
    if wrong:
        for (site, system, target), distance in zip(wrong, distances(workload, targets, wrong)):
            worst[system] = max(worst.get(system, 0.0), abs(margin(workload, system, distance)))
    for system, spec in enumerate(workload["systems"]):
        print("  %-10s %d pairs wrong, up to %.1f m from the boundary" % (spec["name"], int(per_system[system]), worst.get(system, 0.0)))

    if np.any(disagree):
        listed = pairs(disagree, systems)
        geodesic = Geodesic.WGS84
        path = os.path.join(directory, "disagreements.csv")
        with open(path, "w", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["site", "system", "target", "threatmap_in_range", "pyproj_in_range",
                             "pyproj_distance_m", "geographiclib_distance_m"])
            for (site, system, target), distance in zip(listed, distances(workload, targets, listed)):
                spec = workload["sites"][site]
                reference = geodesic.Inverse(spec["latitude"], spec["longitude"], targets[target, 0], targets[target, 1],
                                             Geodesic.DISTANCE)["s12"]
                row = site * systems + system
                bit = np.uint64(1) << np.uint64(target % 64)
                writer.writerow([site, system, target, int(bool(ours_bits[row, target // 64] & bit)),
                                 int(bool(exact_bits[row, target // 64] & bit)), repr(float(distance)), repr(reference)])
        print()
        print("FAIL: threatmap disagrees with the exact peer on %d pairs (all in %s):" % (len(listed), path))
        with open(path) as handle:
            for index, line in enumerate(handle):
                if index > SHOWN:
                    print("  ...")
                    break
                print("  " + line.rstrip())
        return 1
    print()
    print("threatmap agrees with the exact peer on all %d pairs" % (rows * count))
    return 0


if __name__ == "__main__":
    sys.exit(main())
