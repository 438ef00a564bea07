@testable import Export
import Foundation
import GeoModel
import Testing

@Suite("Basemap left out beyond an azimuthal map's cap")
struct VisibleCapTests {
    private static let frame = PlaneRect(minX: 20, minY: 84, maxX: 1180, maxY: 850)

    /// Regional and near-world azimuthal maps, about the Gulf, Siberia and the South Pole.
    private static let maps: [(projection: MapProjection, extent: MapExtent)] = [
        (.azimuthalEquidistant(center: Coordinate(latitude: 32.4, longitude: 43.9)), .radius(.kilometers(1500))),
        (.lambertAzimuthalEqualArea(center: Coordinate(latitude: 60, longitude: 100)), .radius(.kilometers(3000))),
        (.azimuthalEquidistant(center: Coordinate(latitude: -89, longitude: 170)), .radius(.kilometers(12000))),
    ]

    @Test("lines and land drawn from the cap's stretches match those drawn from everything", arguments: 0..<3)
    func sameDrawing(map: Int) throws {
        let basemap = try Basemap(contentsOf: Golden.basemapURL)
        let (projection, extent) = Self.maps[map]
        let canvas = try MapCanvas(projection: projection, extent: extent, contentCoordinates: [], frame: Self.frame)
        guard let cap = SVGMapRenderer.visibleCap(canvas) else {
            // Only the near-world map may show the whole Earth.
            #expect(map == 2)
            return
        }
        for lines in [basemap.coastline, basemap.borders].map({ $0.map(\.coordinates) }) {
            let all = canvas.lines(of: lines, tolerance: 0.5, minimumSize: 1.5)
            let kept = SVGMapRenderer.lines(of: lines, canvas: canvas, cap: cap, tolerance: 0.5, minimumSize: 1.5)
            #expect(kept == all)
        }
        let land = canvas.rings(of: basemap.land, tolerance: 0.5, minimumArea: 1).flatMap { $0 }
        let near = basemap.land.filter { cap.mayHold($0.exterior) }
        let kept = near.map(cap.thinned)
        #expect(canvas.rings(of: kept, tolerance: 0.5, minimumArea: 1).flatMap { $0 } == land)
        if map < 2 {
            // Most of the world is left out, and the continent's ring is shortened.
            #expect(near.count < basemap.land.count / 2)
            let keptVertices: Int = kept.reduce(0) { $0 + $1.exterior.count }
            let nearVertices: Int = near.reduce(0) { $0 + $1.exterior.count }
            #expect(keptVertices < nearVertices)
        }
    }

    @Test("the nearest angle to a box: zero inside, along the meridian above it, at a corner beside it")
    func nearestAngle() {
        let cap = VisibleCap(center: Coordinate(latitude: 30, longitude: 40), meters: 1_000_000, nearestMeters: 1_000_000)
        #expect(cap.nearestAngle(south: 20, north: 35, west: 30, east: 50) == 0)
        #expect(abs(cap.nearestAngle(south: 40, north: 50, west: 30, east: 50) - 10 * .pi / 180) < 1e-12)
        // A box due east at the centre's latitude: nearer than its corner at that latitude (the
        // great circle bends poleward).
        let east = cap.nearestAngle(south: 0, north: 60, west: 60, east: 70)
        let corner = cap.angle(to: Coordinate(latitude: 30, longitude: 60))
        #expect(east <= corner && east > 0)
        // A box given a turn east still holds the centre's meridian.
        #expect(cap.nearestAngle(south: 25, north: 35, west: 395, east: 405) == 0)
    }

    @Test("a ring with no vertex surely inside the map is kept as it is")
    func farRingKept() {
        let cap = VisibleCap(center: Coordinate(latitude: 30, longitude: 40), meters: 500_000, nearestMeters: 500_000)
        let far: Ring = [Coordinate(latitude: -40, longitude: -60), Coordinate(latitude: -40, longitude: -50),
                         Coordinate(latitude: -30, longitude: -50), Coordinate(latitude: -30, longitude: -60),
                         Coordinate(latitude: -40, longitude: -60)]
        #expect(cap.thinned(ring: far) == far)
        #expect(!cap.mayHold(far))
        #expect(cap.stretches(of: far).isEmpty)
    }
}
