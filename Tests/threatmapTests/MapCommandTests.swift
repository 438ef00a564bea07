import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

private let stem = "iran-missiles-iraq-2018"
/// The skeleton's columns, then the minimum range and why a target is out of reach.
private let reachHeader = ["site", "missile", "target", "distance_km", "bearing_deg", "range_km", "in_range", "margin_km", "min_range_km", "reason",
                           "flight_time_min", "apogee_km"]

/// True when `data` is well-formed XML whose root element is `<svg>`.
private final class RootElement: NSObject, XMLParserDelegate {
    var name: String?
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == nil { name = elementName }
    }
}

private func expectSVG(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) {
    let parser = XMLParser(data: data)
    let root = RootElement()
    parser.delegate = root
    #expect(parser.parse(), "the SVG is not well-formed XML: \(String(describing: parser.parserError))",
            sourceLocation: sourceLocation)
    #expect(root.name == "svg", sourceLocation: sourceLocation)
}

@Suite("threatmap map")
struct MapCommandTests {
    @Test("with no scenario argument, renders the default scenario beside the data into --output-dir")
    func defaultScenario() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let outputDirectory = scratch.path("maps")
        let result = try threatmap("map", ["--output-dir", outputDirectory], in: scratch.url)
        expectSuccess(result)
        #expect(scratch.regularFiles() == ["maps/\(stem).csv", "maps/\(stem).geojson", "maps/\(stem).md", "maps/\(stem).svg"])
        #expect(result.stdout.contains("Riyadh"))
        for suffix in ["geojson", "svg", "csv", "md"] {
            #expect(result.stdout.contains("wrote \(outputDirectory)/\(stem).\(suffix)\n"))
        }
        #expect(result.stdout.contains("summary: Zelzal-2 reaches 4 of 15 targets; Fateh-110 reaches 4 of 15 targets; Zolfaghar reaches 13 of 15 targets"))

        // The CSV: the reach table, one row per site x its systems x target.
        let records = try parseCSV(try String(contentsOfFile: "\(outputDirectory)/\(stem).csv", encoding: .utf8))
        // The default scenario asks for both ends of the published ranges: each row gets its status.
        try #require(records.first == reachHeader + ["status"])
        let rows = records.dropFirst()
        let targets = Set(rows.map { $0[2] })
        #expect(targets.count == 15)
        // Two factories with three systems, two launch areas with the Zolfaghar only.
        #expect(rows.count == (2 * 3 + 2) * 15)
        #expect(rows.allSatisfy { $0[6] == "true" || $0[6] == "false" })
        // The 2018 reporting: Riyadh from southern Iraq, Israel from western Iraq, neither from the factories.
        func inRange(_ site: String, _ target: String) -> Bool? {
            rows.first { $0[0] == site && $0[1] == "Zolfaghar" && $0[2] == target }.map { $0[6] == "true" }
        }
        #expect(inRange("Southern Iraq", "Riyadh") == true)
        #expect(inRange("Western Iraq", "Tel Aviv") == true)
        #expect(inRange("Western Iraq", "Jerusalem") == true)
        #expect(inRange("Jurf al-Sakhar", "Riyadh") == false)
        #expect(inRange("al-Zafaraniya", "Tel Aviv") == false)

        // The GeoJSON: footprints per site x system, the two launch areas,
        // then a point per factory and per target.
        let geojson = try String(contentsOfFile: "\(outputDirectory)/\(stem).geojson", encoding: .utf8)
        let root = try #require(try parseJSON(geojson) as? [String: Any])
        #expect(root["type"] as? String == "FeatureCollection")
        #expect(root["bbox"] is [Double])
        let features = try #require(root["features"] as? [[String: Any]])
        let types = features.map { ($0["geometry"] as? [String: Any])?["type"] as? String ?? "?" }
        let roles = features.map { ($0["properties"] as? [String: Any])?["role"] as? String }
        // Both footprints (low and high estimate) of every site and system.
        #expect(zip(types, roles).filter { $0 == "MultiPolygon" && $1 == nil }.count == 2 * (2 * 3 + 2))
        #expect(zip(types, roles).filter { $0 != "Point" && $1 == "launch_site" }.count == 2)
        #expect(zip(types, roles).filter { $0 == "Point" && $1 == "launch_site" }.count == 2)
        #expect(zip(types, roles).filter { $0 == "Point" && $1 == "target" }.count == 15)
        for feature in features { #expect(feature["bbox"] is [Double]) }

        // The brief names what reaches what, and the sources.
        let brief = try String(contentsOfFile: "\(outputDirectory)/\(stem).md", encoding: .utf8)
        #expect(brief.contains("- **Riyadh** in range from Southern Iraq"))
        #expect(brief.contains("Reuters, 31 August 2018"))

        // The SVG parses as XML.
        expectSVG(try Data(contentsOf: URL(fileURLWithPath: "\(outputDirectory)/\(stem).svg")))
    }

    @Test("an explicit scenario gives the expected table, features and in_range_of")
    func explicitScenario() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let scenario = try Repository.fixture("two-targets.yaml")
        let result = try threatmap("map", [scenario.path, "--output-dir", scratch.url.path], in: scratch.url)
        expectSuccess(result)
        #expect(scratch.regularFiles() == ["two-targets.csv", "two-targets.geojson", "two-targets.md", "two-targets.svg"])
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == 10, "title, header, rule, two rows, summary, four 'wrote' lines: \(result.stdout)")
        #expect(lines[5] == "summary: Zolfaghar reaches 1 of 2 targets")
        #expect(lines[0] == "Zolfaghar from Jurf al-Sakhar")

        let csv = try String(contentsOfFile: scratch.path("two-targets.csv"), encoding: .utf8)
        #expect(csv == """
        site,missile,target,distance_km,bearing_deg,range_km,in_range,margin_km,min_range_km,reason,flight_time_min,apogee_km
        Jurf al-Sakhar,Zolfaghar,Riyadh,938.9,164.3,700,false,-238.9,0,beyond maximum range,,
        Jurf al-Sakhar,Zolfaghar,Baghdad,55.4,18.3,700,true,644.6,0,,1.8,14

        """)

        let root = try #require(try parseJSON(try String(contentsOfFile: scratch.path("two-targets.geojson"), encoding: .utf8)) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        try #require(features.count == 4)
        let properties = features.map { $0["properties"] as? [String: Any] ?? [:] }
        #expect(properties[0]["missile"] as? String == "Zolfaghar")
        #expect(properties[0]["range_km"] as? Double == 700)
        #expect(properties[0]["site"] as? String == "Jurf al-Sakhar")
        #expect(properties[1]["role"] as? String == "launch_site")
        #expect(properties[2]["name"] as? String == "Riyadh")
        #expect(properties[2]["role"] as? String == "target")
        #expect(properties[2]["in_range_of"] as? String == "")
        #expect(properties[3]["name"] as? String == "Baghdad")
        #expect(properties[3]["in_range_of"] as? String == "Zolfaghar")
        let riyadh = try #require(features[2]["geometry"] as? [String: Any])
        #expect(riyadh["coordinates"] as? [Double] == [46.72185, 24.68773])

        let svg = try String(contentsOfFile: scratch.path("two-targets.svg"), encoding: .utf8)
        expectSVG(Data(svg.utf8))
        #expect(svg.contains("<title>Zolfaghar from Jurf al-Sakhar</title>"))
        #expect(svg.contains("<title>Zolfaghar: 700 km</title>"))
        #expect(svg.contains("<title>Baghdad: in range of Zolfaghar; nearest launch site 55 km</title>"))
        #expect(svg.contains("<title>Riyadh: out of range; nearest launch site 939 km</title>"))
    }

    @Test("two runs write the same bytes")
    func deterministic() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let first = try threatmap("map", ["--output-dir", scratch.path("first")], in: scratch.url)
        let second = try threatmap("map", ["--output-dir", scratch.path("second")], in: scratch.url)
        expectSuccess(first)
        expectSuccess(second)
        for suffix in ["geojson", "svg", "csv", "md"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: scratch.path("first/\(stem).\(suffix)")))
            let b = try Data(contentsOf: URL(fileURLWithPath: scratch.path("second/\(stem).\(suffix)")))
            #expect(!a.isEmpty)
            #expect(a == b, "\(suffix) differs between runs")
        }
    }

    @Test("every bundled scenario renders in one run; --open prints each SVG's full path last")
    func everyScenario() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let scenarios = try FileManager.default.contentsOfDirectory(atPath: Repository.root.appendingPathComponent("Scenarios").path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        try #require(scenarios.count >= 3)
        let paths = scenarios.map { Repository.root.appendingPathComponent("Scenarios/\($0)").path }
        let result = try threatmap("map", paths + ["--output-dir", "out", "--open", "--kml"], in: scratch.url)
        expectSuccess(result)
        let stems = ["arash-rockets-iraq-2020", "iran-missiles-iraq-2018", "patriot-iraq-2020"]
        let expected = stems.flatMap { stem in ["csv", "geojson", "kml", "md", "svg"].map { "out/\(stem).\($0)" } }
        #expect(scratch.regularFiles() == expected)
        let last = result.stdout.split(separator: "\n").suffix(3).map(String.init)
        #expect(last == stems.map { scratch.url.appendingPathComponent("out/\($0).svg").standardizedFileURL.path })
        for stem in stems {
            expectSVG(try Data(contentsOf: scratch.url.appendingPathComponent("out/\(stem).svg")))
        }
        // Launch areas are drawn, and air defence "covers".
        let svg = try String(contentsOf: scratch.url.appendingPathComponent("out/arash-rockets-iraq-2020.svg"), encoding: .utf8)
        #expect(svg.contains("class=\"launch-areas\""))
        #expect(svg.contains("<title>Southern Iraq: launch area (anywhere inside)</title>"))
        #expect(result.stdout.contains("Patriot PAC-3 covers 3 of 7 targets"))
        // The scenario's `map: theme: dark` is used unless --theme says otherwise.
        #expect(svg.contains("#0d1117"))
    }

    @Test("'-' reads the scenario from stdin; --quiet prints nothing but --open's path")
    func standardInput() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let scenario = try String(contentsOf: try Repository.fixture("two-targets.yaml"), encoding: .utf8)
        let result = try threatmap("map", ["-", "--output-dir", "out", "--quiet", "--open"], in: scratch.url, input: Data(scenario.utf8))
        expectSuccess(result)
        #expect(result.stdout == scratch.url.appendingPathComponent("out/two-targets.svg").standardizedFileURL.path + "\n")
        #expect(result.stderr.isEmpty)
        #expect(scratch.regularFiles().count == 4)
    }

    @Test("--verbose reports the steps on stderr; --quiet with --verbose is a usage error")
    func verbosity() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let scenario = try Repository.fixture("two-targets.yaml").path
        let verbose = try threatmap("map", [scenario, "--output-dir", "out", "--verbose"], in: scratch.url)
        #expect(verbose.status == 0, "\(verbose)")
        #expect(verbose.stderr.contains("read and resolved 1 scenario(s) in "))
        #expect(verbose.stderr.contains(" s\n"))
        #expect(verbose.stderr.contains("1 footprints"))
        let both = try threatmap("map", [scenario, "--output-dir", "both", "-q", "-v"], in: scratch.url)
        #expect(both.status == 64)
        #expect(both.stderr.contains("--quiet and --verbose exclude each other"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("both")))
    }

    @Test("one bad scenario among good ones: every problem listed, no file written")
    func badScenarioStopsTheRun() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let good = try Repository.fixture("two-targets.yaml").path
        let bad = try Repository.fixture("unknown-place.yaml").path
        let result = try threatmap("map", [good, bad, "--output-dir", "out"], in: scratch.url)
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("unknown-place.yaml:"))
        #expect(scratch.regularFiles().isEmpty)
    }

    @Test("two scenarios writing the same stem are refused before any work")
    func sameStem() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let scenario = try Repository.fixture("two-targets.yaml").path
        let copy = scratch.path("copy.yaml")
        try FileManager.default.copyItem(atPath: scenario, toPath: copy)
        let result = try threatmap("map", [scenario, copy, "--output-dir", "out"], in: scratch.url)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("both write 'two-targets'"))
        #expect(scratch.regularFiles() == ["copy.yaml"])
    }

    @Test("scenario map options: projection, extent, size; the command line wins")
    func scenarioMapOptions() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let scenario = try String(contentsOf: try Repository.fixture("two-targets.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "output: two-targets", with: """
            map:
              projection: laea
              extent: [38, 22, 50, 36]
              width: 800
              height: 600
              theme: dark
            outputs:
              stem: two-targets
              formats: [svg]
            """)
        try scenario.write(toFile: scratch.path("s.yaml"), atomically: true, encoding: .utf8)
        let fromScenario = try threatmap("map", ["s.yaml", "--output-dir", "a"], in: scratch.url)
        expectSuccess(fromScenario)
        #expect(scratch.regularFiles().filter { $0.hasPrefix("a/") } == ["a/two-targets.svg"])
        let svg = try String(contentsOfFile: scratch.path("a/two-targets.svg"), encoding: .utf8)
        #expect(svg.contains("width=\"800\" height=\"600\""))
        #expect(svg.contains("Lambert azimuthal equal-area projection"))
        #expect(svg.contains("#0d1117"))
        let overridden = try threatmap("map", ["s.yaml", "--output-dir", "b", "--width", "1000", "--theme", "light", "--projection", "aeqd"],
                                       in: scratch.url)
        expectSuccess(overridden)
        let other = try String(contentsOfFile: scratch.path("b/two-targets.svg"), encoding: .utf8)
        #expect(other.contains("width=\"1000\" height=\"600\""))
        #expect(other.contains("Azimuthal equidistant projection"))
        #expect(!other.contains("#0d1117"))
    }

    @Test("--rings-every and --radials draw labelled rings and radials; the scenario's rings_every too; bad values are usage errors")
    func ringsAndRadials() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let scenario = try String(contentsOf: try Repository.fixture("two-targets.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "output: two-targets", with: "map:\n  rings_every: 200km\noutputs:\n  stem: two-targets\n  formats: [svg]\n")
        try scenario.write(toFile: scratch.path("s.yaml"), atomically: true, encoding: .utf8)
        let fromScenario = try threatmap("map", ["s.yaml", "--output-dir", "a"], in: scratch.url)
        expectSuccess(fromScenario)
        let svg = try String(contentsOfFile: scratch.path("a/two-targets.svg"), encoding: .utf8)
        #expect(svg.contains("class=\"range-rings\"") && svg.contains(">200 km</text>") && !svg.contains("class=\"radials\""))
        let both = try threatmap("map", ["s.yaml", "--output-dir", "b", "--rings-every", "100km", "--radials", "0,90"], in: scratch.url)
        expectSuccess(both)
        let other = try String(contentsOfFile: scratch.path("b/two-targets.svg"), encoding: .utf8)
        #expect(other.contains(">100 km</text>") && other.contains("class=\"radials\"") && other.contains(">90°</text>"))
        for bad in [["--rings-every", "0km"], ["--radials", "0"], ["--rings-every", "fast"]] {
            let result = try threatmap("map", ["s.yaml", "--output-dir", "c"] + bad, in: scratch.url)
            #expect(result.status == 64, "\(bad): \(result)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("c")))
    }
}
