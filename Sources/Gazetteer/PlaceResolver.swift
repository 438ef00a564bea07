/// Resolves places typed by a user, loading the gazetteer only for the
/// first one that is not a coordinate literal: a run given nothing but
/// coordinates never loads it. Not shared between threads.
public final class PlaceResolver {
    private let load: () throws -> Gazetteer
    private let warn: (String) -> Void
    private var loaded: Gazetteer?

    /// - Parameters:
    ///   - load: loads the gazetteer (called at most once).
    ///   - warn: told when a name met its place less than exactly (an alias,
    ///     a loose spelling or a code): no silent guess.
    public init(load: @escaping () throws -> Gazetteer, warn: @escaping (String) -> Void) {
        self.load = load
        self.warn = warn
    }

    /// The gazetteer, loaded on the first call.
    public func gazetteer() throws -> Gazetteer {
        if let loaded { return loaded }
        let gazetteer = try load()
        loaded = gazetteer
        return gazetteer
    }

    /// A coordinate literal as a place, or a name through the gazetteer.
    /// - Throws: `GazetteerError` for an unknown name or a bad coordinate;
    ///   whatever `load` throws.
    public func resolve(_ query: String) throws -> Place {
        if let place = try Gazetteer.coordinatePlace(query) { return place }
        let match = try gazetteer().match(query)
        if let notice = match.notice(for: query) { warn(notice) }
        return match.place
    }
}
