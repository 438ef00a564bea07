import CPROJ
import Foundation
import GeoModel

/// A map projection from longitude/latitude (degrees) to plane metres,
/// computed by PROJ.
public struct MapProjection: Hashable, Sendable {
    /// How the renderer keeps geometry inside the part of the Earth the
    /// projection can show.
    public enum Family: Hashable, Sendable {
        /// Azimuthal about `center`: shapes are clipped to a cap around it
        /// (the antipode cannot be shown).
        case azimuthal(center: Coordinate)
        /// Cylindrical with the seam at `centralMeridian` ± 180°, latitudes
        /// within ±`latitudeLimit` (degrees).
        case cylindrical(centralMeridian: Double, latitudeLimit: Double)
        /// Anything else: points PROJ cannot project are dropped.
        case other
    }

    /// The PROJ definition, e.g. `+proj=aeqd +lat_0=32 +lon_0=44 +ellps=WGS84`.
    public var definition: String
    public var family: Family
    /// The point the map is about: extents given as a distance are
    /// measured from it, and the scale bar is true there.
    public var center: Coordinate

    public init(definition: String, family: Family = .other, center: Coordinate? = nil) {
        self.definition = definition
        self.family = family
        switch family {
        case let .azimuthal(familyCenter): self.center = center ?? familyCenter
        case let .cylindrical(centralMeridian, _): self.center = center ?? Coordinate(latitude: 0, longitude: centralMeridian)
        case .other: self.center = center ?? Coordinate(latitude: 0, longitude: 0)
        }
    }

    /// Azimuthal equidistant centred on `center`: distances and azimuths from
    /// the centre are true, so range rings around it look like rings.
    public static func azimuthalEquidistant(center: Coordinate) -> MapProjection {
        MapProjection(definition: String(
            format: "+proj=aeqd +lat_0=%.6f +lon_0=%.6f +ellps=WGS84 +units=m",
            center.latitude, center.longitude
        ), family: .azimuthal(center: center))
    }

    /// Lambert azimuthal equal-area centred on `center`: areas are true.
    public static func lambertAzimuthalEqualArea(center: Coordinate) -> MapProjection {
        MapProjection(definition: String(
            format: "+proj=laea +lat_0=%.6f +lon_0=%.6f +ellps=WGS84 +units=m",
            center.latitude, center.longitude
        ), family: .azimuthal(center: center))
    }

    /// Equirectangular (plate carrée) with its central meridian at `centralMeridian` degrees.
    public static func equirectangular(centralMeridian: Double) -> MapProjection {
        MapProjection(definition: String(
            format: "+proj=eqc +lon_0=%.6f +ellps=WGS84 +units=m +over", centralMeridian
        ), family: .cylindrical(centralMeridian: centralMeridian, latitudeLimit: 90))
    }

    /// Equirectangular about `center`: its central meridian through the centre.
    public static func equirectangular(center: Coordinate) -> MapProjection {
        var projection = equirectangular(centralMeridian: center.longitude)
        projection.center = center
        return projection
    }

    /// Web Mercator about `center`: its central meridian through the centre.
    public static func webMercator(center: Coordinate) -> MapProjection {
        var projection = webMercator(centralMeridian: center.longitude)
        projection.center = Coordinate(latitude: max(-85, min(85, center.latitude)), longitude: center.longitude)
        return projection
    }

    /// Web Mercator (EPSG:3857's spherical formulas on the WGS84 semi-major
    /// axis), central meridian at `centralMeridian`; latitudes beyond
    /// ±85.0511° cannot be shown.
    public static func webMercator(centralMeridian: Double) -> MapProjection {
        MapProjection(definition: String(
            format: "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=%.6f +x_0=0 +y_0=0 +k=1 +units=m +over", centralMeridian
        ), family: .cylindrical(centralMeridian: centralMeridian, latitudeLimit: webMercatorLatitudeLimit))
    }

    /// The latitude (degrees) where Web Mercator's square world ends.
    public static let webMercatorLatitudeLimit = 85.051128779806589

    /// Projects coordinates; one PROJ context and transformation per call.
    /// Wraps `proj_create` and `proj_trans_generic`.
    /// - Returns: plane coordinates in metres (x east, y north), one per input.
    /// - Throws: `ExportError.projection` when PROJ rejects the definition or
    ///   a point cannot be projected.
    public func project(_ coordinates: [Coordinate]) throws(ExportError) -> [PlanePoint] {
        let projector = try Projector(self)
        let points = projector.forward(coordinates)
        var result = [PlanePoint]()
        result.reserveCapacity(points.count)
        for (index, point) in points.enumerated() {
            guard let point else {
                throw .projection("\(coordinates[index]) cannot be shown in '\(definition)'")
            }
            result.append(point)
        }
        return result
    }

    /// Plane points back to coordinates; `nil` where PROJ cannot invert one.
    /// Wraps `proj_trans_generic` in the inverse direction.
    /// - Throws: `ExportError.projection` when PROJ rejects the definition.
    public func unproject(_ points: [PlanePoint]) throws(ExportError) -> [Coordinate?] {
        try Projector(self).inverse(points)
    }
}

/// A point on the projected plane, metres (or pixels, once on the canvas).
public struct PlanePoint: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// One PROJ context and transformation, kept for many batches of points.
/// Owns both handles and frees them in `deinit`; not shared across tasks.
final class Projector {
    private let context: OpaquePointer
    private let transformation: OpaquePointer
    let projection: MapProjection

    init(_ projection: MapProjection) throws(ExportError) {
        guard let context = proj_context_create() else { throw .projection("cannot create a PROJ context") }
        proj_log_level(context, PJ_LOG_NONE)
        // Returns NULL on failure (bad definition).
        guard let transformation = proj_create(context, projection.definition) else {
            let reason = Self.message(context)
            proj_context_destroy(context)
            throw .projection("PROJ rejected '\(projection.definition)': \(reason)")
        }
        self.context = context
        self.transformation = transformation
        self.projection = projection
    }

    deinit {
        proj_destroy(transformation)
        proj_context_destroy(context)
    }

    /// Plane metres for each coordinate; `nil` where PROJ fails or gives a
    /// value that is not finite.
    func forward(_ coordinates: [Coordinate]) -> [PlanePoint?] {
        guard !coordinates.isEmpty else { return [] }
        // A bare +proj operation takes radians in and gives metres out.
        var x = coordinates.map { $0.longitude * .pi / 180 }
        var y = coordinates.map { $0.latitude * .pi / 180 }
        transform(&x, &y, direction: PJ_FWD)
        return zip(x, y).map { x, y in
            x.isFinite && y.isFinite && abs(x) < 1e15 && abs(y) < 1e15 ? PlanePoint(x: x, y: y) : nil
        }
    }

    /// Coordinates (degrees) for each plane point; `nil` where PROJ fails.
    func inverse(_ points: [PlanePoint]) -> [Coordinate?] {
        guard !points.isEmpty else { return [] }
        var x = points.map(\.x), y = points.map(\.y)
        transform(&x, &y, direction: PJ_INV)
        return zip(x, y).map { x, y in
            guard x.isFinite, y.isFinite, abs(x) < 1e6, abs(y) < 1e6 else { return nil }
            let latitude = y * 180 / .pi, longitude = x * 180 / .pi
            guard abs(latitude) <= 90 else { return nil }
            return Coordinate(latitude: latitude, longitude: Coordinate.normalizedLongitude(longitude))
        }
    }

    private func transform(_ x: inout [Double], _ y: inout [Double], direction: PJ_DIRECTION) {
        let stride = MemoryLayout<Double>.stride
        // Returns the number of points handled; failed points become HUGE_VAL,
        // which `forward` and `inverse` turn into nil.
        _ = proj_trans_generic(transformation, direction, &x, stride, x.count, &y, stride, y.count, nil, 0, 0, nil, 0, 0)
        proj_errno_reset(transformation)
    }

    private static func message(_ context: OpaquePointer) -> String {
        let code = proj_context_errno(context)
        guard code != 0, let text = proj_context_errno_string(context, code) else { return "no detail" }
        return String(cString: text)
    }
}
