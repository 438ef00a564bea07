import ArgumentParser
import Export
import Extraction
import Foundation
import Gazetteer
import Report
import ThreatModel

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
        @Argument(help: ArgumentHelp("The article: a text or HTML file, or '-' for stdin.", valueName: "file")) var input: String
        @Option(name: .shortAndLong, help: ArgumentHelp("Write the scenario here (default: stdout); region GeoJSON files go beside it.", valueName: "file"))
        var output: String?
        @Option(help: ArgumentHelp("File stem of the outputs the scenario asks for (default: from the title).", valueName: "stem")) var stem: String?
        @Flag(help: "Render the scenario at once, as 'threatmap map' does.") var map = false
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
                let article = try ArticleInput.read(input)
                try AtomicFile.prepareDirectory(forFile: output)
                let gazetteer = try data.gazetteer(verbosity), catalog = try data.catalog()
                let extraction = Extractor(gazetteer: gazetteer, catalog: catalog).extract(text: article.text, source: article.name)
                guard !(extraction.sites.isEmpty && extraction.targets.isEmpty) else {
                    throw CLIFailure(.dataError, "\(article.name): found no launch site and no target in the text, so there is no scenario to write; nothing was written")
                }
                let scenarioPath = try ExtractionOutput.scenarioPath(output: output, mapDirectory: map ? URL(fileURLWithPath: outputDirectory) : nil,
                                                                     extraction: extraction, stem: stem)
                let written = try ExtractionOutput(writing: extraction, stem: stem, input: article.name, scenarioPath: scenarioPath)
                if scenarioPath == nil { FileHandle.standardOutput.write(Data(written.yaml.utf8)) }
                if !verbosity.quiet {
                    writeStandardError(ExtractionReport.text(extraction, encoding: article.encoding, written: written.written))
                }
                if map {
                    let (notices, renderings) = try written.renderMap(
                        of: extraction, into: URL(fileURLWithPath: outputDirectory), gazetteer: gazetteer, catalog: catalog,
                        basemap: { try MapOptions.loadBasemap(file: nil, dataDirectory: data.dataDirectory) })
                    // The map part prints as `threatmap map` does, whatever --quiet says of the extraction report.
                    for notice in notices { writeStandardError("threatmap: warning: \(notice.description)\n") }
                    MapCommand.print(renderings, quiet: false, open: false)
                }
            }
        }
    }
}
