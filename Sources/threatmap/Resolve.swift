import ArgumentParser
import Export
import Foundation
import Gazetteer
import Geodesy
import GeoModel

extension ThreatMap {
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Look up place names or coordinates in the gazetteer, or list places around a point.",
            discussion: """
            Names match in any common spelling: case, accents, apostrophes, \
            hyphens, Arabic letter variants, articles (al-, as-, el-) and \
            transliteration pairs are folded. "Name, Country" narrows a name \
            to a country (code or name) or a province.

            A name needs three letters; a loose (transliteration) match four, \
            and a spelling close to the place's name. Codes match only when \
            typed as codes: three capitals (IATA, BGW), four (ICAO, ORAA), or \
            any code after "code:" (code:IQ, code:orbd). The match column says \
            how each name was met: exact, qualified, alias, loose, code or \
            coordinate; alias, loose and code matches are also warnings on \
            stderr (not with --quiet).

            Examples:
              threatmap resolve Baghdad "Ain al-Asad" Hewler
              threatmap resolve "Karbalā'" 32.87,44.15 --format json
              threatmap resolve Hit --all
              threatmap resolve "Karbala, IQ" Anbar Iraq
              threatmap resolve BGW ORAA code:IQ
              threatmap resolve --near Baghdad --within 50km --kind airbase --kind airport
            """
        )

        @OptionGroup var data: DataOptions

        @Option(help: "Output format.")
        var format: TableFormat = .table

        @Flag(help: "List the other candidates of each name too (namesakes, areas of the same name), best first.")
        var all = false

        @Option(help: ArgumentHelp("With --all, at most this many candidates per name; with --near, at most this many places.", valueName: "n"))
        var limit: Int?

        @Option(parsing: .unconditional, help: ArgumentHelp("List places around this place or coordinate (with --within).", valueName: "place"))
        var near: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("Radius for --near, e.g. 50km, 30mi (geodesic distance).", valueName: "distance"),
                transform: parseDistance)
        var within: Distance?

        @Option(name: .customLong("kind"), parsing: .singleValue, help: ArgumentHelp(
            "With --near, only places of this kind (repeatable): \(PlaceKind.allCases.filter { $0 != .coordinate }.map(\.rawValue).joined(separator: ", ")).",
            valueName: "kind"), transform: parseKind)
        var kinds: [PlaceKind] = []

        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Place names or coordinates.", valueName: "name"))
        var names: [String] = []

        @OptionGroup var verbosity: VerbosityOptions

        func validate() throws {
            try verbosity.validateVerbosity()
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
            if let near {
                guard names.isEmpty else { throw ValidationError("give either names or --near, not both") }
                guard let within else { throw ValidationError("--near needs --within DISTANCE, e.g. --within 50km") }
                guard within > .zero else { throw ValidationError("--within must be greater than zero") }
                guard !all else { throw ValidationError("--all goes with names, not with --near") }
                try validatePlaceArguments([near], option: "--near")
                return
            }
            guard within == nil else { throw ValidationError("--within goes with --near PLACE") }
            guard kinds.isEmpty else { throw ValidationError("--kind goes with --near PLACE") }
            guard !names.isEmpty else { throw ValidationError("give at least one place name") }
            try validatePlaceArguments(names, option: "place")
        }

        func run() throws {
            try reportingFailures {
                let gazetteer = try data.gazetteer(verbosity)
                let table: ResultTable
                if let near, let within {
                    table = try nearbyTable(gazetteer, center: near, radius: within)
                } else if all {
                    table = try candidatesTable(gazetteer)
                } else {
                    let matches = try names.map { try gazetteer.match($0) }
                    for (query, match) in zip(names, matches) {
                        if let notice = match.notice(for: query) { verbosity.warn(notice) }
                    }
                    table = ResultTable(columns: Self.columns + ["match"], rows: zip(names, matches).map {
                        Self.cells($0, $1.place) + [.text($1.match.rawValue)]
                    })
                }
                switch format {
                case .table: print(table.text(), terminator: "")
                case .csv: print(table.csv(), terminator: "")
                case .json: print(table.json(), terminator: "")
                }
            }
        }

        static let columns = ["query", "name", "latitude", "longitude", "kind", "country", "source"]

        static func cells(_ query: String, _ place: Place) -> [TableValue] {
            [.text(query), .text(place.name), .number(place.coordinate.latitude, decimals: 5),
             .number(place.coordinate.longitude, decimals: 5), .text(place.kind.rawValue),
             .text(place.country), .text(place.source)]
        }

        /// One row per candidate: the standard columns, then `rank`, `match`
        /// (exact, qualified, alias, loose, code, coordinate), `population` and `area`.
        func candidatesTable(_ gazetteer: Gazetteer) throws -> ResultTable {
            var rows = [[TableValue]]()
            for query in names {
                let candidates = try gazetteer.candidates(for: query, limit: limit ?? 10)
                for (rank, candidate) in candidates.enumerated() {
                    rows.append(Self.cells(query, candidate.place) + [
                        .number(Double(rank + 1), decimals: 0), .text(candidate.match.rawValue),
                        .text(candidate.place.population.map(String.init) ?? ""),
                        .text(candidate.place.area == nil ? "no" : "yes"),
                    ])
                }
            }
            return ResultTable(columns: Self.columns + ["rank", "match", "population", "area"], rows: rows)
        }

        /// Places around `center`, nearest first, with their geodesic distance.
        func nearbyTable(_ gazetteer: Gazetteer, center query: String, radius: Distance) throws -> ResultTable {
            let center = try gazetteer.resolve(query, warning: verbosity)
            let found = gazetteer.places(
                near: center.coordinate, within: radius, kinds: kinds.isEmpty ? nil : Set(kinds), limit: limit ?? 100,
                distance: { Geodesic.wgs84.distance(from: $0, to: $1) }
            )
            return ResultTable(
                columns: Self.columns + ["distance_km"],
                rows: found.map { Self.cells(query, $0.place) + [.number($0.distance.kilometers, decimals: 3)] }
            )
        }
    }
}

/// Parses a `--kind` value.
func parseKind(_ text: String) throws -> PlaceKind {
    guard let kind = PlaceKind(rawValue: text), kind != .coordinate else {
        let known = PlaceKind.allCases.filter { $0 != .coordinate }.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("unknown kind '\(text)'; expected one of \(known)")
    }
    return kind
}
