import GeoModel
import Testing

@Suite struct RingContainmentTests {
    /// An axis-aligned box ring, counter-clockwise, closed.
    static func box(west: Double, south: Double, east: Double, north: Double) -> Ring {
        [(west, south), (east, south), (east, north), (west, north), (west, south)].map {
            Coordinate(latitude: $0.1, longitude: $0.0)
        }
    }

    static func point(_ longitude: Double, _ latitude: Double) -> Coordinate {
        Coordinate(latitude: latitude, longitude: longitude)
    }

    /// A 10° square with a 2° hole in its middle.
    static let framed = Polygon(
        exterior: box(west: 0, south: 0, east: 10, north: 10),
        holes: [box(west: 4, south: 4, east: 6, north: 6).reversed()]
    )

    @Test func pointsInsideAndOutsideARing() {
        let ring = Self.box(west: 0, south: 0, east: 2, north: 1)
        #expect(RingGeometry.contains(ring, Self.point(1, 0.5)))
        #expect(!RingGeometry.contains(ring, Self.point(3, 0.5)))
        #expect(!RingGeometry.contains(ring, Self.point(-1, 0.5)))
        #expect(!RingGeometry.contains(ring, Self.point(1, 2)))
        // Level with the vertices, beside the ring.
        #expect(!RingGeometry.contains(ring, Self.point(-1, 0)))
        #expect(!RingGeometry.contains(ring, Self.point(-1, 1)))
    }

    @Test func windingAndClosingDoNotMatter() {
        let ring = Self.box(west: 0, south: 0, east: 2, north: 1)
        for variant in [ring, ring.reversed(), Array(ring.dropLast())] {
            #expect(RingGeometry.contains(variant, Self.point(1, 0.5)))
            #expect(!RingGeometry.contains(variant, Self.point(2.5, 0.5)))
        }
    }

    @Test func ringsOfFewerThanThreeCoordinatesContainNothing() {
        #expect(!RingGeometry.contains([], Self.point(0, 0)))
        #expect(!RingGeometry.contains([Self.point(0, 0), Self.point(1, 1)], Self.point(0.5, 0.5)))
    }

    /// A point on an edge or vertex shared by tiles lies in exactly one tile.
    @Test(arguments: [(1.0, 0.5), (1.0, 0.0), (1.0, 1.0), (0.5, 1.0), (1.5, 1.0), (0.0, 0.5), (0.0, 0.0)])
    func edgesAndVerticesBelongToExactlyOneTile(longitude: Double, latitude: Double) {
        let tiles = [
            Self.box(west: 0, south: 0, east: 1, north: 1), Self.box(west: 1, south: 0, east: 2, north: 1),
            Self.box(west: 0, south: 1, east: 1, north: 2), Self.box(west: 1, south: 1, east: 2, north: 2),
            Self.box(west: -1, south: 0, east: 0, north: 1), Self.box(west: -1, south: -1, east: 0, north: 0),
            Self.box(west: 0, south: -1, east: 1, north: 0),
        ]
        let holders = tiles.filter { RingGeometry.contains($0, Self.point(longitude, latitude)) }
        #expect(holders.count == 1)
    }

    @Test func holesAreOutside() {
        #expect(RingGeometry.contains(Self.framed, Self.point(2, 2)))
        #expect(!RingGeometry.contains(Self.framed, Self.point(5, 5)))
        #expect(!RingGeometry.contains(Self.framed, Self.point(20, 5)))
        // On the hole's edges: in the framed polygon or in the hole, never both.
        let filling = Polygon(exterior: Self.box(west: 4, south: 4, east: 6, north: 6))
        for edgePoint in [Self.point(4, 5), Self.point(6, 5), Self.point(5, 4), Self.point(5, 6), Self.point(4, 4), Self.point(6, 6)] {
            #expect(RingGeometry.contains(Self.framed, edgePoint) != RingGeometry.contains(filling, edgePoint))
        }
    }

    @Test func multiPolygonContainsWhatAnyPartContains() {
        let area = MultiPolygon([Self.framed, Polygon(exterior: Self.box(west: 20, south: 0, east: 21, north: 1))])
        #expect(RingGeometry.contains(area, Self.point(2, 2)))
        #expect(RingGeometry.contains(area, Self.point(20.5, 0.5)))
        #expect(!RingGeometry.contains(area, Self.point(5, 5)))
        #expect(!RingGeometry.contains(MultiPolygon([]), Self.point(0, 0)))
    }

    @Test func interiorPointAvoidsHolesAndPicksTheLargestPolygon() throws {
        let small = Polygon(exterior: Self.box(west: 20, south: 0, east: 21, north: 1))
        let inside = try #require(RingGeometry.interiorPoint(of: MultiPolygon([small, Self.framed])))
        #expect(RingGeometry.contains(Self.framed, inside))
        #expect(inside.longitude < 4 || inside.longitude > 6)
        #expect(RingGeometry.interiorPoint(of: MultiPolygon([])) == nil)
    }

    @Test func interiorPointOfAConcaveRingLiesInside() throws {
        // A U open to the north: the middle of its box is in the notch.
        let ring: Ring = [(0, 0), (3, 0), (3, 3), (2, 3), (2, 1), (1, 1), (1, 3), (0, 3), (0, 0)].map {
            Coordinate(latitude: $0.1, longitude: $0.0)
        }
        let polygon = Polygon(exterior: ring)
        let inside = try #require(RingGeometry.interiorPoint(of: MultiPolygon([polygon])))
        #expect(RingGeometry.contains(polygon, inside))
    }

    @Test func widestStretchAlongAParallel() throws {
        let stretch = try #require(RingGeometry.widestStretch(of: [Self.framed.exterior] + Self.framed.holes, alongLatitude: 5))
        #expect(stretch.width == 4)
        #expect(stretch.middle == 2)
        #expect(RingGeometry.widestStretch(of: [Self.framed.exterior], alongLatitude: 11) == nil)
    }
}
