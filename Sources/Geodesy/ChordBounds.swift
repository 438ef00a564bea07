import Foundation
import GeoModel

/// A point on the ellipsoid's surface in Earth-centred Cartesian
/// coordinates (metres), for cheap bounds on geodesic distance.
public struct SurfacePoint: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var z: Double

    /// The point on an ellipsoid (equatorial radius in metres, first
    /// eccentricity squared) whose latitude and longitude have these sines
    /// and cosines.
    @inlinable
    init(sinLatitude: Double, cosLatitude: Double, sinLongitude: Double, cosLongitude: Double,
         equatorialRadius: Double, eccentricitySquared: Double) {
        let normal = equatorialRadius / (1 - eccentricitySquared * sinLatitude * sinLatitude).squareRoot()
        x = normal * cosLatitude * cosLongitude
        y = normal * cosLatitude * sinLongitude
        z = normal * (1 - eccentricitySquared) * sinLatitude
    }

    /// Squared straight-line (chord) distance to `other`, square metres.
    @inlinable
    public func chordSquared(to other: SurfacePoint) -> Double {
        let dx = x - other.x, dy = y - other.y, dz = z - other.z
        return dx * dx + dy * dy + dz * dz
    }
}

extension Geodesic {
    /// The surface point at `coordinate` (height 0).
    public func surfacePoint(_ coordinate: Coordinate) -> SurfacePoint {
        let latitude = coordinate.latitude * .pi / 180, longitude = coordinate.longitude * .pi / 180
        return SurfacePoint(sinLatitude: sin(latitude), cosLatitude: cos(latitude),
                            sinLongitude: sin(longitude), cosLongitude: cos(longitude),
                            equatorialRadius: equatorialRadius, eccentricitySquared: eccentricitySquared)
    }

    /// First eccentricity squared, f·(2 − f).
    var eccentricitySquared: Double { flattening * (2 - flattening) }

    /// Smallest radius of curvature of the ellipsoid, b²/a (metres): no
    /// geodesic bends more sharply than a circle of this radius.
    public var smallestCurvatureRadius: Double {
        let polarRadius = equatorialRadius * (1 - flattening)
        return polarRadius * polarRadius / equatorialRadius
    }
}

/// Decides "geodesic distance ≤ range" from the chord alone when it can.
///
/// The chord c between two surface points never exceeds the geodesic s
/// (a straight line is shortest), so c > range means s > range. And since no
/// geodesic curves more than a circle of radius ρ = b²/a, Schur's comparison
/// theorem gives c ≥ 2ρ·sin(s/2ρ), so c ≤ 2ρ·sin(range/2ρ) means s ≤ range.
/// Between the two (about 355 m wide at 700 km) only `geod_inverse` decides.
public struct ChordRangeTest: Hashable, Sendable {
    public enum Decision: Sendable { case within, beyond, undecided }

    /// Squared chord above which the distance is certainly beyond the range.
    public let beyondChordSquared: Double
    /// Squared chord at or below which the distance is certainly within it
    /// (-1 when no chord is: ranges past half the circumference of that circle).
    public let withinChordSquared: Double

    public init(range: Distance, geodesic: Geodesic = .wgs84) {
        let r = range.meters, rho = geodesic.smallestCurvatureRadius
        // A hair above r², so rounding in the chord never rules out a target at exactly the range.
        beyondChordSquared = r * r * (1 + 1e-12)
        if r < .pi * rho {
            // Shrink by a few ulps so rounding in the chord never flips a decision.
            let chord = 2 * rho * sin(r / (2 * rho)) * (1 - 1e-12)
            withinChordSquared = chord * chord
        } else {
            withinChordSquared = -1
        }
    }

    /// The decision for a squared chord length.
    @inlinable
    public func decide(chordSquared: Double) -> Decision {
        if chordSquared > beyondChordSquared { return .beyond }
        if chordSquared <= withinChordSquared { return .within }
        return .undecided
    }
}
