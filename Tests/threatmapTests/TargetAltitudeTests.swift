import Foundation
import Testing

/// `--target-altitude` on `reach` and `map`: air defence cut to its radar
/// horizon, the assumed radar height said, bad altitudes refused.
@Suite("target altitude") struct TargetAltitudeTests {
    @Test func reachCutsAirDefenceToTheHorizonAndSaysTheHeightIsAssumed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let arguments = ["--from", "Ain al-Asad Air Base", "--missile", "Patriot PAC-2 GEM-T", "--range-estimate", "high",
                         "--to", "Baghdad", "--to", "Taji", "--format", "csv"]
        let plain = try threatmap("reach", arguments, in: directory.url)
        let low = try threatmap("reach", arguments + ["--target-altitude", "30m"], in: directory.url)
        expectSuccess(plain)
        #expect(low.exitedNormally && low.status == 0, "\(low)")
        let before = try parseCSV(plain.stdout), after = try parseCSV(low.stdout)
        #expect(before.dropFirst().map { $0[5] } == ["160", "160"])
        // 30.82 km, the horizon for a radar at 4 m and a target at 30 m, shown rounded.
        #expect(after.dropFirst().map { $0[5] } == ["31", "31"])
        #expect(after.dropFirst().map { $0[7] } != before.dropFirst().map { $0[7] })
        #expect(low.stderr == "threatmap: warning: Patriot PAC-2 GEM-T: no published radar height, 4 m assumed: "
                + "radar horizon 30.8 km for a target at 30 m, range 30.82 km (engagement range 160 km)\n")
    }

    @Test(arguments: ["-30m", "nan m", "30"])
    func badAltitudesAreRefused(altitude: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try threatmap("reach", ["--from", "Baghdad", "--missile", "Patriot PAC-3", "--to", "Taji",
                                             "--target-altitude", altitude], in: directory.url)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--target-altitude"))
        #expect(result.stdout.isEmpty)
    }

    @Test func mapBriefGivesEachBatteryBothReaches() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let scenario = Repository.root.appendingPathComponent("Scenarios/patriot-iraq-2020.yaml").path
        let result = try threatmap("map", [scenario, "--output-dir", scratch.url.path, "--target-altitude", "30m", "--quiet"], in: scratch.url)
        expectSuccess(result)
        let brief = try String(contentsOfFile: scratch.path("patriot-iraq-2020.md"), encoding: .utf8)
        #expect(brief.contains("## Air defence against low flyers"))
        #expect(brief.contains("- **Patriot PAC-2 GEM-T** at Erbil Air Base: 20 km against a ballistic missile"))
        #expect(brief.contains("radar at 4 m default height"))
    }
}
