#!/usr/bin/env python3
"""The Python peer of `threatmap rings --from ... --range 300km --union`:
the same sites from the same CSV, the usual shapely + pyproj recipe (360
vertices a ring from Geod.fwd, shapely.unary_union), written as a GeoJSON
FeatureCollection with one feature.

    peer_rings.py --sites sites.csv --radius-km 300 --output peer.geojson
"""

import argparse
import json

import numpy as np
import pandas as pd
import pyproj
import shapely

GEOD = pyproj.Geod(ellps="WGS84")
VERTICES = 360


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sites", required=True)
    parser.add_argument("--radius-km", type=float, required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    sites = pd.read_csv(args.sites)
    azimuths = np.arange(VERTICES, dtype=float) * (360.0 / VERTICES)
    distances = np.full(VERTICES, args.radius_km * 1000)
    rings = []
    for lat, lon in zip(sites["latitude"].to_numpy(), sites["longitude"].to_numpy()):
        lons, lats, _ = GEOD.fwd(np.full(VERTICES, lon), np.full(VERTICES, lat), azimuths, distances)
        rings.append(shapely.Polygon(np.column_stack([lons, lats])))
    union = shapely.unary_union(rings)
    feature = {"type": "Feature", "properties": {"range_km": args.radius_km},
               "geometry": json.loads(shapely.to_geojson(union))}
    with open(args.output, "w") as handle:
        json.dump({"type": "FeatureCollection", "features": [feature]}, handle)


if __name__ == "__main__":
    main()
