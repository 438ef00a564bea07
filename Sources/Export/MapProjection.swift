import CPROJ
import Foundation
import GeoModel

/// A map projection from longitude/latitude (degrees) to plane metres,
/// computed by PROJ.
public struct MapProjection: Hashable, Sendable {
    /// The PROJ definition, e.g. `+proj=aeqd +lat_0=32 +lon_0=44 +ellps=WGS84`.
    public var definition: String

    public init(definition: String) { self.definition = definition }

    /// Azimuthal equidistant centred on `center`: distances and azimuths from
    /// the centre are true, so range rings around it look like rings.
    public static func azimuthalEquidistant(center: Coordinate) -> MapProjection {
        MapProjection(definition: String(
            format: "+proj=aeqd +lat_0=%.6f +lon_0=%.6f +ellps=WGS84 +units=m",
            center.latitude, center.longitude
        ))
    }

    /// Projects coordinates; one PROJ context and transformation per call.
    /// Wraps `proj_create` and `proj_trans_generic`.
    /// - Returns: plane coordinates in metres (x east, y north), one per input.
    /// - Throws: `ExportError.projection` when PROJ rejects the definition or
    ///   a point cannot be projected.
    public func project(_ coordinates: [Coordinate]) throws(ExportError) -> [PlanePoint] {
        guard let context = proj_context_create() else { throw .projection("cannot create a PROJ context") }
        defer { proj_context_destroy(context) }
        proj_log_level(context, PJ_LOG_NONE)
        // Returns NULL on failure (bad definition).
        guard let transformation = proj_create(context, definition) else {
            throw .projection("PROJ rejected '\(definition)': \(Self.message(context))")
        }
        defer { proj_destroy(transformation) }
        guard !coordinates.isEmpty else { return [] }
        // A bare +proj operation takes radians in and gives metres out.
        var x = coordinates.map { $0.longitude * .pi / 180 }
        var y = coordinates.map { $0.latitude * .pi / 180 }
        let stride = MemoryLayout<Double>.stride
        // Returns the number of points transformed; failed points become HUGE_VAL.
        let done = proj_trans_generic(
            transformation, PJ_FWD, &x, stride, x.count, &y, stride, y.count, nil, 0, 0, nil, 0, 0
        )
        guard done == coordinates.count else {
            throw .projection("PROJ transformed \(done) of \(coordinates.count) points: \(Self.message(context))")
        }
        var points = [PlanePoint]()
        points.reserveCapacity(x.count)
        for index in x.indices {
            guard x[index].isFinite, y[index].isFinite, abs(x[index]) < 1e15, abs(y[index]) < 1e15 else {
                throw .projection("\(coordinates[index]) cannot be shown in '\(definition)'")
            }
            points.append(PlanePoint(x: x[index], y: y[index]))
        }
        return points
    }

    private static func message(_ context: OpaquePointer) -> String {
        let code = proj_context_errno(context)
        guard code != 0, let text = proj_context_errno_string(context, code) else { return "no detail" }
        return String(cString: text)
    }
}

/// A point on the projected plane, metres.
public struct PlanePoint: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
