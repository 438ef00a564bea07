import GeoModel

/// Writes features as an RFC 7946 GeoJSON FeatureCollection, or as
/// newline-delimited GeoJSON (one Feature per line, no record separator).
///
/// Positions are `[longitude, latitude]` rounded to `decimals` places, with
/// longitudes reduced to [-180, 180]; polygon exteriors run
/// counter-clockwise and holes clockwise; every feature and the collection
/// carry a `bbox`, which crosses the antimeridian (west > east) when that
/// is the tighter box (RFC 7946 §5.2). Output is deterministic: the same
/// features give the same bytes.
public struct GeoJSONWriter: Sendable {
    /// Decimal places for coordinates (6 ≈ 0.1 m).
    public var decimals: Int

    /// Decimal places `--precision` accepts.
    public static let decimalRange = 0...15

    public init(decimals: Int = 6) {
        self.decimals = min(max(decimals, Self.decimalRange.lowerBound), Self.decimalRange.upperBound)
    }

    /// The FeatureCollection text, one feature per line, ending in a newline.
    public func document(_ features: [Feature]) -> String {
        var text = "{\"type\":\"FeatureCollection\""
        if let box = GeoBounds(features.map(\.shape)) {
            text += ",\"bbox\":" + bbox(box)
        }
        text += ",\"features\":["
        for (index, feature) in features.enumerated() {
            text += index == 0 ? "\n" : ",\n"
            text += encode(feature)
        }
        text += "\n]}\n"
        return text
    }

    /// Newline-delimited GeoJSON (`.geojsonl`): each feature on its own
    /// line, as GDAL's GeoJSONSeq driver and `jq -c` read it. RFC 8142's
    /// record separator (0x1E) is not written.
    public func lines(_ features: [Feature]) -> String {
        features.map { encode($0) + "\n" }.joined()
    }

    /// One Feature object.
    public func encode(_ feature: Feature) -> String {
        var text = "{\"type\":\"Feature\""
        if let box = GeoBounds([feature.shape]) {
            text += ",\"bbox\":" + bbox(box)
        }
        text += ",\"geometry\":" + geometry(feature.shape)
        text += ",\"properties\":{"
        text += feature.properties.map { JSONText.quoted($0.name) + ":" + value($0.value) }.joined(separator: ",")
        text += "}}"
        return text
    }

    func geometry(_ shape: Shape) -> String {
        switch shape {
        case let .point(point):
            return "{\"type\":\"Point\",\"coordinates\":\(position(point))}"
        case let .lineString(line):
            return "{\"type\":\"LineString\",\"coordinates\":\(positions(line.coordinates))}"
        case let .polygon(polygon):
            return "{\"type\":\"Polygon\",\"coordinates\":\(rings(polygon.rfc7946Oriented))}"
        case let .multiPolygon(multi):
            let parts = multi.polygons.map { rings($0.rfc7946Oriented) }.joined(separator: ",")
            return "{\"type\":\"MultiPolygon\",\"coordinates\":[\(parts)]}"
        }
    }

    private func rings(_ polygon: Polygon) -> String {
        "[" + ([polygon.exterior] + polygon.holes).map(positions).joined(separator: ",") + "]"
    }

    private func positions(_ coordinates: [Coordinate]) -> String {
        "[" + coordinates.map(position).joined(separator: ",") + "]"
    }

    private func position(_ coordinate: Coordinate) -> String {
        "[\(number(GeoBounds.longitudeInRange(coordinate.longitude))),\(number(coordinate.latitude))]"
    }

    private func bbox(_ box: GeoBounds) -> String {
        "[\(number(box.west)),\(number(box.south)),\(number(box.east)),\(number(box.north))]"
    }

    private func number(_ value: Double) -> String {
        NumberText.format(value, decimals: decimals)
    }

    private func value(_ value: PropertyValue) -> String {
        switch value {
        case let .string(text): JSONText.quoted(text)
        case let .number(number): number.isFinite ? NumberText.format(number, decimals: 3) : "null"
        case let .integer(integer): String(integer)
        case let .bool(flag): flag ? "true" : "false"
        case .null: "null"
        }
    }
}

/// An RFC 7946 bounding box: `west > east` when the box crosses the
/// antimeridian (§5.2); a box around a pole spans -180 to 180 (§5.3).
public struct GeoBounds: Hashable, Sendable {
    public var west, south, east, north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// Whether the box crosses the antimeridian.
    public var crossesAntimeridian: Bool { west > east }

    /// The tightest box around `shapes`, or nil when they hold no position.
    ///
    /// Each edge covers the longitudes between its ends (edges are straight
    /// in longitude/latitude and never cross ±180 in cut shapes). Of the
    /// longitudes no edge covers, the widest gap on the circle is left out
    /// of the box: when that gap is not the one at ±180, the box crosses
    /// the antimeridian.
    public init?(_ shapes: [Shape]) {
        var intervals = [(Double, Double)]()
        var south = Double.infinity, north = -Double.infinity
        func add(_ path: [Coordinate]) {
            for (index, coordinate) in path.enumerated() {
                south = min(south, coordinate.latitude)
                north = max(north, coordinate.latitude)
                let longitude = Self.longitudeInRange(coordinate.longitude)
                if index == 0 || path.count == 1 {
                    intervals.append((longitude, longitude))
                } else {
                    let previous = Self.longitudeInRange(path[index - 1].longitude)
                    intervals.append((min(previous, longitude), max(previous, longitude)))
                }
            }
        }
        for shape in shapes {
            switch shape {
            case let .point(point): add([point])
            case let .lineString(line): add(line.coordinates)
            case let .polygon(polygon): ([polygon.exterior] + polygon.holes).forEach(add)
            case let .multiPolygon(multi): multi.polygons.forEach { ([$0.exterior] + $0.holes).forEach(add) }
            }
        }
        guard !intervals.isEmpty else { return nil }
        intervals.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var merged = [intervals[0]]
        for interval in intervals.dropFirst() {
            if interval.0 <= merged[merged.count - 1].1 {
                merged[merged.count - 1].1 = max(merged[merged.count - 1].1, interval.1)
            } else {
                merged.append(interval)
            }
        }
        let first = merged[0], last = merged[merged.count - 1]
        // The gap across ±180 (zero when both -180 and 180 are covered).
        let wrapGap = (first.0 + 360) - last.1
        var widest = (size: wrapGap, west: first.0, east: last.1)
        for index in merged.indices.dropFirst() {
            let gap = merged[index].0 - merged[index - 1].1
            if gap > widest.size { widest = (gap, merged[index].0, merged[index - 1].1) }
        }
        if widest.size <= 0 { widest = (0, -180, 180) }
        self.init(west: widest.west, south: south, east: widest.east, north: north)
    }

    /// `longitude` reduced to [-180, 180], keeping +180 as it is.
    public static func longitudeInRange(_ longitude: Double) -> Double {
        (-180...180).contains(longitude) ? longitude : Coordinate.normalizedLongitude(longitude)
    }

    /// Whether the box holds `coordinate` (honouring a crossing).
    public func contains(_ coordinate: Coordinate) -> Bool {
        guard (south...north).contains(coordinate.latitude) else { return false }
        let longitude = Self.longitudeInRange(coordinate.longitude)
        return crossesAntimeridian ? (longitude >= west || longitude <= east) : (west...east).contains(longitude)
    }
}
