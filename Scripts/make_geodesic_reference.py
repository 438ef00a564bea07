#!/usr/bin/env python3
"""Generate geodesic reference tables for the GeodesyTests target.

The tables are computed with GeographicLib's Python implementation
(``geographiclib.geodesic.Geodesic.WGS84``), which is the reference
implementation of the algorithms that PROJ ships as ``geodesic.h``.

Usage (from the repository root):

    python3 Scripts/make_geodesic_reference.py [--out Tests/GeodesyTests/Fixtures]

Optional: ``--cross-check`` compares every row against ``pyproj.Geod``
(PROJ's C implementation) and prints the largest differences.  It does not
change the output.

The output is deterministic: random cases come from
``random.Random(20181231)`` and every float is written with ``repr``, which
round-trips IEEE doubles exactly.

Files written:

* ``direct.csv``   lat1,lon1,azi1,s12,lat2,lon2,azi2
* ``inverse.csv``  lat1,lon1,lat2,lon2,s12,azi1,azi2
* ``inverse_distance_only.csv``  lat1,lon1,lat2,lon2,s12
  (pairs with a point exactly at a pole, or exactly antipodal pairs, where
  the azimuths are fixed only by convention; only the distance is checked)
* ``area.csv``     name,vertices,area_m2,perimeter_m
  (``vertices`` is a space-separated list of ``lat:lon``; area is signed,
  counter-clockwise positive, as returned by
  ``Polygon(polyline=False).Compute(reverse=False, sign=True)``)
* ``README.md``
"""

import argparse
import math
import os
import random
import sys

import geographiclib
from geographiclib.geodesic import Geodesic

SEED = 20181231
GEOD = Geodesic.WGS84

# Named places used by the hand-written cases.
BAGHDAD = (33.3152, 44.3661)
RIYADH = (24.6877, 46.7219)
JURF_AL_SAKHAR = (32.87, 44.15)
TEL_AVIV = (32.0853, 34.7818)

DEFAULT_OUT = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    "Tests", "GeodesyTests", "Fixtures")


def fmt(x):
    """Shortest string that round-trips the double exactly."""
    x = float(x)
    if not math.isfinite(x):
        raise ValueError("non-finite value in reference table: %r" % x)
    return repr(x)


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(",".join(
                cell if isinstance(cell, str) else fmt(cell) for cell in row)
                + "\n")
    return len(rows)


# ---------------------------------------------------------------------------
# Direct problem
# ---------------------------------------------------------------------------

def direct_row(lat1, lon1, azi1, s12):
    lat1, lon1, azi1, s12 = float(lat1), float(lon1), float(azi1), float(s12)
    # Default outmask: no LONG_UNROLL, so lon2 is reduced to [-180, 180].
    r = GEOD.Direct(lat1, lon1, azi1, s12)
    return (lat1, lon1, azi1, s12, r["lat2"], r["lon2"], r["azi2"])


def direct_cases(rng):
    half_meridian = GEOD.Inverse(90.0, 0.0, -90.0, 0.0)["s12"]
    cases = []

    # Hand cases first so that they keep a stable position in the file.
    # From the poles (azimuth is measured relative to meridian lon1).
    for lat1 in (90.0, -90.0):
        for lon1, azi1, s12 in ((0.0, 0.0, 1000000.0),
                                (0.0, 180.0, 1000000.0),
                                (30.0, 45.0, 1000000.0),
                                (-120.0, -90.0, 5000000.0),
                                (179.0, 135.0, 10001965.729),
                                (0.0, 0.0, half_meridian - 1000.0)):
            cases.append((lat1, lon1, azi1, s12))
    # Along the equator, both directions, including past half the equator.
    for azi1 in (90.0, -90.0):
        for s12 in (1000.0, 1000000.0, 10000000.0, 19000000.0, 20000000.0,
                    25000000.0, 40000000.0):
            cases.append((0.0, 0.0, azi1, s12))
    cases.append((0.0, 170.0, 90.0, 3000000.0))
    cases.append((0.0, -170.0, -90.0, 3000000.0))
    # Zero distance.
    for lat1, lon1, azi1 in ((0.0, 0.0, 0.0), (45.0, 45.0, 45.0),
                             (-33.0, 151.0, -120.0), (89.999, 10.0, 30.0),
                             (JURF_AL_SAKHAR[0], JURF_AL_SAKHAR[1], 168.0)):
        cases.append((lat1, lon1, azi1, 0.0))
    # Just under half the meridian.
    for lat1, lon1, azi1, s12 in ((0.0, 0.0, 0.0, 20003000.0),
                                  (0.0, 0.0, 180.0, 20003000.0),
                                  (10.0, 20.0, 30.0, 20003000.0),
                                  (-45.0, -100.0, 90.0, 20003000.0),
                                  (0.0, 0.0, 0.0, 20003931.0),
                                  (60.0, 60.0, -150.0, 20003900.0)):
        cases.append((lat1, lon1, azi1, s12))
    # Near the poles.
    for lat1 in (89.999, -89.999):
        for azi1, s12 in ((0.0, 500.0), (0.0, 1000.0), (45.0, 100000.0),
                          (90.0, 20000.0), (180.0, 1000000.0),
                          (-135.0, 7000000.0)):
            cases.append((lat1, 25.0, azi1, s12))
    # Close to the antimeridian.
    for lon1 in (179.99, -179.99):
        for lat1, azi1, s12 in ((0.0, 90.0, 5000.0), (0.0, -90.0, 5000.0),
                                (45.0, 60.0, 200000.0),
                                (-60.0, -120.0, 200000.0),
                                (10.0, 0.0, 100000.0)):
            cases.append((lat1, lon1, azi1, s12))
    # Jurf al-Sakhar towards Riyadh, 700 km.
    cases.append((JURF_AL_SAKHAR[0], JURF_AL_SAKHAR[1], 168.0, 700000.0))
    toward_riyadh = GEOD.Inverse(JURF_AL_SAKHAR[0], JURF_AL_SAKHAR[1],
                                 RIYADH[0], RIYADH[1])["azi1"]
    cases.append((JURF_AL_SAKHAR[0], JURF_AL_SAKHAR[1], toward_riyadh,
                  700000.0))

    # Random cases.
    for _ in range(230):
        cases.append((rng.uniform(-90.0, 90.0), rng.uniform(-180.0, 180.0),
                      rng.uniform(-180.0, 180.0),
                      rng.uniform(0.0, 20000000.0)))
    # Random short shots (metres to tens of kilometres).
    for _ in range(30):
        cases.append((rng.uniform(-90.0, 90.0), rng.uniform(-180.0, 180.0),
                      rng.uniform(-180.0, 180.0),
                      rng.uniform(0.0, 50000.0)))

    return [direct_row(*c) for c in cases]


# ---------------------------------------------------------------------------
# Inverse problem
# ---------------------------------------------------------------------------

def is_pole(lat):
    return abs(lat) == 90.0


def is_antipodal(lat1, lon1, lat2, lon2):
    if lat1 != -lat2:
        return False
    dlon = math.fmod(abs(lon1 - lon2), 360.0)
    return dlon == 180.0


def inverse_cases(rng):
    cases = []
    # Near-antipodal pairs.
    cases += [
        (0.0, 0.0, 0.5, 179.5),
        (30.0, 0.0, -29.9, 179.8),
        (-10.0, 20.0, 10.2, -160.3),
        (0.0, 0.0, 0.0, 179.5),
        (0.0, 0.0, 0.0, 179.9),
        (0.0, 0.0, -0.01, 179.99),
        (45.0, 10.0, -44.99, -170.01),
        (-60.0, 100.0, 59.5, -80.2),
        (1.0, 0.0, -1.0, 179.0),
        (20.0, -50.0, -20.1, 130.0),
    ]
    # Polar pairs that avoid the poles themselves.
    cases += [
        (89.9999, 0.0, 89.9999, 180.0),
        (89.9999, 0.0, 89.9999, 90.0),
        (89.9999, 45.0, 80.0, -135.0),
        (-89.9999, 10.0, -89.9999, -170.0),
        (-89.9999, 0.0, -60.0, 60.0),
        (89.9999, 0.0, -89.9999, 0.0),
        (89.9999, 0.0, -89.9999, 90.0),
        (89.9, -30.0, 89.9, 150.0),
        (89.99, 0.0, 89.99, 1.0),
    ]
    # Meridional pairs.
    cases += [
        (0.0, 0.0, 45.0, 0.0),
        (-45.0, 30.0, 60.0, 30.0),
        (10.0, 100.0, -80.0, 100.0),
        (20.0, 0.0, 30.0, 180.0),
        (-30.0, -90.0, 40.0, 90.0),
        (60.0, 10.0, 70.0, -170.0),
        (0.0, 0.0, 0.0001, 0.0),
        (33.0, 44.0, 34.0, 44.0),
    ]
    # Coincident points (distance 0; azimuths follow geographiclib's
    # convention for this degenerate case).
    cases += [
        (0.0, 0.0, 0.0, 0.0),
        (10.0, 10.0, 10.0, 10.0),
        (-45.5, 170.25, -45.5, 170.25),
        (BAGHDAD[0], BAGHDAD[1], BAGHDAD[0], BAGHDAD[1]),
        (0.0, 180.0, 0.0, -180.0),
    ]
    # Across the antimeridian.
    cases += [
        (0.0, 179.9, 0.0, -179.9),
        (10.0, 179.9, 10.5, -179.9),
        (-40.0, -179.9, -39.0, 179.9),
        (65.0, 179.9, 66.0, -179.9),
        (0.0, 180.0, 0.0, -179.9),
        (-17.0, 178.0, -18.0, -178.5),
    ]
    # Equatorial pairs.
    cases += [
        (0.0, 0.0, 0.0, 1.0),
        (0.0, 0.0, 0.0, 90.0),
        (0.0, -10.0, 0.0, 150.0),
    ]
    # Named places.
    cases += [
        (BAGHDAD[0], BAGHDAD[1], RIYADH[0], RIYADH[1]),
        (RIYADH[0], RIYADH[1], BAGHDAD[0], BAGHDAD[1]),
        (JURF_AL_SAKHAR[0], JURF_AL_SAKHAR[1], TEL_AVIV[0], TEL_AVIV[1]),
        (TEL_AVIV[0], TEL_AVIV[1], JURF_AL_SAKHAR[0], JURF_AL_SAKHAR[1]),
        (JURF_AL_SAKHAR[0], JURF_AL_SAKHAR[1], RIYADH[0], RIYADH[1]),
        (BAGHDAD[0], BAGHDAD[1], JURF_AL_SAKHAR[0], JURF_AL_SAKHAR[1]),
    ]

    # Random global pairs.
    for _ in range(220):
        cases.append((rng.uniform(-90.0, 90.0), rng.uniform(-180.0, 180.0),
                      rng.uniform(-90.0, 90.0), rng.uniform(-180.0, 180.0)))
    # Random short pairs (second point within about 1 degree).
    for _ in range(40):
        lat1 = rng.uniform(-89.0, 89.0)
        lon1 = rng.uniform(-180.0, 180.0)
        lat2 = lat1 + rng.uniform(-1.0, 1.0)
        lon2 = lon1 + rng.uniform(-1.0, 1.0)
        if lon2 > 180.0:
            lon2 -= 360.0
        elif lon2 < -180.0:
            lon2 += 360.0
        cases.append((lat1, lon1, lat2, lon2))

    rows = []
    for lat1, lon1, lat2, lon2 in cases:
        lat1, lon1, lat2, lon2 = map(float, (lat1, lon1, lat2, lon2))
        if (is_pole(lat1) or is_pole(lat2)
                or is_antipodal(lat1, lon1, lat2, lon2)):
            raise ValueError("azimuth undefined for inverse case %r"
                             % ((lat1, lon1, lat2, lon2),))
        r = GEOD.Inverse(lat1, lon1, lat2, lon2)
        rows.append((lat1, lon1, lat2, lon2, r["s12"], r["azi1"], r["azi2"]))
    return rows


def inverse_distance_only_cases():
    cases = [
        # A point exactly at a pole.
        (90.0, 0.0, 0.0, 0.0),
        (90.0, 0.0, 45.0, 30.0),
        (90.0, 123.0, -30.0, -60.0),
        (-90.0, 0.0, 10.0, 10.0),
        (-90.0, 0.0, -89.0, 170.0),
        (BAGHDAD[0], BAGHDAD[1], 90.0, 0.0),
        (RIYADH[0], RIYADH[1], -90.0, 0.0),
        (90.0, 0.0, 89.9999, 45.0),
        # Both points at poles.
        (90.0, 0.0, 90.0, 0.0),
        (90.0, 0.0, 90.0, 100.0),
        (-90.0, 0.0, -90.0, -45.0),
        (90.0, 0.0, -90.0, 0.0),
        (-90.0, 30.0, 90.0, -150.0),
        # Exactly antipodal pairs.
        (0.0, 0.0, 0.0, 180.0),
        (0.0, 90.0, 0.0, -90.0),
        (30.0, 0.0, -30.0, 180.0),
        (-45.0, 10.0, 45.0, -170.0),
        (JURF_AL_SAKHAR[0], JURF_AL_SAKHAR[1],
         -JURF_AL_SAKHAR[0], JURF_AL_SAKHAR[1] - 180.0),
    ]
    rows = []
    for lat1, lon1, lat2, lon2 in cases:
        lat1, lon1, lat2, lon2 = map(float, (lat1, lon1, lat2, lon2))
        r = GEOD.Inverse(lat1, lon1, lat2, lon2, Geodesic.DISTANCE)
        rows.append((lat1, lon1, lat2, lon2, r["s12"]))
    return rows


# ---------------------------------------------------------------------------
# Polygon area
# ---------------------------------------------------------------------------

def polygon_row(name, vertices, expect_sign=None):
    vertices = [(float(lat), float(lon)) for lat, lon in vertices]
    p = GEOD.Polygon(False)
    for lat, lon in vertices:
        p.AddPoint(lat, lon)
    num, perimeter, area = p.Compute(False, True)
    if num != len(vertices):
        raise ValueError("polygon %s: vertex count mismatch" % name)
    if expect_sign is not None and (area > 0) != (expect_sign > 0):
        raise ValueError("polygon %s: unexpected area sign %r" % (name, area))
    if "," in name or " " in name:
        raise ValueError("polygon name must not contain ',' or ' ': %r" % name)
    text = " ".join("%s:%s" % (fmt(lat), fmt(lon)) for lat, lon in vertices)
    return (name, text, area, perimeter)


def circle(lat0, lon0, radius, n, clockwise=False):
    step = 360.0 / n
    verts = []
    for i in range(n):
        azi = (i * step) if clockwise else -(i * step)
        r = GEOD.Direct(lat0, lon0, azi, radius)
        verts.append((r["lat2"], r["lon2"]))
    return verts


def area_cases(rng):
    rows = []
    rows.append(polygon_row(
        "baghdad_triangle",
        [(33.30, 44.30), (33.32, 44.45), (33.42, 44.38)], +1))
    rows.append(polygon_row(
        "iraq_quadrilateral",
        [(29.0, 38.5), (29.0, 48.5), (37.5, 48.5), (37.5, 38.5)], +1))
    rows.append(polygon_row(
        "north_pole_square",
        [(80.0, 0.0), (80.0, 90.0), (80.0, 180.0), (80.0, -90.0)], +1))
    rows.append(polygon_row(
        "north_pole_octagon",
        [(75.0, lon) for lon in (0.0, 45.0, 90.0, 135.0, 180.0, -135.0,
                                 -90.0, -45.0)], +1))
    rows.append(polygon_row(
        "south_pole_square",
        [(-80.0, 0.0), (-80.0, -90.0), (-80.0, 180.0), (-80.0, 90.0)], +1))
    rows.append(polygon_row(
        "antimeridian_fiji",
        [(-19.0, 178.0), (-19.0, -178.0), (-16.0, -178.0), (-16.0, 178.0)],
        +1))
    rows.append(polygon_row(
        "antimeridian_bering",
        [(60.0, 170.0), (62.0, -175.0), (66.0, -168.0), (65.0, 178.0)], +1))
    rows.append(polygon_row(
        "iraq_quadrilateral_clockwise",
        [(29.0, 38.5), (37.5, 38.5), (37.5, 48.5), (29.0, 48.5)], -1))
    rows.append(polygon_row(
        "baghdad_triangle_clockwise",
        [(33.30, 44.30), (33.42, 44.38), (33.32, 44.45)], -1))
    rows.append(polygon_row(
        "jurf_al_sakhar_circle_700km_64",
        circle(JURF_AL_SAKHAR[0], JURF_AL_SAKHAR[1], 700000.0, 64), +1))

    # Random star-shaped polygons: vertices at increasing bearings from a
    # centre, so the ring is simple; about half are traversed clockwise.
    for i in range(20):
        lat0 = rng.uniform(-70.0, 70.0)
        lon0 = rng.uniform(-180.0, 180.0)
        n = 3 + int(rng.random() * 10)          # 3 .. 12 vertices
        rmax = 1000.0 * 10.0 ** rng.uniform(0.0, 3.0)   # 1 km .. 1000 km
        start = rng.uniform(-180.0, 180.0)
        step = 360.0 / n
        clockwise = rng.random() < 0.5
        verts = []
        for k in range(n):
            azi = start + k * step + rng.uniform(-0.3, 0.3) * step
            if not clockwise:
                azi = -azi
            s = rmax * rng.uniform(0.3, 1.0)
            r = GEOD.Direct(lat0, lon0, azi, s)
            verts.append((r["lat2"], r["lon2"]))
        name = "random_%02d_%s" % (i, "cw" if clockwise else "ccw")
        rows.append(polygon_row(name, verts, -1 if clockwise else +1))
    return rows


# ---------------------------------------------------------------------------
# Optional cross-check against PROJ via pyproj
# ---------------------------------------------------------------------------

def cross_check(direct, inverse, dist_only, area):
    from pyproj import Geod
    g = Geod(ellps="WGS84")

    def angdiff(a, b):
        d = math.fmod(a - b, 360.0)
        if d > 180.0:
            d -= 360.0
        elif d < -180.0:
            d += 360.0
        return abs(d)

    worst = {}

    def note(key, value):
        worst[key] = max(worst.get(key, 0.0), value)

    for lat1, lon1, azi1, s12, lat2, lon2, azi2 in direct:
        plon, plat, pazi = g.fwd(lon1, lat1, azi1, s12)
        note("direct lat2 [deg]", abs(plat - lat2))
        if abs(lat2) < 90.0:
            note("direct lon2 [deg]", angdiff(plon, lon2))
        # pyproj's fwd returns the back azimuth.
        note("direct azi2 [deg]", angdiff(pazi + 180.0, azi2))
    for lat1, lon1, lat2, lon2, s12, azi1, azi2 in inverse:
        pazi1, pazi2, ps12 = g.inv(lon1, lat1, lon2, lat2)
        note("inverse s12 [m]", abs(ps12 - s12))
        if s12 > 0.0:
            note("inverse azi1 [deg]", angdiff(pazi1, azi1))
            note("inverse azi2 [deg]", angdiff(pazi2 + 180.0, azi2))
    for lat1, lon1, lat2, lon2, s12 in dist_only:
        _, _, ps12 = g.inv(lon1, lat1, lon2, lat2)
        note("distance-only s12 [m]", abs(ps12 - s12))
    for name, text, area_m2, perimeter in area:
        pts = [tuple(map(float, v.split(":"))) for v in text.split()]
        parea, pper = g.polygon_area_perimeter([p[1] for p in pts],
                                               [p[0] for p in pts])
        note("polygon area [m^2]", abs(parea - area_m2))
        note("polygon perimeter [m]", abs(pper - perimeter))
    print("cross-check against PROJ (pyproj.Geod), largest differences:")
    for key in sorted(worst):
        print("  %-26s %.3g" % (key, worst[key]))


# ---------------------------------------------------------------------------

README_TEXT = """\
# Geodesic reference tables

These CSV files are reference values for the WGS84 geodesic tests: \
`direct.csv` (direct problem, `lat1,lon1,azi1,s12,lat2,lon2,azi2`), \
`inverse.csv` (inverse problem, `lat1,lon1,lat2,lon2,s12,azi1,azi2`), \
`inverse_distance_only.csv` (inverse problem where a point is exactly at a \
pole or the points are exactly antipodal, so only `s12` is defined) and \
`area.csv` (signed polygon area and perimeter, counter-clockwise positive; \
`vertices` is a space-separated list of `lat:lon`). Angles are in degrees, \
lengths in metres and areas in square metres, and every value is written with \
full double precision. They are computed with `Geodesic.WGS84` from the \
Python package geographiclib {version} (the reference implementation of the \
algorithms in PROJ's `geodesic.h`) by running \
`python3 Scripts/make_geodesic_reference.py --out Tests/GeodesyTests/Fixtures` \
from the repository root (dependencies in `Scripts/requirements.txt`); the \
script is deterministic (fixed seed 20181231). The tables are regenerated \
only on purpose, for example when adding cases or deliberately moving to a \
new geographiclib release, and any resulting change to the values should be \
reviewed like a code change.
"""


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=DEFAULT_OUT,
                        help="output directory (default: %(default)s)")
    parser.add_argument("--cross-check", action="store_true",
                        help="compare against pyproj.Geod (PROJ) and report "
                             "the largest differences")
    args = parser.parse_args(argv)

    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(SEED)

    # Keep the generation order fixed: the random stream is shared.
    direct = direct_cases(rng)
    inverse = inverse_cases(rng)
    dist_only = inverse_distance_only_cases()
    area = area_cases(rng)

    outputs = [
        ("direct.csv", ["lat1", "lon1", "azi1", "s12", "lat2", "lon2", "azi2"],
         direct),
        ("inverse.csv", ["lat1", "lon1", "lat2", "lon2", "s12", "azi1",
                         "azi2"], inverse),
        ("inverse_distance_only.csv", ["lat1", "lon1", "lat2", "lon2", "s12"],
         dist_only),
        ("area.csv", ["name", "vertices", "area_m2", "perimeter_m"], area),
    ]
    print("geographiclib %s, seed %d" % (geographiclib.__version__, SEED))
    for filename, header, rows in outputs:
        path = os.path.join(args.out, filename)
        n = write_csv(path, header, rows)
        print("wrote %s (%d rows)" % (path, n))
    readme = os.path.join(args.out, "README.md")
    with open(readme, "w", encoding="utf-8", newline="\n") as f:
        f.write(README_TEXT.format(version=geographiclib.__version__))
    print("wrote %s" % readme)

    if args.cross_check:
        cross_check(direct, inverse, dist_only, area)
    return 0


if __name__ == "__main__":
    sys.exit(main())
