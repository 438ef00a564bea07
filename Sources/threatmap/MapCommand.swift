import ArgumentParser
import Export
import Foundation
import Gazetteer
import Geometry
import GeoModel
import ThreatModel

extension ThreatMap {
    struct MapCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "map",
            abstract: "Render a scenario: GeoJSON, SVG map and reach table.",
            discussion: """
            Writes <output-dir>/<stem>.geojson, .svg and .csv (stem from the \
            scenario's 'output' field; .kml and .geojsonl on request) and prints \
            the reach table. With no scenario, renders Scenarios/\(defaultScenario).

            Examples:
              threatmap map
              threatmap map Scenarios/\(defaultScenario) --output-dir /tmp/maps
              threatmap map --theme dark --projection laea --extent 3000km --kml
              threatmap map --projection equirectangular --extent world --width 1600 --height 900
            """
        )

        static let defaultScenario = "iran-missiles-iraq-2018.yaml"

        @OptionGroup var data: DataOptions

        @Argument(help: ArgumentHelp("Scenario YAML file.", valueName: "scenario"))
        var scenarioPath: String?

        @Option(name: .customLong("output-dir"), help: ArgumentHelp("Directory for the outputs.", valueName: "dir"))
        var outputDirectory: String = "Output"

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "Greatest gap between ring edges and the true geodesic circle.", valueName: "distance"),
            transform: parseDistance)
        var tolerance: Distance = .meters(10)

        @OptionGroup(title: "Map") var map: MapOptions
        @OptionGroup var precision: PrecisionOption

        @Flag(help: "Also write <stem>.kml (footprints and places for Google Earth).")
        var kml = false

        @Flag(help: "Also write <stem>.geojsonl (one GeoJSON feature per line).")
        var geojsonl = false

        func validate() throws {
            guard tolerance >= .meters(0.1) else { throw ValidationError("--tolerance must be at least 0.1m") }
            try map.validateMap()
            try precision.validatePrecision()
        }

        func run() throws {
            try reportingFailures {
                let dataDirectory = try data.dataDirectory()
                let scenarioURL = scenarioPath.map { URL(fileURLWithPath: $0) }
                    ?? dataDirectory.deletingLastPathComponent().appendingPathComponent("Scenarios/\(Self.defaultScenario)")
                guard FileManager.default.fileExists(atPath: scenarioURL.path) else {
                    throw CLIFailure(.noInput, "\(scenarioURL.path): no such scenario file")
                }
                let directory = URL(fileURLWithPath: outputDirectory)
                try AtomicFile.prepareDirectory(directory)
                let basemap = try map.loadBasemap(dataDirectory: data.dataDirectory)

                let scenario = try Scenario.load(contentsOf: scenarioURL)
                let rendering = try ScenarioRendering(
                    scenario: scenario, gazetteer: try data.gazetteer(), catalog: try data.catalog(),
                    tolerance: tolerance
                )
                let stem = directory.appendingPathComponent(scenario.output)
                let writer = GeoJSONWriter(decimals: precision.precision)
                var outputs = [
                    ("geojson", writer.document(rendering.features)),
                    ("svg", try rendering.svg(options: map, basemap: basemap)),
                    ("csv", rendering.table.csv()),
                ]
                if geojsonl { outputs.append(("geojsonl", writer.lines(rendering.features))) }
                if kml { outputs.append(("kml", rendering.kml(decimals: precision.precision, palette: map.theme.theme.palette))) }
                for (suffix, text) in outputs {
                    try AtomicFile.write(text, to: stem.appendingPathExtension(suffix))
                }
                print(scenario.title)
                print(rendering.table.text(), terminator: "")
                for (suffix, _) in outputs {
                    print("wrote \(stem.appendingPathExtension(suffix).relativePath)")
                }
            }
        }
    }
}

/// Everything `map` derives from one scenario.
struct ScenarioRendering {
    let scenario: Scenario
    let sites: [Place]
    let systems: [MissileSystem]
    let targets: [Place]
    let footprints: [RangeFootprint]
    let results: [ReachResult]

    init(scenario: Scenario, gazetteer: Gazetteer, catalog: MissileCatalog, tolerance: Distance) throws {
        self.scenario = scenario
        sites = try scenario.sites.map { try gazetteer.resolve($0) }
        systems = try scenario.missiles.map { try catalog.system(named: $0) }
        targets = try scenario.targets.map { try gazetteer.resolve($0) }
        let builder = FootprintBuilder(tolerance: tolerance)
        var footprints = [RangeFootprint]()
        for system in systems {
            for site in sites { footprints.append(try builder.footprint(of: system, from: site)) }
        }
        self.footprints = footprints
        results = ReachAnalysis().evaluate(sites: sites, systems: systems, targets: targets)
    }

    var table: ResultTable { ReachTable.make(results) }

    /// Names of the systems that reach `target` from any site.
    func systemsReaching(_ target: Place) -> [String] {
        var names = [String]()
        for result in results where result.target == target && result.inRange && !names.contains(result.system.name) {
            names.append(result.system.name)
        }
        return names
    }

    /// Footprints, then launch sites, then targets, with the README's properties.
    var features: [Feature] {
        var features = footprints.map(FootprintFeatures.footprint)
        features += sites.map { FootprintFeatures.place($0, role: "launch_site") }
        features += targets.map { FootprintFeatures.place($0, role: "target", inRangeOf: systemsReaching($0)) }
        return features
    }

    func geoJSON(decimals: Int = 6) -> String {
        GeoJSONWriter(decimals: decimals).document(features)
    }

    /// A KML document: a folder per system (one style each), then the places.
    func kml(decimals: Int, palette: [String]) -> String {
        let layers = systems.map { system in
            KMLWriter.Layer(name: system.name, detail: system.range.description,
                            features: footprints.filter { $0.system == system }.map(FootprintFeatures.footprint))
        }
        var places = sites.map { site in
            KMLWriter.Place(name: site.name, coordinate: site.coordinate, role: .launchSite,
                            details: [("role", "launch site"), ("kind", site.kind.rawValue), ("country", site.country),
                                      ("source", site.source)])
        }
        places += targets.map { target in
            let reaching = systemsReaching(target)
            return KMLWriter.Place(name: target.name, coordinate: target.coordinate,
                                   role: reaching.isEmpty ? .targetOutOfRange : .targetInRange,
                                   details: [("role", "target"), ("in range of", reaching.isEmpty ? "none" : reaching.joined(separator: ", ")),
                                             ("nearest launch site", String(format: "%.0f km", nearestKilometres(target))),
                                             ("kind", target.kind.rawValue), ("country", target.country), ("source", target.source)])
        }
        return KMLWriter(decimals: decimals, palette: palette).document(name: scenario.title, layers: layers, places: places)
    }

    private func nearestKilometres(_ target: Place) -> Double {
        (results.filter { $0.target == target }.map(\.distance).min() ?? .zero).kilometers
    }

    /// The map content: one layer per system, sites, targets.
    func content(projectionTitle: String) throws -> MapContent {
        var layers = [MapContent.Layer]()
        for system in systems {
            let areas = footprints.filter { $0.system == system }.map(\.area)
            let united = try Topology.union(areas)
            var detail = system.range.description
            if system.minimumRange > .zero { detail = "\(system.minimumRange)–\(system.range)" }
            layers.append(MapContent.Layer(name: system.name, detail: detail, areas: [united]))
        }
        let siteMarkers = sites.map { site in
            MapContent.Marker(label: site.name, coordinate: site.coordinate,
                              tooltip: "\(site.name): launch site (\(site.coordinate))")
        }
        let targetMarkers = targets.map { target in
            let reaching = systemsReaching(target)
            let status = reaching.isEmpty ? "out of range" : "in range of " + reaching.joined(separator: ", ")
            return MapContent.Marker(
                label: target.name, coordinate: target.coordinate,
                tooltip: "\(target.name): \(status); nearest launch site \(String(format: "%.0f", nearestKilometres(target))) km",
                highlighted: !reaching.isEmpty
            )
        }
        let subtitle = "Ranges: " + systems.map { "\($0.name) \($0.range)" }.joined(separator: ", ")
        let credit = "Geodesic ranges on WGS84 · \(projectionTitle) · Sources: "
            + (scenario.sources.isEmpty ? "see scenario" : scenario.sources.joined(separator: "; "))
            + " · Places: GeoNames (CC BY 4.0) and others, see Gazetteer/ATTRIBUTION.md"
        return MapContent(title: scenario.title, subtitle: subtitle, date: scenario.date, credit: credit,
                          layers: layers, sites: siteMarkers, targets: targetMarkers)
    }

    func svg(options: MapOptions, basemap: Basemap?) throws -> String {
        let center = options.center ?? Self.center(of: sites.map(\.coordinate))
        let content = try content(projectionTitle: options.projection.title)
        return try options.renderer(basemap: basemap).render(content, projection: options.projection.projection(center: center))
    }

    /// Mean position of the launch sites (adequate for sites within one region).
    static func center(of coordinates: [Coordinate]) -> Coordinate {
        guard let first = coordinates.first else { return Coordinate(latitude: 0, longitude: 0) }
        let latitude = coordinates.map(\.latitude).reduce(0, +) / Double(coordinates.count)
        let longitude = coordinates.map { first.longitude + remainder($0.longitude - first.longitude, 360) }
            .reduce(0, +) / Double(coordinates.count)
        return Coordinate(latitude: latitude, longitude: Coordinate.normalizedLongitude(longitude))
    }
}
