import Export
import Foundation
import Gazetteer
import GeoModel
import Report
import ThreatModel
import Testing

/// A range band through every output: the `status` column, both footprints
/// in GeoJSON and KML, the lighter zone and its legend entry on the map.
@Suite struct RangeBandTests {
    static let fateh = MissileSystem(name: "Fateh-110", category: .srbm, range: .kilometers(300),
                                     rangeLow: .kilometers(200), rangeHigh: .kilometers(300), source: "test")

    @Test func statusColumnOnlyWithABand() throws {
        let site = LaunchSite(place: TestData.point("Site", Coordinate(latitude: 33, longitude: 44)))
        let targets = [TestData.point("Near", Coordinate(latitude: 33, longitude: 45)),
                       TestData.point("Mid", Coordinate(latitude: 33, longitude: 46.5)),
                       TestData.point("Far", Coordinate(latitude: 33, longitude: 49))]
        let plain = ReachReport(try ReachJob(sites: [site], systems: [Self.fateh], targets: targets).run(onlyInRange: false))
        #expect(plain.table.columns == ReachTable.columns)
        let band = ReachReport(try ReachJob(sites: [site], systems: [Self.fateh.using(.band)], targets: targets).run(onlyInRange: false))
        #expect(band.table.columns == ReachTable.columns + ["status"])
        let csv = try band.text(.csv).split(separator: "\n")
        #expect(csv.dropFirst().map { $0.split(separator: ",").last.map(String.init) } == ["certain", "possible", "out"])
        let json = try band.text(.json)
        #expect(json.contains("\"status\": \"possible\""))
    }

    @Test func scenarioOutputsCarryBothFootprints() throws {
        var scenario = try TestData.resolved("iran-missiles-iraq-2018.yaml")
        scenario.systems = scenario.systems.map { $0.using(.band) }
        scenario.siteSystems = scenario.siteSystems.map { $0.map { $0.using(.band) } }
        let report = try ScenarioReport(scenario, tolerance: .meters(200))
        let estimates = report.features.compactMap { feature in
            feature.properties.first { $0.name == "estimate" }.map { "\($0.value)" }
        }
        #expect(estimates.count == 2 * report.footprints.count)
        #expect(estimates.filter { $0.contains("low") }.count == report.footprints.count)
        let statuses = report.features.compactMap { feature in feature.properties.first { $0.name == "status" } }
        #expect(statuses.count == scenario.targets.count)

        let settings = MapSettings(projection: .aeqd, center: nil, extent: .auto, width: 900, height: 700, theme: .light)
        let svg = try report.svg(settings: settings, basemap: nil)
        #expect(svg.contains("class=\"footprint-band\""))
        #expect(svg.contains("Fateh-110 (possible, 200 km–300 km)"))
        #expect(svg.contains("Fateh-110 (certain, 200 km)"))
        let kml = report.kml(decimals: 5, palette: settings.theme.theme.palette)
        #expect(kml.contains("Fateh-110, low estimate (certain)") && kml.contains("Fateh-110, high estimate (possible)"))
        let brief = ScenarioBrief.markdown(scenario, results: report.results)
        #expect(brief.contains("(possible: on the high estimate only)"))
    }
}
