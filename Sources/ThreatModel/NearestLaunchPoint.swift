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
        guard case .point = extent else {
            var best: (point: Coordinate, distance: Distance)?
            for path in boundaries {
                let samples = geodesic.samples(along: path, spacing: coarseSpacing)
                guard let nearest = samples.indices.min(by: {
                    geodesic.distance(from: target, to: samples[$0]) < geodesic.distance(from: target, to: samples[$1])
                }) else { continue }
                for neighbour in [nearest - 1, nearest + 1] where samples.indices.contains(neighbour) {
                    let candidate = Self.closestOnEdge(from: samples[nearest], to: samples[neighbour], target: target, geodesic: geodesic)
                    if best == nil || candidate.distance < best!.distance { best = candidate }
                }
                if samples.count == 1 {
                    let only = (samples[0], geodesic.distance(from: target, to: samples[0]))
                    if best == nil || only.1 < best!.distance { best = only }
                }
            }
            return best ?? (place.coordinate, geodesic.distance(from: target, to: place.coordinate))
        }
        return (place.coordinate, geodesic.distance(from: target, to: place.coordinate))
    }

    /// Golden-section search for the point of the straight lon/lat edge
    /// `a`–`b` nearest to `target` (the distance is unimodal along a short edge).
    private static func closestOnEdge(
        from a: Coordinate, to b: Coordinate, target: Coordinate, geodesic: Geodesic
    ) -> (point: Coordinate, distance: Distance) {
        let endLongitude = a.longitude + remainder(b.longitude - a.longitude, 360)
        func point(_ t: Double) -> Coordinate {
            Coordinate(latitude: a.latitude + (b.latitude - a.latitude) * t,
                       longitude: Coordinate.normalizedLongitude(a.longitude + (endLongitude - a.longitude) * t))
        }
        func cost(_ t: Double) -> Double { geodesic.distance(from: target, to: point(t)).meters }
        let ratio = (5.0.squareRoot() - 1) / 2
        var low = 0.0, high = 1.0
        var left = high - ratio * (high - low), right = low + ratio * (high - low)
        var leftCost = cost(left), rightCost = cost(right)
        for _ in 0..<48 {
            if leftCost < rightCost {
                high = right
                right = left
                rightCost = leftCost
                left = high - ratio * (high - low)
                leftCost = cost(left)
            } else {
                low = left
                left = right
                leftCost = rightCost
                right = low + ratio * (high - low)
                rightCost = cost(right)
            }
        }
        let candidates = [0.0, 1.0, (low + high) / 2]
        let bestT = candidates.min(by: { cost($0) < cost($1) })!
        return (point(bestT), .meters(cost(bestT)))
    }
}
