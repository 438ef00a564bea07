import ArgumentParser
import Foundation
import GeoModel
import Report
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
        @Argument(help: ArgumentHelp("Scenario YAML files ('-' for stdin).", valueName: "scenario")) var scenarios: [String]
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
                    let (problems, notices) = try ScenarioBatch.check(path, gazetteer: gazetteer, catalog: catalog, fileAccess: files.access)
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

/// `--allow-outside-files`: lets a scenario's `file:` and `geojson:` entries
/// name files outside the scenario's folder.
struct ScenarioFileOptions: ParsableArguments {
    @Flag(name: .customLong("allow-outside-files"), help: ArgumentHelp(
        "Let a scenario's file: and geojson: entries name files outside its folder (by default only files inside it are read)."))
    var allowOutsideFiles = false

    var access: ScenarioFileAccess { allowOutsideFiles ? .anywhere : .insideFolder }
}
