import GeoModel
import Geometry
import Testing

@Suite struct WKTTests {
    @Test func roundTripsAPolygonWithAHole() throws {
        let text = "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))"
        let shape = try WKT.shape(from: text)
        guard case let .polygon(polygon) = shape else { Issue.record("not a polygon: \(shape)"); return }
        #expect(polygon.holes.count == 1)
        #expect(polygon.exterior[1] == Coordinate(latitude: 0, longitude: 4))
        #expect(try WKT.string(from: shape) == text)
    }

    @Test func writesPointsAsLongitudeLatitude() throws {
        let text = try WKT.string(from: .point(Coordinate(latitude: 32.87, longitude: 44.15)))
        #expect(text == "POINT (44.15 32.87)")
    }

    @Test func roundsToTheAskedDecimals() throws {
        let text = try WKT.string(from: .point(Coordinate(latitude: 1.23456789, longitude: 2.5)), decimals: 3)
        #expect(text == "POINT (2.5 1.235)")
    }

    @Test func readsMultiPolygonsAndLines() throws {
        let multi = try WKT.shape(from: "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))")
        guard case let .multiPolygon(parts) = multi else { Issue.record("not a multipolygon"); return }
        #expect(parts.polygons.count == 2)
        let line = try WKT.shape(from: "LINESTRING (44 32, 46 24)")
        #expect(line == .lineString(LineString([.init(latitude: 32, longitude: 44), .init(latitude: 24, longitude: 46)])))
    }

    @Test func malformedTextBecomesAThrownGEOSError() {
        do {
            _ = try WKT.shape(from: "POLYGON ((0 0, 1 1")
            Issue.record("malformed WKT was accepted")
        } catch let GeometryError.geos(function, message) {
            #expect(function == "GEOSWKTReader_read_r")
            #expect(!message.isEmpty && message != "no message")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
