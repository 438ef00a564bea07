import CGEOS
import GeoModel

/// Conversions between value shapes and GEOS geometries (x = longitude, y = latitude).
extension GEOSContext {
    func makeCoordinateSequence(_ coordinates: [Coordinate]) throws(GeometryError) -> OpaquePointer {
        var buffer = [Double]()
        buffer.reserveCapacity(coordinates.count * 2)
        for coordinate in coordinates {
            buffer.append(coordinate.longitude)
            buffer.append(coordinate.latitude)
        }
        // Returns NULL on exception.
        guard let sequence = GEOSCoordSeq_copyFromBuffer_r(handle, buffer, UInt32(coordinates.count), 0, 0) else {
            throw failure("GEOSCoordSeq_copyFromBuffer_r")
        }
        return sequence
    }

    func makeLinearRing(_ ring: Ring) throws(GeometryError) -> GEOSGeometryHandle {
        guard ring.count >= 4 else { throw .invalidRing(reason: "\(ring.count) coordinates; a ring needs at least 4") }
        guard ring.first == ring.last else { throw .invalidRing(reason: "first and last coordinates differ") }
        let sequence = try makeCoordinateSequence(ring)
        // Takes ownership of the sequence, also on failure. Returns NULL on exception.
        guard let geometry = GEOSGeom_createLinearRing_r(handle, sequence) else {
            throw failure("GEOSGeom_createLinearRing_r")
        }
        return GEOSGeometryHandle(context: self, owning: geometry)
    }

    func makePolygon(_ polygon: Polygon) throws(GeometryError) -> GEOSGeometryHandle {
        let shell = try makeLinearRing(polygon.exterior)
        var holes = [GEOSGeometryHandle]()
        for hole in polygon.holes { holes.append(try makeLinearRing(hole)) }
        // GEOS takes ownership of shell and holes (not of the array) whether
        // it succeeds or not, so Swift lets go of them before the call.
        let shellPointer = shell.release()
        var holePointers: [OpaquePointer?] = holes.map { $0.release() }
        // Returns NULL on exception (having freed shell and holes).
        let created = holePointers.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createPolygon_r(handle, shellPointer, buffer.baseAddress, UInt32(buffer.count))
        }
        guard let created else { throw failure("GEOSGeom_createPolygon_r") }
        return GEOSGeometryHandle(context: self, owning: created)
    }

    func makeMultiPolygon(_ multiPolygon: MultiPolygon) throws(GeometryError) -> GEOSGeometryHandle {
        var parts = [GEOSGeometryHandle]()
        for polygon in multiPolygon.polygons { parts.append(try makePolygon(polygon)) }
        return try makeCollection(parts, type: GEOS_MULTIPOLYGON)
    }

    func makePoint(_ coordinate: Coordinate) throws(GeometryError) -> GEOSGeometryHandle {
        // Returns NULL on exception.
        guard let point = GEOSGeom_createPointFromXY_r(handle, coordinate.longitude, coordinate.latitude) else {
            throw failure("GEOSGeom_createPointFromXY_r")
        }
        return GEOSGeometryHandle(context: self, owning: point)
    }

    func makeCollection(_ parts: [GEOSGeometryHandle], type: GEOSGeomTypes) throws(GeometryError) -> GEOSGeometryHandle {
        // GEOS takes ownership of the parts (not of the array) whether it
        // succeeds or not, so Swift lets go of them before the call.
        var pointers: [OpaquePointer?] = parts.map { $0.release() }
        // Returns NULL on exception (having freed the parts).
        let created = pointers.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(handle, Int32(type.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        guard let created else { throw failure("GEOSGeom_createCollection_r") }
        return GEOSGeometryHandle(context: self, owning: created)
    }

    func make(_ shape: Shape) throws(GeometryError) -> GEOSGeometryHandle {
        switch shape {
        case let .point(point):
            return try makePoint(point)
        case let .lineString(line):
            let sequence = try makeCoordinateSequence(line.coordinates)
            // Takes ownership of the sequence, also on failure. Returns NULL on exception.
            guard let geometry = GEOSGeom_createLineString_r(handle, sequence) else {
                throw failure("GEOSGeom_createLineString_r")
            }
            return GEOSGeometryHandle(context: self, owning: geometry)
        case let .polygon(polygon):
            return try makePolygon(polygon)
        case let .multiPolygon(multi):
            return try makeMultiPolygon(multi)
        }
    }

    // MARK: reading

    /// Coordinates of a borrowed geometry's coordinate sequence.
    func coordinates(of geometry: OpaquePointer) throws(GeometryError) -> [Coordinate] {
        // Borrowed pointer, owned by the geometry. Returns NULL on exception.
        guard let sequence = GEOSGeom_getCoordSeq_r(handle, geometry) else {
            throw failure("GEOSGeom_getCoordSeq_r")
        }
        var size: UInt32 = 0
        // Returns 0 on exception.
        guard GEOSCoordSeq_getSize_r(handle, sequence, &size) != 0 else { throw failure("GEOSCoordSeq_getSize_r") }
        guard size > 0 else { return [] }
        var buffer = [Double](repeating: 0, count: Int(size) * 2)
        // Returns 0 on exception.
        guard GEOSCoordSeq_copyToBuffer_r(handle, sequence, &buffer, 0, 0) != 0 else {
            throw failure("GEOSCoordSeq_copyToBuffer_r")
        }
        return (0..<Int(size)).map { Coordinate(latitude: buffer[2 * $0 + 1], longitude: buffer[2 * $0]) }
    }

    /// A borrowed polygon as a value.
    func polygon(of geometry: OpaquePointer) throws(GeometryError) -> Polygon {
        // Borrowed; returns NULL on exception.
        guard let shell = GEOSGetExteriorRing_r(handle, geometry) else { throw failure("GEOSGetExteriorRing_r") }
        let exterior = try coordinates(of: shell)
        // Returns -1 on exception.
        let holeCount = GEOSGetNumInteriorRings_r(handle, geometry)
        guard holeCount >= 0 else { throw failure("GEOSGetNumInteriorRings_r") }
        var holes = [Ring]()
        for index in 0..<holeCount {
            // Borrowed; returns NULL on exception.
            guard let hole = GEOSGetInteriorRingN_r(handle, geometry, index) else {
                throw failure("GEOSGetInteriorRingN_r")
            }
            holes.append(try coordinates(of: hole))
        }
        return Polygon(exterior: exterior, holes: holes)
    }

    /// The polygonal parts of a borrowed geometry (lines and points dropped,
    /// empty polygons skipped), as a value.
    func polygons(of geometry: OpaquePointer) throws(GeometryError) -> [Polygon] {
        // Returns -1 on exception.
        let type = GEOSGeomTypeId_r(handle, geometry)
        switch type {
        case -1:
            throw failure("GEOSGeomTypeId_r")
        case Int32(GEOS_POLYGON.rawValue):
            // Returns 1 when empty, 0 when not, 2 on exception.
            let empty = GEOSisEmpty_r(handle, geometry)
            guard empty != 2 else { throw failure("GEOSisEmpty_r") }
            return empty == 1 ? [] : [try polygon(of: geometry)]
        case Int32(GEOS_MULTIPOLYGON.rawValue), Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
            // Returns -1 on exception.
            let count = GEOSGetNumGeometries_r(handle, geometry)
            guard count >= 0 else { throw failure("GEOSGetNumGeometries_r") }
            var result = [Polygon]()
            for index in 0..<count {
                // Borrowed; returns NULL on exception.
                guard let part = GEOSGetGeometryN_r(handle, geometry, index) else {
                    throw failure("GEOSGetGeometryN_r")
                }
                result += try polygons(of: part)
            }
            return result
        default:
            return []
        }
    }

    /// A borrowed geometry of any supported type as a value.
    func shape(of geometry: OpaquePointer) throws(GeometryError) -> Shape {
        // Returns -1 on exception.
        let type = GEOSGeomTypeId_r(handle, geometry)
        switch type {
        case Int32(GEOS_POINT.rawValue):
            guard let point = try coordinates(of: geometry).first else { throw .unsupported("empty point") }
            return .point(point)
        case Int32(GEOS_LINESTRING.rawValue):
            return .lineString(LineString(try coordinates(of: geometry)))
        case Int32(GEOS_POLYGON.rawValue):
            return .polygon(try polygon(of: geometry))
        case Int32(GEOS_MULTIPOLYGON.rawValue):
            return .multiPolygon(MultiPolygon(try polygons(of: geometry)))
        case -1:
            throw failure("GEOSGeomTypeId_r")
        default:
            throw .unsupported("GEOS geometry type \(type)")
        }
    }
}
