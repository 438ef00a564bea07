import Foundation
import Gazetteer
import GeoModel

/// Paths to the repository's bundled data, found from this file's location.
enum TestData {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ThreatModelTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let places = repositoryRoot.appendingPathComponent("Gazetteer/places.csv")
    static let missiles = repositoryRoot.appendingPathComponent("Gazetteer/missiles")
    static let scenario = repositoryRoot.appendingPathComponent("Scenarios/iran-missiles-iraq-2018.yaml")

    /// Jurf al-Sakhar as the bundled gazetteer places it.
    static let jurfAlSakhar = Place(
        name: "Jurf al-Sakhar", coordinate: Coordinate(latitude: 32.86667, longitude: 44.21389),
        kind: .town, country: "IQ", source: "test"
    )

    static func point(_ name: String, _ coordinate: Coordinate) -> Place {
        Place(name: name, coordinate: coordinate, kind: .coordinate, country: "", source: "test")
    }

    /// Writes `text` to a fresh temporary file and returns its URL.
    static func temporaryFile(_ text: String, name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("threatmodel-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
    }
}
