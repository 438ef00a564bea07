import ArgumentParser
import Export
import Foundation
import Gazetteer
import GeoModel
import Report
import ThreatModel

extension ThreatMap {
    struct Reach: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decide which targets lie within range, by geodesic distance.",
            discussion: """
            One row per site × system × target. A target is in range when its \
            geodesic distance is at most the range (and at least the minimum range). \
            From a launch area or line (a named area or a GeoJSON file) the \
            distance is from its nearest point (0 inside an area). margin_km is \
            how far inside (positive) or outside (negative) the target lies.

            --reverse turns the table round: per target, which sites and systems \
            reach it, and the launch zone around it (launch_zone_from_km to \
            launch_zone_to_km: where a launcher must stand to reach it).

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

        @Flag(help: "Per target: which sites and systems reach it, and its launch zone.")
        var reverse = false

        @Flag(name: .customLong("only-in-range"), help: "Only rows whose target is in range.")
        var onlyInRange = false

        @Option(help: "Row order: input (as given), distance, margin (most inside first), target, site.")
        var sort: ReachOrder = .input

        @Option(help: "Output format; geojson writes target points with the reach attributes and the geodesic paths.")
        var format: ReachFormat = .table

        @Option(help: ArgumentHelp("Write the output here instead of stdout ('-' for stdout).", valueName: "file"))
        var output: String?

        @OptionGroup var verbosity: VerbosityOptions

        func validate() throws {
            try verbosity.validateVerbosity()
            try launch.validateLaunch()
            try destinations.validateTargets()
        }

        func run() throws {
            try reportingFailures {
                try checkWritable(output)
                let places = data.placeResolver(verbosity)
                let sites = try PlaceArguments.launchSites(launch.sites, places: places)
                let systems = try launch.systems(from: data.catalog)
                let stream = ReachStream(sites: sites, systems: systems, sources: try destinations.sources(places: places))
                let survey = try stream.survey()
                let rows = survey.count * sites.count * systems.count
                if let style = ReachRowStream.style(format: format, order: sort, reversed: reverse, rows: rows, longestTarget: survey.longestName,
                                                    sites: sites, systems: systems, onlyInRange: onlyInRange) {
                    try write(stream, style: style, targetCount: survey.count)
                    return
                }
                try checkFitsInMemory(rows: rows)
                let targets = try TargetSource.places(in: stream.sources)
                let progress = ProgressLine(label: "reach")
                let results = try ReachJob(sites: sites, systems: systems, targets: targets)
                    .run(onlyInRange: onlyInRange, progress: progress.update)
                progress.finish()
                try emit(ReachReport(results, order: sort, reversed: reverse).text(format), to: output)
            }
        }

        /// Rows held in memory at most when they must all be seen before the
        /// first is written (sorting, --reverse, GeoJSON): about 1 kB each.
        static let maximumRowsInMemory = 2_000_000

        /// Refuses, before any work, a job whose rows would all be held in memory beyond the limit.
        func checkFitsInMemory(rows: Int) throws {
            guard !onlyInRange, rows > Self.maximumRowsInMemory else { return }
            let why = reverse ? "--reverse" : format == .geojson ? "--format geojson" : "--sort \(sort.rawValue)"
            throw CLIFailure(.usage, """
                \(rows) rows with \(why) must all be held in memory before the first is written \
                (about \(rows / 1_000_000 + 1) GB; the limit is \(Self.maximumRowsInMemory) rows). \
                Write them as they are decided with --sort input and --format csv, json or table, \
                keep fewer with --only-in-range, or split the target file
                """)
        }

        /// Decides and writes the rows a block at a time: memory holds one
        /// chunk of targets and its rows, whatever the number of targets.
        func write(_ stream: ReachStream, style: TableEncoder.Style, targetCount: Int) throws {
            let file = try output.flatMap { $0 == "-" ? nil : try AtomicFileWriter(url: URL(fileURLWithPath: $0)) }
            let progress = ProgressLine(label: "reach")
            try ReachRowStream.write(stream, style: style, onlyInRange: onlyInRange, targetCount: targetCount,
                                     progress: progress.update) { bytes in
                if let file { try file.write(bytes) } else {
                    do throws(FileDescriptorOutput.Failure) { try FileDescriptorOutput.writeAll(bytes, to: STDOUT_FILENO) } catch {
                        throw CLIFailure(.cannotCreate, "cannot write the output: \(error.reason)")
                    }
                }
            }
            progress.finish()
            try file?.commit()
        }
    }
}

extension ReachFormat: ExpressibleByArgument {}
extension ReachOrder: ExpressibleByArgument {}
