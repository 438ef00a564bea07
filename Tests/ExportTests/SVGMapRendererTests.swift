import Export
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GeoModel
import Testing

private let hostileLabel = #"<script>alert(1)</script> & "x""#

private func square(south: Double, west: Double, size: Double) -> Ring {
    [
        Coordinate(latitude: south, longitude: west),
        Coordinate(latitude: south, longitude: west + size),
        Coordinate(latitude: south + size, longitude: west + size),
        Coordinate(latitude: south + size, longitude: west),
        Coordinate(latitude: south, longitude: west),
    ]
}

/// Two layers: the first with two polygons (one holding two holes), the second with one.
private let sampleContent = MapContent(
    title: "Reach of <b>systems</b> & more",
    subtitle: "2018-08-31 · Ranges: A 700 km",
    credit: "Sources: a 'quoted' report; Places: GeoNames (CC BY 4.0)",
    layers: [
        MapContent.Layer(name: "Alpha", detail: "700 km", areas: [
            MultiPolygon([
                Polygon(exterior: square(south: 30, west: 40, size: 6), holes: [
                    square(south: 31, west: 41, size: 1), square(south: 33, west: 43, size: 1),
                ]),
                Polygon(exterior: square(south: 30, west: 48, size: 2)),
            ]),
        ]),
        MapContent.Layer(name: "Beta & <Gamma>", detail: "300 km", areas: [
            MultiPolygon([Polygon(exterior: square(south: 32, west: 42, size: 3))]),
        ]),
    ],
    sites: [
        MapContent.Marker(label: "Jurf al-Sakhar", coordinate: Coordinate(latitude: 32.86667, longitude: 44.21389),
                          tooltip: "Jurf al-Sakhar: launch site"),
    ],
    targets: [
        MapContent.Marker(label: hostileLabel, coordinate: Coordinate(latitude: 33.34, longitude: 44.4),
                          tooltip: "tooltip " + hostileLabel, highlighted: true),
        MapContent.Marker(label: "Riyadh", coordinate: Coordinate(latitude: 24.68773, longitude: 46.72185),
                          tooltip: "Riyadh: out of range"),
    ]
)

private let projection = MapProjection.azimuthalEquidistant(center: Coordinate(latitude: 33, longitude: 44))

/// Collects what the tests look at while `XMLParser` walks the SVG.
private final class SVGInspector: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    private(set) var rootName: String?
    private(set) var rootAttributes: [String: String] = [:]
    /// Titles in document order.
    private(set) var titles: [String] = []
    /// Text of every `<text>` element, in document order.
    private(set) var texts: [String] = []
    /// For every `<g class="footprint">`: its title, its filled paths and its outlines.
    private(set) var footprints: [(title: String, fills: [String], edges: String, holes: String)] = []
    private(set) var elementNames: [String] = []

    private var stack: [Element] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if stack.isEmpty {
            rootName = name
            rootAttributes = attributes
        }
        elementNames.append(name)
        if name == "g", attributes["class"] == "footprint" { footprints.append(("", [], "", "")) }
        if name == "path", stack.last?.attributes["class"] == "footprint" {
            let d = attributes["d"] ?? ""
            switch attributes["class"] {
            case "edge": footprints[footprints.count - 1].edges += d
            case "min-range": footprints[footprints.count - 1].holes += d
            default: footprints[footprints.count - 1].fills.append(d)
            }
        }
        stack.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !stack.isEmpty { stack[stack.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let element = stack.removeLast()
        switch name {
        case "title":
            titles.append(element.text)
            if stack.last?.attributes["class"] == "footprint" { footprints[footprints.count - 1].title = element.text }
        case "text":
            texts.append(element.text)
        default:
            break
        }
    }
}

/// Parses `svg`; records an issue and returns nil when the XML is not well formed.
private func inspect(_ svg: String) throws -> SVGInspector {
    let parser = XMLParser(data: Data(svg.utf8))
    let inspector = SVGInspector()
    parser.delegate = inspector
    let parsed = parser.parse()
    #expect(parsed, "the SVG is not well-formed XML: \(String(describing: parser.parserError))")
    try #require(parsed)
    return inspector
}

@Suite("SVGMapRenderer")
struct SVGMapRendererTests {
    @Test("label text is escaped: no raw <script, only &lt;script&gt;")
    func escapesMarkup() throws {
        let svg = try SVGMapRenderer().render(sampleContent, projection: projection)
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
        #expect(svg.range(of: "<script", options: .caseInsensitive) == nil)
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("Reach of &lt;b&gt;systems&lt;/b&gt; &amp; more"))
    }

    @Test("the SVG parses as XML and the label reads back exactly")
    func parsesAsXML() throws {
        let svg = try SVGMapRenderer().render(sampleContent, projection: projection)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        let inspector = try inspect(svg)
        #expect(inspector.rootName == "svg")
        #expect(inspector.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(inspector.rootAttributes["width"] == "1200")
        #expect(inspector.rootAttributes["height"] == "900")
        #expect(inspector.rootAttributes["viewBox"] == "0 0 1200 900")
        #expect(inspector.texts.contains(hostileLabel))
        #expect(inspector.titles.contains("tooltip " + hostileLabel))
        #expect(!inspector.elementNames.contains("script"))
    }

    @Test("control characters in text are dropped so the XML stays well formed")
    func controlCharacters() throws {
        var content = sampleContent
        content.targets[1].label = "bell\u{07}null\u{00}escape\u{1B}end"
        content.title = "form\u{0C}feed"
        let svg = try SVGMapRenderer().render(content, projection: projection)
        #expect(!svg.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" })
        let inspector = try inspect(svg)
        #expect(inspector.texts.contains("bellnullescapeend"))
        #expect(inspector.titles.first == "formfeed")
    }

    @Test("rendering twice gives the same bytes")
    func deterministic() throws {
        let first = try SVGMapRenderer().render(sampleContent, projection: projection)
        let second = try SVGMapRenderer().render(sampleContent, projection: projection)
        #expect(Data(first.utf8) == Data(second.utf8))
    }

    @Test("one filled <path> per polygon with a subpath per ring; outlines apart, holes dashed")
    func onePathPerPolygon() throws {
        let svg = try SVGMapRenderer().render(sampleContent, projection: projection)
        let inspector = try inspect(svg)
        // Larger footprints are drawn first, so smaller ones stay on top.
        #expect(inspector.footprints.map(\.title) == ["Alpha: 700 km", "Beta & <Gamma>: 300 km"])
        try #require(inspector.footprints.count == 2)
        let alpha = inspector.footprints[0], beta = inspector.footprints[1]
        func subpaths(_ d: String) -> (moves: Int, closes: Int) {
            (d.filter { $0 == "M" }.count, d.filter { $0 == "z" }.count)
        }
        #expect(alpha.fills.count == 2)
        #expect(beta.fills.count == 1)
        try #require(alpha.fills.count == 2 && beta.fills.count == 1)
        #expect(subpaths(alpha.fills[0]) == (3, 3))  // exterior and two holes
        #expect(subpaths(alpha.fills[1]) == (1, 1))
        #expect(subpaths(beta.fills[0]) == (1, 1))
        // Outlines are open polylines: two exteriors, two dashed holes.
        #expect(subpaths(alpha.edges).moves == 2)
        #expect(subpaths(alpha.holes).moves == 2)
        #expect(beta.holes.isEmpty)
        #expect(svg.contains("stroke-dasharray=\"6 4\""))
    }

    @Test("light and dark themes colour the sea, land and text differently")
    func themes() throws {
        let land = Basemap(land: [Polygon(exterior: square(south: 28, west: 38, size: 10))],
                           coastline: [LineString(square(south: 28, west: 38, size: 10))])
        let light = try SVGMapRenderer(theme: .light, basemap: land).render(sampleContent, projection: projection)
        let dark = try SVGMapRenderer(theme: .dark, basemap: land).render(sampleContent, projection: projection)
        #expect(light.contains("fill=\"\(MapTheme.light.sea)\""))
        #expect(light.contains("fill=\"\(MapTheme.light.land)\""))
        #expect(dark.contains("fill=\"\(MapTheme.dark.sea)\""))
        #expect(dark.contains("fill=\"\(MapTheme.dark.land)\""))
        #expect(dark.contains("fill=\"\(MapTheme.dark.background)\""))
        #expect(!dark.contains(MapTheme.light.sea))
        #expect(light != dark)
        _ = try inspect(dark)
        #expect(MapTheme.named("dark") == .dark)
        #expect(MapTheme.named("LIGHT") == .light)
        #expect(MapTheme.named("sepia") == nil)
    }

    @Test("every projection renders finite, well-formed SVG", arguments: [
        MapProjection.azimuthalEquidistant(center: Coordinate(latitude: 33, longitude: 44)),
        .lambertAzimuthalEqualArea(center: Coordinate(latitude: 33, longitude: 44)),
        .equirectangular(center: Coordinate(latitude: 33, longitude: 44)),
        .webMercator(center: Coordinate(latitude: 33, longitude: 44)),
    ])
    func projections(projection: MapProjection) throws {
        for extent in [MapExtent.auto, .world, .radius(.kilometers(2500)), .box(west: 30, south: 20, east: 60, north: 45)] {
            let svg = try SVGMapRenderer(extent: extent).render(sampleContent, projection: projection)
            #expect(!svg.contains("nan") && !svg.contains("inf"))
            let inspector = try inspect(svg)
            #expect(inspector.footprints.count == 2)
            #expect(inspector.texts.contains(hostileLabel) || extent == .world, "\(extent)")
        }
    }

    @Test("a graticule with degree labels, a scale bar and a north arrow")
    func furniture() throws {
        let svg = try SVGMapRenderer().render(sampleContent, projection: projection)
        let inspector = try inspect(svg)
        #expect(svg.contains("class=\"graticule\""))
        #expect(inspector.texts.contains { $0.hasSuffix("°N") })
        #expect(inspector.texts.contains { $0.hasSuffix("°E") })
        #expect(inspector.texts.contains { $0.hasSuffix(" km") })
        #expect(inspector.titles.contains("North"))
        #expect(inspector.texts.contains("N"))
    }

    @Test("markers beyond the map are left out, not drawn at infinity")
    func invisibleMarkers() throws {
        var content = sampleContent
        content.targets.append(MapContent.Marker(label: "Antipode", coordinate: Coordinate(latitude: -33, longitude: -136),
                                                 tooltip: "Antipode"))
        let svg = try SVGMapRenderer().render(content, projection: projection)
        let inspector = try inspect(svg)
        #expect(!inspector.titles.contains("Antipode"))
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    @Test("the title, subtitle, credit, legend and tooltips are present")
    func titlesPresent() throws {
        let svg = try SVGMapRenderer().render(sampleContent, projection: projection)
        let inspector = try inspect(svg)
        #expect(inspector.titles.first == sampleContent.title)
        #expect(inspector.titles.contains("Jurf al-Sakhar: launch site"))
        #expect(inspector.titles.contains("Riyadh: out of range"))
        #expect(inspector.texts.contains(sampleContent.title))
        #expect(inspector.texts.contains(sampleContent.subtitle))
        #expect(inspector.texts.contains(sampleContent.credit))
        #expect(inspector.texts.contains("Alpha (700 km)"))
        #expect(inspector.texts.contains("Beta & <Gamma> (300 km)"))
        #expect(inspector.texts.contains("Jurf al-Sakhar"))
        #expect(inspector.texts.contains("Riyadh"))
    }

    @Test("a custom canvas size is honoured")
    func canvasSize() throws {
        let renderer = SVGMapRenderer(width: 640, height: 480)
        let inspector = try inspect(try renderer.render(sampleContent, projection: projection))
        #expect(inspector.rootAttributes["width"] == "640")
        #expect(inspector.rootAttributes["height"] == "480")
        #expect(inspector.rootAttributes["viewBox"] == "0 0 640 480")
    }

    @Test("a projection PROJ rejects makes render throw ExportError.projection")
    func badProjection() {
        let error = #expect(throws: ExportError.self) {
            try SVGMapRenderer().render(sampleContent, projection: MapProjection(definition: "+proj=nonsense"))
        }
        guard case .projection = error else {
            Issue.record("expected .projection, got \(String(describing: error))")
            return
        }
    }
}

/// Long subtitles continue on further lines instead of running under the date.
@Suite struct SubtitleLineTests {
    @Test func aShortSubtitleKeepsOneLine() {
        #expect(SVGMapRenderer.subtitleLines("Ranges: Zolfaghar 700 km", date: "2018-08-31", width: 1200) == ["Ranges: Zolfaghar 700 km"])
    }

    @Test func aLongSubtitleBreaksAtItsPartsAndEveryLineFits() {
        let subtitle = "Ranges: Zelzal-2 200 km–250 km (certain–possible), Fateh-110 200 km–300 km (certain–possible), Zolfaghar 700 km"
            + " · about 162.1 million people in named places within reach of the Zolfaghar"
        let lines = SVGMapRenderer.subtitleLines(subtitle, date: "2018-08-31", width: 1200)
        #expect(lines.count == 2)
        #expect(lines[1] == "about 162.1 million people in named places within reach of the Zolfaghar")
        #expect(lines.joined(separator: " · ") == subtitle)
        let narrow = SVGMapRenderer.subtitleLines(subtitle, date: nil, width: 400)
        #expect(narrow.count > 3)
        #expect(narrow.allSatisfy { $0.count <= 50 })
        #expect(narrow.joined(separator: " ").replacingOccurrences(of: " · ", with: " ").split(separator: " ")
                == subtitle.replacingOccurrences(of: " · ", with: " ").split(separator: " "))
    }
}
