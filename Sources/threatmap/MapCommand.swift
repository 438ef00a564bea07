import ArgumentParser
import Export
import Foundation
import Gazetteer
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
            (the stem and formats come from the scenario's 'outputs'; --kml and \
            --geojsonl add more) and prints the reach table. Every scenario is read \
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

        @Argument(help: ArgumentHelp("Scenario YAML files ('-' for stdin).", valueName: "scenario"))
        var scenarioPaths: [String] = []

        @Option(name: .customLong("output-dir"), help: ArgumentHelp("Directory for the outputs.", valueName: "dir"))
        var outputDirectory: String = "Output"

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "Greatest gap between ring edges and the true geodesic circle (default: the scenario's, else 10m).",
            valueName: "distance"), transform: parseDistance)
        var tolerance: Distance?

        @OptionGroup var files: ScenarioFileOptions

        @OptionGroup(title: "Map") var map: MapOptions
        @OptionGroup var precision: PrecisionOption

        @Flag(help: "Also write <stem>.kml (footprints and places for Google Earth).")
        var kml = false

        @Flag(help: "Also write <stem>.geojsonl (one GeoJSON feature per line).")
        var geojsonl = false

        @Flag(help: "Print the full path of each SVG map, last, to open it in a browser or viewer.")
        var open = false

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
                let dataDirectory = try data.dataDirectory()
                let paths = scenarioPaths.isEmpty
                    ? [dataDirectory.deletingLastPathComponent().appendingPathComponent("Scenarios/\(Self.defaultScenario)").path]
                    : scenarioPaths
                let scenarios = try resolveAll(paths)
                verbosity.note("read and resolved \(scenarios.count) scenario(s) in \(VerbosityOptions.seconds(clock.now - started))")
                let renderer = ScenarioRenderer(tolerance: tolerance, map: map.choices, kml: kml,
                                                geojsonLines: geojsonl, decimals: precision.precision,
                                                coordinates: coordinates)
                try Self.render(scenarios, with: renderer, basemap: { try map.loadBasemap(dataDirectory: data.dataDirectory) },
                                into: outputDirectory, verbosity: verbosity, open: open)
                verbosity.note("done in \(VerbosityOptions.seconds(clock.now - started))")
            }
        }

        /// Renders, writes (all or none) and reports: what `map` and `extract --map` print
        /// (`verbosity` nil: neither --quiet nor --verbose).
        static func render(_ scenarios: [ResolvedScenario], with renderer: ScenarioRenderer, basemap: () throws -> Basemap?,
                           into outputDirectory: String, verbosity: VerbosityOptions?, open: Bool = false) throws {
            // Too large a scenario stops here, before any work or any file.
            try ScenarioRenderer.check(scenarios)
            let directory = URL(fileURLWithPath: outputDirectory)
            try AtomicFile.prepareDirectory(directory)
            var renderer = renderer
            renderer.basemap = try basemap()
            let clock = ContinuousClock()
            var renderings = [ScenarioRenderer.Rendering]()
            for scenario in scenarios {
                let step = clock.now
                let rendering = try renderer.render(scenario, into: directory)
                renderings.append(rendering)
                let report = rendering.report
                verbosity?.note("\(scenario.document.file): \(report.footprints.count) footprints, "
                               + "\(report.vertexCount) vertices, "
                               + "\(report.results.count) reach decisions in \(VerbosityOptions.seconds(clock.now - step))")
            }
            try ScenarioRenderer.write(renderings)
            for (index, rendering) in renderings.enumerated() where verbosity?.quiet != true {
                if index > 0 { print() }
                print(rendering.report.scenario.document.title.visibleControlCharacters)
                print(rendering.report.table.text(), terminator: "")
                print(rendering.report.summary)
                for (file, _) in rendering.files { print("wrote \(file.relativePath)") }
            }
            if open {
                for rendering in renderings {
                    guard let svg = rendering.files.first(where: { $0.url.pathExtension == "svg" }) else { continue }
                    print(svg.url.standardizedFileURL.path)
                }
            }
        }

        /// Reads and resolves every scenario; all their problems, or the scenarios.
        private func resolveAll(_ paths: [String]) throws -> [ResolvedScenario] {
            let gazetteer = try data.gazetteer(verbosity)
            let catalog = try data.catalog()
            var scenarios = [ResolvedScenario]()
            var issues = [ScenarioIssue]()
            for path in paths {
                let (text, file, base) = try ScenarioText.read(path)
                do {
                    let document = try ScenarioDocument.parse(text, file: file, baseDirectory: base, fileAccess: files.access)
                    let scenario = try document.resolve(gazetteer: gazetteer, catalog: catalog)
                    for notice in scenario.notices { verbosity.warn(notice.description) }
                    scenarios.append(scenario)
                } catch {
                    issues += error.issues
                }
            }
            guard issues.isEmpty else { throw ScenarioErrors(issues) }
            return scenarios
        }
    }
}
