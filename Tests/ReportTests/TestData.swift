import Foundation
import Gazetteer
import GeoModel
import ThreatModel

/// The repository's bundled data and scenarios, as `threatmap` reads them.
enum TestData {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ReportTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let dataDirectory = repositoryRoot.appendingPathComponent("Gazetteer")
    static let basemapURL = dataDirectory.appendingPathComponent("basemap/world.bin")

    /// The bundled gazetteer, loaded once for every test.
    static let gazetteer: Result<Gazetteer, GazetteerError> = Result { () throws(GazetteerError) in
        try Gazetteer(dataDirectory: dataDirectory)
    }

    static func catalog() throws -> MissileCatalog {
        try MissileCatalog(contentsOf: dataDirectory.appendingPathComponent("missiles"))
    }

    /// A bundled scenario (`Scenarios/<name>`), resolved against the bundled data.
    static func resolved(_ name: String) throws -> ResolvedScenario {
        let url = repositoryRoot.appendingPathComponent("Scenarios/\(name)")
        let text = try String(contentsOf: url, encoding: .utf8)
        let document = try ScenarioDocument.parse(text, file: "Scenarios/\(name)", baseDirectory: url.deletingLastPathComponent())
        return try document.resolve(gazetteer: gazetteer.get(), catalog: catalog())
    }

    static func point(_ name: String, _ coordinate: Coordinate) -> Place {
        Place(name: name, coordinate: coordinate, kind: .coordinate, country: "", source: "test")
    }
}
