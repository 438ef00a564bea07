import CGDAL
import Foundation

/// Writes layers through GDAL: a GeoPackage (every layer in one file, with
/// QGIS styles), FlatGeobuf or Shapefile (one file per layer, named
/// `<stem>_<layer>.<ext>`), or PostGIS tables (`PG:` connection string).
/// Files appear whole or not at all; PostGIS tables are written in one
/// transaction.
public struct VectorOutput: Sendable {
    public enum Format: String, Sendable { case geopackage = "GPKG", flatGeobuf = "FlatGeobuf", shapefile = "ESRI Shapefile", postgis = "PostgreSQL" }

    public var destination: String
    public var format: Format
    /// Replace PostGIS tables that exist already (files are always replaced whole).
    public var overwrite: Bool

    /// The output `destination` names, or nil when it is not a GDAL format
    /// (`.gpkg`, `.fgb`, `.shp`, `PG:...`).
    public init?(destination: String, overwrite: Bool = false) {
        let lowered = destination.lowercased()
        let format: Format
        if lowered.hasPrefix("pg:") { format = .postgis }
        else if lowered.hasSuffix(".gpkg") { format = .geopackage }
        else if lowered.hasSuffix(".fgb") { format = .flatGeobuf }
        else if lowered.hasSuffix(".shp") { format = .shapefile }
        else { return nil }
        self.destination = destination
        self.format = format
        self.overwrite = overwrite
    }

    /// Whether `destination` names an output written through GDAL.
    public static func recognizes(_ destination: String) -> Bool {
        VectorOutput(destination: destination) != nil
    }

    /// Whether writing `layers` here would replace the input `source`
    /// (read from its `layer`): the same file, or the same database and
    /// schema with a table of that name (any table, when no layer is named).
    public func replaces(source: String, layer: String?, layers: [String]) -> Bool {
        if format == .postgis {
            guard source.lowercased().hasPrefix("pg:"), Self.connectionKey(source) == Self.connectionKey(destination) else { return false }
            guard let layer else { return true }
            let table = layer.split(separator: ".").last.map(String.init) ?? layer
            return (layers + [Self.styleTable]).contains(table)
        }
        func resolved(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        let input = resolved(source)
        if format == .geopackage { return resolved(destination) == input }
        let url = URL(fileURLWithPath: destination)
        let stem = url.deletingPathExtension().path
        return layers.contains { resolved("\(stem)_\($0).\(url.pathExtension)") == input }
    }

    /// The schema a `PG:` connection string writes to (`active_schema=`), else `public`.
    static func activeSchema(_ connection: String) -> String {
        for part in connection.dropFirst(3).split(whereSeparator: \.isWhitespace) where part.lowercased().hasPrefix("active_schema=") {
            return String(part.dropFirst("active_schema=".count))
        }
        return "public"
    }

    /// A connection string's settings in a fixed order, to compare two.
    static func connectionKey(_ connection: String) -> String {
        connection.dropFirst(3).split(whereSeparator: \.isWhitespace).sorted().joined(separator: " ")
    }

    /// The table QGIS reads layer styles from.
    static let styleTable = "layer_styles"

    /// Writes `layers`. Returns what was written: the file paths, or
    /// `PG:` tables as `table (rows)`.
    /// - Throws: `GISError.cannotWrite` (nothing kept), `.layersExist`
    ///   (PostGIS without `overwrite`), `.cannotOpen` (server down, login refused).
    @discardableResult
    public func write(_ layers: [VectorLayer]) throws(GISError) -> [String] {
        for layer in layers { try check(layer) }
        let gdal = try GDALLibrary.load()
        switch format {
        case .postgis: return try writeDatabase(layers, gdal)
        case .geopackage: return try writeFiles(layers, gdal, onePerLayer: false)
        case .flatGeobuf, .shapefile: return try writeFiles(layers, gdal, onePerLayer: true)
        }
    }

    /// Refuses a layer GDAL would write wrongly: a row whose values do not
    /// match the fields, or whose shape is not of the layer's type.
    private func check(_ layer: VectorLayer) throws(GISError) {
        for (index, row) in layer.rows.enumerated() {
            guard row.values.count == layer.fields.count else {
                throw .cannotWrite(destination: VectorSource.displayName(destination), layer: layer.name,
                                   reason: "row \(index + 1) has \(row.values.count) values for \(layer.fields.count) fields")
            }
            let fits = switch (layer.geometryType, row.shape) {
            case (.point, .point), (.lineString, .lines), (.multiPolygon, .area): true
            default: false
            }
            guard fits else {
                throw .cannotWrite(destination: VectorSource.displayName(destination), layer: layer.name,
                                   reason: "row \(index + 1)'s geometry is not of the layer's type")
            }
        }
    }

    // MARK: Files

    private func writeFiles(_ layers: [VectorLayer], _ gdal: GDALLibrary, onePerLayer: Bool) throws(GISError) -> [String] {
        let url = URL(fileURLWithPath: destination)
        let directory = url.deletingLastPathComponent()
        let stem = url.deletingPathExtension().lastPathComponent
        let suffix = url.pathExtension
        let staging = directory.appendingPathComponent(".\(stem).partial-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw .cannotWrite(destination: destination, layer: nil, reason: "cannot create a file beside it: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: staging) }
        var moves = [(from: URL, to: URL)]()
        if onePerLayer {
            for layer in layers {
                let name = "\(stem)_\(layer.name).\(suffix)"
                let dataset = try create(staging.appendingPathComponent(name).path, gdal)
                try fill(dataset, [layer], gdal, destination: url.deletingLastPathComponent().appendingPathComponent(name).path)
                let base = "\(stem)_\(layer.name)"
                let produced = (try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? []
                for file in produced where file.hasPrefix(base + ".") {
                    moves.append((staging.appendingPathComponent(file), directory.appendingPathComponent(file)))
                }
            }
        } else {
            let name = url.lastPathComponent
            let dataset = try create(staging.appendingPathComponent(name).path, gdal)
            try fill(dataset, layers, gdal, destination: destination)
            moves.append((staging.appendingPathComponent(name), url))
        }
        for move in moves {
            guard rename(move.from.path, move.to.path) == 0 else {
                throw .cannotWrite(destination: move.to.path, layer: nil, reason: String(cString: strerror(errno)))
            }
        }
        return moves.map(\.to.path)
    }

    /// Creates the dataset, fills it and closes it (GDAL finishes files on close).
    private func create(_ path: String, _ gdal: GDALLibrary) throws(GISError) -> GDALDatasetH {
        let api = gdal.api
        api.CPLErrorReset()
        guard let driver = api.GDALGetDriverByName(format.rawValue) else {
            throw .cannotWrite(destination: destination, layer: nil, reason: "this GDAL has no \(format.rawValue) driver")
        }
        guard let dataset = api.GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) else {
            throw .cannotWrite(destination: destination, layer: nil, reason: gdal.lastError(or: "GDAL could not create it"))
        }
        return dataset
    }

    /// Writes `layers` into `dataset` and closes it.
    private func fill(_ dataset: GDALDatasetH, _ layers: [VectorLayer], _ gdal: GDALLibrary, destination shown: String) throws(GISError) {
        var closed = false
        defer { if !closed { gdal.close(dataset) } }
        for layer in layers { try writeLayer(layer, into: dataset, gdal, destination: shown) }
        if format == .geopackage { try writeStyles(layers, into: dataset, gdal, destination: shown, schema: "") }
        closed = true
        if !gdal.close(dataset) {
            throw .cannotWrite(destination: shown, layer: nil, reason: gdal.lastError(or: "closing the file failed"))
        }
    }

    // MARK: PostGIS

    private func writeDatabase(_ layers: [VectorLayer], _ gdal: GDALLibrary) throws(GISError) -> [String] {
        let api = gdal.api
        let shown = VectorSource.displayName(destination)
        api.CPLErrorReset()
        guard let dataset = destination.withCString({ api.GDALOpenEx($0, UInt32(GDAL_OF_VECTOR | GDAL_OF_UPDATE), nil, nil, nil) }) else {
            throw .cannotOpen(source: shown, reason: gdal.lastError(or: "the database does not answer"))
        }
        defer { gdal.close(dataset) }
        let existing = layers.map(\.name).filter { api.GDALDatasetGetLayerByName(dataset, $0) != nil }
        if !existing.isEmpty, !overwrite { throw .layersExist(destination: shown, layers: existing) }
        guard api.GDALDatasetStartTransaction(dataset, 0) == OGRERR_NONE else {
            throw .cannotWrite(destination: shown, layer: nil, reason: gdal.lastError(or: "cannot start a transaction"))
        }
        do throws(GISError) {
            for name in existing { try deleteLayer(named: name, in: dataset, gdal, destination: shown) }
            for layer in layers { try writeLayer(layer, into: dataset, gdal, destination: shown) }
            try writeStyles(layers, into: dataset, gdal, destination: shown, schema: Self.activeSchema(destination))
            api.CPLErrorReset()
            guard api.GDALDatasetCommitTransaction(dataset) == OGRERR_NONE else {
                throw GISError.cannotWrite(destination: shown, layer: nil, reason: gdal.lastError(or: "the transaction was not committed"))
            }
        } catch {
            _ = api.GDALDatasetRollbackTransaction(dataset)
            throw error
        }
        return layers.map { "\($0.name) (\($0.rows.count) rows)" }
    }

    private func deleteLayer(named name: String, in dataset: GDALDatasetH, _ gdal: GDALLibrary, destination shown: String) throws(GISError) {
        let api = gdal.api
        for index in 0..<api.GDALDatasetGetLayerCount(dataset) {
            guard let layer = api.GDALDatasetGetLayer(dataset, index), String(cString: api.OGR_L_GetName(layer)!) == name else { continue }
            guard api.GDALDatasetDeleteLayer(dataset, index) == OGRERR_NONE else {
                throw .cannotWrite(destination: shown, layer: name, reason: gdal.lastError(or: "cannot replace it"))
            }
            return
        }
    }

    // MARK: Layers

    private func writeLayer(_ layer: VectorLayer, into dataset: GDALDatasetH, _ gdal: GDALLibrary, destination shown: String) throws(GISError) {
        let api = gdal.api
        let wgs84 = WGS84Transform.wgs84(api)
        defer { api.OSRDestroySpatialReference(wgs84) }
        let geometryType: OGRwkbGeometryType = switch layer.geometryType {
        case .point: wkbPoint
        case .lineString: wkbLineString
        case .multiPolygon: wkbMultiPolygon
        }
        let option: String? = format == .geopackage || format == .postgis ? "GEOMETRY_NAME=geom" : nil
        api.CPLErrorReset()
        let made = option.withOptionalCString { threatmap_gdal_create_layer(gdal.table, dataset, layer.name, wgs84, geometryType, $0) }
        guard let handle = made else {
            throw .cannotWrite(destination: shown, layer: layer.name, reason: gdal.lastError(or: "cannot create the layer"))
        }
        for field in layer.fields {
            let type: OGRFieldType = switch field.type {
            case .text: OFTString
            case .real: OFTReal
            case .integer: OFTInteger64
            case .flag: OFTInteger
            }
            let definition = api.OGR_Fld_Create(field.name, type)
            defer { api.OGR_Fld_Destroy(definition) }
            guard api.OGR_L_CreateField(handle, definition, 1) == OGRERR_NONE else {
                throw .cannotWrite(destination: shown, layer: layer.name, reason: "field \(field.name): \(gdal.lastError(or: "refused"))")
            }
        }
        let definition = api.OGR_L_GetLayerDefn(handle)
        for row in layer.rows {
            let shapes: [VectorShape] = if layer.geometryType == .lineString, case let .lines(lines) = row.shape, lines.count > 1 {
                lines.map { .lines([$0]) }
            } else { [row.shape] }
            for shape in shapes {
                let feature = api.OGR_F_Create(definition)!
                defer { api.OGR_F_Destroy(feature) }
                for (index, value) in row.values.enumerated() {
                    let field = Int32(index)
                    switch value {
                    case let .text(text): api.OGR_F_SetFieldString(feature, field, text)
                    case let .real(number): api.OGR_F_SetFieldDouble(feature, field, number)
                    case let .integer(number): api.OGR_F_SetFieldInteger64(feature, field, number)
                    case .null: break
                    }
                }
                _ = api.OGR_F_SetGeometryDirectly(feature, VectorGeometry.make(shape, api: api))
                guard api.OGR_L_CreateFeature(handle, feature) == OGRERR_NONE else {
                    throw .cannotWrite(destination: shown, layer: layer.name, reason: gdal.lastError(or: "a feature was refused"))
                }
            }
        }
    }

    /// QGIS's `layer_styles` rows, one per styled layer, each its default style.
    private func writeStyles(_ layers: [VectorLayer], into dataset: GDALDatasetH, _ gdal: GDALLibrary,
                             destination shown: String, schema: String) throws(GISError) {
        let styled = layers.filter { $0.style != nil }
        guard !styled.isEmpty else { return }
        let api = gdal.api
        let fields: [VectorLayer.Field] = [
            .init("f_table_catalog", .text), .init("f_table_schema", .text), .init("f_table_name", .text),
            .init("f_geometry_column", .text), .init("styleName", .text), .init("styleQML", .text), .init("styleSLD", .text),
            .init("useAsDefault", .integer), .init("description", .text), .init("owner", .text), .init("ui", .text), .init("update_time", .text),
        ]
        var table = api.GDALDatasetGetLayerByName(dataset, Self.styleTable)
        if table != nil {
            let names = styled.map { "'\($0.name)'" }.joined(separator: ",")
            let result = api.GDALDatasetExecuteSQL(dataset, "DELETE FROM \(Self.styleTable) WHERE f_table_name IN (\(names))", nil, nil)
            if let result { api.GDALDatasetReleaseResultSet(dataset, result) }
        } else {
            api.CPLErrorReset()
            table = threatmap_gdal_create_layer(gdal.table, dataset, Self.styleTable, nil, wkbNone, nil)
            guard let table else { throw .cannotWrite(destination: shown, layer: Self.styleTable, reason: gdal.lastError(or: "cannot create it")) }
            for field in fields {
                let definition = api.OGR_Fld_Create(field.name, field.type == .integer ? OFTInteger64 : OFTString)
                defer { api.OGR_Fld_Destroy(definition) }
                guard api.OGR_L_CreateField(table, definition, 1) == OGRERR_NONE else {
                    throw .cannotWrite(destination: shown, layer: Self.styleTable, reason: gdal.lastError(or: "refused"))
                }
            }
        }
        guard let table else { return }
        let definition = api.OGR_L_GetLayerDefn(table)
        let stamp = ISO8601DateFormatter().string(from: Date())
        for layer in styled {
            let values: [(String, String)] = [
                ("f_table_catalog", ""), ("f_table_schema", schema), ("f_table_name", layer.name), ("f_geometry_column", "geom"),
                ("styleName", "ThreatMap \(layer.name)"), ("styleQML", layer.style!), ("styleSLD", ""), ("description", "ThreatMap's map colours"),
                ("owner", ""), ("ui", ""), ("update_time", stamp),
            ]
            let feature = api.OGR_F_Create(definition)!
            defer { api.OGR_F_Destroy(feature) }
            for (name, value) in values {
                let index = api.OGR_FD_GetFieldIndex(definition, name)
                if index >= 0 { api.OGR_F_SetFieldString(feature, index, value) }
            }
            let useAsDefault = api.OGR_FD_GetFieldIndex(definition, "useAsDefault")
            if useAsDefault >= 0 { api.OGR_F_SetFieldInteger64(feature, useAsDefault, 1) }
            guard api.OGR_L_CreateFeature(table, feature) == OGRERR_NONE else {
                throw .cannotWrite(destination: shown, layer: Self.styleTable, reason: gdal.lastError(or: "a style was refused"))
            }
        }
    }
}

private extension Optional<String> {
    func withOptionalCString<Result>(_ body: (UnsafePointer<CChar>?) -> Result) -> Result {
        switch self {
        case let .some(text): text.withCString(body)
        case .none: body(nil)
        }
    }
}
