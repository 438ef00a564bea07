import Foundation
import Geodesy
import GeoModel
import Geometry
import Testing

/// Random centres (a third beyond 85° of latitude, a third within 1° of
/// ±180) and log-uniform radii from 1 m to 19,900 km: every disc is valid,
/// contains its centre, excludes its antipode when the radius falls short of
/// it, has every vertex at the radius and every edge within tolerance.
@Suite struct RingPropertyTests {
    let geodesic = Geodesic.wgs84

    /// SplitMix64: a small, fixed-seed generator so failures reproduce.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var center: Coordinate
        var radius: Distance
        var tolerance: Distance
        var testDescription: String { "\(radius) around \(center) within \(tolerance)" }
    }

    /// A random centre: for `index` 0, 3, 6, … beyond `polar` degrees of
    /// latitude, for 1, 4, 7, … within 1° of ±180, otherwise anywhere.
    static func randomCenter(_ index: Int, polar: Double, using random: inout SplitMix64) -> Coordinate {
        var latitude = Double.random(in: -90...90, using: &random)
        var longitude = Double.random(in: -180...180, using: &random)
        switch index % 3 {
        case 0: latitude = (Bool.random(using: &random) ? 1 : -1) * Double.random(in: polar...90, using: &random)
        case 1: longitude = (Bool.random(using: &random) ? 1 : -1) * Double.random(in: 179...180, using: &random)
        default: break
        }
        return Coordinate(latitude: latitude, longitude: longitude)
    }

    static let cases: [Case] = {
        var random = SplitMix64(state: 20_181_231)
        return (0..<240).map { index in
            let center = randomCenter(index, polar: 85, using: &random)
            let radius = exp(Double.random(in: log(1.0)...log(19_900_000.0), using: &random))
            let tolerance = [0.1, 1, 10, 100][index % 4]
            return Case(center: center,
                        radius: .meters(radius), tolerance: .meters(max(tolerance, min(radius / 10, 10))))
        }
    }()

    @Test(arguments: cases)
    func discHoldsItsProperties(_ c: Case) throws {
        let boundary = try geodesic.disc(center: c.center, radius: c.radius, tolerance: c.tolerance)
        let ring = boundary.ring
        for vertex in ring where abs(vertex.latitude) < 90 {
            let distance = geodesic.distance(from: c.center, to: vertex).meters
            #expect(abs(distance - c.radius.meters) <= 1e-6, "vertex \(vertex) at \(distance) m")
        }
        var worst = 0.0
        for (a, b) in zip(ring, ring.dropFirst()) where abs(a.latitude) < 90 && abs(b.latitude) < 90 {
            let midpoint = Coordinate(latitude: (a.latitude + b.latitude) / 2, longitude: (a.longitude + b.longitude) / 2)
            worst = max(worst, abs(geodesic.distance(from: c.center, to: midpoint).meters - c.radius.meters))
        }
        #expect(worst <= c.tolerance.meters, "worst edge gap \(worst) m")

        let exact = geodesic.insertingAntimeridianCrossings(ring)
        let region = try Antimeridian.region(bounding: exact, complement: boundary.isComplement)
        #expect(try Topology.validity(of: .multiPolygon(region)) == .valid)
        #expect(try Topology.covers(region, c.center))
        let antipode = Coordinate(latitude: -c.center.latitude, longitude: Coordinate.normalizedLongitude(c.center.longitude + 180))
        if geodesic.distance(from: c.center, to: antipode).meters > c.radius.meters + c.tolerance.meters {
            #expect(try !Topology.covers(region, antipode))
        }
        for polygon in region.polygons {
            for vertex in polygon.exterior + polygon.holes.flatMap({ $0 }) {
                #expect((-180...180).contains(vertex.longitude) && (-90...90).contains(vertex.latitude))
            }
            let oriented = polygon.rfc7946Oriented
            #expect(RingGeometry.signedDoubleArea(oriented.exterior) > 0)
            #expect(oriented.holes.allSatisfy { RingGeometry.signedDoubleArea($0) < 0 })
        }
    }
}
