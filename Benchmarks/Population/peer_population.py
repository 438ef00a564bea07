"""People in reach with shapely + pyproj: the same exact decision.

Places from a gazetteer.tsv (capital, city, town with a population), sites
from a CSV (name,latitude,longitude). A shapely STRtree finds the places in
a longitude/latitude box holding each site's geodesic circle; pyproj's
Geod.inv (GeographicLib, WGS84) decides each candidate exactly; a place
counts once however many sites reach it. Prints JSON: seconds, people, places.
"""

import csv
import json
import math
import sys
import time

import numpy as np
import shapely
from pyproj import Geod


def load_places(path):
    lat, lon, pop = [], [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            if f[0] in ("capital", "city", "town") and int(f[3] or 0) > 0:
                lat.append(float(f[4])); lon.append(float(f[5])); pop.append(int(f[3]))
    return np.array(lat), np.array(lon), np.array(pop, dtype=np.int64)


def boxes(lat, lon, metres):
    """Longitude/latitude boxes holding every point within `metres` of (lat, lon)."""
    dlat = metres / 110_574.0 * 1.01 + 0.01
    south, north = lat - dlat, lat + dlat
    if north >= 90 or south <= -90:
        return [(-180.0, max(-90.0, south), 180.0, min(90.0, north))]
    dlon = min(180.0, dlat / max(math.cos(math.radians(max(abs(south), abs(north)))), 1e-9) * 1.01)
    if dlon >= 180:
        return [(-180.0, south, 180.0, north)]
    west, east = lon - dlon, lon + dlon
    if west < -180:
        return [(west + 360, south, 180.0, north), (-180.0, south, east, north)]
    if east > 180:
        return [(west, south, 180.0, north), (-180.0, south, east - 360, north)]
    return [(west, south, east, north)]


def main():
    places_path, sites_path, range_km = sys.argv[1], sys.argv[2], float(sys.argv[3])
    lat, lon, pop = load_places(places_path)
    with open(sites_path, encoding="utf-8") as handle:
        sites = [(float(r["latitude"]), float(r["longitude"])) for r in csv.DictReader(handle)]
    metres = range_km * 1000
    start = time.perf_counter()
    tree = shapely.STRtree(shapely.points(lon, lat))
    geod = Geod(ellps="WGS84")
    reached = np.zeros(len(lat), dtype=bool)
    for site_lat, site_lon in sites:
        candidates = np.unique(np.concatenate([tree.query(shapely.box(*b)) for b in boxes(site_lat, site_lon, metres)]))
        candidates = candidates[~reached[candidates]]
        if len(candidates) == 0:
            continue
        _, _, distance = geod.inv(np.full(len(candidates), site_lon), np.full(len(candidates), site_lat),
                                  lon[candidates], lat[candidates])
        reached[candidates[distance <= metres]] = True
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "people": int(pop[reached].sum()), "places": int(reached.sum())}))


if __name__ == "__main__":
    main()
