import Foundation
import CPROJ
import GeoModel

/// Area and perimeter of a shape on the ellipsoid.
public struct GeodesicMeasure: Hashable, Sendable {
    /// Area in square metres (signed for a single ring: counter-clockwise positive).
    public var area: Double
    /// Perimeter in metres (for polygons, every ring's length summed).
    public var perimeter: Double

    /// Area in square kilometres.
    public var squareKilometers: Double { area / 1e6 }
}

extension Geodesic {
    /// Signed area and perimeter of the polygon whose vertices are `ring`,
    /// joined by geodesics. Wraps `geod_polygonarea`.
    ///
    /// The ring may be closed (first == last) or not. Counter-clockwise rings
    /// have positive area. Longitudes may be unwrapped.
    public func measure(ring: Ring) -> GeodesicMeasure {
        var vertices = ring
        if vertices.count > 1, vertices.first == vertices.last { vertices.removeLast() }
        guard vertices.count > 2 else {
            return GeodesicMeasure(area: 0, perimeter: vertices.count == 2 ? 2 * distance(from: vertices[0], to: vertices[1]).meters : 0)
        }
        var latitudes = vertices.map(\.latitude)
        var longitudes = vertices.map(\.longitude)
        var area = 0.0, perimeter = 0.0
        withUnsafePointer(to: raw) { geodesic in
            geod_polygonarea(geodesic, &latitudes, &longitudes, Int32(vertices.count), &area, &perimeter)
        }
        return GeodesicMeasure(area: area, perimeter: perimeter)
    }

    /// Surface area of the whole ellipsoid, square metres (4π times the
    /// authalic radius squared).
    public var ellipsoidArea: Double { 4 * Double.pi * raw.c2 }

    /// Area and perimeter of a polygon region: exterior minus holes, whatever
    /// the rings' winding, correct for shapes that touch a pole, span more
    /// than 180° of longitude or cover most of the Earth.
    ///
    /// Each ring is measured in strips of at most 180° of longitude (clipped
    /// along meridians, which are geodesics), where `geod_polygonarea` is
    /// unambiguous. Edges lying on the ±180° meridian are taken as cut lines
    /// and left out of the perimeter.
    public func measure(polygon: Polygon) -> GeodesicMeasure {
        var result = GeodesicMeasure(area: regionArea(polygon.exterior), perimeter: cutAwarePerimeter(polygon.exterior))
        for hole in polygon.holes {
            result.area -= regionArea(hole)
            result.perimeter += cutAwarePerimeter(hole)
        }
        return result
    }

    /// Sum of the polygons' areas and perimeters.
    public func measure(multiPolygon: MultiPolygon) -> GeodesicMeasure {
        multiPolygon.polygons.reduce(GeodesicMeasure(area: 0, perimeter: 0)) { sum, polygon in
            let measured = measure(polygon: polygon)
            return GeodesicMeasure(area: sum.area + measured.area, perimeter: sum.perimeter + measured.perimeter)
        }
    }

    /// Area of the region a ring encloses in the longitude/latitude plane.
    private func regionArea(_ ring: Ring) -> Double {
        let counterClockwise = RingGeometry.oriented(ring, counterClockwise: true)
        guard let box = BoundingBox(covering: counterClockwise) else { return 0 }
        // Narrow rings clear of the poles are unambiguous as they are.
        if box.east - box.west < 180, box.north < 90, box.south > -90 {
            return abs(measure(ring: counterClockwise).area)
        }
        var total = 0.0
        var west = (box.west / 180).rounded(.down) * 180
        while west < box.east {
            let strip = LongitudeStrip(west: west, east: west + 180, crossing: meridianCrossing)
            let piece = strip.clip(counterClockwise)
            if piece.count > 2 {
                var area = measure(ring: piece).area
                // A strip piece holds at most half the Earth; a large negative
                // value is that half reported modulo the ellipsoid's area.
                if area < -ellipsoidArea / 4 { area += ellipsoidArea }
                total += area
            }
            west += 180
        }
        return total
    }

    private func cutAwarePerimeter(_ ring: Ring) -> Double {
        var length = 0.0
        for (a, b) in zip(ring, ring.dropFirst()) {
            if a.longitude == b.longitude, abs(a.longitude) == 180 { continue }
            length += distance(from: a, to: b).meters
        }
        return length
    }
}

extension Geodesic {
    /// Where the geodesic from `start` to `end` crosses the meridian
    /// `longitude` (all in one unwrapped longitude frame; the edge spans less
    /// than 180°). Bisection on the distance along the geodesic.
    public func meridianCrossing(from start: Coordinate, to end: Coordinate, longitude: Double) -> Coordinate {
        let solution = inverse(from: start, to: end)
        func unwrappedLongitude(at meters: Double) -> Double {
            let point = direct(from: start, azimuth: solution.initialAzimuth, distance: .meters(meters)).destination
            return Coordinate.unwrappedLongitude(point.longitude, near: start.longitude)
        }
        let increasing = end.longitude > start.longitude
        var low = 0.0, high = solution.distance.meters
        for _ in 0..<64 where high - low > 1e-9 {
            let middle = (low + high) / 2
            if (unwrappedLongitude(at: middle) < longitude) == increasing { low = middle } else { high = middle }
        }
        let point = direct(from: start, azimuth: solution.initialAzimuth, distance: .meters((low + high) / 2)).destination
        return Coordinate(latitude: point.latitude, longitude: longitude)
    }
}

/// Sutherland–Hodgman clipping of a ring to `west <= longitude <= east`,
/// cutting each edge where its geodesic crosses the strip's side, so the
/// pieces partition the geodesic polygon exactly. The result may have edges
/// doubling back along the strip's sides (meridians); they add no area,
/// since polygon area is a sum over edges.
private struct LongitudeStrip {
    let west: Double
    let east: Double
    let crossing: (Coordinate, Coordinate, Double) -> Coordinate

    func clip(_ ring: Ring) -> [Coordinate] {
        var vertices = ring
        if vertices.count > 1, vertices.first == vertices.last { vertices.removeLast() }
        vertices = clip(vertices, keep: { $0.longitude >= west }, meridian: west)
        vertices = clip(vertices, keep: { $0.longitude <= east }, meridian: east)
        return vertices
    }

    /// The crossing of edge `a`-`b` with `meridian`; edges along a pole or
    /// spanning 180° or more are straight lines in longitude/latitude.
    private func crossingPoint(_ a: Coordinate, _ b: Coordinate, _ meridian: Double) -> Coordinate {
        if abs(a.latitude) < 90, abs(b.latitude) < 90, abs(b.longitude - a.longitude) < 180 {
            return crossing(a, b, meridian)
        }
        let fraction = (meridian - a.longitude) / (b.longitude - a.longitude)
        return Coordinate(latitude: a.latitude + fraction * (b.latitude - a.latitude), longitude: meridian)
    }

    private func clip(_ vertices: [Coordinate], keep: (Coordinate) -> Bool, meridian: Double) -> [Coordinate] {
        guard let last = vertices.last else { return [] }
        var output = [Coordinate]()
        var previous = last
        for current in vertices {
            let currentInside = keep(current), previousInside = keep(previous)
            if currentInside != previousInside {
                output.append(crossingPoint(previous, current, meridian))
            }
            if currentInside { output.append(current) }
            previous = current
        }
        return output
    }
}
