import CPROJ
import GeoModel

/// Area and perimeter of a shape on the ellipsoid.
public struct GeodesicMeasure: Hashable, Sendable {
    /// Area in square metres (signed for a single ring: counter-clockwise positive).
    public var area: Double
    /// Perimeter in metres (for polygons, every ring's length summed).
    public var perimeter: Double

    /// Area in square kilometres.
    public var squareKilometers: Double { area / 1e6 }
}

extension Geodesic {
    /// Signed area and perimeter of the polygon whose vertices are `ring`,
    /// joined by geodesics. Wraps `geod_polygonarea`.
    ///
    /// The ring may be closed (first == last) or not. Counter-clockwise rings
    /// have positive area. Longitudes may be unwrapped.
    public func measure(ring: Ring) -> GeodesicMeasure {
        var vertices = ring
        if vertices.count > 1, vertices.first == vertices.last { vertices.removeLast() }
        guard vertices.count > 2 else {
            return GeodesicMeasure(area: 0, perimeter: vertices.count == 2 ? 2 * distance(from: vertices[0], to: vertices[1]).meters : 0)
        }
        var latitudes = vertices.map(\.latitude)
        var longitudes = vertices.map(\.longitude)
        var area = 0.0, perimeter = 0.0
        withUnsafePointer(to: raw) { geodesic in
            geod_polygonarea(geodesic, &latitudes, &longitudes, Int32(vertices.count), &area, &perimeter)
        }
        return GeodesicMeasure(area: area, perimeter: perimeter)
    }

    /// Unsigned area and total perimeter of a polygon: exterior minus holes,
    /// whatever the rings' winding.
    public func measure(polygon: Polygon) -> GeodesicMeasure {
        let exterior = measure(ring: polygon.exterior)
        var result = GeodesicMeasure(area: abs(exterior.area), perimeter: exterior.perimeter)
        for hole in polygon.holes {
            let measured = measure(ring: hole)
            result.area -= abs(measured.area)
            result.perimeter += measured.perimeter
        }
        return result
    }

    /// Sum of the polygons' areas and perimeters.
    public func measure(multiPolygon: MultiPolygon) -> GeodesicMeasure {
        multiPolygon.polygons.reduce(GeodesicMeasure(area: 0, perimeter: 0)) { sum, polygon in
            let measured = measure(polygon: polygon)
            return GeodesicMeasure(area: sum.area + measured.area, perimeter: sum.perimeter + measured.perimeter)
        }
    }
}
