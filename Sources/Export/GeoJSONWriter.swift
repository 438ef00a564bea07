import GeoModel

/// Writes features as an RFC 7946 GeoJSON FeatureCollection.
///
/// Positions are `[longitude, latitude]` rounded to `decimals` places;
/// polygon exteriors run counter-clockwise and holes clockwise; every
/// feature and the collection carry a `bbox`. Output is deterministic:
/// the same features give the same bytes.
public struct GeoJSONWriter: Sendable {
    /// Decimal places for coordinates (6 ≈ 0.1 m).
    public var decimals: Int

    public init(decimals: Int = 6) {
        self.decimals = decimals
    }

    /// The FeatureCollection text, one feature per line, ending in a newline.
    public func document(_ features: [Feature]) -> String {
        let boxes = features.compactMap { BoundingBox(covering: $0.shape.allCoordinates) }
        var text = "{\"type\":\"FeatureCollection\""
        if let first = boxes.first {
            text += ",\"bbox\":" + bbox(boxes.dropFirst().reduce(first) { $0.union($1) })
        }
        text += ",\"features\":["
        for (index, feature) in features.enumerated() {
            text += index == 0 ? "\n" : ",\n"
            text += encode(feature)
        }
        text += "\n]}\n"
        return text
    }

    /// One Feature object.
    public func encode(_ feature: Feature) -> String {
        var text = "{\"type\":\"Feature\""
        if let box = BoundingBox(covering: feature.shape.allCoordinates) {
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
        "[\(number(coordinate.longitude)),\(number(coordinate.latitude))]"
    }

    private func bbox(_ box: BoundingBox) -> String {
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
