import ArgumentParser
import Foundation
import Gazetteer
import ThreatModel

/// Where the bundled data (`Gazetteer/`) lives, shared by every subcommand.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp(
        "Directory holding places.csv and missiles.csv (default: $THREATMAP_DATA, ./Gazetteer, or the one beside the executable).",
        valueName: "dir"
    ))
    var directory: String?

    /// The data directory, found in the documented order.
    func dataDirectory() throws -> URL {
        let fileManager = FileManager.default
        func holdsData(_ url: URL) -> Bool {
            fileManager.fileExists(atPath: url.appendingPathComponent("places.csv").path)
        }
        if let directory {
            let url = URL(fileURLWithPath: directory)
            guard holdsData(url) else { throw CLIFailure(.noInput, "\(directory): no places.csv in this directory") }
            return url
        }
        if let fromEnvironment = ProcessInfo.processInfo.environment["THREATMAP_DATA"], !fromEnvironment.isEmpty {
            let url = URL(fileURLWithPath: fromEnvironment)
            guard holdsData(url) else { throw CLIFailure(.noInput, "THREATMAP_DATA=\(fromEnvironment): no places.csv there") }
            return url
        }
        let local = URL(fileURLWithPath: fileManager.currentDirectoryPath).appendingPathComponent("Gazetteer")
        if holdsData(local) { return local }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("Gazetteer")
            if holdsData(candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw CLIFailure(.noInput, "cannot find the bundled data (Gazetteer/places.csv); pass --data DIR")
    }

    func gazetteer() throws -> Gazetteer {
        try Gazetteer(contentsOf: dataDirectory().appendingPathComponent("places.csv"))
    }

    func catalog() throws -> MissileCatalog {
        try MissileCatalog(contentsOf: dataDirectory().appendingPathComponent("missiles.csv"))
    }
}
