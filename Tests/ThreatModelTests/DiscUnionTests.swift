import Foundation
import Gazetteer
import Geodesy
import GeoModel
import Geometry
import Testing
import ThreatModel

/// The union that leaves covered discs out (`unitedDiscs`, `union(of:)`)
/// against the plain GEOS union of every disc: the same ground, whether a
/// skipped disc fills a hole or not, near ±180 and the poles.
@Suite struct DiscUnionTests {
    let builder = FootprintBuilder()
    let geodesic = Geodesic.wgs84
    let radius = Distance.kilometers(300)
    let middle = Coordinate(latitude: 33, longitude: 44)

    /// Ground in one shape and not the other, km² (both ways added).
    func differenceArea(_ a: MultiPolygon, _ b: MultiPolygon) throws -> Double {
        try [Topology.difference(a, b), Topology.difference(b, a)]
            .reduce(0) { $0 + geodesic.measure(multiPolygon: $1).squareKilometers }
    }

    /// The union of every disc, each traced.
    func unionOfEveryDisc(_ centers: [Coordinate], radius: Distance) throws -> MultiPolygon {
        try Topology.union(centers.map { try builder.disc(around: $0, radius: radius) })
    }

    /// `count` centres `distance` from `middle`, evenly round it.
    func circleOfCenters(_ count: Int, at distance: Distance) -> [Coordinate] {
        (0..<count).map { step in
            geodesic.direct(from: middle, azimuth: 360 * Double(step) / Double(count), distance: distance).destination
        }
    }

    func holes(_ shape: MultiPolygon) -> Int { shape.polygons.reduce(0) { $0 + $1.holes.count } }

    @Test func denseClusterSkipsMostDiscsAndCoversTheSameGround() throws {
        var random = ReachMatrixTests.Random(state: 2018)
        let centers = (0..<150).map { _ in
            Coordinate(latitude: Double.random(in: 30...37, using: &random), longitude: Double.random(in: 40...49, using: &random))
        }
        let cover = DiscCover(geodesic: geodesic, centers: centers, radius: radius, tolerance: builder.tolerance)
        #expect(cover.kept.count + cover.skipped.count == centers.count)
        #expect(cover.skipped.count > 50, "skipped \(cover.skipped.count) of 150")
        let united = try builder.unitedDiscs(around: centers, radius: radius)
        let every = try unionOfEveryDisc(centers, radius: radius)
        #expect(try differenceArea(united, every) < 1e-6)
        #expect(united.polygons.count == every.polygons.count)
        #expect(try Topology.validity(of: .multiPolygon(united)) == .valid)
        // The same from traced footprints, sampled at their vertices.
        let system = MissileSystem.bareRange(radius)
        let footprints = try centers.enumerated().map { index, center in
            try builder.footprint(of: system, from: TestData.point("site \(index)", center))
        }
        #expect(try differenceArea(try builder.union(of: footprints), every) < 1e-6)
    }

    @Test func skippedDiscFillsTheHoleInARingOfDiscs() throws {
        let ring = circleOfCenters(12, at: .kilometers(400))
        let ringOnly = try builder.unitedDiscs(around: ring, radius: radius)
        #expect(holes(ringOnly) == 1)
        // The middle disc's circle lies inside the ring's discs; its inside covers the hole.
        let centers = ring + [middle]
        let cover = DiscCover(geodesic: geodesic, centers: centers, radius: radius, tolerance: builder.tolerance)
        #expect(cover.skipped == [12])
        let united = try builder.unitedDiscs(around: centers, radius: radius)
        #expect(holes(united) == 0)
        #expect(try differenceArea(united, try unionOfEveryDisc(centers, radius: radius)) < 1e-6)
    }

    @Test func filledHoleTakesTheIslandInsideIt() throws {
        // A small disc in the hole of the ring is an island of the kept union;
        // the skipped middle disc fills the hole, island and all.
        let wide = MissileSystem.bareRange(radius), narrow = MissileSystem.bareRange(.kilometers(20))
        let ring = circleOfCenters(12, at: .kilometers(400)).enumerated().map { TestData.point("ring \($0)", $1) }
        let middleSite = TestData.point("middle", middle)
        var footprints = try (ring + [middleSite]).map { try builder.footprint(of: wide, from: $0) }
        footprints.append(try builder.footprint(of: narrow, from: middleSite))
        let withoutMiddle = try builder.union(of: footprints.filter { $0.site != middleSite || $0.system == narrow })
        #expect(withoutMiddle.polygons.count == 2)
        #expect(holes(withoutMiddle) == 1)
        let united = try builder.union(of: footprints)
        #expect(united.polygons.count == 1)
        #expect(holes(united) == 0)
        #expect(try differenceArea(united, try Topology.union(footprints.map(\.area))) < 1e-6)
        #expect(try Topology.validity(of: .multiPolygon(united)) == .valid)
    }

    @Test func skippedDiscAwayFromTheHoleLeavesItOpen() throws {
        // Two rings of discs make an annulus with a hole in the middle; a
        // disc between the rings is covered by them and is far from the hole.
        let extra = geodesic.direct(from: middle, azimuth: 7.5, distance: .kilometers(600)).destination
        let centers = circleOfCenters(12, at: .kilometers(400)) + circleOfCenters(24, at: .kilometers(800)) + [extra]
        let cover = DiscCover(geodesic: geodesic, centers: centers, radius: radius, tolerance: builder.tolerance)
        #expect(cover.skipped == [36])
        let united = try builder.unitedDiscs(around: centers, radius: radius)
        #expect(holes(united) == 1)
        #expect(try differenceArea(united, try unionOfEveryDisc(centers, radius: radius)) < 1e-6)
    }

    @Test(arguments: [
        Coordinate(latitude: 10, longitude: 179.5),  // discs cross ±180
        Coordinate(latitude: 84, longitude: 20),     // discs reach past 85°
    ])
    func discsAtTheAntimeridianOrNearAPoleAreNeverSkipped(_ around: Coordinate) throws {
        let centers = (0..<40).map { step in
            geodesic.direct(from: around, azimuth: Double(step) * 137.5, distance: .kilometers(Double(step) * 4)).destination
        }
        let cover = DiscCover(geodesic: geodesic, centers: centers, radius: radius, tolerance: builder.tolerance)
        #expect(cover.skipped.isEmpty)
        let united = try builder.unitedDiscs(around: centers, radius: radius)
        #expect(try differenceArea(united, try unionOfEveryDisc(centers, radius: radius)) < 1e-6)
    }

    @Test func radiiAbove5000KilometresAreNeverSkipped() {
        let centers = (0..<20).map { Coordinate(latitude: 33 + Double($0) / 10, longitude: 44) }
        let cover = DiscCover(geodesic: geodesic, centers: centers, radius: .kilometers(6_000), tolerance: builder.tolerance)
        #expect(cover.skipped.isEmpty)
        #expect(cover.kept == Array(0..<20))
    }

    @Test func unionOfFootprintsSkipsOnlyPlainDiscs() throws {
        let system = MissileSystem(name: "Test", category: .srbm, range: radius, source: "test")
        let annulus = MissileSystem(name: "Annulus", category: .srbm, minimumRange: .kilometers(50), range: radius, source: "test")
        let ring = circleOfCenters(12, at: .kilometers(400)).enumerated().map { index, coordinate in
            TestData.point("ring \(index)", coordinate)
        }
        var footprints = try (ring + [TestData.point("middle", middle)]).map { try builder.footprint(of: system, from: $0) }
        // An annulus and a sector in the middle must stay in the union as they are.
        footprints.append(try builder.footprint(of: annulus, from: TestData.point("annulus", middle)))
        footprints.append(try builder.footprint(of: system, from: LaunchSite(place: TestData.point("sector", middle)),
                                                azimuths: try AzimuthRange(start: 250, end: 310)))
        let united = try builder.union(of: footprints)
        let every = try Topology.union(footprints.map(\.area))
        #expect(holes(united) == 0)
        #expect(try differenceArea(united, every) < 1e-6)
    }
}
