import Foundation
import GeoModel

/// An in-memory index of places by folded name and alias: the bundled
/// datasets, the hand-checked overrides and the user's own files.
///
/// Lookups fold the query (see `NameKey`) and try, in order: the exact key;
/// `Name, Qualifier` (a country code or name, or a province) when the query
/// has a comma; the loose key (articles and transliteration pairs folded).
/// Codes (IATA, ICAO, country codes) match only queries typed as codes, a
/// name needs three letters, and a loose match a close spelling (see
/// `QueryPolicy`). Matches are ranked by tier (the user's files, then the
/// overrides, then the datasets), then by kind and population.
public struct Gazetteer: Sendable {
    let segments: [Segment]
    let rowCount: Int
    let exact: KeyTable
    /// Built on the first lookup that needs it (a name with no exact match):
    /// most lookups never do, and it costs as much as the exact table.
    let looseIndex: LazyValue<KeyTable>
    /// Built on the first `suggestions` call: most runs never need it.
    let fuzzy: LazyValue<FuzzyIndex>
    /// Rows standing for the same place as a higher-tier row (an override
    /// citing a GeoNames id, a user's GeoNames row with a bundled id).
    let redirects: [Int32: Int32]
    /// Problems met while loading that did not stop it (skipped rows).
    public let warnings: [LoadWarning]
    /// Facilities of the overrides, sites and the user's places by the
    /// name left when their facility words are taken off (`natanz` for
    /// Natanz Enrichment Facility), where that differs from every name.
    let facilityBases: [[UInt8]: [Int32]]

    /// A gazetteer of exactly these places, which rank as hand-checked ones.
    public init(places: [Place]) {
        self.init(
            segments: [Segment(tier: .curated, origin: "places", firstRow: 0, storage: .places(places))],
            redirects: [:], warnings: []
        )
    }

    /// Loads a place table in the `places.csv` format (see `PlaceTable`).
    public init(contentsOf url: URL) throws(GazetteerError) {
        self.init(places: try PlaceTable.load(contentsOf: url))
    }

    /// - Parameter exact: the exact key table of `segments` when already
    ///   built (read from the cache); built here when nil.
    init(segments: [Segment], redirects: [Int32: Int32], warnings: [LoadWarning], exact: KeyTable? = nil) {
        self.segments = segments
        self.redirects = redirects
        self.warnings = warnings
        let rowCount = segments.reduce(0) { $0 + $1.count }
        self.rowCount = rowCount
        self.exact = exact ?? Self.buildTable(.exact, segments: segments, rowCount: rowCount)
        looseIndex = LazyValue()
        fuzzy = LazyValue()
        var bases = [[UInt8]: [Int32]]()
        for segment in segments {
            guard case let .places(places) = segment.storage else { continue }
            for (index, place) in places.enumerated() where place.kind.isFacility {
                let keys = Set(([place.name] + place.aliases).map(Folding.exactKey))
                for base in Set(([place.name] + place.aliases).map(FacilityWords.baseKey(ofName:))) where !keys.contains(base) {
                    bases[base, default: []].append(Int32(segment.firstRow + index))
                }
            }
        }
        facilityBases = bases
    }

    /// Every place, in load order (datasets, overrides, the user's files).
    /// - Complexity: O(n), and decodes every outline; prefer the lookups.
    public var places: [Place] {
        (0..<rowCount).compactMap { try? place(ofRow: Int32($0)) }
    }

    /// How many places the gazetteer holds, counting those a higher-tier row replaces.
    public var count: Int { rowCount }

    /// Every place whose name or alias folds to the same exact key as
    /// `name`, in table order (a row replaced by an override appears as the override).
    /// A name typed as a code (`BGW`, `code:IQ`) finds the places with that
    /// code; capitals that are no code (`HIT`) fall back to the name.
    public func places(named name: String) -> [Place] {
        var rows = [Int32]()
        let code = QueryPolicy.code(in: name)
        if let code { rows = exact.rows(for: QueryPolicy.codeKey(code.code)) }
        if rows.isEmpty, code?.forced != true { rows = exact.rows(for: Folding.exactKey(name)) }
        return canonical(rows).sorted().compactMap { try? place(ofRow: $0) }
    }

    /// Resolves a place name or a coordinate literal (`32.87,44.15`,
    /// `32.87N 44.15E`) to one place: the best-ranked candidate.
    /// - Throws: `GazetteerError.invalidCoordinate` for a bad literal,
    ///   `GazetteerError.unknownPlace` with suggestions for an unknown name.
    public func resolve(_ query: String) throws(GazetteerError) -> Place {
        try candidates(for: query, limit: 1)[0].place
    }

    /// As `resolve`, with how the query met the place: callers tell the
    /// user about anything less than the place's own name (`Candidate.notice`).
    public func match(_ query: String) throws(GazetteerError) -> Candidate {
        try candidates(for: query, limit: 1)[0]
    }

    /// The place a coordinate literal (`32.87,44.15`, `32.87N 44.15E`)
    /// stands for, or nil when `query` is not one. Needs no loaded data, so
    /// callers can skip loading a gazetteer when every place is a literal.
    /// - Throws: `GazetteerError.invalidCoordinate` for a bad literal.
    public static func coordinatePlace(_ query: String) throws(GazetteerError) -> Place? {
        // A coordinate literal has digits; most names have none.
        guard query.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let literal: Coordinate?
        do {
            literal = try Coordinate.parse(query)
        } catch {
            throw .invalidCoordinate(query, reason: error.description)
        }
        return literal.map { coordinate in
            Place(name: query.trimmingCharacters(in: .whitespaces), coordinate: coordinate,
                  kind: .coordinate, country: "", source: "coordinate given by the user")
        }
    }

    /// The places `query` may mean, best first: what `resolve` picks, then
    /// the other candidates (namesakes elsewhere, areas of the same name).
    /// - Parameters:
    ///   - limit: at most this many candidates (at least 1).
    ///   - suggesting: whether an unknown name's error carries suggestions
    ///     (a search of every name; callers trying many names skip it).
    /// - Throws: as `resolve`.
    public func candidates(for query: String, limit: Int = 10, suggesting: Bool = true) throws(GazetteerError) -> [Candidate] {
        let typedCode = QueryPolicy.code(in: query)
        if typedCode?.forced != true, let place = try Self.coordinatePlace(query) {
            return [Candidate(place: place, match: .coordinate, score: 0)]
        }
        guard let (rows, match) = matchingRows(query, code: typedCode), !rows.isEmpty else {
            throw .unknownPlace(query, suggestions: typedCode?.forced == true || !suggesting ? [] : suggestions(for: query))
        }
        var result = [Candidate]()
        let typedName = match == .qualified ? splitQualifier(query)?.0 ?? query : query
        let nameKey = match == .exact || match == .qualified ? Folding.exactKey(typedName) : []
        for row in rows.prefix(max(1, limit)) {
            let place = try place(ofRow: row)
            var how = match
            // An exact key that is not the place's own name is one of its aliases.
            if how == .exact || how == .qualified, Folding.exactKey(place.name) != nameKey { how = .alias }
            result.append(Candidate(place: place, match: how, score: score(summary(ofRow: row))))
        }
        // A facility met by its bare name beside a town of that name: say
        // which was picked and what else the name means (`Natanz`).
        if match == .exact, let bases = facilityBases[nameKey], let other = rows.dropFirst().first(where: {
            let kind = summary(ofRow: $0).kind
            return bases.contains(rows[0]) != bases.contains($0) && !Self.isMajor(kind) && kind.isFacility != result[0].place.kind.isFacility
        }), !Self.isMajor(result[0].place.kind) {
            result[0].alternative = try place(ofRow: other)
        }
        return result
    }

    /// Places a facility never displaces by its bare name: countries,
    /// capitals, cities, provinces, regions (`Baghdad` stays the capital).
    static func isMajor(_ kind: PlaceKind) -> Bool {
        [.country, .capital, .city, .governorate, .province, .region, .district].contains(kind)
    }
}
