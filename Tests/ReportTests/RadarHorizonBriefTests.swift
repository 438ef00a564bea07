import Foundation
import Gazetteer
import GeoModel
import Report
import Testing
import ThreatModel

/// `map` with a target altitude: air defence cut to its radar horizon in
/// the reach decisions and footprints, and a line per battery in the brief.
@Suite struct RadarHorizonBriefTests {
    static let directory = FileManager.default.temporaryDirectory

    static func brief(_ rendering: ScenarioRenderer.Rendering) throws -> String {
        try #require(rendering.files.first { $0.url.pathExtension == "md" }?.text)
    }

    @Test func briefGivesEachBatteryBothReaches() throws {
        let scenario = try TestData.resolved("patriot-iraq-2020.yaml")
        let rendering = try ScenarioRenderer(targetAltitude: .meters(30)).render(scenario, into: Self.directory)
        let lines = try Self.brief(rendering).split(separator: "\n").map(String.init)
        let section = try #require(lines.firstIndex(of: "## Air defence against low flyers"))
        let batteries = lines[section...].filter { $0.hasPrefix("- **Patriot") }
        #expect(batteries.count == 4)
        #expect(batteries.first == "- **Patriot PAC-3** at Ain al-Asad Air Base: 20 km against a ballistic missile "
                + "(engagement range: defended radius against short-range ballistic missiles); 20 km against a target at 30 m "
                + "(engagement range, inside the radar horizon of 30.8 km; radar at 4 m default height)")
        // The 20 km radius is inside the horizon: the decisions are those without an altitude.
        let plain = try ScenarioRenderer().render(scenario, into: Self.directory)
        #expect(rendering.report.results.map(\.inRange) == plain.report.results.map(\.inRange))
        #expect(try !Self.brief(plain).contains("low flyers"))
    }

    /// On the high estimate (160 km) the PAC-2 is cut to the 30.82 km
    /// horizon: decisions and margins follow it; the command line's
    /// altitude wins over the scenario's.
    @Test func horizonCutsReachAndTheCommandLineWins() throws {
        let url = TestData.repositoryRoot.appendingPathComponent("Scenarios/patriot-iraq-2020.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "  - Patriot PAC-3\n", with: "") + "range_estimate: high\ntarget_altitude: 30m\n"
        let document = try ScenarioDocument.parse(text, file: "patriot.yaml", baseDirectory: url.deletingLastPathComponent())
        let scenario = try document.resolve(gazetteer: TestData.gazetteer.get(), catalog: TestData.catalog())
        let horizon = closedFormHorizon(radar: 4, target: 30)
        let rendering = try ScenarioRenderer().render(scenario, into: Self.directory)
        #expect(!rendering.report.results.isEmpty)
        for row in rendering.report.results {
            #expect(abs(row.system.range.kilometers - horizon) < 1e-9)
            #expect(row.inRange == (row.distance.kilometers <= horizon))
            #expect(abs(row.marginMeters / 1000 - (horizon - row.distance.kilometers)) < 1e-6)
        }
        #expect(try Self.brief(rendering).contains("- **Patriot PAC-2 GEM-T** at Erbil Air Base: 160 km against a ballistic missile "
            + "(engagement range: defended radius against short-range ballistic missiles); 30.8 km against a target at 30 m "
            + "(radar horizon, radar at 4 m default height)"))
        let higher = try ScenarioRenderer(targetAltitude: .meters(100)).render(scenario, into: Self.directory)
        #expect(higher.report.results.allSatisfy { abs($0.system.range.kilometers - 49.4617) < 0.001 })
    }
}

/// √(2kR·h_r) + √(2kR·h_t) in kilometres, k = 4/3, R = 6,371 km.
private func closedFormHorizon(radar: Double, target: Double) -> Double {
    let twiceEffectiveRadius = 2 * 4.0 / 3.0 * 6_371_000.0
    return ((twiceEffectiveRadius * radar).squareRoot() + (twiceEffectiveRadius * target).squareRoot()) / 1000
}
