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

    @Test func radiiNearOrPastTheAntipodeAreRefusedWithTheReason() throws {
        let center = Coordinate(latitude: 33.34, longitude: 44.4)
        // 19,950 km still traces (the property tests go to 19,900 km).
        let ring = try geodesic.circle(center: center, radius: .kilometers(19_950))
        #expect(ring.count > 16)
        #expect(throws: GeodesyError.radiusNearAntipode(.kilometers(19_990))) {
            try geodesic.circle(center: center, radius: .kilometers(19_990))
        }
        #expect(throws: GeodesyError.radiusBeyondAntipode(.kilometers(30_000), limit: Geodesic.halfMeridian)) {
            try geodesic.circle(center: center, radius: .kilometers(30_000))
        }
        #expect(throws: GeodesyError.radiusBeyondAntipode(Geodesic.halfMeridian, limit: Geodesic.halfMeridian)) {
            try geodesic.circle(center: center, radius: Geodesic.halfMeridian)
        }
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

/// Discs whose radius reaches past the antipodal side, and sectors.
@Suite struct GeodesicDiscAndSectorTests {
    let geodesic = Geodesic.wgs84

    func region(_ boundary: DiscBoundary) throws -> MultiPolygon {
        try Antimeridian.region(bounding: boundary.ring, complement: boundary.isComplement)
    }

    func antipode(of point: Coordinate) -> Coordinate {
        Coordinate(latitude: -point.latitude, longitude: Coordinate.normalizedLongitude(point.longitude + 180))
    }

    @Test(arguments: [
        Coordinate(latitude: 32.87, longitude: 44.15), Coordinate(latitude: -60, longitude: 179.9),
        Coordinate(latitude: 0, longitude: 0), Coordinate(latitude: 86, longitude: -179.5),
    ])
    func almostWholeEarthDiscCoversAllButTheAntipode(_ center: Coordinate) throws {
        let boundary = try geodesic.disc(center: center, radius: .kilometers(19_000))
        let shape = try region(boundary)
        #expect(try Topology.validity(of: .multiPolygon(shape)) == .valid)
        #expect(try Topology.covers(shape, center))
        #expect(try !Topology.covers(shape, antipode(of: center)))
        // The uncovered cap around the antipode is small: its area is the
        // Earth's minus the disc's.
        let earth = geodesic.measure(polygon: Antimeridian.world).area
        let covered = geodesic.measure(multiPolygon: shape).area
        #expect(covered > 0.97 * earth && covered < earth)
    }

    @Test func smallDiscIsNotAComplement() throws {
        let boundary = try geodesic.disc(center: .init(latitude: 32.87, longitude: 44.15), radius: .kilometers(700))
        #expect(!boundary.isComplement)
        let sixThousand = try geodesic.disc(center: .init(latitude: 10, longitude: 20), radius: .kilometers(6000))
        #expect(!sixThousand.isComplement)
        #expect(try Topology.covers(region(sixThousand), .init(latitude: 10, longitude: 20)))
    }

    @Test func discAroundThePoleCoversThePole() throws {
        let boundary = try geodesic.disc(center: .init(latitude: 90, longitude: 0), radius: .kilometers(1000))
        let shape = try region(boundary)
        #expect(try Topology.covers(shape, .init(latitude: 89.99, longitude: 123)))
        #expect(try !Topology.covers(shape, .init(latitude: 80, longitude: 0)))
    }

    @Test func sectorFacesItsAzimuths() throws {
        let center = Coordinate(latitude: 32.87, longitude: 44.15)
        let azimuths = try AzimuthRange(parsing: "250..310")
        let ring = try geodesic.sector(center: center, radius: .kilometers(700), azimuths: azimuths)
        #expect(RingGeometry.signedDoubleArea(ring) > 0)
        let shape = try Antimeridian.cut(Polygon(exterior: ring))
        #expect(try Topology.validity(of: .multiPolygon(shape)) == .valid)
        let west = geodesic.direct(from: center, azimuth: 280, distance: .kilometers(600)).destination
        let east = geodesic.direct(from: center, azimuth: 100, distance: .kilometers(600)).destination
        let beyond = geodesic.direct(from: center, azimuth: 280, distance: .kilometers(710)).destination
        #expect(try Topology.covers(shape, west))
        #expect(try !Topology.covers(shape, east))
        #expect(try !Topology.covers(shape, beyond))
        // The arc's vertices lie at the radius; the sides run along the edge azimuths.
        for vertex in ring where vertex != center {
            let solution = geodesic.inverse(from: center, to: vertex)
            let onArc = abs(solution.distance.meters - 700_000) <= 1e-6
            let onSide = angleDifference(solution.initialAzimuth, 250) < 1e-6 || angleDifference(solution.initialAzimuth, 310) < 1e-6
            #expect(onArc || onSide, "vertex \(vertex) is on neither the arc nor a side")
        }
    }

    @Test func sectorWrapsThroughNorth() throws {
        let center = Coordinate(latitude: 10, longitude: 10)
        let ring = try geodesic.sector(center: center, radius: .kilometers(500), azimuths: try AzimuthRange(parsing: "350..20"))
        let shape = try Antimeridian.cut(Polygon(exterior: ring))
        let north = geodesic.direct(from: center, azimuth: 5, distance: .kilometers(400)).destination
        let south = geodesic.direct(from: center, azimuth: 185, distance: .kilometers(400)).destination
        #expect(try Topology.covers(shape, north))
        #expect(try !Topology.covers(shape, south))
    }

    @Test func annularSectorExcludesTheInnerPart() throws {
        let center = Coordinate(latitude: 64.8, longitude: -179.7)
        let ring = try geodesic.sector(
            center: center, radius: .kilometers(800), minimumRadius: .kilometers(200),
            azimuths: try AzimuthRange(parsing: "225..315")
        )
        let shape = try Antimeridian.cut(Polygon(exterior: ring))
        #expect(try Topology.validity(of: .multiPolygon(shape)) == .valid)
        // The inner arc already lies west of -180: the whole slice lands on the +180 side.
        #expect(shape.polygons.count == 1)
        #expect(Shape.multiPolygon(shape).allCoordinates.allSatisfy { $0.longitude > 0 && $0.longitude <= 180 })
        let inside = geodesic.direct(from: center, azimuth: 270, distance: .kilometers(500)).destination
        let tooClose = geodesic.direct(from: center, azimuth: 270, distance: .kilometers(100)).destination
        #expect(try Topology.covers(shape, inside))
        #expect(try !Topology.covers(shape, tooClose))
        #expect(throws: GeodesyError.self) {
            try geodesic.sector(center: center, radius: .kilometers(100), minimumRadius: .kilometers(200),
                                azimuths: try AzimuthRange(parsing: "225..315"))
        }
    }

    @Test func sectorEdgesStayWithinTolerance() throws {
        let center = Coordinate(latitude: 70, longitude: 20)
        let azimuths = try AzimuthRange(parsing: "300..60")
        let ring = try geodesic.sector(center: center, radius: .kilometers(3000), azimuths: azimuths, tolerance: .meters(5))
        // Every straight edge's midpoint is within 5 m of the sector boundary:
        // at the radius on the arc, or on a side geodesic.
        for (a, b) in zip(ring, ring.dropFirst()) where abs(a.latitude) < 90 && abs(b.latitude) < 90 {
            let mid = Coordinate(latitude: (a.latitude + b.latitude) / 2, longitude: (a.longitude + b.longitude) / 2)
            let solution = geodesic.inverse(from: center, to: mid)
            let arcGap = abs(solution.distance.meters - 3_000_000)
            var sideGap = Double.infinity
            for azimuth in [300.0, 60.0] {
                let onSide = geodesic.direct(from: center, azimuth: azimuth, distance: solution.distance).destination
                sideGap = min(sideGap, geodesic.distance(from: mid, to: onSide).meters)
            }
            #expect(min(arcGap, sideGap) <= 5, "edge \(a) -> \(b)")
        }
    }

    @Test func pathFollowsTheGeodesic() throws {
        let start = Coordinate(latitude: 32.86667, longitude: 44.21389)
        let end = Coordinate(latitude: 24.68773, longitude: 46.72185)
        let line = try geodesic.path(from: start, to: end, tolerance: .meters(1))
        #expect(line.first == start)
        let last = try #require(line.last)
        #expect(geodesic.distance(from: last, to: end).meters < 1e-6)
        let total = geodesic.distance(from: start, to: end).meters
        var walked = 0.0
        for (a, b) in zip(line, line.dropFirst()) { walked += geodesic.distance(from: a, to: b).meters }
        #expect(abs(walked - total) < 1e-3)
    }
}
