import Foundation
import Gazetteer
import Geodesy
import GeoModel
import Geometry
import Testing
@testable import ThreatModel

/// Launch-area buffers from the simplified boundary (strips and vertex
/// discs): every point within the range less the tolerance of the area is
/// inside, nothing beyond the range plus the tolerance, on a real outline.
@Suite struct SimplifiedBufferTests {
    static let tolerance = Distance.meters(10)

    /// Qatar as the bundled gazetteer outlines it (Natural Earth), a real coast.
    static func qatar() throws -> LaunchSite {
        let gazetteer = try Gazetteer(dataDirectory: TestData.repositoryRoot.appendingPathComponent("Gazetteer"))
        let place = try gazetteer.resolve("Qatar")
        let area = try #require(place.area, "the bundled Qatar has no outline")
        return LaunchSite(place: place, extent: .area(area))
    }

    @Test(arguments: [Distance.kilometers(1), .kilometers(50)])
    func coversEveryBoundaryPointAtTheRangeWithinTolerance(_ radius: Distance) throws {
        try Self.checkCoverage(of: try Self.qatar(), radius: radius, minimumOutside: 20)
    }

    /// A box across ±180, cut there as a GeoJSON file holds it: strips cross the cut.
    @Test func stripsAcrossTheAntimeridian() throws {
        let box = LaunchSite(place: TestData.point("dateline", Coordinate(latitude: 65, longitude: 180)), extent: .area(MultiPolygon([
            Polygon(exterior: [(64.0, 179.0), (64.0, 180.0), (66.0, 180.0), (66.0, 179.0), (64.0, 179.0)]
                .map { Coordinate(latitude: $0.0, longitude: $0.1) }),
            Polygon(exterior: [(64.0, -180.0), (64.0, -179.0), (66.0, -179.0), (66.0, -180.0), (64.0, -180.0)]
                .map { Coordinate(latitude: $0.0, longitude: $0.1) }),
        ])))
        try Self.checkCoverage(of: box, radius: Distance.kilometers(1), minimumOutside: 20)
    }

    /// A real launch area at a real range: the western Iraq outline of the
    /// default scenario (Natural Earth admin-1, Anbar) at 700 km, probed
    /// every 10° from its boundary: half-strips outward and caps at its
    /// convex corners cover all that discs at every vertex would.
    @Test func westernIraqAtSevenHundredKilometres() throws {
        let url = TestData.repositoryRoot.appendingPathComponent("Scenarios/areas/western-iraq.geojson")
        let launch = try #require(try LaunchSiteFile.read(url).first)
        try Self.checkCoverage(of: launch, radius: .kilometers(700), minimumOutside: 5, azimuthStep: 10)
    }

    /// Qatar's coast, full of small bays and capes, at 50 km, every 10°.
    @Test func everyDirectionFromACoastAtFiftyKilometres() throws {
        try Self.checkCoverage(of: try Self.qatar(), radius: .kilometers(50), minimumOutside: 20, azimuthStep: 10)
    }

    /// Probes from boundary points: at the range less the tolerance they are
    /// inside; beyond the range plus the tolerance of the whole area, outside.
    static func checkCoverage(of launch: LaunchSite, radius: Distance, minimumOutside: Int, azimuthStep: Double = 45,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let builder = FootprintBuilder(tolerance: Self.tolerance)
        // The faster path is the one taken.
        #expect(try builder.simplifiedBuffer(launch, radius: radius) != nil, sourceLocation: sourceLocation)
        let footprint = try builder.footprint(of: .bareRange(radius), from: launch).area
        #expect(try Topology.validity(of: .multiPolygon(footprint)) == .valid, sourceLocation: sourceLocation)

        let geodesic = Geodesic.wgs84
        let boundary = launch.boundaries.flatMap { geodesic.samples(along: $0, spacing: .meters(500)) }
        let step = max(1, boundary.count / 300)
        var inside = 0, outside = 0
        for vertex in Swift.stride(from: 0, to: boundary.count, by: step).map({ boundary[$0] }) {
            for azimuth in Swift.stride(from: 0.0, to: 360, by: azimuthStep) {
                let near = geodesic.direct(from: vertex, azimuth: azimuth, distance: .meters(radius.meters - Self.tolerance.meters)).destination
                #expect(try Topology.covers(footprint, near), "\(near) is \(radius.meters - Self.tolerance.meters) m from \(vertex)",
                        sourceLocation: sourceLocation)
                inside += 1
                let far = geodesic.direct(from: vertex, azimuth: azimuth, distance: .meters(radius.meters + 10 * Self.tolerance.meters)).destination
                let distance = try launch.nearestPoint(to: far, coarseSpacing: .meters(200)).distance
                if distance.meters >= radius.meters + Self.tolerance.meters {
                    #expect(try !Topology.covers(footprint, far), "\(far) is \(distance.meters) m from the area",
                            sourceLocation: sourceLocation)
                    outside += 1
                }
            }
        }
        #expect(inside > 1_000 && outside > minimumOutside, "\(inside) probes inside, \(outside) outside", sourceLocation: sourceLocation)
    }

    @Test func simplifiedOutlineStaysWithinItsTolerance() throws {
        let geodesic = Geodesic.wgs84
        let coast = try #require(try Self.qatar().boundaries.max { $0.count < $1.count })
        // The coast every 200 m, each point moved up to 6 m: detail finer than the tolerance.
        let dense = geodesic.samples(along: coast, spacing: .meters(200))
        let outline = dense.indices.map { index in
            index == 0 || index == dense.count - 1 ? dense[index]
                : geodesic.direct(from: dense[index], azimuth: Double(index * 137 % 360), distance: .meters(Double(index % 7))).destination
        }
        let tolerance = Distance.meters(25)
        let simple = geodesic.simplified(outline, within: tolerance)
        #expect(simple.count < outline.count)
        #expect(simple.first == outline.first && simple.last == outline.last)
        // Every vertex lies within the tolerance of the kept edge spanning it
        // (the kept vertices are a subsequence of the outline).
        var edge = 0
        for vertex in outline {
            if edge + 2 < simple.count, vertex == simple[edge + 1] { edge += 1 }
            let offset = Self.distance(from: vertex, toEdge: simple[edge], simple[edge + 1], geodesic: geodesic)
            #expect(offset <= tolerance.meters, "\(vertex) lies \(offset) m from the simplified edge")
        }
    }

    /// Geodesic metres from `point` to the straight longitude/latitude edge
    /// `a`–`b`, by ternary search along the edge.
    static func distance(from point: Coordinate, toEdge a: Coordinate, _ b: Coordinate, geodesic: Geodesic) -> Double {
        func at(_ t: Double) -> Double {
            geodesic.distance(from: point, to: Coordinate(latitude: a.latitude + t * (b.latitude - a.latitude),
                                                          longitude: a.longitude + t * (b.longitude - a.longitude))).meters
        }
        var (low, high) = (0.0, 1.0)
        for _ in 0..<80 {
            let third = (high - low) / 3
            if at(low + third) <= at(high - third) { high -= third } else { low += third }
        }
        return at((low + high) / 2)
    }
}
