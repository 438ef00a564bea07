import Foundation
@testable import Geodesy
import GeoModel
import Testing

/// The chord estimate of an edge's sag (`CircleSag`) against the exact
/// `geod_inverse` value, over random centres (polar, at ±180, anywhere),
/// radii from 1 m to 10,000 km and edges from well inside to well past the
/// tolerance.
@Suite struct CircleSagTests {
    let geodesic = Geodesic.wgs84

    struct Edge {
        var sag: CircleSag
        var left: Coordinate
        var right: Coordinate
        var midpoint: Coordinate
    }

    /// Edges between neighbouring circle points, `count` of them.
    func randomEdges(count: Int, seed: UInt64) -> [Edge] {
        var random = RingPropertyTests.SplitMix64(state: seed)
        return (0..<count).map { index in
            let center = RingPropertyTests.randomCenter(index, polar: 80, using: &random)
            let radius = exp(Double.random(in: log(1.0)...log(CircleSag.largestEstimatedRadius), using: &random))
            let tolerance = min([0.1, 1, 10, 100][index % 4], radius / 10)
            // The first arc count, scaled by 1/3 to 3: sags from about 9 times
            // the tolerance to a ninth of it.
            let arcs = Double(geodesic.initialArcCount(radius: radius, tolerance: tolerance, limit: 1 << 30))
            let step = 360 / (arcs * exp(Double.random(in: log(1 / 3.0)...log(3.0), using: &random)))
            let azimuth = Double.random(in: 0..<360, using: &random)
            let left = geodesic.direct(from: center, azimuth: azimuth, distance: .meters(radius)).destination
            var right = geodesic.direct(from: center, azimuth: azimuth - step, distance: .meters(radius)).destination
            right.longitude = Coordinate.unwrappedLongitude(right.longitude, near: left.longitude)
            let midpoint = Coordinate(latitude: (left.latitude + right.latitude) / 2,
                                      longitude: (left.longitude + right.longitude) / 2)
            return Edge(sag: CircleSag(geodesic: geodesic, center: center, radius: radius, tolerance: tolerance),
                        left: left, right: right, midpoint: midpoint)
        }
    }

    @Test func estimateIsWithinAFractionOfTheMarginOfTheExactSag() {
        var worst = 0.0
        for edge in randomEdges(count: 20_000, seed: 7) {
            let exact = edge.sag.exact(midpoint: edge.midpoint)
            let estimate = edge.sag.estimate(left: edge.sag.vertex(edge.left), right: edge.sag.vertex(edge.right))
            // Edges that sag by more than a tenth of the radius are split on any estimate.
            guard exact < edge.sag.radius / 10 else { continue }
            let error = abs(estimate - exact) / max(exact, edge.sag.tolerance)
            worst = max(worst, error)
        }
        // Measured: 0.11 % of the sag (or of the tolerance, if larger); the
        // margin where geod_inverse decides is 2 %.
        #expect(worst < CircleSag.margin / 4)
    }

    @Test func decisionsMatchTheExactSag() {
        for edge in randomEdges(count: 20_000, seed: 11) {
            let exact = edge.sag.exact(midpoint: edge.midpoint)
            #expect(edge.sag.exceedsTolerance(left: edge.sag.vertex(edge.left), right: edge.sag.vertex(edge.right), midpoint: edge.midpoint)
                    == (exact > edge.sag.tolerance), "\(edge.left) to \(edge.right): \(exact) m")
        }
    }
}
