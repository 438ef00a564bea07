import Foundation
import Gazetteer
import GeoModel

/// The gazetteer as a command loads it: bundled data plus the user's files.
public enum GazetteerLoading {
    /// Loads the gazetteer in `directory` (overrides, datasets, outlines)
    /// plus `extraFiles`, each checked first to be a regular file.
    /// - Parameter progressBar: draw a bar on stderr while large extra files load.
    /// - Returns: the gazetteer and the time the load took.
    /// - Throws: `InputFileError` for an extra path that is not a regular
    ///   file, `GazetteerError` for unreadable or malformed data.
    public static func load(_ directory: URL, extraFiles: [String], progressBar: Bool) throws -> (gazetteer: Gazetteer, elapsed: Duration) {
        for file in extraFiles { try InputFile.requireRegularFile(file) }
        let clock = ContinuousClock(), started = clock.now
        let gazetteer = try Gazetteer(dataDirectory: directory, extraFiles: extraFiles.map { URL(fileURLWithPath: $0) },
                                      progress: progressBar ? ProgressBar.draw : nil)
        if progressBar, !extraFiles.isEmpty { ProgressBar.finish() }
        return (gazetteer, clock.now - started)
    }
}
