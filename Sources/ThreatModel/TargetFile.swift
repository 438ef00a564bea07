import Foundation
import Gazetteer
import GeoModel
import GIS

/// Targets read from a file: names and coordinates, kept as two arrays so a
/// million of them stay small.
public struct TargetList: Sendable {
    public var names: [String] = []
    public var coordinates: [Coordinate] = []

    public init() {}

    public var count: Int { coordinates.count }

    public mutating func append(name: String, coordinate: Coordinate) {
        names.append(name)
        coordinates.append(coordinate)
    }

    /// Makes room for `count` targets.
    public mutating func reserve(_ count: Int) {
        names.reserveCapacity(count)
        coordinates.reserveCapacity(count)
    }

    /// The targets as places of kind `coordinate`, each crediting `source`
    /// (the file's name).
    public func places(source: String) -> [Place] {
        (0..<count).map { index in
            Place(name: names[index], coordinate: coordinates[index], kind: .coordinate, country: "", source: source)
        }
    }

    /// Empties the list, keeping its storage for the next chunk.
    public mutating func removeAll() {
        names.removeAll(keepingCapacity: true)
        coordinates.removeAll(keepingCapacity: true)
    }
}

/// Reads target files: CSV with a header naming `name`, `lat`/`latitude`
/// and `lon`/`lng`/`longitude` columns (others ignored), or GeoJSON points.
public enum TargetFile {
    /// Largest CSV line accepted, bytes.
    public static let maximumLineLength = 64 * 1024
    /// Most targets one file may hold (about 1 GB of names and points in memory).
    public static let maximumTargets = 20_000_000

    /// Reads `url` by its extension (`.csv`, `.geojson`/`.json`).
    /// - Throws: `ThreatModelError.badData` naming `file:line` and the problem
    ///   (bad number, latitude out of range, NaN, wrong field count),
    ///   `ThreatModelError.file` when it cannot be read.
    public static func read(_ url: URL) throws(ThreatModelError) -> TargetList {
        let lowered = url.pathExtension.lowercased()
        if lowered == "geojson" || lowered == "json" { return try readGeoJSON(url) }
        return try readCSV(url)
    }

    /// Every target of `url` as a place crediting the file's name.
    /// - Throws: as `read`.
    public static func places(in url: URL) throws(ThreatModelError) -> [Place] {
        if GISInput.reads(url.path, selection: LayerSelection()) { return try GISInput.targets(VectorSource(path: url.path)) }
        return try read(url).places(source: url.lastPathComponent)
    }

    /// Streams the features into the columns: no list of features is held.
    static func readGeoJSON(_ url: URL) throws(ThreatModelError) -> TargetList {
        var list = TargetList()
        var notPoint: Int?
        let fileName = url.lastPathComponent
        do throws(GeoJSONError) {
            try GeoJSONReader().forEachFeature(contentsOf: url) { feature in
                let index = list.count
                guard case let .point(point) = feature.shape else {
                    notPoint = index + 1
                    return false
                }
                var name: String?
                for key in ["name", "target", "site", "Name", "NAME"] {
                    if case let .string(text)? = feature[property: key], !text.isEmpty {
                        name = text
                        break
                    }
                }
                list.append(name: name ?? "\(fileName) feature \(index + 1)", coordinate: point)
                return true
            }
        } catch {
            throw .reading(error)
        }
        if let notPoint {
            throw .badData(source: url.path, line: 0, reason: "feature \(notPoint) is not a Point; targets must be points")
        }
        guard list.count > 0 else { throw .badData(source: url.path, line: 0, reason: "the file holds no features; expected Point features") }
        return list
    }

    static func readCSV(_ url: URL) throws(ThreatModelError) -> TargetList {
        var list = TargetList()
        try TargetCSVReader(url: url).forEachChunk { chunk in
            list.names += chunk.names
            list.coordinates += chunk.coordinates
        }
        return list
    }
}
