import Foundation
import GeoModel

extension Geodesic {
    /// Largest vertex count a ring construction will produce before refusing.
    public static let defaultMaximumVertices = 200_000

    /// Finest ring tolerance that commands and scenario files accept (0.1 m):
    /// finer ones multiply vertices far below any map's or target's precision.
    /// The ring functions themselves take any positive tolerance.
    public static let minimumTolerance = Distance.meters(0.1)

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
    /// (two extra vertices at latitude ±90). See `disc` for what the ring
    /// encloses when the radius reaches past the antipodal side.
    ///
    /// - Parameters:
    ///   - center: latitude in [-90, 90] degrees, finite longitude.
    ///   - radius: greater than zero.
    ///   - tolerance: greatest allowed gap between an edge midpoint and the circle.
    ///   - maximumVertices: refuse rather than exceed this many vertices.
    /// - Returns: a closed ring (first == last) with at least 17 vertices.
    ///   A 700 km ring within 10 m has about 620.
    /// - Throws: `GeodesyError` for a bad centre, radius or tolerance, or when
    ///   the tolerance needs more than `maximumVertices` vertices.
    /// - Complexity: one `geod_direct` per two vertices; a `geod_inverse`
    ///   only for edges whose estimated sag is within 2 % of the tolerance.
    public func circle(
        center: Coordinate,
        radius: Distance,
        tolerance: Distance = .meters(10),
        maximumVertices: Int = Geodesic.defaultMaximumVertices
    ) throws(GeodesyError) -> Ring {
        try validate(center: center, radius: radius, tolerance: tolerance)
        let sampler = arcSampler(center: center, radius: radius, tolerance: tolerance, maximumVertices: maximumVertices)
        // Azimuth decreases from 360 to 180: north, west, south, which runs
        // counter-clockwise on a map. The circle is symmetric about the
        // centre's meridian (the ellipsoid is one of revolution), so the
        // east half is the west half mirrored: half the geod_direct calls
        // and sag checks, every edge still checked (its mirror image was).
        var ring: Ring = [startVertex(center: center, azimuth: 360, radius: radius)]
        let arcs = initialArcCount(radius: radius.meters, tolerance: tolerance.meters, limit: maximumVertices)
        do {
            try sampler.append(from: 360, to: 180, arcs: (arcs + 1) / 2, into: &ring)
        } catch .tooManyVertices where radius.meters > Self.halfMeridian.meters - Self.antipodalRegion.meters {
            throw .radiusNearAntipode(radius)
        }
        // The mirror axis: the centre's meridian, or its opposite when the
        // south vertex lies beyond a pole, in the loop's unwrapped longitude.
        let south = ring[ring.count - 1].longitude
        let axis = center.longitude + 180 * ((south - center.longitude) / 180).rounded()
        for vertex in ring.dropLast().reversed() {
            ring.append(Coordinate(latitude: vertex.latitude, longitude: 2 * axis - vertex.longitude))
        }
        guard ring.count <= maximumVertices else {
            throw .tooManyVertices(limit: maximumVertices, radius: radius, tolerance: tolerance)
        }
        return Self.closedAroundPole(ring)
    }

    /// The disc of points within `radius` of `center`, as a boundary ring and
    /// which side of it is inside.
    ///
    /// Up to a little under a quarter of the Earth's circumference the disc is
    /// the inside of `circle(...)`. Beyond that the traced loop can run
    /// clockwise around the antipode instead of around the centre: the disc is
    /// then everything outside the loop (`isComplement`), as for a 19,000 km
    /// radius, which covers the Earth but a small cap around the antipode.
    public func disc(
        center: Coordinate,
        radius: Distance,
        tolerance: Distance = .meters(10),
        maximumVertices: Int = Geodesic.defaultMaximumVertices
    ) throws(GeodesyError) -> DiscBoundary {
        let ring = try circle(center: center, radius: radius, tolerance: tolerance, maximumVertices: maximumVertices)
        let closedAlongPole = ring.contains { abs($0.latitude) == 90 } && abs(ring[0].latitude) != 90
        // A loop that winds round a pole is closed on the centre's side; any
        // other loop encloses the centre only when it runs counter-clockwise.
        let isComplement = !closedAlongPole && abs(center.latitude) != 90 && RingGeometry.signedDoubleArea(ring) < 0
        return DiscBoundary(ring: ring, isComplement: isComplement)
    }

    /// A sector (a pie slice, or a slice of an annulus when `minimumRadius`
    /// is above zero) between the azimuths of `azimuths`, as a closed
    /// counter-clockwise ring in unwrapped longitude.
    ///
    /// Arcs lie at exactly `radius` / `minimumRadius` (vertices from
    /// `geod_direct`); the straight sides follow the geodesics from the
    /// centre. Every edge is within `tolerance` of the true curve.
    /// - Throws: `GeodesyError` as `circle` does, and for a minimum radius not
    ///   below the radius.
    public func sector(
        center: Coordinate,
        radius: Distance,
        minimumRadius: Distance = .zero,
        azimuths: AzimuthRange,
        tolerance: Distance = .meters(10),
        maximumVertices: Int = Geodesic.defaultMaximumVertices
    ) throws(GeodesyError) -> Ring {
        try validate(center: center, radius: radius, tolerance: tolerance)
        guard minimumRadius.meters.isFinite, minimumRadius >= .zero, minimumRadius < radius else {
            throw .invalidMinimumRadius(minimumRadius, radius: radius)
        }
        let outer = arcSampler(center: center, radius: radius, tolerance: tolerance, maximumVertices: maximumVertices)
        let arcs = max(2, Int((Double(initialArcCount(radius: radius.meters, tolerance: tolerance.meters, limit: maximumVertices))
            * azimuths.sweep / 360).rounded(.up)))
        let (first, last) = (azimuths.start, azimuths.end)
        var ring: Ring
        if minimumRadius > .zero {
            ring = [startVertex(center: center, azimuth: last, radius: minimumRadius)]
        } else {
            ring = [center]
        }
        // Out along the last azimuth, back counter-clockwise along the outer
        // arc, in along the first azimuth, then clockwise along the inner arc.
        try radialSampler(center: center, azimuth: last, tolerance: tolerance, maximumVertices: maximumVertices)
            .append(from: minimumRadius.meters, to: radius.meters, arcs: radialArcs(radius.meters - minimumRadius.meters), into: &ring)
        try outer.append(from: last, to: first, arcs: arcs, into: &ring)
        try radialSampler(center: center, azimuth: first, tolerance: tolerance, maximumVertices: maximumVertices)
            .append(from: radius.meters, to: minimumRadius.meters, arcs: radialArcs(radius.meters - minimumRadius.meters), into: &ring)
        if minimumRadius > .zero {
            let inner = arcSampler(center: center, radius: minimumRadius, tolerance: tolerance, maximumVertices: maximumVertices)
            let innerArcs = max(2, Int((Double(initialArcCount(radius: minimumRadius.meters, tolerance: tolerance.meters, limit: maximumVertices))
                * azimuths.sweep / 360).rounded(.up)))
            try inner.append(from: first, to: last, arcs: innerArcs, into: &ring)
        }
        return Self.closedAroundPole(ring)
    }

    /// The geodesic from `start` to `end` as a polyline in unwrapped longitude
    /// whose straight edges stay within `tolerance` of the geodesic.
    public func path(
        from start: Coordinate, to end: Coordinate,
        tolerance: Distance = .meters(10),
        maximumVertices: Int = Geodesic.defaultMaximumVertices
    ) throws(GeodesyError) -> [Coordinate] {
        guard tolerance.meters.isFinite, tolerance.meters > 0 else { throw .invalidTolerance(tolerance) }
        let solution = inverse(from: start, to: end)
        var line = [start]
        guard solution.distance > .zero else { return line }
        try radialSampler(center: start, azimuth: solution.initialAzimuth, tolerance: tolerance, maximumVertices: maximumVertices)
            .append(from: 0, to: solution.distance.meters, arcs: radialArcs(solution.distance.meters), into: &line)
        return line
    }

    /// The geodesic leaving `center` at `azimuth` for `distance`, as a
    /// polyline in unwrapped longitude whose straight edges stay within
    /// `tolerance` of the geodesic (the same test as a sector's sides).
    /// Unlike `path(from:to:)` it follows the azimuth given, also past the
    /// antipodal region where the shortest path to the end would differ.
    /// - Parameters:
    ///   - azimuth: degrees clockwise from north at `center`.
    ///   - distance: metres along the geodesic, up to half a meridian.
    /// - Throws: `GeodesyError` for a bad centre, distance or tolerance, or
    ///   more than `maximumVertices` vertices.
    public func radial(
        from center: Coordinate, azimuth: Double, distance: Distance,
        tolerance: Distance = .meters(10),
        maximumVertices: Int = Geodesic.defaultMaximumVertices
    ) throws(GeodesyError) -> [Coordinate] {
        try validate(center: center, radius: distance, tolerance: tolerance)
        var line = [center]
        try radialSampler(center: center, azimuth: azimuth, tolerance: tolerance, maximumVertices: maximumVertices)
            .append(from: 0, to: distance.meters, arcs: radialArcs(distance.meters), into: &line)
        return line
    }

    // MARK: building blocks

    /// Half a WGS84 meridian, pole to pole (geographiclib: 20,003,931.4586 m):
    /// no point is farther than this from any other along a geodesic.
    public static let halfMeridian = Distance.meters(20_003_931.4586)

    /// How far from the antipode geodesics from a centre may cross (the
    /// astroid of conjugate points is up to about π·f·a ≈ 67 km across).
    static let antipodalRegion = Distance.kilometers(70)

    private func validate(center: Coordinate, radius: Distance, tolerance: Distance) throws(GeodesyError) {
        guard center.latitude.isFinite, center.longitude.isFinite, abs(center.latitude) <= 90 else {
            throw .invalidCenter(center)
        }
        guard radius.meters.isFinite, radius.meters > 0 else { throw .invalidRadius(radius) }
        guard radius < Self.halfMeridian else { throw .radiusBeyondAntipode(radius, limit: Self.halfMeridian) }
        guard tolerance.meters.isFinite, tolerance.meters > 0 else { throw .invalidTolerance(tolerance) }
    }

    /// The circle's vertex at `azimuth`, its longitude near the centre's.
    private func startVertex(center: Coordinate, azimuth: Double, radius: Distance) -> Coordinate {
        var vertex = direct(from: center, azimuth: azimuth, distance: radius).destination
        vertex.longitude = Coordinate.unwrappedLongitude(vertex.longitude, near: center.longitude)
        return vertex
    }

    /// Samples the circle of `radius` by azimuth; an edge sags too far when
    /// its midpoint lies farther than `tolerance` from the circle (`CircleSag`).
    private func arcSampler(center: Coordinate, radius: Distance, tolerance: Distance, maximumVertices: Int) -> CurveSampler<CircleSag.Vertex> {
        let sag = CircleSag(geodesic: self, center: center, radius: radius.meters, tolerance: tolerance.meters)
        return CurveSampler(
            point: { azimuth in direct(from: center, azimuth: azimuth, distance: radius).destination },
            measure: sag.vertex,
            sagsTooFar: { left, right, midpoint, _ in sag.exceedsTolerance(left: left, right: right, midpoint: midpoint) },
            maximumVertices: maximumVertices, smallestStep: 1e-9,
            limitError: .tooManyVertices(limit: maximumVertices, radius: radius, tolerance: tolerance)
        )
    }

    /// Samples the geodesic leaving `center` at `azimuth` by distance; an edge
    /// sags too far when its midpoint lies farther than `tolerance` from the
    /// geodesic point halfway along (an upper bound on its distance from the
    /// geodesic).
    private func radialSampler(center: Coordinate, azimuth: Double, tolerance: Distance, maximumVertices: Int) -> CurveSampler<Void> {
        CurveSampler(
            point: { meters in direct(from: center, azimuth: azimuth, distance: .meters(meters)).destination },
            measure: { _ in },
            sagsTooFar: { _, _, midpoint, meters in
                distance(from: midpoint, to: direct(from: center, azimuth: azimuth, distance: .meters(meters)).destination) > tolerance
            },
            maximumVertices: maximumVertices, smallestStep: 1e-6,
            limitError: .tooManyVertices(limit: maximumVertices, radius: .meters(0), tolerance: tolerance)
        )
    }

    /// First, uniform split of a geodesic side: one piece per 500 km.
    private func radialArcs(_ meters: Double) -> Int {
        max(1, Int((meters / 500_000).rounded(.up)))
    }

    /// A first, uniform arc count from the planar sag of a chord,
    /// r·(1 − cos(π/n)) ≈ r·π²/(2n²) ≤ tolerance, with r = a·|sin(radius/a)| the
    /// circle's radius seen from its axis, and 5 % to spare. Adaptive halving
    /// fixes the arcs that longitude/latitude distortion makes sag more.
    /// With less to spare, halving adds more vertices than the count saves
    /// (a 700 km ring within 10 m: 675 vertices at 4 %, 619 at 5 %, 647 at 10 %).
    func initialArcCount(radius: Double, tolerance: Double, limit: Int) -> Int {
        let axisRadius = equatorialRadius * abs(sin(radius / equatorialRadius))
        let estimate = 1.05 * Double.pi * (max(axisRadius, radius * 1e-6) / (2 * tolerance)).squareRoot()
        return Int(min(max(16, estimate.rounded(.up)), Double(max(16, limit))))
    }

    /// Closes a sampled loop; adds the pole edge when the loop wound once round a pole.
    private static func closedAroundPole(_ loop: Ring) -> Ring {
        guard let first = loop.first, let last = loop.last else { return loop }
        let winding = (last.longitude - first.longitude) / 360
        var ring = loop
        guard abs(winding) > 0.5 else {
            ring[ring.count - 1] = first  // the same point; make closure exact
            return ring
        }
        // Counter-clockwise loops that gain 360° of longitude go round the north pole.
        let poleLatitude = winding > 0 ? 90.0 : -90.0
        ring.append(Coordinate(latitude: poleLatitude, longitude: last.longitude))
        ring.append(Coordinate(latitude: poleLatitude, longitude: first.longitude))
        ring.append(first)
        return ring
    }
}

/// The boundary of a geodesic disc and which side of it the disc is.
public struct DiscBoundary: Hashable, Sendable {
    /// Closed ring in unwrapped longitude (closed along a pole if it winds round one).
    public var ring: Ring
    /// `true` when the disc is everything outside `ring` (radius beyond the
    /// antipodal side of the centre), `false` when it is the inside.
    public var isComplement: Bool
}
