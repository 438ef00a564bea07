import CGDAL
import GeoModel

/// Conversion between OGR geometries and ThreatMap's shapes.
enum VectorGeometry {
    /// The shape of an OGR geometry in WGS84 degrees: a point (a
    /// multipoint of one), lines, or polygons.
    static func shape(of geometry: OGRGeometryH, api: ThreatMapGDAL, error: (String) -> GISError) throws(GISError) -> VectorShape {
        let type = api.OGR_GT_Flatten(api.OGR_G_GetGeometryType(geometry))
        switch type {
        case wkbPoint:
            return .point(try coordinates(of: geometry, api: api, error: error)[0])
        case wkbMultiPoint:
            guard api.OGR_G_GetGeometryCount(geometry) == 1, let point = api.OGR_G_GetGeometryRef(geometry, 0) else {
                throw error("a MultiPoint of \(api.OGR_G_GetGeometryCount(geometry)) points; give one point per feature")
            }
            return .point(try coordinates(of: point, api: api, error: error)[0])
        case wkbLineString:
            return .lines([LineString(try coordinates(of: geometry, api: api, error: error, least: 2))])
        case wkbMultiLineString:
            var lines = [LineString]()
            for index in 0..<api.OGR_G_GetGeometryCount(geometry) {
                lines.append(LineString(try coordinates(of: api.OGR_G_GetGeometryRef(geometry, index)!, api: api, error: error, least: 2)))
            }
            return .lines(lines)
        case wkbPolygon:
            return .area(MultiPolygon([try polygon(geometry, api: api, error: error)]))
        case wkbMultiPolygon:
            var polygons = [Polygon]()
            for index in 0..<api.OGR_G_GetGeometryCount(geometry) {
                polygons.append(try polygon(api.OGR_G_GetGeometryRef(geometry, index)!, api: api, error: error))
            }
            return .area(MultiPolygon(polygons))
        case wkbGeometryCollection:
            // KML's MultiGeometry: polygons make an area (with any label
            // points inside it, which add nothing), lines make lines; one point is a point.
            var members = [VectorShape]()
            for index in 0..<api.OGR_G_GetGeometryCount(geometry) {
                members.append(try shape(of: api.OGR_G_GetGeometryRef(geometry, index)!, api: api, error: error))
            }
            var polygons = [Polygon](), lines = [LineString](), points = [Coordinate]()
            for member in members {
                switch member {
                case let .area(area): polygons += area.polygons
                case let .lines(more): lines += more
                case let .point(point): points.append(point)
                }
            }
            if !polygons.isEmpty, lines.isEmpty, points.allSatisfy({ RingGeometry.contains(MultiPolygon(polygons), $0) }) {
                return .area(MultiPolygon(polygons))
            }
            if !lines.isEmpty, polygons.isEmpty, points.isEmpty { return .lines(lines) }
            if points.count == 1, members.count == 1 { return .point(points[0]) }
            throw error("a geometry collection of \(polygons.count) polygons, \(lines.count) lines and \(points.count) points"
                        + (polygons.isEmpty || !lines.isEmpty ? "" : " outside them") + "; give one kind per feature")
        default:
            throw error("a geometry of OGR type \(type.rawValue) (curves, surfaces and the like); expected points, lines or polygons")
        }
    }

    private static func polygon(_ geometry: OGRGeometryH, api: ThreatMapGDAL, error: (String) -> GISError) throws(GISError) -> Polygon {
        var rings = [Ring]()
        for index in 0..<api.OGR_G_GetGeometryCount(geometry) {
            rings.append(try coordinates(of: api.OGR_G_GetGeometryRef(geometry, index)!, api: api, error: error, least: 4))
        }
        guard let exterior = rings.first else { throw error("a polygon without rings") }
        return Polygon(exterior: exterior, holes: Array(rings.dropFirst()))
    }

    /// The points of a point, line or ring, checked as WGS84 degrees.
    private static func coordinates(of geometry: OGRGeometryH, api: ThreatMapGDAL, error: (String) -> GISError, least: Int = 1) throws(GISError) -> [Coordinate] {
        let count = Int(api.OGR_G_GetPointCount(geometry))
        guard count >= least else { throw error("\(count) points where at least \(least) are needed") }
        var xs = [Double](repeating: 0, count: count)
        var ys = [Double](repeating: 0, count: count)
        _ = xs.withUnsafeMutableBytes { x in
            ys.withUnsafeMutableBytes { y in
                api.OGR_G_GetPoints(geometry, x.baseAddress, Int32(MemoryLayout<Double>.stride), y.baseAddress, Int32(MemoryLayout<Double>.stride), nil, 0)
            }
        }
        var result = [Coordinate]()
        result.reserveCapacity(count)
        for index in 0..<count {
            let hint = "(is the layer in degrees? a layer in projected coordinates must declare its reference system)"
            guard xs[index] >= -540, xs[index] <= 540 else { throw error("longitude \(xs[index]) is out of range \(hint)") }
            do throws(CoordinateError) {
                result.append(try Coordinate(validatingLatitude: ys[index], longitude: xs[index]))
            } catch let invalid {
                throw error("\(invalid) \(hint)")
            }
        }
        return result
    }

    /// An OGR geometry of `shape` (the caller owns it).
    static func make(_ shape: VectorShape, api: ThreatMapGDAL) -> OGRGeometryH {
        switch shape {
        case let .point(point):
            let geometry = api.OGR_G_CreateGeometry(wkbPoint)!
            setPoints([point], of: geometry, api: api)
            return geometry
        case let .lines(lines):
            if lines.count == 1 { return lineString(lines[0].coordinates, type: wkbLineString, api: api) }
            let multi = api.OGR_G_CreateGeometry(wkbMultiLineString)!
            for line in lines { _ = api.OGR_G_AddGeometryDirectly(multi, lineString(line.coordinates, type: wkbLineString, api: api)) }
            return multi
        case let .area(area):
            let multi = api.OGR_G_CreateGeometry(wkbMultiPolygon)!
            for polygon in area.polygons {
                let made = api.OGR_G_CreateGeometry(wkbPolygon)!
                for ring in [polygon.exterior] + polygon.holes {
                    _ = api.OGR_G_AddGeometryDirectly(made, lineString(ring, type: wkbLinearRing, api: api))
                }
                _ = api.OGR_G_AddGeometryDirectly(multi, made)
            }
            return multi
        }
    }

    private static func lineString(_ points: [Coordinate], type: OGRwkbGeometryType, api: ThreatMapGDAL) -> OGRGeometryH {
        let geometry = api.OGR_G_CreateGeometry(type)!
        setPoints(points, of: geometry, api: api)
        return geometry
    }

    private static func setPoints(_ points: [Coordinate], of geometry: OGRGeometryH, api: ThreatMapGDAL) {
        var xs = points.map(\.longitude)
        var ys = points.map(\.latitude)
        xs.withUnsafeMutableBytes { x in
            ys.withUnsafeMutableBytes { y in
                api.OGR_G_SetPoints(geometry, Int32(points.count), x.baseAddress, Int32(MemoryLayout<Double>.stride), y.baseAddress, Int32(MemoryLayout<Double>.stride), nil, 0)
            }
        }
    }
}
