import Foundation
import Geodesy
import GeoModel
import Geometry

extension LaunchSite {
    /// The point of this site nearest to `target` by geodesic distance, and
    /// that distance: the site itself for a point, the target for a target
    /// inside an area, else the nearest point of a boundary.
    ///
    /// Boundaries are searched every `coarseSpacing`, then the two edges
    /// beside the best sample by golden-section search on the straight
    /// longitude/latitude edge, to well under a metre.
    /// - Throws: `ThreatModelError.geometry` when the area test fails.
    public func nearestPoint(
        to target: Coordinate, geodesic: Geodesic = .wgs84, coarseSpacing: Distance = .kilometers(2)
    ) throws(ThreatModelError) -> (point: Coordinate, distance: Distance) {
        if case let .area(area) = extent {
            let inside: Bool
            do { inside = try Topology.covers(area, target) } catch { throw .geometry(error) }
            if inside { return (target, .zero) }
        }
        return extremePoint(to: target, farthest: false, geodesic: geodesic, coarseSpacing: coarseSpacing)
    }

    /// The point of this site farthest from `target` and that distance (for
    /// an area, always on its boundary). Decides minimum ranges: a target is
    /// clear of the minimum range from somewhere in the site when this
    /// distance reaches it.
    public func farthestPoint(
        to target: Coordinate, geodesic: Geodesic = .wgs84, coarseSpacing: Distance = .kilometers(2)
    ) -> (point: Coordinate, distance: Distance) {
        extremePoint(to: target, farthest: true, geodesic: geodesic, coarseSpacing: coarseSpacing)
    }

    private func extremePoint(
        to target: Coordinate, farthest: Bool, geodesic: Geodesic, coarseSpacing: Distance
    ) -> (point: Coordinate, distance: Distance) {
        guard case .point = extent else {
            // Search for the smallest cost: the distance, or its negative for the farthest point.
            func cost(_ point: Coordinate) -> Double {
                let meters = geodesic.distance(from: target, to: point).meters
                return farthest ? -meters : meters
            }
            let bound = SphericalBound(target)
            var best: (point: Coordinate, cost: Double)?
            for path in boundaries {
                let samples = geodesic.samples(along: path, spacing: coarseSpacing)
                // The first sample of least cost. A sample whose cost is
                // surely above the least so far (by a bound from the sphere)
                // can be neither, and is not measured.
                var least: (index: Int, cost: Double)?
                for (index, sample) in samples.enumerated() {
                    if let least, bound.leastCost(to: sample, farthest: farthest) > least.cost { continue }
                    let sampleCost = cost(sample)
                    if least == nil || sampleCost < least!.cost { least = (index, sampleCost) }
                }
                guard let (index, leastCost) = least else { continue }
                if best == nil || leastCost < best!.cost { best = (samples[index], leastCost) }
                for neighbour in [index - 1, index + 1] where samples.indices.contains(neighbour) {
                    let candidate = Self.bestOnEdge(from: samples[index], to: samples[neighbour], cost: cost)
                    if candidate.cost < best!.cost { best = candidate }
                }
            }
            guard let best else { return (place.coordinate, geodesic.distance(from: target, to: place.coordinate)) }
            return (best.point, .meters(abs(best.cost)))
        }
        return (place.coordinate, geodesic.distance(from: target, to: place.coordinate))
    }

    /// Golden-section search for the point of the straight lon/lat edge
    /// `a`–`b` with the least `cost` (unimodal along a short edge).
    private static func bestOnEdge(
        from a: Coordinate, to b: Coordinate, cost: (Coordinate) -> Double
    ) -> (point: Coordinate, cost: Double) {
        let endLongitude = Coordinate.unwrappedLongitude(b.longitude, near: a.longitude)
        func point(_ t: Double) -> Coordinate {
            Coordinate(latitude: a.latitude + (b.latitude - a.latitude) * t,
                       longitude: Coordinate.normalizedLongitude(a.longitude + (endLongitude - a.longitude) * t))
        }
        let ratio = (5.0.squareRoot() - 1) / 2
        var low = 0.0, high = 1.0
        var left = high - ratio * (high - low), right = low + ratio * (high - low)
        var leftCost = cost(point(left)), rightCost = cost(point(right))
        for _ in 0..<48 {
            if leftCost < rightCost {
                high = right
                right = left
                rightCost = leftCost
                left = high - ratio * (high - low)
                leftCost = cost(point(left))
            } else {
                low = left
                left = right
                leftCost = rightCost
                right = low + ratio * (high - low)
                rightCost = cost(point(right))
            }
        }
        let middle = point((low + high) / 2)
        return (middle, cost(middle))
    }
}

/// Bounds on the geodesic distance from one point, from the spherical angle
/// (latitude and longitude taken on a sphere): along any path the WGS84
/// ellipsoid's length lies between its least and greatest radius of
/// curvature times the sphere's, so the geodesic does too.
private struct SphericalBound {
    let latitude: Double, longitude: Double, cosLatitude: Double
    /// Least and greatest radius of curvature of WGS84 (6,335,439 m at the
    /// equator's meridian, 6,399,594 m at the poles), metres, rounded out.
    static let leastRadius = 6_335_000.0, greatestRadius = 6_400_000.0

    init(_ origin: Coordinate) {
        latitude = origin.latitude * .pi / 180
        longitude = origin.longitude * .pi / 180
        cosLatitude = cos(latitude)
    }

    /// A value no greater than the cost of `point`: its distance in metres,
    /// or the negative of it for the farthest point.
    func leastCost(to point: Coordinate, farthest: Bool) -> Double {
        let phi = point.latitude * .pi / 180, lambda = point.longitude * .pi / 180
        let h = sin((phi - latitude) / 2) * sin((phi - latitude) / 2)
            + cosLatitude * cos(phi) * sin((lambda - longitude) / 2) * sin((lambda - longitude) / 2)
        let angle = 2 * asin(min(1, h.squareRoot()))
        // Slack for rounding: a millionth and a metre.
        return farthest ? -(angle * Self.greatestRadius * (1 + 1e-6) + 1) : angle * Self.leastRadius * (1 - 1e-6) - 1
    }
}
