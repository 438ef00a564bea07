#!/usr/bin/env python3
"""Generate the MGRS and UTM/UPS reference table for the GeoModelTests target.

The strings come from GeographicLib's ``GeoConvert`` (C++, Debian's
``geographiclib-tools``), an implementation independent of ThreatMap's
Swift one. The script fails, never skips, when ``GeoConvert`` is missing or
refuses a point.

Usage (from the repository root):

    python3 Scripts/make_grid_reference.py [--out Tests/GeoModelTests/Fixtures/grid.csv]

10,000 points from ``random.Random(20)``: both poles, the 80-84 degree band
edges on both sides, the equator, the zone edges (every 6 degrees of
longitude, on them and a micrometre either side), the Norway (32V) and
Svalbard (31X-37X) exceptions and their edges, the latitude band edges,
the antimeridian, and random points over the whole Earth (uniform in area).
Coordinates are written with 12 decimals and handed to GeoConvert as the
same text, so both sides read the same doubles.

Columns:

* ``lat``, ``lon``: degrees
* ``mgrs``: ``GeoConvert -m -p 0`` (five digit pairs, 1 m, truncated)
* ``utm``: ``GeoConvert -u -p 0`` (standard zone, metres rounded; the
  hemisphere letter in GeoConvert's lower case)
* ``center_lat``, ``center_lon``: ``GeoConvert -g -p 9`` of the MGRS string,
  the centre of its 1 m cell
"""

import argparse
import math
import random
import shutil
import subprocess
import sys


def points(rng):
    out = []

    def add(lat, lon):
        lat = max(-90.0, min(90.0, lat))
        lon = ((lon + 180.0) % 360.0) - 180.0 if not -180.0 <= lon <= 180.0 else lon
        out.append((round(lat, 12), round(lon, 12)))

    tiny = 1e-6  # degrees, about 0.1 m: either side of an edge
    # The poles, at many longitudes, and just off them.
    for lon in (-180, -135, -90, -45, 0, 45, 90, 135, 180, 17.5):
        add(90, lon)
        add(-90, lon)
        add(90 - tiny, lon)
        add(-90 + tiny, lon)
    # UTM/UPS changeover at 84 N and 80 S, and band edges around them.
    for _ in range(600):
        lon = rng.uniform(-180, 180)
        for lat in (84, 84 - tiny, 84 + tiny, 80, 80 - tiny, 80 + tiny,
                    -80, -80 - tiny, -80 + tiny, -84, -84 + tiny, 72, 72 - tiny):
            add(lat, lon)
    for _ in range(600):
        add(rng.uniform(80, 84), rng.uniform(-180, 180))
        add(rng.uniform(-84, -80), rng.uniform(-180, 180))
    # The equator.
    for _ in range(150):
        lon = rng.uniform(-180, 180)
        for lat in (0.0, tiny, -tiny):
            add(lat, lon)
    # Zone edges, every 6 degrees of longitude.
    for _ in range(1000):
        edge = -180 + 6 * rng.randrange(0, 61)
        lat = rng.uniform(-80, 84)
        for d in (0.0, tiny, -tiny):
            add(lat, edge + d)
    # Norway: 56-64 N, 3-12 E is zone 32; 0-3 E stays 31.
    for _ in range(600):
        add(rng.uniform(56, 64), rng.uniform(0, 12))
    for _ in range(100):
        lat = rng.uniform(56, 64)
        for lon in (3.0, 3 - tiny, 3 + tiny):
            add(lat, lon)
    for _ in range(50):
        lon = rng.uniform(0, 12)
        for lat in (56.0, 56 - tiny, 64 - tiny, 64.0):
            add(lat, lon)
    # Svalbard: 72-84 N, 0-42 E in zones 31, 33, 35, 37.
    for _ in range(700):
        add(rng.uniform(72, 84), rng.uniform(0, 42))
    for _ in range(100):
        lat = rng.uniform(72, 84)
        for edge in (0, 9, 21, 33, 42):
            add(lat, edge)
            add(lat, edge - tiny)
    # Latitude band edges, every 8 degrees.
    for _ in range(60):
        lon = rng.uniform(-180, 180)
        for band in range(-80, 73, 8):
            add(band - tiny, lon)
    # The antimeridian.
    for _ in range(50):
        lat = rng.uniform(-90, 90)
        add(lat, 180)
        add(lat, -180)
        add(lat, 180 - tiny)
    # The rest: uniform in area over the whole Earth.
    while len(out) < 10000:
        add(math.degrees(math.asin(rng.uniform(-1, 1))), rng.uniform(-180, 180))
    return out[:10000]


def geoconvert(tool, args, lines):
    result = subprocess.run([tool, *args], input="\n".join(lines) + "\n",
                            capture_output=True, text=True, check=True)
    answers = result.stdout.splitlines()
    if len(answers) != len(lines):
        sys.exit(f"error: GeoConvert {' '.join(args)} answered {len(answers)} lines for {len(lines)}")
    for line, answer in zip(lines, answers):
        if answer.startswith("ERROR"):
            sys.exit(f"error: GeoConvert {' '.join(args)} refused '{line}': {answer}")
    return answers


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="Tests/GeoModelTests/Fixtures/grid.csv")
    options = parser.parse_args()

    tool = shutil.which("GeoConvert")
    if tool is None:
        sys.exit("error: GeoConvert not found; install Debian's geographiclib-tools "
                 "(Scripts/install-deps.sh does)")
    version = subprocess.run([tool, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    version = "GeoConvert: " + version.split(": ", 1)[-1]  # without the tool's path

    rng = random.Random(20)
    texts = [f"{lat:.12f} {lon:.12f}" for lat, lon in points(rng)]
    mgrs = geoconvert(tool, ["-m", "-p", "0"], texts)
    utm = geoconvert(tool, ["-u", "-p", "0"], texts)
    centers = geoconvert(tool, ["-g", "-p", "9"], mgrs)

    with open(options.out, "w") as out:
        out.write(f"# {version}; Scripts/make_grid_reference.py, seed 20\n")
        out.write("lat,lon,mgrs,utm,center_lat,center_lon\n")
        for text, m, u, c in zip(texts, mgrs, utm, centers):
            lat, lon = text.split()
            clat, clon = c.split()
            out.write(f"{lat},{lon},{m},{u},{clat},{clon}\n")
    print(f"wrote {len(texts)} points to {options.out}")


if __name__ == "__main__":
    main()
