import ArgumentParser
import Export
import GIS
import Report
import ThreatModel

extension ThreatMap {
    struct Reach: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decide which targets lie within range, by geodesic distance.",
            discussion: """
            One row per site × system × target. A target is in range when its geodesic distance is \
            at most the range (and at least the minimum range). From a launch area or line (a named \
            area or a GeoJSON file) the distance is from its nearest point (0 inside an area). \
            margin_km is how far inside (positive) or outside (negative) the target lies.

            --reverse turns the table round: per target, which sites and systems reach it, and the launch \
            zone around it (launch_zone_from_km to launch_zone_to_km: where a launcher must stand to reach it).

            Examples:
              threatmap reach --from "Jurf al-Sakhar" --missile Zolfaghar --to Riyadh --to "Tel Aviv"
              threatmap reach --from 32.87,44.15 --range 700km --to Riyadh --format csv
              threatmap reach --from Tehran --missile Shahab-3 --to-kind airbase --only-in-range --sort distance
              threatmap reach --from sites.geojson --missile Fateh-110 --to targets.csv --format geojson
              threatmap reach --reverse --to Riyadh --from "Jurf al-Sakhar" --from Basra --missile Zolfaghar
            """
        )

        @OptionGroup var data: DataOptions
        @OptionGroup var launch: LaunchOptions
        @OptionGroup var destinations: TargetOptions
        @OptionGroup var gis: GISOptions
        @Flag(help: "Per target: which sites and systems reach it, and its launch zone.") var reverse = false
        @Flag(name: .customLong("only-in-range"), help: "Only rows whose target is in range.") var onlyInRange = false
        @Option(help: "Row order: input (as given), distance, margin (most inside first), target, site.") var sort: ReachOrder = .input
        @Option(help: "Output format; geojson writes target points with the reach attributes and the geodesic paths.") var format: ReachFormat = .table
        @Option(help: ArgumentHelp("Write the output here instead of stdout ('-' for stdout).", valueName: "file")) var output: String?
        @Option(help: ArgumentHelp(CoordinateNotation.help + " Adds the target's position to each row (rows are then held in memory).", valueName: "notation"))
        var coordinates: CoordinateNotation?
        @OptionGroup var verbosity: VerbosityOptions

        func validate() throws {
            try verbosity.validateVerbosity()
            try launch.validateLaunch()
            try destinations.validateTargets()
        }

        func run() throws {
            try reportingFailures {
                try AtomicFile.prepareDirectory(forFile: output)
                let places = data.placeResolver(verbosity)
                let request = ReachRequest(sites: try PlaceArguments.launchSites(launch.sites, places: places, selection: gis.selection),
                                           systems: try launch.systems(from: data.catalog, warn: verbosity.warn), sources: try destinations.sources(places: places, gis: gis),
                                           format: format, order: sort, reversed: reverse, onlyInRange: onlyInRange, coordinates: coordinates)
                let progress = ProgressLine(label: "reach")
                do {
                    if let vector = try gis.output(output, inputs: launch.sites + destinations.targets) {
                        verbosity.wrote(try request.write(to: vector, progress: progress.update))
                    } else { try request.run(toFile: output.flatMap { $0 == "-" ? nil : $0 }, progress: progress.update) }
                } catch let ReportError.tooManyRowsInMemory(rows, limit) {
                    let why = reverse ? "--reverse" : format == .geojson ? "--format geojson" : coordinates != nil ? "--coordinates" : "--sort \(sort.rawValue)"
                    throw CLIFailure(.usage, """
                        \(rows) rows with \(why) must all be held in memory before the first is written \
                        (about \(rows / 1_000_000 + 1) GB; the limit is \(limit) rows). \
                        Write them as they are decided with --sort input and --format csv, json or table, \
                        keep fewer with --only-in-range, or split the target file
                        """)
                }
                progress.finish()
            }
        }
    }
}

extension ReachFormat: ExpressibleByArgument {}
extension ReachOrder: ExpressibleByArgument {}
