#!/usr/bin/env python3
"""The Python peer of `threatmap reach ... --format csv`: the same job from
the same CSV, the usual way. pandas reads the targets, pyproj Geod.inv
(GeographicLib's algorithm, as PROJ's geodesic.h) gives every distance and
azimuth, vectorised per site, and pandas writes the same columns with the
same rounding, one site at a time (appending).

    peer_reach.py --targets targets.csv --site 32.87,44.15 [--site ...]
                  --range-km 700 --missile Zolfaghar --output peer.csv
"""

import argparse

import numpy as np
import pandas as pd
import pyproj

GEOD = pyproj.Geod(ellps="WGS84")
COLUMNS = ["site", "missile", "target", "distance_km", "bearing_deg", "range_km", "in_range", "margin_km",
           "min_range_km", "reason"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--targets", required=True)
    parser.add_argument("--site", action="append", required=True, help="lat,lon as given to threatmap")
    parser.add_argument("--range-km", type=float, required=True)
    parser.add_argument("--missile", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    targets = pd.read_csv(args.targets, usecols=["name", "lat", "lon"], dtype={"name": str}, keep_default_na=False)
    lats = targets["lat"].to_numpy()
    lons = targets["lon"].to_numpy()
    count = len(targets)
    range_m = args.range_km * 1000
    with open(args.output, "w", newline="") as handle:
        handle.write(",".join(COLUMNS) + "\n")
        for site in args.site:
            site_lat, site_lon = (float(value) for value in site.split(","))
            azimuth, _, distance = GEOD.inv(np.full(count, site_lon), np.full(count, site_lat), lons, lats)
            bearing = np.where(azimuth < 0, azimuth + 360, azimuth)
            bearing = np.where(bearing >= 360, bearing - 360, bearing)
            in_range = distance <= range_m
            table = pd.DataFrame({
                "site": site,
                "missile": args.missile,
                "target": targets["name"],
                "distance_km": distance / 1000,
                "bearing_deg": bearing,
                "range_km": f"{args.range_km:.0f}",
                "in_range": np.where(in_range, "true", "false"),
                "margin_km": (range_m - distance) / 1000,
                "min_range_km": "0",
                "reason": np.where(in_range, "", "beyond maximum range"),
            })
            table.to_csv(handle, header=False, index=False, float_format="%.1f", lineterminator="\n")


if __name__ == "__main__":
    main()
