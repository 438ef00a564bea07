import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// An external tool on `PATH`; throws (the test fails, never skips) naming its Debian package.
private func tool(_ name: String, package: String) throws -> URL {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw ProcessFailure.notFound("\(name) is not on PATH: install the \(package) package (apt-get install \(package))")
}

/// `ogrinfo -al -so`: exit 0, no ERROR; returns the summed feature counts and the geometry lines.
private func ogrSummary(_ file: String, in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> (count: Int, geometries: [String]) {
    let result = try runProcess(try tool("ogrinfo", package: "gdal-bin"), ["-al", "-so", file], in: directory)
    #expect(result.exitedNormally && result.status == 0, "\(result)", sourceLocation: sourceLocation)
    #expect(!(result.stdout + result.stderr).contains("ERROR"), "\(result)", sourceLocation: sourceLocation)
    var count = 0, geometries = [String]()
    for line in result.stdout.split(separator: "\n") {
        if line.hasPrefix("Feature Count: "), let value = Int(line.dropFirst("Feature Count: ".count)) { count += value }
        if line.hasPrefix("Geometry: ") { geometries.append(String(line.dropFirst("Geometry: ".count))) }
    }
    return (count, geometries)
}

/// Converts `file` to a GeoPackage and expects ogrinfo to read it back with `count` features.
private func expectGeoPackage(_ file: String, count: Int, in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let package = directory.appendingPathComponent(UUID().uuidString + ".gpkg").path
    let convert = try runProcess(try tool("ogr2ogr", package: "gdal-bin"), ["-f", "GPKG", package, file], in: directory)
    #expect(convert.exitedNormally && convert.status == 0, "\(convert)", sourceLocation: sourceLocation)
    #expect(!(convert.stdout + convert.stderr).contains("ERROR"), "\(convert)", sourceLocation: sourceLocation)
    #expect(try ogrSummary(package, in: directory, sourceLocation: sourceLocation).count == count, sourceLocation: sourceLocation)
}

/// Parses XML; returns every element name and all character data.
private final class XMLCollector: NSObject, XMLParserDelegate {
    var names = [String]()
    var text = ""
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) { names.append(name) }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

private func parseXML(_ url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> XMLCollector {
    let parser = try #require(XMLParser(contentsOf: url))
    let collector = XMLCollector()
    parser.delegate = collector
    #expect(parser.parse(), "\(url.lastPathComponent) is not well-formed XML: \(String(describing: parser.parserError))",
            sourceLocation: sourceLocation)
    return collector
}

/// Renders `svg` with rsvg-convert and checks the PNG's size.
private func expectPNG(_ svg: String, width: Int, height: Int, in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let png = directory.appendingPathComponent(UUID().uuidString + ".png").path
    let render = try runProcess(try tool("rsvg-convert", package: "librsvg2-bin"), ["-o", png, svg], in: directory)
    #expect(render.exitedNormally && render.status == 0 && render.stderr.isEmpty, "\(render)", sourceLocation: sourceLocation)
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: png)))
    try #require(bytes.count > 24, sourceLocation: sourceLocation)
    func integer(at offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
    #expect(integer(at: 16) == width && integer(at: 20) == height, sourceLocation: sourceLocation)
}

struct BadMapOption: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var status: Int32
    init(_ arguments: [String], _ status: Int32) {
        self.arguments = arguments
        self.status = status
    }
    var testDescription: String { arguments.joined(separator: " ") + " -> \(status)" }
}

private let hostile = #"<script>alert(1)</script> & "x""#

@Suite("threatmap map and rings output options")
struct MapOutputTests {
    @Test("map --kml --geojsonl with projection, extent, size, theme and precision: every file opens in GDAL and librsvg")
    func everyOutput() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("map", [
            "--output-dir", scratch.url.path, "--kml", "--geojsonl", "--projection", "laea", "--extent", "3000km",
            "--width", "1000", "--height", "700", "--theme", "dark", "--precision", "5", "--center", "30,45",
        ], in: scratch.url)
        expectSuccess(result)
        let stem = "iran-missiles-iraq-2018"
        #expect(scratch.regularFiles() == ["\(stem).csv", "\(stem).geojson", "\(stem).geojsonl", "\(stem).kml", "\(stem).md", "\(stem).svg"])
        for suffix in ["geojson", "geojsonl", "kml", "svg", "csv"] { #expect(result.stdout.contains("wrote \(scratch.url.path)/\(stem).\(suffix)\n")) }

        let geojson = scratch.path("\(stem).geojson")
        let root = try #require(try parseJSON(try String(contentsOfFile: geojson, encoding: .utf8)) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        // --precision 5: no coordinate has more than five decimals.
        for position in features.flatMap({ allPositions(($0["geometry"] as? [String: Any])?["coordinates"]) }) {
            for value in position { #expect(abs(value * 1e5 - (value * 1e5).rounded()) < 1e-6) }
        }
        #expect(try ogrSummary(geojson, in: scratch.url).count == features.count)

        let lines = try String(contentsOfFile: scratch.path("\(stem).geojsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == features.count)
        for line in lines { #expect((try parseJSON(String(line)) as? [String: Any])?["type"] as? String == "Feature") }
        let sequence = try ogrSummary(scratch.path("\(stem).geojsonl"), in: scratch.url)
        #expect(sequence.count == features.count)
        try expectGeoPackage(scratch.path("\(stem).geojsonl"), count: features.count, in: scratch.url)

        // KML: a folder (layer) per system and one of places, all features there.
        let kml = try ogrSummary(scratch.path("\(stem).kml"), in: scratch.url)
        #expect(kml.count == features.count)
        // KML layers have no declared type; the features' geometries are read as they are.
        let kmlFeatures = try runProcess(try tool("ogrinfo", package: "gdal-bin"), ["-al", "-geom=SUMMARY", scratch.path("\(stem).kml")],
                                         in: scratch.url)
        #expect(kmlFeatures.status == 0 && !kmlFeatures.stdout.contains("ERROR"), "\(kmlFeatures)")
        #expect(kmlFeatures.stdout.contains("POLYGON"))
        #expect(kmlFeatures.stdout.contains("POINT"))
        let kmlXML = try parseXML(URL(fileURLWithPath: scratch.path("\(stem).kml")))
        // A style per system and estimate (the default scenario draws low and high), and three for places.
        #expect(kmlXML.names.filter { $0 == "Style" }.count == 2 * 3 + 3)

        let svg = scratch.path("\(stem).svg")
        let svgXML = try parseXML(URL(fileURLWithPath: svg))
        #expect(svgXML.names.first == "svg")
        let svgText = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(svgText.contains("width=\"1000\" height=\"700\""))
        #expect(svgText.contains("Lambert azimuthal equal-area projection"))
        #expect(svgText.contains("fill=\"#0f2230\""), "the dark theme's sea")
        try expectPNG(svg, width: 1000, height: 700, in: scratch.url)
    }

    @Test("every projection, and a world extent, renders to finite SVG", arguments: ["aeqd", "laea", "equirectangular", "web-mercator"])
    func projections(projection: String) throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        for extent in ["auto", "world", "20,10,70,45"] {
            let directory = scratch.path(extent.replacingOccurrences(of: ",", with: "_"))
            let result = try threatmap("map", ["--output-dir", directory, "--projection", projection, "--extent", extent], in: scratch.url)
            expectSuccess(result)
            let svg = directory + "/iran-missiles-iraq-2018.svg"
            let text = try String(contentsOfFile: svg, encoding: .utf8)
            #expect(!text.contains("nan") && !text.contains("inf"))
            _ = try parseXML(URL(fileURLWithPath: svg))
            try expectPNG(svg, width: 1200, height: 900, in: scratch.url)
        }
    }

    @Test("a hostile scenario title is escaped and inert in the SVG and the KML")
    func hostileTitle() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let scenario = scratch.url.appendingPathComponent("hostile.yaml")
        try """
        title: '\(hostile.replacingOccurrences(of: "'", with: "''"))'
        sites: [Jurf al-Sakhar]
        missiles: [Zolfaghar]
        targets: [Baghdad, Riyadh]
        output: hostile
        """.write(to: scenario, atomically: true, encoding: .utf8)
        let result = try threatmap("map", [scenario.path, "--output-dir", scratch.url.path, "--kml"], in: scratch.url)
        expectSuccess(result)
        for suffix in ["svg", "kml"] {
            let url = scratch.url.appendingPathComponent("hostile.\(suffix)")
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.range(of: "<script", options: .caseInsensitive) == nil, "raw markup in the \(suffix)")
            #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
            let xml = try parseXML(url)
            #expect(!xml.names.contains("script"))
            #expect(xml.text.contains(hostile), "the title reads back as text from the \(suffix)")
        }
    }

    @Test("rings --format kml and geojsonl open in GDAL; --precision rounds")
    func ringsFormats() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let kml = scratch.path("rings.kml"), lines = scratch.path("rings.geojsonl")
        expectSuccess(try threatmap("rings", ["--from", "64.8,-179.7", "--from", "Baghdad", "--range", "300km", "--min-range", "50km",
                                              "--format", "kml", "--output", kml], in: scratch.url))
        let kmlSummary = try ogrSummary(kml, in: scratch.url)
        #expect(kmlSummary.count == 2)
        expectSuccess(try threatmap("rings", ["--from", "64.8,-179.7", "--range", "300km", "--format", "geojsonl",
                                              "--precision", "3", "--output", lines], in: scratch.url))
        let text = try String(contentsOfFile: lines, encoding: .utf8)
        let feature = try #require(try parseJSON(String(text.split(separator: "\n")[0])) as? [String: Any])
        let bbox = try #require(feature["bbox"] as? [Double])
        #expect(bbox[0] > bbox[2], "a footprint across the antimeridian has west > east: \(bbox)")
        for position in allPositions((feature["geometry"] as? [String: Any])?["coordinates"]) {
            #expect(position.allSatisfy { abs($0 * 1000 - ($0 * 1000).rounded()) < 1e-6 })
            #expect((-180...180).contains(position[0]))
        }
        #expect(try ogrSummary(lines, in: scratch.url).count == 1)
        try expectGeoPackage(lines, count: 1, in: scratch.url)
    }

    @Test("the golden GeoJSON files open in GDAL and convert to GeoPackage; the golden SVGs render")
    func goldensInGDAL() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let golden = Repository.root.appendingPathComponent("Tests/ExportTests/Fixtures/golden")
        let files = try FileManager.default.contentsOfDirectory(atPath: golden.path).sorted()
        #expect(files.filter { $0.hasSuffix(".geojson") }.count >= 2)
        #expect(files.filter { $0.hasSuffix(".svg") }.count >= 4)
        for file in files {
            let path = golden.appendingPathComponent(file).path
            if file.hasSuffix(".geojson") {
                let root = try #require(try parseJSON(try String(contentsOfFile: path, encoding: .utf8)) as? [String: Any])
                let count = (root["features"] as? [Any])?.count ?? -1
                let summary = try ogrSummary(path, in: scratch.url)
                #expect(summary.count == count, "\(file)")
                try expectGeoPackage(path, count: count, in: scratch.url)
            } else if file.hasSuffix(".svg") {
                let xml = try parseXML(URL(fileURLWithPath: path))
                #expect(xml.names.first == "svg")
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let width = Int(text.firstMatch(of: /width="(\d+)"/)?.1 ?? "") ?? 0
                let height = Int(text.firstMatch(of: /height="(\d+)"/)?.1 ?? "") ?? 0
                try expectPNG(path, width: width, height: height, in: scratch.url)
            }
        }
    }

    @Test("bad map options exit with the documented status", arguments: [
        BadMapOption(["--precision", "20"], 64), BadMapOption(["--extent", "nowhere"], 64), BadMapOption(["--width", "10"], 64),
        BadMapOption(["--projection", "mollweide"], 64), BadMapOption(["--theme", "sepia"], 64), BadMapOption(["--center", "95,10"], 64),
        BadMapOption(["--basemap", "/nonexistent/world.bin"], 66),
        BadMapOption(["--basemap", "/nonexistent/world.bin", "--no-basemap"], 64),
    ])
    func badOptions(option: BadMapOption) throws {
        let arguments = option.arguments, status = option.status
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("map", ["--output-dir", scratch.url.path] + arguments, in: scratch.url)
        #expect(result.exitedNormally)
        #expect(result.status == status, "\(result)")
        #expect(!result.stderr.isEmpty)
        #expect(scratch.regularFiles().isEmpty, "a failed run leaves no file")
    }

    @Test("--no-basemap draws no land; a malformed basemap is bad data")
    func basemapChoice() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        expectSuccess(try threatmap("map", ["--output-dir", scratch.path("plain"), "--no-basemap"], in: scratch.url))
        let plain = try String(contentsOfFile: scratch.path("plain/iran-missiles-iraq-2018.svg"), encoding: .utf8)
        #expect(!plain.contains("class=\"land\""))
        #expect(!plain.contains("Basemap: Natural Earth"))
        expectSuccess(try threatmap("map", ["--output-dir", scratch.path("full")], in: scratch.url))
        let full = try String(contentsOfFile: scratch.path("full/iran-missiles-iraq-2018.svg"), encoding: .utf8)
        #expect(full.contains("class=\"land\"") && full.contains("class=\"coastline\"") && full.contains("class=\"borders\""))
        let broken = scratch.path("broken.bin")
        try Data("TMBASE1\n\u{5}".utf8).write(to: URL(fileURLWithPath: broken))
        let result = try threatmap("map", ["--output-dir", scratch.path("broken"), "--basemap", broken], in: scratch.url)
        #expect(result.status == 65, "\(result)")
    }
}
