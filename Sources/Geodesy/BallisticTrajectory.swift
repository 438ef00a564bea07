import Foundation
import GeoModel

/// The minimum-energy ballistic trajectory between two points of a
/// spherical, non-rotating Earth, in vacuum, with burnout at the surface:
/// a Keplerian ellipse with the Earth's centre at one focus and the other
/// focus on the chord between launch and impact, which is the ellipse of
/// least burnout speed that joins the two points.
///
/// Closed form, with `θ` the central angle of the ground range, `s =
/// sin(θ/2)`, `c = cos(θ/2)` and `R` the Earth's radius:
/// - semi-major axis `a = R (1 + s) / 2`, eccentricity `e = c / (1 + s)`;
/// - burnout flight-path angle above the horizon `γ = π/4 - θ/4`, burnout
///   speed `v² = (μ / R) · 2s / (1 + s)`;
/// - apogee height `R (s + c - 1) / 2` above the surface;
/// - time of flight `2 √(a³/μ) · (π - E + e sin E)`, with the eccentric
///   anomaly at burnout `cos E = (s - 1) / c`.
///
/// This is the textbook model (Bate, Mueller and White, *Fundamentals of
/// Astrodynamics*, 1971, section 6.2); real flights differ (the README
/// compares it with published tests): boost and re-entry take time the
/// model has none of, the atmosphere slows the re-entry, and a missile
/// flown lofted or depressed is not on its minimum-energy ellipse.
public struct BallisticTrajectory: Hashable, Sendable {
    /// Mean radius of the spherical Earth, metres (IUGG mean radius R₁, rounded).
    public static let earthRadius = 6_371_000.0
    /// Geocentric gravitational constant of WGS84, m³/s².
    public static let gravitationalParameter = 3.986_004_418e14

    /// Ground range along the surface of the sphere.
    public let groundRange: Distance
    /// Time from burnout to impact, seconds.
    public let flightTime: Double
    /// Greatest height above the surface of the sphere.
    public let apogee: Distance
    /// Speed at burnout, metres per second.
    public let burnoutSpeed: Double
    /// Flight-path angle at burnout above the local horizon, degrees.
    public let burnoutAngle: Double

    /// The minimum-energy trajectory over `groundRange`.
    /// - Parameter groundRange: at least zero; ranges beyond half the
    ///   sphere's circumference (20,015 km) are taken the short way round,
    ///   as no missile flies the long way. At zero every value is zero.
    public init(groundRange: Distance) {
        let radius = Self.earthRadius, mu = Self.gravitationalParameter
        let circumference = 2 * Double.pi * radius
        var meters = max(0, groundRange.meters).truncatingRemainder(dividingBy: circumference)
        if meters > circumference / 2 { meters = circumference - meters }
        self.groundRange = .meters(meters)
        let theta = meters / radius
        let s = sin(theta / 2), c = cos(theta / 2)
        let semiMajor = radius * (1 + s) / 2
        let eccentricity = c / (1 + s)
        apogee = .meters(radius * (s + c - 1) / 2)
        burnoutSpeed = (mu / radius * 2 * s / (1 + s)).squareRoot()
        burnoutAngle = (Double.pi / 4 - theta / 4) * 180 / .pi
        // At zero range c = 1 and (s - 1)/c = -1: E = π and the time is zero.
        // At half the circumference c = 0 (a grazing circular orbit, e = 0):
        // E tends to π/2 and the time to half a period.
        let eccentricAnomaly: Double
        if c < 1e-12 {
            eccentricAnomaly = Double.pi / 2
        } else {
            eccentricAnomaly = acos(min(1, max(-1, (s - 1) / c)))
        }
        flightTime = 2 * (semiMajor * semiMajor * semiMajor / mu).squareRoot()
            * (Double.pi - eccentricAnomaly + eccentricity * sin(eccentricAnomaly))
    }
}
