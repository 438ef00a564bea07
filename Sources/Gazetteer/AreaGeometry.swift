import GeoModel

/// Planar tests on outlines in longitude/latitude, enough to tell whether a
/// gazetteer point lies in a province (outlines are cut at ±180, so the
/// plane is the right model) and to place a point inside a user's area.
enum AreaGeometry {
    /// Whether `point` lies inside `area` (inside an exterior ring and
    /// outside its holes), by ray casting.
    static func contains(_ area: MultiPolygon, _ point: Coordinate) -> Bool {
        area.polygons.contains { polygon in
            ringContains(polygon.exterior, point) && !polygon.holes.contains { ringContains($0, point) }
        }
    }

    static func ringContains(_ ring: Ring, _ point: Coordinate) -> Bool {
        guard ring.count >= 4 else { return false }
        var inside = false
        var previous = ring[ring.count - 1]
        for vertex in ring {
            if (vertex.latitude > point.latitude) != (previous.latitude > point.latitude) {
                let crossing = vertex.longitude + (point.latitude - vertex.latitude)
                    * (previous.longitude - vertex.longitude) / (previous.latitude - vertex.latitude)
                if point.longitude < crossing { inside.toggle() }
            }
            previous = vertex
        }
        return inside
    }

    /// A point inside `area`: the middle of the widest stretch of the
    /// largest polygon along the parallel through the middle of its extent
    /// (nudged if that parallel hits a vertex). Nil for an empty area.
    static func interiorPoint(_ area: MultiPolygon) -> Coordinate? {
        let largest = area.polygons.max { abs(RingGeometry.signedDoubleArea($0.exterior)) < abs(RingGeometry.signedDoubleArea($1.exterior)) }
        guard let polygon = largest, let box = BoundingBox(covering: polygon.exterior) else { return nil }
        for fraction in [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9] {
            let latitude = box.south + (box.north - box.south) * fraction + 1e-9
            var crossings = [Double]()
            for ring in [polygon.exterior] + polygon.holes where ring.count >= 2 {
                for index in 1..<ring.count {
                    let a = ring[index - 1], b = ring[index]
                    if (a.latitude > latitude) != (b.latitude > latitude) {
                        crossings.append(a.longitude + (latitude - a.latitude) * (b.longitude - a.longitude) / (b.latitude - a.latitude))
                    }
                }
            }
            crossings.sort()
            var best: (width: Double, middle: Double)?
            var index = 0
            while index + 1 < crossings.count {
                let width = crossings[index + 1] - crossings[index]
                if width > 0, width > (best?.width ?? 0) { best = (width, (crossings[index] + crossings[index + 1]) / 2) }
                index += 2
            }
            if let best {
                let point = Coordinate(latitude: latitude, longitude: best.middle)
                if contains(MultiPolygon([polygon]), point) { return point }
            }
        }
        return polygon.exterior.first
    }
}
