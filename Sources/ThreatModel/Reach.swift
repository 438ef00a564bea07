import Gazetteer
import Geodesy
import GeoModel

/// One decision: can `system` fired from `site` reach `target`?
public struct ReachResult: Hashable, Sendable {
    public var site: Place
    public var system: MissileSystem
    public var target: Place
    /// The launch point the distance is measured from: the site itself, or
    /// the nearest point of a launch area or line.
    public var launchPoint: Coordinate
    /// Geodesic distance from the launch point to the target on the ellipsoid.
    public var distance: Distance
    /// Initial azimuth from site to target, degrees clockwise from north in [0, 360).
    public var bearing: Double
    /// Distance <= range and >= minimum range (inclusive).
    public var inRange: Bool
    /// How far inside (positive) or outside (negative) the reachable band the
    /// target lies, in metres: min(range - distance, distance - minimum range).
    public var marginMeters: Double
    /// With a range band (`MissileSystem.certainRange`): whether the target
    /// is in reach on the low estimate too; nil without a band.
    public var status: ReachStatus?

    /// Why a target is out of reach, or `nil` when it is in range.
    public var reason: String? {
        if inRange { return nil }
        return distance > system.range ? "beyond maximum range" : "inside minimum range"
    }
}

/// A target's reach across a system's published span of ranges.
public enum ReachStatus: String, Sendable, CaseIterable {
    /// In reach on the low estimate: from the launch point, or from every
    /// point of a launch area or line.
    case certain
    /// In reach on the high estimate only (or, from an area, from some of
    /// its points only).
    case possible
    /// Out of reach on every estimate.
    case out
}

extension ReachStatus {
    /// The best of `statuses` (certain, then possible, then out), nil when empty:
    /// a target's status over several sites or systems.
    public static func best(_ statuses: some Sequence<ReachStatus>) -> ReachStatus? {
        var best: ReachStatus?
        for status in statuses {
            switch (best, status) {
            case (.certain, _): return .certain
            case (_, .certain): return .certain
            case (.possible, _), (_, .possible): best = .possible
            default: best = .out
            }
        }
        return best
    }
}

/// Exact reach decisions by geodesic distance (`geod_inverse`), never by
/// polygon containment.
public struct ReachAnalysis: Sendable {
    public var geodesic: Geodesic

    public init(geodesic: Geodesic = .wgs84) { self.geodesic = geodesic }

    /// Decides one site, system and target.
    public func evaluate(site: Place, system: MissileSystem, target: Place) -> ReachResult {
        decide(site: site, from: site.coordinate, system: system, target: target)
    }

    /// Decides one launch site (point, area or line), system and target, by
    /// the distance from the nearest launch point.
    ///
    /// From an area or line the target is in range when the nearest launch
    /// point is within the range and the farthest is at least the minimum
    /// range (distances vary continuously over the site, so some launch point
    /// then lies in the band). Distance and bearing are from the nearest point.
    public func evaluate(launch: LaunchSite, system: MissileSystem, target: Place) throws(ThreatModelError) -> ReachResult {
        // A point is its own nearest point: no search, and no second geod_inverse.
        if case .point = launch.extent { return decide(site: launch.place, from: launch.place.coordinate, system: system, target: target) }
        let nearest = try launch.nearestPoint(to: target.coordinate, geodesic: geodesic)
        var result = decide(site: launch.place, from: nearest.point, system: system, target: target)
        var farthest: Distance?
        if system.minimumRange > .zero, nearest.distance < system.minimumRange {
            let far = launch.farthestPoint(to: target.coordinate, geodesic: geodesic).distance
            farthest = far
            result.marginMeters = min(system.range.meters - nearest.distance.meters,
                                      far.meters - system.minimumRange.meters)
            result.inRange = nearest.distance <= system.range && far >= system.minimumRange
        } else {
            result.marginMeters = system.range.meters - nearest.distance.meters
            result.inRange = nearest.distance <= system.range
        }
        if let certainRange = system.certainRange {
            // Certain only when every launch point reaches it on the low
            // estimate: the farthest within it, the nearest beyond the minimum.
            if !result.inRange {
                result.status = .out
            } else {
                let far = farthest ?? launch.farthestPoint(to: target.coordinate, geodesic: geodesic).distance
                result.status = far <= certainRange && nearest.distance >= system.minimumRange ? .certain : .possible
            }
        }
        return result
    }

    private func decide(site: Place, from launchPoint: Coordinate, system: MissileSystem, target: Place) -> ReachResult {
        let solution = geodesic.inverse(from: launchPoint, to: target.coordinate)
        let distance = solution.distance
        var margin = system.range.meters - distance.meters
        if system.minimumRange > .zero {
            margin = min(margin, distance.meters - system.minimumRange.meters)
        }
        var bearing = solution.initialAzimuth
        if bearing < 0 { bearing += 360 }
        if bearing >= 360 { bearing -= 360 }
        let inRange = system.reaches(distance)
        var status: ReachStatus?
        if let certainRange = system.certainRange {
            status = !inRange ? .out : distance <= certainRange ? .certain : .possible
        }
        return ReachResult(
            site: site, system: system, target: target, launchPoint: launchPoint, distance: distance,
            bearing: bearing, inRange: inRange, marginMeters: margin, status: status
        )
    }

    /// Every launch site × system × target, in that nesting order.
    public func evaluate(launches: [LaunchSite], systems: [MissileSystem], targets: [Place]) throws(ThreatModelError) -> [ReachResult] {
        var results = [ReachResult]()
        results.reserveCapacity(launches.count * systems.count * targets.count)
        for launch in launches {
            for system in systems {
                for target in targets {
                    results.append(try evaluate(launch: launch, system: system, target: target))
                }
            }
        }
        return results
    }

    /// Every site × system × target, in that nesting order.
    public func evaluate(sites: [Place], systems: [MissileSystem], targets: [Place]) -> [ReachResult] {
        var results = [ReachResult]()
        results.reserveCapacity(sites.count * systems.count * targets.count)
        for site in sites {
            for system in systems {
                for target in targets {
                    results.append(evaluate(site: site, system: system, target: target))
                }
            }
        }
        return results
    }
}
