import Foundation
import GeoModel

/// A weapon system's reach as published: ranges with their source.
public struct MissileSystem: Hashable, Sendable {
    /// Class of system, as the catalog names it.
    public enum Category: String, CaseIterable, Sendable, Codable {
        /// Unguided artillery rockets.
        case rocket
        /// Artillery rockets with guidance (GMLRS, Vilkha, Tornado-S).
        case guidedRocket = "guided_rocket"
        /// Ballistic missiles by reach: short (up to 1,000 km), medium (to
        /// 3,000 km), intermediate (to 5,500 km), intercontinental, and
        /// submarine-launched.
        case srbm, mrbm, irbm, icbm, slbm
        /// Cruise missiles launched from the ground, the air and the sea.
        case glcm, alcm, slcm
        /// Anti-ship ballistic missiles.
        case asbm
        /// Boost-glide vehicles (Avangard, DF-17).
        case hypersonicGlide = "hypersonic_glide"
        /// Air-launched ballistic missiles (Kinzhal).
        case aeroballistic
        /// Long-range attack drones (one-way or reusable).
        case drone
        /// Loitering munitions that search for a target (Lancet).
        case loiteringMunition = "loitering_munition"
        /// Air and missile defence interceptors: the range is a defended radius.
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
    /// Operating countries, ISO 3166-1 alpha-2 codes; for a non-state
    /// operator, the country it operates in (the source text says so).
    public var operators: [String]
    /// What the nominal range means for this system ("maximum range with
    /// standard warhead", "engagement radius against ballistic missiles").
    public var nominalBasis: String
    /// Cruise speed in km/h (cruise missiles and drones), when published.
    public var speedKilometersPerHour: Double?
    /// Payload in kilograms at the stated range (ballistic missiles), when published.
    public var payloadKilograms: Double?
    /// Air defence only: engagement radii against ballistic missiles and against aircraft.
    public var rangeVersusBallistic: Distance?
    public var rangeVersusAircraft: Distance?
    /// Air defence only: the height of the radar antenna above the ground, when published.
    public var radarHeight: Distance?
    /// Set by `limitedByRadarHorizon`: the engagement range and the radar
    /// horizon that cut `range` for a target at one altitude; nil otherwise.
    public var radarHorizon: RadarHorizonLimit?
    /// With a range band (`using(.band)`): the low estimate, within which a
    /// target is in reach on every published figure; nil otherwise.
    public var certainRange: Distance?

    public init(
        name: String, aliases: [String] = [], category: Category, minimumRange: Distance = .zero,
        range: Distance, rangeLow: Distance? = nil, rangeHigh: Distance? = nil, source: String,
        operators: [String] = [], nominalBasis: String = "", speedKilometersPerHour: Double? = nil,
        payloadKilograms: Double? = nil, rangeVersusBallistic: Distance? = nil, rangeVersusAircraft: Distance? = nil,
        radarHeight: Distance? = nil
    ) {
        self.name = name
        self.aliases = aliases
        self.category = category
        self.minimumRange = minimumRange
        self.range = range
        self.rangeLow = rangeLow ?? range
        self.rangeHigh = rangeHigh ?? range
        self.source = source
        self.operators = operators
        self.nominalBasis = nominalBasis
        self.speedKilometersPerHour = speedKilometersPerHour
        self.payloadKilograms = payloadKilograms
        self.rangeVersusBallistic = rangeVersusBallistic
        self.rangeVersusAircraft = rangeVersusAircraft
        self.radarHeight = radarHeight
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

    /// The class in words, for legends and details: "short-range ballistic missile".
    public var label: String {
        switch self {
        case .rocket: "artillery rocket"
        case .guidedRocket: "guided artillery rocket"
        case .srbm: "short-range ballistic missile"
        case .mrbm: "medium-range ballistic missile"
        case .irbm: "intermediate-range ballistic missile"
        case .icbm: "intercontinental ballistic missile"
        case .slbm: "submarine-launched ballistic missile"
        case .glcm: "ground-launched cruise missile"
        case .alcm: "air-launched cruise missile"
        case .slcm: "sea-launched cruise missile"
        case .asbm: "anti-ship ballistic missile"
        case .hypersonicGlide: "hypersonic glide vehicle"
        case .aeroballistic: "air-launched ballistic missile"
        case .drone: "long-range attack drone"
        case .loiteringMunition: "loitering munition"
        case .airDefence: "air and missile defence"
        case .range: "range given by the user"
        }
    }

    /// Whether the range is a radius the system defends rather than one it strikes.
    public var isDefensive: Bool { self == .airDefence }
}
