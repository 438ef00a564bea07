import Export
import Foundation
import GeoModel
import Testing

@Suite("Basemap")
struct BasemapTests {
    @Test("the bundled basemap loads: land, coast, borders, provinces and country names")
    func bundled() throws {
        let basemap = try Basemap(contentsOf: Golden.basemapURL)
        #expect(basemap.land.count > 1000)
        #expect(basemap.coastline.count > 1000)
        #expect(basemap.borders.count > 100)
        #expect(basemap.provinces.count > 1000)
        let names = Set(basemap.labels.map(\.name))
        for country in ["Iraq", "Iran", "Saudi Arabia", "Russia", "Antarctica"] { #expect(names.contains(country)) }
        let everything = basemap.land.flatMap { $0.exterior } + basemap.coastline.flatMap(\.coordinates)
        #expect(everything.allSatisfy { abs($0.longitude) <= 180 && abs($0.latitude) <= 90 })
        // Land exteriors run counter-clockwise, as the format promises.
        #expect(basemap.land.allSatisfy { RingGeometry.signedDoubleArea($0.exterior) > 0 })
        // Cut edges along ±180 are never coastline.
        for line in basemap.coastline {
            for (a, b) in zip(line.coordinates, line.coordinates.dropFirst()) {
                #expect(!(abs(a.longitude) == 180 && a.longitude == b.longitude))
            }
        }
        let size = try FileManager.default.attributesOfItem(atPath: Golden.basemapURL.path)[.size] as? Int ?? 0
        #expect(size < 4_000_000, "the basemap should stay a few MB at most")
    }

    @Test("malformed files fail with the file and the byte offset")
    func malformed() throws {
        let good = try Data(contentsOf: Golden.basemapURL)
        #expect(throws: BasemapError.self) { try Basemap(data: Data("TMBASE2\n".utf8) + good.dropFirst(8), source: "x") }
        let truncated = #expect(throws: BasemapError.self) { try Basemap(data: good.prefix(5000), source: "cut.bin") }
        if case let .malformed(source, offset, reason)? = truncated {
            #expect(source.hasPrefix("cut.bin"))
            #expect(offset > 0)
            #expect(reason.contains("end of data") || reason.contains("exceeds"))
        } else {
            Issue.record("expected .malformed, got \(String(describing: truncated))")
        }
        #expect(throws: BasemapError.self) { try Basemap(data: good + Data([0]), source: "long.bin") }
        let missing = #expect(throws: BasemapError.self) {
            try Basemap(contentsOf: URL(fileURLWithPath: "/nonexistent/world.bin"))
        }
        #expect(missing == .unreadable(path: "/nonexistent/world.bin", reason: "no such file"))
    }

    @Test("a basemap made in memory draws land, coast and borders in the SVG")
    func drawn() throws {
        let ring: Ring = [
            Coordinate(latitude: 30, longitude: 40), Coordinate(latitude: 30, longitude: 50),
            Coordinate(latitude: 36, longitude: 50), Coordinate(latitude: 36, longitude: 40), Coordinate(latitude: 30, longitude: 40),
        ]
        let basemap = Basemap(land: [Polygon(exterior: ring)], coastline: [LineString(ring)],
                              borders: [LineString([Coordinate(latitude: 30, longitude: 45), Coordinate(latitude: 36, longitude: 45)])],
                              provinces: [LineString([Coordinate(latitude: 33, longitude: 40), Coordinate(latitude: 33, longitude: 45)])],
                              labels: [Basemap.Label(name: "Testland", coordinate: Coordinate(latitude: 31, longitude: 42),
                                                     squareKilometers: 500_000)])
        let content = MapContent(title: "T", subtitle: "S", credit: "C", layers: [], sites: [
            MapContent.Marker(label: "Site", coordinate: Coordinate(latitude: 33, longitude: 44), tooltip: "Site"),
        ], targets: [])
        let svg = try SVGMapRenderer(extent: .radius(.kilometers(800)), basemap: basemap)
            .render(content, projection: .azimuthalEquidistant(center: Coordinate(latitude: 33, longitude: 44)))
        for layer in ["land", "coastline", "borders", "provinces"] { #expect(svg.contains("class=\"\(layer)\"")) }
        #expect(svg.contains(">TESTLAND</text>"))
        #expect(svg.contains("Basemap: Natural Earth (public domain)"))
    }
}
