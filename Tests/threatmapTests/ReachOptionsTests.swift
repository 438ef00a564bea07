import Foundation
import Testing

/// `reach` targets from files and gazetteer classes, --reverse,
/// --only-in-range, --sort, GeoJSON output; `missiles`.
@Suite("reach options") struct ReachOptionsTests {
    @Test func targetsFromACSVFileWithOnlyInRangeAndSort() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("targets.csv")
        try "name,lat,lon\nRiyadh,24.68773,46.72185\nBaghdad,33.34058,44.40088\nKuwait,29.36972,47.97833\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try threatmap("reach", [
            "--from", "Jurf al-Sakhar", "--missile", "Zolfaghar", "--to", file.path,
            "--only-in-range", "--sort", "distance", "--format", "csv",
        ], in: directory.url)
        expectSuccess(result)
        let rows = try parseCSV(result.stdout)
        #expect(rows.dropFirst().map { $0[2] } == ["Baghdad", "Kuwait"])
    }

    @Test func badTargetRowNamesFileAndLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("targets.csv")
        try "name,lat,lon\nRiyadh,24.68773,46.72185\nNowhere,95,44\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try threatmap("reach", ["--from", "Baghdad", "--range", "700km", "--to", file.path], in: directory.url)
        #expect(result.status == 65)
        #expect(result.stderr.contains("targets.csv:3"))
        #expect(result.stderr.contains("latitude 95"))
        #expect(result.stdout.isEmpty)
    }

    @Test func gazetteerClassAsTargets() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try threatmap("reach", [
            "--from", "Jurf al-Sakhar", "--range", "300km", "--to-kind", "capital", "--to-country", "IQ", "--format", "csv",
        ], in: directory.url)
        expectSuccess(result)
        let rows = try parseCSV(result.stdout)
        #expect(rows.dropFirst().contains { $0[2] == "Baghdad" && $0[6] == "true" })
        let unknown = try threatmap("reach", ["--from", "Baghdad", "--range", "300km", "--to-kind", "volcano"], in: directory.url)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("volcano"))
    }

    @Test func reverseGroupsByTargetWithLaunchZones() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try threatmap("reach", [
            "--reverse", "--to", "Riyadh", "--to", "Tehran", "--from", "Jurf al-Sakhar", "--from", "Basra",
            "--missile", "Zolfaghar", "--sort", "margin", "--format", "csv",
        ], in: directory.url)
        expectSuccess(result)
        let rows = try parseCSV(result.stdout)
        #expect(rows[0] == ["target", "missile", "site", "distance_km", "bearing_deg", "in_range", "margin_km",
                            "launch_zone_from_km", "launch_zone_to_km", "flight_time_min", "apogee_km"])
        #expect(rows.dropFirst().map { $0[0] } == ["Riyadh", "Riyadh", "Tehran", "Tehran"])
        // Inside each target, the larger margin first.
        #expect(rows[1][2] == "Basra" && rows[1][5] == "true")
        #expect(rows[2][2] == "Jurf al-Sakhar" && rows[2][5] == "false")
        #expect(rows[1][8] == "700")
    }

    @Test func geoJSONHasTargetsAndPathsSplitAtTheAntimeridian() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let output = directory.path("reach.geojson")
        let result = try threatmap("reach", [
            "--from", "64.8,-179.7", "--range", "300km", "--to", "65,179", "--format", "geojson", "--output", output,
        ], in: directory.url)
        expectSuccess(result)
        let root = try #require(try parseJSON(String(contentsOfFile: output, encoding: .utf8)) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        let types = features.compactMap { ($0["geometry"] as? [String: Any])?["type"] as? String }
        #expect(types == ["Point", "LineString", "LineString"])
        for feature in features.dropFirst() {
            let coordinates = try #require((feature["geometry"] as? [String: Any])?["coordinates"] as? [[Double]])
            #expect(coordinates.allSatisfy { (-180...180).contains($0[0]) })
        }
        let target = try #require(features[0]["properties"] as? [String: Any])
        #expect(target["in_range"] as? Bool == true)
    }

    @Test func missilesListsTheCatalog() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try threatmap("missiles", ["--format", "json"], in: directory.url)
        expectSuccess(result)
        let rows = try #require(try parseJSON(result.stdout) as? [[String: Any]])
        let zolfaghar = try #require(rows.first { $0["name"] as? String == "Zolfaghar" })
        #expect(zolfaghar["range_km"] as? Double == 700)
        #expect(zolfaghar["class"] as? String == "srbm")
        #expect((zolfaghar["source"] as? String)?.isEmpty == false)
    }

    @Test func missileFileAddsSystemsAndEstimatesPickRanges() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("mine.csv")
        try """
        name,aliases,class,min_range_km,range_km,range_low_km,range_high_km,source
        Test Rocket,TR-1,rocket,10,100,80,120,my notes
        """.write(to: file, atomically: true, encoding: .utf8)
        for (estimate, expected) in [("low", "80"), ("nominal", "100"), ("high", "120")] {
            let result = try threatmap("reach", [
                "--from", "Baghdad", "--missile", "TR-1", "--missile-file", file.path, "--range-estimate", estimate,
                "--to", "Taji", "--format", "csv",
            ], in: directory.url)
            expectSuccess(result)
            let rows = try parseCSV(result.stdout)
            #expect(rows[1][1] == "Test Rocket")
            #expect(rows[1][5] == expected)
        }
        let unknown = try threatmap("reach", ["--from", "Baghdad", "--missile", "Zolfighter", "--to", "Taji"], in: directory.url)
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("did you mean") && unknown.stderr.contains("Zolfaghar"))
    }
}
