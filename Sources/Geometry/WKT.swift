import CGEOS
import GeoModel

/// Well-Known Text in and out, for tests and debugging.
public enum WKT {
    /// `shape` as WKT with `decimals` digits after the point, trailing zeros trimmed.
    /// Wraps `GEOSWKTWriter_write_r`.
    public static func string(from shape: Shape, decimals: Int = 6) throws(GeometryError) -> String {
        let context = try GEOSContext()
        let geometry = try context.make(shape)
        // Returns NULL on exception.
        guard let writer = GEOSWKTWriter_create_r(context.handle) else {
            throw context.failure("GEOSWKTWriter_create_r")
        }
        defer { GEOSWKTWriter_destroy_r(context.handle, writer) }
        GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, Int32(decimals))
        GEOSWKTWriter_setTrim_r(context.handle, writer, 1)
        // Returns a string to free with GEOSFree_r, NULL on exception.
        guard let text = GEOSWKTWriter_write_r(context.handle, writer, geometry.pointer) else {
            throw context.failure("GEOSWKTWriter_write_r")
        }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }

    /// Parses WKT (POINT, LINESTRING, POLYGON, MULTIPOLYGON).
    /// Wraps `GEOSWKTReader_read_r`.
    public static func shape(from text: String) throws(GeometryError) -> Shape {
        let context = try GEOSContext()
        // Returns NULL on exception.
        guard let reader = GEOSWKTReader_create_r(context.handle) else {
            throw context.failure("GEOSWKTReader_create_r")
        }
        defer { GEOSWKTReader_destroy_r(context.handle, reader) }
        // Returns NULL on exception (malformed text).
        guard let geometry = GEOSWKTReader_read_r(context.handle, reader, text) else {
            throw context.failure("GEOSWKTReader_read_r")
        }
        let owned = GEOSGeometryHandle(context: context, owning: geometry)
        return try context.shape(of: owned.pointer)
    }
}
