import Foundation
import GeoModel

/// Decides whether the straight longitude/latitude edge between two points
/// of a geodesic circle sags more than a tolerance, usually without a
/// `geod_inverse`.
///
/// The sag is |s(M) − r|, the distance from the centre C to the edge's
/// midpoint M less the radius r. Straight-line (chord) lengths from C stand
/// in for geodesic distances: the edge's endpoints lie at exactly r, so
///
///     s(M) − r ≈ (c(M) − (c(L) + c(R)) / 2) / c′(r),
///
/// where c is the chord from C and c′(r) = cos(r / 2R) its rate of change
/// along a geodesic from C (on a sphere of the ellipsoid's mean radius R).
/// The estimate costs a few square roots per edge (sines and cosines once
/// per vertex) instead of a `geod_inverse`. Its error grows with the
/// radius (the sphere's c′, the chord's variation with azimuth): at most
/// 0.11 % of the sag up to 5,000 km in `CircleSagTests`, 0.7 % at 10,000 km.
/// Only edges whose estimate lies within `margin` (2 %) of the tolerance,
/// and every edge of rings above `largestEstimatedRadius`, are decided by
/// `geod_inverse`.
struct CircleSag {
    let geodesic: Geodesic
    let center: Coordinate
    let radius: Double
    let tolerance: Double
    private let centerPoint: SurfacePoint
    /// The ellipsoid's, read once (the estimate runs per edge).
    private let equatorialRadius: Double, eccentricitySquared: Double
    private let chordSlope: Double

    /// Relative band around the tolerance where `geod_inverse` decides.
    static let margin = 0.02
    /// Radii above this (metres) are always checked with `geod_inverse`:
    /// the estimate's error grows with the radius, and up to here it stays
    /// a twentieth of the margin.
    static let largestEstimatedRadius = 5_000_000.0

    init(geodesic: Geodesic, center: Coordinate, radius: Double, tolerance: Double) {
        self.geodesic = geodesic
        self.center = center
        self.radius = radius
        self.tolerance = tolerance
        centerPoint = geodesic.surfacePoint(center)
        equatorialRadius = geodesic.equatorialRadius
        eccentricitySquared = geodesic.eccentricitySquared
        let meanRadius = geodesic.equatorialRadius * (1 - geodesic.flattening / 3)
        chordSlope = cos(radius / (2 * meanRadius))
    }

    /// What the estimate needs of a circle point: the sines and cosines of
    /// its latitude and longitude, and its chord from the centre (metres).
    struct Vertex {
        var sinLatitude: Double, cosLatitude: Double
        var sinLongitude: Double, cosLongitude: Double
        var chord: Double
    }

    /// Measures a point of the circle (once per vertex).
    func vertex(_ coordinate: Coordinate) -> Vertex {
        let latitude = coordinate.latitude * .pi / 180, longitude = coordinate.longitude * .pi / 180
        var vertex = Vertex(sinLatitude: sin(latitude), cosLatitude: cos(latitude),
                            sinLongitude: sin(longitude), cosLongitude: cos(longitude), chord: 0)
        vertex.chord = chord(to: vertex)
        return vertex
    }

    /// The estimated sag of the edge from `left` to `right` (both on the
    /// circle, less than 180° of longitude apart) at its straight
    /// longitude/latitude midpoint, metres.
    ///
    /// The midpoint's sine and cosine come from the ends' by the half-angle
    /// identity: (sin a + sin b, cos a + cos b) points at angle (a + b) / 2.
    func estimate(left: Vertex, right: Vertex) -> Double {
        let (sinLatitude, cosLatitude) = Self.halfway(left.sinLatitude + right.sinLatitude, left.cosLatitude + right.cosLatitude)
        let (sinLongitude, cosLongitude) = Self.halfway(left.sinLongitude + right.sinLongitude, left.cosLongitude + right.cosLongitude)
        let midpoint = Vertex(sinLatitude: sinLatitude, cosLatitude: cosLatitude,
                              sinLongitude: sinLongitude, cosLongitude: cosLongitude, chord: 0)
        return abs(chord(to: midpoint) - (left.chord + right.chord) / 2) / chordSlope
    }

    /// The exact sag at `midpoint`: its geodesic distance from the circle, metres.
    func exact(midpoint: Coordinate) -> Double {
        abs(geodesic.distance(from: center, to: midpoint).meters - radius)
    }

    /// Whether the edge between `left` and `right` sags more than the
    /// tolerance at its straight longitude/latitude `midpoint`.
    func exceedsTolerance(left: Vertex, right: Vertex, midpoint: Coordinate) -> Bool {
        if radius <= Self.largestEstimatedRadius {
            let sag = estimate(left: left, right: right)
            if sag < tolerance * (1 - Self.margin) { return false }
            if sag > tolerance * (1 + Self.margin) { return true }
        }
        return exact(midpoint: midpoint) > tolerance
    }

    private static func halfway(_ sine: Double, _ cosine: Double) -> (sine: Double, cosine: Double) {
        let length = (sine * sine + cosine * cosine).squareRoot()
        return (sine / length, cosine / length)
    }

    /// Chord from the centre to the vertex's surface point, metres.
    private func chord(to vertex: Vertex) -> Double {
        SurfacePoint(sinLatitude: vertex.sinLatitude, cosLatitude: vertex.cosLatitude,
                     sinLongitude: vertex.sinLongitude, cosLongitude: vertex.cosLongitude,
                     equatorialRadius: equatorialRadius, eccentricitySquared: eccentricitySquared)
            .chordSquared(to: centerPoint).squareRoot()
    }
}
