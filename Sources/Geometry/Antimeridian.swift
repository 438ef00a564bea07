import GeoModel

/// Cutting shapes built in unwrapped longitude into [-180, 180].
public enum Antimeridian {
    /// `polygon` (longitudes possibly beyond ±180, latitudes within ±90)
    /// cut at every ±180 + k·360 meridian, each piece shifted back into
    /// [-180, 180] and the pieces united.
    /// - Returns: a valid multipolygon with every longitude in [-180, 180].
    public static func cut(_ polygon: Polygon) throws(GeometryError) -> MultiPolygon {
        let shape = MultiPolygon([polygon])
        // The longitude span, in a plain loop: most rings need no cut and
        // leave here, and `BoundingBox(covering:)` is generic over Sequence,
        // so it is not specialised across modules and costs more than the check.
        guard let first = polygon.exterior.first else { return MultiPolygon([]) }
        var (west, east) = (first.longitude, first.longitude)
        for coordinate in polygon.exterior {
            west = min(west, coordinate.longitude)
            east = max(east, coordinate.longitude)
        }
        if west >= -180, east <= 180 { return shape }
        let firstWorld = Int(((west + 180) / 360).rounded(.down))
        let lastWorld = Int(((east + 180) / 360).rounded(.up)) - 1
        var pieces = [MultiPolygon]()
        for world in firstWorld...max(firstWorld, lastWorld) {
            let offset = Double(world) * 360
            let window = MultiPolygon([Polygon(exterior: [
                Coordinate(latitude: -90, longitude: offset - 180),
                Coordinate(latitude: -90, longitude: offset + 180),
                Coordinate(latitude: 90, longitude: offset + 180),
                Coordinate(latitude: 90, longitude: offset - 180),
                Coordinate(latitude: -90, longitude: offset - 180),
            ])])
            let inside = try Topology.intersection(shape, window)
            pieces.append(MultiPolygon(inside.polygons.map { shifted($0, by: -offset) }))
        }
        return try Topology.union(pieces)
    }

    /// The region bounded by `ring` (unwrapped longitudes allowed), cut into
    /// [-180, 180]: the ring's inside, or everything else on Earth when
    /// `complement` is set.
    public static func region(bounding ring: Ring, complement: Bool) throws(GeometryError) -> MultiPolygon {
        let inside = try cut(Polygon(exterior: ring))
        return complement ? try Topology.difference(MultiPolygon([world]), inside) : inside
    }

    /// The whole Earth in longitude/latitude.
    public static let world = Polygon(exterior: [
        Coordinate(latitude: -90, longitude: -180), Coordinate(latitude: -90, longitude: 180),
        Coordinate(latitude: 90, longitude: 180), Coordinate(latitude: 90, longitude: -180),
        Coordinate(latitude: -90, longitude: -180),
    ])

    private static func shifted(_ polygon: Polygon, by degrees: Double) -> Polygon {
        func move(_ ring: Ring) -> Ring {
            ring.map { Coordinate(latitude: $0.latitude, longitude: $0.longitude + degrees) }
        }
        return Polygon(exterior: move(polygon.exterior), holes: polygon.holes.map(move))
    }
}
