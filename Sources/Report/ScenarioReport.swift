import Export
import Foundation
import Gazetteer
import GeoModel
import ThreatModel

/// Everything `map` derives from one resolved scenario: its footprints,
/// reach decisions, and each output as text.
public struct ScenarioReport: Sendable {
    public let scenario: ResolvedScenario
    public let footprints: [RangeFootprint]
    /// The builder that drew `footprints` (it also unites them).
    let builder: FootprintBuilder
    public let results: [ReachResult]
    /// Per target: the systems that reach it, and its nearest launch point.
    private let targetStatus: [Place: (reaching: [String], nearest: Distance)]
    /// How the reach table and the brief write positions; nil (the
    /// default) leaves positions out of both, as they always were.
    public var coordinates: CoordinateNotation?

    /// Draws the footprints (edges within `tolerance` of the true curves)
    /// and decides every site × system × target.
    /// - Throws: `ThreatModelError` when a footprint cannot be drawn or a
    ///   distance computed.
    public init(_ scenario: ResolvedScenario, tolerance: Distance) throws(ThreatModelError) {
        self.scenario = scenario
        let builder = FootprintBuilder(tolerance: tolerance)
        self.builder = builder
        // Footprints and reach decisions are independent: drawn side by side.
        let (drawn, decided) = ConcurrentMap.pair(
            { Result { () throws(ThreatModelError) in try scenario.footprints(builder: builder) } },
            { Result { () throws(ThreatModelError) in try scenario.reach() } }
        )
        footprints = try drawn.get()
        results = try decided.get()
        var status = [Place: (reaching: [String], nearest: Distance)]()
        for result in results {
            var entry = status[result.target] ?? ([], result.distance)
            entry.nearest = min(entry.nearest, result.distance)
            if result.inRange, !entry.reaching.contains(result.system.name) { entry.reaching.append(result.system.name) }
            status[result.target] = entry
        }
        targetStatus = status
    }

    /// One output file: its extension (`svg`, `geojson`, ...) and its text.
    public struct File: Sendable {
        public var fileExtension: String
        public var text: String
    }

    /// The outputs in `formats`, in that order, then GeoJSON lines when asked for.
    /// - Parameters:
    ///   - settings: how the SVG map is drawn.
    ///   - basemap: land, coasts and borders under the map, or nil for none.
    ///   - decimals: decimal places of GeoJSON and KML coordinates.
    /// - Throws: `ThreatModelError` when footprints cannot be united,
    ///   `ExportError` when the map cannot be projected.
    public func files(_ formats: [OutputFormat], geojsonLines: Bool = false, settings: MapSettings,
                      basemap: Basemap?, decimals: Int = 6) throws -> [File] {
        let writer = GeoJSONWriter(decimals: decimals)
        // Each output is independent of the others: written side by side.
        let texts = ConcurrentMap.map(formats) { format in
            Result { () throws -> File in
                let text: String
                switch format {
                case .geojson: text = writer.document(features)
                case .svg: text = try svg(settings: settings, basemap: basemap)
                case .csv: text = table.csv()
                case .md: text = ScenarioBrief.markdown(scenario, results: results, coordinates: coordinates)
                case .kml: text = kml(decimals: decimals, palette: settings.theme.theme.palette)
                }
                return File(fileExtension: format.rawValue, text: text)
            }
        }
        var files = try texts.map { try $0.get() }
        if geojsonLines { files.append(File(fileExtension: "geojsonl", text: writer.lines(features))) }
        return files
    }

    /// The reach decisions with the documented columns.
    public var table: ResultTable { ReachTable.make(results, coordinates: coordinates) }

    /// One line: how many targets each system reaches.
    public var summary: String {
        let parts = scenario.systems.map { system in
            let reached = Set(results.filter { $0.system == system && $0.inRange }.map(\.target))
            let verb = system.category == .airDefence ? "covers" : "reaches"
            return "\(system.name) \(verb) \(reached.count) of \(scenario.targets.count) targets"
        }
        return "summary: " + parts.joined(separator: "; ")
    }

    /// Vertices of every footprint, for progress notes.
    public var vertexCount: Int {
        footprints.reduce(0) { $0 + Shape.multiPolygon($1.area).allCoordinates.count }
    }

    /// Names of the systems that reach `target` from any site.
    public func systemsReaching(_ target: Place) -> [String] {
        targetStatus[target]?.reaching ?? []
    }

    /// Footprints, then launch sites (points, areas, lines), then targets, with the README's properties.
    public var features: [Feature] {
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
    public func kml(decimals: Int, palette: [String]) -> String {
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
    /// - Throws: `ThreatModelError` when a system's footprints cannot be united.
    public func content(projectionTitle: String) throws(ThreatModelError) -> MapContent {
        var layers = [MapContent.Layer]()
        for system in scenario.systems {
            let united = try builder.union(of: footprints.filter { $0.system == system })
            layers.append(MapContent.Layer(name: system.name, detail: Self.band(system), areas: [united]))
        }
        let siteMarkers = zip(scenario.sites, scenario.siteSystems).map { site, systems in
            MapContent.Marker(label: site.name, coordinate: site.place.coordinate,
                              tooltip: "\(site.name)\(Self.facilityNote(site.place)): \(Self.siteRole(site)) (\(site.place.coordinate)); "
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
                tooltip: "\(target.name)\(Self.facilityNote(target)): \(status); nearest launch site \(String(format: "%.0f", nearestKilometres(target))) km",
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

    /// The SVG map, centred on `settings.center` or else the middle of the launch sites.
    /// - Throws: `ThreatModelError` when footprints cannot be united,
    ///   `ExportError` when the map cannot be projected.
    public func svg(settings: MapSettings, basemap: Basemap?) throws -> String {
        let center = settings.center ?? Coordinate.mean(of: scenario.sites.map(\.place.coordinate))
        let content = try content(projectionTitle: settings.projection.title)
        return try settings.renderer(basemap: basemap).render(content, projection: settings.projection.projection(center: center))
    }

    /// ` (nuclear_facility)` after the name of a facility (a base, a launch
    /// site, a plant, a port), so a map reader sees what the point is;
    /// empty for towns, cities, areas and coordinates.
    static func facilityNote(_ place: Place) -> String {
        place.kind.isFacility ? " (\(place.kind.rawValue))" : ""
    }
}
