#ifndef THREATMAP_CPROJ_SHIM_H
#define THREATMAP_CPROJ_SHIM_H

// PROJ's C API (projections for maps) and Karney's geodesic routines
// (geod_direct, geod_inverse, geod_polygonarea), both exported by libproj.
#include <proj.h>
#include <geodesic.h>

#endif
