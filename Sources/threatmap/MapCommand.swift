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
            scenario's 'output' field) and prints the reach table. With no \
            scenario, renders Scenarios/\(defaultScenario).

            Examples:
              threatmap map
              threatmap map Scenarios/\(defaultScenario) --output-dir /tmp/maps
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

        func validate() throws {
            guard tolerance >= .meters(0.1) else { throw ValidationError("--tolerance must be at least 0.1m") }
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

                let scenario = try Scenario.load(contentsOf: scenarioURL)
                let rendering = try ScenarioRendering(
                    scenario: scenario, gazetteer: try data.gazetteer(), catalog: try data.catalog(),
                    tolerance: tolerance
                )
                let stem = directory.appendingPathComponent(scenario.output)
                let outputs = [
                    ("geojson", rendering.geoJSON()),
                    ("svg", try rendering.svg()),
                    ("csv", rendering.table.csv()),
                ]
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

    func geoJSON() -> String {
        var features = footprints.map(FootprintFeatures.footprint)
        features += sites.map { FootprintFeatures.place($0, role: "launch_site") }
        features += targets.map { FootprintFeatures.place($0, role: "target", inRangeOf: systemsReaching($0)) }
        return GeoJSONWriter().document(features)
    }

    func svg() throws -> String {
        var layers = [MapContent.Layer]()
        for system in systems {
            let areas = footprints.filter { $0.system == system }.map(\.area)
            let united = try Topology.union(areas)
            layers.append(MapContent.Layer(name: system.name, detail: system.range.description, areas: [united]))
        }
        let siteMarkers = sites.map { site in
            MapContent.Marker(label: site.name, coordinate: site.coordinate,
                              tooltip: "\(site.name): launch site (\(site.coordinate))")
        }
        let targetMarkers = targets.map { target in
            let reaching = systemsReaching(target)
            let nearest = results.filter { $0.target == target }.map(\.distance).min() ?? .zero
            let status = reaching.isEmpty ? "out of range" : "in range of " + reaching.joined(separator: ", ")
            return MapContent.Marker(
                label: target.name, coordinate: target.coordinate,
                tooltip: "\(target.name): \(status); nearest launch site \(String(format: "%.0f", nearest.kilometers)) km",
                highlighted: !reaching.isEmpty
            )
        }
        let subtitle = [scenario.date, "Ranges: " + systems.map { "\($0.name) \($0.range)" }.joined(separator: ", ")]
            .compactMap { $0 }.joined(separator: " · ")
        let credit = "Geodesic ranges on WGS84 · Azimuthal equidistant projection · Sources: "
            + (scenario.sources.isEmpty ? "see scenario" : scenario.sources.joined(separator: "; "))
            + " · Places: GeoNames (CC BY 4.0) and others, see Gazetteer/ATTRIBUTION.md"
        let content = MapContent(title: scenario.title, subtitle: subtitle, credit: credit,
                                 layers: layers, sites: siteMarkers, targets: targetMarkers)
        let center = Self.center(of: sites.map(\.coordinate))
        return try SVGMapRenderer().render(content, projection: .azimuthalEquidistant(center: center))
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
