import CGDAL
import Foundation
import GeoModel

/// One vector layer of any source GDAL reads (GeoPackage, Shapefile,
/// FlatGeobuf, KML, CSV with WKT or lat/lon columns, GeoJSON, a `PG:`
/// connection string), filtered and named as asked, in WGS84.
public struct VectorSource: Sendable, Hashable {
    /// A file path or a GDAL connection string such as `PG:dbname=gis host=/run/postgresql`.
    public var path: String
    /// The layer to read; nil reads the source's only layer (or its first, for a database).
    public var layer: String?
    /// An OGR SQL attribute filter, e.g. `kind = 'airbase' AND pop > 1000`.
    public var filter: String?
    /// The field that names each feature; nil tries `name`, `site`, `target`.
    public var nameField: String?
    /// Fields whose values each feature also carries (`VectorFeature.attributes`), when the layer has them.
    public var fields: [String] = []

    public init(path: String, layer: String? = nil, filter: String? = nil, nameField: String? = nil, fields: [String] = []) {
        self.path = path
        self.layer = layer
        self.filter = filter
        self.nameField = nameField
        self.fields = fields
    }

    /// Fields tried in order for a feature's name when no name field is given.
    public static let nameFields = ["name", "Name", "NAME", "site", "target", "label"]

    /// How GDAL finds a CSV file's geometry: a WKT column, or longitude and
    /// latitude columns under the names `TargetFile` accepts.
    static let csvOpenOptions = ["GEOM_POSSIBLE_NAMES=wkt,WKT,geometry,geom,the_geom", "X_POSSIBLE_NAMES=lon,lng,longitude,Lon,Longitude,LON,x,X",
                                 "Y_POSSIBLE_NAMES=lat,latitude,Lat,Latitude,LAT,y,Y", "KEEP_GEOM_COLUMNS=NO"]

    /// File extensions of the vector formats read through GDAL (CSV and
    /// GeoJSON have readers of their own unless a layer, filter or name
    /// field is asked for).
    public static let fileExtensions: Set<String> = ["gpkg", "shp", "fgb", "kml", "kmz", "gml", "gpx", "sqlite", "tab", "mif", "ods", "xlsx"]

    /// Whether `value` (a command-line argument) names a GDAL source: a
    /// `PG:` connection string or a file of one of `fileExtensions`.
    public static func recognizes(_ value: String) -> Bool {
        if value.lowercased().hasPrefix("pg:") { return true }
        let dot = value.lastIndex(of: ".")
        guard let dot, !value[dot...].contains("/") else { return false }
        return fileExtensions.contains(value[value.index(after: dot)...].lowercased())
    }

    /// The source as messages show it: a connection string without its password.
    public var displayName: String { Self.displayName(path) }

    static func displayName(_ path: String) -> String {
        guard path.lowercased().hasPrefix("pg:") else { return path }
        return path.split(separator: " ", omittingEmptySubsequences: false).map { part in
            part.lowercased().hasPrefix("password=") ? "password=***" : String(part)
        }.joined(separator: " ")
    }

    /// Every feature of the layer, in the layer's order.
    /// - Throws: `GISError`: `.cannotOpen` (missing, unreadable, server
    ///   down, login refused), `.noSuchLayer`, `.noSuchField`, `.badFilter`,
    ///   `.unknownCRS`, `.badFeature` (a geometry that is empty, of a type
    ///   with no meaning here, or outside latitude ±90 after transformation).
    public func read() throws(GISError) -> [VectorFeature] {
        var features = [VectorFeature]()
        try forEachFeature { features.append($0) }
        return features
    }

    /// Calls `body` with each feature in turn, holding one at a time.
    public func forEachFeature(_ body: (VectorFeature) throws(GISError) -> Void) throws(GISError) {
        let gdal = try GDALLibrary.load()
        let api = gdal.api
        let shown = displayName
        api.CPLErrorReset()
        let options = path.lowercased().hasSuffix(".csv") ? Self.csvOpenOptions : []
        guard let dataset = withCStringList(options, { list in
            path.withCString { api.GDALOpenEx($0, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, list, nil) }
        }) else {
            throw .cannotOpen(source: shown, reason: gdal.lastError(or: "not a vector dataset GDAL can read, or no such file"))
        }
        defer { gdal.close(dataset) }
        let layer = try openLayer(dataset, gdal)
        let layerName = String(cString: api.OGR_L_GetName(layer)!)
        if let filter {
            api.CPLErrorReset()
            guard api.OGR_L_SetAttributeFilter(layer, filter) == OGRERR_NONE else {
                throw .badFilter(source: shown, layer: layerName, filter: filter, reason: gdal.lastError(or: "invalid filter"))
            }
        }
        let nameIndex = try nameFieldIndex(layer, layerName: layerName, gdal)
        let definition = api.OGR_L_GetLayerDefn(layer)
        let wanted = fields.map { ($0, api.OGR_FD_GetFieldIndex(definition, $0)) }.filter { $0.1 >= 0 }
        let transform = try WGS84Transform(layer: layer, gdal: gdal, source: shown, layerName: layerName)
        defer { transform.close() }
        api.OGR_L_ResetReading(layer)
        api.CPLErrorReset()
        while let feature = api.OGR_L_GetNextFeature(layer) {
            defer { api.OGR_F_Destroy(feature) }
            let fid = api.OGR_F_GetFID(feature)
            func bad(_ reason: String) -> GISError { .badFeature(source: shown, layer: layerName, feature: fid, reason: reason) }
            guard let geometry = api.OGR_F_GetGeometryRef(feature), api.OGR_G_IsEmpty(geometry) == 0 else {
                throw bad("it has no geometry")
            }
            try transform.apply(to: geometry, error: bad)
            let shape = try VectorGeometry.shape(of: geometry, api: api, error: bad)
            var name: String?
            if let nameIndex, api.OGR_F_IsFieldSetAndNotNull(feature, nameIndex) != 0, let text = api.OGR_F_GetFieldAsString(feature, nameIndex) {
                name = Self.trimmed(String(cString: text))
            }
            if name?.isEmpty ?? true { name = "\(layerName) feature \(fid)" }
            var attributes = [String: String]()
            for (field, index) in wanted where api.OGR_F_IsFieldSetAndNotNull(feature, index) != 0 {
                if let text = api.OGR_F_GetFieldAsString(feature, index) { attributes[field] = String(cString: text) }
            }
            try body(VectorFeature(fid: fid, name: name!, shape: shape, layer: layerName, attributes: attributes))
        }
        if api.CPLGetLastErrorType() == CE_Failure || api.CPLGetLastErrorType() == CE_Fatal {
            // Some drivers check a filter only when the features are read.
            if let filter { throw .badFilter(source: shown, layer: layerName, filter: filter, reason: gdal.lastError(or: "invalid filter")) }
            throw .cannotOpen(source: shown, reason: "reading layer \(layerName) failed: \(gdal.lastError(or: "unknown error"))")
        }
    }

    /// `text` without surrounding spaces; Foundation's trimming is slow, and most names need none.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              CharacterSet.whitespaces.contains(first) || CharacterSet.whitespaces.contains(last) else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private func openLayer(_ dataset: GDALDatasetH, _ gdal: GDALLibrary) throws(GISError) -> OGRLayerH {
        let api = gdal.api
        let count = api.GDALDatasetGetLayerCount(dataset)
        var names = [String]()
        for index in 0..<count {
            if let layer = api.GDALDatasetGetLayer(dataset, index) { names.append(String(cString: api.OGR_L_GetName(layer)!)) }
        }
        if let layer {
            if let found = api.GDALDatasetGetLayerByName(dataset, layer) { return found }
            throw .noSuchLayer(source: displayName, layer: layer, available: names)
        }
        guard count > 0, let first = api.GDALDatasetGetLayer(dataset, 0) else {
            throw .noSuchLayer(source: displayName, layer: nil, available: [])
        }
        if count > 1, !path.lowercased().hasPrefix("pg:") {
            throw .noSuchLayer(source: displayName, layer: nil, available: names)
        }
        return first
    }

    private func nameFieldIndex(_ layer: OGRLayerH, layerName: String, _ gdal: GDALLibrary) throws(GISError) -> Int32? {
        let api = gdal.api
        let definition = api.OGR_L_GetLayerDefn(layer)
        if let nameField {
            let index = api.OGR_FD_GetFieldIndex(definition, nameField)
            guard index >= 0 else {
                let fields = (0..<api.OGR_FD_GetFieldCount(definition)).map { String(cString: api.OGR_Fld_GetNameRef(api.OGR_FD_GetFieldDefn(definition, $0))!) }
                throw .noSuchField(source: displayName, layer: layerName, field: nameField, available: fields)
            }
            return index
        }
        for candidate in Self.nameFields {
            let index = api.OGR_FD_GetFieldIndex(definition, candidate)
            if index >= 0 { return index }
        }
        return nil
    }
}

/// One feature of a `VectorSource`: its id in the source, its name and
/// its geometry in WGS84.
public struct VectorFeature: Sendable, Hashable {
    /// The feature's id in its source (a GeoPackage row id, a table's primary key).
    public var fid: Int64
    public var name: String
    public var shape: VectorShape
    /// The layer it was read from.
    public var layer: String
    /// The values of the source's requested `fields` that are set.
    public var attributes: [String: String] = [:]
}

/// What a feature's geometry means to ThreatMap: a point, lines (a launch
/// line), or an area (a launch area).
public enum VectorShape: Sendable, Hashable {
    case point(Coordinate)
    case lines([LineString])
    case area(MultiPolygon)
}

/// Which layer of a source to read, which of its features, and which field
/// names them (`--layer`, `--where`, `--name-field`).
public struct LayerSelection: Sendable, Hashable {
    public var layer: String?
    public var filter: String?
    public var nameField: String?

    public init(layer: String? = nil, filter: String? = nil, nameField: String? = nil) {
        self.layer = layer
        self.filter = filter
        self.nameField = nameField
    }

    /// Nothing asked: the source's own layer, every feature, the usual name fields.
    public var isEmpty: Bool { layer == nil && filter == nil && nameField == nil }
}

extension VectorSource {
    public init(path: String, selection: LayerSelection) {
        self.init(path: path, layer: selection.layer, filter: selection.filter, nameField: selection.nameField)
    }
}

/// Calls `body` with a NULL-terminated C array of `strings` (GDAL's option lists).
func withCStringList<Result>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> Result) -> Result {
    guard !strings.isEmpty else { return body(nil) }
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let list: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) } + [nil]
    return list.withUnsafeBufferPointer { body($0.baseAddress) }
}
