import Foundation
import Testing

/// What a run does to the files already in its output folder, end to end:
/// permissions kept, read-only files refused, all outputs or none, nothing
/// left behind when a write fails part way.
@Suite("Output safety")
struct OutputSafetyTests {
    private static let scenario = """
    title: Output safety
    systems: [Fateh-110]
    sites: [Baghdad]
    targets: [Basra]
    outputs: {stem: safety}
    """

    private func prepare() throws -> TemporaryDirectory {
        let scratch = try TemporaryDirectory()
        try Data(Self.scenario.utf8).write(to: scratch.url.appendingPathComponent("s.yaml"))
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("out"), withIntermediateDirectories: false)
        return scratch
    }

    private func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func aReplacedOutputKeepsItsPermissions() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let output = scratch.path("ring.geojson")
        try Data("old".utf8).write(to: URL(fileURLWithPath: output))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: output)
        let result = try threatmap("rings", ["--from", "Baghdad", "--range", "300km", "--output", output], in: scratch.url)
        expectSuccess(result)
        #expect(try mode(output) == 0o600)
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("{"))
    }

    @Test func aReadOnlyOutputIsRefusedWith73() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let output = scratch.path("ring.geojson")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: output))
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: output)
        let result = try threatmap("rings", ["--from", "Baghdad", "--range", "300km", "--output", output], in: scratch.url)
        #expect(result.status == 73, "\(result)")
        #expect(result.stderr.contains("ring.geojson") && result.stderr.contains("read-only"), "\(result.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "keep me")
        #expect(scratch.regularFiles() == ["ring.geojson"])
    }

    /// `reach` streams its rows into the staged file: the same rules hold.
    @Test func aStreamedReachTableKeepsPermissionsAndRefusesReadOnlyFiles() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let output = scratch.path("reach.csv")
        let arguments = ["--from", "Baghdad", "--range", "700km", "--to", "Basra", "--format", "csv", "--output", output]
        try Data("old".utf8).write(to: URL(fileURLWithPath: output))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: output)
        expectSuccess(try threatmap("reach", arguments, in: scratch.url))
        #expect(try mode(output) == 0o640)
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("site,"))

        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: output)
        let refused = try threatmap("reach", arguments, in: scratch.url)
        #expect(refused.status == 73, "\(refused)")
        #expect(refused.stderr.contains("read-only"), "\(refused.stderr)")
        #expect(scratch.regularFiles() == ["reach.csv"])
    }

    @Test func mapWritesAllItsOutputsOrNone() throws {
        let scratch = try prepare()
        defer { scratch.remove() }
        try Data("old svg".utf8).write(to: scratch.url.appendingPathComponent("out/safety.svg"))
        // A directory where the brief should go: the last file cannot be written.
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("out/safety.md"), withIntermediateDirectories: false)
        let result = try threatmap("map", [scratch.path("s.yaml"), "--output-dir", scratch.path("out")], in: scratch.url)
        #expect(result.status == 73, "\(result)")
        #expect(result.stderr.contains("safety.md"), "\(result.stderr)")
        #expect(scratch.regularFiles() == ["out/safety.svg", "s.yaml"], "a partial set of outputs: \(scratch.regularFiles())")
        #expect(try String(contentsOfFile: scratch.path("out/safety.svg"), encoding: .utf8) == "old svg")
    }

    /// A file-size limit makes writes fail part way (EFBIG) as a full disk
    /// does (ENOSPC): the run fails with 73, no staged file is left, and the
    /// old outputs stay as they were.
    @Test func aWriteThatFailsPartWayLeavesNothingBehind() throws {
        let scratch = try prepare()
        defer { scratch.remove() }
        try Data("old geojson".utf8).write(to: scratch.url.appendingPathComponent("out/safety.geojson"))
        let executable = try Repository.executable().path
        let command = "trap '' XFSZ; ulimit -f 16; exec \"$0\" map --data \"$1\" \"$2\" --output-dir \"$3\""
        let result = try runProcess(URL(fileURLWithPath: "/bin/sh"),
                                    ["-c", command, executable, Repository.gazetteer.path, scratch.path("s.yaml"), scratch.path("out")],
                                    in: scratch.url)
        #expect(result.exitedNormally, "\(result)")
        #expect(result.status == 73, "\(result)")
        #expect(result.stderr.contains("too large") || result.stderr.contains("No space"), "\(result.stderr)")
        #expect(scratch.regularFiles() == ["out/safety.geojson", "s.yaml"], "left behind: \(scratch.regularFiles())")
        #expect(try String(contentsOfFile: scratch.path("out/safety.geojson"), encoding: .utf8) == "old geojson")
    }
}
