import ArgumentParser
import Export
import Foundation
import Gazetteer
import Geodesy
import GeoModel
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

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, csv, json, geojson
        }

        enum SortKey: String, ExpressibleByArgument, CaseIterable {
            case input, distance, margin, target, site
        }

        @OptionGroup var data: DataOptions
        @OptionGroup var launch: LaunchOptions
        @OptionGroup var destinations: TargetOptions

        @Flag(help: "Per target: which sites and systems reach it, and its launch zone.")
        var reverse = false

        @Flag(name: .customLong("only-in-range"), help: "Only rows whose target is in range.")
        var onlyInRange = false

        @Option(help: "Row order: input (as given), distance, margin (most inside first), target, site.")
        var sort: SortKey = .input

        @Option(help: "Output format; geojson writes target points with the reach attributes and the geodesic paths.")
        var format: Format = .table

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
                let sites = try LaunchSites.resolve(launch.sites, places: places)
                let systems = try launch.systems(from: data.catalog)
                let stream = ReachStream(sites: sites, systems: systems, sources: try destinations.sources(places: places))
                let survey = try stream.survey()
                let rows = survey.count * sites.count * systems.count
                if let style = streamedStyle(rows: rows, survey: survey, sites: sites, systems: systems) {
                    try write(stream, style: style, targetCount: survey.count)
                    return
                }
                try checkFitsInMemory(rows: rows)
                let targets = try TargetOptions.places(in: stream.sources)
                let progress = ProgressLine(label: "reach")
                var results = try ReachJob(sites: sites, systems: systems, targets: targets)
                    .run(onlyInRange: onlyInRange, progress: progress.update)
                progress.finish()
                results = sorted(results)
                let text: String
                switch format {
                case .table: text = table(results).text()
                case .csv: text = table(results).csv()
                case .json: text = table(results).json()
                case .geojson: text = try geoJSON(results)
                }
                try emit(text, to: output)
            }
        }

        /// Rows held in memory at most when they must all be seen before the
        /// first is written (sorting, --reverse, GeoJSON): about 1 kB each.
        static let maximumRowsInMemory = 2_000_000
        /// Tables up to this many rows are aligned on their actual widths;
        /// longer ones stream with widths fixed in advance.
        static let tableRowsInMemory = 65_536

        /// The encoding when rows can be written as they are decided (input
        /// order, forward table), or nil when the whole result is needed.
        func streamedStyle(rows: Int, survey: TargetCSVReader.Summary, sites: [LaunchSite], systems: [MissileSystem]) -> TableEncoder.Style? {
            guard sort == .input, !reverse else { return nil }
            switch format {
            case .csv: return .csv
            case .json: return .json
            case .geojson: return nil
            case .table:
                guard rows > Self.tableRowsInMemory else { return nil }
                return ReachTable.streamedTextStyle(sites: sites, systems: systems,
                                                    longestTarget: survey.longestName, onlyInRange: onlyInRange)
            }
        }

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
            let encoder = TableEncoder(columns: ReachTable.columns, style: style)
            let file = try output.flatMap { $0 == "-" ? nil : try AtomicFileWriter(url: URL(fileURLWithPath: $0)) }
            var tableStream = TableStream(encoder: encoder) { bytes in
                if let file { try file.write(bytes) } else {
                    do throws(FileDescriptorOutput.Failure) { try FileDescriptorOutput.writeAll(bytes, to: STDOUT_FILENO) } catch {
                        throw CLIFailure(.cannotCreate, "cannot write the output: \(error.reason)")
                    }
                }
            }
            let progress = ProgressLine(label: "reach")
            try stream.run(onlyInRange: onlyInRange, targetCount: targetCount, progress: progress.update, encode: { (results: [ReachResult]) -> [UInt8] in
                var bytes = [UInt8]()
                bytes.reserveCapacity(results.count * 96)
                for result in results { encoder.append(ReachTable.row(result), to: &bytes) }
                return bytes
            }, write: { (block: [UInt8]) in try tableStream.write(block) })
            progress.finish()
            try tableStream.finish()
            try file?.commit()
        }

        /// Rows in the asked order; with --reverse, grouped by target first
        /// (targets in input order) and ordered inside each group.
        func sorted(_ results: [ReachResult]) -> [ReachResult] {
            let targetOrder = Dictionary(results.enumerated().map { ($0.element.target.name, $0.offset) }, uniquingKeysWith: min)
            func group(_ result: ReachResult) -> Int { reverse ? targetOrder[result.target.name]! : 0 }
            func key(_ result: ReachResult) -> (Double, String) {
                switch sort {
                case .input: (0, "")
                case .distance: (result.distance.meters, "")
                case .margin: (-result.marginMeters, "")
                case .target: (0, result.target.name)
                case .site: (0, result.site.name)
                }
            }
            return results.enumerated().sorted { a, b in
                let (ka, kb) = (key(a.element), key(b.element))
                return (group(a.element), ka.0, ka.1, a.offset) < (group(b.element), kb.0, kb.1, b.offset)
            }.map(\.element)
        }

        func table(_ results: [ReachResult]) -> ResultTable {
            reverse ? ReachTable.reverse(results) : ReachTable.make(results)
        }

        /// Target points with their reach attributes, then one geodesic path
        /// per row (split at ±180), then for --reverse the launch zones.
        func geoJSON(_ results: [ReachResult]) throws -> String {
            var features = [Feature]()
            var seen = Set<String>()
            for result in results where seen.insert(result.target.name + "\u{0}" + result.target.coordinate.description).inserted {
                let rows = results.filter { $0.target == result.target }
                let reaching = rows.filter(\.inRange)
                features.append(Feature(shape: .point(result.target.coordinate), properties: [
                    ("name", .string(result.target.name)), ("role", .string("target")),
                    ("in_range", .bool(!reaching.isEmpty)),
                    ("in_range_of", .string(Array(Set(reaching.map(\.system.name))).sorted().joined(separator: ", "))),
                    ("reached_from", .string(Array(Set(reaching.map(\.site.name))).sorted().joined(separator: ", "))),
                    ("nearest_site_km", .number(rows.map(\.distance.kilometers).min() ?? 0)),
                    ("best_margin_km", .number((rows.map(\.marginMeters).max() ?? 0) / 1000)),
                ]))
            }
            let geodesic = Geodesic.wgs84
            for result in results {
                let path = try geodesic.path(from: result.launchPoint, to: result.target.coordinate, tolerance: .meters(100))
                let properties: [(name: String, value: PropertyValue)] = [
                    ("site", .string(result.site.name)), ("missile", .string(result.system.name)),
                    ("target", .string(result.target.name)), ("distance_km", .number(result.distance.kilometers)),
                    ("bearing_deg", .number(result.bearing)), ("range_km", .number(result.system.range.kilometers)),
                    ("min_range_km", .number(result.system.minimumRange.kilometers)),
                    ("in_range", .bool(result.inRange)), ("margin_km", .number(result.marginMeters / 1000)),
                ]
                for piece in PathSplitter.split(path, geodesic: geodesic) where piece.count > 1 {
                    features.append(Feature(shape: .lineString(LineString(piece)), properties: properties))
                }
            }
            if reverse {
                let builder = FootprintBuilder()
                var zones = Set<String>()
                for result in results where zones.insert(result.target.name + "\u{0}" + result.system.name).inserted {
                    let zone = try builder.footprint(of: result.system, from: result.target)
                    features.append(Feature(shape: .multiPolygon(zone.area), properties: [
                        ("target", .string(result.target.name)), ("missile", .string(result.system.name)),
                        ("role", .string("launch_zone")),
                        ("launch_zone_from_km", .number(result.system.minimumRange.kilometers)),
                        ("launch_zone_to_km", .number(result.system.range.kilometers)),
                    ]))
                }
            }
            return GeoJSONWriter().document(features)
        }
    }
}

/// Reach results as tables with the documented columns.
enum ReachTable {
    static let columns = ["site", "missile", "target", "distance_km", "bearing_deg", "range_km", "in_range", "margin_km", "min_range_km", "reason"]

    static func make(_ results: [ReachResult]) -> ResultTable {
        ResultTable(columns: columns, rows: results.map(row))
    }

    static func row(_ result: ReachResult) -> [TableValue] {
        [.text(result.site.name), .text(result.system.name), .text(result.target.name),
         .number(result.distance.kilometers, decimals: 1), .number(result.bearing, decimals: 1),
         .number(result.system.range.kilometers, decimals: 0), .bool(result.inRange),
         .number(result.marginMeters / 1000, decimals: 1),
         .number(result.system.minimumRange.kilometers, decimals: 0), .text(result.reason ?? "")]
    }

    /// Aligned text for rows not yet decided: names from what is known,
    /// numbers at the widest they can print (distances up to 20004.0 km,
    /// 7 characters; margins down to -20004.0 km, 8; bearings up to 360.0, 5).
    static func streamedTextStyle(sites: [LaunchSite], systems: [MissileSystem], longestTarget: Int, onlyInRange: Bool) -> TableEncoder.Style {
        func widest(_ values: [Double]) -> Int { values.map { String(format: "%.0f", $0).count }.max() ?? 1 }
        let siteWidth: Int = sites.map { $0.place.name.count }.max() ?? 0
        let systemWidth: Int = systems.map { $0.name.count }.max() ?? 0
        let rangeWidth = widest(systems.map { $0.range.kilometers })
        let minimumWidth = widest(systems.map { $0.minimumRange.kilometers })
        let reasonWidth = onlyInRange ? 0 : "beyond maximum range".count
        let bounds: [Int] = [siteWidth, systemWidth, longestTarget, 7, 5, rangeWidth, 3, 8, minimumWidth, reasonWidth]
        let widths = zip(columns, bounds).map { max($0.count, $1) }
        let numeric = [false, false, false, true, true, true, false, true, true, false]
        return .text(widths: widths, numeric: numeric)
    }

    static func reverse(_ results: [ReachResult]) -> ResultTable {
        ResultTable(
            columns: ["target", "missile", "site", "distance_km", "bearing_deg", "in_range", "margin_km",
                      "launch_zone_from_km", "launch_zone_to_km"],
            rows: results.map { result in
                [.text(result.target.name), .text(result.system.name), .text(result.site.name),
                 .number(result.distance.kilometers, decimals: 1), .number(result.bearing, decimals: 1),
                 .bool(result.inRange), .number(result.marginMeters / 1000, decimals: 1),
                 .number(result.system.minimumRange.kilometers, decimals: 0),
                 .number(result.system.range.kilometers, decimals: 0)]
            }
        )
    }
}

/// Footprints and places as GeoJSON features with the documented properties.
enum FootprintFeatures {
    static func footprint(_ footprint: RangeFootprint) -> Feature {
        FootprintEntry(footprint).feature
    }

    static func place(_ place: Place, role: String, inRangeOf systems: [String]? = nil) -> Feature {
        var properties: [(name: String, value: PropertyValue)] = [
            ("name", .string(place.name)), ("role", .string(role)), ("kind", .string(place.kind.rawValue)),
            ("country", .string(place.country)), ("source", .string(place.source)),
        ]
        if let systems {
            properties.append(("in_range_of", .string(systems.joined(separator: ", "))))
        }
        return Feature(shape: .point(place.coordinate), properties: properties)
    }
}

/// Splits a path in unwrapped longitude into pieces within [-180, 180],
/// cutting where its geodesic edges cross the antimeridian.
enum PathSplitter {
    static func split(_ path: [Coordinate], geodesic: Geodesic) -> [[Coordinate]] {
        guard var previous = path.first else { return [] }
        var pieces = [[previous.normalized]]
        for current in path.dropFirst() {
            let low = min(previous.longitude, current.longitude), high = max(previous.longitude, current.longitude)
            var meridian = ((low - 180) / 360).rounded(.up) * 360 + 180
            while meridian < high {
                if meridian > low {
                    let crossing = geodesic.meridianCrossing(from: previous, to: current, longitude: meridian)
                    let side = current.longitude > previous.longitude ? 180.0 : -180.0
                    pieces[pieces.count - 1].append(Coordinate(latitude: crossing.latitude, longitude: side))
                    pieces.append([Coordinate(latitude: crossing.latitude, longitude: -side)])
                }
                meridian += 360
            }
            pieces[pieces.count - 1].append(current.normalized)
            previous = current
        }
        return pieces
    }
}
