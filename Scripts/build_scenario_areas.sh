#!/usr/bin/env bash
# Builds the launch areas the scenarios name, from Natural Earth admin-1
# outlines (public domain) in Debian's qgis-common package:
#   Scenarios/areas/southern-iraq.geojson  Basra, Dhi Qar and Maysan governorates
#   Scenarios/areas/western-iraq.geojson   Anbar governorate
# Needs gdal-bin and qgis-common (apt-get install gdal-bin qgis-common).
# Not run by CI: its outputs are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
source_gpkg=${WORLD_MAP_GPKG:-/usr/share/qgis/resources/data/world_map.gpkg}
[[ -f $source_gpkg ]] || { echo "error: $source_gpkg not found (apt-get install qgis-common)" >&2; exit 1; }

build() {
  local output=$1 label=$2 where=$3
  rm -f "$output"
  ogr2ogr -f GeoJSON "$output" "$source_gpkg" -dialect sqlite \
    -sql "SELECT '$label' AS name, 'Natural Earth admin-1: ' || group_concat(name, ', ') AS source,
                 ST_Union(geom) AS geom FROM states_provinces WHERE adm0_a3 = 'IRQ' AND name IN ($where)" \
    -simplify 0.005 -lco RFC7946=YES -lco COORDINATE_PRECISION=5 -nln "$label"
  echo "wrote $output"
}

build Scenarios/areas/southern-iraq.geojson "Southern Iraq" "'Al-Basrah', 'Dhi-Qar', 'Maysan'"
build Scenarios/areas/western-iraq.geojson "Western Iraq" "'Al-Anbar'"
