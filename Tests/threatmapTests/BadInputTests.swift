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

    // Target files.
    BadInput(name: "target CSV with latitude 95", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--range", "700km", "--to", "{tmp}/t95.csv"],
             status: 65, mentions: ["{tmp}/t95.csv:3", "latitude 95"]),
    BadInput(name: "target CSV with NaN", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--range", "700km", "--to", "{tmp}/tnan.csv"],
             status: 65, mentions: ["{tmp}/tnan.csv:2", "nan"]),
    BadInput(name: "target CSV with a header only", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--range", "700km", "--to", "{tmp}/header-only.csv"],
             status: 65, mentions: ["{tmp}/header-only.csv:2", "no targets"]),
    BadInput(name: "target CSV with an unclosed quote", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--range", "700km", "--to", "{tmp}/quote.csv"],
             status: 65, mentions: ["{tmp}/quote.csv:2", "quoted field"]),
    BadInput(name: "target GeoJSON that is not JSON", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--range", "700km", "--to", "{tmp}/bad.geojson"],
             status: 65, mentions: ["{tmp}/bad.geojson", "not valid JSON"]),
    BadInput(name: "target GeoJSON without features", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--range", "700km", "--to", "{tmp}/empty.geojson"],
             status: 65, mentions: ["{tmp}/empty.geojson", "no features"]),
    BadInput(name: "target GeoJSON nested 100,000 deep", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--range", "700km", "--to", "{tmp}/deep.json"],
             status: 65, mentions: ["{tmp}/deep.json", "nesting depth"]),
    BadInput(name: "target GeoJSON with a polygon", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--range", "700km", "--to", "{tmp}/bowtie.geojson"],
             status: 65, mentions: ["{tmp}/bowtie.geojson", "feature 1 is not a Point"]),
    BadInput(name: "missing target file", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--range", "700km", "--to", "{tmp}/no-such-targets.csv"],
             status: 66, mentions: ["{tmp}/no-such-targets.csv"]),

    // Launch-area files.
    BadInput(name: "launch area that is not JSON", subcommand: "rings",
             arguments: ["--from", "{tmp}/bad.geojson", "--range", "100km", "--output", "{tmp}/out.geojson"],
             status: 65, mentions: ["{tmp}/bad.geojson", "not valid JSON"]),
    BadInput(name: "launch area with an unclosed ring", subcommand: "rings",
             arguments: ["--from", "{tmp}/unclosed.geojson", "--range", "100km", "--output", "{tmp}/out.geojson"],
             status: 65, mentions: ["{tmp}/unclosed.geojson", "not closed"]),
    BadInput(name: "self-intersecting launch area", subcommand: "rings",
             arguments: ["--from", "{tmp}/bowtie.geojson", "--range", "100km", "--output", "{tmp}/out.geojson"],
             status: 65, mentions: ["bowtie.geojson feature 1", "'Bow'", "Self-intersection"]),
    BadInput(name: "launch area file without features", subcommand: "rings",
             arguments: ["--from", "{tmp}/empty.geojson", "--range", "100km", "--output", "{tmp}/out.geojson"],
             status: 65, mentions: ["{tmp}/empty.geojson", "no features"]),
    BadInput(name: "missing launch area file", subcommand: "reach",
             arguments: ["--from", "{tmp}/no-such-area.geojson", "--range", "100km", "--to", "Riyadh"],
             status: 66, mentions: ["{tmp}/no-such-area.geojson"]),

    // Gazetteer and catalog files.
    BadInput(name: "binary gazetteer file", subcommand: "resolve",
             arguments: ["Baghdad", "--gazetteer", "{tmp}/binary.txt"],
             status: 65, mentions: ["{tmp}/binary.txt", "NUL byte"]),
    BadInput(name: "empty gazetteer file", subcommand: "resolve",
             arguments: ["Baghdad", "--gazetteer", "{tmp}/empty.txt"],
             status: 65, mentions: ["{tmp}/empty.txt", "empty"]),
    BadInput(name: "zipped gazetteer file", subcommand: "resolve",
             arguments: ["Baghdad", "--gazetteer", "{tmp}/cities500.zip"],
             status: 65, mentions: ["{tmp}/cities500.zip", "ZIP archive"]),
    BadInput(name: "missing gazetteer file", subcommand: "resolve",
             arguments: ["Baghdad", "--gazetteer", "{tmp}/no-such-places.txt"],
             status: 66, mentions: ["{tmp}/no-such-places.txt"]),
    BadInput(name: "missile file without the catalog columns", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--missile-file", "{tmp}/bad-missiles.csv", "--missile", "X", "--to", "Riyadh"],
             status: 65, mentions: ["{tmp}/bad-missiles.csv:1", "'name'"]),
    BadInput(name: "missing missile file", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--missile-file", "{tmp}/no-such-missiles.csv", "--missile", "X", "--to", "Riyadh"],
             status: 66, mentions: ["{tmp}/no-such-missiles.csv"]),

    // Articles.
    BadInput(name: "empty article", subcommand: "extract",
             arguments: ["{tmp}/empty.txt"], status: 65, mentions: ["empty.txt", "empty"]),
    BadInput(name: "binary article", subcommand: "extract",
             arguments: ["{tmp}/binary.txt"], status: 65, mentions: ["binary.txt:1", "NUL byte"]),
    BadInput(name: "missing article", subcommand: "extract",
             arguments: ["{tmp}/no-such-article.txt"], status: 66, mentions: ["{tmp}/no-such-article.txt"]),

    // Literals and options.
    BadInput(name: "range beyond the antipode", subcommand: "rings",
             arguments: ["--from", "Baghdad", "--range", "30000km", "--output", "{tmp}/out.geojson"],
             status: 64, mentions: ["30000 km", "longer than any distance on Earth"]),
    BadInput(name: "range reaching the antipodal region", subcommand: "rings",
             arguments: ["--from", "Baghdad", "--range", "19990km", "--output", "{tmp}/out.geojson"],
             status: 65, mentions: ["19990 km", "conjugate points"]),
    BadInput(name: "latitude NaN", subcommand: "rings",
             arguments: ["--from", "nan,44", "--range", "100km", "--output", "{tmp}/out.geojson"],
             status: 64, mentions: ["nan", "not a finite number"]),
    BadInput(name: "malformed azimuth range", subcommand: "rings",
             arguments: ["--from", "Baghdad", "--range", "100km", "--azimuth", "abc", "--output", "{tmp}/out.geojson"],
             status: 64, mentions: ["'abc'", "--azimuth"]),
    BadInput(name: "precision 20", subcommand: "rings",
             arguments: ["--from", "Baghdad", "--range", "100km", "--precision", "20", "--output", "{tmp}/out.geojson"],
             status: 64, mentions: ["--precision"]),
    BadInput(name: "hostile place name", subcommand: "rings",
             arguments: ["--from", "<script>alert(1)</script>", "--range", "100km", "--output", "{tmp}/out.geojson"],
             status: 65, mentions: ["unknown place '<script>alert(1)</script>'"]),
    BadInput(name: "map 10 pixels wide", subcommand: "map",
             arguments: ["--width", "10", "--output-dir", "{tmp}/maps"], status: 64, mentions: ["--width"]),
    BadInput(name: "unknown projection", subcommand: "map",
             arguments: ["--projection", "mercatorx", "--output-dir", "{tmp}/maps"], status: 64, mentions: ["mercatorx"]),
    BadInput(name: "malformed extent", subcommand: "map",
             arguments: ["--extent", "foo", "--output-dir", "{tmp}/maps"], status: 64, mentions: ["'foo'", "--extent"]),
    BadInput(name: "map centre at latitude 95", subcommand: "map",
             arguments: ["--center", "95,0", "--output-dir", "{tmp}/maps"], status: 64, mentions: ["latitude 95"]),
    BadInput(name: "stdin twice", subcommand: "map",
             arguments: ["-", "-", "--output-dir", "{tmp}/maps"], status: 64, mentions: ["'-' (stdin)"]),
    BadInput(name: "quiet and verbose", subcommand: "map",
             arguments: ["--quiet", "--verbose", "--output-dir", "{tmp}/maps"], status: 64, mentions: ["--quiet and --verbose"]),
    BadInput(name: "unknown range estimate", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--missile", "Zolfaghar", "--range-estimate", "huge", "--to", "Riyadh"],
             status: 64, mentions: ["'huge'"]),
    BadInput(name: "unknown output format", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--range", "700km", "--to", "Riyadh", "--format", "xml"],
             status: 64, mentions: ["'xml'"]),
    BadInput(name: "unknown place kind", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--range", "700km", "--to-kind", "spaceport"],
             status: 64, mentions: ["'spaceport'"]),
    BadInput(name: "country without a kind", subcommand: "reach",
             arguments: ["--from", "Baghdad", "--range", "700km", "--to", "Riyadh", "--to-country", "IQ"],
             status: 64, mentions: ["--to-country"]),
    BadInput(name: "unknown place to search near", subcommand: "resolve",
             arguments: ["--near", "Narnia", "--within", "10km"], status: 65, mentions: ["Narnia"]),
    BadInput(name: "negative search radius", subcommand: "resolve",
             arguments: ["--near", "Baghdad", "--within", "-10km"], status: 64, mentions: ["'-10km'", "negative"]),
    BadInput(name: "unknown missile class", subcommand: "missiles",
             arguments: ["--class", "foo"], status: 64, mentions: ["'foo'"]),

    // Scenarios.
    BadInput(name: "validate a missing scenario", subcommand: "validate",
             arguments: ["{tmp}/no-such-scenario.yaml"], status: 66, mentions: ["{tmp}/no-such-scenario.yaml"]),
    BadInput(name: "validate a scenario with an unknown place", subcommand: "validate",
             arguments: ["{fixture:unknown-place.yaml}"], status: 65, mentions: ["unknown-place.yaml:8:5", "Narnia"]),
    BadInput(name: "scenario whose launch area file is missing", subcommand: "map",
             arguments: ["{tmp}/missing-area.yaml", "--output-dir", "{tmp}/maps"],
             status: 65, mentions: ["{tmp}/missing-area.yaml:7:14", "no-such-area.geojson"]),
    BadInput(name: "scenario with a negative range", subcommand: "map",
             arguments: ["{tmp}/negative-range.yaml", "--output-dir", "{tmp}/maps"],
             status: 65, mentions: ["{tmp}/negative-range.yaml:4:12", "-5km"]),
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
        let props: [String: String] = [
            "t95.csv": "name,lat,lon\nA,33,44\nB,95,44\n",
            "tnan.csv": "name,lat,lon\nA,nan,44\n",
            "header-only.csv": "name,lat,lon\n",
            "quote.csv": "name,lat,lon\n\"A,33,44\n",
            "bad.geojson": "{not json\n",
            "empty.geojson": #"{"type":"FeatureCollection","features":[]}"#,
            "unclosed.geojson": #"{"type":"Feature","properties":{"name":"U"},"geometry":{"type":"Polygon","coordinates":[[[44,33],[45,33],[45,34],[44,34]]]}}"#,
            "bowtie.geojson": #"{"type":"Feature","properties":{"name":"Bow"},"geometry":{"type":"Polygon","coordinates":[[[44,33],[45,34],[45,33],[44,34],[44,33]]]}}"#,
            "deep.json": String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
            "binary.txt": "abc\u{0}def",
            "empty.txt": "",
            "cities500.zip": "PK\u{3}\u{4}not really a zip",
            "bad-missiles.csv": "a,b\n1,2\n",
            "missing-area.yaml": """
            title: T
            systems: [Zolfaghar]
            sites:
              - Jurf al-Sakhar
              - name: Area
                systems: [Zolfaghar]
                geojson: no-such-area.geojson
            targets: [Riyadh]
            outputs: {stem: t}
            """,
            "negative-range.yaml": """
            title: T
            systems:
              - name: Zolfaghar
                range: -5km
            sites: [Jurf al-Sakhar]
            targets: [Riyadh]
            outputs: {stem: t}
            """,
        ]
        for (name, text) in props {
            try Data(text.utf8).write(to: scratch.url.appendingPathComponent(name))
        }
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
