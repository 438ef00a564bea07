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

    /// Every populated place with a known population above zero, once: a
    /// row an override replaces is skipped (the override counts instead,
    /// with the population it inherits).
    /// - Complexity: O(rows); no name is decoded.
    public func populatedPlaces() -> [PopulatedPlace] {
        var found = [PopulatedPlace]()
        found.reserveCapacity(rowCount / 2)
        var countries = [UInt16: String]()
        for segment in segments {
            switch segment.storage {
            case let .text(text):
                for (local, item) in text.rows.enumerated() where item.population > 0 && Self.populatedKinds.contains(item.kind) {
                    let row = Int32(segment.firstRow + local)
                    guard redirects[row] == nil else { continue }
                    let country: String
                    if let known = countries[item.country] {
                        country = known
                    } else {
                        country = ByteParsing.countryString(item.country)
                        countries[item.country] = country
                    }
                    found.append(PopulatedPlace(row: row, coordinate: Coordinate(latitude: item.latitude, longitude: item.longitude),
                                                population: Int(item.population), country: country))
                }
            case let .places(places):
                for (local, place) in places.enumerated() {
                    guard let population = place.population, population > 0, Self.populatedKinds.contains(place.kind) else { continue }
                    let row = Int32(segment.firstRow + local)
                    guard redirects[row] == nil else { continue }
                    found.append(PopulatedPlace(row: row, coordinate: place.coordinate, population: population, country: place.country))
                }
            }
        }
        return found
    }

    /// The whole place behind a populated place (its name, aliases, source).
    public func place(of populated: PopulatedPlace) -> Place? {
        populated.row >= 0 && Int(populated.row) < rowCount ? try? place(ofRow: populated.row) : nil
    }
}
