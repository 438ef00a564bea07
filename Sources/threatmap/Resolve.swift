import ArgumentParser
import Export
import Gazetteer
import GeoModel
import Report

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
              threatmap resolve --kind nuclear_facility --country IR
            """
        )

        @OptionGroup var data: DataOptions
        @Option(help: "Output format.") var format: TableFormat = .table
        @Option(help: ArgumentHelp(CoordinateNotation.help, valueName: "notation")) var coordinates: CoordinateNotation = .dd
        @Flag(help: "List the other candidates of each name too (namesakes, areas of the same name), best first.") var all = false
        @Option(help: ArgumentHelp("With --all, at most this many candidates per name; with --near, at most this many places.", valueName: "n")) var limit: Int?
        @Option(parsing: .unconditional, help: ArgumentHelp("List places around this place or coordinate (with --within).", valueName: "place"))
        var near: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Radius for --near, e.g. 50km, 30mi (geodesic distance).", valueName: "distance"),
                transform: Distance.init(parsing:))
        var within: Distance?
        @Option(name: .customLong("kind"), parsing: .singleValue, help: ArgumentHelp(
            "With --near, only places of this kind (repeatable); alone, every place of it: \(PlaceKind.namedKindList).",
            valueName: "kind"), transform: parseKind)
        var kinds: [PlaceKind] = []
        @Option(help: ArgumentHelp("With --near or --kind, only places in this country (ISO code, e.g. QA).", valueName: "code"))
        var country: String?
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Place names or coordinates.", valueName: "name")) var names: [String] = []
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
            guard kinds.isEmpty || names.isEmpty else { throw ValidationError("--kind goes with --near PLACE or alone, not with names") }
            guard country == nil || !kinds.isEmpty else { throw ValidationError("--country goes with --near PLACE or --kind") }
            guard !names.isEmpty || !kinds.isEmpty else { throw ValidationError("give at least one place name") }
            try validatePlaceArguments(names, option: "place")
        }

        func run() throws {
            try reportingFailures {
                let table = try PlaceTables.lookup(names, all: all, near: near, within: within, kinds: kinds, country: country, limit: limit,
                                                   notation: coordinates, in: data.gazetteer(verbosity), warn: verbosity.warn)
                print(table.text(format), terminator: "")
            }
        }
    }
}

/// Parses a `--kind` value.
func parseKind(_ text: String) throws -> PlaceKind {
    guard let kind = PlaceKind(rawValue: text), kind != .coordinate else {
        throw ValidationError("unknown kind '\(text)'; expected one of \(PlaceKind.namedKindList)")
    }
    return kind
}
