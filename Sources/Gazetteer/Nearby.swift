import Foundation
import GeoModel

/// A place found around a point, with its distance from it.
public struct NearbyPlace: Sendable, Hashable {
    public var place: Place
    public var distance: Distance
}

extension Gazetteer {
    /// Places whose point lies within `radius` of `center`, nearest first.
    ///
    /// A longitude/latitude box around `center` (padded so that it holds the
    /// whole geodesic circle) prunes the rows; `distance` then decides for
    /// the rest. Gazetteer has no geodesic code of its own: pass the WGS84
    /// inverse (the CLI passes Geodesy's), or any metric you trust.
    /// - Parameters:
    ///   - kinds: only places of these kinds (nil: all but coordinates).
    ///   - country: only places of this ISO 3166-1 alpha-2 country (nil: any).
    ///   - limit: at most this many places.
    ///   - distance: the distance between two points.
    /// - Complexity: O(rows) cheap box tests plus one `distance` call per place in the box.
    public func places(
        near center: Coordinate, within radius: Distance, kinds: Set<PlaceKind>? = nil, country: String? = nil,
        limit: Int = .max, distance: (Coordinate, Coordinate) -> Distance
    ) -> [NearbyPlace] {
        let box = SearchBox(center: center, radius: radius)
        var found = [(row: Int32, distance: Distance)]()
        func consider(_ row: Int32, _ latitude: Double, _ longitude: Double, _ kind: PlaceKind) {
            guard redirects[row] == nil, box.contains(latitude: latitude, longitude: longitude) else { return }
            if let kinds { guard kinds.contains(kind) else { return } } else if kind == .coordinate { return }
            let gap = distance(center, Coordinate(latitude: latitude, longitude: longitude))
            if gap <= radius { found.append((row, gap)) }
        }
        for segment in segments {
            switch segment.storage {
            case let .text(text):
                for (local, item) in text.rows.enumerated() {
                    consider(Int32(segment.firstRow + local), item.latitude, item.longitude, item.kind)
                }
            case let .places(places):
                for (local, place) in places.enumerated() {
                    consider(Int32(segment.firstRow + local), place.coordinate.latitude, place.coordinate.longitude, place.kind)
                }
            }
        }
        var wanted = found
        if let country {
            let code = country.uppercased()
            wanted = []
            for item in found where (try? place(ofRow: item.row))?.country == code { wanted.append(item) }
        }
        wanted.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.row < $1.row }
        return wanted.prefix(max(0, limit)).compactMap { item in
            (try? place(ofRow: item.row)).map { NearbyPlace(place: $0, distance: item.distance) }
        }
    }
}
