import Foundation

/// Reads GeoJSON (RFC 7946) into features: a FeatureCollection, a single
/// Feature, or a bare geometry.
///
/// Points, LineStrings, Polygons and MultiPolygons are read as such;
/// MultiPoint and MultiLineString become one feature per part, and a
/// GeometryCollection one feature per member. Positions must be
/// `[longitude, latitude]` with latitude in [-90, 90]; rings must be closed
/// with at least four positions. Errors name the JSON path of the problem.
public struct GeoJSONReader: Sendable {
    /// Largest file `read(contentsOf:)` accepts, bytes.
    public var maximumFileSize: Int
    /// Deepest array/object nesting accepted.
    public var maximumDepth: Int

    public init(maximumFileSize: Int = 512 << 20, maximumDepth: Int = 64) {
        self.maximumFileSize = maximumFileSize
        self.maximumDepth = maximumDepth
    }

    /// Reads a GeoJSON file.
    /// - Throws: `GeoJSONError` naming the file and the JSON path at fault.
    public func read(contentsOf url: URL) throws(GeoJSONError) -> [Feature] {
        var features = [Feature]()
        try forEachFeature(contentsOf: url) { features.append($0); return true }
        return features
    }

    /// Reads a GeoJSON file feature by feature, without holding them all:
    /// memory is the file and one feature at a time. The file is read, not
    /// mapped: a mapped file truncated while it is parsed would end the
    /// process with SIGBUS instead of an error.
    /// - Parameter body: called with each feature in file order; return
    ///   false to stop reading.
    /// - Throws: `GeoJSONError` naming the file and the JSON path at fault.
    public func forEachFeature(contentsOf url: URL, _ body: (Feature) -> Bool) throws(GeoJSONError) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let size = attributes?[.size] as? NSNumber else {
            throw .unreadable(source: url.path, reason: "no such file")
        }
        guard size.intValue <= maximumFileSize else {
            throw .unreadable(source: url.path, reason: "\(size.intValue) bytes is over the \(maximumFileSize)-byte limit")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(source: url.path, reason: error.localizedDescription)
        }
        try forEachFeature(in: data, source: url.path, body)
    }

    /// Reads GeoJSON text; `source` names it in errors.
    public func read(_ data: Data, source: String) throws(GeoJSONError) -> [Feature] {
        var features = [Feature]()
        try forEachFeature(in: data, source: source) { features.append($0); return true }
        return features
    }

    /// Reads GeoJSON text feature by feature (see `forEachFeature(contentsOf:_:)`).
    public func forEachFeature(in data: Data, source: String, _ body: (Feature) -> Bool) throws(GeoJSONError) {
        let depth = Self.nestingDepth(of: data)
        guard depth <= maximumDepth else {
            throw .malformed(source: source, path: "$", reason: "nesting depth \(depth) is over the limit of \(maximumDepth)")
        }
        let result: Result<Void, GeoJSONError> = withoutActuallyEscaping(body) { body in
            data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                var reader = GeoJSONStreamReader(scanner: JSONScanner(bytes, maximumDepth: maximumDepth), source: source, body: body)
                do throws(GeoJSONError) {
                    try reader.document()
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
        }
        try result.get()
    }

    /// Deepest bracket nesting outside strings (a cheap scan before parsing).
    static func nestingDepth(of data: Data) -> Int {
        var depth = 0, deepest = 0
        var inString = false, escaped = false
        data.withUnsafeBytes { raw in
            for byte in raw {
                if inString {
                    if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    deepest = max(deepest, depth)
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
                default: break
                }
            }
        }
        return deepest
    }
}

/// Why GeoJSON could not be read.
public enum GeoJSONError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case unreadable(source: String, reason: String)
    /// `path` is a JSON path such as `$.features[3].geometry.coordinates[0]`.
    case malformed(source: String, path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(source, reason): "\(source): cannot read: \(reason)"
        case let .malformed(source, path, reason): "\(source): \(path): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
