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
}
