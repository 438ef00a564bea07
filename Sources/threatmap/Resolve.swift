import ArgumentParser
import Export
import Gazetteer

extension ThreatMap {
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Look up place names or coordinates in the gazetteer.",
            discussion: """
            Examples:
              threatmap resolve Baghdad "Ain al-Asad" Hewler
              threatmap resolve "Karbalā'" 32.87,44.15 --format json
            """
        )

        @OptionGroup var data: DataOptions

        @Option(help: "Output format.")
        var format: TableFormat = .table

        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Place names or coordinates.", valueName: "name"))
        var names: [String] = []

        func validate() throws {
            guard !names.isEmpty else { throw ValidationError("give at least one place name") }
            try validatePlaceArguments(names, option: "place")
        }

        func run() throws {
            try reportingFailures {
                let gazetteer = try data.gazetteer()
                let places = try names.map { try gazetteer.resolve($0) }
                let table = ResultTable(
                    columns: ["query", "name", "latitude", "longitude", "kind", "country", "source"],
                    rows: zip(names, places).map { query, place in
                        [.text(query), .text(place.name), .number(place.coordinate.latitude, decimals: 5),
                         .number(place.coordinate.longitude, decimals: 5), .text(place.kind.rawValue),
                         .text(place.country), .text(place.source)]
                    }
                )
                switch format {
                case .table: print(table.text(), terminator: "")
                case .csv: print(table.csv(), terminator: "")
                case .json: print(table.json(), terminator: "")
                }
            }
        }
    }
}
