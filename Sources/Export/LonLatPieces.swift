import Foundation
import GeoModel

/// Longitude/latitude rings and lines readied for projection: densified
/// edges and copies cut to a cylindrical map's window.
extension MapCanvas {
    /// A closed ring without its repeated last vertex.
    static func open(_ ring: Ring) -> [Coordinate] {
        ring.count > 1 && ring.first == ring.last ? Array(ring.dropLast()) : ring
    }

    /// Adds vertices along lon/lat edges longer than `densifyDegrees`, so
    /// each edge stays the straight lon/lat line GeoJSON means.
    static func densified(_ points: [Coordinate]) -> [Coordinate] {
        guard points.count >= 2 else { return points }
        var result = [Coordinate]()
        result.reserveCapacity(points.count)
        for index in points.indices {
            let a = points[index]
            result.append(a)
            let nextIndex = index + 1
            guard nextIndex < points.count else { break }
            let b = points[nextIndex]
            let steps = Int((max(abs(b.longitude - a.longitude), abs(b.latitude - a.latitude)) / densifyDegrees).rounded(.up))
            if steps > 1 {
                for step in 1..<steps {
                    let t = Double(step) / Double(steps)
                    result.append(Coordinate(latitude: a.latitude + t * (b.latitude - a.latitude),
                                             longitude: a.longitude + t * (b.longitude - a.longitude)))
                }
            }
        }
        return result
    }

    /// Rings cut to the cylindrical window, from copies shifted by a whole turn.
    static func stripPieces(_ rings: [[Coordinate]], strip: PlaneRect) -> [[[Coordinate]]] {
        guard let exterior = rings.first, let box = PlaneRect(covering: exterior.map { PlanePoint(x: $0.longitude, y: $0.latitude) })
        else { return [] }
        var pieces = [[[Coordinate]]]()
        for shift in [-360.0, 0, 360] {
            let shifted = PlaneRect(minX: box.minX + shift, minY: box.minY, maxX: box.maxX + shift, maxY: box.maxY)
            guard shifted.intersects(strip) else { continue }
            var piece = [[Coordinate]]()
            for ring in rings {
                let plane = ring.map { PlanePoint(x: $0.longitude + shift, y: $0.latitude) }
                let clipped = PlaneClipping.clip(ring: plane, to: strip)
                if clipped.count >= 3 { piece.append(clipped.map { Coordinate(latitude: $0.y, longitude: $0.x) }) }
                else if piece.isEmpty { break }
            }
            if !piece.isEmpty { pieces.append(piece) }
        }
        return pieces
    }

    /// A line cut to the cylindrical window, from copies shifted by a whole turn.
    static func stripPieces(line: [Coordinate], strip: PlaneRect) -> [[Coordinate]] {
        var pieces = [[Coordinate]]()
        for shift in [-360.0, 0, 360] {
            let plane = line.map { PlanePoint(x: $0.longitude + shift, y: $0.latitude) }
            for clipped in PlaneClipping.clip(line: plane, to: strip) {
                pieces.append(clipped.map { Coordinate(latitude: $0.y, longitude: $0.x) })
            }
        }
        return pieces
    }
}
