#ifndef THREATMAP_CGEOS_SHIM_H
#define THREATMAP_CGEOS_SHIM_H

// Only the re-entrant (_r) API: every call takes an explicit context handle.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

/// Prepared point-in-polygon test, x = longitude, y = latitude (degrees).
/// GEOS 3.12 added GEOSPreparedContainsXY_r; 3.11 needs a temporary point.
/// Returns 1 on true, 0 on false, 2 on exception (the GEOS convention).
static inline char threatmap_prepared_contains_xy(GEOSContextHandle_t context,
                                                  const GEOSPreparedGeometry *prepared,
                                                  double x, double y) {
#if GEOS_VERSION_MAJOR > 3 || (GEOS_VERSION_MAJOR == 3 && GEOS_VERSION_MINOR >= 12)
    return GEOSPreparedContainsXY_r(context, prepared, x, y);
#else
    GEOSGeometry *point = GEOSGeom_createPointFromXY_r(context, x, y);
    if (point == NULL) {
        return 2;
    }
    char result = GEOSPreparedContains_r(context, prepared, point);
    GEOSGeom_destroy_r(context, point);
    return result;
#endif
}

#endif
