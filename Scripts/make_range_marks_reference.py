#!/usr/bin/env python3
"""Generate the reference table for rings at an interval and radials.

Usage (from the repository root):

    python3 Scripts/make_range_marks_reference.py

Writes ``Tests/ReportTests/Fixtures/range_marks.csv`` with the Python
``geographiclib`` package (``Geodesic.WGS84``), deterministically:

``case,lat,lon,range_m,every_m,radials,kind,distance_m,azimuth,point_lat,point_lon``

For each case (a centre, a range, a ring interval and radials given as a
count or bearings, as ``rings --every --radials`` takes them, with ``;``
for the bearings' commas), one row per
true point of every mark: on each ring (``kind`` ring, ``distance_m`` its
radius) at azimuths every 7.5 degrees (offset 3.3 so that they fall
between ThreatMap's vertices), and along each radial (``kind`` radial,
``azimuth`` its bearing) at the middle of every eighth of the range and at
its end. The test
checks that ThreatMap's polylines pass within the tolerance of every such
point and end exactly where geographiclib's geodesics do.
"""

from geographiclib.geodesic import Geodesic

CASES = [
    # name, lat, lon, range_m, every_m, radials
    ("baghdad", 33.34058, 44.40088, 700000.0, 100000.0, "8"),
    ("arctic", 80.0, 30.0, 1500000.0, 500000.0, "0,90,180,270"),
    ("antimeridian", 64.8, -179.7, 300000.0, 100000.0, "4"),
    ("equator", 0.0, 0.0, 5000000.0, 2500000.0, "3"),
    ("south", -45.5, 170.25, 2000000.0, 400000.0, "10,100,190,280,359.5"),
]


def bearings(radials):
    if "," in radials:
        return [float(b) for b in radials.split(",") if b]
    n = int(radials)
    return [360.0 * i / n for i in range(n)]


def main():
    geod = Geodesic.WGS84
    out_path = "Tests/ReportTests/Fixtures/range_marks.csv"
    with open(out_path, "w") as out:
        out.write("case,lat,lon,range_m,every_m,radials,kind,distance_m,azimuth,point_lat,point_lon\n")
        for name, lat, lon, rng, every, radials in CASES:
            head = f"{name},{lat!r},{lon!r},{rng!r},{every!r},{radials.replace(',', ';')}"
            k = 1
            while every * k <= rng * (1 + 1e-12):
                radius = every * k
                for i in range(48):
                    azi = 7.5 * i + 3.3  # between the vertices, not on them
                    g = geod.Direct(lat, lon, azi, radius)
                    out.write(f"{head},ring,{radius!r},{azi!r},{g['lat2']!r},{g['lon2']!r}\n")
                k += 1
            for azi in bearings(radials):
                line = geod.Line(lat, lon, azi)
                for j in range(1, 10):
                    s = rng * min(j - 0.5, 8) / 8  # mid-way between vertices, and the end
                    g = line.Position(s)
                    out.write(f"{head},radial,{s!r},{azi!r},{g['lat2']!r},{g['lon2']!r}\n")
    print(f"wrote {out_path}")


if __name__ == "__main__":
    main()
