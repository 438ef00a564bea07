import Export
import Foundation
import GeoModel
import Testing

private func coordinate(_ latitude: Double, _ longitude: Double) -> Coordinate {
    Coordinate(latitude: latitude, longitude: longitude)
}

private func box(_ west: Double, _ south: Double, _ east: Double, _ north: Double) -> Polygon {
    Polygon(exterior: [coordinate(south, west), coordinate(south, east), coordinate(north, east),
                       coordinate(north, west), coordinate(south, west)])
}

/// Two halves of a shape cut at ±180, as the library writes a ring across the antimeridian.
private let acrossAntimeridian = MultiPolygon([box(175, 60, 180, 66), box(-180, 60, -172, 66)])

/// A cap around the North Pole, closed along the pole.
private let polarCap = Polygon(exterior: [
    coordinate(70, -180), coordinate(70, -90), coordinate(70, 0), coordinate(70, 90), coordinate(70, 180),
    coordinate(90, 180), coordinate(90, -180), coordinate(70, -180),
])

@Suite("GeoJSON bounding boxes, lines and round trips")
struct GeoJSONInteropTests {
    @Test("a shape cut at ±180 gets a bbox crossing the antimeridian (RFC 7946 §5.2)")
    func antimeridianBox() throws {
        let bounds = try #require(GeoBounds([.multiPolygon(acrossAntimeridian)]))
        #expect(bounds == GeoBounds(west: 175, south: 60, east: -172, north: 66))
        #expect(bounds.crossesAntimeridian)
        #expect(bounds.contains(coordinate(63, 179)))
        #expect(bounds.contains(coordinate(63, -175)))
        #expect(!bounds.contains(coordinate(63, 0)))
        let text = GeoJSONWriter().encode(Feature(shape: .multiPolygon(acrossAntimeridian)))
        #expect(text.hasPrefix(#"{"type":"Feature","bbox":[175,60,-172,66]"#))
    }

    @Test("a shape around a pole spans -180 to 180 (RFC 7946 §5.3)")
    func polarBox() throws {
        #expect(GeoBounds([.polygon(polarCap)]) == GeoBounds(west: -180, south: 70, east: 180, north: 90))
    }

    @Test("the collection's box covers every feature, crossing when that is tighter")
    func collectionBox() throws {
        let features = [Feature(shape: .multiPolygon(acrossAntimeridian)), Feature(shape: .point(coordinate(50, 160)))]
        let root = try #require(try JSONSerialization.jsonObject(with: Data(GeoJSONWriter().document(features).utf8)) as? [String: Any])
        #expect(root["bbox"] as? [Double] == [160, 50, -172, 66])
        let plain = [Feature(shape: .point(coordinate(10, -10))), Feature(shape: .point(coordinate(20, 30)))]
        let second = try #require(try JSONSerialization.jsonObject(with: Data(GeoJSONWriter().document(plain).utf8)) as? [String: Any])
        #expect(second["bbox"] as? [Double] == [-10, 10, 30, 20])
    }

    @Test("longitudes come out in [-180, 180]")
    func longitudesInRange() throws {
        let text = GeoJSONWriter().document([Feature(shape: .point(coordinate(10, 190))), Feature(shape: .point(coordinate(10, -540)))])
        #expect(text.contains("[-170,10]"))
        #expect(text.contains("[180,10]") || text.contains("[-180,10]"))
        #expect(!text.contains("190"))
    }

    @Test("newline-delimited GeoJSON: one Feature per line, no record separator")
    func lines() throws {
        let features = [
            Feature(shape: .multiPolygon(acrossAntimeridian), properties: [("site", .string("a\nb"))]),
            Feature(shape: .point(coordinate(1, 2)), properties: [("name", .string("x"))]),
        ]
        let text = GeoJSONWriter().lines(features)
        #expect(!text.contains("\u{1E}"))
        #expect(text.hasSuffix("}\n"))
        let lines = text.split(separator: "\n")
        try #require(lines.count == 2)
        for (line, feature) in zip(lines, features) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["type"] as? String == "Feature")
            #expect(String(line) == GeoJSONWriter().encode(feature))
        }
        #expect(GeoJSONWriter().lines([]).isEmpty)
    }

    @Test("precision rounds positions and boxes; it is kept within 0...15")
    func precision() {
        let point = Feature(shape: .point(coordinate(33.123456789, 44.987654321)))
        #expect(GeoJSONWriter(decimals: 2).encode(point).contains("\"coordinates\":[44.99,33.12]"))
        #expect(GeoJSONWriter(decimals: 0).encode(point).contains("\"coordinates\":[45,33]"))
        #expect(GeoJSONWriter(decimals: 9).encode(point).contains("\"coordinates\":[44.987654321,33.123456789]"))
        #expect(GeoJSONWriter(decimals: 99).decimals == 15)
        #expect(GeoJSONWriter(decimals: -3).decimals == 0)
    }

    @Test("writer then GeoModel's reader gives back the features, rounded to the precision", arguments: [6, 3])
    func roundTrip(decimals: Int) throws {
        let holey = Polygon(exterior: box(40, 30, 46, 36).exterior, holes: [Array(box(42, 32, 43, 33).exterior.reversed())])
        let features = [
            Feature(shape: .multiPolygon(acrossAntimeridian), properties: [("site", .string("Anadyr")), ("range_km", .number(300.5))]),
            Feature(shape: .multiPolygon(MultiPolygon([holey, polarCap])), properties: [("missile", .null), ("count", .integer(2))]),
            Feature(shape: .point(coordinate(33.123456789, 44.987654321)), properties: [("in_range", .bool(true))]),
            Feature(shape: .lineString(LineString([coordinate(1.5, 2.25), coordinate(-3.125, 4)])), properties: []),
        ]
        let text = GeoJSONWriter(decimals: decimals).document(features)
        let read = try GeoJSONReader().read(Data(text.utf8), source: "round trip")
        try #require(read.count == features.count)
        let scale = pow(10, Double(decimals))
        func rounded(_ shape: Shape) -> [Coordinate] {
            shape.allCoordinates.map { Coordinate(latitude: ($0.latitude * scale).rounded() / scale,
                                                  longitude: ($0.longitude * scale).rounded() / scale) }
        }
        for (original, back) in zip(features, read) {
            // Rings come back in RFC 7946 order: compare the sets of vertices per ring orientation-free.
            #expect(Set(rounded(original.shape).map(\.description)) == Set(back.shape.allCoordinates.map(\.description)))
            switch (original.shape, back.shape) {
            case let (.multiPolygon(a), .multiPolygon(b)):
                #expect(a.polygons.count == b.polygons.count)
                #expect(zip(a.polygons, b.polygons).allSatisfy { $0.holes.count == $1.holes.count })
                for polygon in b.polygons {
                    #expect(RingGeometry.signedDoubleArea(polygon.exterior) > 0)
                    #expect(polygon.holes.allSatisfy { RingGeometry.signedDoubleArea($0) < 0 })
                }
            case (.point, .point), (.lineString, .lineString):
                break
            default:
                Issue.record("geometry type changed: \(original.shape) became \(back.shape)")
            }
            // Properties come back sorted by name (the reader sorts them), values equal.
            let expected = original.properties.sorted { $0.name < $1.name }
            #expect(back.properties.map(\.name) == expected.map(\.name))
            #expect(back.properties.map(\.value) == expected.map(\.value))
        }
    }
}
