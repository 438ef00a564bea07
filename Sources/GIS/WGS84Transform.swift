import CGDAL

/// The transformation of one layer's coordinates to WGS84 longitude and
/// latitude through PROJ (inside GDAL), or none when the layer is in
/// WGS84 already or declares no reference system (its coordinates are
/// then taken as degrees, and checked as such).
struct WGS84Transform {
    private let gdal: GDALLibrary
    private let transformation: OGRCoordinateTransformationH?
    private let target: OGRSpatialReferenceH?

    init(layer: OGRLayerH, gdal: GDALLibrary, source: String, layerName: String) throws(GISError) {
        self.gdal = gdal
        let api = gdal.api
        guard let layerReference = api.OGR_L_GetSpatialRef(layer) else {
            transformation = nil
            target = nil
            return
        }
        let wgs84 = Self.wgs84(api)
        if api.OSRIsSame(layerReference, wgs84) != 0 {
            api.OSRDestroySpatialReference(wgs84)
            transformation = nil
            target = nil
            return
        }
        api.CPLErrorReset()
        guard let made = api.OCTNewCoordinateTransformation(layerReference, wgs84) else {
            let name = api.OSRGetName(layerReference).map { String(cString: $0) } ?? "unnamed"
            api.OSRDestroySpatialReference(wgs84)
            throw .unknownCRS(source: source, layer: layerName, reason: "\(name): \(gdal.lastError(or: "no transformation"))")
        }
        transformation = made
        target = wgs84
    }

    /// EPSG:4326 with longitude first, as every ThreatMap coordinate pair is.
    static func wgs84(_ api: ThreatMapGDAL) -> OGRSpatialReferenceH {
        let reference = api.OSRNewSpatialReference(nil)!
        _ = api.OSRImportFromEPSG(reference, 4326)
        api.OSRSetAxisMappingStrategy(reference, OAMS_TRADITIONAL_GIS_ORDER)
        return reference
    }

    /// Transforms `geometry` in place.
    func apply(to geometry: OGRGeometryH, error: (String) -> GISError) throws(GISError) {
        guard let transformation else { return }
        gdal.api.CPLErrorReset()
        guard gdal.api.OGR_G_Transform(geometry, transformation) == OGRERR_NONE else {
            throw error("its coordinates do not transform to WGS84: \(gdal.lastError(or: "outside the reference system's area"))")
        }
    }

    func close() {
        if let transformation { gdal.api.OCTDestroyCoordinateTransformation(transformation) }
        if let target { gdal.api.OSRDestroySpatialReference(target) }
    }
}
