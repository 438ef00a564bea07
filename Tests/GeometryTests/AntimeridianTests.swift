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
