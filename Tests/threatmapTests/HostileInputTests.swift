import Foundation
import Testing

/// Inputs an attacker or a careless user gives, end to end through the
/// binary: each must fail with a clear message, a non-zero exit and nothing
/// written, or succeed without acting on what it should not.
@Suite("Hostile input")
struct HostileInputTests {
    /// Runs `threatmap` in a fresh directory after `prepare` has laid out files there.
    private func run(_ subcommand: String, _ arguments: [String],
                     prepare: (TemporaryDirectory) throws -> Void = { _ in }) throws -> (ProcessResult, TemporaryDirectory) {
        let scratch = try TemporaryDirectory()
        try prepare(scratch)
        let result = try threatmap(subcommand, arguments.map { $0.replacingOccurrences(of: "{tmp}", with: scratch.url.path) },
                                   in: scratch.url)
        return (result, scratch)
    }

    private func write(_ text: String, _ name: String, in scratch: TemporaryDirectory) throws {
        try Data(text.utf8).write(to: scratch.url.appendingPathComponent(name))
    }

    private func fifo(_ name: String, in scratch: TemporaryDirectory) {
        #expect(mkfifo(scratch.path(name), 0o600) == 0)
    }

    private func expectFailure(_ result: ProcessResult, status: Int32, mentions: [String],
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.exitedNormally, "killed by a signal: \(result)", sourceLocation: sourceLocation)
        #expect(result.status == status, "\(result)", sourceLocation: sourceLocation)
        for mention in mentions {
            #expect(result.stderr.contains(mention), "stderr does not mention \(mention): \(result.stderr)", sourceLocation: sourceLocation)
        }
        #expect(result.stdout.isEmpty, "stdout of a failed run: \(result.stdout)", sourceLocation: sourceLocation)
    }

    // MARK: Numbers that silently meant something else

    @Test(arguments: [("33,445", "445"), ("0,540", "540"), ("33.3N 190E", "190")])
    func longitudesBeyondTheAntimeridianAreRefused(_ literal: String, _ shown: String) throws {
        let (result, scratch) = try run("reach", ["--from", "Baghdad", "--range", "700km", "--to", literal])
        defer { scratch.remove() }
        expectFailure(result, status: 64, mentions: ["longitude \(shown)", "[-180, 180]"])
    }

    @Test(arguments: ["1.000,5km", "2,000km"])
    func distancesWithCommasAreRefusedWithTheAcceptedForms(_ text: String) throws {
        let (result, scratch) = try run("rings", ["--from", "Baghdad", "--range", text, "--output", "{tmp}/out.geojson"])
        defer { scratch.remove() }
        expectFailure(result, status: 64, mentions: [text, "2000km, 1000.5 km or 435 mi"])
        #expect(scratch.regularFiles().isEmpty)
    }

    @Test(arguments: [
        ("1e308", "700", "700", "Zolfaghar", "range is not a finite distance"),
        ("30000", "700", "30000", "Zolfaghar", "longer than any distance on Earth"),
        ("700", "900", "600", "Zolfaghar", "ordered range_low ≤ range ≤ range_high"),
        ("0", "700", "700", "Zolfaghar", "range must be greater than zero"),
    ])
    func missileFilesWithImpossibleRangesAreRefused(_ nominal: String, _ low: String, _ high: String,
                                                    _ mention: String, _ reason: String) throws {
        let file = "name,aliases,class,min_range_km,range_km,range_low_km,range_high_km,source\n"
            + "Zolfaghar,,srbm,0,\(nominal),\(low),\(high),test\n"
        let (result, scratch) = try run("reach", ["--from", "Baghdad", "--missile-file", "{tmp}/m.csv", "--missile", "Zolfaghar", "--to", "Riyadh"]) {
            try write(file, "m.csv", in: $0)
        }
        defer { scratch.remove() }
        expectFailure(result, status: 65, mentions: ["m.csv", reason])
        #expect(!result.stderr.contains("inf"))
    }

    // MARK: Files that are not files

    @Test func aFIFOAsTargetFileIsRefusedAtOnce() throws {
        let (result, scratch) = try run("reach", ["--from", "Baghdad", "--range", "700km", "--to", "{tmp}/targets.csv"]) {
            fifo("targets.csv", in: $0)
        }
        defer { scratch.remove() }
        expectFailure(result, status: 66, mentions: ["targets.csv", "FIFO (named pipe), not a regular file"])
    }

    @Test func aFIFOAsGazetteerIsRefusedAtOnce() throws {
        let (result, scratch) = try run("resolve", ["--gazetteer", "{tmp}/places.csv", "Baghdad"]) {
            fifo("places.csv", in: $0)
        }
        defer { scratch.remove() }
        expectFailure(result, status: 66, mentions: ["places.csv", "FIFO (named pipe)"])
    }

    @Test func aDeviceAsGazetteerIsRefusedAsADevice() throws {
        let (result, scratch) = try run("resolve", ["--gazetteer", "/dev/zero", "Baghdad"])
        defer { scratch.remove() }
        expectFailure(result, status: 66, mentions: ["/dev/zero is a character device"])
        #expect(!result.stderr.contains("permission"))
    }

    @Test func aFIFOAsScenarioIsRefusedAtOnce() throws {
        let (result, scratch) = try run("map", ["{tmp}/story.yaml", "--output-dir", "{tmp}/out"]) {
            fifo("story.yaml", in: $0)
        }
        defer { scratch.remove() }
        expectFailure(result, status: 66, mentions: ["story.yaml", "FIFO"])
    }

    @Test func aDirectoryAsTargetFileIsNamedAsADirectory() throws {
        let (result, scratch) = try run("reach", ["--from", "Baghdad", "--range", "700km", "--to", "{tmp}/t.csv"]) {
            try FileManager.default.createDirectory(at: $0.url.appendingPathComponent("t.csv"), withIntermediateDirectories: false)
        }
        defer { scratch.remove() }
        expectFailure(result, status: 66, mentions: ["t.csv is a directory"])
    }

    // MARK: Scenario file references

    private static func scenario(targetFile: String) -> String {
        """
        title: Reference test
        systems: [Fateh-110]
        sites: [Baghdad]
        targets:
          - file: \(targetFile)
        outputs: {stem: reference-test}
        """
    }

    @Test(arguments: ["/etc/passwd", "../outside.csv"])
    func scenarioFilesOutsideTheScenarioFolderAreRefused(_ reference: String) throws {
        let (result, scratch) = try run("validate", ["{tmp}/inner/s.yaml"]) { scratch in
            try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("inner"), withIntermediateDirectories: false)
            try write("name,lat,lon\nSecret,1,2\n", "outside.csv", in: scratch)
            try write(Self.scenario(targetFile: reference), "inner/s.yaml", in: scratch)
        }
        defer { scratch.remove() }
        expectFailure(result, status: 65, mentions: ["s.yaml:5:", "outside the scenario's folder"])
        #expect(!result.stderr.contains("root:"), "file content echoed: \(result.stderr)")
        #expect(!result.stderr.contains("Secret"), "file content echoed: \(result.stderr)")
    }

    @Test func aSymbolicLinkOutOfTheFolderIsRefusedToo() throws {
        let (result, scratch) = try run("validate", ["{tmp}/inner/s.yaml"]) { scratch in
            try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("inner"), withIntermediateDirectories: false)
            try write("name,lat,lon\nSecret,1,2\n", "outside.csv", in: scratch)
            try FileManager.default.createSymbolicLink(atPath: scratch.path("inner/link.csv"), withDestinationPath: scratch.path("outside.csv"))
            try write(Self.scenario(targetFile: "link.csv"), "inner/s.yaml", in: scratch)
        }
        defer { scratch.remove() }
        expectFailure(result, status: 65, mentions: ["outside the scenario's folder"])
    }

    @Test func filesOutsideTheFolderAreReadWhenAllowed() throws {
        let (result, scratch) = try run("validate", ["--allow-outside-files", "{tmp}/inner/s.yaml"]) { scratch in
            try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("inner"), withIntermediateDirectories: false)
            try write("name,lat,lon\nBasra,30.5,47.8\n", "outside.csv", in: scratch)
            try write(Self.scenario(targetFile: "../outside.csv"), "inner/s.yaml", in: scratch)
        }
        defer { scratch.remove() }
        expectSuccess(result)
    }

    @Test func aFIFONamedByAScenarioIsRefused() throws {
        let (result, scratch) = try run("validate", ["{tmp}/s.yaml"]) { scratch in
            fifo("t.csv", in: scratch)
            try write(Self.scenario(targetFile: "t.csv"), "s.yaml", in: scratch)
        }
        defer { scratch.remove() }
        expectFailure(result, status: 65, mentions: ["s.yaml:5:", "FIFO"])
    }

    // MARK: Text that acts where it lands

    @Test func controlCharactersInAnArgumentAreEchoedEscaped() throws {
        let (result, scratch) = try run("reach", ["--from", "Bagh\u{1B}]0;owned\u{07}dad", "--range", "700km", "--to", "Riyadh"])
        defer { scratch.remove() }
        #expect(result.status != 0)
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"), "raw control characters: \(result.stderr)")
        #expect(result.stderr.contains("\\x1B]0;owned\\x07"), "\(result.stderr)")
    }

    @Test func controlCharactersInAnUnparsableArgumentAreEchoedEscaped() throws {
        let (result, scratch) = try run("rings", ["--from", "Baghdad", "--range", "7\u{1B}[2J00km"])
        defer { scratch.remove() }
        #expect(result.status == 64)
        #expect(!result.stderr.contains("\u{1B}"), "raw escape: \(result.stderr)")
        #expect(result.stderr.contains("\\x1B[2J"), "\(result.stderr)")
    }

    @Test func targetNamesAreInertInCSVAndOnTheTerminal() throws {
        let targets = """
        name,lat,lon
        "=HYPERLINK(""http://x.invalid"",""click"")",30.5,47.8
        +SUM(1;2),30.6,47.8
        -2+3+cmd|' /C calc'!A0,30.7,47.8
        @cmd,30.8,47.8
        "Basra\u{1B}[31m",30.9,47.8
        """
        let (csv, scratch) = try run("reach", ["--from", "Baghdad", "--range", "700km", "--to", "{tmp}/t.csv", "--format", "csv"]) {
            try write(targets, "t.csv", in: $0)
        }
        defer { scratch.remove() }
        expectSuccess(csv)
        let rows = try parseCSV(csv.stdout)
        let column = try #require(rows.first?.firstIndex(of: "target"))
        let names = rows.dropFirst().map { $0[column] }
        #expect(names.contains("'=HYPERLINK(\"http://x.invalid\",\"click\")"), "\(names)")
        #expect(names.contains("'+SUM(1;2)") && names.contains("'-2+3+cmd|' /C calc'!A0") && names.contains("'@cmd"), "\(names)")
        #expect(names.contains("Basra\\x1B[31m"), "\(names)")
        #expect(!csv.stdout.contains("\u{1B}"))

        let table = try threatmap("reach", ["--from", "Baghdad", "--range", "700km", "--to", scratch.path("t.csv")], in: scratch.url)
        expectSuccess(table)
        #expect(!table.stdout.contains("\u{1B}") && table.stdout.contains("Basra\\x1B[31m"), "\(table.stdout)")
    }

    /// A scenario whose title and target names carry escape sequences and a
    /// formula: the printed table, the CSV and the brief show them inert.
    @Test func mapOutputsShowControlCharactersEscapedAndFormulasNeutralised() throws {
        let scenario = """
        title: "Escapes \\e[2J here"
        systems: [Fateh-110]
        sites: [Baghdad]
        targets:
          - file: t.csv
        outputs: {stem: escapes}
        """
        let targets = "name,lat,lon\n\"Basra\u{1B}[31m\",33.0,44.0\n\"=HYPERLINK(\"\"http://x.invalid\"\")\",31.0,46.0\n"
        let (result, scratch) = try run("map", ["{tmp}/s.yaml", "--output-dir", "{tmp}/out"]) { scratch in
            try write(scenario, "s.yaml", in: scratch)
            try write(targets, "t.csv", in: scratch)
        }
        defer { scratch.remove() }
        expectSuccess(result)
        #expect(!result.stdout.contains("\u{1B}") && result.stdout.contains("Escapes \\x1B[2J here"), "\(result.stdout)")
        let csv = try String(contentsOfFile: scratch.path("out/escapes.csv"), encoding: .utf8)
        let brief = try String(contentsOfFile: scratch.path("out/escapes.md"), encoding: .utf8)
        for (name, text) in [("csv", csv), ("brief", brief)] {
            #expect(!text.contains("\u{1B}"), "raw ESC in the \(name): \(text)")
            #expect(text.contains("x1B"), "no escaped ESC in the \(name): \(text)")
        }
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x.invalid\"\")\""), "\(csv)")
    }

    // MARK: Extraction that finds nothing

    @Test func extractWritesNothingWhenTheTextNamesNoSiteAndNoTarget() throws {
        let (result, scratch) = try run("extract", ["{tmp}/a.txt", "--output", "{tmp}/s.yaml"]) {
            try write("The weather in the capital was mild and dry all week.\n", "a.txt", in: $0)
        }
        defer { scratch.remove() }
        expectFailure(result, status: 65, mentions: ["a.txt", "no launch site and no target", "nothing was written"])
        #expect(scratch.regularFiles() == ["a.txt"])
    }
}
