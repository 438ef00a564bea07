import Export
import Foundation
import Gazetteer
import GeoModel
import Report
import ThreatModel
import Testing

/// `ReachReport`: row order, the reversed table and the GeoJSON paths, from
/// the library (the command line only parses and prints).
@Suite struct ReachReportTests {
    static let sites = [LaunchSite(place: TestData.point("West", Coordinate(latitude: 33, longitude: 44))),
                        LaunchSite(place: TestData.point("East", Coordinate(latitude: 33, longitude: 48)))]
    static let targets = [TestData.point("Far", Coordinate(latitude: 25, longitude: 46)),
                          TestData.point("Near", Coordinate(latitude: 33, longitude: 46))]

    static func results(range: Distance = .kilometers(700)) throws -> [ReachResult] {
        try ReachJob(sites: sites, systems: [.bareRange(range)], targets: targets).run(onlyInRange: false)
    }

    @Test func inputOrderIsSiteThenTarget() throws {
        let rows = ReachReport(try Self.results()).results
        #expect(rows.map { "\($0.site.name)>\($0.target.name)" } == ["West>Far", "West>Near", "East>Far", "East>Near"])
    }

    @Test func distanceAndMarginOrdersAgreeForOneRange() throws {
        let byDistance = ReachReport(try Self.results(), order: .distance).results
        let byMargin = ReachReport(try Self.results(), order: .margin).results
        #expect(zip(byDistance, byDistance.dropFirst()).allSatisfy { $0.distance <= $1.distance })
        #expect(byDistance.map(\.target.name) == byMargin.map(\.target.name))
        #expect(byDistance.first?.target.name == "Near")
    }

    @Test func reversedGroupsByTargetInInputOrder() throws {
        let report = ReachReport(try Self.results(), order: .site, reversed: true)
        #expect(report.results.map { "\($0.target.name)<\($0.site.name)" } == ["Far<East", "Far<West", "Near<East", "Near<West"])
        #expect(report.table.columns.first == "target")
        #expect(report.table.columns.suffix(4) == ["launch_zone_from_km", "launch_zone_to_km", "flight_time_min", "apogee_km"])
    }

    @Test func csvCarriesTheDocumentedColumnsAndDecisions() throws {
        let csv = try ReachReport(try Self.results(range: .kilometers(300))).text(.csv)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == Substring(ReachTable.columns.joined(separator: ",")))
        #expect(lines.count == 5)
        // Near lies about 187 km from each site, Far about 900 km.
        #expect(lines.filter { $0.contains(",Near,") }.allSatisfy { $0.contains(",true,") })
        #expect(lines.filter { $0.contains(",Far,") }.allSatisfy { $0.hasSuffix(",beyond maximum range,,") })
    }

    /// A path across the antimeridian is cut there: two pieces that meet at ±180.
    @Test func pathsAcrossTheAntimeridianAreSplit() throws {
        let site = LaunchSite(place: TestData.point("Fiji", Coordinate(latitude: -17.8, longitude: 178)))
        let target = TestData.point("Samoa", Coordinate(latitude: -13.8, longitude: -172))
        let results = try ReachJob(sites: [site], systems: [.bareRange(.kilometers(2000))], targets: [target]).run(onlyInRange: false)
        let json = try JSONSerialization.jsonObject(with: Data(try ReachReport(results).text(.geojson).utf8)) as? [String: Any]
        let features = try #require(json?["features"] as? [[String: Any]])
        let lines = features.compactMap { $0["geometry"] as? [String: Any] }.filter { $0["type"] as? String == "LineString" }
        #expect(lines.count == 2)
        let ends = lines.compactMap { ($0["coordinates"] as? [[Double]]) }
        #expect(ends.count == 2)
        #expect(ends[0].last?[0] == 180 && ends[1].first?[0] == -180)
        #expect(abs((ends[0].last?[1] ?? 0) - (ends[1].first?[1] ?? 1)) < 1e-9)
    }

    @Test func reversedGeoJSONAddsOneLaunchZonePerTargetAndSystem() throws {
        let text = try ReachReport(try Self.results(), reversed: true).text(.geojson)
        #expect(text.components(separatedBy: "\"launch_zone\"").count - 1 == 2)
    }
}

/// `FootprintReport`: what `rings` writes, from the library.
@Suite struct FootprintReportTests {
    static let baghdad = LaunchSite(place: TestData.point("Baghdad", Coordinate(latitude: 33.315, longitude: 44.366)))
    static let basra = LaunchSite(place: TestData.point("Basra", Coordinate(latitude: 30.508, longitude: 47.783)))

    @Test func oneEntryPerSiteAndSystemOrOnePerSystemUnited() throws {
        let systems: [MissileSystem] = [.bareRange(.kilometers(300)), .bareRange(.kilometers(500))]
        let each = try FootprintReport(sites: [Self.baghdad, Self.basra], systems: systems, tolerance: .meters(10))
        #expect(each.entries.map(\.site) == ["Baghdad", "Baghdad", "Basra", "Basra"])
        let united = try FootprintReport(sites: [Self.baghdad, Self.basra], systems: systems, tolerance: .meters(10), union: true)
        #expect(united.entries.map(\.site) == ["Baghdad, Basra", "Baghdad, Basra"])
        #expect(united.entries.map(\.area.polygons.count) == [1, 1])
    }

    /// A 300 km disc on the ellipsoid: about pi r^2, a little less (the
    /// surface curves away; a spherical cap is pi r^2 (1 - r^2 / 12 R^2)).
    @Test func areaTableMeasuresTheDiscGeodesically() throws {
        let report = try FootprintReport(sites: [Self.baghdad], systems: [.bareRange(.kilometers(300))], tolerance: .meters(1))
        let csv = report.areaTable.csv().split(separator: "\n")
        #expect(csv.first == "site,missile,range_km,min_range_km,azimuth,area_km2,perimeter_km,polygons,vertices")
        let fields = csv[1].split(separator: ",")
        let area = try #require(Double(fields[5])), perimeter = try #require(Double(fields[6]))
        let planar = Double.pi * 300 * 300
        #expect(area < planar && area > planar * 0.999)
        #expect(abs(perimeter - 2 * Double.pi * 300) < 2 * Double.pi * 300 * 0.001)
    }

    @Test func sectorsCarryTheirAzimuths() throws {
        let report = try FootprintReport(sites: [Self.baghdad], systems: [.bareRange(.kilometers(300))], tolerance: .meters(10),
                                         azimuths: try AzimuthRange(parsing: "350..20"))
        let text = report.text(.geojson, decimals: 3)
        #expect(text.contains("\"azimuth_start_deg\":350"))
        #expect(text.contains("\"azimuth_end_deg\":20"))
        #expect(report.text(.geojsonl).split(separator: "\n").count == 1)
        #expect(report.text(.kml).contains("<Folder>"))
    }
}
