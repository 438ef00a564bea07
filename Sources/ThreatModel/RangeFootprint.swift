import Gazetteer
import Geodesy
import GeoModel
import Geometry

/// The ground one system can strike from one launch site: a geodesic disc
/// (an annulus with a minimum range, a sector with an azimuth limit), or the
/// geodesic buffer of a launch area or line. Longitudes in [-180, 180].
public struct RangeFootprint: Hashable, Sendable {
    public var launch: LaunchSite
    public var system: MissileSystem
    public var area: MultiPolygon
    /// The azimuths the footprint is limited to, if any.
    public var azimuths: AzimuthRange?

    public init(launch: LaunchSite, system: MissileSystem, area: MultiPolygon, azimuths: AzimuthRange? = nil) {
        self.launch = launch
        self.system = system
        self.area = area
        self.azimuths = azimuths
    }

    public init(site: Place, system: MissileSystem, area: MultiPolygon) {
        self.init(launch: LaunchSite(place: site), system: system, area: area)
    }

    /// The launch site's place.
    public var site: Place { launch.place }
}

/// Builds footprints on an ellipsoid to a tolerance.
public struct FootprintBuilder: Sendable {
    public var geodesic: Geodesic
    /// Greatest gap between a footprint edge and the true geodesic circle.
    public var tolerance: Distance

    public init(geodesic: Geodesic = .wgs84, tolerance: Distance = .meters(10)) {
        self.geodesic = geodesic
        self.tolerance = tolerance
    }

    /// The footprint of `system` fired from `site` (a point, or the place's
    /// outline when it has one).
    /// - Throws: `ThreatModelError.geodesy` / `.geometry` when the ring or the
    ///   min-range difference cannot be built.
    public func footprint(of system: MissileSystem, from site: Place) throws(ThreatModelError) -> RangeFootprint {
        try footprint(of: system, from: LaunchSite(place: site))
    }

    /// The footprint of `system` fired from anywhere in `launch`, optionally
    /// limited to `azimuths` (point sites only).
    ///
    /// For areas and lines the footprint is the geodesic buffer: the area
    /// itself united with discs around boundary points spaced so that the
    /// union dips at most half the tolerance between neighbours (discs are
    /// drawn to the other half). With a minimum range, the ground within that
    /// range of every boundary point (so of the whole extent) is removed.
    public func footprint(
        of system: MissileSystem, from launch: LaunchSite, azimuths: AzimuthRange? = nil
    ) throws(ThreatModelError) -> RangeFootprint {
        let center = launch.place.coordinate
        var area: MultiPolygon
        switch (launch.extent, azimuths) {
        case let (.point, .some(azimuths)) where !azimuths.isFull:
            let ring: Ring
            do {
                ring = try geodesic.sector(
                    center: center, radius: system.range, minimumRadius: system.minimumRange,
                    azimuths: azimuths, tolerance: tolerance
                )
            } catch { throw .geodesy(error) }
            let exact = geodesic.insertingAntimeridianCrossings(ring)
            do { area = try Antimeridian.cut(Polygon(exterior: exact)) } catch { throw .geometry(error) }
            return RangeFootprint(launch: launch, system: system, area: area, azimuths: azimuths)
        case (.point, _):
            area = try disc(around: center, radius: system.range)
            if system.minimumRange > .zero {
                let hole = try disc(around: center, radius: system.minimumRange)
                do { area = try Topology.difference(area, hole) } catch { throw .geometry(error) }
            }
        case (_, .some):
            throw .invalidRange("an azimuth limit applies to point launch sites only, not to '\(launch.name)'")
        case (.area, .none), (.lines, .none):
            area = try buffer(launch, radius: system.range)
            if system.minimumRange > .zero, let hole = try innerHole(launch, radius: system.minimumRange) {
                do { area = try Topology.difference(area, hole) } catch { throw .geometry(error) }
            }
        }
        return RangeFootprint(launch: launch, system: system, area: area)
    }

    /// A geodesic disc cut at the antimeridian (the complement of the traced
    /// loop when the radius reaches past the antipodal side).
    public func disc(around center: Coordinate, radius: Distance) throws(ThreatModelError) -> MultiPolygon {
        try disc(around: center, radius: radius, tolerance: tolerance)
    }

    private func disc(around center: Coordinate, radius: Distance, tolerance: Distance) throws(ThreatModelError) -> MultiPolygon {
        let boundary: DiscBoundary
        do { boundary = try geodesic.disc(center: center, radius: radius, tolerance: tolerance) } catch {
            throw .geodesy(error)
        }
        let ring = geodesic.insertingAntimeridianCrossings(boundary.ring)
        do { return try Antimeridian.region(bounding: ring, complement: boundary.isComplement) } catch {
            throw .geometry(error)
        }
    }

    /// Disc centres along every boundary of `launch` for a buffer of `radius`.
    func bufferCenters(_ launch: LaunchSite, radius: Distance) -> [Coordinate] {
        let spacing = geodesic.bufferSpacing(radius: radius, dip: .meters(tolerance.meters / 2))
        var centers = [Coordinate]()
        for path in launch.boundaries {
            var samples = geodesic.samples(along: path, spacing: spacing)
            if samples.count > 1, samples.first == samples.last { samples.removeLast() }
            centers += samples
        }
        return centers
    }

    /// Discs of `radius` around many centres, drawn to `tolerance`, built
    /// on all cores.
    func discs(around centers: [Coordinate], radius: Distance, tolerance: Distance) throws(ThreatModelError) -> [MultiPolygon] {
        let results = ConcurrentMap.map(centers) { center in
            Result { () throws(ThreatModelError) -> MultiPolygon in
                try disc(around: center, radius: radius, tolerance: tolerance)
            }
        }
        var discs = [MultiPolygon]()
        discs.reserveCapacity(results.count)
        for result in results {
            switch result {
            case let .success(disc): discs.append(disc)
            case let .failure(error): throw error
            }
        }
        return discs
    }

    /// Buffer discs are drawn to half the tolerance; their spacing takes the other half.
    private var halfTolerance: Distance { .meters(tolerance.meters / 2) }

    /// The geodesic buffer of an area or lines: strips along a simplified
    /// boundary (`simplifiedBuffer`), else discs along the whole boundary.
    func buffer(_ launch: LaunchSite, radius: Distance) throws(ThreatModelError) -> MultiPolygon {
        var parts: [MultiPolygon]
        if let simplified = try simplifiedBuffer(launch, radius: radius) {
            parts = simplified
        } else {
            parts = try discs(around: bufferCenters(launch, radius: radius), radius: radius, tolerance: halfTolerance)
        }
        guard case let .area(area) = launch.extent else {
            do { return try Topology.union(parts) } catch { throw .geometry(error) }
        }
        parts.append(area)
        let united: MultiPolygon
        do { united = try Topology.union(parts) } catch { throw .geometry(error) }
        return Self.withoutSlivers(united, thinnerThan: tolerance)
    }

    /// `shape` without the holes thinner than `width` (twice the area over
    /// the perimeter, in local metres). Where the pieces of a buffer meet
    /// along nearly the same line the union can keep such a hole, even one
    /// of no area; ground in it is within the tolerance of its edges, so it
    /// is in reach as far as the footprint can tell.
    static func withoutSlivers(_ shape: MultiPolygon, thinnerThan width: Distance) -> MultiPolygon {
        MultiPolygon(shape.polygons.map { polygon in
            var polygon = polygon
            polygon.holes.removeAll { RingGeometry.widthMeters($0) < width.meters }
            return polygon
        })
    }

    /// The pieces of the buffer of `launch`'s boundary, sized by the
    /// boundary's detail and the range rather than by its length over the
    /// disc spacing: the boundary simplified to a quarter of the tolerance
    /// (ε), a disc of `radius − ε` (drawn to half the tolerance) around each
    /// remaining vertex, and strips of half-width `radius − ε` (giving up
    /// half the tolerance) along each edge. Every point within
    /// `radius − tolerance` of the boundary is covered and nothing beyond
    /// `radius`: each step gives up at most its share of the tolerance.
    /// - Returns: nil when the radius is too small beside the tolerance or a
    ///   strip cannot be drawn (near a pole): then discs do it all.
    func simplifiedBuffer(_ launch: LaunchSite, radius: Distance) throws(ThreatModelError) -> [MultiPolygon]? {
        let simplification = Distance.meters(tolerance.meters / 4)
        let reach = Distance.meters(radius.meters - simplification.meters)
        guard reach.meters > 2 * tolerance.meters else { return nil }
        if case let .area(area) = launch.extent { return try outwardBuffer(of: area, reach: reach, simplification: simplification) }
        var vertices = [Coordinate]()
        var strips = [Ring]()
        for path in launch.boundaries {
            let simple = geodesic.simplified(path, within: simplification)
            guard let pathStrips = geodesic.strips(along: simple, halfWidth: reach, slack: halfTolerance) else { return nil }
            strips += pathStrips
            vertices += simple.count > 1 && simple.first == simple.last ? simple.dropLast() : simple
        }
        var parts = try discs(around: vertices, radius: reach, tolerance: halfTolerance)
        parts.reserveCapacity(parts.count + strips.count)
        for strip in strips {
            do { parts.append(try Antimeridian.cut(Polygon(exterior: strip))) } catch { throw .geometry(error) }
        }
        return parts
    }

    /// The pieces of an area's buffer outside the area: along each ring,
    /// strips reaching out on the side away from the area's interior (and
    /// only `inwardStripWidth` into it) and a cap
    /// (`Geodesic.stripCaps`) at each vertex where the ring turns away from
    /// the interior. Ground outside an area lies nearest to a point of its
    /// boundary, on that point's outward normal (inside an edge's
    /// half-strip) or between a convex corner's normals (inside its cap),
    /// so with the area itself they cover what discs at every vertex and
    /// strips on both sides would, at a fraction of the vertices.
    /// - Returns: nil when a strip cannot be drawn (near a pole).
    func outwardBuffer(of area: MultiPolygon, reach: Distance, simplification: Distance) throws(ThreatModelError) -> [MultiPolygon]? {
        var caps = [(center: Coordinate, azimuths: AzimuthRange?)]()
        var strips = [Ring]()
        for polygon in area.polygons {
            for (index, ring) in ([polygon.exterior] + polygon.holes).enumerated() {
                let simple = geodesic.simplified(ring, within: simplification)
                guard simple.count > 3 else {
                    caps += simple.map { ($0, nil) }
                    continue
                }
                // The interior lies left of a counter-clockwise exterior and
                // right of a counter-clockwise hole; the buffer, opposite.
                let counterClockwise = RingGeometry.signedDoubleArea(simple) > 0
                let outward: StripSide = (index == 0) == counterClockwise ? .right : .left
                guard let ringStrips = geodesic.strips(along: simple, halfWidth: reach, slack: halfTolerance,
                                                       narrowSide: outward.opposite, narrowWidth: Self.inwardStripWidth) else {
                    return nil
                }
                strips += ringStrips
                caps += geodesic.stripCaps(around: simple, side: outward).map { cap in
                    // A fan's arc must not wind round a pole: a whole disc there.
                    (cap.vertex, clearOfPoles(cap.vertex, by: reach) ? cap.azimuths : nil)
                }
            }
        }
        var parts = try self.caps(caps, radius: reach, tolerance: halfTolerance)
        parts.reserveCapacity(parts.count + strips.count)
        for strip in strips {
            do { parts.append(try Antimeridian.cut(Polygon(exterior: strip))) } catch { throw .geometry(error) }
        }
        return parts
    }

    /// How far an area's strips reach into the area (the area itself covers
    /// the rest): enough that neighbouring pieces overlap robustly.
    static let inwardStripWidth = Distance.kilometers(1)

    /// Whether both poles lie more than `distance` (and 100 km) from `point`.
    private func clearOfPoles(_ point: Coordinate, by distance: Distance) -> Bool {
        let nearestPole = Coordinate(latitude: point.latitude >= 0 ? 90 : -90, longitude: point.longitude)
        return geodesic.distance(from: point, to: nearestPole).meters > distance.meters + 100_000
    }

    /// Discs, or fans of them (`Geodesic.fan`) where `azimuths` is given,
    /// of `radius` around many centres, drawn to `tolerance` on all cores.
    func caps(_ caps: [(center: Coordinate, azimuths: AzimuthRange?)], radius: Distance,
              tolerance: Distance) throws(ThreatModelError) -> [MultiPolygon] {
        let results = ConcurrentMap.map(caps) { cap in
            Result { () throws(ThreatModelError) -> MultiPolygon in
                guard let azimuths = cap.azimuths else { return try disc(around: cap.center, radius: radius, tolerance: tolerance) }
                return try fan(around: cap.center, radius: radius, azimuths: azimuths, tolerance: tolerance)
            }
        }
        return try results.map { result throws(ThreatModelError) in try result.get() }
    }

    /// A fan (`Geodesic.fan`) cut at the antimeridian.
    private func fan(around center: Coordinate, radius: Distance, azimuths: AzimuthRange,
                     tolerance: Distance) throws(ThreatModelError) -> MultiPolygon {
        let ring: Ring
        do { ring = try geodesic.fan(center: center, radius: radius, azimuths: azimuths, tolerance: tolerance) } catch {
            throw .geodesy(error)
        }
        do { return try Antimeridian.cut(Polygon(exterior: ring)) } catch { throw .geometry(error) }
    }

    /// Ground within `radius` of every boundary point of `launch`, or `nil`
    /// when there is none.
    func innerHole(_ launch: LaunchSite, radius: Distance) throws(ThreatModelError) -> MultiPolygon? {
        let discs = try discs(around: bufferCenters(launch, radius: radius), radius: radius, tolerance: halfTolerance)
        guard var hole = discs.first else { return nil }
        for disc in discs.dropFirst() {
            do { hole = try Topology.intersection(hole, disc) } catch { throw .geometry(error) }
            if hole.isEmpty { return nil }
        }
        return hole
    }
}
