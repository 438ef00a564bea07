import ArgumentParser
import Export
import Foundation
import Report
import ThreatModel

extension ThreatMap {
    struct Population: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "People in the gazetteer's named places within reach, per system: total, places, the largest, by country.",
            discussion: """
            Inhabitants of GeoNames cities, towns and capitals (500+) within reach of any launch site, \
            by reach's exact decision, each place once per system; not a census.

            Examples:
              threatmap population --from "Jurf al-Sakhar" --missile Zolfaghar
              threatmap population --from sites.geojson --range 700km --format csv --by-country
            """
        )

        @OptionGroup var data: DataOptions
        @OptionGroup var launch: LaunchOptions
        @Flag(name: .customLong("by-country"), help: "One row per system and country instead.") var byCountry = false
        @Option(name: .customLong("population-grid"), help: ArgumentHelp(
            "Also the people of an ESRI ASCII grid (.asc, longitude/latitude, people per cell) inside each footprint.", valueName: "file"))
        var grid: String?
        @Option(help: "Output format.") var format: TableFormat = .table
        @OptionGroup var verbosity: VerbosityOptions

        func validate() throws {
            try verbosity.validateVerbosity()
            try launch.validateLaunch()
        }

        func run() throws {
            try reportingFailures {
                let places = data.placeResolver(verbosity)
                let sites = try PlaceArguments.launchSites(launch.sites, places: places)
                let systems = try launch.systems(from: data.catalog, warn: verbosity.warn)
                var report = try PopulationReport(launches: sites.map { ($0, systems) }, gazetteer: places.gazetteer())
                if let grid { try report.addGrid(URL(fileURLWithPath: grid), sites: sites) }
                print((byCountry ? report.countryTable : report.table).text(format), terminator: "")
            }
        }
    }
}
