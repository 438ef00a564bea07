import ArgumentParser
import Export
import ThreatModel

extension ThreatMap {
    struct Missiles: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the missile catalog: ranges, classes and sources.",
            discussion: """
            Examples:
              threatmap missiles
              threatmap missiles --class srbm --format json
              threatmap missiles --missile-file my-systems.csv
            """
        )

        @OptionGroup var data: DataOptions

        @Option(name: .customLong("class"), help: "Only systems of this class (rocket, srbm, mrbm, irbm, drone, air_defence).")
        var category: MissileSystem.Category?

        @Option(name: .customLong("missile-file"), help: ArgumentHelp(
            "A CSV of extra or replacement systems, in the columns of Gazetteer/missiles.csv.", valueName: "file"))
        var missileFile: String?

        @Option(help: "Output format.")
        var format: TableFormat = .table

        func run() throws {
            try reportingFailures {
                var catalog = try data.catalog()
                if let missileFile { catalog = catalog.merging(try MissileFiles.load(missileFile)) }
                let systems = catalog.systems.filter { category == nil || $0.category == category }
                let table = ResultTable(
                    columns: ["name", "class", "min_range_km", "range_km", "range_low_km", "range_high_km", "aliases", "source"],
                    rows: systems.map { system in
                        [.text(system.name), .text(system.category.rawValue), .number(system.minimumRange.kilometers, decimals: 0),
                         .number(system.range.kilometers, decimals: 0), .number(system.rangeLow.kilometers, decimals: 0),
                         .number(system.rangeHigh.kilometers, decimals: 0), .text(system.aliases.joined(separator: "|")),
                         .text(system.source)]
                    }
                )
                switch format {
                case .table:
                    // The source column is long: leave it to csv/json.
                    let brief = ResultTable(columns: Array(table.columns.prefix(6)), rows: table.rows.map { Array($0.prefix(6)) })
                    print(brief.text(), terminator: "")
                case .csv: print(table.csv(), terminator: "")
                case .json: print(table.json(), terminator: "")
                }
            }
        }
    }
}

extension MissileSystem.Category: ExpressibleByArgument {}
