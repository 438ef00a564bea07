import Gazetteer
import GeoModel

/// Where a system is fired from: a point, an area (anywhere inside a
/// governorate), or a line (anywhere along a border or road).
public struct LaunchSite: Hashable, Sendable {
    public enum Extent: Hashable, Sendable {
        case point
        /// Polygons in longitude/latitude, longitudes in [-180, 180].
        case area(MultiPolygon)
        /// Paths with straight longitude/latitude edges.
        case lines([LineString])
    }

    /// The place with its name and provenance; for areas and lines its
    /// coordinate is a representative point.
    public var place: Place
    public var extent: Extent

    public init(place: Place, extent: Extent) {
        self.place = place
        self.extent = extent
    }

    /// A gazetteer place: an area when it carries an outline, else a point.
    public init(place: Place) {
        self.init(place: place, extent: place.area.map(Extent.area) ?? .point)
    }

    public var name: String { place.name }

    /// Every boundary path of the extent (rings and lines); empty for a point.
    public var boundaries: [[Coordinate]] {
        switch extent {
        case .point: []
        case let .area(area): area.polygons.flatMap { [$0.exterior] + $0.holes }
        case let .lines(lines): lines.map(\.coordinates)
        }
    }
}
