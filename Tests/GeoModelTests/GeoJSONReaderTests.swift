import Foundation
import GeoModel
import Testing

@Suite struct GeoJSONReaderTests {
    let reader = GeoJSONReader()

    func read(_ text: String) throws -> [Feature] {
        try reader.read(Data(text.utf8), source: "test.geojson")
    }

    @Test func readsAFeatureCollection() throws {
        let features = try read("""
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"Basra","pop":1326564,"share":0.5,"capital":false,"note":null},
           "geometry":{"type":"Point","coordinates":[47.7804,30.50852]}},
          {"type":"Feature","properties":null,"geometry":{"type":"Polygon","coordinates":[
            [[44,30],[48,30],[48,33],[44,33],[44,30]],[[45,31],[45,32],[46,32],[45,31]]]}},
          {"type":"Feature","properties":{},"geometry":null}
        ]}
        """)
        #expect(features.count == 2)
        #expect(features[0].shape == .point(Coordinate(latitude: 30.50852, longitude: 47.7804)))
        #expect(features[0][property: "name"] == .string("Basra"))
        #expect(features[0][property: "pop"] == .integer(1_326_564))
        #expect(features[0][property: "share"] == .number(0.5))
        #expect(features[0][property: "capital"] == .bool(false))
        #expect(features[0][property: "note"] == .null)
        guard case let .polygon(polygon) = features[1].shape else { Issue.record("not a polygon"); return }
        #expect(polygon.holes.count == 1)
        #expect(polygon.exterior[1] == Coordinate(latitude: 30, longitude: 48))
    }

    @Test func splitsMultiPartsAndCollections() throws {
        let features = try read("""
        {"type":"GeometryCollection","geometries":[
          {"type":"MultiPoint","coordinates":[[1,2],[3,4]]},
          {"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2],[3,3]]]},
          {"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}
        ]}
        """)
        #expect(features.count == 5)
        #expect(features[4].shape == .multiPolygon(MultiPolygon([Polygon(exterior: [
            .init(latitude: 0, longitude: 0), .init(latitude: 0, longitude: 1),
            .init(latitude: 1, longitude: 1), .init(latitude: 0, longitude: 0),
        ])])))
    }

    @Test(arguments: [
        ("{\"type\":\"Point\",\"coordinates\":[44,95]}", "$.coordinates", "latitude 95"),
        ("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}", "$.coordinates[0]", "not closed"),
        ("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}", "$.coordinates[0]", "at least 4"),
        ("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Circle\",\"coordinates\":[0,0]}}", "$.geometry.type", "Circle"),
        ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\"a\",1]}}]}",
         "$.features[0].geometry.coordinates", "position"),
        ("{\"type\":\"FeatureCollection\"}", "$.features", "array"),
        ("[1,2", "$", "not valid JSON"),
        ("{\"coordinates\":[0,0]}", "$.type", "missing"),
    ])
    func namesThePathOfTheProblem(_ input: (String, String, String)) {
        do {
            _ = try read(input.0)
            Issue.record("accepted \(input.0)")
        } catch let GeoJSONError.malformed(source, path, reason) {
            #expect(source == "test.geojson")
            #expect(path == input.1)
            #expect(reason.contains(input.2), "\(reason)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func refusesDeepNesting() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: GeoJSONError.malformed(source: "test.geojson", path: "$", reason: "nesting depth 100 is over the limit of 64")) {
            try read(deep)
        }
    }

    @Test func refusesOversizedAndMissingFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("geojson-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("big.geojson")
        try Data(repeating: 32, count: 2048).write(to: file)
        let small = GeoJSONReader(maximumFileSize: 1024)
        #expect(throws: GeoJSONError.self) { try small.read(contentsOf: file) }
        #expect(throws: GeoJSONError.unreadable(source: directory.appendingPathComponent("none.geojson").path, reason: "no such file")) {
            try reader.read(contentsOf: directory.appendingPathComponent("none.geojson"))
        }
    }
}
