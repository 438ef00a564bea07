import Export
import Gazetteer
import Geodesy
import GeoModel
import ThreatModel

/// Gazetteer answers as the tables `resolve` prints; positions in the
/// `notation` asked for (decimal degrees unless said).
public enum PlaceTables {
    /// What `resolve` is asked for, as one table: places within `within` of
    /// `near` (default limit 100); else, with no names, every place of
    /// `kinds`; else every candidate of each name with `all` (default limit
    /// 10); else each name's match. `kinds` and `country` narrow the first
    /// two; `warn` is told alias, loose and code matches.
    /// - Throws: `GazetteerError` for an unknown name or centre.
    public static func lookup(_ names: [String], all: Bool, near: String?, within: Distance?, kinds: [PlaceKind], country: String?,
                              limit: Int?, notation: CoordinateNotation, in gazetteer: Gazetteer,
                              warn: @escaping (String) -> Void) throws -> ResultTable {
        if let near, let within {
            let center = try PlaceResolver(load: { gazetteer }, warn: warn).resolve(near)
            return nearby(near, center: center, in: gazetteer, radius: within, kinds: kinds.isEmpty ? nil : Set(kinds),
                          country: country, limit: limit ?? 100, notation: notation)
        }
        if names.isEmpty { return places(ofKinds: kinds, country: country, in: gazetteer, limit: limit ?? .max, notation: notation) }
        if all { return try candidates(names, in: gazetteer, limit: limit ?? 10, notation: notation) }
        return try matches(names, in: gazetteer, notation: notation, warn: warn)
    }

    static func columns(_ notation: CoordinateNotation) -> [String] {
        ["query", "name"] + notation.columns + ["kind", "country", "source"]
    }

    static func cells(_ query: String, _ place: Place, _ notation: CoordinateNotation) -> [TableValue] {
        [.text(query), .text(place.name)] + notation.cells(place.coordinate)
            + [.text(place.kind.rawValue), .text(place.country), .text(place.source)]
    }

    /// One row per query: the place it met and how (`match`: exact,
    /// qualified, alias, loose, code, coordinate).
    /// As below, matching each query in `gazetteer`; once all are matched,
    /// `warn` is told each alias, loose or code match.
    /// - Throws: `GazetteerError` for an unknown name (with close matches).
    public static func matches(_ queries: [String], in gazetteer: Gazetteer, notation: CoordinateNotation = .dd,
                               warn: (String) -> Void) throws(GazetteerError) -> ResultTable {
        var matches = [Candidate]()
        for query in queries { matches.append(try gazetteer.match(query)) }
        // Warnings only once every name is known: a failed run prints its error alone.
        for (query, match) in zip(queries, matches) {
            if let notice = match.notice(for: query) { warn(notice) }
        }
        return Self.matches(queries, matches, notation: notation)
    }

    public static func matches(_ queries: [String], _ matches: [Candidate],
                               notation: CoordinateNotation = .dd) -> ResultTable {
        ResultTable(columns: columns(notation) + ["match"], rows: zip(queries, matches).map {
            cells($0, $1.place, notation) + [.text($1.match.rawValue)]
        })
    }

    /// One row per candidate of each query, best first: the standard
    /// columns, then `rank`, `match`, `population` and `area`.
    /// - Throws: `GazetteerError` for a query that is not a name or coordinate.
    public static func candidates(_ queries: [String], in gazetteer: Gazetteer, limit: Int,
                                  notation: CoordinateNotation = .dd) throws(GazetteerError) -> ResultTable {
        var rows = [[TableValue]]()
        for query in queries {
            let candidates = try gazetteer.candidates(for: query, limit: limit)
            for (rank, candidate) in candidates.enumerated() {
                rows.append(cells(query, candidate.place, notation) + [
                    .number(Double(rank + 1), decimals: 0), .text(candidate.match.rawValue),
                    .text(candidate.place.population.map(String.init) ?? ""),
                    .text(candidate.place.area == nil ? "no" : "yes"),
                ])
            }
        }
        return ResultTable(columns: columns(notation) + ["rank", "match", "population", "area"], rows: rows)
    }

    /// Places within `radius` (geodesic) of `center`, nearest first, with
    /// `distance_km`; `query` is how the centre was named.
    /// - Parameter country: only places of this ISO country code (nil: any).
    public static func nearby(_ query: String, center: Place, in gazetteer: Gazetteer, radius: Distance,
                              kinds: Set<PlaceKind>?, country: String? = nil, limit: Int,
                              notation: CoordinateNotation = .dd) -> ResultTable {
        let found = gazetteer.places(near: center.coordinate, within: radius, kinds: kinds, country: country, limit: limit,
                                     distance: { Geodesic.wgs84.distance(from: $0, to: $1) })
        return ResultTable(columns: columns(notation) + ["distance_km"],
                           rows: found.map { cells(query, $0.place, notation) + [.number($0.distance.kilometers, decimals: 3)] })
    }

    /// Every place of `kinds` (in `country` when given), by country then
    /// name, at most `limit`: the class `reach --to-kind` targets, as a table.
    /// `query` names each row's class, `nuclear_facility` or `airbase in QA`.
    public static func places(ofKinds kinds: [PlaceKind], country: String?, in gazetteer: Gazetteer, limit: Int,
                              notation: CoordinateNotation = .dd) -> ResultTable {
        var found = [Place]()
        for kind in kinds { found += gazetteer.placesMatching(kind: kind, country: country) }
        found.sort { ($0.country, $0.name) < ($1.country, $1.name) }
        let label = kinds.map(\.rawValue).joined(separator: "|") + (country.map { " in \($0.uppercased())" } ?? "")
        return ResultTable(columns: columns(notation), rows: found.prefix(max(0, limit)).map { cells(label, $0, notation) })
    }
}
