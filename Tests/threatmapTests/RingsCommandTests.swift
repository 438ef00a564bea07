import Foundation
import Testing

/// A GeoJSON FeatureCollection read back with `JSONSerialization`.
private struct Collection {
    let root: [String: Any]
    let features: [[String: Any]]

    init(_ text: String) throws {
        root = try #require(try parseJSON(text) as? [String: Any], "not a JSON object")
        features = try #require(root["features"] as? [[String: Any]], "no features array")
        #expect(root["type"] as? String == "FeatureCollection")
    }

    func properties(_ index: Int) throws -> [String: Any] {
        try #require(index < features.count)
        return try #require(features[index]["properties"] as? [String: Any])
    }

    /// The polygons of feature `index` as rings of `[lon, lat]` positions.
    func polygons(_ index: Int) throws -> [[[[Double]]]] {
        try #require(index < features.count)
        let geometry = try #require(features[index]["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "MultiPolygon")
        return try #require(geometry["coordinates"] as? [[[[Double]]]], "not MultiPolygon coordinates")
    }
}

/// Reference values: GeographicLib Direct on WGS84 from Jurf al-Sakhar
/// (32.86667 N, 44.21389 E) along the meridian (computed with PROJ `geod`).
private enum JurfAlSakhar {
    static let latitude = 32.86667
    static let longitude = 44.21389
    /// 700 km due north and due south.
    static let north700 = 39.175264132, south700 = 26.551723995
    /// 100 km due north and due south.
    static let north100 = 33.768300904, south100 = 31.964908945
}

/// Checks the southernmost vertex latitude of a ring against the true
/// southernmost point `south` of its geodesic circle.
///
/// The first vertex is sampled due north, so the northernmost vertex is
/// exact; due south is not always a vertex. Every vertex lies on the circle,
/// so none is south of `south`, and the edge across due south sags by at
/// most the 10 m default tolerance, so the vertex is at most 10 m north
/// (one degree of latitude is at least 110 574 m).
private func expectSouthernmost(_ latitude: Double?, trueSouth south: Double,
                                sourceLocation: SourceLocation = #_sourceLocation) {
    guard let latitude else {
        Issue.record("no vertices", sourceLocation: sourceLocation)
        return
    }
    #expect(latitude >= south.rounded6, "vertex south of the circle", sourceLocation: sourceLocation)
    #expect(latitude - south <= 10 / 110_574 + 5e-7, "more than 10 m inside the circle", sourceLocation: sourceLocation)
}

@Suite("threatmap rings")
struct RingsCommandTests {
    @Test("--range 700km --output FILE writes a FeatureCollection with the documented properties")
    func ringsToFile() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let output = scratch.path("jurf.geojson")
        let result = try threatmap("rings", ["--from", "Jurf al-Sakhar", "--range", "700km", "--output", output], in: scratch.url)
        expectSuccess(result)
        #expect(result.stdout.isEmpty)
        #expect(scratch.regularFiles() == ["jurf.geojson"])

        let collection = try Collection(try String(contentsOfFile: output, encoding: .utf8))
        try #require(collection.features.count == 1)
        let properties = try collection.properties(0)
        #expect(properties["site"] as? String == "Jurf al-Sakhar")
        #expect(properties["missile"] is NSNull)
        #expect(properties["range_km"] as? Double == 700)
        #expect(properties["min_range_km"] as? Double == 0)

        let polygons = try collection.polygons(0)
        try #require(polygons.count == 1)
        try #require(polygons[0].count == 1, "a disc has no hole")
        let ring = polygons[0][0]
        #expect(ring.first == ring.last)
        #expect(signedDoubleArea(ring) > 0, "the exterior must run counter-clockwise")
        // The ring reaches the geodesic point due north exactly, due south within tolerance.
        #expect(ring.map { $0[1] }.max() == JurfAlSakhar.north700.rounded6)
        expectSouthernmost(ring.map { $0[1] }.min(), trueSouth: JurfAlSakhar.south700)

        let box = try #require(collection.features[0]["bbox"] as? [Double])
        #expect(box.count == 4)
        #expect(box[1] == ring.map { $0[1] }.min())
        #expect(box[3] == JurfAlSakhar.north700.rounded6)
        #expect(collection.root["bbox"] as? [Double] == box)
        for position in ring {
            #expect(position[0] >= box[0] && position[0] <= box[2] && position[1] >= box[1] && position[1] <= box[3])
        }
    }

    @Test("--min-range 100km gives a polygon with a clockwise hole")
    func minimumRangeHole() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let output = scratch.path("annulus.geojson")
        let result = try threatmap(
            "rings", ["--from", "Jurf al-Sakhar", "--range", "700km", "--min-range", "100km", "--output", output],
            in: scratch.url
        )
        expectSuccess(result)
        let collection = try Collection(try String(contentsOfFile: output, encoding: .utf8))
        try #require(collection.features.count == 1)
        let properties = try collection.properties(0)
        #expect(properties["range_km"] as? Double == 700)
        #expect(properties["min_range_km"] as? Double == 100)

        let polygons = try collection.polygons(0)
        try #require(polygons.count == 1)
        try #require(polygons[0].count == 2, "expected an exterior and one hole")
        let exterior = polygons[0][0], hole = polygons[0][1]
        #expect(signedDoubleArea(exterior) > 0)
        #expect(signedDoubleArea(hole) < 0)
        #expect(hole.first == hole.last)
        #expect(hole.map { $0[1] }.max() == JurfAlSakhar.north100.rounded6)
        expectSouthernmost(hole.map { $0[1] }.min(), trueSouth: JurfAlSakhar.south100)
        #expect(exterior.map { $0[1] }.max() == JurfAlSakhar.north700.rounded6)
    }

    @Test("a negative latitude after --from is a coordinate, not an option")
    func negativeLatitude() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("rings", ["--from", "-33.92,18.42", "--range", "300km"], in: scratch.url)
        expectSuccess(result)
        let collection = try Collection(result.stdout)
        try #require(collection.features.count == 1)
        #expect(try collection.properties(0)["site"] as? String == "-33.92,18.42")
        let box = try #require(collection.features[0]["bbox"] as? [Double])
        // GeographicLib Direct(-33.92, 18.42, 0° / 180°, 300 km): -31.214784014 / -36.624027076.
        #expect(box[3] == -31.214784)
        expectSouthernmost(box[1], trueSouth: -36.624027076)
        #expect(box[0] < 18.42 && box[2] > 18.42)
        #expect(abs((box[0] + box[2]) / 2 - 18.42) < 1e-6, "a ring is symmetric about its centre's meridian")
    }

    @Test("a ring across the antimeridian is cut into parts with longitudes in [-180, 180]")
    func antimeridian() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("rings", ["--from", "64.8,-179.7", "--range", "300km"], in: scratch.url)
        expectSuccess(result)
        let collection = try Collection(result.stdout)
        try #require(collection.features.count == 1)
        let polygons = try collection.polygons(0)
        #expect(polygons.count == 2)
        let positions = allPositions(polygons)
        try #require(!positions.isEmpty)
        let longitudes = positions.map { $0[0] }
        #expect(longitudes.allSatisfy { (-180...180).contains($0) })
        #expect(longitudes.min() == -180)
        #expect(longitudes.max() == 180)
        #expect(longitudes.contains { $0 > 175 && $0 < 180 }, "part of the ring lies west of the antimeridian")
        for polygon in polygons {
            #expect(signedDoubleArea(polygon[0]) > 0)
        }
        #expect(collection.root["bbox"] as? [Double] != nil)
    }

    @Test("--missile Zolfaghar uses the catalogued 700 km range")
    func catalogMissile() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("rings", ["--from", "Jurf al-Sakhar", "--missile", "Zolfaghar"], in: scratch.url)
        expectSuccess(result)
        let collection = try Collection(result.stdout)
        try #require(collection.features.count == 1)
        let properties = try collection.properties(0)
        #expect(properties["missile"] as? String == "Zolfaghar")
        #expect(properties["range_km"] as? Double == 700)
        #expect(properties["min_range_km"] as? Double == 0)
        #expect(properties["site"] as? String == "Jurf al-Sakhar")
        #expect((properties["source"] as? String)?.contains("CSIS") == true)
        let box = try #require(collection.features[0]["bbox"] as? [Double])
        #expect(box[3] == JurfAlSakhar.north700.rounded6)
    }

    @Test("without --output (or with '-') the GeoJSON goes to stdout and no file is written")
    func stdoutOutput() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let plain = try threatmap("rings", ["--from", "Baghdad", "--range", "200km"], in: scratch.url)
        expectSuccess(plain)
        let collection = try Collection(plain.stdout)
        #expect(collection.features.count == 1)
        #expect(plain.stdout.hasSuffix("]}\n"))

        let dash = try threatmap("rings", ["--from", "Baghdad", "--range", "200km", "--output", "-"], in: scratch.url)
        expectSuccess(dash)
        #expect(dash.stdout == plain.stdout)
        #expect(scratch.regularFiles().isEmpty)
    }

    @Test("several sites and systems give one feature each, in site-major order")
    func severalFeatures() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("rings", [
            "--from", "Jurf al-Sakhar", "--from", "-33.92,18.42", "--missile", "Zolfaghar", "--range", "300km",
        ], in: scratch.url)
        expectSuccess(result)
        let collection = try Collection(result.stdout)
        try #require(collection.features.count == 4)
        let pairs = try (0..<4).map { index in
            let properties = try collection.properties(index)
            return "\(properties["site"] as? String ?? "?")/\(properties["range_km"] as? Double ?? -1)"
        }
        #expect(pairs == ["Jurf al-Sakhar/700.0", "Jurf al-Sakhar/300.0", "-33.92,18.42/700.0", "-33.92,18.42/300.0"])
    }

    @Test("an existing output file is replaced and no temporary file is left")
    func replacesOutput() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let output = scratch.path("out.geojson")
        try Data("stale".utf8).write(to: URL(fileURLWithPath: output))
        let result = try threatmap("rings", ["--from", "Baghdad", "--range", "100km", "--output", output], in: scratch.url)
        expectSuccess(result)
        #expect(try Collection(try String(contentsOfFile: output, encoding: .utf8)).features.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["out.geojson"])
    }
}

private extension Double {
    /// Rounded to 6 decimals, as GeoJSON coordinates are written.
    var rounded6: Double { (self * 1e6).rounded() / 1e6 }
}
