import Foundation
import GeoModel

extension Geodesic {
    /// Largest vertex count `circle` will produce before refusing.
    public static let defaultMaximumVertices = 200_000

    /// The geodesic circle of `radius` around `center`, as a closed
    /// counter-clockwise ring in unwrapped longitude.
    ///
    /// Every vertex comes from `geod_direct` and lies at exactly `radius`
    /// from `center`. Arcs are halved in azimuth until the straight
    /// longitude/latitude midpoint of every edge lies within `tolerance` of the
    /// true circle (straight edges sag inward: 64 vertices sag ~900 m on a
    /// 700 km ring).
    ///
    /// Longitudes are unwrapped vertex by vertex, so the ring is continuous
    /// and may extend beyond ±180. When it surrounds a pole its longitudes end
    /// 360° from where they began; the ring is then closed along that pole
    /// (two extra vertices at latitude ±90).
    ///
    /// - Parameters:
    ///   - center: latitude in [-90, 90] degrees, finite longitude.
    ///   - radius: greater than zero.
    ///   - tolerance: greatest allowed gap between an edge midpoint and the circle.
    ///   - maximumVertices: refuse rather than exceed this many vertices.
    /// - Returns: a closed ring (first == last) with at least 17 vertices.
    ///   A 700 km ring within 10 m has about 650.
    /// - Throws: `GeodesyError` for a bad centre, radius or tolerance, or when
    ///   the tolerance needs more than `maximumVertices` vertices.
    /// - Complexity: one `geod_direct` and one `geod_inverse` per vertex.
    public func circle(
        center: Coordinate,
        radius: Distance,
        tolerance: Distance = .meters(10),
        maximumVertices: Int = Geodesic.defaultMaximumVertices
    ) throws(GeodesyError) -> Ring {
        guard center.latitude.isFinite, center.longitude.isFinite, abs(center.latitude) <= 90 else {
            throw .invalidCenter(center)
        }
        guard radius.meters.isFinite, radius.meters > 0 else { throw .invalidRadius(radius) }
        guard tolerance.meters.isFinite, tolerance.meters > 0 else { throw .invalidTolerance(tolerance) }

        let sampler = CircleSampler(
            geodesic: self, center: center, radius: radius.meters,
            tolerance: tolerance.meters, maximumVertices: maximumVertices
        )
        // Azimuth decreases from 360 to 0: north, west, south, east, north,
        // which runs counter-clockwise on a map.
        let initialArcs = initialArcCount(radius: radius.meters, tolerance: tolerance.meters, limit: maximumVertices)
        var previous = sampler.sample(azimuth: 360, unwrappedNear: center.longitude)
        var ring: Ring = [previous.point]
        for arc in 1...initialArcs {
            let azimuth = 360 - Double(arc) * (360 / Double(initialArcs))
            let next = sampler.sample(azimuth: azimuth, unwrappedNear: previous.point.longitude)
            try sampler.refine(from: previous, to: next, into: &ring)
            previous = next
        }
        return Self.closed(ring, radius: radius, tolerance: tolerance, limit: maximumVertices)
    }

    /// A first, uniform arc count from the planar sag of a chord,
    /// r·(1 − cos(π/n)) ≈ r·π²/(2n²) ≤ tolerance, with r = a·|sin(radius/a)| the
    /// circle's radius seen from its axis, and 10 % to spare. Adaptive halving fixes the
    /// arcs that longitude/latitude distortion makes sag more.
    func initialArcCount(radius: Double, tolerance: Double, limit: Int) -> Int {
        let axisRadius = equatorialRadius * abs(sin(radius / equatorialRadius))
        let estimate = 1.1 * Double.pi * (max(axisRadius, radius * 1e-6) / (2 * tolerance)).squareRoot()
        return Int(min(max(16, estimate.rounded(.up)), Double(max(16, limit))))
    }

    /// Closes a sampled loop; adds the pole edge when the loop wound once around a pole.
    private static func closed(_ loop: Ring, radius: Distance, tolerance: Distance, limit: Int) -> Ring {
        guard let first = loop.first, let last = loop.last else { return loop }
        let winding = (last.longitude - first.longitude) / 360
        guard abs(winding) > 0.5 else {
            var ring = loop
            ring[ring.count - 1] = first  // same point; make closure exact
            return ring
        }
        // Counter-clockwise loops that gain 360° of longitude go round the north pole.
        let poleLatitude = winding > 0 ? 90.0 : -90.0
        var ring = loop
        ring.append(Coordinate(latitude: poleLatitude, longitude: last.longitude))
        ring.append(Coordinate(latitude: poleLatitude, longitude: first.longitude))
        ring.append(first)
        return ring
    }
}

/// Adaptive sampling of one geodesic circle.
private struct CircleSampler {
    struct Sample {
        var azimuth: Double
        /// Vertex with its longitude unwrapped to be continuous with its neighbour.
        var point: Coordinate
    }

    let geodesic: Geodesic
    let center: Coordinate
    let radius: Double
    let tolerance: Double
    let maximumVertices: Int
    /// Azimuth steps below this are not halved further (degrees).
    let smallestStep = 1e-9

    /// The circle's vertex at `azimuth`, its longitude within 180° of `reference`.
    func sample(azimuth: Double, unwrappedNear reference: Double) -> Sample {
        var point = geodesic.direct(from: center, azimuth: azimuth, distance: .meters(radius)).destination
        point.longitude = reference + remainder(point.longitude - reference, 360)
        return Sample(azimuth: azimuth, point: point)
    }

    /// Appends the vertices after `start` up to and including `end`, halving
    /// the arc until every edge's midpoint is within tolerance.
    func refine(from start: Sample, to end: Sample, into ring: inout Ring) throws(GeodesyError) {
        var pending = [end]  // stack of right-hand ends still to reach
        var left = start
        while let right = pending.last {
            if needsSplit(left, right) {
                let middle = sample(azimuth: (left.azimuth + right.azimuth) / 2, unwrappedNear: left.point.longitude)
                pending.append(middle)
            } else {
                ring.append(right)
                if ring.count > maximumVertices {
                    throw .tooManyVertices(limit: maximumVertices, radius: .meters(radius), tolerance: .meters(tolerance))
                }
                left = right
                pending.removeLast()
            }
        }
    }

    private func needsSplit(_ left: Sample, _ right: Sample) -> Bool {
        guard abs(left.azimuth - right.azimuth) > smallestStep else { return false }
        let longitudeStep = abs(right.point.longitude - left.point.longitude)
        // Large longitude jumps (near a pole) make unwrapping ambiguous: always split.
        if longitudeStep > 90 { return true }
        let midpoint = Coordinate(
            latitude: (left.point.latitude + right.point.latitude) / 2,
            longitude: (left.point.longitude + right.point.longitude) / 2
        )
        let gap = abs(geodesic.distance(from: center, to: midpoint).meters - radius)
        return gap > tolerance
    }
}

private extension Ring {
    mutating func append(_ sample: CircleSampler.Sample) { append(sample.point) }
}
