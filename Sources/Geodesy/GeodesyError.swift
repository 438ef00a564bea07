import Foundation
import GeoModel

/// Why a geodesic construction was refused.
public enum GeodesyError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case invalidCenter(Coordinate)
    case invalidRadius(Distance)
    /// A radius past the farthest point from any centre (half a meridian).
    case radiusBeyondAntipode(Distance, limit: Distance)
    /// A circle reaching into the region round the antipode where
    /// geodesics from the centre cross (conjugate points of the ellipsoid).
    case radiusNearAntipode(Distance)
    case invalidTolerance(Distance)
    case invalidMinimumRadius(Distance, radius: Distance)
    case tooManyVertices(limit: Int, radius: Distance, tolerance: Distance)
    /// An antenna or target height that is negative or not finite.
    case invalidHeight(Distance)

    public var description: String {
        switch self {
        case let .invalidCenter(center):
            "centre \(center) is not a valid coordinate (latitude must lie in [-90, 90], values finite)"
        case let .invalidRadius(radius):
            "radius \(radius.meters) m must be finite and greater than zero"
        case let .radiusBeyondAntipode(radius, limit):
            "radius \(radius) is longer than any geodesic on WGS84 (\(String(format: "%.1f", limit.kilometers)) km, pole to pole): it would cover the whole Earth"
        case let .radiusNearAntipode(radius):
            "a \(radius) circle reaches the region round the antipode where geodesics from the centre cross one another (the ellipsoid's conjugate points), so it cannot be traced from the centre; radii up to about 19,900 km are supported"
        case let .invalidTolerance(tolerance):
            "tolerance \(tolerance.meters) m must be finite and greater than zero"
        case let .invalidMinimumRadius(minimum, radius):
            "minimum radius \(minimum) must be zero or more and below the radius \(radius)"
        case let .tooManyVertices(limit, radius, tolerance):
            "a \(radius) ring within \(tolerance) would need more than \(limit) vertices; raise the tolerance"
        case let .invalidHeight(height):
            "height \(height.meters) m must be finite and zero or more"
        }
    }

    public var errorDescription: String? { description }
}
