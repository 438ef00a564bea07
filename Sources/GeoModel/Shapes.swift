import Foundation
/// A closed ring of coordinates: the first coordinate is repeated at the end.
public typealias Ring = [Coordinate]

/// An open or closed path of coordinates (GeoJSON LineString).
public struct LineString: Hashable, Sendable {
    public var coordinates: [Coordinate]
    public init(_ coordinates: [Coordinate]) { self.coordinates = coordinates }
}

/// A polygon in longitude/latitude: one exterior ring and zero or more holes.
/// Rings are closed (first == last). Winding is normalised on export.
public struct Polygon: Hashable, Sendable {
    public var exterior: Ring
    public var holes: [Ring]
    public init(exterior: Ring, holes: [Ring] = []) {
        self.exterior = exterior
        self.holes = holes
    }
}

/// Zero or more polygons whose interiors do not overlap.
public struct MultiPolygon: Hashable, Sendable {
    public var polygons: [Polygon]
    public init(_ polygons: [Polygon]) { self.polygons = polygons }
    public var isEmpty: Bool { polygons.isEmpty }
}

/// Any geometry a feature can carry.
public enum Shape: Hashable, Sendable {
    case point(Coordinate)
    case lineString(LineString)
    case polygon(Polygon)
    case multiPolygon(MultiPolygon)

    /// Every coordinate of the shape, rings in order.
    public var allCoordinates: [Coordinate] {
        switch self {
        case let .point(point): [point]
        case let .lineString(line): line.coordinates
        case let .polygon(polygon): polygon.exterior + polygon.holes.flatMap { $0 }
        case let .multiPolygon(multi): multi.polygons.flatMap { $0.exterior + $0.holes.flatMap { $0 } }
        }
    }
}

public enum RingGeometry {
    /// Twice the signed planar area of a ring in the longitude/latitude plane
    /// (degrees squared): positive when the ring runs counter-clockwise.
    public static func signedDoubleArea(_ ring: Ring) -> Double {
        guard ring.count > 2 else { return 0 }
        var sum = 0.0
        for index in 0..<(ring.count - 1) {
            let a = ring[index], b = ring[index + 1]
            sum += a.longitude * b.latitude - b.longitude * a.latitude
        }
        return sum
    }

    /// How wide a small ring is, about: twice its area over its perimeter
    /// (a sliver's width; a circle's radius), metres, measured on a plane
    /// tangent at its first vertex. For rings a few kilometres across.
    public static func widthMeters(_ ring: Ring) -> Double {
        guard let origin = ring.first, ring.count > 3 else { return 0 }
        let metresPerDegree = 111_319.49
        let east = metresPerDegree * cos(origin.latitude * .pi / 180)
        var doubleArea = 0.0, perimeter = 0.0
        for (a, b) in zip(ring, ring.dropFirst()) {
            let ax: Double = (a.longitude - origin.longitude) * east, ay: Double = (a.latitude - origin.latitude) * metresPerDegree
            let bx: Double = (b.longitude - origin.longitude) * east, by: Double = (b.latitude - origin.latitude) * metresPerDegree
            doubleArea += ax * by - bx * ay
            perimeter += hypot(bx - ax, by - ay)
        }
        return perimeter > 0 ? abs(doubleArea) / perimeter : 0
    }

    /// Where a point lies against a closed ring in the longitude/latitude plane.
    public enum Location: Sendable { case inside, outside, boundary }

    /// Where `point` lies against the closed `ring`, taken as straight
    /// longitude/latitude edges (even-odd rule; a point on an edge or vertex
    /// is `.boundary`).
    public static func location(of point: Coordinate, in ring: Ring) -> Location {
        let (x, y) = (point.longitude, point.latitude)
        var inside = false
        for (a, b) in zip(ring, ring.dropFirst()) {
            let cross = (b.longitude - a.longitude) * (y - a.latitude) - (x - a.longitude) * (b.latitude - a.latitude)
            if cross == 0, min(a.longitude, b.longitude) <= x, x <= max(a.longitude, b.longitude),
               min(a.latitude, b.latitude) <= y, y <= max(a.latitude, b.latitude) {
                return .boundary
            }
            // Edges straddling the horizontal through the point, crossed to its right.
            if (a.latitude > y) != (b.latitude > y), (cross > 0) == (b.latitude > a.latitude) {
                inside.toggle()
            }
        }
        return inside ? .inside : .outside
    }

    /// Whether `point` lies inside `ring` (closed or open), taken as straight
    /// longitude/latitude edges, by even-odd ray casting towards the east.
    ///
    /// A point on an edge or vertex may count either way (an edge holds its
    /// southern end and not its northern one), so that a point on the edge
    /// shared by two rings that tile the plane lies in exactly one; use
    /// `location(of:in:)` to tell the boundary apart. Rings of fewer than
    /// three coordinates contain nothing.
    public static func contains(_ ring: Ring, _ point: Coordinate) -> Bool {
        guard ring.count >= 3 else { return false }
        var inside = false
        var previous = ring[ring.count - 1]
        for vertex in ring {
            if (vertex.latitude > point.latitude) != (previous.latitude > point.latitude) {
                let crossing = vertex.longitude + (point.latitude - vertex.latitude)
                    * (previous.longitude - vertex.longitude) / (previous.latitude - vertex.latitude)
                if point.longitude < crossing { inside.toggle() }
            }
            previous = vertex
        }
        return inside
    }

    /// Whether `point` lies inside `polygon`: inside its exterior and
    /// outside every hole (rings as in `contains(_:_:)`).
    public static func contains(_ polygon: Polygon, _ point: Coordinate) -> Bool {
        contains(polygon.exterior, point) && !polygon.holes.contains { contains($0, point) }
    }

    /// Whether `point` lies inside any polygon of `area`.
    public static func contains(_ area: MultiPolygon, _ point: Coordinate) -> Bool {
        area.polygons.contains { contains($0, point) }
    }

    /// `ring` turned to run counter-clockwise (`true`) or clockwise (`false`).
    public static func oriented(_ ring: Ring, counterClockwise: Bool) -> Ring {
        let isCounterClockwise = signedDoubleArea(ring) > 0
        return isCounterClockwise == counterClockwise ? ring : ring.reversed()
    }
}

extension Polygon {
    /// RFC 7946 winding: exterior counter-clockwise, holes clockwise.
    public var rfc7946Oriented: Polygon {
        Polygon(
            exterior: RingGeometry.oriented(exterior, counterClockwise: true),
            holes: holes.map { RingGeometry.oriented($0, counterClockwise: false) }
        )
    }
}
