#!/usr/bin/env bash
# Installs the system packages ThreatMap builds and tests with, if missing:
# GEOS and PROJ headers (libgeos-dev, libproj-dev), pkg-config, GDAL's
# library and headers (libgdal-dev: the GIS module loads it at run time)
# and command-line tools (gdal-bin), rsvg-convert (librsvg2-bin), GeographicLib's
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
command -v rsvg-convert >/dev/null || missing+=(rsvg)
command -v GeoConvert >/dev/null || missing+=(geoconvert)
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromedriver)
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
echo "installing missing dependencies: ${missing[*]}" >&2

apt_packages=(libgeos-dev libproj-dev pkg-config libgdal-dev gdal-bin librsvg2-bin geographiclib-tools chromium chromium-driver python3-venv)
brew_packages=(geos proj pkg-config gdal librsvg geographiclib chromedriver)

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
  echo "       GDAL's ogrinfo, librsvg's rsvg-convert, GeographicLib's GeoConvert, Chromium and chromedriver yourself," >&2
  echo "       then run make again." >&2
  exit 1
fi
