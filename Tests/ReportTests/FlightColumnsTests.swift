import Export
import Foundation
import Gazetteer
import Geodesy
import GeoModel
import Report
import ThreatModel
import Testing

/// Time of flight in every reach output and the brief's warning times.
@Suite struct FlightColumnsTests {
    static let site = LaunchSite(place: TestData.point("Site", Coordinate(latitude: 33, longitude: 44)))
    static let targets = [TestData.point("Near", Coordinate(latitude: 33, longitude: 46)),
                          TestData.point("Far", Coordinate(latitude: 20, longitude: 46))]
    static let zolfaghar = MissileSystem(name: "Zolfaghar", category: .srbm, range: .kilometers(700), source: "test")
    static let drone = MissileSystem(name: "Drone", category: .drone, range: .kilometers(2000), source: "test",
                                     speedKilometersPerHour: 185)

    static func report(_ systems: [MissileSystem]) throws -> ReachReport {
        ReachReport(try ReachJob(sites: [site], systems: systems, targets: targets).run(onlyInRange: false))
    }

    /// The JSON keeps its first ten keys in order and adds the two at the end.
    @Test func jsonOnlyAddsKeys() throws {
        let json = try Self.report([Self.zolfaghar]).text(.json)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(Array(ReachTable.columns.prefix(10)) == ["site", "missile", "target", "distance_km", "bearing_deg", "range_km",
                                                          "in_range", "margin_km", "min_range_km", "reason"])
        let near = rows[0], far = rows[1]
        let minutes = try #require(near["flight_time_min"] as? Double)
        let distance = try #require(near["distance_km"] as? Double)
        #expect(abs(minutes - BallisticTrajectory(groundRange: .kilometers(distance)).flightTime / 60) < 1e-6)
        #expect(near["apogee_km"] is Double)
        #expect(far["flight_time_min"] is NSNull && far["apogee_km"] is NSNull)
        let keyOrder = json.components(separatedBy: "\"reason\": \"\", \"flight_time_min\": ")
        #expect(keyOrder.count == 2)
    }

    @Test func cruiseRowsHaveATimeButNoApogee() throws {
        let csv = try Self.report([Self.drone]).text(.csv).split(separator: "\n")
        // Near is 186.9 km away: 60.6 min at 185 km/h.
        let near = try #require(csv.first { $0.contains(",Near,") })
        #expect(near.hasSuffix(",60.6,"))
    }

    @Test func geoJSONPathsAndTargetsCarryTheTimes() throws {
        let text = try Self.report([Self.zolfaghar, Self.drone]).text(.geojson)
        #expect(text.contains("\"flight_time_min\""))
        #expect(text.contains("\"apogee_km\":null"))
        #expect(text.contains("\"warning_time_min\""))
    }

    @Test func briefListsTargetsByWarningTime() throws {
        let scenario = try TestData.resolved("iran-missiles-iraq-2018.yaml")
        let report = try ScenarioReport(scenario, tolerance: .meters(100))
        let brief = ScenarioBrief.markdown(scenario, results: report.results)
        let section = brief.components(separatedBy: "## Warning time\n")[1].components(separatedBy: "\n## ")[0]
        let minutes = section.split(separator: "\n").compactMap { line -> Double? in
            guard let range = line.range(of: #"\*\*: [0-9.]+ min"#, options: .regularExpression) else { return nil }
            return Double(line[range].dropFirst(4).dropLast(4))
        }
        #expect(minutes.count >= 10)
        #expect(minutes == minutes.sorted())
        #expect(section.contains("- **Riyadh**: 5.4 min, Zolfaghar from Southern Iraq"))
        #expect(section.contains("inside the launch area Western Iraq of the Zolfaghar: no warning"))
    }
}
