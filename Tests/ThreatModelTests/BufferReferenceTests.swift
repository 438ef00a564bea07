import Foundation
import Gazetteer
import Geodesy
import GeoModel
import Geometry
import Testing
@testable import ThreatModel

/// Launch-area buffers against geographiclib distances
/// (`Fixtures/buffer_probes.csv`, made by `Scripts/make_range_reference.py`):
/// a probe nearer than the range minus the tolerance is inside the
/// footprint, one farther than the range plus the tolerance is outside.
@Suite struct BufferReferenceTests {
    static let radius = Distance.kilometers(300)
    static let tolerance = Distance.meters(10)

    /// The shapes of the generator's SHAPES table. Built on each use, not
    /// held in a static: Swift keeps an enum's case in the spare bits of its
    /// payload pointer, and LeakSanitizer, not recognising the tagged
    /// pointer, reported the `.lines` arrays held by a static as leaked.
    static var shapes: [String: LaunchSite.Extent] { [
        "basra_box": .area(MultiPolygon([Polygon(exterior: ring([(29.9, 46.4), (29.9, 48.6), (31.1, 48.6), (31.1, 46.4), (29.9, 46.4)]))])),
        "anbar_triangle": .area(MultiPolygon([Polygon(exterior: ring([(32.0, 39.5), (33.5, 43.5), (34.6, 40.9), (32.0, 39.5)]))])),
        // 179..181 east, cut at the antimeridian as a GeoJSON file would hold it.
        "dateline_box": .area(MultiPolygon([
            Polygon(exterior: ring([(64.0, 179.0), (64.0, 180.0), (66.0, 180.0), (66.0, 179.0), (64.0, 179.0)])),
            Polygon(exterior: ring([(64.0, -180.0), (64.0, -179.0), (66.0, -179.0), (66.0, -180.0), (64.0, -180.0)])),
        ])),
        "border_line": .lines([LineString(ring([(29.1, 47.6), (30.0, 47.9), (31.0, 47.7), (32.4, 46.9)]))]),
    ] }

    static func ring(_ points: [(Double, Double)]) -> [Coordinate] {
        points.map { Coordinate(latitude: $0.0, longitude: $0.1) }
    }

    struct Probe: Sendable {
        var shape: String
        var point: Coordinate
        var distance: Double
    }

    static func probes() throws -> [Probe] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/buffer_probes", withExtension: "csv"))
        let table = try CSVTable(contentsOf: url)
        return table.rows.map { row in
            Probe(shape: row.fields[0],
                  point: Coordinate(latitude: Double(row.fields[1])!, longitude: Double(row.fields[2])!),
                  distance: Double(row.fields[3])!)
        }
    }

    @Test(arguments: shapes.keys.sorted())
    func bufferAgreesWithGeographicLibDistances(_ shape: String) throws {
        let extent = try #require(Self.shapes[shape])
        let probes = try Self.probes().filter { $0.shape == shape }
        #expect(probes.count >= 60)
        let launch = LaunchSite(place: TestData.point(shape, Self.ring([(0, 0)])[0]), extent: extent)
        let footprint = try FootprintBuilder(tolerance: Self.tolerance)
            .footprint(of: .bareRange(Self.radius), from: launch)
        #expect(try Topology.validity(of: .multiPolygon(footprint.area)) == .valid)
        var decided = 0
        for probe in probes {
            let covered = try Topology.covers(footprint.area, probe.point)
            if probe.distance <= Self.radius.meters - Self.tolerance.meters {
                #expect(covered, "\(probe.point) lies \(probe.distance) m from \(shape) but is outside")
                decided += 1
            } else if probe.distance >= Self.radius.meters + Self.tolerance.meters {
                #expect(!covered, "\(probe.point) lies \(probe.distance) m from \(shape) but is inside")
                decided += 1
            }
        }
        // Probes sit 30 m to 20 km from the edge: nearly all are decidable.
        #expect(decided >= probes.count * 9 / 10)
    }

    @Test func minimumRangeRemovesGroundTooCloseToEveryPoint() throws {
        // A 40 km line: with a 100 km minimum range, its midpoint's
        // surroundings are within 100 km of every point of the line.
        let line = LaunchSite(
            place: TestData.point("line", Coordinate(latitude: 31, longitude: 46)),
            extent: .lines([LineString(Self.ring([(31.0, 45.8), (31.0, 46.22)]))])
        )
        let system = MissileSystem(name: "test", category: .srbm, minimumRange: .kilometers(100), range: .kilometers(300), source: "test")
        let footprint = try FootprintBuilder().footprint(of: system, from: line)
        #expect(try !Topology.covers(footprint.area, Coordinate(latitude: 31, longitude: 46)))
        let geodesic = Geodesic.wgs84
        // 150 km north of the midpoint is beyond the minimum range from the whole line.
        let north = geodesic.direct(from: Coordinate(latitude: 31, longitude: 46.01), azimuth: 0, distance: .kilometers(150)).destination
        #expect(try Topology.covers(footprint.area, north))
        // 95 km north of the west end is within 100 km of it but about 103 km from the east end.
        let nearEnd = geodesic.direct(from: Coordinate(latitude: 31, longitude: 45.8), azimuth: 0, distance: .kilometers(95)).destination
        #expect(try Topology.covers(footprint.area, nearEnd))
    }

    @Test func areaWiderThanTwiceTheMinimumRangeHasNoHole() throws {
        let box = LaunchSite(
            place: TestData.point("box", Coordinate(latitude: 30.5, longitude: 47.5)),
            extent: try #require(Self.shapes["basra_box"])
        )
        let system = MissileSystem(name: "test", category: .srbm, minimumRange: .kilometers(50), range: .kilometers(300), source: "test")
        let builder = FootprintBuilder()
        let footprint = try builder.footprint(of: system, from: box)
        #expect(footprint.area.polygons.allSatisfy { $0.holes.isEmpty })
        #expect(try builder.innerHole(box, radius: .kilometers(50)) == nil)
    }

    @Test func azimuthLimitsRefuseAreas() throws {
        let box = LaunchSite(place: TestData.point("box", Coordinate(latitude: 30.5, longitude: 47.5)),
                             extent: try #require(Self.shapes["basra_box"]))
        #expect(throws: ThreatModelError.self) {
            try FootprintBuilder().footprint(of: .bareRange(.kilometers(300)), from: box, azimuths: try AzimuthRange(parsing: "0..90"))
        }
    }
}
