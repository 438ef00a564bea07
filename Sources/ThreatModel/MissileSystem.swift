import Foundation
import GeoModel

/// A weapon system's reach as published: ranges with their source.
public struct MissileSystem: Hashable, Sendable {
    /// Class of system, as the catalog names it.
    public enum Category: String, CaseIterable, Sendable, Codable {
        case rocket, srbm, mrbm, irbm
        /// Attack drones and loitering munitions.
        case drone
        case airDefence = "air_defence"
        /// A bare range given by the user, not a catalogued system.
        case range
    }

    public var name: String
    public var aliases: [String]
    public var category: Category
    /// Closest distance it can strike (zero when none is published).
    public var minimumRange: Distance
    /// Nominal maximum range.
    public var range: Distance
    /// Lowest and highest maximum range reported across sources.
    public var rangeLow: Distance
    public var rangeHigh: Distance
    public var source: String
    /// Cruise speed in km/h (cruise missiles and drones), when published.
    public var speedKilometersPerHour: Double?
    /// With a range band (`using(.band)`): the low estimate, within which a
    /// target is in reach on every published figure; nil otherwise.
    public var certainRange: Distance?

    public init(
        name: String, aliases: [String] = [], category: Category, minimumRange: Distance = .zero,
        range: Distance, rangeLow: Distance? = nil, rangeHigh: Distance? = nil, source: String,
        speedKilometersPerHour: Double? = nil
    ) {
        self.name = name
        self.aliases = aliases
        self.category = category
        self.minimumRange = minimumRange
        self.range = range
        self.rangeLow = rangeLow ?? range
        self.rangeHigh = rangeHigh ?? range
        self.source = source
        self.speedKilometersPerHour = speedKilometersPerHour
    }

    /// A system standing for a bare range typed by the user (`--range 700km`).
    public static func bareRange(_ range: Distance, minimumRange: Distance = .zero) -> MissileSystem {
        MissileSystem(
            name: range.description, category: .range, minimumRange: minimumRange,
            range: range, source: "range given by the user"
        )
    }

    /// The longest geodesic on the WGS84 ellipsoid, pole to pole along a
    /// meridian (20,003.93 km): no range can be longer.
    public static let longestRange = Distance.meters(20_003_931.458_6)

    /// Why these ranges cannot be a real system's, or nil when they can:
    /// each finite and at most `longestRange`, the maximum above zero, the
    /// minimum below it, and the published span ordered low ≤ nominal ≤ high.
    public var rangeProblem: String? {
        let named = [("min_range", minimumRange), ("range", range), ("range_low", rangeLow), ("range_high", rangeHigh)]
        for (label, value) in named {
            guard value.meters.isFinite, value >= .zero else { return "\(label) is not a finite distance of zero or more" }
            guard value <= Self.longestRange else {
                return "\(label) \(value) is longer than any distance on Earth (at most \(Self.longestRange), half a meridian)"
            }
        }
        guard range > .zero else { return "range must be greater than zero" }
        guard minimumRange < range else { return "min_range \(minimumRange) must be below range \(range)" }
        guard rangeLow <= range, range <= rangeHigh else {
            return "the published span must be ordered range_low ≤ range ≤ range_high (here \(rangeLow), \(range), \(rangeHigh))"
        }
        return nil
    }

    /// Whether a target at `distance` is within reach: inclusive at both ends.
    public func reaches(_ distance: Distance) -> Bool {
        distance >= minimumRange && distance <= range
    }
}

/// Which of a system's published maximum ranges to use.
public enum RangeEstimate: String, CaseIterable, Sendable {
    case low, nominal, high
    /// Both ends: reach decided on the high estimate, and each target
    /// `certain` within the low one, `possible` only within the high one.
    case band
}

extension MissileSystem {
    /// This system with its maximum range taken from the `estimate` end of
    /// its published span.
    public func using(_ estimate: RangeEstimate) -> MissileSystem {
        var system = self
        switch estimate {
        case .low: system.range = rangeLow
        case .nominal: break
        case .high: system.range = rangeHigh
        case .band:
            system.range = rangeHigh
            system.certainRange = rangeLow
        }
        return system
    }
}

extension MissileSystem.Category {
    /// The classes a catalog or scenario may name, for messages: "rocket, srbm, ...".
    public static var catalogNames: String {
        allCases.filter { $0 != .range }.map(\.rawValue).joined(separator: ", ")
    }
}
