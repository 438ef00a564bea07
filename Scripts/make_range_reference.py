#!/usr/bin/env python3
"""Generate range-geometry reference tables with GeographicLib.

Usage (from the repository root):

    python3 Scripts/make_range_reference.py

Writes, deterministically (seed 20200108):

* ``Tests/GeodesyTests/Fixtures/rings.csv``
  ``name,lat,lon,radius_m,vertices,area_m2,perimeter_m``: a ring of
  ``vertices`` points at ``radius_m`` from (lat, lon), at azimuths
  ``360 - 360*i/vertices`` (i = 0 .. vertices-1, counter-clockwise), joined by
  geodesics; its area (signed, counter-clockwise positive, as
  ``Polygon.Compute(reverse=False, sign=True)`` gives it) and perimeter.
* ``Tests/ThreatModelTests/Fixtures/buffer_probes.csv``
  ``shape,lat,lon,distance_m``: probe points and their geodesic distance to
  a launch shape (0 inside an area). Shapes are defined in SHAPES below;
  their straight longitude/latitude edges (as GeoJSON draws them) are
  sampled every 5 km, and the nearest stretch again every 20 m; the
  distance is the minimum over those points, exact to a few millimetres at
  these ranges.
"""

import math
import os
import random

from geographiclib.geodesic import Geodesic

GEOD = Geodesic.WGS84
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 20200108

RINGS = [
    # name, lat, lon, radius_m, vertices
    ("jurf_700km", 32.86667, 44.21389, 700e3, 720),
    ("jurf_200km", 32.86667, 44.21389, 200e3, 360),
    ("baghdad_1m", 33.34058, 44.40088, 1.0, 64),
    ("cape_town_5000km", -33.92, 18.42, 5000e3, 1440),
    ("bering_300km", 64.8, -179.7, 300e3, 360),
    ("equator_179_9", 0.0, 179.9, 1500e3, 720),
    ("near_north_pole", 89.0, 30.0, 500e3, 720),
    ("north_pole", 90.0, 0.0, 1000e3, 720),
    ("south_pole_cap", -87.0, -120.0, 800e3, 720),
    ("wide_10000km", 10.0, 20.0, 10000e3, 2880),
]

# Launch shapes: name -> (kind, [(lat, lon), ...]); areas are closed rings.
SHAPES = {
    "basra_box": ("area", [(29.9, 46.4), (29.9, 48.6), (31.1, 48.6), (31.1, 46.4), (29.9, 46.4)]),
    "anbar_triangle": ("area", [(32.0, 39.5), (33.5, 43.5), (34.6, 40.9), (32.0, 39.5)]),
    "dateline_box": ("area", [(64.0, 179.0), (64.0, 181.0), (66.0, 181.0), (66.0, 179.0), (64.0, 179.0)]),
    "border_line": ("line", [(29.1, 47.6), (30.0, 47.9), (31.0, 47.7), (32.4, 46.9)]),
}
BUFFER_RADII = (300e3,)


def fmt(x):
    return repr(float(x))


def ring_vertices(lat, lon, radius, n):
    out = []
    for i in range(n):
        azimuth = 360.0 - 360.0 * i / n
        r = GEOD.Direct(lat, lon, azimuth, radius)
        out.append((r["lat2"], r["lon2"]))
    return out


def ring_rows():
    rows = []
    for name, lat, lon, radius, n in RINGS:
        polygon = GEOD.Polygon()
        for vlat, vlon in ring_vertices(lat, lon, radius, n):
            polygon.AddPoint(vlat, vlon)
        _, perimeter, area = polygon.Compute(False, True)
        rows.append([name, fmt(lat), fmt(lon), fmt(radius), str(n), fmt(area), fmt(perimeter)])
    return rows


def densify(points, spacing=20.0):
    """Points along straight lon/lat edges, at most `spacing` metres apart."""
    out = []
    for (lat1, lon1), (lat2, lon2) in zip(points, points[1:]):
        d = GEOD.Inverse(lat1, lon1, lat2, lon2)["s12"]
        steps = max(1, int(math.ceil(d * 1.01 / spacing)))
        for k in range(steps):
            f = k / steps
            out.append((lat1 + f * (lat2 - lat1), lon1 + f * (lon2 - lon1)))
    out.append(points[-1])
    return out


def inside(lat, lon, ring):
    """Even-odd test in the longitude/latitude plane (ring in unwrapped lon)."""
    result = False
    for (lat1, lon1), (lat2, lon2) in zip(ring, ring[1:]):
        if (lat1 > lat) != (lat2 > lat):
            x = lon1 + (lat - lat1) * (lon2 - lon1) / (lat2 - lat1)
            if lon < x:
                result = not result
    return result


def probe_rows(rng):
    rows = []
    for name, (kind, points) in SHAPES.items():
        dense = densify(points, spacing=5000.0)
        center_lat = sum(p[0] for p in points) / len(points)
        center_lon = sum(p[1] for p in points) / len(points)
        for radius in BUFFER_RADII:
            for _ in range(60):
                # Aim at the buffer edge: random direction from the shape's
                # centre, distance chosen so most probes fall within a few km
                # of `radius` from the shape.
                azimuth = rng.uniform(0, 360)
                # Walk out until the distance to the shape is near the radius.
                s_low, s_high = 0.0, radius + 2_000e3
                target = radius + rng.choice([-1, 1]) * rng.choice([30.0, 100.0, 1000.0, 20e3])
                for _ in range(30):
                    mid = (s_low + s_high) / 2
                    p = GEOD.Direct(center_lat, center_lon, azimuth, mid)
                    d = coarse_distance(p["lat2"], p["lon2"], kind, points, dense)
                    if d < target:
                        s_low = mid
                    else:
                        s_high = mid
                p = GEOD.Direct(center_lat, center_lon, azimuth, (s_low + s_high) / 2)
                d = distance_to(p["lat2"], p["lon2"], kind, points, dense)
                rows.append([name, fmt(p["lat2"]), fmt(p["lon2"]), fmt(d)])
            # A few points inside or on the shape itself.
            for lat, lon in points[:-1] if kind == "area" else points:
                d = distance_to(lat, lon, kind, points, dense)
                rows.append([name, fmt(lat), fmt(((lon + 180) % 360) - 180), fmt(d)])
    return rows


def coarse_distance(lat, lon, kind, points, dense):
    """Distance to the 5 km boundary samples: good enough to aim probes."""
    if kind == "area":
        ref = points[0][1]
        ulon = ref + ((lon - ref + 180) % 360) - 180
        if inside(lat, ulon, points):
            return 0.0
    return min(GEOD.Inverse(lat, lon, dlat, dlon, Geodesic.DISTANCE)["s12"] for dlat, dlon in dense)


def distance_to(lat, lon, kind, points, dense):
    """Geodesic distance from (lat, lon) to the shape; 0 inside an area.

    `dense` holds the boundary every 5 km; the nearest stretch is then
    searched again every 20 m, which pins the distance to millimetres.
    """
    if kind == "area":
        # Test in the shape's unwrapped frame.
        ref = points[0][1]
        ulon = ref + ((lon - ref + 180) % 360) - 180
        if inside(lat, ulon, points):
            return 0.0
    coarse = [(GEOD.Inverse(lat, lon, dlat, dlon, Geodesic.DISTANCE)["s12"], i)
              for i, (dlat, dlon) in enumerate(dense)]
    coarse.sort()
    best = coarse[0][0]
    for _, i in coarse[:3]:
        stretch = densify(dense[max(0, i - 1):i + 2], spacing=20.0)
        for dlat, dlon in stretch:
            best = min(best, GEOD.Inverse(lat, lon, dlat, dlon, Geodesic.DISTANCE)["s12"])
    return best


def write(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="\n") as handle:
        handle.write(header + "\n")
        for row in rows:
            handle.write(",".join(row) + "\n")
    print(f"wrote {os.path.relpath(path, ROOT)} ({len(rows)} rows)")


def main():
    rng = random.Random(SEED)
    write(os.path.join(ROOT, "Tests", "GeodesyTests", "Fixtures", "rings.csv"),
          "name,lat,lon,radius_m,vertices,area_m2,perimeter_m", ring_rows())
    write(os.path.join(ROOT, "Tests", "ThreatModelTests", "Fixtures", "buffer_probes.csv"),
          "shape,lat,lon,distance_m", probe_rows(rng))


if __name__ == "__main__":
    main()
