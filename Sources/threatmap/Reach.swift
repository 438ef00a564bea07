import ArgumentParser
import Export
import Gazetteer
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

            Examples:
              threatmap reach --from "Jurf al-Sakhar" --missile Zolfaghar --to Riyadh --to "Tel Aviv"
              threatmap reach --from 32.87,44.15 --range 700km --to Riyadh --format csv
            """
        )

        @OptionGroup var data: DataOptions
        @OptionGroup var launch: LaunchOptions

        @Option(name: .customLong("to"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
            "Target: a place name or coordinate (repeat for several).", valueName: "place"))
        var targets: [String] = []

        @Option(help: "Output format.")
        var format: TableFormat = .table

        func validate() throws {
            try launch.validateLaunch()
            guard !targets.isEmpty else { throw ValidationError("give at least one target with --to") }
            try validatePlaceArguments(targets, option: "--to")
        }

        func run() throws {
            try reportingFailures {
                let gazetteer = try data.gazetteer()
                let sites = try LaunchSites.resolve(launch.sites, gazetteer: gazetteer)
                let systems = try launch.systems(from: data.catalog)
                let targetPlaces = try targets.map { try gazetteer.resolve($0) }
                let results = try ReachAnalysis().evaluate(launches: sites, systems: systems, targets: targetPlaces)
                let table = ReachTable.make(results)
                switch format {
                case .table: print(table.text(), terminator: "")
                case .csv: print(table.csv(), terminator: "")
                case .json: print(table.json(), terminator: "")
                }
            }
        }
    }
}

/// Reach results as a table with the documented columns.
enum ReachTable {
    static func make(_ results: [ReachResult]) -> ResultTable {
        ResultTable(
            columns: ["site", "missile", "target", "distance_km", "bearing_deg", "range_km", "in_range", "margin_km"],
            rows: results.map { result in
                [.text(result.site.name), .text(result.system.name), .text(result.target.name),
                 .number(result.distance.kilometers, decimals: 1), .number(result.bearing, decimals: 1),
                 .number(result.system.range.kilometers, decimals: 0), .bool(result.inRange),
                 .number(result.marginMeters / 1000, decimals: 1)]
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
