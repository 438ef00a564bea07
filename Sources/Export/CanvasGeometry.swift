import Foundation
import GeoModel

/// Longitude/latitude polygons and lines as pixel rings and polylines cut to
/// the map, and the outline of what the map shows.
extension MapCanvas {
    /// Pixel rings of each polygon, cut to the map and simplified to
    /// `tolerance` pixels; rings smaller than `minimumArea` square pixels are
    /// left out. One entry per input polygon, to be filled even-odd.
    func rings(of polygons: [Polygon], tolerance: Double, minimumArea: Double = 0) -> [[[PlanePoint]]] {
        // Each input polygon becomes one or more pieces of lon/lat rings.
        var pieces = [(owner: Int, polygon: Polygon, rings: [[Coordinate]])]()
        for (owner, polygon) in polygons.enumerated() {
            let oriented = polygon.rfc7946Oriented
            let rings = ([oriented.exterior] + oriented.holes).map { Self.open(Self.densified($0)) }
            if let strip {
                for shifted in Self.stripPieces(rings, strip: strip) {
                    pieces.append((owner, oriented, shifted))
                }
            } else {
                pieces.append((owner, oriented, rings))
            }
        }
        let projected = projectNested(pieces.map(\.rings))
        let clipFrame = frame.insetBy(-3)
        var result = [[[PlanePoint]]](repeating: [], count: polygons.count)
        for (index, piece) in pieces.enumerated() {
            var planeRings: [[PlanePoint]]
            if let discRadius, case .azimuthal = family {
                planeRings = PlaneClipping.clip(polygon: projected[index], toDiscOfRadius: discRadius) {
                    self.covers(piece.polygon, planePoint: PlanePoint(x: discRadius, y: 0))
                }
            } else {
                planeRings = projected[index].compactMap { ring in
                    ring.contains(where: { $0 == nil }) ? nil : ring.map { $0! }
                }
            }
            for ring in planeRings {
                let clipped = PlaneClipping.clip(ring: ring.map(pixel), to: clipFrame)
                let simple = PlaneClipping.simplify(ring: clipped, tolerance: tolerance)
                guard simple.count >= 3 else { continue }
                if minimumArea > 0, abs(PlaneClipping.signedDoubleArea(simple)) < 2 * minimumArea { continue }
                result[piece.owner].append(simple)
            }
        }
        return result
    }

    /// Pixel polylines of each line, cut to the map and simplified; pieces
    /// whose bounding box is under `minimumSize` pixels across are left out.
    /// One entry per input line.
    func lines(of lines: [[Coordinate]], tolerance: Double, minimumSize: Double = 0) -> [[[PlanePoint]]] {
        var pieces = [(owner: Int, line: [Coordinate])]()
        for (owner, line) in lines.enumerated() {
            let dense = Self.densified(line)
            if let strip {
                for piece in Self.stripPieces(line: dense, strip: strip) { pieces.append((owner, piece)) }
            } else {
                pieces.append((owner, dense))
            }
        }
        let projected = projectNested(pieces.map { [$0.line] })
        let clipFrame = frame.insetBy(-3)
        var result = [[[PlanePoint]]](repeating: [], count: lines.count)
        for (index, piece) in pieces.enumerated() {
            let line = projected[index][0]
            var planeLines: [[PlanePoint]]
            if let discRadius, case .azimuthal = family {
                planeLines = PlaneClipping.clip(line: line, toDiscOfRadius: discRadius)
            } else {
                planeLines = [[PlanePoint]]()
                var current = [PlanePoint]()
                for point in line {
                    if let point { current.append(point) } else {
                        if current.count >= 2 { planeLines.append(current) }
                        current = []
                    }
                }
                if current.count >= 2 { planeLines.append(current) }
            }
            for planeLine in planeLines {
                for clipped in PlaneClipping.clip(line: planeLine.map(pixel), to: clipFrame) {
                    let simple = PlaneClipping.simplify(line: clipped, tolerance: tolerance)
                    guard simple.count >= 2 else { continue }
                    if minimumSize > 0, let box = PlaneRect(covering: simple),
                       max(box.maxX - box.minX, box.maxY - box.minY) < minimumSize { continue }
                    result[piece.owner].append(simple)
                }
            }
        }
        return result
    }

    /// The outline of the part of the Earth the map shows, in pixels, clipped to the frame.
    func domainOutline() -> [PlanePoint] {
        switch family {
        case .azimuthal:
            guard let discRadius else { return frame.corners }
            let circle = PlaneClipping.circle(radius: discRadius, from: 0, sweep: 2 * .pi, includeEnd: false).map(pixel)
            return PlaneClipping.clip(ring: circle, to: frame)
        case .cylindrical:
            guard let strip else { return frame.corners }
            let corners = [(strip.minX, strip.minY), (strip.maxX, strip.minY), (strip.maxX, strip.maxY), (strip.minX, strip.maxY)]
                .map { Coordinate(latitude: $0.1, longitude: $0.0) }
            let points = projector.forward(corners).compactMap { $0 }.map(pixel)
            return points.count == 4 ? PlaneClipping.clip(ring: points, to: frame) : frame.corners
        case .other:
            return frame.corners
        }
    }

    /// Whether `polygon` (lon/lat) covers the coordinate under a plane point.
    private func covers(_ polygon: Polygon, planePoint: PlanePoint) -> Bool {
        guard let coordinate = projector.inverse([planePoint])[0] else { return false }
        return RingGeometry.contains(polygon, coordinate)
    }

    /// Projects nested rings in one PROJ call.
    private func projectNested(_ groups: [[[Coordinate]]]) -> [[[PlanePoint?]]] {
        let flat = groups.flatMap { $0.flatMap { $0 } }
        let projected = projector.forward(flat)
        var offset = 0
        return groups.map { rings in
            rings.map { ring in
                defer { offset += ring.count }
                return Array(projected[offset..<offset + ring.count])
            }
        }
    }
}
