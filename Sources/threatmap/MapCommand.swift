import ArgumentParser
import Export
import Foundation
import Geodesy
import GeoModel
import Report
import ThreatModel

extension ThreatMap {
    struct MapCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "map",
            abstract: "Render scenarios: GeoJSON, SVG map, reach table and a Markdown brief.",
            discussion: """
            For each scenario, writes <output-dir>/<stem>.geojson, .svg, .csv and .md \
            (the stem and formats come from the scenario's 'outputs'; --kml, --html \
            and --geojsonl add more) and prints the reach table. Every scenario is read \
            and resolved before anything is drawn, so a bad one stops the run with \
            nothing written. Options given here win over the scenario's 'map' \
            settings. With no scenario, renders Scenarios/\(defaultScenario).

            Examples:
              threatmap map
              threatmap map Scenarios/*.yaml --output-dir /tmp/maps
              threatmap map Scenarios/patriot-iraq-2020.yaml --open --quiet
              threatmap extract article.txt | threatmap map -
              threatmap map --theme dark --projection laea --extent 3000km --kml
              threatmap map --projection equirectangular --extent world --width 1600 --height 900
            """
        )

        static let defaultScenario = "iran-missiles-iraq-2018.yaml"

        @OptionGroup var data: DataOptions
        @Argument(help: ArgumentHelp("Scenario YAML files ('-' for stdin).", valueName: "scenario")) var scenarioPaths: [String] = []
        @Option(name: .customLong("output-dir"), help: ArgumentHelp("Directory for the outputs.", valueName: "dir")) var outputDirectory: String = "Output"
        @Option(parsing: .unconditional, help: ArgumentHelp("Greatest gap between ring edges and the true geodesic circle "
            + "(default: the scenario's, else 10m).", valueName: "distance"), transform: Distance.init(parsing:)) var tolerance: Distance?
        @Option(parsing: .unconditional, help: ArgumentHelp(RadarHorizonLimit.help + " Wins over the scenario's target_altitude.",
            valueName: "distance"), transform: Distance.init(parsing:)) var targetAltitude: Distance?
        @OptionGroup var files: ScenarioFileOptions
        @OptionGroup(title: "Map") var map: MapOptions
        @OptionGroup var precision: PrecisionOption
        @Flag(help: "Also write <stem>.kml (footprints and places for Google Earth).") var kml = false
        @Flag(help: "Also write <stem>.html: one offline page to pan, zoom, toggle layers, hover, sort the reach table and measure.") var html = false
        @Flag(help: "Also write <stem>.gpkg: footprints, launch_sites, targets and reach_paths layers, styled for QGIS.") var gpkg = false
        @Flag(help: "Also write <stem>.geojsonl (one GeoJSON feature per line).") var geojsonl = false
        @Flag(help: "Print the full path of each SVG map, last, to open it in a browser or viewer.") var open = false
        @Option(help: ArgumentHelp(CoordinateNotation.help + " Adds the targets' positions to the reach table and a Positions section to the brief.", valueName: "notation"))
        var coordinates: CoordinateNotation?
        @OptionGroup var verbosity: VerbosityOptions

        func validate() throws {
            if let tolerance, tolerance < Geodesic.minimumTolerance { throw ValidationError("--tolerance must be at least \(Geodesic.minimumTolerance.meters)m") }
            guard scenarioPaths.filter({ $0 == "-" }).count <= 1 else {
                throw ValidationError("'-' (stdin) can be given only once")
            }
            try map.validateMap()
            try precision.validatePrecision()
            try verbosity.validateVerbosity()
        }

        func run() throws {
            try reportingFailures {
                let clock = ContinuousClock(), started = clock.now
                let paths = scenarioPaths.isEmpty ? [ScenarioBatch.defaultScenario(Self.defaultScenario, dataDirectory: try data.dataDirectory())] : scenarioPaths
                let gazetteer = try data.gazetteer(verbosity)
                let scenarios = try ScenarioBatch.resolve(paths, gazetteer: gazetteer, catalog: data.catalog(),
                                                          fileAccess: files.access, warn: verbosity.warn)
                verbosity.note("read and resolved \(scenarios.count) scenario(s) in \(Elapsed.text(clock.now - started))")
                var renderer = ScenarioRenderer(tolerance: tolerance, map: map.choices, kml: kml, html: html, geojsonLines: geojsonl,
                                                decimals: precision.precision, coordinates: coordinates, population: gazetteer,
                                                targetAltitude: targetAltitude)
                renderer.gpkg = gpkg
                let renderings = try renderer.renderAll(scenarios, into: URL(fileURLWithPath: outputDirectory),
                                                        basemap: { try map.loadBasemap(dataDirectory: data.dataDirectory) },
                                                        log: { verbosity.note($0) })
                Self.print(renderings, quiet: verbosity.quiet, open: open)
                verbosity.note("done in \(Elapsed.text(clock.now - started))")
            }
        }

        /// Prints what `map` and `extract --map` report: each rendering's
        /// table and files (not with `quiet`), then with `open` the SVG paths.
        static func print(_ renderings: [ScenarioRenderer.Rendering], quiet: Bool, open: Bool) {
            if !quiet { Swift.print(renderings.map(\.printout).joined(separator: "\n"), terminator: "") }
            if open { for path in renderings.compactMap(\.svgPath) { Swift.print(path) } }
        }
    }
}
