#!/usr/bin/env python3
"""The Python peer of RangeBenchmark: the usual shapely + pyproj recipe.

For each launch site: 360 vertices from pyproj.Geod(ellps="WGS84").fwd,
vectorised over azimuths 0, 1, ..., 359 degrees, then shapely.Polygon; then
shapely.unary_union of all of them. No antimeridian cutting and no pole
closure, as such code usually has: rings that jump across +-180 (sites near
the antimeridian, rings around the pole) come out self-intersecting and make
unary_union raise a TopologyException, so they are passed through
polygon.buffer(0) first, the classic fix. That keeps the union running, but
those footprints are wrong (they span the map); their errors are reported
apart.

Also measures, untimed, how far the rings lie from the true geodesic circle
(max over edge midpoints of |inverse distance(centre, midpoint) - radius|)
and the same for the "buffer in degrees" recipe,
Point(lon, lat).buffer(radius / 111,320 m).

    peer_shapely.py --sites sites.csv [--runs 5] [--json peer.json]
                    [--threatmap-footprints footprints.wkt]
"""

import argparse
import csv
import json
import sys
import time

import numpy as np
import pyproj
import shapely

RADIUS_M = 300_000.0
VERTICES = 360
METERS_PER_DEGREE = 111_320.0  # the usual equatorial conversion
GEOD = pyproj.Geod(ellps="WGS84")
AZIMUTHS = np.arange(VERTICES, dtype=float) * (360.0 / VERTICES)


def read_sites(path):
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [(row["kind"], float(row["latitude"]), float(row["longitude"])) for row in rows]


def ring(lat, lon):
    """360 geodesic vertices at RADIUS_M around (lat, lon), as (lons, lats)."""
    lons, lats, _ = GEOD.fwd(np.full(VERTICES, lon), np.full(VERTICES, lat), AZIMUTHS,
                             np.full(VERTICES, RADIUS_M))
    return lons, lats


def jumps_across_antimeridian(lons):
    return bool(np.abs(np.diff(lons)).max() > 180.0) or abs(lons[-1] - lons[0]) > 180.0


def build(sites):
    """The timed ring step: one polygon per site, broken ones repaired."""
    polygons = []
    for _, lat, lon in sites:
        lons, lats = ring(lat, lon)
        polygon = shapely.Polygon(np.column_stack((lons, lats)))
        if jumps_across_antimeridian(lons):
            polygon = polygon.buffer(0)
        polygons.append(polygon)
    return polygons


def timed(sites, runs):
    best = {"rings": float("inf"), "union": float("inf"), "total": float("inf"), "runs": runs}
    union = None
    for run in range(runs + 1):  # run 0 warms up
        start = time.perf_counter()
        polygons = build(sites)
        built = time.perf_counter()
        union = shapely.unary_union(polygons)
        end = time.perf_counter()
        if run > 0:
            best["rings"] = min(best["rings"], built - start)
            best["union"] = min(best["union"], end - built)
            best["total"] = min(best["total"], end - start)
    return best, union


def max_errors(lat, lon, coords):
    """(max midpoint error, max vertex error) in metres of a closed ring."""
    mid = (coords[:-1] + coords[1:]) / 2
    _, _, to_mid = GEOD.inv(np.full(len(mid), lon), np.full(len(mid), lat), mid[:, 0], mid[:, 1])
    _, _, to_vertex = GEOD.inv(np.full(len(coords), lon), np.full(len(coords), lat),
                               coords[:, 0], coords[:, 1])
    return float(np.abs(to_mid - RADIUS_M).max()), float(np.abs(to_vertex - RADIUS_M).max())


def accuracy(sites, make_coords):
    """Max errors per kind of site; rings that jump across +-180 kept apart."""
    stats = {}
    for kind, lat, lon in sites:
        coords = make_coords(lat, lon)
        key = kind
        if jumps_across_antimeridian(coords[:, 0]):
            key = kind + " (broken: jumps across +-180)"
        midpoint, vertex = max_errors(lat, lon, coords)
        entry = stats.setdefault(key, {"maxMidpointMeters": 0.0, "maxVertexMeters": 0.0, "rings": 0})
        entry["maxMidpointMeters"] = max(entry["maxMidpointMeters"], midpoint)
        entry["maxVertexMeters"] = max(entry["maxVertexMeters"], vertex)
        entry["rings"] += 1
    return stats


def peer_coords(lat, lon):
    lons, lats = ring(lat, lon)
    coords = np.column_stack((lons, lats))
    return np.vstack((coords, coords[:1]))


def degree_buffer_coords(lat, lon):
    polygon = shapely.Point(lon, lat).buffer(RADIUS_M / METERS_PER_DEGREE)
    return np.asarray(polygon.exterior.coords)


def union_of_wkt(path, runs):
    """Times unary_union of ThreatMap's own footprints (one WKT a line) in
    this GEOS, to tell the GEOS version apart from the vertex count."""
    with open(path) as handle:
        shapes = shapely.from_wkt([line for line in handle.read().splitlines() if line])
    best = float("inf")
    for run in range(runs + 1):
        start = time.perf_counter()
        shapely.unary_union(shapes)
        if run > 0:
            best = min(best, time.perf_counter() - start)
    return best, int(shapely.get_num_coordinates(shapes).sum())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sites", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json")
    parser.add_argument("--threatmap-footprints")
    args = parser.parse_args()
    if args.runs < 3:
        parser.error("--runs must be at least 3")

    sites = read_sites(args.sites)
    timings, union = timed(sites, args.runs)
    polygons = build(sites)
    report = {
        "tool": "shapely %s (GEOS %s) + pyproj %s (PROJ %s)" % (
            shapely.__version__, shapely.geos_version_string, pyproj.__version__, pyproj.proj_version_str),
        "sites": len(sites),
        "timings": timings,
        "meanRingVertices": VERTICES,
        "repairedRings": sum(1 for _, lat, lon in sites if jumps_across_antimeridian(ring(lat, lon)[0])),
        "invalidRingsAfterRepair": int((~shapely.is_valid(np.array(polygons, dtype=object))).sum()),
        "unionPolygons": int(shapely.get_num_geometries(union)),
        "unionVertices": int(shapely.get_num_coordinates(union)),
        "ringError": accuracy(sites, peer_coords),
        "degreeBufferError": accuracy(sites, degree_buffer_coords),
        "degreeBufferVertices": len(degree_buffer_coords(0.0, 0.0)) - 1,
    }
    if args.threatmap_footprints:
        seconds, vertices = union_of_wkt(args.threatmap_footprints, args.runs)
        report["unionOfThreatmapRings"] = {"seconds": seconds, "vertices": vertices}
    text = json.dumps(report, indent=2, sort_keys=True)
    if args.json:
        with open(args.json, "w") as handle:
            handle.write(text + "\n")
    print(text)


if __name__ == "__main__":
    sys.exit(main())
