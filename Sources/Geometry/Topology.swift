import CGEOS
import Foundation
import GeoModel

/// Planar set operations on longitude/latitude shapes, computed by GEOS.
///
/// Each call makes its own short-lived GEOS context, so the functions are
/// safe to call from any task. Inputs and outputs are plain values.
public enum Topology {
    /// A polygon built from rings and checked by GEOS.
    /// - Throws: `GeometryError.invalidRing` for unclosed or short rings,
    ///   `GeometryError.geos` when GEOS refuses it.
    public static func polygon(exterior: Ring, holes: [Ring] = []) throws(GeometryError) -> Polygon {
        let context = try GEOSContext()
        let geometry = try context.makePolygon(Polygon(exterior: exterior, holes: holes))
        return try context.polygon(of: geometry.pointer)
    }

    /// The union of all `shapes`. Wraps `GEOSUnaryUnion_r`.
    ///
    /// Many polygons are split west to east into one group per core; the
    /// groups are united at the same time, each in its own GEOS context, and
    /// their unions then united. The result is the same region as a single
    /// `GEOSUnaryUnion_r` of everything (GEOS unites pairwise from an STR
    /// tree anyway), and as valid.
    public static func union(_ shapes: [MultiPolygon]) throws(GeometryError) -> MultiPolygon {
        let polygons = shapes.flatMap(\.polygons)
        try checkBudget(polygons, operation: "union")
        let groups = min(ProcessInfo.processInfo.activeProcessorCount, polygons.count / minimumPolygonsPerGroup)
        guard groups > 1 else { return try unaryUnion(polygons) }
        let ordered = polygons
            .map { (center: longitudeCenter(of: $0.exterior), polygon: $0) }
            .sorted { $0.center < $1.center }
            .map(\.polygon)
        let results = ConcurrentMap.map(count: groups) { group in
            let part = ordered[(ordered.count * group / groups)..<(ordered.count * (group + 1) / groups)]
            return Result { () throws(GeometryError) -> MultiPolygon in try unaryUnion(Array(part)) }
        }
        var united = [Polygon]()
        for result in results {
            switch result {
            case let .success(part): united += part.polygons
            case let .failure(error): throw error
            }
        }
        return try unaryUnion(united)
    }

    /// Most vertices one union, difference or intersection takes: about
    /// a minute of GEOS work and a few GB of memory at worst.
    public static let maximumVertices = 20_000_000

    static func checkBudget(_ groups: [Polygon]..., operation: String, limit: Int = maximumVertices) throws(GeometryError) {
        var vertices = 0
        for polygon in groups.joined() {
            vertices += polygon.exterior.count
            for hole in polygon.holes { vertices += hole.count }
        }
        guard vertices <= limit else {
            throw .tooLarge(operation: operation, vertices: vertices, limit: limit)
        }
    }

    /// Below this many polygons per core, one union on one core is faster.
    static let minimumPolygonsPerGroup = 32

    private static func unaryUnion(_ polygons: [Polygon]) throws(GeometryError) -> MultiPolygon {
        let context = try GEOSContext()
        var parts = [GEOSGeometryHandle]()
        parts.reserveCapacity(polygons.count)
        for polygon in polygons { parts.append(try context.makePolygon(polygon)) }
        let collection = try context.makeCollection(parts, type: GEOS_GEOMETRYCOLLECTION)
        // Returns NULL on exception.
        guard let united = GEOSUnaryUnion_r(context.handle, collection.pointer) else {
            throw context.failure("GEOSUnaryUnion_r")
        }
        let result = GEOSGeometryHandle(context: context, owning: united)
        return MultiPolygon(try context.polygons(of: result.pointer))
    }

    /// Middle of a ring's longitude span (degrees), for ordering west to east.
    private static func longitudeCenter(of ring: Ring) -> Double {
        guard let first = ring.first else { return 0 }
        var (west, east) = (first.longitude, first.longitude)
        for coordinate in ring {
            west = min(west, coordinate.longitude)
            east = max(east, coordinate.longitude)
        }
        return (west + east) / 2
    }

    /// Points of `shape` not in `subtracted`. Wraps `GEOSDifference_r`.
    public static func difference(_ shape: MultiPolygon, _ subtracted: MultiPolygon) throws(GeometryError) -> MultiPolygon {
        try binary(shape, subtracted, name: "GEOSDifference_r", GEOSDifference_r)
    }

    /// Points in both shapes. Wraps `GEOSIntersection_r`.
    public static func intersection(_ shape: MultiPolygon, _ other: MultiPolygon) throws(GeometryError) -> MultiPolygon {
        try binary(shape, other, name: "GEOSIntersection_r", GEOSIntersection_r)
    }

    private static func binary(
        _ first: MultiPolygon, _ second: MultiPolygon, name: String,
        _ operation: (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> OpaquePointer?
    ) throws(GeometryError) -> MultiPolygon {
        try checkBudget(first.polygons, second.polygons, operation: name)
        let context = try GEOSContext()
        let a = try context.makeMultiPolygon(first)
        let b = try context.makeMultiPolygon(second)
        // Returns NULL on exception.
        guard let combined = operation(context.handle, a.pointer, b.pointer) else {
            throw context.failure(name)
        }
        let result = GEOSGeometryHandle(context: context, owning: combined)
        return MultiPolygon(try context.polygons(of: result.pointer))
    }

    /// Whether GEOS holds `shape` valid (OGC rules), and why not.
    /// Wraps `GEOSisValidReason_r`.
    public static func validity(of shape: Shape) throws(GeometryError) -> Validity {
        let context = try GEOSContext()
        let geometry = try context.make(shape)
        // Returns a string to free with GEOSFree_r, NULL on exception.
        guard let reason = GEOSisValidReason_r(context.handle, geometry.pointer) else {
            throw context.failure("GEOSisValidReason_r")
        }
        defer { GEOSFree_r(context.handle, reason) }
        let text = String(cString: reason)
        return text == "Valid Geometry" ? .valid : .invalid(reason: text)
    }

    /// Whether `point` lies inside or on the boundary of `shape`.
    /// Wraps `GEOSCovers_r`. For reach decisions use geodesic distance instead.
    public static func covers(_ shape: MultiPolygon, _ point: Coordinate) throws(GeometryError) -> Bool {
        let context = try GEOSContext()
        let area = try context.makeMultiPolygon(shape)
        let location = try context.makePoint(point)
        // Returns 1 on true, 0 on false, 2 on exception.
        let result = GEOSCovers_r(context.handle, area.pointer, location.pointer)
        guard result != 2 else { throw context.failure("GEOSCovers_r") }
        return result == 1
    }
}

extension Topology {
    /// A point guaranteed to lie inside `shape` (on its surface).
    /// Wraps `GEOSPointOnSurface_r`.
    public static func interiorPoint(of shape: MultiPolygon) throws(GeometryError) -> Coordinate {
        let context = try GEOSContext()
        let geometry = try context.makeMultiPolygon(shape)
        // Returns NULL on exception (or an empty point for an empty input).
        guard let point = GEOSPointOnSurface_r(context.handle, geometry.pointer) else {
            throw context.failure("GEOSPointOnSurface_r")
        }
        let owned = GEOSGeometryHandle(context: context, owning: point)
        guard case let .point(coordinate) = try context.shape(of: owned.pointer) else {
            throw .unsupported("no interior point of an empty shape")
        }
        return coordinate
    }
}

/// The outcome of a validity check.
public enum Validity: Hashable, Sendable {
    case valid
    case invalid(reason: String)

    public var isValid: Bool { self == .valid }
}
