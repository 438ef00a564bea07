import Gazetteer
import GeoModel

/// Gazetteer look-ups for the name candidates of a text, each name looked up
/// once: exact names first (`places(named:)`, no suggestion work), then,
/// only for names that look like transliterations, the gazetteer's loose
/// matching (`candidates(for:limit:)`).
struct PlaceLookup {
    /// One way a name may be meant.
    struct Option: Sendable {
        var place: Place
        /// Position in the gazetteer's own ranking (0 = what `resolve` picks).
        var rank: Int
        var loose: Bool
        /// Met by another of the place's names ("Victoria" for Hong Kong).
        var alias = false
    }

    let gazetteer: Gazetteer
    private var cache: [String: [Option]] = [:]
    private var exists: [String: Bool] = [:]

    init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// The places `name` may mean, best-ranked first; empty when none.
    /// - Parameter allowLoose: whether to try loose matching after an exact miss.
    mutating func options(for name: String, allowLoose: Bool) -> [Option] {
        let key = NameKey(name).folded
        guard !key.isEmpty else { return [] }
        let cacheKey = allowLoose ? "~" + key : key
        if let cached = cache[cacheKey] { return cached }
        var result = [Option]()
        if !gazetteer.places(named: name).isEmpty {
            result = ranked(name)
        } else if allowLoose {
            result = ranked(name)
        }
        cache[cacheKey] = result
        return result
    }

    private func ranked(_ name: String) -> [Option] {
        guard let candidates = try? gazetteer.candidates(for: name, limit: 12, suggesting: false) else { return [] }
        return candidates.enumerated().compactMap { index, candidate in
            guard candidate.place.kind != .coordinate else { return nil }
            // After an exact miss the gazetteer may still meet the name as
            // written ("Ben Gurion Airport" for Ben Gurion International
            // Airport): only a loose match counts as loose.
            return Option(place: candidate.place, rank: index, loose: candidate.match == .loose, alias: candidate.match == .alias)
        }
    }

    /// Whether the gazetteer has a place of exactly this name (cached).
    mutating func hasPlace(named name: String) -> Bool {
        let key = NameKey(name).folded
        if let cached = exists[key] { return cached }
        let found = !gazetteer.places(named: name).isEmpty
        exists[key] = found
        return found
    }

    /// The text that makes `resolve` return `place`: its own name when that
    /// resolves to it, else `Name, CC` (or, for a province, `Name Oblast`);
    /// nil when none does.
    func query(resolvingTo place: Place, written: String) -> String? {
        var queries = [place.name, written, "\(place.name), \(place.country)", "\(written), \(place.country)"]
        // A province that shares its name with its city: "Odessa Oblast".
        if [.province, .governorate].contains(place.kind) { queries += ["\(place.name) Oblast", "\(written) Province"] }
        for query in queries {
            guard let resolved = (try? gazetteer.candidates(for: query, limit: 1, suggesting: false))?.first?.place else { continue }
            if resolved.name == place.name, resolved.kind == place.kind,
               abs(resolved.coordinate.latitude - place.coordinate.latitude) < 1e-6,
               abs(resolved.coordinate.longitude - place.coordinate.longitude) < 1e-6 {
                return query
            }
        }
        return nil
    }
}
