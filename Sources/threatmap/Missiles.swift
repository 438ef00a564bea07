import ArgumentParser
import Export
import Report
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

        @Option(help: "Output format.") var format: TableFormat = .table

        func run() throws {
            try reportingFailures {
                let catalog = try data.catalog().merging(file: missileFile)
                let systems = catalog.systems.filter { category == nil || $0.category == category }
                // The source column is long: the aligned table leaves it to CSV and JSON.
                let table = format == .table ? CatalogTable.brief(systems) : CatalogTable.make(systems)
                print(table.text(format), terminator: "")
            }
        }
    }
}

extension MissileSystem.Category: ExpressibleByArgument {}
