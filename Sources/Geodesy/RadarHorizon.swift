import Foundation
import GeoModel

/// How far a radar sees a target over a smooth Earth with standard
/// refraction: the 4/3-Earth effective-radius model.
///
/// Refraction bends radio waves down towards the ground; the standard
/// treatment replaces the Earth's radius R by an effective radius k·R with
/// k = 4/3 and draws the rays straight (Skolnik, *Introduction to Radar
/// Systems*, 3rd ed., 2001; ITU-R P.453 and P.834 for the k-factor; Federal
/// Standard 1037C, "radar line-of-sight equation"). The radar at height
/// h_r sees the surface out to √(2kR·h_r), a target at height h_t rises
/// above it √(2kR·h_t) further on, so the line-of-sight range is
///
///     d = √(2kR·h_r) + √(2kR·h_t)  ≈ 4.12 (√h_r + √h_t) km, heights in metres.
///
/// Terrain, masking by buildings and anomalous propagation (ducting) are
/// outside it: read it as the smooth-Earth limit.
public enum RadarHorizon {
    /// The effective-radius factor k of the standard atmosphere.
    public static let refractionFactor = 4.0 / 3.0
    /// Mean Earth radius R, metres (as `BallisticTrajectory.earthRadius`).
    public static let earthRadius = BallisticTrajectory.earthRadius

    /// Line-of-sight range between a radar antenna and a target over the
    /// 4/3 Earth: √(2kR·h_r) + √(2kR·h_t).
    /// - Parameters:
    ///   - radarHeight: the antenna's height above the ground, metres.
    ///   - targetHeight: the target's altitude above the ground, metres.
    /// - Returns: the range (metres; at these heights ground and slant
    ///   range differ by far less than a metre in a kilometre).
    /// - Throws: `GeodesyError.invalidHeight` for a height that is negative or not finite.
    public static func distance(radarHeight: Distance, targetHeight: Distance) throws(GeodesyError) -> Distance {
        for height in [radarHeight, targetHeight] where !(height.meters.isFinite && height.meters >= 0) {
            throw .invalidHeight(height)
        }
        let twiceEffectiveRadius = 2 * refractionFactor * earthRadius
        return .meters((twiceEffectiveRadius * radarHeight.meters).squareRoot()
            + (twiceEffectiveRadius * targetHeight.meters).squareRoot())
    }
}
