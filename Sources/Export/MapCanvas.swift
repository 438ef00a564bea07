import Foundation
import Geodesy
import GeoModel

/// Where a map lies on the canvas, and how longitude/latitude geometry gets
/// there: cut to what the projection can show, projected, scaled to
/// pixels, clipped to the frame and simplified to display resolution.
///
/// Holds a PROJ transformation; made and used inside one render call.
final class MapCanvas {
    let projector: Projector
    let family: MapProjection.Family
    /// The drawing frame, pixels (y down).
    let frame: PlaneRect
    /// Pixels per plane metre.
    let scale: Double
    private let originX: Double, originY: Double
    /// Azimuthal projections: the radius (plane metres) beyond which nothing is drawn.
    let discRadius: Double?
    /// Cylindrical projections: the longitude/latitude window without a seam.
    let strip: PlaneRect?
    /// The point the map is about (see `MapProjection.center`).
    let center: Coordinate

    /// Longest longitude/latitude edge (degrees) drawn without added vertices.
    static let densifyDegrees = 0.5

    /// - Parameters:
    ///   - contentCoordinates: what `.auto` fits (footprint vertices, markers).
    ///   - frame: the pixel rectangle to fill.
    init(projection: MapProjection, extent: MapExtent, contentCoordinates: [Coordinate], frame: PlaneRect) throws(ExportError) {
        projector = try Projector(projection)
        family = projection.family
        self.frame = frame
        var fullRadius: Double?
        switch projection.family {
        case let .azimuthal(center):
            // The farthest circle the projection shows without folding back:
            // 99.5 % of the way to the antipode, the nearest over 8 azimuths.
            let far = stride(from: 0.0, to: 360, by: 45).map { Self.destination(from: center, azimuth: $0, meters: 19_900_000) }
            let radii = projector.forward(far).compactMap { $0.map { hypot($0.x, $0.y) } }
            fullRadius = radii.min()
            strip = nil
        case let .cylindrical(centralMeridian, latitudeLimit):
            strip = PlaneRect(minX: centralMeridian - 180, minY: -latitudeLimit, maxX: centralMeridian + 180, maxY: latitudeLimit)
        case .other:
            strip = nil
        }

        // The plane points the frame must hold.
        var points = [PlanePoint]()
        var margin = 0.0
        let center = projection.center
        self.center = center
        switch extent {
        case .auto:
            margin = 0.06
            points = Self.project(contentCoordinates, projector: projector, family: family, fullRadius: fullRadius, strip: strip)
        case let .radius(distance):
            let circle = stride(from: 0.0, to: 360, by: 5).map {
                Self.destination(from: center, azimuth: $0, meters: min(distance.meters, 19_900_000))
            }
            points = Self.project(circle, projector: projector, family: family, fullRadius: fullRadius, strip: strip)
            if case .azimuthal = family, let fullRadius, distance.meters >= 19_900_000 {
                points = [PlanePoint(x: -fullRadius, y: -fullRadius), PlanePoint(x: fullRadius, y: fullRadius)]
            }
        case let .box(west, south, east, north):
            let eastUnwrapped = east < west ? east + 360 : east
            var outline = [Coordinate]()
            for step in 0...64 {
                let longitude = west + (eastUnwrapped - west) * Double(step) / 64
                outline.append(Coordinate(latitude: south, longitude: longitude))
                outline.append(Coordinate(latitude: north, longitude: longitude))
            }
            for step in 0...32 {
                let latitude = south + (north - south) * Double(step) / 32
                outline.append(Coordinate(latitude: latitude, longitude: west))
                outline.append(Coordinate(latitude: latitude, longitude: eastUnwrapped))
            }
            points = Self.project(outline, projector: projector, family: family, fullRadius: fullRadius, strip: strip)
        case .world:
            switch family {
            case .azimuthal:
                let radius = fullRadius ?? 20_000_000
                points = [PlanePoint(x: -radius, y: -radius), PlanePoint(x: radius, y: radius)]
            case let .cylindrical(centralMeridian, latitudeLimit):
                let corners = [(-1.0, -1.0), (1, 1)].map {
                    Coordinate(latitude: $0.1 * latitudeLimit, longitude: centralMeridian + $0.0 * 180)
                }
                points = projector.forward(corners).compactMap { $0 }
            case .other:
                var grid = [Coordinate]()
                for latitude in stride(from: -85.0, through: 85, by: 5) {
                    for longitude in stride(from: -180.0, through: 180, by: 5) {
                        grid.append(Coordinate(latitude: latitude, longitude: longitude))
                    }
                }
                points = projector.forward(grid).compactMap { $0 }
            }
        }
        if points.isEmpty {
            points = Self.project(
                stride(from: 0.0, to: 360, by: 30).map { Self.destination(from: center, azimuth: $0, meters: 500_000) },
                projector: projector, family: family, fullRadius: fullRadius, strip: strip
            )
        }
        var box = PlaneRect(covering: points) ?? PlaneRect(minX: -500_000, minY: -500_000, maxX: 500_000, maxY: 500_000)
        if box.maxX - box.minX < 1000 { box.minX -= 50_000; box.maxX += 50_000 }
        if box.maxY - box.minY < 1000 { box.minY -= 50_000; box.maxY += 50_000 }
        let padX = (box.maxX - box.minX) * margin, padY = (box.maxY - box.minY) * margin
        box = PlaneRect(minX: box.minX - padX, minY: box.minY - padY, maxX: box.maxX + padX, maxY: box.maxY + padY)
        let frameWidth = frame.maxX - frame.minX, frameHeight = frame.maxY - frame.minY
        scale = min(frameWidth / (box.maxX - box.minX), frameHeight / (box.maxY - box.minY))
        originX = frame.minX + (frameWidth - (box.maxX - box.minX) * scale) / 2 - box.minX * scale
        originY = frame.minY + (frameHeight - (box.maxY - box.minY) * scale) / 2 + box.maxY * scale

        if let fullRadius {
            // Just past the farthest frame corner, and never past the fold.
            let (x0, y0, pixelsPerMetre) = (originX, originY, scale)
            let reach = frame.corners.map { corner in
                hypot((corner.x - x0) / pixelsPerMetre, (y0 - corner.y) / pixelsPerMetre)
            }.max() ?? fullRadius
            discRadius = min(fullRadius, reach * 1.02)
        } else {
            discRadius = nil
        }
    }

    /// The WGS84 point `meters` from `start` along initial `azimuth` (degrees
    /// clockwise from north), longitude in [-180, 180] without -0.
    static func destination(from start: Coordinate, azimuth: Double, meters: Double) -> Coordinate {
        Geodesic.wgs84.direct(from: start, azimuth: azimuth, distance: .meters(meters)).destination.normalized
    }

    /// Projected points that the projection can show, for extents.
    private static func project(_ coordinates: [Coordinate], projector: Projector, family: MapProjection.Family,
                                fullRadius: Double?, strip: PlaneRect?) -> [PlanePoint] {
        var input = coordinates
        if let strip {
            let middle = (strip.minX + strip.maxX) / 2
            input = coordinates.map { coordinate in
                Coordinate(latitude: min(strip.maxY, max(strip.minY, coordinate.latitude)),
                           longitude: Coordinate.unwrappedLongitude(coordinate.longitude, near: middle))
            }
        }
        return projector.forward(input).compactMap { point in
            guard let point else { return nil }
            if let fullRadius, hypot(point.x, point.y) > fullRadius { return nil }
            return point
        }
    }

    // MARK: Plane and pixels

    func pixel(_ point: PlanePoint) -> PlanePoint {
        PlanePoint(x: originX + point.x * scale, y: originY - point.y * scale)
    }

    func plane(_ pixel: PlanePoint) -> PlanePoint {
        PlanePoint(x: (pixel.x - originX) / scale, y: (originY - pixel.y) / scale)
    }

    /// Where `coordinate` lies on the canvas, or nil when the map cannot show
    /// it (beyond an azimuthal map's edge or outside the frame).
    func pixel(_ coordinate: Coordinate) -> PlanePoint? {
        var input = coordinate
        if let strip {
            guard (strip.minY...strip.maxY).contains(coordinate.latitude) else { return nil }
            let middle = (strip.minX + strip.maxX) / 2
            input.longitude = Coordinate.unwrappedLongitude(coordinate.longitude, near: middle)
        }
        guard let point = projector.forward([input])[0] else { return nil }
        if let discRadius, hypot(point.x, point.y) > discRadius { return nil }
        let result = pixel(point)
        return frame.contains(result) ? result : nil
    }

    /// The coordinate under a pixel, or nil off the Earth.
    func coordinate(at pixel: PlanePoint) -> Coordinate? {
        let point = plane(pixel)
        if let discRadius, hypot(point.x, point.y) > discRadius { return nil }
        return projector.inverse([point])[0]
    }

    // MARK: Geometry

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
