import ArgumentParser
import Export
import Extraction
import Foundation
import GeoModel

extension ThreatMap {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn a news article into a scenario: sites, targets, systems and ranges.",
            discussion: """
            Reads English text (plain or simple HTML; UTF-8, UTF-16 with a BOM or \
            Windows-1252) and writes scenario YAML for 'threatmap map' (with --map \
            and no --output, to <output-dir>/<stem>.yaml): launch \
            sites and targets found through the gazetteer and cue words, weapon \
            systems through the catalog's aliases, stated ranges as overrides. \
            Every item carries the sentence it came from (evidence) and a \
            confidence from 0 to 1: check them before you publish. Regions \
            ("southern Iraq") are written as GeoJSON beside the scenario. A \
            short report goes to stderr.

            Examples:
              threatmap extract article.txt
              threatmap extract article.html --output scenario.yaml
              threatmap extract - --output /tmp/story.yaml --map --output-dir /tmp/maps < story.txt
            """
        )

        @OptionGroup var data: DataOptions

        @Argument(help: ArgumentHelp("The article: a text or HTML file, or '-' for stdin.", valueName: "file"))
        var input: String

        @Option(name: .shortAndLong, help: ArgumentHelp(
            "Write the scenario here (default: stdout); region GeoJSON files go beside it.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("File stem of the outputs the scenario asks for (default: from the title).", valueName: "stem"))
        var stem: String?

        @Flag(help: "Render the scenario at once, as 'threatmap map' does.")
        var map = false

        @Option(name: .customLong("output-dir"), help: ArgumentHelp("With --map: directory for the map outputs.", valueName: "dir"))
        var outputDirectory: String = "Output"

        @OptionGroup var verbosity: VerbosityOptions

        func validate() throws {
            try verbosity.validateVerbosity()
            if let stem, stem.isEmpty || stem.hasPrefix(".") || stem.contains("/") {
                throw ValidationError("--stem must be a plain file name such as iran-missiles")
            }
        }

        func run() throws {
            try reportingFailures {
                let bytes = try readInput()
                let (text, encoding) = TextDecoding.decode(bytes)
                guard text.contains(where: { !$0.isWhitespace }) else {
                    throw CLIFailure(.dataError, "\(inputName): the input is empty; give the text of an article")
                }
                if let nul = text.unicodeScalars.firstIndex(of: "\u{0}") {
                    let line = text.unicodeScalars[..<nul].filter { $0 == "\n" }.count + 1
                    throw CLIFailure(.dataError, "\(inputName):\(line): binary data (a NUL byte), not the text of an article")
                }
                if let output, output != "-" { try checkWritable(output) }
                let extractor = Extractor(gazetteer: try data.gazetteer(verbosity), catalog: try data.catalog())
                let extraction = extractor.extract(text: text, source: inputName)
                guard !(extraction.sites.isEmpty && extraction.targets.isEmpty) else {
                    throw CLIFailure(.dataError, "\(inputName): found no launch site and no target in the text, so there is no scenario to write; nothing was written")
                }
                let writer = ScenarioWriter()
                let chosenStem = stem ?? ScenarioWriter.stem(from: extraction.title)
                let yaml = writer.yaml(extraction, stem: chosenStem, input: inputName)

                // Where the scenario goes: --output; with --map and no --output,
                // beside the map outputs (the map needs a file); else stdout.
                var scenarioPath = output.flatMap { $0 == "-" ? nil : $0 }
                if map, scenarioPath == nil {
                    let directory = URL(fileURLWithPath: outputDirectory)
                    try AtomicFile.prepareDirectory(directory)
                    scenarioPath = directory.appendingPathComponent(chosenStem + ".yaml").path
                }
                // Regions first, beside the scenario that names them (the
                // current directory when the scenario goes to stdout).
                let folder = scenarioPath.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
                    ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                // The regions and the scenario that names them: all or none.
                var files = OutputFiles()
                var written = [String]()
                for file in writer.regionFiles(extraction) {
                    let url = folder.appendingPathComponent(file.fileName)
                    files.add(file.geojson, to: url)
                    written.append(scenarioPath == nil ? url.path : url.relativePath)
                }
                if let scenarioPath {
                    files.add(yaml, to: URL(fileURLWithPath: scenarioPath))
                    written.append(scenarioPath)
                }
                try files.commit()
                if scenarioPath == nil {
                    FileHandle.standardOutput.write(Data(yaml.utf8))
                }
                if !verbosity.quiet {
                    let report = ExtractionReport.text(extraction, encoding: encoding, written: written)
                    writeStandardError(report)
                }
                if map, let scenarioPath {
                    try renderMap(scenarioPath: scenarioPath, extraction: extraction)
                }
            }
        }

        private var inputName: String { input == "-" ? "<stdin>" : URL(fileURLWithPath: input).lastPathComponent }

        /// The input's bytes; at most 64 MiB.
        private func readInput() throws -> Data {
            let limit = 64 << 20
            if input == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                guard data.count <= limit else { throw CLIFailure(.dataError, "<stdin>: over 64 MiB; split the text") }
                return data
            }
            try InputFile.requireRegularFile(input)
            guard let data = FileManager.default.contents(atPath: input) else {
                throw CLIFailure(.noInput, "\(input): cannot read the file")
            }
            guard data.count <= limit else { throw CLIFailure(.dataError, "\(input): over 64 MiB; split the text") }
            return data
        }

        /// Renders through the `map` command itself, so that both draw alike.
        private func renderMap(scenarioPath: String, extraction: Extraction) throws {
            var missing = [String]()
            if extraction.systems.isEmpty { missing.append("no weapon system") }
            if extraction.sites.isEmpty { missing.append("no launch site") }
            if extraction.targets.isEmpty { missing.append("no target") }
            guard missing.isEmpty else {
                throw CLIFailure(.dataError, "cannot map \(scenarioPath): the text names \(missing.joined(separator: ", ")); add them to the scenario and run 'threatmap map'")
            }
            var arguments = [scenarioPath, "--output-dir", outputDirectory]
            if let directory = data.directory { arguments += ["--data", directory] }
            for file in data.extraGazetteers { arguments += ["--gazetteer", file] }
            let command = try MapCommand.parse(arguments)
            try command.run()
        }
    }
}
