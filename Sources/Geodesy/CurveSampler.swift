import Foundation
import GeoModel

/// Adaptive sampling of a parametric curve on the ellipsoid into a
/// longitude/latitude polyline whose straight edges stay within a tolerance
/// of the curve.
///
/// The curve is `point(t)`; `sagsTooFar(left, right, midpoint, t)` says
/// whether the straight edge from `left` to `right`, at its midpoint
/// (parameter `t` halfway), lies farther than the tolerance from the true
/// curve. Edges are halved in `t` until none does. Longitudes are unwrapped
/// vertex by vertex so the polyline is continuous.
struct CurveSampler {
    let point: (Double) -> Coordinate
    let sagsTooFar: (_ left: Coordinate, _ right: Coordinate, _ midpoint: Coordinate, _ t: Double) -> Bool
    let maximumVertices: Int
    /// Parameter steps below this are not halved further.
    let smallestStep: Double
    /// What the error names when the vertex limit is hit.
    let limitError: GeodesyError

    private struct Sample {
        var t: Double
        var point: Coordinate
    }

    /// `point(t)` with its longitude within 180° of `reference`.
    private func sample(_ t: Double, near reference: Double) -> Sample {
        Sample(t: t, point: unwrapped(point(t), near: reference))
    }

    /// Appends the curve from `start` to `end` (in `arcs` equal first steps)
    /// to `ring`, whose last vertex must already be `point(start)`.
    func append(from start: Double, to end: Double, arcs: Int, into ring: inout Ring) throws(GeodesyError) {
        guard let first = ring.last else { return }
        var left = Sample(t: start, point: first)
        for arc in 1...max(1, arcs) {
            let t = arc == arcs ? end : start + (end - start) * Double(arc) / Double(arcs)
            let right = sample(t, near: left.point.longitude)
            try refine(from: left, to: right, into: &ring)
            left = Sample(t: t, point: ring[ring.count - 1])
        }
    }

    private func refine(from start: Sample, to end: Sample, into ring: inout Ring) throws(GeodesyError) {
        var pending = [end]  // right-hand ends still to reach, nearest last
        var left = start
        while let coarse = pending.last {
            // Re-unwrap against the vertex just placed: after splits near a
            // pole the path may have turned a full 360° from where `coarse` was taken.
            let right = Sample(t: coarse.t, point: unwrapped(coarse.point, near: left.point.longitude))
            if needsSplit(left, right) {
                pending.append(sample((left.t + right.t) / 2, near: left.point.longitude))
            } else {
                ring.append(right.point)
                if ring.count > maximumVertices { throw limitError }
                left = right
                pending.removeLast()
            }
        }
    }

    private func unwrapped(_ vertex: Coordinate, near reference: Double) -> Coordinate {
        Coordinate(latitude: vertex.latitude, longitude: reference + remainder(vertex.longitude - reference, 360))
    }

    private func needsSplit(_ left: Sample, _ right: Sample) -> Bool {
        guard abs(left.t - right.t) > smallestStep else { return false }
        // Large longitude jumps (near a pole) make unwrapping ambiguous: always split.
        if abs(right.point.longitude - left.point.longitude) > 90 { return true }
        let midpoint = Coordinate(
            latitude: (left.point.latitude + right.point.latitude) / 2,
            longitude: (left.point.longitude + right.point.longitude) / 2
        )
        return sagsTooFar(left.point, right.point, midpoint, (left.t + right.t) / 2)
    }
}
