import Foundation
import Testing

/// `threatmap missiles` and `--missile` as a user types them.
@Suite struct MissilesCommandTests {
    /// The JSON keys other tools read, first and in order; later keys may follow.
    static let listingKeys = ["name", "class", "min_range_km", "range_km", "range_low_km", "range_high_km", "aliases", "source"]
    static let reachKeys = ["site", "missile", "target", "distance_km", "bearing_deg", "range_km", "in_range", "margin_km", "min_range_km", "reason"]

    @Test func listingJSONKeepsItsKeys() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("missiles", ["--format", "json"], in: scratch.url)
        expectSuccess(result)
        let rows = try #require(try parseJSON(result.stdout) as? [[String: Any]])
        #expect(rows.count >= 100)
        for row in rows { #expect(Set(Self.listingKeys).isSubset(of: row.keys), "\(row["name"] ?? "?")") }
        // Key order as printed: the first eight as before.
        let firstLine = try #require(result.stdout.split(separator: "\n").dropFirst().first)
        let positions = Self.listingKeys.map { firstLine.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil } && positions.map { $0! } == positions.map { $0! }.sorted())
    }

    @Test func reachJSONKeepsItsShape() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("reach", ["--from", "0,0", "--missile", "iskander m", "--to", "0,1", "--format", "json"], in: scratch.url)
        expectSuccess(result)
        let rows = try #require(try parseJSON(result.stdout) as? [[String: Any]])
        #expect(rows.count == 1)
        // Every key readers know is still there; new ones (flight time) only add to them.
        #expect(Set(Self.reachKeys).isSubset(of: Set(rows[0].keys)))
        #expect(Set(rows[0].keys).subtracting(Self.reachKeys) == ["flight_time_min", "apogee_km"])
        #expect(rows[0]["missile"] as? String == "Iskander-M")
    }

    @Test func filtersNarrowTheListing() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("missiles", ["--class", "slbm", "--operator", "ru", "--format", "csv"], in: scratch.url)
        expectSuccess(result)
        let names = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" }
        #expect(Set(names) == ["Bulava", "Sineva"])
        let search = try threatmap("missiles", ["--search", "fateh 1", "--min-range", "250km", "--format", "csv"], in: scratch.url)
        expectSuccess(search)
        #expect(search.stdout.contains("\nFateh-110,") && !search.stdout.contains("\nFateh-360,"))
    }

    @Test func oneSystemShowsItsSources() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("missiles", ["Х-101"], in: scratch.url)
        expectSuccess(result)
        #expect(result.stdout.hasPrefix("name:") && result.stdout.contains("Kh-101") && result.stdout.contains("sources:\n  - "))
    }

    @Test(arguments: [
        (["missiles", "Hwasong-99x"], "unknown missile system"),
        (["missiles", "Iskander"], "'Iskander' names a family of 2 systems, not one: name one of 'Iskander-M', 'Iskander-K'"),
        (["reach", "--from", "0,0", "--missile", "Shahab", "--to", "0,1"], "'Shahab' names a family of 3 systems"),
        (["reach", "--from", "0,0", "--missile", "Kalibre", "--to", "0,1"], "did you mean 'Kalibr 3M-14'"),
    ])
    func unknownAndFamilyNamesFailWithCandidates(_ arguments: [String], _ message: String) throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap(arguments[0], Array(arguments.dropFirst()), in: scratch.url)
        #expect(result.exitedNormally && result.status == 65, "\(result)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// A user's file in the old eight columns, or a folder of files, adds or replaces systems.
    @Test func missileFileMayBeAnOldFileOrAFolder() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("mine"), withIntermediateDirectories: true)
        try "name,aliases,class,min_range_km,range_km,range_low_km,range_high_km,source\nIskander-M,,srbm,0,450,450,450,my notes\n"
            .write(toFile: scratch.path("mine/a.csv"), atomically: true, encoding: .utf8)
        for file in ["mine/a.csv", "mine"] {
            let result = try threatmap("reach", ["--from", "0,0", "--missile", "9K720", "--missile-file", scratch.path(file),
                                                 "--to", "0,1", "--format", "csv"], in: scratch.url)
            // The user's row replaces the bundled one by name, so its aliases go with it.
            #expect(result.status == 65 && result.stderr.contains("unknown missile system '9K720'"), "\(result)")
            let named = try threatmap("reach", ["--from", "0,0", "--missile", "Iskander-M", "--missile-file", scratch.path(file),
                                                "--to", "0,1", "--format", "csv"], in: scratch.url)
            expectSuccess(named)
            #expect(named.stdout.contains("Iskander-M") && named.stdout.contains(",450,"), "\(named.stdout)")
        }
    }
}
