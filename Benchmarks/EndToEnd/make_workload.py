#!/usr/bin/env python3
"""Writes the end-to-end workload (fixed seed, so every run draws the same):

  targets.csv  1,000,000 targets, name,lat,lon (5 decimals, as GIS exports
               write them), uniform over lat 5..50 N, lon 20..75 E: about a
               fifth lie within 700 km of the three launch sites.
  sites.csv    1,000 launch sites, lat 12..42 N, lon 25..63 E (heavily
               overlapping 300 km rings, as real launch-site sets).

    make_workload.py DIR [--targets 1000000] [--sites 1000]
"""

import argparse
import os

import numpy as np


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--targets", type=int, default=1_000_000)
    parser.add_argument("--sites", type=int, default=1_000)
    args = parser.parse_args()
    os.makedirs(args.directory, exist_ok=True)
    random = np.random.default_rng(20181)

    lats = np.round(random.uniform(5, 50, args.targets), 5)
    lons = np.round(random.uniform(20, 75, args.targets), 5)
    with open(os.path.join(args.directory, "targets.csv"), "w", newline="") as handle:
        handle.write("name,lat,lon\n")
        handle.writelines(f"T{index:07d},{lat:.5f},{lon:.5f}\n" for index, (lat, lon) in enumerate(zip(lats, lons)))

    site_lats = np.round(random.uniform(12, 42, args.sites), 4)
    site_lons = np.round(random.uniform(25, 63, args.sites), 4)
    with open(os.path.join(args.directory, "sites.csv"), "w", newline="") as handle:
        handle.write("latitude,longitude\n")
        handle.writelines(f"{lat:.4f},{lon:.4f}\n" for lat, lon in zip(site_lats, site_lons))


if __name__ == "__main__":
    main()
