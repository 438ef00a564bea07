"""Writes the GeoJSON workloads of Benchmarks/run_geojson.sh: FeatureCollections
of Point features with a name and a country, one feature per line, from a
fixed seed (so every run and machine reads the same bytes).

    python make_points.py COUNT OUT.geojson [PREFIX]
"""
import json
import random
import sys


def main() -> None:
    count, path = int(sys.argv[1]), sys.argv[2]
    prefix = sys.argv[3] if len(sys.argv) > 3 else "Site"
    generator = random.Random(13)
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"type":"FeatureCollection","features":[\n')
        for index in range(count):
            longitude = round(generator.uniform(-180, 180), 6)
            latitude = round(generator.uniform(-85, 85), 6)
            feature = {"type": "Feature", "properties": {"name": f"{prefix} {index:07d}", "country": "IQ"},
                       "geometry": {"type": "Point", "coordinates": [longitude, latitude]}}
            out.write(json.dumps(feature, separators=(",", ":")))
            out.write(",\n" if index < count - 1 else "\n")
        out.write("]}\n")


if __name__ == "__main__":
    main()
