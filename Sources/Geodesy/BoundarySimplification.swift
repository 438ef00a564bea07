import Foundation
import GeoModel

extension Geodesic {
    /// `line` with the vertices dropped that lie within `tolerance` of the
    /// straight longitude/latitude edge that replaces them (Douglas–Peucker).
    /// Every point of the input lies within `tolerance` of the result and
    /// every point of the result within `tolerance` of the input. The first
    /// and last vertices are kept.
    ///
    /// Offsets are measured in the plane tangent at each dropped vertex
    /// (metres along the meridian and the parallel there), which for
    /// offsets of metres differs from the geodesic distance by far less than
    /// the 10 % margin kept below `tolerance`.
    /// - Complexity: O(n log n) for typical outlines, O(n²) at worst.
    public func simplified(_ line: [Coordinate], within tolerance: Distance) -> [Coordinate] {
        guard line.count > 2, tolerance > .zero else { return line }
        let limit = 0.9 * tolerance.meters
        // Unwrapped, so an edge across ±180 is measured the short way.
        var unwrapped = [line[0]]
        unwrapped.reserveCapacity(line.count)
        for point in line.dropFirst() {
            unwrapped.append(Coordinate(latitude: point.latitude,
                                        longitude: Coordinate.unwrappedLongitude(point.longitude, near: unwrapped[unwrapped.count - 1].longitude)))
        }
        var keep = [Bool](repeating: false, count: line.count)
        keep[0] = true
        keep[line.count - 1] = true
        var pending = [(0, line.count - 1)]
        while let (first, last) = pending.popLast() {
            guard last - first > 1 else { continue }
            var farthest = first, farthestOffset = -1.0
            for index in (first + 1)..<last {
                let offset = offsetMeters(of: unwrapped[index], from: unwrapped[first], to: unwrapped[last])
                if offset > farthestOffset { (farthest, farthestOffset) = (index, offset) }
            }
            if farthestOffset > limit || !farthestOffset.isFinite {
                keep[farthest] = true
                pending.append((first, farthest))
                pending.append((farthest, last))
            }
        }
        return line.indices.filter { keep[$0] }.map { line[$0] }
    }

    /// Metres from `point` to the longitude/latitude segment `a`–`b`, in the
    /// plane tangent at `point` (meridian and parallel radii of the ellipsoid).
    func offsetMeters(of point: Coordinate, from a: Coordinate, to b: Coordinate) -> Double {
        let latitude = point.latitude * .pi / 180
        let eccentricitySquared = flattening * (2 - flattening)
        let w = (1 - eccentricitySquared * sin(latitude) * sin(latitude)).squareRoot()
        let metresPerDegreeNorth = equatorialRadius * (1 - eccentricitySquared) / (w * w * w) * .pi / 180
        let metresPerDegreeEast = equatorialRadius / w * cos(latitude) * .pi / 180
        func plane(_ c: Coordinate) -> (x: Double, y: Double) {
            ((c.longitude - point.longitude) * metresPerDegreeEast, (c.latitude - point.latitude) * metresPerDegreeNorth)
        }
        let (p, q) = (plane(a), plane(b))
        let dx = q.x - p.x, dy = q.y - p.y
        let lengthSquared = dx * dx + dy * dy
        let t = lengthSquared > 0 ? min(1, max(0, -(p.x * dx + p.y * dy) / lengthSquared)) : 0
        let x = p.x + t * dx, y = p.y + t * dy
        return (x * x + y * y).squareRoot()
    }
}
