import Foundation
import GeoModel

/// Adaptive sampling of a parametric curve on the ellipsoid into a
/// longitude/latitude polyline whose straight edges stay within a tolerance
/// of the curve.
///
/// The curve is `point(t)`. `measure` computes, once per vertex, whatever
/// the sag test needs of it; `sagsTooFar(left, right, midpoint, t)` says
/// whether the straight edge between two measured vertices, at its midpoint
/// (parameter `t` halfway), lies farther than the tolerance from the true
/// curve. Edges are halved in `t` until none does. Longitudes are unwrapped
/// vertex by vertex so the polyline is continuous.
struct CurveSampler<Measure> {
    let point: (Double) -> Coordinate
    let measure: (Coordinate) -> Measure
    let sagsTooFar: (_ left: Measure, _ right: Measure, _ midpoint: Coordinate, _ t: Double) -> Bool
    let maximumVertices: Int
    /// Parameter steps below this are not halved further.
    let smallestStep: Double
    /// What the error names when the vertex limit is hit.
    let limitError: GeodesyError

    private struct Sample {
        var t: Double
        var point: Coordinate
        var measure: Measure
    }

    /// `point(t)` with its longitude within 180° of `reference`.
    private func sample(_ t: Double, near reference: Double) -> Sample {
        let vertex = unwrapped(point(t), near: reference)
        return Sample(t: t, point: vertex, measure: measure(vertex))
    }

    /// Appends the curve from `start` to `end` (in `arcs` equal first steps)
    /// to `ring`, whose last vertex must already be `point(start)`.
    func append(from start: Double, to end: Double, arcs: Int, into ring: inout Ring) throws(GeodesyError) {
        guard let first = ring.last else { return }
        var left = Sample(t: start, point: first, measure: measure(first))
        for arc in 1...max(1, arcs) {
            let t = arc == arcs ? end : start + (end - start) * Double(arc) / Double(arcs)
            left = try refine(from: left, to: sample(t, near: left.point.longitude), into: &ring)
        }
    }

    /// Appends the vertices from `start` (excluded) to `end`; returns the last.
    private func refine(from start: Sample, to end: Sample, into ring: inout Ring) throws(GeodesyError) -> Sample {
        var pending = [end]  // right-hand ends still to reach, nearest last
        var left = start
        while var right = pending.last {
            // Re-unwrap against the vertex just placed: after splits near a
            // pole the path may have turned a full 360° from where `right` was taken.
            right.point = unwrapped(right.point, near: left.point.longitude)
            if needsSplit(left, right) {
                pending.append(sample((left.t + right.t) / 2, near: left.point.longitude))
            } else {
                ring.append(right.point)
                if ring.count > maximumVertices { throw limitError }
                left = right
                pending.removeLast()
            }
        }
        return left
    }

    private func unwrapped(_ vertex: Coordinate, near reference: Double) -> Coordinate {
        Coordinate(latitude: vertex.latitude, longitude: Coordinate.unwrappedLongitude(vertex.longitude, near: reference))
    }

    private func needsSplit(_ left: Sample, _ right: Sample) -> Bool {
        guard abs(left.t - right.t) > smallestStep else { return false }
        // Large longitude jumps (near a pole) make unwrapping ambiguous: always split.
        if abs(right.point.longitude - left.point.longitude) > 90 { return true }
        let midpoint = Coordinate(
            latitude: (left.point.latitude + right.point.latitude) / 2,
            longitude: (left.point.longitude + right.point.longitude) / 2
        )
        return sagsTooFar(left.measure, right.measure, midpoint, (left.t + right.t) / 2)
    }
}
