import ArgumentParser
import Export
import GeoModel
import Report
import ThreatModel

extension ThreatMap {
    struct Missiles: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the missile catalog: ranges, classes, operators and sources.",
            discussion: """
            Examples:
              threatmap missiles
              threatmap missiles --class srbm --format json
              threatmap missiles --operator RU --min-range 1000km
              threatmap missiles --search hwasong
              threatmap missiles "Iskander-M"          # one system whole, with its sources
              threatmap missiles --missile-file my-systems.csv
            """
        )

        @OptionGroup var data: DataOptions
        @Argument(help: ArgumentHelp("Show this one system whole (any name or alias).", valueName: "name")) var name: String?
        @Option(name: .customLong("class"), help: ArgumentHelp("Only systems of this class (\(MissileSystem.Category.catalogNames)).", valueName: "class"))
        var category: MissileSystem.Category?
        @Option(name: .customLong("operator"), help: ArgumentHelp(
            "Only systems this country operates (ISO 3166-1 alpha-2 code, e.g. RU, IR, YE).", valueName: "CC"))
        var operatorCode: String?
        @Option(name: .customLong("min-range"), parsing: .unconditional, help: ArgumentHelp(
            "Only systems whose nominal range is at least this, e.g. 1000km.", valueName: "distance"),
            transform: Distance.init(parsing:))
        var minimumReach: Distance?
        @Option(help: ArgumentHelp("Only systems with this text in a name or alias (folded as place names are).", valueName: "text")) var search: String?
        @Option(name: .customLong("missile-file"), help: ArgumentHelp(
            "A CSV (or folder of CSVs) of extra or replacement systems, in the columns of Gazetteer/missiles/.", valueName: "file"))
        var missileFile: String?
        @Option(help: "Output format.") var format: TableFormat = .table

        func run() throws {
            try reportingFailures {
                let catalog = try data.catalog().merging(file: missileFile)
                if let name {
                    print(try CatalogTable.detail(catalog, name: name, format: format), terminator: "")
                } else {
                    let filter = MissileFilter(category: category, operatorCode: operatorCode, minimumReach: minimumReach, search: search)
                    print(CatalogTable.listing(catalog, filter: filter, format: format), terminator: "")
                }
            }
        }
    }
}

extension MissileSystem.Category: ExpressibleByArgument {}
