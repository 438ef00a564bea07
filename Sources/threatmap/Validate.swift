import ArgumentParser
import Foundation
import GeoModel
import ThreatModel

extension ThreatMap {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check scenario files without rendering them.",
            discussion: """
            Reports every problem in each file as file:line:column: message \
            (bad YAML, unknown keys, wrong types, unknown places or systems with \
            close matches, impossible ranges, duplicate names, targets or sites \
            written differently that are one place, missing files). Names that \
            met their place by an alias, a loose spelling or a code are \
            warnings (not with --quiet).

            Examples:
              threatmap validate Scenarios/iran-missiles-iraq-2018.yaml
              threatmap validate Scenarios/*.yaml
            """
        )

        @OptionGroup var data: DataOptions

        @Argument(help: ArgumentHelp("Scenario YAML files ('-' for stdin).", valueName: "scenario"))
        var scenarios: [String]

        @OptionGroup var files: ScenarioFileOptions
        @OptionGroup var verbosity: VerbosityOptions

        func validate() throws {
            try verbosity.validateVerbosity()
            guard !scenarios.isEmpty else { throw ValidationError("give at least one scenario file") }
        }

        func run() throws {
            try reportingFailures {
                let gazetteer = try data.gazetteer(verbosity)
                let catalog = try data.catalog()
                var failures = 0
                for path in scenarios {
                    let (text, file, base) = try ScenarioInput.read(path)
                    let (problems, notices) = ScenarioDocument.check(text, file: file, baseDirectory: base, fileAccess: files.access,
                                                                     gazetteer: gazetteer, catalog: catalog)
                    for notice in notices { verbosity.warn(notice.description) }
                    if problems.isEmpty {
                        if !verbosity.quiet { print("ok \(path.visibleControlCharacters)") }
                    } else {
                        failures += 1
                        writeStandardError(problems.map(\.description).joined(separator: "\n") + "\n")
                    }
                }
                if failures > 0 {
                    throw CLIFailure(.dataError, "\(failures) of \(scenarios.count) scenario files have problems (listed above)")
                }
            }
        }
    }
}

/// Reads a scenario from a path or `-` (stdin).
enum ScenarioInput {
    /// The text, the name to report it by, and the folder relative paths start from.
    static func read(_ path: String) throws -> (text: String, file: String, base: URL) {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            try InputFile.requireRegularFile(path)
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CLIFailure(.noInput, "\(path): cannot read the scenario file")
            }
            data = contents
        }
        guard data.count <= 16 << 20 else { throw CLIFailure(.dataError, "\(path): a scenario over 16 MiB is not a scenario") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIFailure(.dataError, "\(path): the scenario is not UTF-8 text")
        }
        let base = path == "-" ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            : URL(fileURLWithPath: path).deletingLastPathComponent()
        return (text, path == "-" ? "<stdin>" : path, base)
    }
}

/// `--allow-outside-files`: lets a scenario's `file:` and `geojson:` entries
/// name files outside the scenario's folder.
struct ScenarioFileOptions: ParsableArguments {
    @Flag(name: .customLong("allow-outside-files"), help: ArgumentHelp(
        "Let a scenario's file: and geojson: entries name files outside its folder (by default only files inside it are read)."))
    var allowOutsideFiles = false

    var access: ScenarioFileAccess { allowOutsideFiles ? .anywhere : .insideFolder }
}
