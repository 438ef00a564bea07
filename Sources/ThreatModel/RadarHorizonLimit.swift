import Foundation
import Geodesy
import GeoModel

/// An air-defence system's reach against a target at one altitude: its
/// engagement range, cut to the radar horizon (`RadarHorizon`) for a
/// target at that altitude.
public struct RadarHorizonLimit: Hashable, Sendable {
    /// The target's altitude above the ground.
    public var targetAltitude: Distance
    /// The radar antenna's height above the ground: the catalog's, or
    /// `MissileSystem.defaultRadarHeight` when it has none.
    public var radarHeight: Distance
    /// Whether `radarHeight` is the default, no published figure.
    public var isDefaultHeight: Bool
    /// Line-of-sight range between the antenna and the target.
    public var horizon: Distance
    /// The range before the limit: against a high-flying (ballistic) target.
    public var engagementRange: Distance

    /// The reach against the target: the smaller of the engagement range and the horizon.
    public var range: Distance { min(engagementRange, horizon) }
    /// Whether the horizon, not the engagement range, sets the reach.
    public var isHorizonLimited: Bool { horizon < engagementRange }

    /// The radar in words: "radar at 4 m default height", "radar at 24 m".
    public var radarText: String {
        "radar at \(radarHeight)" + (isDefaultHeight ? " default height" : "")
    }

    /// Help for a target-altitude option, the same on every command.
    public static let help = "Cut air defence to its radar horizon (4/3 Earth) for a target at this altitude, e.g. 30m "
        + "(default: none, the engagement range against a high-flying ballistic missile)."
}

extension MissileSystem {
    /// Antenna height assumed for an air-defence system whose catalog row
    /// gives none: a ground radar on a truck or semitrailer with no mast
    /// raised. An assumption, not a published figure (the README says why).
    public static let defaultRadarHeight = Distance.meters(4)

    /// This system against a target at `targetAltitude`: for air defence,
    /// its range (and certain range, in a band) cut to the radar horizon
    /// from its radar height, with `radarHorizon` saying so; any other
    /// class unchanged.
    /// - Throws: `ThreatModelError.geodesy` for a negative or non-finite altitude or height.
    public func limitedByRadarHorizon(targetAltitude: Distance) throws(ThreatModelError) -> MissileSystem {
        guard category == .airDefence else { return self }
        let height = radarHeight ?? Self.defaultRadarHeight
        let horizon: Distance
        do { horizon = try RadarHorizon.distance(radarHeight: height, targetHeight: targetAltitude) } catch { throw .geodesy(error) }
        var system = self
        let limit = RadarHorizonLimit(targetAltitude: targetAltitude, radarHeight: height, isDefaultHeight: radarHeight == nil,
                                      horizon: horizon, engagementRange: radarHorizon?.engagementRange ?? range)
        system.radarHorizon = limit
        system.range = limit.range
        if let certain = system.certainRange { system.certainRange = min(certain, horizon) }
        return system
    }
}

extension MissileSystem {
    /// For air defence cut to its radar horizon from the default radar
    /// height: a warning saying the height is assumed and what it gives;
    /// nil otherwise.
    public var radarHeightAssumption: String? {
        guard let limit = radarHorizon, limit.isDefaultHeight else { return nil }
        return "\(name): no published radar height, \(limit.radarHeight) assumed: radar horizon "
            + String(format: "%.1f km", limit.horizon.kilometers) + " for a target at \(limit.targetAltitude), "
            + "range \(limit.range) (engagement range \(limit.engagementRange))"
    }
}

extension Array where Element == MissileSystem {
    /// Every system against a target at `targetAltitude`; unchanged when nil.
    /// - Throws: `ThreatModelError.geodesy` for a negative or non-finite altitude.
    public func limitedByRadarHorizon(targetAltitude: Distance?) throws(ThreatModelError) -> [MissileSystem] {
        guard let targetAltitude else { return self }
        var systems = [MissileSystem]()
        for system in self { systems.append(try system.limitedByRadarHorizon(targetAltitude: targetAltitude)) }
        return systems
    }
}

extension ResolvedScenario {
    /// The scenario against a target at `targetAltitude`: every air-defence
    /// system, in `systems` and at each site, cut to its radar horizon.
    /// - Throws: `ThreatModelError.geodesy` for a negative or non-finite altitude.
    public func limitedByRadarHorizon(targetAltitude: Distance?) throws(ThreatModelError) -> ResolvedScenario {
        guard targetAltitude != nil else { return self }
        var scenario = self
        scenario.systems = try systems.limitedByRadarHorizon(targetAltitude: targetAltitude)
        var limited = [[MissileSystem]]()
        for systems in siteSystems { limited.append(try systems.limitedByRadarHorizon(targetAltitude: targetAltitude)) }
        scenario.siteSystems = limited
        return scenario
    }
}
