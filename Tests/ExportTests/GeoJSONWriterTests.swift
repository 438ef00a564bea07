import Export
import Foundation
import GeoModel
import Testing

/// A parsed GeoJSON document, read back with `JSONSerialization` only.
private struct ParsedDocument {
    let root: [String: Any]

    init(_ text: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        root = try #require(object as? [String: Any], "the document is not a JSON object")
    }

    var features: [[String: Any]] {
        get throws { try #require(root["features"] as? [[String: Any]], "no features array") }
    }

    func feature(_ index: Int) throws -> [String: Any] {
        let features = try features
        try #require(index < features.count, "no feature \(index)")
        return features[index]
    }
}

/// `[lon, lat]` JSON positions as pairs of doubles.
private func positions(_ value: Any?) throws -> [(lon: Double, lat: Double)] {
    let array = try #require(value as? [[Double]], "not an array of positions: \(String(describing: value))")
    return try array.map { pair in
        try #require(pair.count == 2, "a position must hold exactly two numbers: \(pair)")
        return (pair[0], pair[1])
    }
}

/// Twice the signed area (shoelace) of a closed ring of `[lon, lat]` positions:
/// positive when the ring runs counter-clockwise.
private func signedDoubleArea(_ ring: [(lon: Double, lat: Double)]) -> Double {
    var sum = 0.0
    for index in 0..<(ring.count - 1) {
        sum += ring[index].lon * ring[index + 1].lat - ring[index + 1].lon * ring[index].lat
    }
    return sum
}

private func coordinate(_ latitude: Double, _ longitude: Double) -> Coordinate {
    Coordinate(latitude: latitude, longitude: longitude)
}

/// A clockwise square (north, east, south, west in lon/lat) from (33, 44) to (34, 45).
private let clockwiseExterior: Ring = [
    coordinate(33, 44), coordinate(34, 44), coordinate(34, 45), coordinate(33, 45), coordinate(33, 44),
]

/// A counter-clockwise square inside `clockwiseExterior` (binary-exact coordinates,
/// so its shoelace area is exact).
private let counterClockwiseHole: Ring = [
    coordinate(33.25, 44.25), coordinate(33.25, 44.75), coordinate(33.75, 44.75), coordinate(33.75, 44.25),
    coordinate(33.25, 44.25),
]

@Suite("GeoJSONWriter")
struct GeoJSONWriterTests {
    @Test("the document is a FeatureCollection that JSONSerialization parses")
    func featureCollectionParses() throws {
        let features = [
            Feature(shape: .point(coordinate(33.34058, 44.40088)), properties: [("name", .string("Baghdad"))]),
            Feature(shape: .polygon(Polygon(exterior: clockwiseExterior)), properties: [("range_km", .number(700))]),
        ]
        let text = GeoJSONWriter().document(features)
        let document = try ParsedDocument(text)
        #expect(document.root["type"] as? String == "FeatureCollection")
        let parsed = try document.features
        #expect(parsed.count == 2)
        for feature in parsed {
            #expect(feature["type"] as? String == "Feature")
            #expect(feature["geometry"] is [String: Any])
            #expect(feature["properties"] is [String: Any])
        }
        #expect(text.hasSuffix("]}\n"))
        // One feature per line between the opening and closing lines.
        #expect(text.split(separator: "\n").count == features.count + 2)
    }

    @Test("an empty collection is still valid JSON with an empty features array")
    func emptyCollection() throws {
        let document = try ParsedDocument(GeoJSONWriter().document([]))
        #expect(document.root["type"] as? String == "FeatureCollection")
        #expect(try document.features.isEmpty)
    }

    @Test("the collection and every feature carry a bbox [west, south, east, north]")
    func boundingBoxes() throws {
        let square = Polygon(exterior: [
            coordinate(-5, 10), coordinate(-5, 20), coordinate(5, 20), coordinate(5, 10), coordinate(-5, 10),
        ])
        let features = [
            Feature(shape: .point(coordinate(33, 44))),
            Feature(shape: .polygon(square)),
            Feature(shape: .lineString(LineString([coordinate(-12.5, 7), coordinate(-2, 8.25)]))),
        ]
        let document = try ParsedDocument(GeoJSONWriter().document(features))
        #expect(document.root["bbox"] as? [Double] == [7, -12.5, 44, 33])
        #expect(try document.feature(0)["bbox"] as? [Double] == [44, 33, 44, 33])
        #expect(try document.feature(1)["bbox"] as? [Double] == [10, -5, 20, 5])
        #expect(try document.feature(2)["bbox"] as? [Double] == [7, -12.5, 8.25, -2])
    }

    @Test("a clockwise exterior comes out counter-clockwise, a counter-clockwise hole clockwise")
    func polygonWinding() throws {
        let polygon = Polygon(exterior: clockwiseExterior, holes: [counterClockwiseHole])
        #expect(RingGeometry.signedDoubleArea(clockwiseExterior) < 0, "fixture exterior must be clockwise")
        #expect(RingGeometry.signedDoubleArea(counterClockwiseHole) > 0, "fixture hole must be counter-clockwise")

        let document = try ParsedDocument(GeoJSONWriter().document([Feature(shape: .polygon(polygon))]))
        let geometry = try #require(try document.feature(0)["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "Polygon")
        let rings = try #require(geometry["coordinates"] as? [Any])
        try #require(rings.count == 2)
        let exterior = try positions(rings[0])
        let hole = try positions(rings[1])
        #expect(signedDoubleArea(exterior) == 2.0)
        #expect(signedDoubleArea(hole) == -0.5)
        // Same vertices, reversed: nothing else changed.
        #expect(exterior.map(\.lon) == clockwiseExterior.reversed().map(\.longitude))
        #expect(exterior.map(\.lat) == clockwiseExterior.reversed().map(\.latitude))
        #expect(hole.map(\.lon) == counterClockwiseHole.reversed().map(\.longitude))
        #expect(hole.map(\.lat) == counterClockwiseHole.reversed().map(\.latitude))
    }

    @Test("rings already in RFC 7946 order keep their vertex order")
    func correctWindingUnchanged() throws {
        let exterior = Array(clockwiseExterior.reversed())
        let hole = Array(counterClockwiseHole.reversed())
        let document = try ParsedDocument(GeoJSONWriter().document([
            Feature(shape: .polygon(Polygon(exterior: exterior, holes: [hole]))),
        ]))
        let geometry = try #require(try document.feature(0)["geometry"] as? [String: Any])
        let rings = try #require(geometry["coordinates"] as? [Any])
        try #require(rings.count == 2)
        #expect(try positions(rings[0]).map(\.lat) == exterior.map(\.latitude))
        #expect(try positions(rings[1]).map(\.lon) == hole.map(\.longitude))
    }

    @Test("every polygon of a MultiPolygon is oriented")
    func multiPolygonWinding() throws {
        let east = Polygon(exterior: clockwiseExterior.map { coordinate($0.latitude, $0.longitude + 10) })
        let multi = MultiPolygon([Polygon(exterior: clockwiseExterior, holes: [counterClockwiseHole]), east])
        let document = try ParsedDocument(GeoJSONWriter().document([Feature(shape: .multiPolygon(multi))]))
        let geometry = try #require(try document.feature(0)["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "MultiPolygon")
        let polygons = try #require(geometry["coordinates"] as? [[Any]])
        try #require(polygons.count == 2)
        try #require(polygons[0].count == 2)
        try #require(polygons[1].count == 1)
        #expect(signedDoubleArea(try positions(polygons[0][0])) > 0)
        #expect(signedDoubleArea(try positions(polygons[0][1])) < 0)
        #expect(signedDoubleArea(try positions(polygons[1][0])) > 0)
    }

    @Test("positions are [longitude, latitude]")
    func axisOrder() throws {
        let document = try ParsedDocument(GeoJSONWriter().document([
            Feature(shape: .point(coordinate(33.5, 44.25))),
            Feature(shape: .lineString(LineString([coordinate(-33.92, 18.42), coordinate(64.8, -179.7)]))),
        ]))
        let point = try #require(try document.feature(0)["geometry"] as? [String: Any])
        #expect(point["type"] as? String == "Point")
        #expect(point["coordinates"] as? [Double] == [44.25, 33.5])
        let line = try #require(try document.feature(1)["geometry"] as? [String: Any])
        #expect(line["type"] as? String == "LineString")
        #expect(line["coordinates"] as? [[Double]] == [[18.42, -33.92], [-179.7, 64.8]])
    }

    @Test("coordinates are rounded to 6 decimals by default, without trailing zeros or -0")
    func sixDecimalsByDefault() throws {
        let text = GeoJSONWriter().document([
            Feature(shape: .point(coordinate(33.9876543, 44.1234567))),
            Feature(shape: .point(coordinate(-0.0000001, 44.15))),
        ])
        #expect(text.contains("[44.123457,33.987654]"))
        #expect(!text.contains("44.1234567"))
        #expect(text.contains("[44.15,0]"))
        #expect(!text.contains("-0]"))
        #expect(!text.contains("44.150000"))
        let document = try ParsedDocument(text)
        let geometry = try #require(try document.feature(0)["geometry"] as? [String: Any])
        #expect(geometry["coordinates"] as? [Double] == [44.123457, 33.987654])
    }

    @Test("decimals: 3 rounds coordinates and boxes to 3 places")
    func threeDecimals() throws {
        let writer = GeoJSONWriter(decimals: 3)
        #expect(writer.decimals == 3)
        let text = writer.document([Feature(shape: .point(coordinate(33.9876543, 44.1234567)))])
        #expect(text.contains("\"coordinates\":[44.123,33.988]"))
        #expect(text.contains("\"bbox\":[44.123,33.988,44.123,33.988]"))
        #expect(!text.contains("44.1234"))
    }

    @Test("property values keep their JSON types and their order")
    func propertyTypes() throws {
        let feature = Feature(shape: .point(coordinate(1, 2)), properties: [
            ("site", .string("Jurf al-Sakhar")),
            ("missile", .null),
            ("range_km", .number(700)),
            ("min_range_km", .number(12.3456)),
            ("count", .integer(-42)),
            ("in_range", .bool(true)),
            ("nowhere", .number(.nan)),
        ])
        let text = GeoJSONWriter().encode(feature)
        #expect(text.contains(
            #""properties":{"site":"Jurf al-Sakhar","missile":null,"range_km":700,"min_range_km":12.346,"count":-42,"in_range":true,"nowhere":null}"#
        ))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let properties = try #require(object["properties"] as? [String: Any])
        #expect(properties["site"] as? String == "Jurf al-Sakhar")
        #expect(properties["missile"] is NSNull)
        #expect(properties["range_km"] as? Double == 700)
        #expect(properties["count"] as? Int == -42)
    }

    @Test("strings with quotes, backslashes, newlines, markup and control characters survive a JSON round trip")
    func stringEscaping() throws {
        let awkward = [
            #"He said "700 km" \ not \"more\""#,
            "line one\nline two\r\nline three\ttabbed",
            "</script><script>alert(1)</script>",
            "bell \u{07} null \u{00} escape \u{1B} unit \u{1F} delete \u{7F}",
            "separators \u{2028} and \u{2029}",
            "كربلاء · Karbalā' · 🚀",
        ]
        let features = awkward.enumerated().map { index, text in
            Feature(shape: .point(coordinate(Double(index), 0)), properties: [
                ("name", .string(text)), ("key \"\(index)\"\n\\", .string(text)),
            ])
        }
        let text = GeoJSONWriter().document(features)
        let document = try ParsedDocument(text)
        let parsed = try document.features
        try #require(parsed.count == awkward.count)
        for (index, original) in awkward.enumerated() {
            let properties = try #require(parsed[index]["properties"] as? [String: Any])
            #expect(properties["name"] as? String == original)
            #expect(properties["key \"\(index)\"\n\\"] as? String == original)
        }
        // Raw control characters never appear in the text (RFC 8259 forbids them in strings).
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test("the same features give the same bytes")
    func deterministic() {
        func features() -> [Feature] {
            [
                Feature(shape: .polygon(Polygon(exterior: clockwiseExterior, holes: [counterClockwiseHole])),
                        properties: [("site", .string("a")), ("range_km", .number(700.123456))]),
                Feature(shape: .point(coordinate(-33.92, 18.42)), properties: [("b", .bool(false))]),
            ]
        }
        let first = GeoJSONWriter().document(features())
        let second = GeoJSONWriter().document(features())
        #expect(first == second)
        #expect(Data(first.utf8) == Data(second.utf8))
    }
}
