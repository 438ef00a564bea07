import Foundation
import Testing

/// One bad invocation and how the CLI must refuse it.
///
/// In `arguments`, `{tmp}` stands for the case's fresh temporary directory
/// and `{fixture:NAME}` for a file in `Fixtures/`. `data` replaces the
/// repository's `Gazetteer/` as `--data`.
struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    var subcommand: String
    var arguments: [String]
    var data: String? = nil
    /// sysexits code: 64 usage, 65 bad data, 66 missing input, 73 cannot create.
    var status: Int32
    /// Texts stderr must contain (after `{tmp}` substitution).
    var mentions: [String]

    var testDescription: String { name }
}

private let badInputs: [BadInput] = [
    BadInput(name: "unknown launch site", subcommand: "rings",
             arguments: ["--from", "Narnia", "--range", "700km", "--output", "{tmp}/out.geojson"],
             status: 65, mentions: ["Narnia"]),
    BadInput(name: "unknown target", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--range", "700km", "--to", "Narnia"],
             status: 65, mentions: ["Narnia"]),
    BadInput(name: "unknown place to resolve", subcommand: "resolve",
             arguments: ["Baghdad", "Narnia"],
             status: 65, mentions: ["Narnia"]),
    BadInput(name: "latitude 95", subcommand: "rings",
             arguments: ["--from", "95,44", "--range", "700km", "--output", "{tmp}/out.geojson"],
             status: 64, mentions: ["95"]),
    BadInput(name: "latitude 95 as a target", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--range", "700km", "--to", "95,44"],
             status: 64, mentions: ["95"]),
    BadInput(name: "negative range", subcommand: "rings",
             arguments: ["--from", "Baghdad", "--range", "-5km", "--output", "{tmp}/out.geojson"],
             status: 64, mentions: ["-5km", "negative"]),
    BadInput(name: "range that is not a number", subcommand: "rings",
             arguments: ["--from", "Baghdad", "--range", "banana", "--output", "{tmp}/out.geojson"],
             status: 64, mentions: ["banana"]),
    BadInput(name: "range without a unit", subcommand: "rings",
             arguments: ["--from", "Baghdad", "--range", "700", "--output", "{tmp}/out.geojson"],
             status: 64, mentions: ["'700'", "unit"]),
    BadInput(name: "zero tolerance", subcommand: "rings",
             arguments: ["--from", "Baghdad", "--range", "700km", "--tolerance", "0m", "--output", "{tmp}/out.geojson"],
             status: 64, mentions: ["--tolerance"]),
    BadInput(name: "zero tolerance for map", subcommand: "map",
             arguments: ["--tolerance", "0m", "--output-dir", "{tmp}/maps"],
             status: 64, mentions: ["--tolerance"]),
    BadInput(name: "unknown missile", subcommand: "rings",
             arguments: ["--from", "Baghdad", "--missile", "Scudzilla", "--output", "{tmp}/out.geojson"],
             status: 65, mentions: ["Scudzilla"]),
    BadInput(name: "minimum range equal to the range", subcommand: "rings",
             arguments: ["--from", "Baghdad", "--range", "100km", "--min-range", "100km", "--output", "{tmp}/out.geojson"],
             status: 64, mentions: ["--min-range"]),
    BadInput(name: "minimum range above the range", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--range", "100km", "--min-range", "200km", "--to", "Riyadh"],
             status: 64, mentions: ["--min-range"]),
    BadInput(name: "output below a regular file", subcommand: "rings",
             arguments: ["--from", "Baghdad", "--range", "100km", "--output", "{tmp}/file.txt/out.geojson"],
             status: 73, mentions: ["{tmp}/file.txt"]),
    BadInput(name: "map output directory below a regular file", subcommand: "map",
             arguments: ["--output-dir", "{tmp}/file.txt/maps"],
             status: 73, mentions: ["{tmp}/file.txt/maps"]),
    BadInput(name: "missing scenario file", subcommand: "map",
             arguments: ["{tmp}/no-such-scenario.yaml", "--output-dir", "{tmp}/maps"],
             status: 66, mentions: ["no-such-scenario.yaml"]),
    BadInput(name: "malformed scenario YAML", subcommand: "map",
             arguments: ["{fixture:malformed.yaml}", "--output-dir", "{tmp}/maps"],
             status: 65, mentions: ["malformed.yaml"]),
    BadInput(name: "scenario without targets", subcommand: "map",
             arguments: ["{fixture:missing-targets.yaml}", "--output-dir", "{tmp}/maps"],
             status: 65, mentions: ["missing-targets.yaml", "targets"]),
    BadInput(name: "scenario naming an unknown place", subcommand: "map",
             arguments: ["{fixture:unknown-place.yaml}", "--output-dir", "{tmp}/maps"],
             status: 65, mentions: ["Narnia"]),
    BadInput(name: "empty data directory for resolve", subcommand: "resolve",
             arguments: ["Baghdad"], data: "{tmp}/empty",
             status: 66, mentions: ["{tmp}/empty", "places.csv"]),
    BadInput(name: "empty data directory for map", subcommand: "map",
             arguments: ["--output-dir", "{tmp}/maps"], data: "{tmp}/empty",
             status: 66, mentions: ["{tmp}/empty"]),
    BadInput(name: "data directory without missiles.csv", subcommand: "rings",
             arguments: ["--from", "Baghdad", "--missile", "Zolfaghar", "--output", "{tmp}/out.geojson"],
             data: "{tmp}/places-only", status: 66, mentions: ["{tmp}/places-only/missiles.csv"]),
    BadInput(name: "malformed places.csv", subcommand: "resolve",
             arguments: ["Baghdad"], data: "{tmp}/bad-places",
             status: 65, mentions: ["{tmp}/bad-places/places.csv"]),
    BadInput(name: "output path is a directory", subcommand: "rings",
             arguments: ["--from", "Baghdad", "--range", "100km", "--output", "{tmp}/empty"],
             status: 73, mentions: ["{tmp}/empty"]),
]

@Suite("threatmap refuses bad input")
struct BadInputTests {
    @Test("exits with the sysexits code, says why on stderr, writes nothing", arguments: badInputs)
    func refuses(_ input: BadInput) throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        // Props some cases need: a regular file to block a directory, an empty
        // data directory, one with places but no missile catalog, one with a
        // places.csv that lacks the documented columns.
        let fileManager = FileManager.default
        try Data("not a directory\n".utf8).write(to: scratch.url.appendingPathComponent("file.txt"))
        try fileManager.createDirectory(at: scratch.url.appendingPathComponent("empty"), withIntermediateDirectories: false)
        let placesOnly = scratch.url.appendingPathComponent("places-only")
        try fileManager.createDirectory(at: placesOnly, withIntermediateDirectories: false)
        try fileManager.copyItem(at: Repository.gazetteer.appendingPathComponent("places.csv"),
                                 to: placesOnly.appendingPathComponent("places.csv"))
        let badPlaces = scratch.url.appendingPathComponent("bad-places")
        try fileManager.createDirectory(at: badPlaces, withIntermediateDirectories: false)
        try Data("name,latitude\nBaghdad,not a number\n".utf8).write(to: badPlaces.appendingPathComponent("places.csv"))
        let before = scratch.regularFiles()

        func substitute(_ text: String) throws -> String {
            if text.hasPrefix("{fixture:"), text.hasSuffix("}") {
                return try Repository.fixture(String(text.dropFirst("{fixture:".count).dropLast())).path
            }
            return text.replacingOccurrences(of: "{tmp}", with: scratch.url.path)
        }
        let arguments = try input.arguments.map(substitute)
        let data = try input.data.map(substitute)

        let result = try threatmap(input.subcommand, arguments, in: scratch.url, data: data)
        #expect(result.exitedNormally, "killed by a signal: \(result)")
        #expect(result.status == input.status, "\(result)")
        #expect(result.stderr.lowercased().contains("error"), "no error on stderr: \(result)")
        for mention in input.mentions {
            let expected = try substitute(mention)
            #expect(result.stderr.contains(expected), "stderr does not mention \(expected): \(result.stderr)")
        }
        #expect(result.stdout.isEmpty, "nothing belongs on stdout when the command fails: \(result.stdout)")
        #expect(scratch.regularFiles() == before, "a failed run left files behind")
    }
}
