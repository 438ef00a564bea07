import Export
import Foundation
import GIS
import Gazetteer
import GeoModel
import Geometry
import ThreatModel

/// Everything `map` derives from one resolved scenario: its footprints,
/// reach decisions, and each output as text.
public struct ScenarioReport: Sendable {
    public let scenario: ResolvedScenario
    public let footprints: [RangeFootprint]
    /// With a range band: each footprint again at the low estimate
    /// (`MissileSystem.certainRange`), in the same order; empty otherwise.
    public let certainFootprints: [RangeFootprint]
    /// The builder that drew `footprints` (it also unites them).
    let builder: FootprintBuilder
    public let results: [ReachResult]
    /// Per target: the systems that reach it, and its nearest launch point.
    private let targetStatus: [Place: (reaching: [String], nearest: Distance, warningMinutes: Double?)]
    /// How the reach table and the brief write positions; nil (the
    /// default) leaves positions out of both, as they always were.
    public var coordinates: CoordinateNotation?
    /// People in named places within reach of each system: a line on the
    /// map, a section in the brief; nil for none.
    public var people: PopulationReport?

    /// Draws the footprints (edges within `tolerance` of the true curves)
    /// and decides every site × system × target.
    /// - Throws: `ThreatModelError` when a footprint cannot be drawn or a
    ///   distance computed.
    public init(_ scenario: ResolvedScenario, tolerance: Distance) throws(ThreatModelError) {
        self.scenario = scenario
        builder = FootprintBuilder(tolerance: tolerance)
        footprints = try scenario.footprints(builder: builder)
        results = try scenario.reach()
        certainFootprints = try Self.certain(footprints, builder: builder)
        var status = [Place: (reaching: [String], nearest: Distance, warningMinutes: Double?)]()
        for result in results {
            var entry = status[result.target] ?? ([], result.distance, nil)
            entry.nearest = min(entry.nearest, result.distance)
            if let minutes = result.flight?.minutes { entry.warningMinutes = min(entry.warningMinutes ?? minutes, minutes) }
            if result.inRange, !entry.reaching.contains(result.system.name) { entry.reaching.append(result.system.name) }
            status[result.target] = entry
        }
        targetStatus = status
    }

    /// Each footprint at its system's low estimate: the same footprint
    /// where the span is empty, drawn again where it is not.
    private static func certain(_ footprints: [RangeFootprint], builder: FootprintBuilder) throws(ThreatModelError) -> [RangeFootprint] {
        guard footprints.contains(where: { $0.system.certainRange != nil }) else { return [] }
        let drawn = ConcurrentMap.map(footprints) { footprint in
            Result { () throws(ThreatModelError) -> RangeFootprint in
                guard let low = footprint.system.certainRange, low < footprint.system.range else { return footprint }
                var system = footprint.system
                system.range = low
                guard low > system.minimumRange else {
                    // Nothing is certain: an empty footprint, still this system's.
                    return RangeFootprint(launch: footprint.launch, system: footprint.system, area: MultiPolygon([]))
                }
                var certain = try builder.footprint(of: system, from: footprint.launch)
                certain.system = footprint.system
                return certain
            }
        }
        return try drawn.map { result throws(ThreatModelError) in try result.get() }
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
        let texts = ConcurrentMap.map(formats.filter { $0 != .gpkg }) { format in
            Result { () throws -> File in
                let text: String
                switch format {
                case .geojson: text = writer.document(features)
                case .svg: text = try svg(settings: settings, basemap: basemap)
                case .csv: text = table.csv()
                case .md: text = ScenarioBrief.markdown(scenario, results: results, coordinates: coordinates, people: people)
                case .kml: text = kml(decimals: decimals, palette: settings.theme.theme.palette)
                case .html: text = try html(settings: settings, basemap: basemap)
                case .gpkg: text = ""
                }
                return File(fileExtension: format.rawValue, text: text)
            }
        }
        var files = try texts.map { try $0.get() }
        if geojsonLines { files.append(File(fileExtension: "geojsonl", text: writer.lines(features))) }
        return files
    }

    /// The GIS layers (`GISExport`): footprints (both ends of a band, with
    /// `estimate`), launch sites, one target point per reach decision and
    /// the paths of those in range.
    /// - Throws: `GeodesyError` when a path cannot be drawn.
    public func layers(theme: MapTheme) throws -> [VectorLayer] {
        let footprintFeatures = features.filter { feature in
            guard case .multiPolygon = feature.shape else { return false }
            return !feature.properties.contains { $0.name == "role" }
        }
        return [GISExport.footprints(footprintFeatures, systems: scenario.systems.map(\.name), theme: theme),
                GISExport.launchSites(scenario.sites, theme: theme)] + (try GISExport.reach(results, theme: theme))
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

    /// The shortest flight time, minutes, of a system that reaches `target`,
    /// or nil when none reaches it or none has a flight estimate.
    public func warningMinutes(_ target: Place) -> Double? {
        targetStatus[target]?.warningMinutes
    }

    /// With a range band: the best status of `target` over every site and
    /// system (certain, possible, out); nil without a band.
    public func status(of target: Place) -> ReachStatus? {
        ReachStatus.best(results.lazy.filter { $0.target == target }.compactMap(\.status))
    }

    /// Footprints, then launch sites (points, areas, lines), then targets, with the README's properties.
    public var features: [Feature] {
        var features = footprints.map(FootprintFeatures.footprint)
        if !certainFootprints.isEmpty {
            // Both ends of the band, each saying which it is.
            for index in features.indices { features[index].properties.append(("estimate", .string("high"))) }
            features += certainFootprints.map { footprint in
                var feature = FootprintFeatures.footprint(footprint)
                feature.properties.append(("estimate", .string("low")))
                if let low = footprint.system.certainRange,
                   let position = feature.properties.firstIndex(where: { $0.name == "range_km" }) {
                    feature.properties[position].value = .number(low.kilometers)
                }
                return feature
            }
        }
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
        features += scenario.targets.map { target in
            var feature = FootprintFeatures.place(target, role: "target", inRangeOf: systemsReaching(target),
                                                  warningMinutes: warningMinutes(target))
            if let status = status(of: target) { feature.properties.append(("status", .string(status.rawValue))) }
            return feature
        }
        return features
    }

    /// A KML document: a folder per system (one style each), then the places.
    public func kml(decimals: Int, palette: [String]) -> String {
        var layers = [KMLWriter.Layer]()
        for system in scenario.systems {
            let high = footprints.filter { $0.system == system }.map(FootprintFeatures.footprint)
            guard let low = system.certainRange, !certainFootprints.isEmpty else {
                layers.append(KMLWriter.Layer(name: system.name, detail: Self.band(system), features: high))
                continue
            }
            layers.append(KMLWriter.Layer(name: "\(system.name), high estimate (possible)", detail: Self.band(system), features: high))
            var lowSystem = system
            lowSystem.range = low
            layers.append(KMLWriter.Layer(name: "\(system.name), low estimate (certain)", detail: Self.band(lowSystem),
                                          features: certainFootprints.filter { $0.system == system }.map(FootprintFeatures.footprint)))
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
                                             ("nearest launch site", String(format: "%.0f km", nearestKilometres(target)))]
                                       + (warningMinutes(target).map { [("warning time", String(format: "%.1f min", $0))] } ?? [])
                                       + [("kind", target.kind.rawValue), ("country", target.country), ("source", target.source)])
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
            guard let low = system.certainRange, low < system.range, !certainFootprints.isEmpty else {
                layers.append(MapContent.Layer(name: system.name, detail: Self.band(system), areas: [united], group: system.category.label))
                continue
            }
            // The certain ground in full colour, the band out to the high
            // estimate as its own lighter zone.
            let certain = try builder.union(of: certainFootprints.filter { $0.system == system && !$0.area.polygons.isEmpty })
            let possible: MultiPolygon
            do { possible = try Topology.difference(united, certain) } catch { throw .geometry(error) }
            var lowSystem = system
            lowSystem.range = low
            layers.append(MapContent.Layer(name: system.name, detail: "certain, " + Self.band(lowSystem), areas: [certain],
                                           band: [possible], bandDetail: "possible, \(low)–\(system.range)",
                                           group: system.category.label))
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
        let subtitle = "Ranges: " + scenario.systems.map { system in
            guard let low = system.certainRange, low < system.range else { return "\(system.name) \(Self.band(system))" }
            return "\(system.name) \(low)–\(system.range) (certain–possible)"
        }.joined(separator: ", ") + (people?.headline.map { " · " + $0 } ?? "")
        let credit = "Geodesic ranges on WGS84 · \(projectionTitle) · Sources: "
            + (document.sources.isEmpty ? "see scenario" : document.sources.joined(separator: "; "))
            + " · Places: GeoNames (CC BY 4.0) and others, see Gazetteer/ATTRIBUTION.md"
        return MapContent(title: document.title, subtitle: subtitle, date: document.date, credit: credit,
                          layers: layers, sites: siteMarkers, targets: targetMarkers, launchAreas: launchAreas)
    }

    /// Range rings and radials around each point launch site, out to the
    /// longest range fired from it, drawn to the footprints' tolerance:
    /// rings labelled with their distance ("100 km"), radials with their
    /// bearing ("45°").
    /// - Throws: `ReportError.tooManyRings`, `GeodesyError` when a line cannot be drawn.
    public func guides(_ marks: RangeMarks) throws -> [MapContent.Guide] {
        guard !marks.isEmpty else { return [] }
        var guides = [MapContent.Guide]()
        for (site, systems) in zip(scenario.sites, scenario.siteSystems) {
            guard case .point = site.extent, let range = systems.map(\.range).max(), range > .zero else { continue }
            for mark in try marks.marks(around: site.place.coordinate, range: range, tolerance: builder.tolerance) {
                let label = switch mark.kind {
                case .ring: mark.distance.description
                case .radial: Self.degrees(mark.bearing ?? 0)
                }
                guides.append(MapContent.Guide(kind: mark.kind == .ring ? .ring : .radial, label: label, lines: mark.pieces))
            }
        }
        return guides
    }

    /// "45°", "22.5°".
    private static func degrees(_ bearing: Double) -> String {
        bearing == bearing.rounded() ? "\(Int(bearing))°" : String(format: "%.1f°", bearing)
    }

    /// The SVG map, centred on `settings.center` or else the middle of the launch sites.
    /// - Throws: `ThreatModelError` when footprints cannot be united,
    ///   `ExportError` when the map cannot be projected.
    public func svg(settings: MapSettings, basemap: Basemap?) throws -> String {
        let (content, projection) = try drawable(settings: settings)
        return try settings.renderer(basemap: basemap).render(content, projection: projection)
    }

    /// The map content with its guides, and the projection it is drawn in.
    func drawable(settings: MapSettings) throws -> (MapContent, MapProjection) {
        let center = settings.center ?? Coordinate.mean(of: scenario.sites.map(\.place.coordinate))
        var content = try content(projectionTitle: settings.projection.title)
        content.guides = try guides(RangeMarks(every: settings.ringsEvery, radials: settings.radials))
        return (content, settings.projection.projection(center: center))
    }

    /// ` (nuclear_facility)` after the name of a facility (a base, a launch
    /// site, a plant, a port), so a map reader sees what the point is;
    /// empty for towns, cities, areas and coordinates.
    static func facilityNote(_ place: Place) -> String {
        place.kind.isFacility ? " (\(place.kind.rawValue))" : ""
    }
}
