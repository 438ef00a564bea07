import GeoModel

/// An axis-aligned lon/lat square, counter-clockwise, closed.
func square(west: Double, south: Double, size: Double) -> Polygon {
    Polygon(exterior: [
        Coordinate(latitude: south, longitude: west),
        Coordinate(latitude: south, longitude: west + size),
        Coordinate(latitude: south + size, longitude: west + size),
        Coordinate(latitude: south + size, longitude: west),
        Coordinate(latitude: south, longitude: west),
    ])
}

/// Planar area in square degrees (holes subtracted).
func planarArea(_ shape: MultiPolygon) -> Double {
    shape.polygons.reduce(0) { sum, polygon in
        sum + abs(RingGeometry.signedDoubleArea(polygon.exterior)) / 2
            - polygon.holes.reduce(0) { $0 + abs(RingGeometry.signedDoubleArea($1)) / 2 }
    }
}
