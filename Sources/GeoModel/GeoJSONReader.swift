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
        return try read(data, source: url.path)
    }

    /// Reads GeoJSON text; `source` names it in errors.
    public func read(_ data: Data, source: String) throws(GeoJSONError) -> [Feature] {
        let depth = Self.nestingDepth(of: data)
        guard depth <= maximumDepth else {
            throw .malformed(source: source, path: "$", reason: "nesting depth \(depth) is over the limit of \(maximumDepth)")
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw .malformed(source: source, path: "$", reason: "not valid JSON (\(Self.reason(error)))")
        }
        let parser = Parser(source: source)
        return try parser.features(json, path: "$")
    }

    /// Deepest bracket nesting outside strings (a cheap scan before parsing).
    static func nestingDepth(of data: Data) -> Int {
        var depth = 0, deepest = 0
        var inString = false, escaped = false
        for byte in data {
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
        return deepest
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
    }

    private struct Parser {
        let source: String

        func fail(_ path: String, _ reason: String) -> GeoJSONError {
            .malformed(source: source, path: path, reason: reason)
        }

        func features(_ json: Any, path: String) throws(GeoJSONError) -> [Feature] {
            guard let object = json as? [String: Any] else { throw fail(path, "expected a GeoJSON object") }
            guard let type = object["type"] as? String else { throw fail(path + ".type", "missing 'type'") }
            switch type {
            case "FeatureCollection":
                guard let list = object["features"] as? [Any] else {
                    throw fail(path + ".features", "expected an array of features")
                }
                var result = [Feature]()
                for (index, item) in list.enumerated() {
                    result += try features(item, path: "\(path).features[\(index)]")
                }
                return result
            case "Feature":
                let properties = try self.properties(object["properties"], path: path + ".properties")
                guard let geometry = object["geometry"], !(geometry is NSNull) else { return [] }
                return try shapes(geometry, path: path + ".geometry").map { Feature(shape: $0, properties: properties) }
            default:
                return try shapes(object, path: path).map { Feature(shape: $0) }
            }
        }

        func properties(_ json: Any?, path: String) throws(GeoJSONError) -> [(name: String, value: PropertyValue)] {
            guard let json, !(json is NSNull) else { return [] }
            guard let object = json as? [String: Any] else { throw fail(path, "expected an object or null") }
            return object.keys.sorted().map { key in (key, Self.value(object[key] as Any)) }
        }

        static func value(_ json: Any) -> PropertyValue {
            switch json {
            case let number as NSNumber:
                // JSONSerialization marks booleans with type code "c", integers "i"/"q", reals "d".
                switch String(cString: number.objCType) {
                case "c": return .bool(number.boolValue)
                case "d", "f": return .number(number.doubleValue)
                default: return .integer(number.intValue)
                }
            case let text as String: return .string(text)
            case is NSNull: return .null
            default:
                let data = (try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])) ?? Data()
                return .string(String(decoding: data, as: UTF8.self))
            }
        }

        func shapes(_ json: Any, path: String) throws(GeoJSONError) -> [Shape] {
            guard let object = json as? [String: Any] else { throw fail(path, "expected a geometry object") }
            guard let type = object["type"] as? String else { throw fail(path + ".type", "missing 'type'") }
            if type == "GeometryCollection" {
                guard let members = object["geometries"] as? [Any] else {
                    throw fail(path + ".geometries", "expected an array")
                }
                var result = [Shape]()
                for (index, member) in members.enumerated() { result += try shapes(member, path: "\(path).geometries[\(index)]") }
                return result
            }
            let at = path + ".coordinates"
            guard let coordinates = object["coordinates"] else { throw fail(at, "missing 'coordinates'") }
            switch type {
            case "Point":
                return [.point(try position(coordinates, path: at))]
            case "MultiPoint":
                return try list(coordinates, path: at).enumerated().map { index, item throws(GeoJSONError) in
                    .point(try position(item, path: "\(at)[\(index)]"))
                }
            case "LineString":
                return [.lineString(LineString(try line(coordinates, path: at)))]
            case "MultiLineString":
                return try list(coordinates, path: at).enumerated().map { index, item throws(GeoJSONError) in
                    .lineString(LineString(try line(item, path: "\(at)[\(index)]")))
                }
            case "Polygon":
                return [.polygon(try polygon(coordinates, path: at))]
            case "MultiPolygon":
                let parts = try list(coordinates, path: at).enumerated().map { index, item throws(GeoJSONError) in
                    try polygon(item, path: "\(at)[\(index)]")
                }
                return [.multiPolygon(MultiPolygon(parts))]
            default:
                throw fail(path + ".type", "unknown geometry type '\(type)'")
            }
        }

        func list(_ json: Any, path: String) throws(GeoJSONError) -> [Any] {
            guard let array = json as? [Any] else { throw fail(path, "expected an array") }
            return array
        }

        func position(_ json: Any, path: String) throws(GeoJSONError) -> Coordinate {
            guard let array = json as? [Any], array.count >= 2,
                  let longitude = (array[0] as? NSNumber)?.doubleValue,
                  let latitude = (array[1] as? NSNumber)?.doubleValue
            else { throw fail(path, "expected a position [longitude, latitude]") }
            do {
                return try Coordinate(validatingLatitude: latitude, longitude: longitude)
            } catch {
                throw fail(path, error.description)
            }
        }

        func line(_ json: Any, path: String) throws(GeoJSONError) -> [Coordinate] {
            let items = try list(json, path: path)
            guard items.count >= 2 else { throw fail(path, "a line needs at least 2 positions") }
            return try items.enumerated().map { index, item throws(GeoJSONError) in try position(item, path: "\(path)[\(index)]") }
        }

        func ring(_ json: Any, path: String) throws(GeoJSONError) -> Ring {
            let positions = try line(json, path: path)
            guard positions.count >= 4 else { throw fail(path, "a ring needs at least 4 positions") }
            guard positions.first == positions.last else { throw fail(path, "the ring is not closed (first and last positions differ)") }
            return positions
        }

        func polygon(_ json: Any, path: String) throws(GeoJSONError) -> Polygon {
            let rings = try list(json, path: path)
            guard !rings.isEmpty else { throw fail(path, "a polygon needs an exterior ring") }
            let parsed = try rings.enumerated().map { index, item throws(GeoJSONError) in try ring(item, path: "\(path)[\(index)]") }
            return Polygon(exterior: parsed[0], holes: Array(parsed.dropFirst()))
        }
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
