extension RingGeometry {
    /// A point inside `area` in the longitude/latitude plane: the middle of
    /// the widest stretch of its largest polygon (by planar exterior area)
    /// along a parallel, the first of the parallels at 50, 40, 60, 30, 70, 20,
    /// 80, 10 and 90 % of the polygon's latitude span (each raised by 1e-9°
    /// off any vertex) whose stretch middle `contains(_:_:)` confirms.
    ///
    /// Falls back to the exterior's first coordinate when no parallel gives
    /// one (a degenerate polygon); nil for an empty area.
    public static func interiorPoint(of area: MultiPolygon) -> Coordinate? {
        let largest = area.polygons.max { abs(signedDoubleArea($0.exterior)) < abs(signedDoubleArea($1.exterior)) }
        guard let polygon = largest, let box = BoundingBox(covering: polygon.exterior) else { return nil }
        for fraction in [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9] {
            let latitude = box.south + (box.north - box.south) * fraction + 1e-9
            if let middle = widestStretch(of: [polygon.exterior] + polygon.holes, alongLatitude: latitude)?.middle {
                let point = Coordinate(latitude: latitude, longitude: middle)
                if contains(polygon, point) { return point }
            }
        }
        return polygon.exterior.first
    }

    /// The widest stretch inside `rings` (even-odd, straight longitude/latitude
    /// edges between consecutive coordinates) along the parallel at
    /// `latitude` degrees: its width and its middle longitude, degrees.
    /// Nil when the parallel crosses no stretch of positive width.
    public static func widestStretch(of rings: [Ring], alongLatitude latitude: Double) -> (width: Double, middle: Double)? {
        var crossings = [Double]()
        for ring in rings where ring.count >= 2 {
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
        return best
    }
}
