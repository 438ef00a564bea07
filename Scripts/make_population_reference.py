#!/usr/bin/env python3
"""People-in-reach reference with GeographicLib, by brute force.

Usage (from the repository root, with the test venv):

    .venv/bin/python Scripts/make_population_reference.py

Reads the populated places of ``Gazetteer/gazetteer.tsv`` (kinds capital,
city and town with a population above zero: what ``threatmap population``
counts) and, for 5 launch sites x 3 ranges, sums the population of every
place whose geodesic distance from the site (``Geodesic.WGS84.Inverse``,
computed for every place a spherical bound cannot rule out) is at most the
range. Writes ``Tests/ThreatModelTests/Fixtures/population.csv`` with
columns ``site,latitude,longitude,range_km,people,places``.

The sites include one across the antimeridian (Adak) and one near the
North Pole (Longyearbyen).
"""

import csv
import math
from pathlib import Path

from geographiclib.geodesic import Geodesic

ROOT = Path(__file__).resolve().parents[1]
SITES = [
    ("Baghdad", 33.3152, 44.3661),
    ("Kyiv", 50.4501, 30.5234),
    ("Seoul", 37.5665, 126.978),
    ("Adak", 51.88, -176.64),
    ("Longyearbyen", 78.2232, 15.6267),
]
RANGES_KM = [300, 700, 2000]
# Spherical (mean radius) distances differ from WGS84 geodesic ones by
# less than 0.6 %; anything beyond 1.01 x the range on the sphere is out.
SPHERE_RADIUS = 6371008.8


def places():
    rows = []
    with open(ROOT / "Gazetteer/gazetteer.tsv", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            kind, population = fields[0], int(fields[3] or 0)
            if kind in ("capital", "city", "town") and population > 0:
                rows.append((float(fields[4]), float(fields[5]), population))
    return rows


def spherical(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * SPHERE_RADIUS * math.asin(min(1.0, math.sqrt(a)))


def main():
    all_places = places()
    geodesic = Geodesic.WGS84
    out = ROOT / "Tests/ThreatModelTests/Fixtures/population.csv"
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["site", "latitude", "longitude", "range_km", "people", "places"])
        for name, lat, lon in SITES:
            near = [(plat, plon, pop, spherical(lat, lon, plat, plon)) for plat, plon, pop in all_places]
            for range_km in RANGES_KM:
                metres = range_km * 1000.0
                people = count = 0
                for plat, plon, pop, sphere in near:
                    if sphere > metres * 1.01:
                        continue
                    if geodesic.Inverse(lat, lon, plat, plon, Geodesic.DISTANCE)["s12"] <= metres:
                        people += pop
                        count += 1
                writer.writerow([name, lat, lon, range_km, people, count])
                print(f"{name} {range_km} km: {people} people in {count} places")


if __name__ == "__main__":
    main()
