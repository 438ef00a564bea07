import Foundation
import Gazetteer
import Geodesy
import GeoModel
import Testing
import ThreatModel

/// Reach decisions against geographiclib for 10,400 targets within ±50 m
/// of a range boundary (`Fixtures/reach_boundary.csv`, made by
/// `Scripts/make_reach_reference.py`): point sites across ±180 and near
/// both poles, minimum ranges, and launch areas.
@Suite struct ReachReferenceTests {
    struct Row: Sendable {
        var kind: String
        var site: String
        var system: MissileSystem
        var target: Coordinate
        var distance: Double
        var inRange: Bool
    }

    static let areas: [String: [Coordinate]] = [
        "basra_box": [(29.9, 46.4), (29.9, 48.6), (31.1, 48.6), (31.1, 46.4), (29.9, 46.4)].map(coordinate),
        "anbar_triangle": [(32.0, 39.5), (33.5, 43.5), (34.6, 40.9), (32.0, 39.5)].map(coordinate),
    ]

    static func coordinate(_ pair: (Double, Double)) -> Coordinate { Coordinate(latitude: pair.0, longitude: pair.1) }

    static func rows() throws -> [Row] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/reach_boundary", withExtension: "csv"))
        return try CSVTable(contentsOf: url).rows.map { row in
            let field = row.fields
            let system = MissileSystem(name: "\(field[3]) m", category: .srbm, minimumRange: .meters(Double(field[2])!),
                                       range: .meters(Double(field[3])!), source: "reference")
            return Row(kind: field[0], site: field[1], system: system,
                       target: Coordinate(latitude: Double(field[4])!, longitude: Double(field[5])!),
                       distance: Double(field[6])!, inRange: field[7] == "true")
        }
    }

    static func pointSite(_ text: String) -> Coordinate {
        let parts = text.split(separator: ":")
        return Coordinate(latitude: Double(parts[0])!, longitude: Double(parts[1])!)
    }

    @Test func pointDecisionsEqualGeographicLib() throws {
        let rows = try Self.rows().filter { $0.kind == "point" }
        #expect(rows.count == 10_000)
        let analysis = ReachAnalysis()
        var mismatches = 0
        for row in rows {
            let site = Self.pointSite(row.site)
            let result = analysis.evaluate(site: TestData.point("site", site), system: row.system,
                                           target: TestData.point("target", row.target))
            if result.inRange != row.inRange {
                mismatches += 1
                Issue.record("\(site) -> \(row.target): \(result.distance.meters) m vs \(row.distance) m, range \(row.system.minimumRange.meters)...\(row.system.range.meters)")
            }
            #expect(abs(result.distance.meters - row.distance) < 1e-6)
        }
        #expect(mismatches == 0)
    }

    @Test func reachMatrixDecisionsEqualGeographicLib() throws {
        let rows = try Self.rows().filter { $0.kind == "point" }
        // Group rows by site and system so each group is one matrix.
        let groups = Dictionary(grouping: rows) { "\($0.site)|\($0.system.minimumRange.meters)|\($0.system.range.meters)" }
        var checked = 0
        for (_, group) in groups {
            let matrix = ReachMatrix(sites: [Self.pointSite(group[0].site)], systems: [group[0].system], targets: group.map(\.target))
            for (index, row) in group.enumerated() {
                #expect(matrix.isInRange(site: 0, system: 0, target: index) == row.inRange,
                        "\(group[0].site) -> \(row.target) at \(row.distance) m")
                checked += 1
            }
        }
        #expect(checked == 10_000)
    }

    @Test func launchAreaDecisionsEqualGeographicLib() throws {
        let rows = try Self.rows().filter { $0.kind == "area" }
        #expect(rows.count == 400)
        let analysis = ReachAnalysis()
        for row in rows {
            let ring = try #require(Self.areas[row.site])
            let launch = LaunchSite(place: TestData.point(row.site, ring[0]),
                                    extent: .area(MultiPolygon([Polygon(exterior: ring)])))
            let result = try analysis.evaluate(launch: launch, system: row.system, target: TestData.point("target", row.target))
            #expect(result.inRange == row.inRange, "\(row.site) -> \(row.target): \(result.distance.meters) m vs \(row.distance) m")
            #expect(abs(result.distance.meters - row.distance) < 0.05)
        }
    }
}
