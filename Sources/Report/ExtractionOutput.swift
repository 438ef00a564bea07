import Export
import Extraction
import Foundation
import Gazetteer
import ThreatModel

/// What `extract` writes: the scenario YAML and, beside it, a GeoJSON file
/// per region the scenario names, all or none.
public struct ExtractionOutput: Sendable {
    /// The scenario as YAML.
    public let yaml: String
    /// Where the scenario was written, or nil when the caller prints `yaml`.
    public let scenarioPath: String?
    /// The files written: region files (full paths when the scenario goes
    /// to stdout, else as given), then the scenario.
    public let written: [String]

    /// Writes `extraction`'s regions and scenario: the regions beside the
    /// scenario (in the current directory when it goes to stdout), the
    /// scenario at `scenarioPath` unless nil.
    /// - Parameters:
    ///   - stem: file stem of the outputs the scenario asks for (default: from the title).
    ///   - input: the article's name, recorded in the scenario's header.
    /// - Throws: `ExportError.cannotWrite` (nothing left behind).
    public init(writing extraction: Extraction, stem: String?, input: String, scenarioPath: String?) throws(ExportError) {
        let writer = ScenarioWriter()
        yaml = writer.yaml(extraction, stem: stem ?? ScenarioWriter.stem(from: extraction.title), input: input)
        let folder = scenarioPath.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var files = OutputFiles()
        var written = [String]()
        for file in writer.regionFiles(extraction) {
            let url = folder.appendingPathComponent(file.fileName)
            files.add(file.geojson, to: url)
            written.append(scenarioPath == nil ? url.path : url.relativePath)
        }
        if let scenarioPath {
            files.add(yaml, to: URL(fileURLWithPath: scenarioPath))
            written.append(scenarioPath)
        }
        try files.commit()
        self.scenarioPath = scenarioPath
        self.written = written
    }

    /// Where `extract` writes the scenario: the file `output` names (none
    /// for nil or "-", standard output); with no file and a map to draw,
    /// `<stem>.yaml` in the map's folder (created), since a map needs a
    /// scenario file.
    /// - Throws: `ExportError.cannotWrite` when that folder cannot be made.
    public static func scenarioPath(output: String?, mapDirectory: URL?, extraction: Extraction,
                                    stem: String?) throws(ExportError) -> String? {
        if let output, output != "-" { return output }
        guard let mapDirectory else { return nil }
        try AtomicFile.prepareDirectory(mapDirectory)
        return mapDirectory.appendingPathComponent((stem ?? ScenarioWriter.stem(from: extraction.title)) + ".yaml").path
    }

    /// What a map of `extraction` lacks ("no weapon system", "no launch
    /// site", "no target"); empty when it can be drawn.
    public static func mapGaps(_ extraction: Extraction) -> [String] {
        var missing = [String]()
        if extraction.systems.isEmpty { missing.append("no weapon system") }
        if extraction.sites.isEmpty { missing.append("no launch site") }
        if extraction.targets.isEmpty { missing.append("no target") }
        return missing
    }

    /// `extract --map`'s map: the scenario just written, parsed and resolved
    /// from its YAML (as `map` would read it) and rendered into `directory`.
    /// - Returns: the resolution notices (names met by an alias, a loose
    ///   spelling or a code) and the renderings written.
    /// - Throws: `ReportError.cannotMap` when the text lacks what a map needs,
    ///   then what parsing, resolving and `ScenarioRenderer.renderAll` throw.
    public func renderMap(of extraction: Extraction, into directory: URL, gazetteer: Gazetteer, catalog: MissileCatalog,
                          basemap: () throws -> Basemap?) throws -> (notices: [ScenarioIssue], renderings: [ScenarioRenderer.Rendering]) {
        guard let scenarioPath else { return ([], []) }
        let missing = Self.mapGaps(extraction)
        guard missing.isEmpty else { throw ReportError.cannotMap(scenario: scenarioPath, missing: missing) }
        let folder = URL(fileURLWithPath: scenarioPath).deletingLastPathComponent()
        let scenario = try ScenarioDocument.parse(yaml, file: scenarioPath, baseDirectory: folder).resolve(gazetteer: gazetteer, catalog: catalog)
        let renderings = try ScenarioRenderer(population: gazetteer).renderAll([scenario], into: directory, basemap: basemap)
        return (scenario.notices, renderings)
    }
}
