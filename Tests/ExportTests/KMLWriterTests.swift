import Export
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GeoModel
import Testing

private let hostile = #"<script>alert(1)</script> & "x""#

private func square(_ west: Double, _ south: Double, _ size: Double) -> Ring {
    [Coordinate(latitude: south, longitude: west), Coordinate(latitude: south, longitude: west + size),
     Coordinate(latitude: south + size, longitude: west + size), Coordinate(latitude: south + size, longitude: west),
     Coordinate(latitude: south, longitude: west)]
}

/// Element names, text of `<name>` and `<description>`, and style ids of a KML document.
private final class KMLInspector: NSObject, XMLParserDelegate {
    var elements = [String]()
    var names = [String]()
    var descriptions = [String]()
    var styleIDs = [String]()
    var coordinates = [String]()
    private var text = ""
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(name)
        if name == "Style", let id = attributes["id"] { styleIDs.append(id) }
        text = ""
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "name": names.append(text)
        case "description": descriptions.append(text)
        case "coordinates": coordinates.append(text)
        default: break
        }
        text = ""
    }
}

private func inspect(_ kml: String) throws -> KMLInspector {
    let parser = XMLParser(data: Data(kml.utf8))
    let inspector = KMLInspector()
    parser.delegate = inspector
    try #require(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
    return inspector
}

private let layers = [
    KMLWriter.Layer(name: "Zolfaghar", detail: "700 km", features: [
        Feature(shape: .multiPolygon(MultiPolygon([
            Polygon(exterior: square(40, 30, 6), holes: [Array(square(42, 32, 1).reversed())]),
            Polygon(exterior: square(50, 30, 2)),
        ])), properties: [("site", .string(hostile)), ("range_km", .number(700)), ("missile", .null)]),
    ]),
    KMLWriter.Layer(name: "Fateh-110", detail: "300 km", features: [
        Feature(shape: .polygon(Polygon(exterior: square(42, 31, 3))), properties: [("site", .string("Jurf al-Sakhar"))]),
    ]),
]

private let places = [
    KMLWriter.Place(name: hostile, coordinate: Coordinate(latitude: 33.34, longitude: 44.4), role: .targetInRange,
                    details: [("in range of", hostile)]),
    KMLWriter.Place(name: "Jurf al-Sakhar", coordinate: Coordinate(latitude: 32.86667, longitude: 44.21389), role: .launchSite),
]

@Suite("KMLWriter")
struct KMLWriterTests {
    @Test("the document is well-formed KML 2.2 with a style per system and per kind of place")
    func structure() throws {
        let kml = KMLWriter().document(name: "Test", layers: layers, places: places)
        #expect(kml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">"))
        let inspector = try inspect(kml)
        #expect(inspector.styleIDs == ["system-1", "system-2", "launch_site", "target_in_range", "target_out_of_range"])
        #expect(inspector.elements.filter { $0 == "Placemark" }.count == 4)
        #expect(inspector.elements.filter { $0 == "Folder" }.count == 3)
        #expect(inspector.elements.filter { $0 == "MultiGeometry" }.count == 1)
        #expect(inspector.elements.filter { $0 == "innerBoundaryIs" }.count == 1)
        #expect(inspector.names.contains("Zolfaghar (700 km)"))
        #expect(kml.contains("<styleUrl>#system-1</styleUrl>"))
        #expect(kml.contains("<styleUrl>#target_in_range</styleUrl>"))
        // Longitude first, comma-separated, as KML wants.
        #expect(inspector.coordinates.contains("44.4,33.34"))
        #expect(KMLWriter().document(name: "Test", layers: layers, places: places) == kml)
    }

    @Test("colours are aabbggrr, fills translucent")
    func colours() {
        #expect(KMLWriter.kmlColour("#c0182a", alpha: 0xff) == "ff2a18c0")
        #expect(KMLWriter.kmlColour("#1F63B5", alpha: 0x40) == "40b5631f")
        let kml = KMLWriter(palette: ["#112233"]).document(name: "T", layers: layers)
        #expect(kml.contains("<LineStyle><color>ff332211</color>"))
        #expect(kml.contains("<PolyStyle><color>40332211</color>"))
    }

    @Test("a hostile label stays text: XML-escaped in names, HTML- then XML-escaped in balloons")
    func escaping() throws {
        let kml = KMLWriter().document(name: hostile, layers: layers, places: places)
        #expect(kml.range(of: "<script", options: .caseInsensitive) == nil)
        let inspector = try inspect(kml)
        // Names read back exactly (Google Earth shows them as text).
        #expect(inspector.names.first == hostile)
        #expect(inspector.names.contains(hostile))
        // Descriptions are HTML: after XML parsing they hold escaped markup only.
        for description in inspector.descriptions {
            #expect(!description.contains("<script"))
        }
        #expect(inspector.descriptions.contains { $0.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;") })
        #expect(kml.contains("<BalloonStyle><text>$[description]</text></BalloonStyle>"))
    }

    @Test("orientation follows KML: exteriors counter-clockwise, holes clockwise")
    func orientation() throws {
        let clockwise = Array(square(10, 10, 2).reversed())
        let kml = KMLWriter(decimals: 3).document(name: "T", layers: [
            KMLWriter.Layer(name: "A", detail: "1 km", features: [Feature(shape: .polygon(Polygon(exterior: clockwise)))]),
        ])
        let inspector = try inspect(kml)
        let ring = try #require(inspector.coordinates.first).split(separator: " ").map { pair in
            pair.split(separator: ",").compactMap { Double($0) }
        }
        var area = 0.0
        for index in 0..<(ring.count - 1) { area += ring[index][0] * ring[index + 1][1] - ring[index + 1][0] * ring[index][1] }
        #expect(area > 0)
    }
}
