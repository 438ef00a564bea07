#include "CGDAL.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static ThreatMapGDAL functions;
static const ThreatMapGDAL *loaded;
static char failure[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

// The library under the names it goes by: the development link first, then
// the sonames of GDAL 3.0 to 3.20 (libgdal.so.26 ... .46), then macOS.
static void *open_library(void) {
    void *handle = dlopen("libgdal.so", RTLD_NOW | RTLD_LOCAL);
    for (int soname = 46; !handle && soname >= 26; soname--) {
        char name[32];
        snprintf(name, sizeof name, "libgdal.so.%d", soname);
        handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    }
    if (!handle) handle = dlopen("libgdal.dylib", RTLD_NOW | RTLD_LOCAL);
    return handle;
}

static void load(void) {
    void *handle = open_library();
    if (!handle) {
        snprintf(failure, sizeof failure, "GDAL is not installed (no libgdal.so; on Debian: apt-get install libgdal-dev)");
        return;
    }
#define THREATMAP_GDAL_RESOLVE(name) \
    *(void **)(&functions.name) = dlsym(handle, #name); \
    if (!functions.name) { \
        snprintf(failure, sizeof failure, "libgdal has no function %s (GDAL 3.6 or later is needed)", #name); \
        return; \
    }
    THREATMAP_GDAL_FUNCTIONS(THREATMAP_GDAL_RESOLVE)
#undef THREATMAP_GDAL_RESOLVE
    functions.CPLSetErrorHandler(functions.CPLQuietErrorHandler);
    functions.GDALAllRegister();
    loaded = &functions;
}

const ThreatMapGDAL *threatmap_gdal_load(char *message, size_t length) {
    pthread_once(&once, load);
    if (!loaded && message && length > 0) {
        snprintf(message, length, "%s", failure);
    }
    return loaded;
}

OGRLayerH threatmap_gdal_create_layer(const ThreatMapGDAL *gdal, GDALDatasetH dataset, const char *name,
                                      OGRSpatialReferenceH reference, OGRwkbGeometryType type, const char *option) {
    const char *options[2] = {option, NULL};
    return gdal->GDALDatasetCreateLayer(dataset, name, reference, type, (void *)(option ? options : NULL));
}

int threatmap_gdal_close(const ThreatMapGDAL *gdal, GDALDatasetH dataset) {
    gdal->CPLErrorReset();
    gdal->GDALClose(dataset);
    CPLErr type = gdal->CPLGetLastErrorType();
    return type == CE_Failure || type == CE_Fatal;
}
