import Foundation

/// A box in latitude and longitude that holds every point within `radius`
/// of `center` on the WGS84 ellipsoid.
///
/// A degree of latitude is at least 110.57 km, so the latitude half-width is
/// `radius / 110.5 km` (plus 1 %). Along a parallel, a degree is at least
/// 111.3 km × cos(latitude); the longitude half-width uses the parallel
/// nearest a pole within the box. When the box reaches a pole it takes
/// every longitude; when it crosses ±180 it wraps.
public struct SearchBox: Sendable {
    public var south: Double
    public var north: Double
    /// Longitude half-width in degrees; >= 180 means every longitude.
    public var halfWidth: Double
    public var centerLongitude: Double

    public init(center: Coordinate, radius: Distance) {
        let latitudeSpan = radius.meters / 110_500 * 1.01 + 1e-9
        south = center.latitude - latitudeSpan
        north = center.latitude + latitudeSpan
        centerLongitude = center.longitude
        if south <= -90 || north >= 90 {
            halfWidth = 360
        } else {
            let extreme = max(abs(south), abs(north)) * .pi / 180
            let metresPerDegree = 111_300 * cos(extreme)
            halfWidth = metresPerDegree > 0 ? radius.meters / metresPerDegree * 1.01 + 1e-9 : 360
        }
        south = max(south, -90)
        north = min(north, 90)
    }

    public func contains(latitude: Double, longitude: Double) -> Bool {
        guard latitude >= south, latitude <= north else { return false }
        guard halfWidth < 180 else { return true }
        var difference = abs(longitude - centerLongitude).truncatingRemainder(dividingBy: 360)
        if difference > 180 { difference = 360 - difference }
        return difference <= halfWidth
    }
}
