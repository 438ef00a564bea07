import Foundation
import GeoModel
import Testing
@testable import Geodesy

/// Buffer caps: the fans at an area's convex corners (`stripCaps`,
/// `fan`) and the strips that reach only a little way into the area.
@Suite struct StripCapsTests {
    let geodesic = Geodesic.wgs84
    /// A square of 1° in Iraq, counter-clockwise: its outside is on the right.
    static let square = [(30.0, 47.0), (30.0, 48.0), (31.0, 48.0), (31.0, 47.0), (30.0, 47.0)]
        .map { Coordinate(latitude: $0.0, longitude: $0.1) }

    @Test func aConvexRingHasOneCapPerCornerOnItsOutside() throws {
        let caps = geodesic.stripCaps(around: Self.square, side: .right)
        #expect(caps.count == 4)
        // Each corner turns 90°: its cap spans the turn plus the margin on each side.
        for cap in caps {
            let sweep = try #require(cap.azimuths).sweep
            #expect(abs(sweep - (90 + 2 * Geodesic.stripCapMargin)) < 1)
        }
        // The south-east corner's cap looks south-east: between south (180) and east (90).
        let southEast = try #require(caps.first { $0.vertex == Coordinate(latitude: 30, longitude: 48) }?.azimuths)
        #expect(abs(southEast.start - (90 - Geodesic.stripCapMargin)) < 1)
        // Seen from the inside, no corner opens: no cap.
        #expect(geodesic.stripCaps(around: Self.square, side: .left).isEmpty)
    }

    @Test func aFanHoldsItsArcAtTheRadiusBetweenItsAzimuths() throws {
        let center = Coordinate(latitude: 33, longitude: 44)
        let azimuths = try AzimuthRange(start: 80, end: 190)
        let ring = try geodesic.fan(center: center, radius: .kilometers(700), azimuths: azimuths, tolerance: .meters(5))
        #expect(ring.first == center && ring.last == center)
        for vertex in ring.dropFirst().dropLast() {
            let solution = geodesic.inverse(from: center, to: vertex)
            #expect(abs(solution.distance.meters - 700_000) < 1e-6)
            let azimuth = (solution.initialAzimuth + 360).truncatingRemainder(dividingBy: 360)
            #expect(azimuth >= 80 - 1e-9 && azimuth <= 190 + 1e-9)
        }
        // Counter-clockwise like every ring the package draws.
        #expect(RingGeometry.signedDoubleArea(ring) > 0)
    }

    @Test func narrowSideStripsReachOnlyTheirNarrowWidth() throws {
        let line = [Coordinate(latitude: 30, longitude: 47), Coordinate(latitude: 30, longitude: 48)]
        let strips = try #require(geodesic.strips(along: line, halfWidth: .kilometers(300), slack: .meters(5),
                                                  narrowSide: .left, narrowWidth: .kilometers(1)))
        // Heading east, left is north: nothing beyond 1 km north, 300 km south.
        let latitudes = strips.flatMap { $0.map(\.latitude) }
        #expect(try #require(latitudes.max()) < 30.01)
        #expect(try #require(latitudes.min()) < 27.4)
    }
}
