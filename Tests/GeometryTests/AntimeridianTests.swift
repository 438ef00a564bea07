import GeoModel
import Geometry
import Testing

@Suite struct AntimeridianTests {
    @Test func shapeWithinTheWorldIsUnchanged() throws {
        let inside = square(west: 10, south: 10, size: 5)
        let cut = try Antimeridian.cut(inside)
        #expect(cut == MultiPolygon([inside]))
    }

    @Test func shapeAcrossPlus180IsSplitInTwo() throws {
        let across = square(west: 178, south: 10, size: 4)  // 178 .. 182
        let cut = try Antimeridian.cut(across)
        #expect(cut.polygons.count == 2)
        #expect(abs(planarArea(cut) - 16) < 1e-9)
        let longitudes = Shape.multiPolygon(cut).allCoordinates.map(\.longitude)
        #expect(longitudes.allSatisfy { (-180...180).contains($0) })
        #expect(longitudes.contains(-178))
        #expect(try Topology.validity(of: .multiPolygon(cut)) == .valid)
    }

    @Test func shapeAcrossMinus180IsSplitInTwo() throws {
        let cut = try Antimeridian.cut(square(west: -183, south: -20, size: 6))
        #expect(cut.polygons.count == 2)
        #expect(abs(planarArea(cut) - 36) < 1e-9)
        #expect(Shape.multiPolygon(cut).allCoordinates.contains { $0.longitude == 177 })
    }

    @Test func polarCapSpanningMoreThan360DegreesIsMergedIntoOneBand() throws {
        // An unwrapped cap from longitude 10 to 370, closed along the pole.
        let cap = Polygon(exterior: [
            .init(latitude: 80, longitude: 10), .init(latitude: 80, longitude: 370),
            .init(latitude: 90, longitude: 370), .init(latitude: 90, longitude: 10), .init(latitude: 80, longitude: 10),
        ])
        let cut = try Antimeridian.cut(cap)
        #expect(cut.polygons.count == 1)
        #expect(abs(planarArea(cut) - 3600) < 1e-9)
        #expect(try Topology.covers(cut, .init(latitude: 85, longitude: -179.5)))
    }
}

/// `Antimeridian.split(path:crossing:)`: paths in unwrapped longitude cut at ±180.
@Suite struct AntimeridianPathTests {
    /// Straight edges in longitude: the crossing at latitude halfway.
    static func linear(_ a: Coordinate, _ b: Coordinate, _ meridian: Double) -> Coordinate {
        let t = (meridian - a.longitude) / (b.longitude - a.longitude)
        return Coordinate(latitude: a.latitude + t * (b.latitude - a.latitude), longitude: meridian)
    }

    @Test func aPathThatStaysInsideIsOnePiece() {
        let path = [Coordinate(latitude: 0, longitude: 10), Coordinate(latitude: 5, longitude: 20)]
        #expect(Antimeridian.split(path: path, crossing: Self.linear) == [path])
    }

    @Test func eastwardAcross180IsCutThere() {
        let path = [Coordinate(latitude: 0, longitude: 170), Coordinate(latitude: 10, longitude: 190)]
        let pieces = Antimeridian.split(path: path, crossing: Self.linear)
        #expect(pieces == [[Coordinate(latitude: 0, longitude: 170), Coordinate(latitude: 5, longitude: 180)],
                           [Coordinate(latitude: 5, longitude: -180), Coordinate(latitude: 10, longitude: -170)]])
    }

    @Test func westwardAcrossMinus180IsCutThere() {
        let path = [Coordinate(latitude: 0, longitude: -170), Coordinate(latitude: -10, longitude: -190)]
        let pieces = Antimeridian.split(path: path, crossing: Self.linear)
        #expect(pieces.count == 2)
        #expect(pieces[0].last == Coordinate(latitude: -5, longitude: -180))
        #expect(pieces[1].first == Coordinate(latitude: -5, longitude: 180))
    }

    @Test func anEmptyPathHasNoPieces() {
        #expect(Antimeridian.split(path: [], crossing: Self.linear).isEmpty)
    }
}
