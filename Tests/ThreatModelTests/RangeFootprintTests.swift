import Testing
import Gazetteer
import Geodesy
import GeoModel
import Geometry
import ThreatModel

@Suite struct RangeFootprintTests {
    let builder = FootprintBuilder()
    let site = TestData.jurfAlSakhar
    let zolfaghar = MissileSystem(name: "Zolfaghar", category: .srbm, range: .kilometers(700), source: "test")

    func distance(_ coordinate: Coordinate, from center: Coordinate) -> Double {
        Geodesic.wgs84.distance(from: center, to: coordinate).meters
    }

    @Test func discIsOneHolelessPolygonOnTheGeodesicCircle() throws {
        let footprint = try builder.footprint(of: zolfaghar, from: site)
        #expect(footprint.site == site)
        #expect(footprint.system == zolfaghar)
        try #require(footprint.area.polygons.count == 1)
        let polygon = footprint.area.polygons[0]
        #expect(polygon.holes.isEmpty)
        #expect(polygon.exterior.first == polygon.exterior.last)
        #expect(polygon.exterior.count > 64)
        for vertex in polygon.exterior {
            #expect(abs(distance(vertex, from: site.coordinate) - 700_000) < 1e-6, "\(vertex)")
        }
        #expect(try Topology.validity(of: .multiPolygon(footprint.area)) == .valid)
        #expect(try Topology.covers(footprint.area, site.coordinate))
    }

    /// Straight lon/lat edges sag inside the circle; the builder's tolerance bounds the sag.
    @Test func everyEdgeIsWithinTheTolerance() throws {
        let polygon = try #require(try builder.disc(around: site.coordinate, radius: .kilometers(700)).polygons.first)
        for (a, b) in zip(polygon.exterior, polygon.exterior.dropFirst()) {
            let midpoint = Coordinate(latitude: (a.latitude + b.latitude) / 2, longitude: (a.longitude + b.longitude) / 2)
            #expect(abs(distance(midpoint, from: site.coordinate) - 700_000) <= 10, "edge \(a) - \(b)")
        }
    }

    @Test func coarserToleranceNeedsFewerVertices() throws {
        let fine = try #require(try builder.disc(around: site.coordinate, radius: .kilometers(700)).polygons.first)
        let coarse = try #require(try FootprintBuilder(tolerance: .meters(1000)).disc(around: site.coordinate, radius: .kilometers(700)).polygons.first)
        #expect(coarse.exterior.count < fine.exterior.count)
        for (a, b) in zip(coarse.exterior, coarse.exterior.dropFirst()) {
            let midpoint = Coordinate(latitude: (a.latitude + b.latitude) / 2, longitude: (a.longitude + b.longitude) / 2)
            #expect(abs(distance(midpoint, from: site.coordinate) - 700_000) <= 1000)
        }
    }

    @Test func minimumRangeCutsOneHole() throws {
        let banded = MissileSystem(
            name: "Banded", category: .srbm, minimumRange: .kilometers(100), range: .kilometers(700), source: "test"
        )
        let footprint = try builder.footprint(of: banded, from: site)
        try #require(footprint.area.polygons.count == 1)
        let polygon = footprint.area.polygons[0]
        try #require(polygon.holes.count == 1)
        for vertex in polygon.exterior {
            #expect(abs(distance(vertex, from: site.coordinate) - 700_000) < 1e-6, "\(vertex)")
        }
        for vertex in polygon.holes[0] {
            #expect(abs(distance(vertex, from: site.coordinate) - 100_000) < 1e-6, "\(vertex)")
        }
        #expect(try Topology.validity(of: .multiPolygon(footprint.area)) == .valid)
        #expect(try !Topology.covers(footprint.area, site.coordinate))
        let inBand = Geodesic.wgs84.direct(from: site.coordinate, azimuth: 200, distance: .kilometers(400)).destination
        #expect(try Topology.covers(footprint.area, inBand))
        let tooClose = Geodesic.wgs84.direct(from: site.coordinate, azimuth: 200, distance: .kilometers(50)).destination
        #expect(try !Topology.covers(footprint.area, tooClose))
    }

    @Test func discAcrossTheAntimeridianIsCut() throws {
        let center = Coordinate(latitude: 64.8, longitude: -179.7)
        let system = MissileSystem(name: "Fateh-110", category: .srbm, range: .kilometers(300), source: "test")
        let footprint = try builder.footprint(of: system, from: TestData.point("Chukotka", center))
        let polygons = footprint.area.polygons
        #expect(polygons.count >= 2)
        let coordinates = Shape.multiPolygon(footprint.area).allCoordinates
        for vertex in coordinates {
            #expect((-180...180).contains(vertex.longitude), "\(vertex)")
        }
        #expect(coordinates.contains { $0.longitude == 180 })
        #expect(coordinates.contains { $0.longitude == -180 })
        // Vertices off the cut line are still the circle's own vertices.
        let sampled = coordinates.filter { abs($0.longitude) < 180 }
        #expect(sampled.count > 32)
        for vertex in sampled {
            #expect(abs(distance(vertex, from: center) - 300_000) < 1e-6, "\(vertex)")
        }
        #expect(try Topology.validity(of: .multiPolygon(footprint.area)) == .valid)
        #expect(try Topology.covers(footprint.area, center))
        let acrossTheLine = Geodesic.wgs84.direct(from: center, azimuth: 270, distance: .kilometers(200)).destination
        #expect(acrossTheLine.longitude > 0)
        #expect(try Topology.covers(footprint.area, acrossTheLine))
    }

    @Test func badRadiusIsAGeodesyError() {
        let error = #expect(throws: ThreatModelError.self) {
            try builder.disc(around: site.coordinate, radius: .zero)
        }
        #expect(error == .geodesy(.invalidRadius(.zero)))
    }
}
