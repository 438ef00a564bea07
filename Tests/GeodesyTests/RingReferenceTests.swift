import Foundation
import Geodesy
import GeoModel
import Geometry
import Testing

/// Ring vertices and areas against geographiclib (`rings.csv`, made by
/// `Scripts/make_range_reference.py`): relative area error below 1e-9, both
/// for the ring as geod_polygonarea sees it and for the region once cut at
/// ±180 and closed along a pole.
@Suite struct RingReferenceTests {
    let geodesic = Geodesic.wgs84

    struct Row: CustomTestStringConvertible, Sendable {
        var name: String
        var center: Coordinate
        var radius: Double
        var vertexCount: Int
        var area: Double
        var perimeter: Double
        var testDescription: String { name }
    }

    static func rows() throws -> [Row] {
        try ReferenceTable(named: "rings.csv").rows.map { field in
            Row(name: field[0], center: Coordinate(latitude: Double(field[1])!, longitude: Double(field[2])!),
                radius: Double(field[3])!, vertexCount: Int(field[4])!, area: Double(field[5])!, perimeter: Double(field[6])!)
        }
    }

    /// The reference vertices: azimuths 360 − 360·i/n, counter-clockwise.
    func vertices(_ row: Row) -> [Coordinate] {
        (0..<row.vertexCount).map { index in
            let azimuth = 360 - 360 * Double(index) / Double(row.vertexCount)
            return geodesic.direct(from: row.center, azimuth: azimuth, distance: .meters(row.radius)).destination
        }
    }

    /// geod_polygonarea's area error is absolute, about 1e-5 m² here, so the
    /// 1 m ring (3 m²) is held to 1e-4 m² rather than 1e-9 relative.
    static func areaTolerance(_ area: Double) -> Double { max(1e-9 * abs(area), 1e-4) }

    @Test(arguments: try rows())
    func ringAreaMatchesGeographicLib(_ row: Row) {
        let measured = geodesic.measure(ring: vertices(row))
        #expect(abs(measured.area - row.area) <= Self.areaTolerance(row.area), "area \(measured.area) vs \(row.area)")
        #expect(abs(measured.perimeter - row.perimeter) <= 1e-9 * row.perimeter)
    }

    @Test(arguments: try rows())
    func cutRegionAreaMatchesGeographicLib(_ row: Row) throws {
        // Unwrap the same vertices and close along a pole if they wind round one,
        // as the ring builder does, then cut at ±180.
        var ring = [Coordinate]()
        for vertex in vertices(row) {
            var next = vertex
            if let last = ring.last { next.longitude = last.longitude + remainder(vertex.longitude - last.longitude, 360) }
            ring.append(next)
        }
        let first = ring[0]
        var closing = geodesic.direct(from: row.center, azimuth: 0, distance: .meters(row.radius)).destination
        closing.longitude = ring[ring.count - 1].longitude + remainder(closing.longitude - ring[ring.count - 1].longitude, 360)
        ring.append(closing)
        if abs(closing.longitude - first.longitude) > 180 {
            let pole = closing.longitude > first.longitude ? 90.0 : -90.0
            ring += [Coordinate(latitude: pole, longitude: closing.longitude), Coordinate(latitude: pole, longitude: first.longitude), first]
        } else {
            ring[ring.count - 1] = first
        }
        let region = try Antimeridian.cut(Polygon(exterior: geodesic.insertingAntimeridianCrossings(ring)))
        let measured = geodesic.measure(multiPolygon: region)
        #expect(abs(measured.area - abs(row.area)) <= Self.areaTolerance(row.area), "area \(measured.area) vs \(row.area)")
    }

    @Test func wholeEarthAndHalvesHaveTheirExactAreas() {
        let earth = geodesic.ellipsoidArea
        #expect(abs(earth - 510_065_621_724_088.5) < 1)
        #expect(abs(geodesic.measure(polygon: Antimeridian.world).area - earth) < 1e-3)
        let western = Polygon(exterior: [
            .init(latitude: -90, longitude: -180), .init(latitude: -90, longitude: 0), .init(latitude: 90, longitude: 0),
            .init(latitude: 90, longitude: -180), .init(latitude: -90, longitude: -180),
        ])
        #expect(abs(geodesic.measure(polygon: western).area - earth / 2) < 1e-3)
    }
}
