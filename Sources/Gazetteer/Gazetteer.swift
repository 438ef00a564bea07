import Foundation
import GeoModel

/// An in-memory index of places by folded name and alias.
public struct Gazetteer: Sendable {
    public let places: [Place]
    private let index: [NameKey: [Int]]

    public init(places: [Place]) {
        self.places = places
        var index = [NameKey: [Int]]()
        for (position, place) in places.enumerated() {
            let keys = Set(([place.name] + place.aliases).map(NameKey.init))
            for key in keys { index[key, default: []].append(position) }
        }
        self.index = index
    }

    /// Loads a place table (see `PlaceTable`).
    public init(contentsOf url: URL) throws(GazetteerError) {
        self.init(places: try PlaceTable.load(contentsOf: url))
    }

    /// Every place whose name or alias folds to the same key as `name`,
    /// in table order.
    public func places(named name: String) -> [Place] {
        (index[NameKey(name)] ?? []).map { places[$0] }
    }

    /// Resolves a place name or a coordinate literal (`32.87,44.15`,
    /// `32.87N 44.15E`) to one place.
    /// - Throws: `GazetteerError.invalidCoordinate` for a bad literal,
    ///   `GazetteerError.unknownPlace` with suggestions for an unknown name.
    public func resolve(_ query: String) throws(GazetteerError) -> Place {
        let literal: Coordinate?
        do {
            literal = try Coordinate.parse(query)
        } catch {
            throw .invalidCoordinate(query, reason: error.description)
        }
        if let literal {
            return Place(
                name: query.trimmingCharacters(in: .whitespaces), coordinate: literal,
                kind: .coordinate, country: "", source: "coordinate given by the user"
            )
        }
        guard let match = places(named: query).first else {
            throw .unknownPlace(query, suggestions: suggestions(for: query))
        }
        return match
    }

    /// Up to `limit` known names closest to `query` by edit distance on the
    /// folded key; names sharing a word with the query come first on ties.
    public func suggestions(for query: String, limit: Int = 3) -> [String] {
        let key = NameKey(query).folded
        guard !key.isEmpty else { return [] }
        let allowed = max(2, key.count / 3)
        let queryWords = Set(key.split(separator: " "))
        var scored = [(distance: Int, sharesNoWord: Bool, name: String)]()
        var seen = Set<String>()
        for place in places where !seen.contains(place.name) {
            let distances = ([place.name] + place.aliases).map {
                EditDistance.between(key, NameKey($0).folded, limit: allowed)
            }
            if let best = distances.min(), best <= allowed {
                seen.insert(place.name)
                let words = ([place.name] + place.aliases).flatMap { NameKey($0).folded.split(separator: " ") }
                scored.append((best, queryWords.isDisjoint(with: words), place.name))
            }
        }
        return scored.sorted {
            ($0.distance, $0.sharesNoWord ? 1 : 0, $0.name) < ($1.distance, $1.sharesNoWord ? 1 : 0, $1.name)
        }.prefix(limit).map(\.name)
    }
}

/// Levenshtein distance over characters, with an early exit above `limit`.
enum EditDistance {
    static func between(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a), b = Array(b)
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
