import Geodesy
import GeoModel

/// How long a system takes to fly a distance, and how it was estimated.
public struct FlightEstimate: Hashable, Sendable {
    /// How the time was found.
    public enum Model: String, Sendable {
        /// Ballistic classes: the minimum-energy trajectory in vacuum over a
        /// spherical, non-rotating Earth (`BallisticTrajectory`).
        case minimumEnergy = "minimum_energy"
        /// Cruise missiles and drones: the distance over the published cruise speed.
        case cruiseSpeed = "cruise_speed"
    }

    /// Time of flight, minutes.
    public var minutes: Double
    /// Highest point above the surface (ballistic estimates only).
    public var apogee: Distance?
    public var model: Model
}

extension MissileSystem {
    /// The classes flown on a ballistic arc, by the catalog's class names
    /// (names rather than cases, so the list holds whichever classes the
    /// catalog defines): artillery rockets guided or not, short-, medium-,
    /// intermediate-range and intercontinental ballistic missiles, those
    /// launched from submarines, and anti-ship ballistic missiles.
    /// Boost-glide and air-launched aeroballistic missiles fly no such arc.
    public static let ballisticClassNames: Set<String> = ["rocket", "guided_rocket", "srbm", "mrbm", "irbm", "icbm", "slbm", "asbm"]

    /// Whether the minimum-energy trajectory estimates this system's flights.
    public var isBallistic: Bool { Self.ballisticClassNames.contains(category.rawValue) }

    /// The time this system takes to fly `distance`, or nil when it cannot
    /// be estimated: a ballistic class flies its minimum-energy trajectory;
    /// any other system with a published cruise speed flies at that speed;
    /// a system without a published speed (and a bare range) gets none.
    public func flightEstimate(over distance: Distance) -> FlightEstimate? {
        if isBallistic {
            let trajectory = BallisticTrajectory(groundRange: distance)
            return FlightEstimate(minutes: trajectory.flightTime / 60, apogee: trajectory.apogee, model: .minimumEnergy)
        }
        guard let speed = speedKilometersPerHour, speed > 0 else { return nil }
        return FlightEstimate(minutes: distance.kilometers / speed * 60, apogee: nil, model: .cruiseSpeed)
    }

    /// Why `flightEstimate` gives nothing for this system, or nil when it
    /// gives a time or none is expected (air defence defends a radius).
    public var flightEstimateGap: String? {
        if isBallistic || (speedKilometersPerHour ?? 0) > 0 || category == .airDefence { return nil }
        return category == .range ? "a bare range has no flight time" : "no published speed, no flight time"
    }
}

extension ReachResult {
    /// The flight to the target from the launch point, for rows in range;
    /// nil out of range or when the system has no estimate.
    public var flight: FlightEstimate? {
        inRange ? system.flightEstimate(over: distance) : nil
    }
}
