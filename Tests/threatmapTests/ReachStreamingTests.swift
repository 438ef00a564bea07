import Foundation
import Testing

/// `name,lat,lon` rows on a spiral around Baghdad, 0 to about 2,000 km out.
private func targetFile(_ count: Int, in directory: TemporaryDirectory, name: String = "targets.csv", badRowAt: Int? = nil) throws -> String {
    var text = "name,lat,lon\n"
    text.reserveCapacity(count * 32)
    for index in 0..<count {
        if index == badRowAt {
            text += "broken,north,44\n"
            continue
        }
        let angle = Double(index) * 0.61803, radius = Double(index % 1_000) * 0.018
        let latitude = 33.3 + radius * sin(angle), longitude = 44.4 + radius * cos(angle)
        text += "t\(index),\((latitude * 1e5).rounded() / 1e5),\((longitude * 1e5).rounded() / 1e5)\n"
    }
    let path = directory.path(name)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Suite("reach, streamed")
struct ReachStreamingTests {
    @Test("CSV and JSON written as decided equal the whole-table path byte for byte")
    func streamedEqualsWhole() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let targets = try targetFile(3_000, in: scratch)
        for format in ["csv", "json"] {
            let common = ["--from", "32.87,44.15", "--missile", "Zolfaghar", "--missile", "Fateh-110", "--to", "Riyadh",
                          "--to", targets, "--to", "33.3,44.4", "--format", format]
            let streamed = try threatmap("reach", common, in: scratch.url)
            // One site: sorting by site keeps the input order, but needs every row first.
            let whole = try threatmap("reach", common + ["--sort", "site"], in: scratch.url)
            expectSuccess(streamed)
            expectSuccess(whole)
            #expect(streamed.stdout == whole.stdout, "\(format) differs")
            #expect(streamed.stdout.split(separator: "\n").count > 6_000)
        }
    }

    @Test("--output: the file is written whole, nothing else is left beside it")
    func streamedToAFile() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let targets = try targetFile(500, in: scratch)
        let arguments = ["--from", "32.87,44.15", "--range", "700km", "--to", targets, "--format", "csv"]
        let toStdout = try threatmap("reach", arguments, in: scratch.url)
        expectSuccess(toStdout)
        let toFile = try threatmap("reach", arguments + ["--output", "out/reach.csv"], in: scratch.url)
        expectSuccess(toFile)
        #expect(toFile.stdout.isEmpty)
        #expect(try String(contentsOfFile: scratch.path("out/reach.csv"), encoding: .utf8) == toStdout.stdout)
        #expect(scratch.regularFiles() == ["out/reach.csv", "targets.csv"])
    }

    @Test("a bad row deep in the file fails the run before any row is written")
    func badRowBeforeOutput() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let targets = try targetFile(20_000, in: scratch, badRowAt: 19_000)
        for output in [[], ["--output", "reach.csv"]] {
            let result = try threatmap("reach", ["--from", "32.87,44.15", "--range", "700km", "--to", targets, "--format", "csv"] + output,
                                       in: scratch.url)
            #expect(result.status == 65, "\(result)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("targets.csv:19002: latitude 'north' is not a number"), "\(result.stderr)")
            #expect(scratch.regularFiles() == ["targets.csv"])
        }
    }

    @Test("JSON with every row filtered out is an empty array")
    func emptyJSON() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let targets = try targetFile(100, in: scratch)
        let result = try threatmap("reach", ["--from", "-33.92,18.42", "--range", "10km", "--to", targets, "--only-in-range", "--format", "json"],
                                   in: scratch.url)
        expectSuccess(result)
        #expect(result.stdout == "[]\n")
    }

    @Test("a table too long to hold streams with its columns aligned")
    func longTableStaysAligned() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let targets = try targetFile(70_000, in: scratch)
        let result = try threatmap("reach", ["--from", "32.87,44.15", "--range", "700km", "--to", targets], in: scratch.url)
        expectSuccess(result)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(lines.count == 70_002)
        let header = Array(lines[0])
        // Right-aligned numeric columns end where their header ends.
        for column in ["distance_km", "bearing_deg", "margin_km"] {
            let end = try #require(String(header).range(of: column)).upperBound.utf16Offset(in: String(header))
            for line in lines.dropFirst(2) {
                let characters = Array(line)
                #expect(characters[end - 1].isNumber && characters[end] == " ", "\(column): \(line)")
            }
        }
    }

    @Test("a sorted job beyond the in-memory limit is refused before any work, with what to do instead")
    func sortedJobBeyondTheLimit() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let targets = try targetFile(100_001, in: scratch)
        let sites = (0..<20).flatMap { ["--from", "\(30 + Double($0) * 0.1),44"] }
        let result = try threatmap("reach", sites + ["--range", "300km", "--to", targets, "--sort", "distance", "--output", "reach.csv"],
                                   in: scratch.url)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("2000020 rows with --sort distance must all be held in memory"), "\(result.stderr)")
        #expect(result.stderr.contains("--sort input"))
        #expect(scratch.regularFiles() == ["targets.csv"])
    }
}

@Suite("coordinates without a gazetteer")
struct CoordinateOnlyRunTests {
    @Test("rings and reach given only coordinates run with a data directory that holds no gazetteer")
    func noGazetteerNeeded() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let empty = scratch.url.appendingPathComponent("empty", isDirectory: true)
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
        let targets = try targetFile(50, in: scratch)

        let rings = try threatmap("rings", ["--from", "32.87,44.15", "--from", "33.92S 18.42E", "--range", "300km", "--union"],
                                  in: scratch.url, data: empty.path)
        expectSuccess(rings)
        let document = try #require(try parseJSON(rings.stdout) as? [String: Any])
        #expect((document["features"] as? [Any])?.count == 1)

        let reach = try threatmap("reach", ["--from", "32.87,44.15", "--range", "700km", "--to", targets, "--to", "24.7,46.7",
                                            "--format", "csv"], in: scratch.url, data: empty.path)
        expectSuccess(reach)
        #expect(reach.stdout.split(separator: "\n").count == 52)

        // A name needs the gazetteer, and says where it looked.
        let named = try threatmap("reach", ["--from", "32.87,44.15", "--range", "700km", "--to", "Riyadh"], in: scratch.url, data: empty.path)
        #expect(named.status == 66, "\(named)")
        #expect(named.stderr.contains("no places.csv"), "\(named.stderr)")
    }

    @Test("--verbose reports a gazetteer load only when a name needs one")
    func verboseNotes() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let coordinates = try threatmap("rings", ["--from", "32.87,44.15", "--range", "300km", "--verbose"], in: scratch.url)
        #expect(coordinates.status == 0, "\(coordinates)")
        #expect(!coordinates.stderr.contains("loaded"), "\(coordinates.stderr)")
        let named = try threatmap("rings", ["--from", "Baghdad", "--range", "300km", "--verbose"], in: scratch.url)
        #expect(named.status == 0, "\(named)")
        #expect(named.stderr.contains("loaded"), "\(named.stderr)")
    }
}
