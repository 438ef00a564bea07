#!/usr/bin/env python3
"""Builds the map background, Gazetteer/basemap/world.bin, from Natural Earth.

Input (not downloaded by this script; install it first): the Natural Earth
``countries`` and ``states_provinces`` layers of ``world_map.gpkg`` shipped by
Debian's ``qgis-common`` (public domain), read with ``ogr2ogr`` from
``gdal-bin``; ``shapely`` simplifies and splits the outlines.

    apt-get install -y qgis-common gdal-bin
    python3 -m venv /tmp/basemapvenv
    /tmp/basemapvenv/bin/pip install shapely==2.2.0
    /tmp/basemapvenv/bin/python Scripts/build_basemap.py

The output is committed; CI does not run this script. The SVG renderer reads
it through the path the command line passes in (``threatmap map`` uses
``<data dir>/basemap/world.bin``).

What it holds, each simplified for maps of 1 km per pixel or coarser
(Douglas-Peucker, 0.01 degree, about 1.1 km) and snapped to a 1e-4 degree grid:

- ``land``: the union of every country, filled under everything else;
- ``coastline``: the boundary of that land (lines);
- ``borders``: boundaries shared by two countries (lines);
- ``provinces``: first-level subdivision boundaries inside countries (lines);
- ``labels``: one point per country (inside its largest part) with its name
  and its area, so the renderer can pick the names that fit.

The cut edges of Natural Earth's data (along the antimeridian and the South
Pole) are snapped to +-180 and -90 so land meets across the antimeridian, and
they are never drawn as coastline.

FORMAT (little-endian), read by ``Sources/Export/Basemap.swift``:

    magic   "TMBASE1\\n" (8 bytes)
    UInt32  layer count
    per layer:
        UInt8   kind (1 polygons, 2 lines, 3 labels)
        UInt8   name length, then the name (UTF-8)
        UInt32  byte length of the body that follows
        body

Inside a body, numbers are varints (LEB128); coordinates are zigzag varint
deltas in units of 1e-4 degree, (longitude, latitude), from the previous
vertex of the same layer, starting at (0, 0).

- polygons: varint polygon count; per polygon a varint ring count (exterior
  first, counter-clockwise; holes clockwise); per ring a varint vertex count
  (the closing vertex is not stored) and the vertices.
- lines: varint line count; per line a varint vertex count and the vertices.
- labels: varint label count; per label a vertex, a varint area in km2 and
  a varint byte length then the UTF-8 name.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from pathlib import Path

import shapely
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, shape
from shapely.ops import linemerge, unary_union

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Gazetteer" / "basemap" / "world.bin"
GPKG = Path("/usr/share/qgis/resources/data/world_map.gpkg")

SIMPLIFY_DEGREES = 0.01
PROVINCE_SIMPLIFY_DEGREES = 0.02
UNIT = 1e-4
# Natural Earth's layers here stop at about +-179.9 and -89.9 (some vertices
# at 179.8999); vertices that close to the edge of the world are moved onto it.
EDGE = 179.89
SOUTH_EDGE = -89.89


def read_layer(name: str) -> list[dict]:
    text = subprocess.run(
        ["ogr2ogr", "-f", "GeoJSON", "/vsistdout/", str(GPKG), name],
        check=True, capture_output=True,
    ).stdout
    return json.loads(text)["features"]


def snap_edges(geometry):
    def move(coordinates):
        out = coordinates.copy()
        lon, lat = out[:, 0], out[:, 1]
        lon[lon >= EDGE - 1e-9] = 180.0
        lon[lon <= -EDGE + 1e-9] = -180.0
        lat[lat <= SOUTH_EDGE + 1e-9] = -90.0
        return out
    return shapely.transform(geometry, move)


def grid(geometry):
    return shapely.set_precision(geometry, UNIT)


def polygons_of(geometry) -> list[Polygon]:
    if geometry.is_empty:
        return []
    if isinstance(geometry, Polygon):
        return [geometry]
    if isinstance(geometry, MultiPolygon):
        return list(geometry.geoms)
    return [part for member in getattr(geometry, "geoms", []) for part in polygons_of(member)]


def lines_of(geometry) -> list[LineString]:
    if geometry.is_empty:
        return []
    if isinstance(geometry, LineString):
        return [geometry]
    if isinstance(geometry, MultiLineString):
        return list(geometry.geoms)
    return [part for member in getattr(geometry, "geoms", []) for part in lines_of(member)]


def artificial(a, b) -> bool:
    """An edge along the antimeridian or the South Pole: a cut, not a coast."""
    return (abs(a[0]) == 180 and a[0] == b[0]) or (a[1] == -90 and b[1] == -90)


def drop_artificial(lines: list[LineString]) -> list[LineString]:
    kept = []
    for line in lines:
        run = []
        coordinates = list(line.coords)
        for a, b in zip(coordinates, coordinates[1:]):
            if artificial(a, b):
                if len(run) >= 2:
                    kept.append(LineString(run))
                run = []
                continue
            if not run:
                run = [a]
            run.append(b)
        if len(run) >= 2:
            kept.append(LineString(run))
    return kept


def merged(lines: list[LineString]) -> list[LineString]:
    if not lines:
        return []
    return lines_of(linemerge(MultiLineString(lines)))


def simplified_lines(lines: list[LineString], tolerance: float) -> list[LineString]:
    out = []
    for line in lines:
        simple = grid(line.simplify(tolerance, preserve_topology=False))
        for part in lines_of(simple):
            if len(part.coords) >= 2 and part.length > 0:
                out.append(part)
    return out


class Writer:
    def __init__(self):
        self.body = bytearray()
        self.last = (0, 0)

    def varint(self, value: int):
        assert value >= 0
        while True:
            byte = value & 0x7F
            value >>= 7
            if value:
                self.body.append(byte | 0x80)
            else:
                self.body.append(byte)
                return

    def zigzag(self, value: int):
        self.varint((value << 1) ^ (value >> 63))

    def vertex(self, lon: float, lat: float):
        x, y = round(lon / UNIT), round(lat / UNIT)
        self.zigzag(x - self.last[0])
        self.zigzag(y - self.last[1])
        self.last = (x, y)

    def vertices(self, coordinates):
        self.varint(len(coordinates))
        for lon, lat in coordinates:
            self.vertex(lon, lat)


def ring_coordinates(ring, counter_clockwise: bool):
    coordinates = list(ring.coords)[:-1]
    area = 0.0
    for (x0, y0), (x1, y1) in zip(coordinates, coordinates[1:] + coordinates[:1]):
        area += x0 * y1 - x1 * y0
    if (area > 0) != counter_clockwise:
        coordinates.reverse()
    return coordinates


def polygon_layer(polygons: list[Polygon]) -> bytes:
    writer = Writer()
    writer.varint(len(polygons))
    for polygon in polygons:
        writer.varint(1 + len(polygon.interiors))
        writer.vertices(ring_coordinates(polygon.exterior, True))
        for hole in polygon.interiors:
            writer.vertices(ring_coordinates(hole, False))
    return bytes(writer.body)


def line_layer(lines: list[LineString]) -> bytes:
    writer = Writer()
    writer.varint(len(lines))
    for line in lines:
        writer.vertices(list(line.coords))
    return bytes(writer.body)


def label_layer(labels: list[tuple[str, float, float, int]]) -> bytes:
    writer = Writer()
    writer.varint(len(labels))
    for name, lon, lat, area in labels:
        writer.vertex(lon, lat)
        writer.varint(area)
        encoded = name.encode("utf-8")
        writer.varint(len(encoded))
        writer.body.extend(encoded)
    return bytes(writer.body)


def geodesic_area_km2(geometry) -> int:
    """Area on a sphere of radius 6371 km (good enough to rank labels)."""
    import math
    total = 0.0
    for polygon in polygons_of(geometry):
        for index, ring in enumerate([polygon.exterior] + list(polygon.interiors)):
            coordinates = list(ring.coords)
            ring_area = 0.0
            for (lon0, lat0), (lon1, lat1) in zip(coordinates, coordinates[1:]):
                ring_area += math.radians(lon1 - lon0) * (2 + math.sin(math.radians(lat0)) + math.sin(math.radians(lat1)))
            ring_area = abs(ring_area) * 6371.0 ** 2 / 2
            total += ring_area if index == 0 else -ring_area
    return max(0, round(total))


def main() -> int:
    if not GPKG.exists():
        print(f"error: {GPKG} is missing; apt-get install qgis-common", file=sys.stderr)
        return 1
    countries = []
    labels = []
    for feature in read_layer("countries"):
        geometry = shape(feature["geometry"]).buffer(0)
        geometry = snap_edges(geometry)
        if geometry.is_empty:
            continue
        countries.append(geometry)
        name = feature["properties"].get("NAME") or ""
        if name:
            largest = max(polygons_of(geometry), key=lambda polygon: polygon.area)
            point = largest.representative_point()
            labels.append((name, point.x, point.y, geodesic_area_km2(geometry)))

    land = unary_union(countries)
    land_polygons = []
    for polygon in polygons_of(land):
        simple = grid(polygon.simplify(SIMPLIFY_DEGREES, preserve_topology=True))
        land_polygons += [part for part in polygons_of(simple) if part.area > 0]

    coast = merged(drop_artificial(lines_of(land.boundary)))
    coast_lines = simplified_lines(coast, SIMPLIFY_DEGREES)

    # Country boundaries less the coast: the borders between countries.
    country_lines = unary_union([geometry.boundary for geometry in countries])
    coast_zone = unary_union(lines_of(land.boundary)).buffer(1e-6)
    border_lines = simplified_lines(merged(drop_artificial(lines_of(country_lines.difference(coast_zone)))), SIMPLIFY_DEGREES)

    # Province boundaries less anything near a country boundary or the coast.
    provinces = [snap_edges(shape(feature["geometry"]).buffer(0)) for feature in read_layer("states_provinces")]
    province_lines = unary_union([geometry.boundary for geometry in provinces if not geometry.is_empty])
    near_countries = unary_union([coast_zone, country_lines]).buffer(0.05)
    inner = merged(drop_artificial(lines_of(province_lines.difference(near_countries))))
    inner = [line for line in inner if line.length >= 0.1]
    province_lines_out = simplified_lines(inner, PROVINCE_SIMPLIFY_DEGREES)

    labels.sort(key=lambda label: (-label[3], label[0]))
    layers = [
        (1, "land", polygon_layer(land_polygons)),
        (2, "coastline", line_layer(coast_lines)),
        (2, "borders", line_layer(border_lines)),
        (2, "provinces", line_layer(province_lines_out)),
        (3, "labels", label_layer(labels)),
    ]
    out = bytearray(b"TMBASE1\n")
    out += struct.pack("<I", len(layers))
    for kind, name, body in layers:
        encoded = name.encode("utf-8")
        out += struct.pack("<BB", kind, len(encoded)) + encoded
        out += struct.pack("<I", len(body)) + body
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(bytes(out))

    def vertex_count(items):
        return sum(int(shapely.get_num_coordinates(item)) for item in items)

    print(f"wrote {OUT.relative_to(ROOT)}: {len(out)} bytes")
    print(f"  land: {len(land_polygons)} polygons, {vertex_count(land_polygons)} vertices")
    print(f"  coastline: {len(coast_lines)} lines, {vertex_count(coast_lines)} vertices")
    print(f"  borders: {len(border_lines)} lines, {vertex_count(border_lines)} vertices")
    print(f"  provinces: {len(province_lines_out)} lines, {vertex_count(province_lines_out)} vertices")
    print(f"  labels: {len(labels)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
