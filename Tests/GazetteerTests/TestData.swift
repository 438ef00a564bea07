import Foundation
import Gazetteer
import GeoModel

/// Paths to the repository's bundled data, found from this file's location.
enum TestData {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // GazetteerTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let dataDirectory = repositoryRoot.appendingPathComponent("Gazetteer", isDirectory: true)
    static let places = dataDirectory.appendingPathComponent("places.csv")

    /// The whole bundled gazetteer (overrides, datasets, outlines), loaded
    /// once for every test that needs it.
    static let bundled: Result<Gazetteer, GazetteerError> = Result { () throws(GazetteerError) in
        try Gazetteer(dataDirectory: dataDirectory)
    }

    /// Writes `text` to a fresh temporary file and returns its URL.
    static func temporaryFile(_ text: String, name: String = "places.csv") throws -> URL {
        try temporaryFile(Data(text.utf8), name: name)
    }

    /// Writes `data` to a fresh temporary file and returns its URL.
    static func temporaryFile(_ data: Data, name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazetteer-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
    }

    /// Great-circle distance on a sphere of the mean Earth radius; good to
    /// about 0.5 %, ample for checking a point against a bound of kilometres.
    static func kilometresBetween(_ a: Coordinate, _ b: Coordinate) -> Double {
        let radians = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * radians
        let dLon = (b.longitude - a.longitude) * radians
        let h = sin(dLat / 2) * sin(dLat / 2)
            + cos(a.latitude * radians) * cos(b.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371.0088 * asin(min(1, h.squareRoot()))
    }

    static func distance(_ a: Coordinate, _ b: Coordinate) -> Distance {
        .kilometers(kilometresBetween(a, b))
    }
}
