import Foundation
import Geodesy
import GeoModel
import Testing

/// The chord test never contradicts the exact geodesic distance, and
/// leaves only a thin band around each range undecided.
@Suite struct ChordBoundsTests {
    let geodesic = Geodesic.wgs84

    @Test func surfacePointsMatchTheEllipsoid() {
        let equator = geodesic.surfacePoint(Coordinate(latitude: 0, longitude: 0))
        #expect(abs(equator.x - 6_378_137) < 1e-6 && abs(equator.y) < 1e-6 && abs(equator.z) < 1e-6)
        let pole = geodesic.surfacePoint(Coordinate(latitude: 90, longitude: 123))
        #expect(abs(pole.z - 6_356_752.314_245) < 1e-3 && abs(pole.x) < 1e-6)
        #expect(abs(geodesic.smallestCurvatureRadius - 6_335_439.327) < 1e-2)
    }

    @Test func decisionsNeverContradictTheGeodesic() {
        var random = RingPropertyTests.SplitMix64(state: 7)
        let ranges: [Double] = [1_000, 50_000, 300_000, 700_000, 2_000_000, 9_000_000, 15_000_000]
        var decided = 0, undecided = 0
        for index in 0..<20_000 {
            let start = Coordinate(latitude: Double.random(in: -90...90, using: &random), longitude: Double.random(in: -180...180, using: &random))
            let range = ranges[index % ranges.count]
            // Half the targets within 2 km of the range, the rest anywhere within 1.5 ranges.
            let along = index % 2 == 0
                ? range + Double.random(in: -2_000...2_000, using: &random)
                : Double.random(in: 0...(range * 1.5), using: &random)
            let end = geodesic.direct(from: start, azimuth: Double.random(in: 0..<360, using: &random), distance: .meters(max(0, along))).destination
            let exact = geodesic.distance(from: start, to: end).meters
            let test = ChordRangeTest(range: .meters(range))
            switch test.decide(chordSquared: geodesic.surfacePoint(start).chordSquared(to: geodesic.surfacePoint(end))) {
            case .within:
                #expect(exact <= range, "chord says within, geodesic \(exact) > \(range) from \(start) to \(end)")
                decided += 1
            case .beyond:
                #expect(exact > range, "chord says beyond, geodesic \(exact) <= \(range) from \(start) to \(end)")
                decided += 1
            case .undecided:
                undecided += 1
            }
        }
        // Targets 2 km either side of a range mostly fall outside the band,
        // which is about range³/(24ρ²) wide (355 m at 700 km).
        #expect(decided > 15_000)
        #expect(undecided > 0)
    }

    @Test func bandIsAsNarrowAsTheBoundPromises() {
        let test = ChordRangeTest(range: .kilometers(700))
        let band = (test.beyondChordSquared.squareRoot() - test.withinChordSquared.squareRoot())
        #expect(band > 300 && band < 400)
        let huge = ChordRangeTest(range: .kilometers(20_000))
        #expect(huge.withinChordSquared == -1)
    }
}
