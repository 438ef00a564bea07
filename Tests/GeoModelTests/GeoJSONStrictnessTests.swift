import Foundation
import GeoModel
import Testing

/// The byte-level GeoJSON reader: strict RFC 8259 with the line and column
/// of the byte at fault, members in any order, features streamed.
@Suite struct GeoJSONStrictnessTests {
    let reader = GeoJSONReader()

    func read(_ text: String) throws -> [Feature] {
        try reader.read(Data(text.utf8), source: "test.geojson")
    }

    static let point = #"{"type":"Point","coordinates":[44,33]}"#

    @Test(arguments: [
        (#"{"type":"Point","coordinates":[44,33],}"#, "line 1, column 39", "trailing ','"),
        (#"{"type":"Point","coordinates":[044,33]}"#, "line 1, column 32", "leading zero"),
        (#"{'type':"Point","coordinates":[44,33]}"#, "line 1, column 2", "member name in double quotes"),
        (#"{"type":"Point","coordinates":[NaN,33]}"#, "line 1, column 32", "expected a value"),
        ("{\"type\":\"Point\",\n// note\n\"coordinates\":[44,33]}", "line 2, column 1", "member name"),
        ("{\"type\":\"Po\tint\",\"coordinates\":[44,33]}", "line 1, column 12", "control character"),
        (#"{"type":"P\oint","coordinates":[44,33]}"#, "line 1, column 11", "invalid escape"),
        (#"{"type":"Point","name":"\ud800","coordinates":[44,33]}"#, "line 1", "lone surrogate"),
        (#"{"type":"Point","coordinates":[44,33]"#, "line 1, column 38", "end of the input"),
        (#"{"type":"Point","coordinates":[44,33]} {}"#, "line 1, column 40", "after the JSON value"),
        (#"{"type":"Point","coordinates":[44,1.]}"#, "line 1, column 37", "after '.'"),
        (#"{"type":"Point","coordinates":[44,1e]}"#, "line 1, column 37", "exponent"),
        ("{\"type\":\"Point\",\n  \"coordinates\":[44,33]\n  \"x\":1}", "line 3, column 3", "expected ',' or '}'"),
    ])
    func refusesWhatRFC8259Refuses(_ input: (String, String, String)) {
        do {
            _ = try read(input.0)
            Issue.record("accepted \(input.0)")
        } catch let GeoJSONError.malformed(source, path, reason) {
            #expect(source == "test.geojson")
            #expect(path == "$")
            #expect(reason.hasPrefix("not valid JSON at \(input.1)"), "\(reason)")
            #expect(reason.contains(input.2), "\(reason)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func refusesInvalidUTF8() {
        var bytes = Array(#"{"type":"Feature","properties":{"name":"X"#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#""},"geometry":{"type":"Point","coordinates":[44,33]}}"#.utf8)
        #expect(throws: GeoJSONError.self) { try reader.read(Data(bytes), source: "test.geojson") }
    }

    @Test func decodesEscapesAndKeepsNumbersExact() throws {
        let features = try read(#"""
        {"type":"Feature","properties":{"name":"Caf\u00e9 \ud83d\ude00 \"A\"\/B","big":12345678901234567,"tiny":-1.5e-3,"zero":-0},
         "geometry":{"type":"Point","coordinates":[4.4e1,0.33E2]}}
        """#)
        #expect(features.count == 1)
        #expect(features[0][property: "name"] == .string("Café 😀 \"A\"/B"))
        #expect(features[0][property: "big"] == .integer(12_345_678_901_234_567))
        #expect(features[0][property: "tiny"] == .number(-0.0015))
        #expect(features[0][property: "zero"] == .integer(0))
        #expect(features[0].shape == .point(Coordinate(latitude: 33, longitude: 44)))
    }

    @Test func nestedPropertiesBecomeCompactJSONWithSortedKeys() throws {
        let features = try read(#"""
        {"type":"Feature","properties":{"tags":{"z":[1, 2.5, "x"], "a":{"b":null,"a":true}}},"geometry":null,"extra":[1,{"q":2}]}
        """#)
        #expect(features.isEmpty, "a feature without geometry is skipped")
        let withGeometry = try read(#"""
        {"properties":{"tags":{"z":[1, 2.5, "x"], "a":{"b":null,"a":true}}},"geometry":{"coordinates":[1,2],"type":"Point"},"type":"Feature"}
        """#)
        #expect(withGeometry.first?[property: "tags"] == .string(#"{"a":{"a":true,"b":null},"z":[1,2.5,"x"]}"#))
    }

    @Test func membersMayComeInAnyOrder() throws {
        let features = try read(#"""
        {"features":[{"geometry":{"coordinates":[1,2],"type":"Point"},"type":"Feature","properties":{"name":"a"}},
                     {"type":"Feature","properties":{"name":"b"},"geometry":{"type":"Point","coordinates":[3,4]}}],
         "bbox":[1,2,3,4],"type":"FeatureCollection"}
        """#)
        #expect(features.map { $0[property: "name"] } == [.string("a"), .string("b")])
    }

    @Test func streamingStopsWhenAsked() throws {
        let text = #"{"type":"FeatureCollection","features":["# + Array(repeating: #"{"type":"Feature","properties":{},"geometry":"# + Self.point + "}", count: 5).joined(separator: ",") + "]}"
        var seen = 0
        try reader.forEachFeature(in: Data(text.utf8), source: "test.geojson") { _ in
            seen += 1
            return seen < 2
        }
        #expect(seen == 2)
    }

    @Test func aFeatureThatIsNotAnObjectNamesItsPath() {
        #expect(throws: GeoJSONError.malformed(source: "test.geojson", path: "$.features[1]", reason: "expected a GeoJSON object")) {
            try read(#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null},7]}"#)
        }
    }

    @Test func aBareArrayIsNoGeoJSONObject() {
        #expect(throws: GeoJSONError.malformed(source: "test.geojson", path: "$", reason: "expected a GeoJSON object")) {
            try read("[1, 2]")
        }
    }
}
