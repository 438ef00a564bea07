import Foundation
import GeoModel

/// The text of a scenario file, or of standard input for `-`.
public enum ScenarioText {
    /// Largest scenario accepted, bytes.
    public static let maximumBytes = 16 << 20

    /// The text, the name to report it by (`<stdin>` for `-`), and the
    /// folder its relative paths start from (the current one for stdin).
    /// - Throws: `InputFileError` for a path that is not a regular file,
    ///   `ThreatModelError.file` when it cannot be read, `.malformed` when
    ///   it is over 16 MiB or not UTF-8.
    public static func read(_ path: String) throws -> (text: String, file: String, base: URL) {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            try InputFile.requireRegularFile(path)
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw ThreatModelError.file("\(path): cannot read the scenario file")
            }
            data = contents
        }
        guard data.count <= maximumBytes else { throw ThreatModelError.malformed("\(path): a scenario over 16 MiB is not a scenario") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThreatModelError.malformed("\(path): the scenario is not UTF-8 text")
        }
        let base = path == "-" ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            : URL(fileURLWithPath: path).deletingLastPathComponent()
        return (text, path == "-" ? "<stdin>" : path, base)
    }
}
