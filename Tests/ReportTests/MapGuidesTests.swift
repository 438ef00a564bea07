import Export
import Foundation
import GeoModel
import Report
import ThreatModel
import Testing

/// Range rings and radials on the SVG map: the scenario's `map:` keys
/// `rings_every` and `radials`, their refusals at file:line, and what the
/// renderer draws from them.
@Suite struct MapGuidesTests {
    static func document(_ map: String) throws(ScenarioErrors) -> ScenarioDocument {
        try ScenarioDocument.parse("title: T\nsystems: [Zolfaghar]\nsites: [Baghdad]\ntargets: [Riyadh]\nmap:\n\(map)outputs:\n  stem: t\n",
                                   file: "t.yaml", baseDirectory: URL(fileURLWithPath: "/"))
    }

    /// `file:line:column: message` of every problem the `map:` lines have.
    static func problems(_ map: String) -> [String] {
        do {
            _ = try document(map)
            return []
        } catch {
            return error.issues.map { "\($0.location.file):\($0.location.line):\($0.location.column): \($0.message)" }
        }
    }

    @Test func scenarioKeysReachTheSettings() throws {
        let counted = try Self.document("  rings_every: 100km\n  radials: 8\n").map
        #expect(counted.ringsEvery == .kilometers(100))
        #expect(counted.radials == Radials(count: 8))
        #expect(try Self.document("  radials: [0, 45, 90]\n").map.radials == Radials(bearings: [0, 45, 90]))
        #expect(try Self.document("  radials: [90]\n").map.radials == Radials(bearings: [90]))
        #expect(try Self.document("  radials: \"0, 45, 450\"\n").map.radials == Radials(bearings: [0, 45, 90]))
        let none = try Self.document("  theme: dark\n").map
        #expect(none.ringsEvery == nil && none.radials == nil)
        // The command line wins over the scenario, key by key.
        let settings = MapChoices(radials: Radials(count: 4)).over(counted).settings
        #expect(settings.ringsEvery == .kilometers(100))
        #expect(settings.radials == Radials(count: 4))
        #expect(MapChoices().settings.ringsEvery == nil && MapChoices().settings.radials == nil)
    }

    @Test func badValuesAreRefusedAtTheirLine() {
        #expect(Self.problems("  rings_every: 0km\n") == ["t.yaml:6:16: rings_every must be greater than zero"])
        #expect(Self.problems("  rings_every: 100\n").first?.hasPrefix("t.yaml:6:16: rings_every: '100' is not a distance") == true)
        #expect(Self.problems("  radials: 0\n") == ["t.yaml:6:12: radials: '0' is not a set of radials: the count must be from 1 to 360"])
        #expect(Self.problems("  radials: [0, east]\n") == ["t.yaml:6:12: radials: '0,east' is not a set of radials: 'east' is not a bearing in degrees"])
        #expect(Self.problems("  radials: []\n") == ["t.yaml:6:12: 'radials' is empty; give a count such as 8 or bearings such as [0, 45, 90]"])
        #expect(Self.problems("  radials: [[1]]\n") == ["t.yaml:6:13: radials: a bearing should be a number of degrees"])
    }

    @Test func ringsAndRadialsAreDrawnAndLabelled() throws {
        let report = try ScenarioReport(TestData.resolved("iran-missiles-iraq-2018.yaml"), tolerance: .meters(10))
        var settings = MapChoices().settings
        settings.ringsEvery = .kilometers(100)
        settings.radials = Radials(bearings: [0, 90])
        // Point sites only (Jurf al-Sakhar, al-Zafaraniya), out to the longest range fired from each: 7 rings, 2 radials.
        let guides = try report.guides(RangeMarks(every: settings.ringsEvery, radials: settings.radials))
        #expect(guides.filter { $0.kind == .ring }.map(\.label) == (1...7).map { "\($0)00 km" } + (1...7).map { "\($0)00 km" })
        #expect(guides.filter { $0.kind == .radial }.map(\.label) == ["0°", "90°", "0°", "90°"])
        let svg = try report.svg(settings: settings, basemap: nil)
        #expect(svg.contains("class=\"range-rings\""))
        #expect(svg.contains("class=\"radials\""))
        #expect(svg.contains(">100 km</text>") && svg.contains(">700 km</text>") && svg.contains(">90°</text>"))
        // Without the keys, nothing of them.
        #expect(!(try report.svg(settings: MapChoices().settings, basemap: nil)).contains("range-marks"))
    }
}
