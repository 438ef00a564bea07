#!/usr/bin/env bash
# Installs the system packages ThreatMap builds and tests with, if missing:
# GEOS and PROJ headers (libgeos-dev, libproj-dev), pkg-config, GDAL's
# library and headers (libgdal-dev: the GIS module loads it at run time)
# and command-line tools (gdal-bin), PostgreSQL and PostGIS (postgresql,
# postgis; postgresql-postgis is Debian's metapackage for the default
# server's PostGIS, postgresql-15-postgis-3 on Debian 12: the throwaway
# cluster of Tests/PostGIS), rsvg-convert (librsvg2-bin), GeographicLib's
# GeoConvert (geographiclib-tools, the independent MGRS/UTM reference of
# Scripts/make_grid_reference.py), Chromium and its WebDriver (the HTML
# map's browser tests, Tests/Browser), and python3-venv for the reference,
# benchmark and browser-test scripts.
set -euo pipefail

missing=()
pkg-config --exists geos 2>/dev/null || missing+=(geos)
pkg-config --exists proj 2>/dev/null || missing+=(proj)
command -v pkg-config >/dev/null || missing+=(pkg-config)
command -v ogrinfo >/dev/null || missing+=(gdal)
[[ -f /usr/include/gdal/gdal.h ]] || missing+=(libgdal-dev)
# A PostgreSQL server (initdb, pg_ctl), its psql client, and PostGIS for it.
pg_bindirs=(/usr/lib/postgresql/*/bin)
if command -v pg_config >/dev/null; then pg_bindirs+=("$(pg_config --bindir)"); fi
have_server=no have_postgis=no
for dir in "${pg_bindirs[@]}"; do
  [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] || continue
  have_server=yes
  share="$("$dir/pg_config" --sharedir 2>/dev/null || true)"
  if [[ -n "$share" && -f "$share/extension/postgis.control" ]]; then have_postgis=yes; fi
done
if [[ $have_server != yes ]] || ! command -v psql >/dev/null; then missing+=(postgresql); fi
if [[ $have_postgis != yes ]]; then missing+=(postgis); fi
command -v rsvg-convert >/dev/null || missing+=(rsvg)
command -v GeoConvert >/dev/null || missing+=(geoconvert)
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromedriver)
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
echo "installing missing dependencies: ${missing[*]}" >&2

apt_packages=(libgeos-dev libproj-dev pkg-config libgdal-dev gdal-bin postgresql postgis postgresql-postgis librsvg2-bin geographiclib-tools chromium chromium-driver python3-venv)
brew_packages=(geos proj pkg-config gdal postgresql postgis librsvg geographiclib chromedriver)

if command -v apt-get >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    run=()
  elif command -v sudo >/dev/null; then
    run=(sudo)
  else
    echo "error: need root or sudo to apt-get install ${apt_packages[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${run[@]}" apt-get update -qq
  "${run[@]}" apt-get install -y -qq "${apt_packages[@]}" >/dev/null
elif command -v brew >/dev/null; then
  brew install "${brew_packages[@]}"
else
  echo "error: no apt-get or brew here; install GEOS (>= 3.11), PROJ (>= 9), pkg-config," >&2
  echo "       GDAL (headers and ogrinfo), PostgreSQL with PostGIS, librsvg's rsvg-convert, GeographicLib's GeoConvert, Chromium and chromedriver yourself," >&2
  echo "       then run make again." >&2
  exit 1
fi
