import Foundation
import Testing

/// `rings --azimuth`, `--union`, `--format table` and GeoJSON launch areas.
@Suite("rings options") struct RingsOptionsTests {
    static let basraBox = """
    {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Basra box"},
     "geometry":{"type":"Polygon","coordinates":[[[46.4,29.9],[48.6,29.9],[48.6,31.1],[46.4,31.1],[46.4,29.9]]]}},
     {"type":"Feature","properties":{"name":"Border"},
     "geometry":{"type":"LineString","coordinates":[[47.6,29.1],[47.9,30.0],[47.7,31.0]]}}]}
    """

    func table(_ text: String) -> [[String]] {
        text.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
    }

    @Test func sectorAreaIsItsShareOfTheDisc() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let disc = try threatmap("rings", ["--from", "32.87,44.15", "--range", "700km", "--format", "table"], in: directory.url)
        let sector = try threatmap("rings", ["--from", "32.87,44.15", "--range", "700km", "--azimuth", "250..310", "--format", "table"], in: directory.url)
        expectSuccess(disc)
        expectSuccess(sector)
        let discRow = try #require(table(disc.stdout).first), sectorRow = try #require(table(sector.stdout).first)
        // Columns: site, missile (2 words: "700 km"), range, min range, azimuth, area, perimeter, polygons, vertices.
        #expect(sectorRow[5] == "250..310")
        let discArea = try #require(Double(discRow[6])), sectorArea = try #require(Double(sectorRow[6]))
        #expect(abs(sectorArea - discArea / 6) < discArea * 1e-4)
    }

    @Test func sectorGeoJSONCarriesItsAzimuths() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try threatmap("rings", ["--from", "10,10", "--range", "500km", "--azimuth", "350..20"], in: directory.url)
        expectSuccess(result)
        let root = try #require(try parseJSON(result.stdout) as? [String: Any])
        let properties = try #require((root["features"] as? [[String: Any]])?.first?["properties"] as? [String: Any])
        #expect(properties["azimuth_start_deg"] as? Double == 350)
        #expect(properties["azimuth_end_deg"] as? Double == 20)
    }

    @Test func everyAndRadialsAddRingsAndRadialsAfterTheFootprint() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try threatmap("rings", ["--from", "38SMB2645336779", "--range", "250km", "--every", "100km",
                                             "--radials", "0,120,240"], in: directory.url)
        expectSuccess(result)
        let root = try #require(try parseJSON(result.stdout) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        let properties = features.compactMap { $0["properties"] as? [String: Any] }
        #expect(properties.map { $0["role"] as? String } == [nil, "range_ring", "range_ring", "radial", "radial", "radial"])
        #expect(properties.compactMap { $0["distance_km"] as? Double } == [100, 200, 250, 250, 250])
        #expect(properties.compactMap { $0["bearing_deg"] as? Double } == [0, 120, 240])

        let bad = try threatmap("rings", ["--from", "10,10", "--range", "500km", "--radials", "0"], in: directory.url)
        #expect(bad.status == 64 && bad.stderr.contains("the count must be from 1 to 360"), "\(bad)")
        let fine = try threatmap("rings", ["--from", "10,10", "--range", "500km", "--every", "1m"], in: directory.url)
        #expect(fine.status == 64 && fine.stderr.contains("more than 1000 rings"), "\(fine)")
    }

    @Test func unionGivesOneFeaturePerSystem() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try threatmap("rings", [
            "--from", "Jurf al-Sakhar", "--from", "al-Zafaraniya", "--missile", "Fateh-110", "--missile", "Zolfaghar", "--union",
        ], in: directory.url)
        expectSuccess(result)
        let root = try #require(try parseJSON(result.stdout) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        #expect(features.count == 2)
        let sites = features.compactMap { ($0["properties"] as? [String: Any])?["site"] as? String }
        #expect(sites == ["Jurf al-Sakhar, al-Zafaraniya", "Jurf al-Sakhar, al-Zafaraniya"])
    }

    @Test func geoJSONLaunchAreaIsBufferedAndMeasured() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("basra.geojson")
        try Self.basraBox.write(to: file, atomically: true, encoding: .utf8)
        let result = try threatmap("rings", ["--from", file.path, "--range", "300km", "--format", "table"], in: directory.url)
        expectSuccess(result)
        let rows = table(result.stdout)
        #expect(rows.count == 2)
        // Fields split on spaces: "Basra box" is two of them; area and perimeter
        // are the 4th and 3rd from the end.
        #expect(rows[0].prefix(2) == ["Basra", "box"])
        #expect(rows[1].first == "Border")
        let boxArea = try #require(Double(rows[0][rows[0].count - 4]))
        let boxPerimeter = try #require(Double(rows[0][rows[0].count - 3]))
        // A convex area grown by r: A + P·r + π·r² on a plane. The box is about
        // 28,300 km² with a 688 km perimeter; a 300 km disc here is 282,681 km²
        // with a 1,884 km perimeter, so about 517,400 km² and 2,572 km.
        #expect(abs(boxArea - 517_400) < 517_400 * 0.01)
        #expect(abs(boxPerimeter - 2_572) < 2_572 * 0.01)
    }

    @Test func reachFromALaunchAreaMeasuresFromItsNearestPoint() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("basra.geojson")
        try Self.basraBox.write(to: file, atomically: true, encoding: .utf8)
        let result = try threatmap("reach", [
            "--from", file.path, "--range", "300km", "--to", "Basra", "--to", "Riyadh", "--format", "csv",
        ], in: directory.url)
        expectSuccess(result)
        let rows = try parseCSV(result.stdout)
        // Basra lies inside the box: distance 0.
        let basra = try #require(rows.first { $0[0] == "Basra box" && $0[2] == "Basra" })
        #expect(basra[3] == "0.0")
        // Riyadh lies south of the box's south edge (29.9 N): distance is to that edge.
        let riyadh = try #require(rows.first { $0[0] == "Basra box" && $0[2] == "Riyadh" })
        let distance = try #require(Double(riyadh[3]))
        #expect(abs(distance - 577.6) < 0.2)
        #expect(riyadh[6] == "false")
    }

    @Test func badLaunchFilesAndAzimuthsAreRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bowtie = directory.url.appendingPathComponent("bowtie.geojson")
        try """
        {"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}
        """.write(to: bowtie, atomically: true, encoding: .utf8)
        let invalid = try threatmap("rings", ["--from", bowtie.path, "--range", "300km"], in: directory.url)
        #expect(invalid.status == 65)
        #expect(invalid.stderr.contains("bowtie.geojson") && invalid.stderr.contains("invalid polygon"))
        let missing = try threatmap("rings", ["--from", directory.path("none.geojson"), "--range", "300km"], in: directory.url)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("none.geojson"))
        let azimuth = try threatmap("rings", ["--from", "Baghdad", "--range", "300km", "--azimuth", "north"], in: directory.url)
        #expect(azimuth.status == 64)
        #expect(azimuth.stderr.contains("azimuth"))
        let areaSector = try threatmap("rings", ["--from", directory.path("none.geojson"), "--range", "300km", "--azimuth", "0..90"], in: directory.url)
        #expect(areaSector.status == 66)
        #expect(directory.regularFiles() == ["bowtie.geojson"])
    }
}
