import Foundation
import Testing

/// `threatmap extract` run as a process, end to end.
@Suite struct ExtractCommandTests {
    static func passage(_ name: String) -> String {
        Repository.root.appendingPathComponent("Tests/ExtractionTests/Fixtures/passages/\(name)").path
    }

    @Test func writesScenarioToStdoutAndReportToStderr() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try threatmap("extract", [Self.passage("04-houthi-riyadh-jeddah.txt")], in: directory.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("name: \"Burkan-2H\""))
        #expect(result.stdout.contains("range: 900 km"))
        #expect(result.stdout.contains("place: \"Riyadh\""))
        #expect(result.stdout.contains("evidence: "))
        #expect(result.stderr.contains("launch sites (2)"))
        // Written "King Khalid", the gazetteer's "King Khaled": the report names what it became.
        #expect(result.stderr.contains("King Khaled International Airport 0."))
        #expect(directory.regularFiles().isEmpty, "nothing but stdout: \(directory.regularFiles())")
    }

    @Test func outputFileWithRegionsValidates() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try threatmap("extract", [Self.passage("01-iran-missiles-iraq-2018.txt"), "--output", "scenario/iran.yaml", "--quiet"], in: directory.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty, "\(result)")
        #expect(directory.regularFiles() == ["scenario/iran.yaml", "scenario/southern-iraq.geojson", "scenario/western-iraq.geojson"])
        let validation = try threatmap("validate", [directory.path("scenario/iran.yaml")], in: directory.url)
        expectSuccess(validation)
        let yaml = try String(contentsOfFile: directory.path("scenario/iran.yaml"), encoding: .utf8)
        #expect(yaml.contains("geojson: \"southern-iraq.geojson\""))
        #expect(yaml.contains("source: \"stated in the text: \\\"ranges of about 200 km to 700 km\\\"\""))
    }

    @Test func htmlInput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try threatmap("extract", [Self.passage("13-houthi-jeddah-aramco.html"), "--stem", "jeddah"], in: directory.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("title: \"Houthis hit Aramco depot in Jeddah - Reuters\""))
        #expect(result.stdout.contains("place: \"Jeddah\""))
        #expect(!result.stdout.contains("Tel Aviv"))
        #expect(result.stdout.contains("stem: jeddah"))
    }

    @Test func emptyInputIsBadData() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Data("  \n\n ".utf8).write(to: directory.url.appendingPathComponent("empty.txt"))
        let result = try threatmap("extract", ["empty.txt", "--output", "out.yaml"], in: directory.url)
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("the input is empty"))
        #expect(directory.regularFiles() == ["empty.txt"])
        // stdin with nothing on it.
        let stdin = try threatmap("extract", ["-"], in: directory.url)
        #expect(stdin.status == 65, "\(stdin)")
    }

    @Test func missingFileIsNoInput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try threatmap("extract", ["no-such-article.txt"], in: directory.url)
        #expect(result.status == 66, "\(result)")
        #expect(result.stderr.contains("no-such-article.txt: no such file"))
    }

    /// `--map` goes through the `map` command: the same outcome as running
    /// `threatmap map` on the scenario it wrote.
    @Test func mapRendersLikeTheMapCommand() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let extracted = try threatmap("extract", [Self.passage("09-western-iraq-positions.txt"), "--output", "s.yaml", "--map", "--output-dir", "viaExtract", "--quiet"], in: directory.url)
        let mapped = try threatmap("map", ["s.yaml", "--output-dir", "viaMap"], in: directory.url)
        expectSuccess(extracted)
        expectSuccess(mapped)
        let files = directory.regularFiles()
        let viaExtract = files.filter { $0.hasPrefix("viaExtract/") }.map { $0.dropFirst("viaExtract/".count) }
        let viaMap = files.filter { $0.hasPrefix("viaMap/") }.map { $0.dropFirst("viaMap/".count) }
        #expect(viaExtract == viaMap)
        #expect(viaExtract.contains { $0.hasSuffix(".svg") })
        #expect(viaExtract.contains { $0.hasSuffix(".md") })
        #expect(extracted.stdout.contains(mapped.stdout.components(separatedBy: "\n").first ?? "-"))
        for file in viaMap where !file.hasSuffix(".svg") {
            // The same scenario gives the same bytes either way.
            let a = try Data(contentsOf: directory.url.appendingPathComponent("viaExtract/\(file)"))
            let b = try Data(contentsOf: directory.url.appendingPathComponent("viaMap/\(file)"))
            #expect(a == b, "\(file) differs")
        }
    }

    /// A text naming no weapon system cannot be mapped: a clear error, no map files.
    @Test func mapWithoutSystemsIsBadData() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Rockets, but no system named (the passages all name one now: "107 mm rockets" is the catalog's 107mm rocket).
        try "Rockets struck the military base at Erbil International Airport on Monday, officials said.\n"
            .write(to: directory.url.appendingPathComponent("article.txt"), atomically: true, encoding: .utf8)
        let result = try threatmap("extract", ["article.txt", "--output", "s.yaml", "--map", "--output-dir", "out", "--quiet"], in: directory.url)
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("the text names no weapon system"))
        #expect(!directory.regularFiles().contains { $0.hasPrefix("out/") })
    }
}
