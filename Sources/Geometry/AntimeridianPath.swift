import GeoModel

extension Antimeridian {
    /// Splits a path in unwrapped longitude (longitudes may run past ±180 as
    /// it goes) into pieces within [-180, 180], cut where its edges cross the
    /// antimeridian.
    /// - Parameter crossing: where the edge from the first to the second
    ///   point crosses the meridian at the given unwrapped longitude
    ///   (degrees); for geodesic edges, `Geodesic.meridianCrossing`.
    public static func split(
        path: [Coordinate], crossing: (Coordinate, Coordinate, Double) -> Coordinate
    ) -> [[Coordinate]] {
        guard var previous = path.first else { return [] }
        var pieces = [[previous.normalized]]
        for current in path.dropFirst() {
            let low = min(previous.longitude, current.longitude), high = max(previous.longitude, current.longitude)
            var meridian = ((low - 180) / 360).rounded(.up) * 360 + 180
            while meridian < high {
                if meridian > low {
                    let point = crossing(previous, current, meridian)
                    let side = current.longitude > previous.longitude ? 180.0 : -180.0
                    pieces[pieces.count - 1].append(Coordinate(latitude: point.latitude, longitude: side))
                    pieces.append([Coordinate(latitude: point.latitude, longitude: -side)])
                }
                meridian += 360
            }
            pieces[pieces.count - 1].append(current.normalized)
            previous = current
        }
        return pieces
    }
}
