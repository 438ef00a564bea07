import Export
import Geodesy
import Geometry
import GeoModel

/// Rings at an interval and radials around a point launch site: the lines
/// a reader measures a range map by (`rings --every`, `--radials`).
public struct RangeMarks: Hashable, Sendable {
    /// Distance between concentric rings, from the centre out to the range; nil for none.
    public var every: Distance?
    /// Radials out to the range; nil for none.
    public var radials: Radials?

    public init(every: Distance? = nil, radials: Radials? = nil) {
        self.every = every
        self.radials = radials
    }

    /// True when there is nothing to draw.
    public var isEmpty: Bool { every == nil && radials == nil }

    /// Most rings one range takes, so that `--every 1m` on 700 km fails
    /// plainly instead of drawing 700,000 rings.
    public static let maximumRings = 1000

    /// One mark as drawn: its line (cut at ±180) and what it measures.
    public struct Mark: Sendable {
        public enum Kind: String, Sendable { case ring = "range_ring", radial }
        public var kind: Kind
        /// Ring: its distance from the centre; radial: its length.
        public var distance: Distance
        /// Radial: its initial bearing (degrees clockwise from north).
        public var bearing: Double?
        /// Pieces in longitudes within [-180, 180], each a polyline.
        public var pieces: [[Coordinate]]
    }

    /// The rings (at `every`, 2·`every`, ... up to and including `range`
    /// when it falls on the interval) and radials around `center`, each
    /// within `tolerance` of the true geodesic curve.
    /// - Throws: `ReportError.tooManyRings` for more than `maximumRings`
    ///   rings, `GeodesyError` when a curve cannot be drawn.
    public func marks(around center: Coordinate, range: Distance, tolerance: Distance) throws -> [Mark] {
        let geodesic = Geodesic.wgs84
        var marks = [Mark]()
        if let every, every > .zero {
            let count = Int((range.meters / every.meters * (1 + 1e-12)).rounded(.down))
            guard count <= Self.maximumRings else {
                throw ReportError.tooManyRings(every: every, range: range, limit: Self.maximumRings)
            }
            for index in stride(from: 1, through: count, by: 1) {
                let radius = Distance.meters(every.meters * Double(index))
                let ring = try geodesic.circle(center: center, radius: radius, tolerance: tolerance)
                marks.append(Mark(kind: .ring, distance: radius, bearing: nil, pieces: split(ring, geodesic)))
            }
        }
        for bearing in radials?.bearings ?? [] {
            let line = try geodesic.radial(from: center, azimuth: bearing, distance: range, tolerance: tolerance)
            marks.append(Mark(kind: .radial, distance: range, bearing: bearing, pieces: split(line, geodesic)))
        }
        return marks
    }

    private func split(_ line: [Coordinate], _ geodesic: Geodesic) -> [[Coordinate]] {
        Antimeridian.split(path: line) { geodesic.meridianCrossing(from: $0, to: $1, longitude: $2) }
            .filter { $0.count > 1 }
    }

    /// The marks as GeoJSON features: a LineString per piece with `site`,
    /// `missile`, `role` (`range_ring` or `radial`), `distance_km` and, for
    /// radials, `bearing_deg`.
    public static func features(_ marks: [Mark], site: String, missile: String?) -> [Feature] {
        marks.flatMap { mark in
            var properties: [(name: String, value: PropertyValue)] = [
                ("site", .string(site)), ("missile", missile.map { .string($0) } ?? .null),
                ("role", .string(mark.kind.rawValue)), ("distance_km", .number(mark.distance.kilometers)),
            ]
            if let bearing = mark.bearing { properties.append(("bearing_deg", .number(bearing))) }
            return mark.pieces.map { Feature(shape: .lineString(LineString($0)), properties: properties) }
        }
    }
}
