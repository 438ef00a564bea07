import Foundation
import Testing

/// A scenario too large for one map stops before any work, with its numbers.
@Suite("threatmap map: size limit")
struct MapLimitTests {
    /// Writes a scenario of `sites` launch points (a GeoJSON file) and
    /// `targets` target rows (a CSV file) into `directory`.
    static func writeScenario(sites: Int, targets: Int, in directory: TemporaryDirectory) throws -> String {
        let features = (0..<sites).map { index in
            let longitude = 40 + Double(index % 100) * 0.08, latitude = 30 + Double(index / 100) * 0.08
            return #"{"type":"Feature","properties":{"name":"S\#(index)"},"geometry":{"type":"Point","coordinates":[\#(longitude),\#(latitude)]}}"#
        }
        try #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
            .write(toFile: directory.path("sites.geojson"), atomically: true, encoding: .utf8)
        var rows = "name,lat,lon\n"
        for index in 0..<targets {
            rows += "T\(index),\(28 + Double(index % 500) * 0.02),\(38 + Double(index / 500) * 0.02)\n"
        }
        try rows.write(toFile: directory.path("targets.csv"), atomically: true, encoding: .utf8)
        let scenario = """
            title: Too large
            systems: [Zolfaghar]
            sites:
              - name: Many
                geojson: sites.geojson
            targets:
              - file: targets.csv
            outputs:
              stem: too-large
            """
        try scenario.write(toFile: directory.path("too-large.yaml"), atomically: true, encoding: .utf8)
        return directory.path("too-large.yaml")
    }

    @Test("2,000 sites × 2,001 targets: exit 65 naming the counts and the limit, nothing written")
    func refusesBeforeWork() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let scenario = try Self.writeScenario(sites: 2_000, targets: 2_001, in: scratch)
        let output = scratch.path("maps")
        let result = try threatmap("map", [scenario, "--output-dir", output], in: scratch.url)
        #expect(result.exitedNormally && result.status == 65, "\(result)")
        for part in ["2,000 launch sites", "1 system(s)", "2,001 targets", "4,002,000 reach decisions",
                     "about 5.2 GB", "at most 4,000,000 decisions", "Nothing was written"] {
            #expect(result.stderr.contains(part), "missing '\(part)' in: \(result.stderr)")
        }
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("a scenario under the limit is drawn as ever")
    func drawsJustUnderTheLimit() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        // 3 sites × 1,000 targets: far under the limit.
        let scenario = try Self.writeScenario(sites: 3, targets: 1_000, in: scratch)
        let result = try threatmap("map", [scenario, "--output-dir", scratch.path("maps"), "--quiet"], in: scratch.url)
        #expect(result.exitedNormally && result.status == 0, "\(result)")
        #expect(FileManager.default.fileExists(atPath: scratch.path("maps/too-large.svg")))
    }
}
