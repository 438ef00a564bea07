"""The usual Python way to read the same GeoJSON: json.load, then one
(name, longitude, latitude) tuple per Point feature. Prints the count."""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as source:
    document = json.load(source)
places = [(feature["properties"]["name"], *feature["geometry"]["coordinates"][:2])
          for feature in document["features"] if feature["geometry"]["type"] == "Point"]
print(len(places))
