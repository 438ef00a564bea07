import ArgumentParser
import Export
import Foundation
import Gazetteer
import GeoModel
import Geometry
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

        @OptionGroup var verbosity: VerbosityOptions

        func validate() throws {
            if let tolerance, tolerance < .meters(0.1) { throw ValidationError("--tolerance must be at least 0.1m") }
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
                // Too large a scenario stops here, before any work or any file.
                for scenario in scenarios { try MapWorkload(scenario).check() }
                let directory = URL(fileURLWithPath: outputDirectory)
                try AtomicFile.prepareDirectory(directory)
                let basemap = try map.loadBasemap(dataDirectory: data.dataDirectory)

                // Draw everything, then write: a failure while drawing leaves no file behind.
                var rendered = [(rendering: ScenarioRendering, outputs: [(file: URL, text: String)])]()
                for scenario in scenarios {
                    let step = clock.now
                    let rendering = try ScenarioRendering(scenario, tolerance: tolerance ?? scenario.document.tolerance ?? .meters(10))
                    rendered.append((rendering, try outputs(of: rendering, into: directory, basemap: basemap)))
                    verbosity.note("\(scenario.document.file): \(rendering.footprints.count) footprints, "
                                   + "\(rendering.footprints.reduce(0) { $0 + Shape.multiPolygon($1.area).allCoordinates.count }) vertices, "
                                   + "\(rendering.results.count) reach decisions in \(VerbosityOptions.seconds(clock.now - step))")
                }
                // Every file of every scenario, or none of them.
                var files = OutputFiles()
                for (_, outputs) in rendered {
                    for (file, text) in outputs { files.add(text, to: file) }
                }
                try files.commit()

                for (index, (rendering, outputs)) in rendered.enumerated() where !verbosity.quiet {
                    if index > 0 { print() }
                    print(rendering.scenario.document.title.visibleControlCharacters)
                    print(rendering.table.text(), terminator: "")
                    print(rendering.summary)
                    for (file, _) in outputs { print("wrote \(file.relativePath)") }
                }
                if open {
                    for (_, outputs) in rendered {
                        guard let svg = outputs.first(where: { $0.file.pathExtension == "svg" }) else { continue }
                        print(svg.file.standardizedFileURL.path)
                    }
                }
                verbosity.note("done in \(VerbosityOptions.seconds(clock.now - started))")
            }
        }

        /// The files of one scenario and their text: the scenario's formats,
        /// plus KML and GeoJSON lines when asked for here.
        private func outputs(of rendering: ScenarioRendering, into directory: URL,
                             basemap: Basemap?) throws -> [(file: URL, text: String)] {
            let document = rendering.scenario.document
            let settings = try map.settings(for: document.map)
            let writer = GeoJSONWriter(decimals: precision.precision)
            var formats = document.formats
            if kml, !formats.contains(.kml) { formats.append(.kml) }
            var outputs = [(String, String)]()
            for format in formats {
                switch format {
                case .geojson: outputs.append(("geojson", writer.document(rendering.features)))
                case .svg: outputs.append(("svg", try rendering.svg(settings: settings, basemap: basemap)))
                case .csv: outputs.append(("csv", rendering.table.csv()))
                case .md: outputs.append(("md", ScenarioBrief.markdown(rendering.scenario, results: rendering.results)))
                case .kml: outputs.append(("kml", rendering.kml(decimals: precision.precision, palette: settings.theme.theme.palette)))
                }
            }
            if geojsonl { outputs.append(("geojsonl", writer.lines(rendering.features))) }
            let stem = directory.appendingPathComponent(document.stem)
            return outputs.map { (stem.appendingPathExtension($0.0), $0.1) }
        }

        /// Reads and resolves every scenario; all their problems, or the scenarios.
        private func resolveAll(_ paths: [String]) throws -> [ResolvedScenario] {
            let gazetteer = try data.gazetteer(verbosity)
            let catalog = try data.catalog()
            var scenarios = [ResolvedScenario]()
            var issues = [ScenarioIssue]()
            for path in paths {
                let (text, file, base) = try ScenarioInput.read(path)
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
            var stems = [String: String]()
            for scenario in scenarios {
                let document = scenario.document
                if let other = stems.updateValue(document.file, forKey: document.stem) {
                    throw CLIFailure(.usage, "\(other) and \(document.file) both write '\(document.stem)'; give one of them another 'outputs: stem:'")
                }
            }
            return scenarios
        }
    }
}

/// Everything `map` derives from one resolved scenario.
struct ScenarioRendering {
    let scenario: ResolvedScenario
    let footprints: [RangeFootprint]
    /// The builder that drew `footprints` (it also unites them).
    let builder: FootprintBuilder
    let results: [ReachResult]
    /// Per target: the systems that reach it, and its nearest launch point.
    private let targetStatus: [Place: (reaching: [String], nearest: Distance)]

    init(_ scenario: ResolvedScenario, tolerance: Distance) throws {
        self.scenario = scenario
        builder = FootprintBuilder(tolerance: tolerance)
        footprints = try scenario.footprints(builder: builder)
        results = try scenario.reach()
        var status = [Place: (reaching: [String], nearest: Distance)]()
        for result in results {
            var entry = status[result.target] ?? ([], result.distance)
            entry.nearest = min(entry.nearest, result.distance)
            if result.inRange, !entry.reaching.contains(result.system.name) { entry.reaching.append(result.system.name) }
            status[result.target] = entry
        }
        targetStatus = status
    }

    var table: ResultTable { ReachTable.make(results) }

    /// One line: how many targets each system reaches.
    var summary: String {
        let parts = scenario.systems.map { system in
            let reached = Set(results.filter { $0.system == system && $0.inRange }.map(\.target))
            let verb = system.category == .airDefence ? "covers" : "reaches"
            return "\(system.name) \(verb) \(reached.count) of \(scenario.targets.count) targets"
        }
        return "summary: " + parts.joined(separator: "; ")
    }

    /// Names of the systems that reach `target` from any site.
    func systemsReaching(_ target: Place) -> [String] {
        targetStatus[target]?.reaching ?? []
    }

    /// Footprints, then launch sites (points, areas, lines), then targets, with the README's properties.
    var features: [Feature] {
        var features = footprints.map(FootprintFeatures.footprint)
        for site in scenario.sites {
            let point = FootprintFeatures.place(site.place, role: "launch_site")
            switch site.extent {
            case .point:
                features.append(point)
            case let .area(area):
                features.append(Feature(shape: .multiPolygon(area), properties: point.properties))
            case let .lines(lines):
                features += lines.map { Feature(shape: .lineString($0), properties: point.properties) }
            }
        }
        features += scenario.targets.map { FootprintFeatures.place($0, role: "target", inRangeOf: systemsReaching($0)) }
        return features
    }

    /// A KML document: a folder per system (one style each), then the places.
    func kml(decimals: Int, palette: [String]) -> String {
        let layers = scenario.systems.map { system in
            KMLWriter.Layer(name: system.name, detail: Self.band(system),
                            features: footprints.filter { $0.system == system }.map(FootprintFeatures.footprint))
        }
        var places = scenario.sites.map { site in
            KMLWriter.Place(name: site.name, coordinate: site.place.coordinate, role: .launchSite,
                            details: [("role", Self.siteRole(site)), ("kind", site.place.kind.rawValue),
                                      ("country", site.place.country), ("source", site.place.source)])
        }
        places += scenario.targets.map { target in
            let reaching = systemsReaching(target)
            return KMLWriter.Place(name: target.name, coordinate: target.coordinate,
                                   role: reaching.isEmpty ? .targetOutOfRange : .targetInRange,
                                   details: [("role", "target"), ("in range of", reaching.isEmpty ? "none" : reaching.joined(separator: ", ")),
                                             ("nearest launch site", String(format: "%.0f km", nearestKilometres(target))),
                                             ("kind", target.kind.rawValue), ("country", target.country), ("source", target.source)])
        }
        return KMLWriter(decimals: decimals, palette: palette).document(name: scenario.document.title, layers: layers, places: places)
    }

    private func nearestKilometres(_ target: Place) -> Double {
        (targetStatus[target]?.nearest ?? .zero).kilometers
    }

    private static func band(_ system: MissileSystem) -> String {
        system.minimumRange > .zero ? "\(system.minimumRange)–\(system.range)" : system.range.description
    }

    private static func siteRole(_ site: LaunchSite) -> String {
        switch site.extent {
        case .point: "launch site"
        case .area: "launch area (anywhere inside)"
        case .lines: "launch line (anywhere along)"
        }
    }

    /// The map content: one layer per system (its footprints united), sites, areas, targets.
    func content(projectionTitle: String) throws -> MapContent {
        var layers = [MapContent.Layer]()
        for system in scenario.systems {
            let united = try builder.union(of: footprints.filter { $0.system == system })
            layers.append(MapContent.Layer(name: system.name, detail: Self.band(system), areas: [united]))
        }
        let siteMarkers = zip(scenario.sites, scenario.siteSystems).map { site, systems in
            MapContent.Marker(label: site.name, coordinate: site.place.coordinate,
                              tooltip: "\(site.name): \(Self.siteRole(site)) (\(site.place.coordinate)); "
                                  + systems.map(\.name).joined(separator: ", "))
        }
        var launchAreas = [MapContent.LaunchArea]()
        for site in scenario.sites {
            let tooltip = "\(site.name): \(Self.siteRole(site))"
            switch site.extent {
            case .point: break
            case let .area(area): launchAreas.append(.init(name: site.name, tooltip: tooltip, polygons: area.polygons))
            case let .lines(lines): launchAreas.append(.init(name: site.name, tooltip: tooltip, lines: lines.map(\.coordinates)))
            }
        }
        let targetMarkers = scenario.targets.map { target in
            let reaching = systemsReaching(target)
            let status = reaching.isEmpty ? "out of range" : "in range of " + reaching.joined(separator: ", ")
            return MapContent.Marker(
                label: target.name, coordinate: target.coordinate,
                tooltip: "\(target.name): \(status); nearest launch site \(String(format: "%.0f", nearestKilometres(target))) km",
                highlighted: !reaching.isEmpty
            )
        }
        let document = scenario.document
        let subtitle = "Ranges: " + scenario.systems.map { "\($0.name) \(Self.band($0))" }.joined(separator: ", ")
        let credit = "Geodesic ranges on WGS84 · \(projectionTitle) · Sources: "
            + (document.sources.isEmpty ? "see scenario" : document.sources.joined(separator: "; "))
            + " · Places: GeoNames (CC BY 4.0) and others, see Gazetteer/ATTRIBUTION.md"
        return MapContent(title: document.title, subtitle: subtitle, date: document.date, credit: credit,
                          layers: layers, sites: siteMarkers, targets: targetMarkers, launchAreas: launchAreas)
    }

    func svg(settings: MapSettings, basemap: Basemap?) throws -> String {
        let center = settings.center ?? Coordinate.mean(of: scenario.sites.map(\.place.coordinate))
        let content = try content(projectionTitle: settings.projection.title)
        return try settings.renderer(basemap: basemap).render(content, projection: settings.projection.projection(center: center))
    }
}
