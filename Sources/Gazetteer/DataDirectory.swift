import Foundation

/// Finds the bundled data directory (`Gazetteer/`, holding `places.csv`).
public enum DataDirectory {
    /// The directory, in the documented order: `explicit` (`--data`), the
    /// `THREATMAP_DATA` environment variable, `./Gazetteer`, then a
    /// `Gazetteer/` beside the executable or in any folder above it.
    /// - Throws: `DataDirectoryError` naming where it looked.
    public static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String = CommandLine.arguments[0]) throws(DataDirectoryError) -> URL {
        let fileManager = FileManager.default
        func holdsData(_ url: URL) -> Bool {
            fileManager.fileExists(atPath: url.appendingPathComponent("places.csv").path)
        }
        if let explicit {
            let url = URL(fileURLWithPath: explicit)
            guard holdsData(url) else { throw .missing("\(explicit): no places.csv in this directory") }
            return url
        }
        if let fromEnvironment = environment["THREATMAP_DATA"], !fromEnvironment.isEmpty {
            let url = URL(fileURLWithPath: fromEnvironment)
            guard holdsData(url) else { throw .missing("THREATMAP_DATA=\(fromEnvironment): no places.csv there") }
            return url
        }
        let local = URL(fileURLWithPath: fileManager.currentDirectoryPath).appendingPathComponent("Gazetteer")
        if holdsData(local) { return local }
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("Gazetteer")
            if holdsData(candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw .missing("cannot find the bundled data (Gazetteer/places.csv); pass --data DIR")
    }
}

/// The bundled data directory is not where it was looked for.
public enum DataDirectoryError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case missing(String)

    public var description: String {
        switch self {
        case let .missing(message): message
        }
    }

    public var errorDescription: String? { description }
}
