import Foundation

/// Walks a GeoJSON document token by token (`JSONScanner`) and hands each
/// feature on as soon as it is complete: the members a GeoJSON object may
/// have are gathered as they come (in any order), other members are checked
/// and skipped, and a FeatureCollection's features are never all held.
struct GeoJSONStreamReader {
    var scanner: JSONScanner
    let source: String
    let body: (Feature) -> Bool
    /// Set when `body` asked to stop.
    private var stopped = false

    init(scanner: JSONScanner, source: String, body: @escaping (Feature) -> Bool) {
        self.scanner = scanner
        self.source = source
        self.body = body
    }

    static let typeKey = Array("type".utf8), featuresKey = Array("features".utf8), geometryKey = Array("geometry".utf8)
    static let propertiesKey = Array("properties".utf8), coordinatesKey = Array("coordinates".utf8)
    static let geometriesKey = Array("geometries".utf8)

    /// Nested coordinate arrays as written.
    indirect enum Nested {
        case number(Double)
        case list([Nested])
        /// A string, object, boolean or null where a number or array belongs.
        case other
    }

    /// The members of one GeoJSON object that matter.
    struct Members {
        var type: String?
        var typeIsString = true
        var hasFeatures = false
        var featuresAreArray = true
        /// The `geometry` member, when it is an object (an array of at most one: a struct cannot hold itself).
        var geometry: [Members] = []
        var geometryIsObject = true
        var hasGeometry = false
        var properties: [(name: String, value: PropertyValue)] = []
        var propertiesAreObject = true
        var coordinates: Nested?
        var geometries: [Members]?
        var geometriesAreArray = true
        /// Features of a `features` member read before `type` said what the object is.
        var pendingFeatures: [Feature] = []
    }

    func fail(_ path: String, _ reason: String) -> GeoJSONError {
        .malformed(source: source, path: path, reason: reason)
    }

    func syntax(_ error: JSONScanner.SyntaxError) -> GeoJSONError {
        fail("$", "not valid JSON at \(scanner.location(of: error.offset)): \(error.message)")
    }

    // MARK: walking

    /// The whole document: one GeoJSON object.
    mutating func document() throws(GeoJSONError) {
        do {
            guard try scanner.peekValue() == .object else {
                try scanner.skipValue()
                try scanner.expectEnd()
                throw fail("$", "expected a GeoJSON object")
            }
            let members = try object(path: "$", featuresOf: true)
            try scanner.expectEnd()
            if !stopped { try emit(members, path: "$") }
        } catch let error as JSONScanner.SyntaxError {
            throw syntax(error)
        } catch let error as GeoJSONError {
            throw error
        } catch {
            throw fail("$", "\(error)")
        }
    }

    /// Reads one object's members. A FeatureCollection's features are
    /// handed on as they are read when `type` came first.
    /// - Parameter featuresOf: whether this object may be a FeatureCollection (the root).
    mutating func object(path: String, featuresOf: Bool) throws -> Members {
        var members = Members()
        try scanner.beginObject()
        while let key = try scanner.nextKey() {
            switch key {
            case Self.typeKey:
                if try scanner.peekValue() == .string { members.type = try scanner.string() } else {
                    try scanner.skipValue()
                    members.typeIsString = false
                }
            case Self.featuresKey where featuresOf:
                members.hasFeatures = true
                guard try scanner.peekValue() == .array else {
                    try scanner.skipValue()
                    members.featuresAreArray = false
                    continue
                }
                try scanner.beginArray()
                var index = 0
                while try scanner.nextElement() {
                    let at = "\(path).features[\(index)]"
                    index += 1
                    guard try scanner.peekValue() == .object else { throw fail(at, "expected a GeoJSON object") }
                    let feature = try object(path: at, featuresOf: false)
                    if stopped { continue }
                    if members.type == "FeatureCollection" {
                        try emit(feature, path: at)
                    } else {
                        try collect(feature, path: at, into: &members.pendingFeatures)
                    }
                }
            case Self.geometryKey:
                members.hasGeometry = true
                switch try scanner.peekValue() {
                case .object: members.geometry = [try object(path: path + ".geometry", featuresOf: false)]
                case .literal:
                    if try scanner.literal() == nil { members.hasGeometry = false } else { members.geometryIsObject = false }
                default:
                    try scanner.skipValue()
                    members.geometryIsObject = false
                }
            case Self.propertiesKey:
                switch try scanner.peekValue() {
                case .object: members.properties = try properties()
                case .literal:
                    if try scanner.literal() == nil { members.properties = [] } else { members.propertiesAreObject = false }
                default:
                    try scanner.skipValue()
                    members.propertiesAreObject = false
                }
            case Self.coordinatesKey:
                members.coordinates = try nested()
            case Self.geometriesKey:
                guard try scanner.peekValue() == .array else {
                    try scanner.skipValue()
                    members.geometriesAreArray = false
                    continue
                }
                var list = [Members]()
                try scanner.beginArray()
                while try scanner.nextElement() {
                    let at = "\(path).geometries[\(list.count)]"
                    guard try scanner.peekValue() == .object else { throw fail(at, "expected a geometry object") }
                    list.append(try object(path: at, featuresOf: false))
                }
                members.geometries = list
            default:
                try scanner.skipValue()
            }
        }
        return members
    }

    /// Coordinates as nested arrays of numbers.
    mutating func nested() throws -> Nested {
        switch try scanner.peekValue() {
        case .number: return .number(try scanner.number().value)
        case .array:
            var items = [Nested]()
            try scanner.beginArray()
            while try scanner.nextElement() { items.append(try nested()) }
            return .list(items)
        default:
            try scanner.skipValue()
            return .other
        }
    }

    /// A `properties` object, members sorted by name (a repeated name keeps its last value).
    mutating func properties() throws -> [(name: String, value: PropertyValue)] {
        var values = [String: PropertyValue]()
        try scanner.beginObject()
        while let key = try scanner.nextKey() {
            guard let name = String(validating: key, as: UTF8.self) else { throw scanner.error("invalid UTF-8 in a member name") }
            values[name] = try propertyValue()
        }
        return values.keys.sorted().map { ($0, values[$0]!) }
    }

    /// A property: strings, numbers, booleans and null as such; arrays and
    /// objects as their compact JSON text, keys sorted.
    mutating func propertyValue() throws -> PropertyValue {
        switch try scanner.peekValue() {
        case .string: return .string(try scanner.string())
        case .number:
            let number = try scanner.number()
            if let integer = number.integer { return .integer(integer) }
            return .number(number.value)
        case .literal:
            guard let flag = try scanner.literal() else { return .null }
            return .bool(flag)
        case .object, .array:
            var text = ""
            try compactJSON(into: &text)
            return .string(text)
        }
    }

    /// Re-writes one value as compact JSON with object keys sorted.
    mutating func compactJSON(into text: inout String) throws {
        switch try scanner.peekValue() {
        case .object:
            var members = [(String, String)]()
            try scanner.beginObject()
            while let key = try scanner.nextKey() {
                guard let name = String(validating: key, as: UTF8.self) else { throw scanner.error("invalid UTF-8 in a member name") }
                var value = ""
                try compactJSON(into: &value)
                members.append((name, value))
            }
            text += "{" + members.sorted { $0.0 < $1.0 }.map { JSONText.quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
        case .array:
            var items = [String]()
            try scanner.beginArray()
            while try scanner.nextElement() {
                var item = ""
                try compactJSON(into: &item)
                items.append(item)
            }
            text += "[" + items.joined(separator: ",") + "]"
        case .string: text += JSONText.quoted(try scanner.string())
        case .number:
            let number = try scanner.number()
            text += number.integer.map(String.init) ?? "\(number.value)"
        case .literal:
            text += (try scanner.literal()).map { $0 ? "true" : "false" } ?? "null"
        }
    }


    // MARK: interpreting

    /// Hands on the features an object stands for.
    mutating func emit(_ members: Members, path: String) throws(GeoJSONError) {
        var features = [Feature]()
        try collect(members, path: path, into: &features)
        for feature in features where !stopped {
            if !body(feature) { stopped = true }
        }
    }

    /// The features an object stands for: a FeatureCollection's (those not
    /// yet handed on), a Feature's, or a bare geometry's.
    func collect(_ members: Members, path: String, into features: inout [Feature]) throws(GeoJSONError) {
        guard members.typeIsString, let type = members.type else { throw fail(path + ".type", "missing 'type'") }
        switch type {
        case "FeatureCollection":
            guard members.hasFeatures, members.featuresAreArray else {
                throw fail(path + ".features", "expected an array of features")
            }
            features += members.pendingFeatures
        case "Feature":
            guard members.propertiesAreObject else { throw fail(path + ".properties", "expected an object or null") }
            guard members.hasGeometry else { return }
            guard members.geometryIsObject, let geometry = members.geometry.first else {
                throw fail(path + ".geometry", "expected a geometry object")
            }
            for shape in try shapes(geometry, path: path + ".geometry") {
                features.append(Feature(shape: shape, properties: members.properties))
            }
        default:
            for shape in try shapes(members, path: path) { features.append(Feature(shape: shape)) }
        }
    }

    func shapes(_ members: Members, path: String) throws(GeoJSONError) -> [Shape] {
        guard members.typeIsString, let type = members.type else { throw fail(path + ".type", "missing 'type'") }
        if type == "GeometryCollection" {
            guard members.geometriesAreArray, let list = members.geometries else {
                throw fail(path + ".geometries", "expected an array")
            }
            var result = [Shape]()
            for (index, member) in list.enumerated() { result += try shapes(member, path: "\(path).geometries[\(index)]") }
            return result
        }
        let at = path + ".coordinates"
        let known = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"]
        guard known.contains(type) else { throw fail(path + ".type", "unknown geometry type '\(type)'") }
        guard let coordinates = members.coordinates else { throw fail(at, "missing 'coordinates'") }
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
        default:
            let parts = try list(coordinates, path: at).enumerated().map { index, item throws(GeoJSONError) in
                try polygon(item, path: "\(at)[\(index)]")
            }
            return [.multiPolygon(MultiPolygon(parts))]
        }
    }

    func list(_ json: Nested, path: String) throws(GeoJSONError) -> [Nested] {
        guard case let .list(items) = json else { throw fail(path, "expected an array") }
        return items
    }

    func position(_ json: Nested, path: String) throws(GeoJSONError) -> Coordinate {
        guard case let .list(items) = json, items.count >= 2,
              case let .number(longitude) = items[0], case let .number(latitude) = items[1]
        else { throw fail(path, "expected a position [longitude, latitude]") }
        do {
            return try Coordinate(validatingLatitude: latitude, longitude: longitude)
        } catch {
            throw fail(path, error.description)
        }
    }

    func line(_ json: Nested, path: String) throws(GeoJSONError) -> [Coordinate] {
        let items = try list(json, path: path)
        guard items.count >= 2 else { throw fail(path, "a line needs at least 2 positions") }
        return try items.enumerated().map { index, item throws(GeoJSONError) in try position(item, path: "\(path)[\(index)]") }
    }

    func ring(_ json: Nested, path: String) throws(GeoJSONError) -> Ring {
        let positions = try line(json, path: path)
        guard positions.count >= 4 else { throw fail(path, "a ring needs at least 4 positions") }
        guard positions.first == positions.last else { throw fail(path, "the ring is not closed (first and last positions differ)") }
        return positions
    }

    func polygon(_ json: Nested, path: String) throws(GeoJSONError) -> Polygon {
        let rings = try list(json, path: path)
        guard !rings.isEmpty else { throw fail(path, "a polygon needs an exterior ring") }
        let parsed = try rings.enumerated().map { index, item throws(GeoJSONError) in try ring(item, path: "\(path)[\(index)]") }
        return Polygon(exterior: parsed[0], holes: Array(parsed.dropFirst()))
    }
}
