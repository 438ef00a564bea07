import Export
import Gazetteer
import Geodesy
import GeoModel

/// Gazetteer answers as the tables `resolve` prints.
public enum PlaceTables {
    static let columns = ["query", "name", "latitude", "longitude", "kind", "country", "source"]

    static func cells(_ query: String, _ place: Place) -> [TableValue] {
        [.text(query), .text(place.name), .number(place.coordinate.latitude, decimals: 5),
         .number(place.coordinate.longitude, decimals: 5), .text(place.kind.rawValue),
         .text(place.country), .text(place.source)]
    }

    /// One row per query: the place it met and how (`match`: exact,
    /// qualified, alias, loose, code, coordinate).
    /// As below, matching each query in `gazetteer`; once all are matched,
    /// `warn` is told each alias, loose or code match.
    /// - Throws: `GazetteerError` for an unknown name (with close matches).
    public static func matches(_ queries: [String], in gazetteer: Gazetteer, warn: (String) -> Void) throws(GazetteerError) -> ResultTable {
        var matches = [Candidate]()
        for query in queries { matches.append(try gazetteer.match(query)) }
        // Warnings only once every name is known: a failed run prints its error alone.
        for (query, match) in zip(queries, matches) {
            if let notice = match.notice(for: query) { warn(notice) }
        }
        return Self.matches(queries, matches)
    }

    public static func matches(_ queries: [String], _ matches: [Candidate]) -> ResultTable {
        ResultTable(columns: columns + ["match"], rows: zip(queries, matches).map {
            cells($0, $1.place) + [.text($1.match.rawValue)]
        })
    }

    /// One row per candidate of each query, best first: the standard
    /// columns, then `rank`, `match`, `population` and `area`.
    /// - Throws: `GazetteerError` for a query that is not a name or coordinate.
    public static func candidates(_ queries: [String], in gazetteer: Gazetteer, limit: Int) throws(GazetteerError) -> ResultTable {
        var rows = [[TableValue]]()
        for query in queries {
            let candidates = try gazetteer.candidates(for: query, limit: limit)
            for (rank, candidate) in candidates.enumerated() {
                rows.append(cells(query, candidate.place) + [
                    .number(Double(rank + 1), decimals: 0), .text(candidate.match.rawValue),
                    .text(candidate.place.population.map(String.init) ?? ""),
                    .text(candidate.place.area == nil ? "no" : "yes"),
                ])
            }
        }
        return ResultTable(columns: columns + ["rank", "match", "population", "area"], rows: rows)
    }

    /// Places within `radius` (geodesic) of `center`, nearest first, with
    /// `distance_km`; `query` is how the centre was named.
    public static func nearby(_ query: String, center: Place, in gazetteer: Gazetteer, radius: Distance,
                              kinds: Set<PlaceKind>?, limit: Int) -> ResultTable {
        let found = gazetteer.places(near: center.coordinate, within: radius, kinds: kinds, limit: limit,
                                     distance: { Geodesic.wgs84.distance(from: $0, to: $1) })
        return ResultTable(columns: columns + ["distance_km"],
                           rows: found.map { cells(query, $0.place) + [.number($0.distance.kilometers, decimals: 3)] })
    }
}
