import Testing
import GeoModel

@Suite struct ShapesTests {
    /// A 1° square at the origin; `counterClockwise` as seen with east to the
    /// right and north up.
    static func square(counterClockwise: Bool, west: Double = 0, south: Double = 0, size: Double = 1) -> Ring {
        let corners = [
            Coordinate(latitude: south, longitude: west),
            Coordinate(latitude: south, longitude: west + size),
            Coordinate(latitude: south + size, longitude: west + size),
            Coordinate(latitude: south + size, longitude: west),
        ]
        let ordered = counterClockwise ? corners : corners.reversed()
        return ordered + [ordered[0]]
    }

    @Test func signedDoubleAreaIsPositiveCounterClockwise() {
        #expect(RingGeometry.signedDoubleArea(Self.square(counterClockwise: true)) == 2)
        #expect(RingGeometry.signedDoubleArea(Self.square(counterClockwise: false)) == -2)
        #expect(RingGeometry.signedDoubleArea(Self.square(counterClockwise: true, west: 40, south: 30, size: 3)) == 18)
    }

    @Test func signedDoubleAreaOfATriangle() {
        let triangle: Ring = [
            Coordinate(latitude: 0, longitude: 0),
            Coordinate(latitude: 0, longitude: 4),
            Coordinate(latitude: 3, longitude: 0),
            Coordinate(latitude: 0, longitude: 0),
        ]
        #expect(RingGeometry.signedDoubleArea(triangle) == 12)
    }

    @Test func degenerateRingsHaveNoArea() {
        #expect(RingGeometry.signedDoubleArea([]) == 0)
        #expect(RingGeometry.signedDoubleArea([Coordinate(latitude: 1, longitude: 2), Coordinate(latitude: 1, longitude: 2)]) == 0)
    }

    @Test func orientedKeepsOrReversesARing() {
        let ccw = Self.square(counterClockwise: true)
        let cw = Self.square(counterClockwise: false)
        #expect(RingGeometry.oriented(ccw, counterClockwise: true) == ccw)
        #expect(RingGeometry.oriented(cw, counterClockwise: true) == Array(cw.reversed()))
        #expect(RingGeometry.oriented(cw, counterClockwise: false) == cw)
        #expect(RingGeometry.oriented(ccw, counterClockwise: false) == Array(ccw.reversed()))
        #expect(RingGeometry.signedDoubleArea(RingGeometry.oriented(cw, counterClockwise: true)) == 2)
    }

    @Test func rfc7946OrientationTurnsExteriorCounterClockwiseAndHolesClockwise() {
        let polygon = Polygon(
            exterior: Self.square(counterClockwise: false, size: 10),
            holes: [
                Self.square(counterClockwise: true, west: 1, south: 1, size: 2),
                Self.square(counterClockwise: false, west: 5, south: 5, size: 2),
            ]
        )
        let oriented = polygon.rfc7946Oriented
        #expect(RingGeometry.signedDoubleArea(oriented.exterior) == 200)
        #expect(oriented.holes.map(RingGeometry.signedDoubleArea) == [-8, -8])
        #expect(oriented.exterior == Array(polygon.exterior.reversed()))
        #expect(oriented.holes[0] == Array(polygon.holes[0].reversed()))
        #expect(oriented.holes[1] == polygon.holes[1])
        #expect(oriented.rfc7946Oriented == oriented)
    }

    @Test func orientationWorksInUnwrappedLongitude() {
        let ring = Self.square(counterClockwise: true, west: 179, south: 64, size: 2)
        #expect(RingGeometry.signedDoubleArea(ring) == 8)
        #expect(RingGeometry.oriented(ring, counterClockwise: true) == ring)
    }

    @Test func allCoordinatesListsRingsInOrder() {
        let point = Coordinate(latitude: 1, longitude: 2)
        let exterior = Self.square(counterClockwise: true, size: 10)
        let hole = Self.square(counterClockwise: false, west: 1, south: 1, size: 2)
        let other = Self.square(counterClockwise: true, west: 20, south: 20, size: 1)
        #expect(Shape.point(point).allCoordinates == [point])
        #expect(Shape.lineString(LineString([point, point])).allCoordinates == [point, point])
        #expect(Shape.polygon(Polygon(exterior: exterior, holes: [hole])).allCoordinates == exterior + hole)
        let multi = MultiPolygon([Polygon(exterior: exterior, holes: [hole]), Polygon(exterior: other)])
        #expect(Shape.multiPolygon(multi).allCoordinates == exterior + hole + other)
        #expect(Shape.multiPolygon(multi).allCoordinates.count == 15)
        #expect(MultiPolygon([]).isEmpty)
        #expect(!multi.isEmpty)
    }

    @Test(arguments: [true, false])
    func locationOfAPointAgainstARing(counterClockwise: Bool) {
        // A concave ring: an L of three unit squares, either way round.
        var ring: Ring = [(0, 0), (2, 0), (2, 1), (1, 1), (1, 2), (0, 2), (0, 0)].map {
            Coordinate(latitude: Double($0.1), longitude: Double($0.0))
        }
        if !counterClockwise { ring.reverse() }
        func at(_ longitude: Double, _ latitude: Double) -> RingGeometry.Location {
            RingGeometry.location(of: Coordinate(latitude: latitude, longitude: longitude), in: ring)
        }
        #expect(at(0.5, 0.5) == .inside)
        #expect(at(1.5, 0.5) == .inside)
        #expect(at(0.5, 1.5) == .inside)
        #expect(at(1.5, 1.5) == .outside)  // the notch
        #expect(at(3, 0.5) == .outside)
        #expect(at(-1, 1) == .outside)      // level with a vertex
        #expect(at(0.5, 1) == .inside)      // level with the notch's edge, inside
        #expect(at(1, 1.5) == .boundary)
        #expect(at(2, 0) == .boundary)
        #expect(at(1.5, 1) == .boundary)
    }
}
