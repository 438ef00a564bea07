import GeoModel

/// Planar tests on outlines in longitude/latitude, enough to tell whether a
/// gazetteer point lies in a province (outlines are cut at ±180, so the
/// plane is the right model) and to place a point inside a user's area.
/// The algorithms live in GeoModel's `RingGeometry`.
enum AreaGeometry {
    /// Whether `point` lies inside `area` (inside an exterior ring and
    /// outside its holes), by ray casting.
    static func contains(_ area: MultiPolygon, _ point: Coordinate) -> Bool {
        RingGeometry.contains(area, point)
    }

    /// A point inside `area` (see `RingGeometry.interiorPoint(of:)`); nil for an empty area.
    static func interiorPoint(_ area: MultiPolygon) -> Coordinate? {
        RingGeometry.interiorPoint(of: area)
    }
}
