import ArgumentParser
import Foundation
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
                    let (problems, notices) = ScenarioDocument.check(text, file: file, baseDirectory: base,
                                                                     gazetteer: gazetteer, catalog: catalog)
                    for notice in notices { verbosity.warn(notice.description) }
                    if problems.isEmpty {
                        if !verbosity.quiet { print("ok \(path)") }
                    } else {
                        failures += 1
                        FileHandle.standardError.write(Data((problems.map(\.description).joined(separator: "\n") + "\n").utf8))
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
            guard FileManager.default.fileExists(atPath: path) else {
                throw CLIFailure(.noInput, "\(path): no such scenario file")
            }
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

    /// A parsed scenario from a path or `-`.
    static func load(_ path: String) throws -> ScenarioDocument {
        let (text, file, base) = try read(path)
        return try ScenarioDocument.parse(text, file: file, baseDirectory: base)
    }
}
