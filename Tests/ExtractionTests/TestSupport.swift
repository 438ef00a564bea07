import Extraction
import Foundation
import Gazetteer
import GeoModel
import Testing
import ThreatModel

/// The bundled data, loaded once for every test of this target.
enum TestData {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let dataDirectory = root.appendingPathComponent("Gazetteer", isDirectory: true)

    static let gazetteer: Gazetteer = {
        do { return try Gazetteer(dataDirectory: dataDirectory) } catch { fatalError("cannot load the gazetteer: \(error)") }
    }()

    static let catalog: MissileCatalog = {
        do { return try MissileCatalog(contentsOf: dataDirectory.appendingPathComponent("missiles")) } catch {
            fatalError("cannot load the catalog: \(error)")
        }
    }()

    static let extractor = Extractor(gazetteer: gazetteer, catalog: catalog)

    static func fixture(_ path: String) throws -> URL {
        let url = Bundle.module.url(forResource: "Fixtures/" + path, withExtension: nil)
        return try #require(url, "fixture \(path) is missing")
    }

    static func passage(_ name: String) throws -> Data {
        try Data(contentsOf: fixture("passages/" + name))
    }
}

/// Writes the scenario of `extraction` and its region files into a fresh
/// folder, then parses and resolves it as `threatmap map` would.
/// - Returns: the YAML and the resolved scenario.
@discardableResult
func roundTrip(_ extraction: Extraction, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (yaml: String, scenario: ResolvedScenario?) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("extract-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let writer = ScenarioWriter()
    for file in writer.regionFiles(extraction) {
        try Data(file.geojson.utf8).write(to: folder.appendingPathComponent(file.fileName))
    }
    let yaml = writer.yaml(extraction, stem: "extracted", input: "test")
    let complete = !extraction.systems.isEmpty && !extraction.sites.isEmpty && !extraction.targets.isEmpty
    do {
        let document = try ScenarioDocument.parse(yaml, file: "extracted.yaml", baseDirectory: folder)
        let resolved = try document.resolve(gazetteer: TestData.gazetteer, catalog: TestData.catalog)
        #expect(complete, "an incomplete scenario should not parse", sourceLocation: sourceLocation)
        return (yaml, resolved)
    } catch {
        if complete {
            Issue.record("the extracted scenario does not round-trip: \(error)\n\(yaml)", sourceLocation: sourceLocation)
        } else {
            // Only the empty lists may be wrong.
            let problems = error.issues.filter { !$0.message.contains("is empty; list at least one") }
            #expect(problems.isEmpty, "\(problems)\n\(yaml)", sourceLocation: sourceLocation)
        }
        return (yaml, nil)
    }
}
