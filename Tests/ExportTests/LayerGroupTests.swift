import Export
import GeoModel
import Testing

/// Maps with more systems than the palette has colours are coloured by
/// kind of system (a group), with one legend entry per group.
@Suite struct LayerGroupTests {
    private static func layer(_ index: Int, group: String?) -> MapContent.Layer {
        let west = 40.0 + Double(index) * 0.5
        let ring = [Coordinate(latitude: 30, longitude: west), Coordinate(latitude: 30, longitude: west + 0.4),
                    Coordinate(latitude: 30.4, longitude: west + 0.4), Coordinate(latitude: 30, longitude: west)]
        return MapContent.Layer(name: "System \(index)", detail: "\(100 + index) km",
                                areas: [MultiPolygon([Polygon(exterior: ring)])], group: group)
    }

    private static func render(_ layers: [MapContent.Layer]) throws -> String {
        let content = MapContent(title: "t", subtitle: "s", credit: "c", layers: layers, sites: [], targets: [])
        return try SVGMapRenderer().render(content, projection: .azimuthalEquidistant(center: Coordinate(latitude: 31, longitude: 43)))
    }

    @Test func manyLayersAreColouredAndListedByGroup() throws {
        let groups = ["short-range ballistic missile", "ground-launched cruise missile", "loitering munition"]
        let layers = (0..<10).map { Self.layer($0, group: groups[$0 % 3]) }
        let svg = try Self.render(layers)
        #expect(svg.contains(">short-range ballistic missile (4 systems)<"))
        #expect(svg.contains(">ground-launched cruise missile (3 systems)<"))
        #expect(svg.contains(">loitering munition (3 systems)<"))
        #expect(!svg.contains(">System 9 (109 km)<"))
        // Two layers of one group share its colour; the three groups get the first three.
        let palette = MapTheme.light.palette
        #expect(SVGMapRenderer.colourGroups(layers, paletteSize: palette.count) == groups)
    }

    @Test func fewLayersKeepAColourAndEntryEach() throws {
        let layers = (0..<3).map { Self.layer($0, group: "short-range ballistic missile") }
        let svg = try Self.render(layers)
        #expect(svg.contains(">System 0 (100 km)<") && svg.contains(">System 2 (102 km)<"))
        #expect(!svg.contains("(3 systems)"))
    }

    @Test func layersWithoutGroupsKeepTheirOwnColours() {
        let layers = (0..<10).map { Self.layer($0, group: $0 == 4 ? nil : "srbm") }
        #expect(SVGMapRenderer.colourGroups(layers, paletteSize: 8) == nil)
    }
}
