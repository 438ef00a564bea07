import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

private let stem = "iran-missiles-iraq-2018"
/// The skeleton's columns, then the minimum range and why a target is out of reach.
private let reachHeader = ["site", "missile", "target", "distance_km", "bearing_deg", "range_km", "in_range", "margin_km", "min_range_km", "reason"]

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
        #expect(scratch.regularFiles() == ["maps/\(stem).csv", "maps/\(stem).geojson", "maps/\(stem).svg"])
        #expect(result.stdout.contains("Riyadh"))
        for suffix in ["geojson", "svg", "csv"] {
            #expect(result.stdout.contains("wrote \(outputDirectory)/\(stem).\(suffix)\n"))
        }

        // The CSV: the reach table, one row per site x missile x target.
        let records = try parseCSV(try String(contentsOfFile: "\(outputDirectory)/\(stem).csv", encoding: .utf8))
        try #require(records.first == reachHeader)
        let rows = records.dropFirst()
        let sites = Set(rows.map { $0[0] }), missiles = Set(rows.map { $0[1] }), targets = Set(rows.map { $0[2] })
        #expect(rows.count == sites.count * missiles.count * targets.count)
        #expect(targets.contains("Riyadh"))
        #expect(rows.allSatisfy { $0[6] == "true" || $0[6] == "false" })

        // The GeoJSON: a footprint per site x missile, then a point per site and per target.
        let geojson = try String(contentsOfFile: "\(outputDirectory)/\(stem).geojson", encoding: .utf8)
        let root = try #require(try parseJSON(geojson) as? [String: Any])
        #expect(root["type"] as? String == "FeatureCollection")
        #expect(root["bbox"] is [Double])
        let features = try #require(root["features"] as? [[String: Any]])
        let types = features.map { ($0["geometry"] as? [String: Any])?["type"] as? String ?? "?" }
        #expect(types.filter { $0 == "MultiPolygon" }.count == sites.count * missiles.count)
        #expect(types.filter { $0 == "Point" }.count == sites.count + targets.count)
        #expect(types.count == sites.count * missiles.count + sites.count + targets.count)
        for feature in features { #expect(feature["bbox"] is [Double]) }

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
        #expect(scratch.regularFiles() == ["two-targets.csv", "two-targets.geojson", "two-targets.svg"])
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == 8, "title, header, rule, two rows, three 'wrote' lines: \(result.stdout)")
        #expect(lines[0] == "Zolfaghar from Jurf al-Sakhar")

        let csv = try String(contentsOfFile: scratch.path("two-targets.csv"), encoding: .utf8)
        #expect(csv == """
        site,missile,target,distance_km,bearing_deg,range_km,in_range,margin_km,min_range_km,reason
        Jurf al-Sakhar,Zolfaghar,Riyadh,938.9,164.3,700,false,-238.9,0,beyond maximum range
        Jurf al-Sakhar,Zolfaghar,Baghdad,55.4,18.3,700,true,644.6,0,

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
        for suffix in ["geojson", "svg", "csv"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: scratch.path("first/\(stem).\(suffix)")))
            let b = try Data(contentsOf: URL(fileURLWithPath: scratch.path("second/\(stem).\(suffix)")))
            #expect(!a.isEmpty)
            #expect(a == b, "\(suffix) differs between runs")
        }
    }
}
