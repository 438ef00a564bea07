import ArgumentParser
import Export
import Gazetteer
import GeoModel
import ThreatModel

extension ThreatMap {
    struct Rings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write geodesic range footprints as GeoJSON.",
            discussion: """
            One feature per launch site and system: a disc, or an annulus with a \
            minimum range, on the WGS84 ellipsoid, cut at the antimeridian.

            Examples:
              threatmap rings --from "Jurf al-Sakhar" --range 700km
              threatmap rings --from Baghdad --missile Zolfaghar --output zolfaghar.geojson
              threatmap rings --from -33.92,18.42 --range 300km --min-range 50km --tolerance 1m
            """
        )

        @OptionGroup var data: DataOptions
        @OptionGroup var launch: LaunchOptions

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "Greatest gap between ring edges and the true geodesic circle.", valueName: "distance"),
            transform: parseDistance)
        var tolerance: Distance = .meters(10)

        @Option(help: ArgumentHelp("Write GeoJSON here instead of stdout ('-' for stdout).", valueName: "file"))
        var output: String?

        func validate() throws {
            try launch.validateLaunch()
            guard tolerance >= .meters(0.1) else { throw ValidationError("--tolerance must be at least 0.1m") }
        }

        func run() throws {
            try reportingFailures {
                try checkWritable(output)
                let gazetteer = try data.gazetteer()
                let sites = try launch.sites.map { try gazetteer.resolve($0) }
                let systems = try launch.systems(from: data.catalog)
                let builder = FootprintBuilder(tolerance: tolerance)
                var features = [Feature]()
                for site in sites {
                    for system in systems {
                        let footprint = try builder.footprint(of: system, from: site)
                        features.append(FootprintFeatures.footprint(footprint))
                    }
                }
                try emit(GeoJSONWriter().document(features), to: output)
            }
        }
    }
}
