import Foundation
import GeoModel

/// A populated place as counted for "people in reach": its point, its
/// inhabitants and its country; the name is read only when asked for
/// (`Gazetteer.place(of:)`).
public struct PopulatedPlace: Sendable, Hashable {
    /// The gazetteer row, for `Gazetteer.place(of:)`.
    let row: Int32
    public var coordinate: Coordinate
    /// Inhabitants (GeoNames' figure).
    public var population: Int
    /// ISO 3166-1 alpha-2, or empty when unknown.
    public var country: String

    /// A place from outside the gazetteer (it has no name to look up).
    public init(coordinate: Coordinate, population: Int, country: String) {
        self.init(row: -1, coordinate: coordinate, population: population, country: country)
    }

    init(row: Int32, coordinate: Coordinate, population: Int, country: String) {
        self.row = row
        self.coordinate = coordinate
        self.population = population
        self.country = country
    }
}

extension Gazetteer {
    /// The kinds that count as populated places: capitals, cities, towns.
    /// Countries, provinces and districts are areas holding such places;
    /// airports, bases and other facilities are not where people live.
    public static let populatedKinds: Set<PlaceKind> = [.capital, .city, .town]

    /// Every populated place (`populatedKinds`) with a known population
    /// above zero, once: a row an override replaces is skipped (the
    /// override counts instead, with the population it inherits).
    /// - Parameter boxes: when given, only places inside one of them.
    /// - Complexity: O(rows); no name is decoded.
    public func populatedPlaces(within boxes: [SearchBox]? = nil) -> [PopulatedPlace] {
        var found = [PopulatedPlace]()
        found.reserveCapacity(boxes == nil ? rowCount / 2 : 4096)
        var countryCode: UInt16 = 0, country = ""
        forEachPopulatedRow { row, coordinate, population, code, text in
            guard boxes?.contains(where: { $0.contains(latitude: coordinate.latitude, longitude: coordinate.longitude) }) ?? true
            else { return }
            if let text {
                found.append(PopulatedPlace(row: row, coordinate: coordinate, population: population, country: text))
                return
            }
            if code != countryCode || country.isEmpty {
                countryCode = code
                country = ByteParsing.countryString(code)
            }
            found.append(PopulatedPlace(row: row, coordinate: coordinate, population: population, country: country))
        }
        return found
    }

    /// How many populated places `populatedPlaces()` lists.
    public var populatedPlaceCount: Int {
        var count = 0
        forEachPopulatedRow { _, _, _, _, _ in count += 1 }
        return count
    }

    /// Calls `body` for each populated row not replaced by an override: its
    /// row, point, population and country (packed for bundled rows, text
    /// for places held whole).
    private func forEachPopulatedRow(_ body: (Int32, Coordinate, Int, UInt16, String?) -> Void) {
        // Rows an override replaces, as bits: a dictionary lookup per row
        // cost more than the rest of the loop.
        var replaced = [UInt64](repeating: 0, count: rowCount / 64 + 1)
        for row in redirects.keys where row >= 0 && Int(row) < rowCount { replaced[Int(row) >> 6] |= 1 << UInt64(row & 63) }
        func isReplaced(_ row: Int32) -> Bool { replaced[Int(row) >> 6] & (1 << UInt64(row & 63)) != 0 }
        for segment in segments {
            switch segment.storage {
            case let .text(text):
                for (local, item) in text.rows.enumerated() where item.population > 0 {
                    switch item.kind {
                    case .capital, .city, .town: break
                    default: continue
                    }
                    let row = Int32(segment.firstRow + local)
                    guard !isReplaced(row) else { continue }
                    body(row, Coordinate(latitude: item.latitude, longitude: item.longitude), Int(item.population), item.country, nil)
                }
            case let .places(places):
                for (local, place) in places.enumerated() {
                    guard let population = place.population, population > 0, Self.populatedKinds.contains(place.kind) else { continue }
                    let row = Int32(segment.firstRow + local)
                    guard !isReplaced(row) else { continue }
                    body(row, place.coordinate, population, 0, place.country)
                }
            }
        }
    }

    /// The whole place behind a populated place (its name, aliases, source).
    public func place(of populated: PopulatedPlace) -> Place? {
        populated.row >= 0 && Int(populated.row) < rowCount ? try? place(ofRow: populated.row) : nil
    }
}
