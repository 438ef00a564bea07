import Export
import Foundation
import GeoModel
import Testing

/// Footprints and places of one golden scenario, read from fixtures that
/// `threatmap rings` wrote (so these tests need no geodesy of their own).
private struct GoldenScenario {
    var features: [Feature]
    var sites: [MapContent.Marker]
    var targets: [MapContent.Marker]
    var title: String

    init(fixture: String, title: String, sites: [(String, Double, Double)], targets: [(String, Double, Double, Bool)]) throws {
        features = try GeoJSONReader().read(contentsOf: try Golden.fixture(fixture))
        self.title = title
        self.sites = sites.map { name, latitude, longitude in
            MapContent.Marker(label: name, coordinate: Coordinate(latitude: latitude, longitude: longitude),
                              tooltip: "\(name): launch site")
        }
        self.targets = targets.map { name, latitude, longitude, inRange in
            MapContent.Marker(label: name, coordinate: Coordinate(latitude: latitude, longitude: longitude),
                              tooltip: "\(name): \(inRange ? "in range" : "out of range")", highlighted: inRange)
        }
    }

    var content: MapContent {
        let layers = features.enumerated().map { index, feature in
            let range: Double, minimum: Double
            func number(_ name: String) -> Double {
                switch feature[property: name] {
                case let .number(value)?: value
                case let .integer(value)?: Double(value)
                default: 0
                }
            }
            range = number("range_km")
            minimum = number("min_range_km")
            let areas: [MultiPolygon] = switch feature.shape {
            case let .multiPolygon(multi): [multi]
            case let .polygon(polygon): [MultiPolygon([polygon])]
            default: []
            }
            let detail = minimum > 0 ? "\(Int(minimum))–\(Int(range)) km" : "\(Int(range)) km"
            return MapContent.Layer(name: "System \(index + 1)", detail: detail, areas: areas)
        }
        return MapContent(title: title, subtitle: "Golden test scenario", date: "2024-01-01",
                          credit: "Test fixture · Places are coordinates", layers: layers, sites: sites, targets: targets)
    }

    /// The GeoJSON `threatmap map` would write: footprints, then points.
    var geoJSON: String {
        var all = features
        all += sites.map { Feature(shape: .point($0.coordinate), properties: [("name", .string($0.label)), ("role", .string("launch_site"))]) }
        all += targets.map { Feature(shape: .point($0.coordinate), properties: [("name", .string($0.label)), ("role", .string("target"))]) }
        return GeoJSONWriter().document(all)
    }
}

private let hostile = #"<script>alert(1)</script> & "x""#

private func antimeridian() throws -> GoldenScenario {
    try GoldenScenario(
        fixture: "antimeridian-footprints.geojson", title: "Across the antimeridian",
        sites: [("Anadyr area", 64.8, -179.7), ("Kamchatka coast", 60.0, 170.0)],
        targets: [("Nome", 64.5, -165.4, false), ("Provideniya", 64.42, -173.23, true), (hostile, 62.0, 178.0, true),
                  ("Petropavlovsk", 53.02, 158.65, false)]
    )
}

private func polar() throws -> GoldenScenario {
    try GoldenScenario(
        fixture: "polar-footprints.geojson", title: "Around the North Pole",
        sites: [("Longyearbyen", 78.22, 15.65), ("Murmansk", 68.97, 33.08)],
        targets: [("North Pole", 90, 0, true), ("Alert", 82.5, -62.35, false), ("Thule", 76.53, -68.7, true),
                  ("Tromsø", 69.65, 18.96, true)]
    )
}

private func basemap() throws -> Basemap { try Basemap(contentsOf: Golden.basemapURL) }

/// Renders and checks what every map must satisfy, then compares with the golden.
private func checkMap(_ svg: String, golden: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(!svg.contains("nan") && !svg.contains("inf"), "a number is not finite", sourceLocation: sourceLocation)
    #expect(svg.range(of: "<script", options: .caseInsensitive) == nil, sourceLocation: sourceLocation)
    _ = try Golden.elements(of: svg)
    try Golden.assertMatches(svg, named: golden, sourceLocation: sourceLocation)
}

@Suite("Golden maps and GeoJSON")
struct MapGoldenTests {
    @Test("antimeridian: azimuthal equidistant with basemap")
    func antimeridianAzimuthal() throws {
        let scenario = try antimeridian()
        let renderer = SVGMapRenderer(width: 900, height: 700, basemap: try basemap())
        let svg = try renderer.render(scenario.content, projection: .azimuthalEquidistant(center: Coordinate(latitude: 62.4, longitude: 175.15)))
        try checkMap(svg, golden: "antimeridian-aeqd.svg")
    }

    @Test("antimeridian: equirectangular centred on 180°, dark theme")
    func antimeridianEquirectangular() throws {
        let scenario = try antimeridian()
        let renderer = SVGMapRenderer(width: 900, height: 600, theme: .dark, basemap: try basemap())
        let svg = try renderer.render(scenario.content, projection: .equirectangular(center: Coordinate(latitude: 62.4, longitude: 180)))
        try checkMap(svg, golden: "antimeridian-equirectangular-dark.svg")
    }

    @Test("around a pole: azimuthal equidistant, dark theme")
    func polarAzimuthal() throws {
        let scenario = try polar()
        let renderer = SVGMapRenderer(width: 900, height: 800, theme: .dark, basemap: try basemap())
        let svg = try renderer.render(scenario.content, projection: .azimuthalEquidistant(center: Coordinate(latitude: 73.6, longitude: 24.4)))
        try checkMap(svg, golden: "polar-aeqd-dark.svg")
    }

    @Test("around a pole: Web Mercator cuts at 85.05°")
    func polarMercator() throws {
        let scenario = try polar()
        let renderer = SVGMapRenderer(width: 900, height: 700, basemap: try basemap())
        let svg = try renderer.render(scenario.content, projection: .webMercator(center: Coordinate(latitude: 73.6, longitude: 24.4)))
        try checkMap(svg, golden: "polar-web-mercator.svg")
    }

    @Test("GeoJSON across the antimeridian")
    func antimeridianGeoJSON() throws {
        try Golden.assertMatches(try antimeridian().geoJSON, named: "antimeridian.geojson")
    }

    @Test("GeoJSON around a pole")
    func polarGeoJSON() throws {
        try Golden.assertMatches(try polar().geoJSON, named: "polar.geojson")
    }

    @Test("the comparison refuses a changed golden")
    func comparisonCatchesChanges() throws {
        let svg = try SVGMapRenderer(width: 600, height: 400).render(try polar().content,
                                                                   projection: .azimuthalEquidistant(center: Coordinate(latitude: 80, longitude: 0)))
        #expect(try Golden.svgDifference(expected: svg, actual: svg) == nil)
        let moved = svg.replacingOccurrences(of: "Around the North Pole", with: "Around the South Pole")
        #expect(try Golden.svgDifference(expected: svg, actual: moved) != nil)
        #expect(Golden.numbersClose("M10.1,20.2l1,2", "M10.2,20.3l1,2"))
        #expect(!Golden.numbersClose("M10.1,20.2l1,2", "M10.5,20.2l1,2"))
        #expect(!Golden.numbersClose("M10.1,20.2l1,2", "M10.1,20.2l1,2 3,4"))
        let json = try antimeridian().geoJSON
        #expect(try Golden.jsonDifference(expected: json, actual: json) == nil)
        #expect(try Golden.jsonDifference(expected: json, actual: json.replacingOccurrences(of: "\"launch_site\"", with: "\"target\"")) != nil)
    }
}
