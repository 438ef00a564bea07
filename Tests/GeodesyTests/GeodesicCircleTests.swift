import Foundation
import Geodesy
import GeoModel
import Geometry
import Testing

/// Range rings: every vertex at the asked distance, every edge within
/// tolerance, valid and containing the centre once cut at ±180.
@Suite struct GeodesicCircleTests {
    let geodesic = Geodesic.wgs84

    struct Case: CustomTestStringConvertible, Sendable {
        var center: Coordinate
        var radius: Distance
        var tolerance: Distance
        var testDescription: String { "\(radius) around \(center) within \(tolerance)" }
    }

    static let cases: [Case] = [
        Case(center: .init(latitude: 32.86667, longitude: 44.21389), radius: .kilometers(700), tolerance: .meters(10)),
        Case(center: .init(latitude: 32.86667, longitude: 44.21389), radius: .kilometers(200), tolerance: .meters(0.1)),
        Case(center: .init(latitude: 33.25, longitude: 44.47), radius: .meters(1), tolerance: .meters(0.1)),
        Case(center: .init(latitude: -33.92, longitude: 18.42), radius: .kilometers(5000), tolerance: .meters(10)),
        Case(center: .init(latitude: 64.8, longitude: -179.7), radius: .kilometers(300), tolerance: .meters(10)),
        Case(center: .init(latitude: 0, longitude: 179.9), radius: .kilometers(1500), tolerance: .meters(5)),
        Case(center: .init(latitude: 89, longitude: 30), radius: .kilometers(500), tolerance: .meters(10)),
        Case(center: .init(latitude: -87, longitude: -120), radius: .kilometers(800), tolerance: .meters(10)),
        Case(center: .init(latitude: 90, longitude: 0), radius: .kilometers(1000), tolerance: .meters(10)),
    ]

    @Test(arguments: cases)
    func everyVertexLiesAtTheRadius(_ c: Case) throws {
        let ring = try geodesic.circle(center: c.center, radius: c.radius, tolerance: c.tolerance)
        #expect(ring.first == ring.last)
        #expect(ring.count >= 17)
        for vertex in ring where abs(vertex.latitude) < 90 {
            let distance = geodesic.distance(from: c.center, to: vertex).meters
            #expect(abs(distance - c.radius.meters) <= 1e-6, "vertex \(vertex) lies \(distance) m away")
        }
    }

    @Test(arguments: cases)
    func everyEdgeMidpointIsWithinTolerance(_ c: Case) throws {
        let ring = try geodesic.circle(center: c.center, radius: c.radius, tolerance: c.tolerance)
        var worst = 0.0
        for (a, b) in zip(ring, ring.dropFirst()) where abs(a.latitude) < 90 && abs(b.latitude) < 90 {
            let midpoint = Coordinate(latitude: (a.latitude + b.latitude) / 2, longitude: (a.longitude + b.longitude) / 2)
            worst = max(worst, abs(geodesic.distance(from: c.center, to: midpoint).meters - c.radius.meters))
        }
        #expect(worst <= c.tolerance.meters)
    }

    @Test(arguments: cases)
    func cutRingIsValidAndContainsItsCentre(_ c: Case) throws {
        let ring = try geodesic.circle(center: c.center, radius: c.radius, tolerance: c.tolerance)
        let cut = try Antimeridian.cut(Polygon(exterior: ring))
        #expect(try Topology.validity(of: .multiPolygon(cut)) == .valid)
        #expect(try Topology.covers(cut, c.center))
        for vertex in Shape.multiPolygon(cut).allCoordinates {
            #expect((-180...180).contains(vertex.longitude))
            #expect((-90...90).contains(vertex.latitude))
        }
    }

    @Test func ringRunsCounterClockwise() throws {
        let ring = try geodesic.circle(center: .init(latitude: 32.87, longitude: 44.15), radius: .kilometers(700))
        #expect(RingGeometry.signedDoubleArea(ring) > 0)
    }

    @Test func ringAcrossTheAntimeridianIsCutIntoTwoPolygons() throws {
        let ring = try geodesic.circle(center: .init(latitude: 64.8, longitude: -179.7), radius: .kilometers(300))
        let cut = try Antimeridian.cut(Polygon(exterior: ring))
        #expect(cut.polygons.count == 2)
        let east = cut.polygons.filter { $0.exterior.allSatisfy { $0.longitude >= 0 } }
        #expect(east.count == 1)
    }

    @Test func ringAroundAPoleIsClosedAlongThePole() throws {
        let ring = try geodesic.circle(center: .init(latitude: 89, longitude: 30), radius: .kilometers(500))
        #expect(ring.contains { $0.latitude == 90 })
        let cut = try Antimeridian.cut(Polygon(exterior: ring))
        #expect(try Topology.covers(cut, .init(latitude: 90, longitude: 0)))
        #expect(try Topology.covers(cut, .init(latitude: 89.9, longitude: -150)))
    }

    @Test func finerToleranceGrowsTheAreaTowardTheTrueCircle() throws {
        // Straight lon/lat edges sag inside the circle, so a finer ring holds
        // more area; the gain is bounded by the coarse ring's sag (10 m)
        // times its perimeter.
        let center = Coordinate(latitude: 32.87, longitude: 44.15)
        let fine = try geodesic.circle(center: center, radius: .kilometers(700), tolerance: .meters(0.1))
        let coarse = try geodesic.circle(center: center, radius: .kilometers(700), tolerance: .meters(10))
        let fineArea = geodesic.measure(ring: fine)
        let coarseArea = geodesic.measure(ring: coarse)
        #expect(fineArea.area > coarseArea.area)
        #expect(fineArea.area - coarseArea.area < fineArea.perimeter * 10)
        #expect(coarse.count < fine.count)
    }

    @Test func toleranceDrivesTheVertexCount() throws {
        let center = Coordinate(latitude: 32.87, longitude: 44.15)
        let counts = try [100.0, 10, 1].map {
            try geodesic.circle(center: center, radius: .kilometers(700), tolerance: .meters($0)).count
        }
        #expect(counts[0] < counts[1] && counts[1] < counts[2])
        // Sag scales as 1/n^2: 10x tighter tolerance needs about 3.2x the vertices.
        #expect(counts[2] < 8 * counts[1])
    }

    @Test func badArgumentsThrow() {
        let center = Coordinate(latitude: 32.87, longitude: 44.15)
        #expect(throws: GeodesyError.invalidRadius(.meters(-5))) {
            try geodesic.circle(center: center, radius: .meters(-5))
        }
        #expect(throws: GeodesyError.invalidRadius(.zero)) { try geodesic.circle(center: center, radius: .zero) }
        #expect(throws: GeodesyError.self) { try geodesic.circle(center: center, radius: .meters(.nan)) }
        #expect(throws: GeodesyError.self) {
            try geodesic.circle(center: .init(latitude: 95, longitude: 44), radius: .kilometers(10))
        }
        #expect(throws: GeodesyError.invalidTolerance(.zero)) {
            try geodesic.circle(center: center, radius: .kilometers(10), tolerance: .zero)
        }
        #expect(throws: GeodesyError.tooManyVertices(limit: 100, radius: .kilometers(700), tolerance: .meters(1))) {
            try geodesic.circle(center: center, radius: .kilometers(700), tolerance: .meters(1), maximumVertices: 100)
        }
    }
}
