import Gazetteer
import Geodesy
import GeoModel
import Geometry

/// The ground one system can strike from one site: a geodesic disc, or an
/// annulus when the system has a minimum range. Longitudes in [-180, 180].
public struct RangeFootprint: Hashable, Sendable {
    public var site: Place
    public var system: MissileSystem
    public var area: MultiPolygon

    public init(site: Place, system: MissileSystem, area: MultiPolygon) {
        self.site = site
        self.system = system
        self.area = area
    }
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

    /// The footprint of `system` fired from `site`.
    /// - Throws: `ThreatModelError.geodesy` / `.geometry` when the ring or the
    ///   min-range difference cannot be built.
    public func footprint(of system: MissileSystem, from site: Place) throws(ThreatModelError) -> RangeFootprint {
        var area = try disc(around: site.coordinate, radius: system.range)
        if system.minimumRange > .zero {
            let hole = try disc(around: site.coordinate, radius: system.minimumRange)
            do { area = try Topology.difference(area, hole) } catch { throw .geometry(error) }
        }
        return RangeFootprint(site: site, system: system, area: area)
    }

    /// A geodesic disc cut at the antimeridian (the complement of the traced
    /// loop when the radius reaches past the antipodal side).
    public func disc(around center: Coordinate, radius: Distance) throws(ThreatModelError) -> MultiPolygon {
        let boundary: DiscBoundary
        do { boundary = try geodesic.disc(center: center, radius: radius, tolerance: tolerance) } catch {
            throw .geodesy(error)
        }
        do { return try Antimeridian.region(bounding: boundary.ring, complement: boundary.isComplement) } catch {
            throw .geometry(error)
        }
    }
}
