import Foundation
import Testing

/// Geodesic distance Jurf al-Sakhar -> Riyadh on WGS84: 938 890.240 m
/// (GeographicLib Inverse, computed with PROJ `geod -I`).
private let riyaddDistanceKilometers = 938.890240

/// The skeleton's columns, then the minimum range and why a target is out of
/// reach, then the time of flight and apogee (added after, so readers of the
/// first ten keep working).
private let header = "site,missile,target,distance_km,bearing_deg,range_km,in_range,margin_km,min_range_km,reason,flight_time_min,apogee_km"

/// CSV records after the header, which must be exactly `header`.
private func csvRows(_ stdout: String) throws -> [[String]] {
    #expect(stdout.hasPrefix(header + "\n"), "unexpected CSV header: \(stdout.prefix(200))")
    let records = try parseCSV(stdout)
    try #require(records.first?.joined(separator: ",") == header)
    return Array(records.dropFirst())
}

@Suite("threatmap reach")
struct ReachCommandTests {
    @Test("CSV: the documented header, Riyadh out of Zolfaghar range, Baghdad in")
    func reachCSV() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("reach", [
            "--from", "Jurf al-Sakhar", "--missile", "Zolfaghar", "--to", "Riyadh", "--to", "Baghdad", "--format", "csv",
        ], in: scratch.url)
        expectSuccess(result)
        let rows = try csvRows(result.stdout)
        #expect(rows == [
            ["Jurf al-Sakhar", "Zolfaghar", "Riyadh", "938.9", "164.3", "700", "false", "-238.9", "0", "beyond maximum range", "", ""],
            ["Jurf al-Sakhar", "Zolfaghar", "Baghdad", "55.4", "18.3", "700", "true", "644.6", "0", "", "1.8", "14"],
        ])
        #expect(scratch.regularFiles().isEmpty)
    }

    @Test("JSON: one object per row with exactly the table's keys and typed values")
    func reachJSON() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("reach", [
            "--from", "Jurf al-Sakhar", "--missile", "Zolfaghar", "--to", "Riyadh", "--to", "Baghdad", "--format", "json",
        ], in: scratch.url)
        expectSuccess(result)
        let objects = try #require(try parseJSON(result.stdout) as? [[String: Any]])
        try #require(objects.count == 2)
        let keys: Set<String> = ["site", "missile", "target", "distance_km", "bearing_deg", "range_km", "in_range", "margin_km", "min_range_km", "reason",
                                 "flight_time_min", "apogee_km"]
        for object in objects { #expect(Set(object.keys) == keys) }
        #expect(result.stdout.contains("\"in_range\": false"))
        #expect(result.stdout.contains("\"in_range\": true"))

        let riyadh = objects[0]
        #expect(riyadh["target"] as? String == "Riyadh")
        let distance = try #require(riyadh["distance_km"] as? Double)
        #expect(abs(distance - riyaddDistanceKilometers) < 1e-6)
        let margin = try #require(riyadh["margin_km"] as? Double)
        #expect(abs(margin - (700 - riyaddDistanceKilometers)) < 1e-6)
        #expect(riyadh["range_km"] as? Double == 700)
        let bearing = try #require(riyadh["bearing_deg"] as? Double)
        #expect(abs(bearing - 164.262503980) < 1e-8)  // GeographicLib azi1
        #expect(objects[1]["target"] as? String == "Baghdad")
    }

    @Test("--range 939km reaches Riyadh (938.9 km away); --range 938km does not", arguments: [
        ("939km", "true"), ("938km", "false"), ("938.8903km", "true"), ("938.8902km", "false"),
    ])
    func rangeBoundary(range: String, inRange: String) throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("reach", [
            "--from", "Jurf al-Sakhar", "--range", range, "--to", "Riyadh", "--format", "csv",
        ], in: scratch.url)
        expectSuccess(result)
        let rows = try csvRows(result.stdout)
        try #require(rows.count == 1)
        #expect(rows[0][2] == "Riyadh")
        #expect(rows[0][3] == "938.9")
        #expect(rows[0][6] == inRange)
    }

    @Test("a minimum range puts a near target out of reach")
    func minimumRange() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("reach", [
            "--from", "Jurf al-Sakhar", "--range", "700km", "--min-range", "100km", "--to", "Baghdad", "--format", "csv",
        ], in: scratch.url)
        expectSuccess(result)
        let rows = try csvRows(result.stdout)
        try #require(rows.count == 1)
        #expect(rows[0][2] == "Baghdad")
        #expect(rows[0][6] == "false")
    }

    @Test("negative coordinates are accepted after --from and --to")
    func negativeCoordinates() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("reach", [
            "--from", "-33.92,18.42", "--range", "20000km", "--to", "64.8,-179.7", "--to", "-26.2,28.05", "--format", "csv",
        ], in: scratch.url)
        expectSuccess(result)
        // Coordinate names hold a comma, so they come quoted.
        #expect(result.stdout.contains("\n\"-33.92,18.42\",20000 km,\"64.8,-179.7\","))
        let rows = try csvRows(result.stdout)
        try #require(rows.count == 2)
        #expect(rows.map { $0[0] } == ["-33.92,18.42", "-33.92,18.42"])
        #expect(rows.map { $0[2] } == ["64.8,-179.7", "-26.2,28.05"])
        #expect(rows.map { $0[6] } == ["true", "true"])
    }

    @Test("the default table lists every target with yes/no")
    func reachTable() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("reach", [
            "--from", "Jurf al-Sakhar", "--missile", "Zolfaghar", "--to", "Riyadh", "--to", "Baghdad",
        ], in: scratch.url)
        expectSuccess(result)
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == 4)
        #expect(lines[0].hasPrefix("site "))
        #expect(lines[2].contains("Riyadh") && lines[2].contains("938.9") && lines[2].contains(" no "))
        #expect(lines[3].contains("Baghdad") && lines[3].contains("55.4") && lines[3].contains(" yes "))
    }
}
