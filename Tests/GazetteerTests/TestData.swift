import Foundation

/// Paths to the repository's bundled data, found from this file's location.
enum TestData {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // GazetteerTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let places = repositoryRoot.appendingPathComponent("Gazetteer/places.csv")

    /// Writes `text` to a fresh temporary file and returns its URL.
    static func temporaryFile(_ text: String, name: String = "places.csv") throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazetteer-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
    }
}
