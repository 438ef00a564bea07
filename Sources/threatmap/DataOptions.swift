import ArgumentParser
import Foundation
import Gazetteer
import GeoModel
import ThreatModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the bundled data (`Gazetteer/`) lives and which extra gazetteer
/// files to load, shared by every subcommand.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp(
        "Directory holding places.csv and the missiles/ catalog (default: $THREATMAP_DATA, ./Gazetteer, or the one beside the executable).",
        valueName: "dir"
    ))
    var directory: String?

    @Option(name: .customLong("gazetteer"), parsing: .singleValue, help: ArgumentHelp(
        "Extra places: a GeoNames dump (cities500.txt, allCountries.txt), a CSV of name,latitude,longitude[,kind,country,aliases], or GeoJSON. Repeatable; its names win over bundled ones.",
        valueName: "file"
    ))
    var extraGazetteers: [String] = []

    /// The data directory, found in the documented order.
    func dataDirectory() throws -> URL {
        try DataDirectory.locate(explicit: directory)
    }

    /// The bundled gazetteer (overrides, datasets, outlines) plus the
    /// `--gazetteer` files. Skipped rows are reported on stderr as warnings;
    /// large files show a progress bar when stderr is a terminal. With
    /// `--quiet`, neither; with `--verbose`, the load time and place count.
    func gazetteer(_ verbosity: VerbosityOptions = VerbosityOptions()) throws -> Gazetteer {
        let directory = try dataDirectory()
        for file in extraGazetteers { try InputFile.requireRegularFile(file) }
        let clock = ContinuousClock(), started = clock.now
        let progress: LoadProgress? = isatty(STDERR_FILENO) == 1 && !verbosity.quiet ? ProgressBar.draw : nil
        let gazetteer = try Gazetteer(
            dataDirectory: directory,
            extraFiles: extraGazetteers.map { URL(fileURLWithPath: $0) },
            progress: progress
        )
        if progress != nil, !extraGazetteers.isEmpty { ProgressBar.finish() }
        for warning in gazetteer.warnings where !verbosity.quiet {
            writeStandardError("threatmap: warning: \(warning)\n")
        }
        verbosity.note("loaded \(gazetteer.count) places from \(directory.path)"
                       + extraGazetteers.map { " and \($0)" }.joined() + " in \(VerbosityOptions.seconds(clock.now - started))")
        return gazetteer
    }

    /// The gazetteer, loaded when a place name first needs it.
    func placeResolver(_ verbosity: VerbosityOptions = VerbosityOptions()) -> PlaceResolver {
        PlaceResolver(load: { try gazetteer(verbosity) }, warn: verbosity.warn)
    }

    func catalog() throws -> MissileCatalog {
        try MissileCatalogFile.bundled(in: dataDirectory())
    }
}

/// A one-line progress bar on stderr for large gazetteer files.
enum ProgressBar {
    /// Files smaller than this load too fast to need a bar.
    static let threshold: Int64 = 32 << 20

    @Sendable static func draw(file: String, bytesRead: Int64, totalBytes: Int64) {
        guard totalBytes >= threshold else { return }
        let fraction = min(1, Double(bytesRead) / Double(totalBytes))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let name = URL(fileURLWithPath: file).lastPathComponent.visibleControlCharacters
        let line = String(format: "\r%@ [%@] %3.0f%% %.0f/%.0f MB", name, bar, fraction * 100,
                          Double(bytesRead) / 1_048_576, Double(totalBytes) / 1_048_576)
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the bar's line.
    static func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
