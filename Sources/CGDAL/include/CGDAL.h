// GDAL/OGR's C API, loaded at run time: the headers give the types, and
// `threatmap_gdal_load` resolves each function with dlopen/dlsym on first
// use. Linking libgdal (and its hundred dependencies) would cost every
// process about 57 ms at start-up, GIS formats or not.
#ifndef THREATMAP_CGDAL_H
#define THREATMAP_CGDAL_H

#include <stddef.h>
#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <gdal/ogr_srs_api.h>
#include <gdal/cpl_error.h>
#include <gdal/cpl_string.h>

#define THREATMAP_GDAL_FUNCTIONS(X) \
    X(GDALAllRegister) \
    X(GDALVersionInfo) \
    X(GDALOpenEx) \
    X(GDALClose) \
    X(GDALGetDriverByName) \
    X(GDALGetDriverShortName) \
    X(GDALGetDatasetDriver) \
    X(GDALCreate) \
    X(GDALDatasetGetLayerCount) \
    X(GDALDatasetGetLayer) \
    X(GDALDatasetGetLayerByName) \
    X(GDALDatasetCreateLayer) \
    X(GDALDatasetDeleteLayer) \
    X(GDALDatasetStartTransaction) \
    X(GDALDatasetCommitTransaction) \
    X(GDALDatasetRollbackTransaction) \
    X(GDALDatasetExecuteSQL) \
    X(GDALDatasetReleaseResultSet) \
    X(OGR_L_GetName) \
    X(OGR_L_GetGeomType) \
    X(OGR_L_GetSpatialRef) \
    X(OGR_L_GetLayerDefn) \
    X(OGR_L_SetAttributeFilter) \
    X(OGR_L_ResetReading) \
    X(OGR_L_GetNextFeature) \
    X(OGR_L_GetFeatureCount) \
    X(OGR_L_CreateField) \
    X(OGR_L_CreateFeature) \
    X(OGR_FD_GetFieldCount) \
    X(OGR_FD_GetFieldDefn) \
    X(OGR_FD_GetFieldIndex) \
    X(OGR_Fld_Create) \
    X(OGR_Fld_Destroy) \
    X(OGR_Fld_GetNameRef) \
    X(OGR_Fld_SetWidth) \
    X(OGR_F_Create) \
    X(OGR_F_Destroy) \
    X(OGR_F_GetFID) \
    X(OGR_F_GetGeometryRef) \
    X(OGR_F_IsFieldSetAndNotNull) \
    X(OGR_F_GetFieldAsString) \
    X(OGR_F_SetFieldString) \
    X(OGR_F_SetFieldDouble) \
    X(OGR_F_SetFieldInteger64) \
    X(OGR_F_SetGeometryDirectly) \
    X(OGR_G_CreateGeometry) \
    X(OGR_G_DestroyGeometry) \
    X(OGR_G_GetGeometryType) \
    X(OGR_G_GetGeometryCount) \
    X(OGR_G_GetGeometryRef) \
    X(OGR_G_GetPointCount) \
    X(OGR_G_GetPoints) \
    X(OGR_G_SetPoints) \
    X(OGR_G_AddGeometryDirectly) \
    X(OGR_G_Transform) \
    X(OGR_G_IsEmpty) \
    X(OGR_GT_Flatten) \
    X(OSRNewSpatialReference) \
    X(OSRDestroySpatialReference) \
    X(OSRImportFromEPSG) \
    X(OSRSetAxisMappingStrategy) \
    X(OSRIsSame) \
    X(OSRGetName) \
    X(OCTNewCoordinateTransformation) \
    X(OCTDestroyCoordinateTransformation) \
    X(CPLSetErrorHandler) \
    X(CPLQuietErrorHandler) \
    X(CPLErrorReset) \
    X(CPLGetLastErrorMsg) \
    X(CPLGetLastErrorType)

#define THREATMAP_GDAL_FIELD(name) __typeof__(name) *name;

/// Every GDAL function the GIS module calls, resolved from libgdal.
typedef struct ThreatMapGDAL {
    THREATMAP_GDAL_FUNCTIONS(THREATMAP_GDAL_FIELD)
} ThreatMapGDAL;

/// Loads libgdal once (thread-safe), registers its drivers and silences its
/// stderr messages (they are read back with CPLGetLastErrorMsg). Returns
/// NULL when it cannot: `message` (of `length` bytes) then says why.
const ThreatMapGDAL *threatmap_gdal_load(char *message, size_t length);

/// GDALDatasetCreateLayer with one creation option (or none when NULL);
/// the option list's C type differs between GDAL releases.
OGRLayerH threatmap_gdal_create_layer(const ThreatMapGDAL *gdal, GDALDatasetH dataset, const char *name,
                                      OGRSpatialReferenceH reference, OGRwkbGeometryType type, const char *option);

/// GDALClose, then whether it failed (1) or not (0): GDALClose returns
/// nothing before GDAL 3.7 and an error code since.
int threatmap_gdal_close(const ThreatMapGDAL *gdal, GDALDatasetH dataset);

#endif
