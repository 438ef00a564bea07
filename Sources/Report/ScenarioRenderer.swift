import Export
import Foundation
import Gazetteer
import GeoModel
import GIS
import ThreatModel

/// Renders resolved scenarios into their files: the one entry point of
/// `map` and `extract --map`. Everything is drawn before anything is
/// written, and the files are written all or none.
public struct ScenarioRenderer: Sendable {
    /// Edge tolerance of footprints over every scenario's own (default 10 m).
    public var tolerance: Distance?
    /// Map settings that win over each scenario's `map:` settings.
    public var map: MapChoices
    /// Land, coasts and borders under the maps; nil for none.
    public var basemap: Basemap?
    /// Also write `<stem>.kml` / `<stem>.html` / `<stem>.geojsonl`.
    public var kml: Bool
    public var html: Bool
    public var geojsonLines: Bool
    /// Also write `<stem>.gpkg` (GIS layers through GDAL).
    public var gpkg: Bool = false
    /// Decimal places of GeoJSON and KML coordinates.
    public var decimals: Int
    /// Positions in the reach table and the brief, in this notation; nil: none.
    public var coordinates: CoordinateNotation?
    /// The gazetteer whose populated places are counted for "people in
    /// reach" (the map's line, the brief's section); nil: not counted.
    public var population: Gazetteer?
    /// Target altitude over every scenario's own `target_altitude`: air
    /// defence is cut to its radar horizon for a target this high.
    public var targetAltitude: Distance?

    public init(tolerance: Distance? = nil, map: MapChoices = MapChoices(), basemap: Basemap? = nil,
                kml: Bool = false, html: Bool = false, geojsonLines: Bool = false, decimals: Int = 6,
                coordinates: CoordinateNotation? = nil, population: Gazetteer? = nil, targetAltitude: Distance? = nil) {
        self.coordinates = coordinates
        self.population = population
        self.targetAltitude = targetAltitude
        self.tolerance = tolerance
        self.map = map
        self.basemap = basemap
        self.kml = kml
        self.html = html
        self.geojsonLines = geojsonLines
        self.decimals = decimals
    }

    /// Edge tolerance when neither the renderer nor the scenario sets one.
    public static let defaultTolerance = Distance.meters(10)

    /// One scenario rendered: its report and its files with their text.
    public struct Rendering: Sendable {
        public var report: ScenarioReport
        public var files: [(url: URL, text: String)]
        /// The GeoPackage to write and its layers, when the scenario asks for one.
        public var geopackage: (url: URL, layers: [VectorLayer])?
    }

    /// Checks that the scenarios can be rendered together: none too large,
    /// no two writing the same stem. Call before any work.
    /// - Throws: `ReportError`.
    public static func check(_ scenarios: [ResolvedScenario]) throws(ReportError) {
        var stems = [String: String]()
        for scenario in scenarios {
            let document = scenario.document
            if let other = stems.updateValue(document.file, forKey: document.stem) {
                throw .sameStem(first: other, second: document.file, stem: document.stem)
            }
        }
        for scenario in scenarios { try ScenarioWorkload(scenario).check() }
    }

    /// Draws `scenario`'s outputs as files in `directory`, without writing them.
    /// - Throws: `ThreatModelError` when footprints cannot be drawn,
    ///   `ExportError` when the map cannot be projected.
    public func render(_ scenario: ResolvedScenario, into directory: URL) throws -> Rendering {
        let document = scenario.document
        let scenario = try scenario.limitedByRadarHorizon(targetAltitude: targetAltitude ?? document.targetAltitude)
        // People in reach are counted on a thread of their own while the
        // footprints are drawn: each takes a few tens of milliseconds.
        let people = LazyValue<Result<PopulationReport, ThreatModelError>?>()
        let count: @Sendable () -> Result<PopulationReport, ThreatModelError>? = { [population] in
            guard let population else { return nil }
            let launches = zip(scenario.sites, scenario.siteSystems).map { ($0, $1) }
            return Result { () throws(ThreatModelError) in try PopulationReport(launches: launches, gazetteer: population) }
        }
        if population != nil { Thread { _ = people.value(count) }.start() }
        var report = try ScenarioReport(scenario, tolerance: tolerance ?? document.tolerance ?? Self.defaultTolerance)
        report.coordinates = coordinates
        report.people = try people.value(count)?.get()
        var formats = document.formats
        if kml, !formats.contains(.kml) { formats.append(.kml) }
        if html, !formats.contains(.html) { formats.append(.html) }
        if gpkg, !formats.contains(.gpkg) { formats.append(.gpkg) }
        let settings = map.over(document.map).settings
        let stem = directory.appendingPathComponent(document.stem)
        let files = try report.files(formats, geojsonLines: geojsonLines, settings: settings, basemap: basemap, decimals: decimals)
        let layers = formats.contains(.gpkg) ? try report.layers(theme: settings.theme.theme) : nil
        return Rendering(report: report, files: files.map { (stem.appendingPathExtension($0.fileExtension), $0.text) },
                         geopackage: layers.map { (stem.appendingPathExtension("gpkg"), $0) })
    }

    /// `map`'s whole job: checks the scenarios together, loads the basemap
    /// (only then), draws every scenario, and writes all their files or none.
    /// - Parameters:
    ///   - directory: where the files go (created when missing).
    ///   - basemap: the basemap, or nil for none; called once.
    ///   - log: a line per scenario on what was drawn and how long it took.
    /// - Throws: `ReportError` before any work, then what `render` and
    ///   `write` throw (nothing written).
    public func renderAll(_ scenarios: [ResolvedScenario], into directory: URL, basemap: () throws -> Basemap?,
                          log: (String) -> Void = { _ in }) throws -> [Rendering] {
        // Too large a scenario stops here, before any work or any file.
        try Self.check(scenarios)
        try AtomicFile.prepareDirectory(directory)
        var renderer = self
        renderer.basemap = try basemap()
        let clock = ContinuousClock()
        var renderings = [Rendering]()
        for scenario in scenarios {
            let step = clock.now
            let rendering = try renderer.render(scenario, into: directory)
            renderings.append(rendering)
            let report = rendering.report
            log("\(scenario.document.file): \(report.footprints.count) footprints, \(report.vertexCount) vertices, "
                + "\(report.results.count) reach decisions in \(Elapsed.text(clock.now - step))")
        }
        // GeoPackages first: each appears whole, and a failure leaves no other file.
        for case let (url, layers)? in renderings.map(\.geopackage) {
            try VectorOutput(destination: url.path)!.write(layers)
        }
        try Self.write(renderings)
        return renderings
    }

    /// Writes every file of every rendering, or none.
    /// - Throws: `ExportError.cannotWrite` (nothing left behind).
    public static func write(_ renderings: [Rendering]) throws(ExportError) {
        var files = OutputFiles()
        for rendering in renderings {
            for (url, text) in rendering.files { files.add(text, to: url) }
        }
        try files.commit()
    }
}

extension ScenarioRenderer.Rendering {
    /// What `map` prints for a rendering: the title, the reach table, the
    /// summary line and each file written (paths as given).
    public var printout: String {
        report.scenario.document.title.visibleControlCharacters + "\n" + report.table.text() + report.summary + "\n"
            + files.map { "wrote \($0.url.relativePath)\n" }.joined() + (geopackage.map { "wrote \($0.url.relativePath)\n" } ?? "")
    }

    /// The SVG map's full path, if one was drawn.
    public var svgPath: String? {
        files.first { $0.url.pathExtension == "svg" }?.url.standardizedFileURL.path
    }
}

/// Elapsed time for messages.
public enum Elapsed {
    /// `duration` as seconds with two decimals, e.g. `1.25 s`.
    public static func text(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.2f s", Double(seconds) + Double(attoseconds) * 1e-18)
    }
}
