import Foundation
import Gazetteer
import GeoModel
@testable import Report
@testable import ThreatModel
import Testing

/// The brief's "What reaches what" in one pass over the results, against
/// the per-target scans it replaced.
@Suite struct ScenarioBriefTests {
    /// The section as it was written before: a scan of every row for each target.
    static func scanningSection(_ scenario: ResolvedScenario, results: [ReachResult]) -> [String] {
        var lines = [String]()
        for system in scenario.systems {
            let rows = results.filter { $0.system == system }
            var seen = Set<String>(), targets = [String]()
            for row in rows where seen.insert(row.target.name).inserted { targets.append(row.target.name) }
            let reached = targets.filter { target in rows.contains { $0.target.name == target && $0.inRange } }
            for target in reached {
                let best = rows.filter { $0.target.name == target && $0.inRange }.max { $0.marginMeters < $1.marginMeters }!
                lines.append("- **\(ScenarioBrief.escape(target))** in range from \(ScenarioBrief.escape(best.site.name)): "
                             + String(format: "%.0f km away, %.0f km to spare", best.distance.kilometers, best.marginMeters / 1000))
            }
            for target in targets where !reached.contains(target) {
                let nearest = rows.filter { $0.target.name == target }.max { $0.marginMeters < $1.marginMeters }!
                lines.append("- \(ScenarioBrief.escape(target)) out of range (\(nearest.reason ?? "out of range")): "
                             + "nearest launch site \(ScenarioBrief.escape(nearest.site.name)) at "
                             + String(format: "%.0f km, %.0f km short", nearest.distance.kilometers, -nearest.marginMeters / 1000))
            }
        }
        return lines
    }

    @Test func onePassGivesTheLinesOfTheScan() throws {
        let document = try ScenarioDocument.parse("title: Brief\nsystems: [Zolfaghar]\nsites:\n  - coordinates: \"32.9,44.2\"\ntargets: [Riyadh]\noutputs:\n  stem: brief\n",
                                                  file: "brief.yaml", baseDirectory: URL(fileURLWithPath: "/"))
        let short = MissileSystem(name: "Short", category: .srbm, range: .kilometers(300), source: "test")
        let banded = MissileSystem(name: "Banded", category: .srbm, minimumRange: .kilometers(150),
                                   range: .kilometers(700), source: "test")
        let sites = [(32.9, 44.2), (33.3, 44.5), (30.5, 47.8)].enumerated().map { index, point in
            LaunchSite(place: TestData.point("Site \(index)", Coordinate(latitude: point.0, longitude: point.1)))
        }
        // Names repeat (two places called "Twin", a target equal to a site), so rows group by name.
        var random = SystemRandomNumberGenerator()
        var targets = (0..<60).map { index in
            TestData.point(index % 7 == 0 ? "Twin" : "Target \(index)",
                           Coordinate(latitude: .random(in: 24...38, using: &random), longitude: .random(in: 36...54, using: &random)))
        }
        targets.append(sites[1].place)
        let scenario = ResolvedScenario(document: document, systems: [short, banded], sites: sites,
                                        siteSystems: [[short, banded], [short], [banded]], targets: targets)
        let results = try scenario.reach()
        let brief = ScenarioBrief.markdown(scenario, results: results)
        let lines = brief.split(separator: "\n").map(String.init).filter { $0.contains(" in range from ") || $0.contains(" out of range (") }
        let expected = Self.scanningSection(scenario, results: results)
        #expect(lines == expected)
        #expect(expected.contains { $0.contains("in range") } && expected.contains { $0.contains("out of range") })
    }

    @Test func patriotBriefNamesWhatIsCoveredAndWhatIsNot() throws {
        let scenario = try TestData.resolved("patriot-iraq-2020.yaml")
        let brief = ScenarioBrief.markdown(scenario, results: try scenario.reach())
        #expect(brief.hasPrefix("# US Patriot coverage in Iraq \\(March-April 2020 reporting\\)"))
        #expect(brief.contains("- **Ain al-Asad Air Base** (airbase) in range from Ain al-Asad Air Base"))
        #expect(brief.contains("- Taji (military_site) out of range (beyond maximum range)"))
        #expect(brief.contains("## Sources"))
    }

    /// `--coordinates`: a Positions section in the notation asked for, and
    /// the target's position as the reach table's last column; nothing new
    /// without it.
    @Test func positionsOnlyWhenAsked() throws {
        let scenario = try TestData.resolved("patriot-iraq-2020.yaml")
        let results = try scenario.reach()
        let plain = ScenarioBrief.markdown(scenario, results: results)
        #expect(!plain.contains("## Positions"))
        #expect(ScenarioBrief.markdown(scenario, results: results, coordinates: nil) == plain)
        let brief = ScenarioBrief.markdown(scenario, results: results, coordinates: .mgrs)
        #expect(brief.contains("## Positions (MGRS, 1 m)"))
        #expect(brief.contains("- Ain al-Asad Air Base (launch site): 38SKC6307841327"))
        #expect(ReachTable.make(results) == ReachTable.make(results, coordinates: nil))
        let table = ReachTable.make(results, coordinates: .utm)
        #expect(table.columns.last == "target_utm")
        #expect(table.rows.allSatisfy { $0.count == table.columns.count })
    }
}
