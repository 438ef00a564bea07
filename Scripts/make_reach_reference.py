#!/usr/bin/env python3
"""Generate reach-decision reference tables with GeographicLib.

Usage (from the repository root):

    python3 Scripts/make_reach_reference.py

Writes ``Tests/ThreatModelTests/Fixtures/reach_boundary.csv`` with columns
``case,site,min_range_m,range_m,target_lat,target_lon,distance_m,in_range``:

* point sites (``site`` is ``lat:lon``): 10,000 targets placed within ±50 m
  of a minimum or maximum range boundary, along random azimuths, from sites
  on the equator, in Iraq, across ±180 and near both poles, for ranges from
  1 km to 12,000 km. ``distance_m`` is geographiclib's inverse distance and
  ``in_range`` its decision ``min <= distance <= range``. Targets closer than
  1 µm to a boundary are left out: there the decision is a rounding tie.
* launch areas (``site`` names a polygon of AREAS below): 400 targets within
  ±50 m of the buffer boundary, distance to the area measured to the
  polygon's straight longitude/latitude edges (sampled every 5 km, then
  every 10 m around the nearest stretch; 0 inside), decided the same way.
  Targets closer than 0.5 m to the boundary are left out (the sampled
  distance is exact to a few millimetres, not to a micrometre).

Deterministic: seed 20201220.
"""

import math
import os
import random

from geographiclib.geodesic import Geodesic

GEOD = Geodesic.WGS84
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 20201220

SITES = [
    (32.86667, 44.21389), (33.25, 44.47), (0.0, 0.0), (0.0, 179.99), (-12.5, -179.95),
    (64.8, -179.7), (89.9, 10.0), (85.0, -120.0), (-89.5, 45.0), (-33.92, 18.42),
    (51.5, -0.12), (35.0, 139.7), (-70.0, 170.0), (10.0, -179.999),
]
RANGES = [  # (min_range_m, range_m)
    (0.0, 1_000.0), (0.0, 200_000.0), (0.0, 300_000.0), (0.0, 700_000.0), (3_000.0, 160_000.0),
    (100_000.0, 2_000_000.0), (0.0, 5_000_000.0), (500_000.0, 12_000_000.0),
]
AREAS = {
    "basra_box": [(29.9, 46.4), (29.9, 48.6), (31.1, 48.6), (31.1, 46.4), (29.9, 46.4)],
    "anbar_triangle": [(32.0, 39.5), (33.5, 43.5), (34.6, 40.9), (32.0, 39.5)],
}
AREA_RANGES = [(0.0, 300_000.0), (50_000.0, 700_000.0)]


def fmt(x):
    return repr(float(x))


def point_rows(rng, count):
    rows = []
    while len(rows) < count:
        lat, lon = rng.choice(SITES)
        minimum, maximum = rng.choice(RANGES)
        boundary = maximum if minimum == 0 or rng.random() < 0.6 else minimum
        offset = rng.uniform(-50.0, 50.0)
        if boundary + offset <= 0:
            continue
        azimuth = rng.uniform(-180, 180)
        target = GEOD.Direct(lat, lon, azimuth, boundary + offset)
        distance = GEOD.Inverse(lat, lon, target["lat2"], target["lon2"], Geodesic.DISTANCE)["s12"]
        if abs(distance - maximum) < 1e-6 or abs(distance - minimum) < 1e-6:
            continue
        inside = minimum <= distance <= maximum
        rows.append(["point", f"{fmt(lat)}:{fmt(lon)}", fmt(minimum), fmt(maximum),
                     fmt(target["lat2"]), fmt(target["lon2"]), fmt(distance), "true" if inside else "false"])
    return rows


def densify(points, spacing):
    out = []
    for (lat1, lon1), (lat2, lon2) in zip(points, points[1:]):
        d = GEOD.Inverse(lat1, lon1, lat2, lon2, Geodesic.DISTANCE)["s12"]
        steps = max(1, int(math.ceil(d * 1.01 / spacing)))
        for k in range(steps):
            f = k / steps
            out.append((lat1 + f * (lat2 - lat1), lon1 + f * (lon2 - lon1)))
    out.append(points[-1])
    return out


def inside(lat, lon, ring):
    result = False
    for (lat1, lon1), (lat2, lon2) in zip(ring, ring[1:]):
        if (lat1 > lat) != (lat2 > lat):
            if lon < lon1 + (lat - lat1) * (lon2 - lon1) / (lat2 - lat1):
                result = not result
    return result


def coarse_distance(lat, lon, ring, coarse):
    """Distance to the 5 km samples: enough to aim a target."""
    if inside(lat, lon, ring):
        return 0.0
    return min(GEOD.Inverse(lat, lon, a, b, Geodesic.DISTANCE)["s12"] for a, b in coarse)


def area_distance(lat, lon, ring, coarse):
    if inside(lat, lon, ring):
        return 0.0
    scored = sorted((GEOD.Inverse(lat, lon, a, b, Geodesic.DISTANCE)["s12"], i) for i, (a, b) in enumerate(coarse))
    best = scored[0][0]
    for _, i in scored[:3]:
        for a, b in densify(coarse[max(0, i - 1):i + 2], 10.0):
            best = min(best, GEOD.Inverse(lat, lon, a, b, Geodesic.DISTANCE)["s12"])
    return best


def area_rows(rng, count):
    rows = []
    names = sorted(AREAS)
    while len(rows) < count:
        name = rng.choice(names)
        ring = AREAS[name]
        coarse = densify(ring, 5000.0)
        minimum, maximum = rng.choice(AREA_RANGES)
        clat = sum(p[0] for p in ring[:-1]) / (len(ring) - 1)
        clon = sum(p[1] for p in ring[:-1]) / (len(ring) - 1)
        azimuth = rng.uniform(-180, 180)
        goal = maximum + rng.uniform(-50.0, 50.0)
        low, high = 0.0, maximum + 1_500_000.0
        for _ in range(40):  # walk out from the centre until the distance to the area is `goal`
            mid = (low + high) / 2
            p = GEOD.Direct(clat, clon, azimuth, mid)
            if coarse_distance(p["lat2"], p["lon2"], ring, coarse) < goal:
                low = mid
            else:
                high = mid
        p = GEOD.Direct(clat, clon, azimuth, (low + high) / 2)
        distance = area_distance(p["lat2"], p["lon2"], ring, coarse)
        if abs(distance - maximum) < 0.5:
            continue
        rows.append(["area", name, fmt(minimum), fmt(maximum), fmt(p["lat2"]), fmt(p["lon2"]),
                     fmt(distance), "true" if minimum <= distance <= maximum else "false"])
    return rows


def main():
    rng = random.Random(SEED)
    rows = point_rows(rng, 10_000) + area_rows(rng, 400)
    path = os.path.join(ROOT, "Tests", "ThreatModelTests", "Fixtures", "reach_boundary.csv")
    with open(path, "w", newline="\n") as handle:
        handle.write("case,site,min_range_m,range_m,target_lat,target_lon,distance_m,in_range\n")
        for row in rows:
            handle.write(",".join(row) + "\n")
    print(f"wrote {os.path.relpath(path, ROOT)} ({len(rows)} rows)")


if __name__ == "__main__":
    main()
