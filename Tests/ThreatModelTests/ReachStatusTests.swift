import Foundation
import Gazetteer
import GeoModel
import Geodesy
import Testing
import ThreatModel

/// `RangeEstimate.band`: certain within the low estimate (from every launch
/// point of an area), possible within the high one only, else out.
@Suite struct ReachStatusTests {
    static let fateh = MissileSystem(name: "Fateh-110", category: .srbm, range: .kilometers(300),
                                     rangeLow: .kilometers(200), rangeHigh: .kilometers(300), source: "test")
    static let site = TestData.point("Site", Coordinate(latitude: 33, longitude: 44))

    @Test func bandDecidesOnTheHighEstimateAndKeepsTheLow() {
        let band = Self.fateh.using(.band)
        #expect(band.range == .kilometers(300) && band.certainRange == .kilometers(200))
        #expect(Self.fateh.using(.high).certainRange == nil)
        #expect(MissileSystem.bareRange(.kilometers(700)).using(.band).certainRange == .kilometers(700))
    }

    @Test func pointSitesAtTheLowEstimateExactly() {
        let analysis = ReachAnalysis(), band = Self.fateh.using(.band)
        func target(at kilometres: Double) -> Place {
            TestData.point("\(kilometres)", Geodesic.wgs84.direct(from: Self.site.coordinate, azimuth: 30, distance: .kilometers(kilometres)).destination)
        }
        #expect(analysis.evaluate(site: Self.site, system: band, target: target(at: 199.999)).status == .certain)
        #expect(analysis.evaluate(site: Self.site, system: band, target: target(at: 200.001)).status == .possible)
        #expect(analysis.evaluate(site: Self.site, system: band, target: target(at: 299.999)).status == .possible)
        #expect(analysis.evaluate(site: Self.site, system: band, target: target(at: 300.001)).status == .out)
        #expect(analysis.evaluate(site: Self.site, system: Self.fateh, target: target(at: 100)).status == nil)
    }

    /// From an area, certain needs its farthest point within the low estimate.
    @Test func areasAreCertainOnlyFromEveryPoint() throws {
        let square: Ring = [
            Coordinate(latitude: 32.5, longitude: 43.5), Coordinate(latitude: 32.5, longitude: 44.5),
            Coordinate(latitude: 33.5, longitude: 44.5), Coordinate(latitude: 33.5, longitude: 43.5),
            Coordinate(latitude: 32.5, longitude: 43.5),
        ]
        let area = LaunchSite(place: Self.site, extent: .area(MultiPolygon([Polygon(exterior: square)])))
        let analysis = ReachAnalysis(), band = Self.fateh.using(.band)
        // 150 km east of the centre: within 200 km of every corner? The far
        // corners are about 205 km away, so only possible.
        let east = TestData.point("East", Geodesic.wgs84.direct(from: Self.site.coordinate, azimuth: 90, distance: .kilometers(150)).destination)
        let result = try analysis.evaluate(launch: area, system: band, target: east)
        let farthest = area.farthestPoint(to: east.coordinate, geodesic: .wgs84).distance
        #expect(result.inRange)
        #expect(result.status == (farthest <= .kilometers(200) ? .certain : .possible))
        #expect(farthest > .kilometers(200))
        let centre = try analysis.evaluate(launch: area, system: band, target: Self.site)
        #expect(centre.status == .certain)
    }

    @Test func bestOfSeveralRows() {
        #expect(ReachStatus.best([.out, .possible]) == .possible)
        #expect(ReachStatus.best([.out, .certain, .possible]) == .certain)
        #expect(ReachStatus.best([.out]) == .out)
        #expect(ReachStatus.best([]) == nil)
    }

    @Test func scenarioKeyTakesBand() throws {
        let text = """
        title: Band
        range_estimate: band
        systems:
          - name: Test SRBM
            class: srbm
            range: 300km
            range_low: 200km
            source: test
        sites:
          - name: Site
            coordinates: 33,44
        targets:
          - name: Target
            coordinates: 33,46
        outputs:
          stem: band
        """
        let document = try ScenarioDocument.parse(text, file: "t.yaml", baseDirectory: TestData.repositoryRoot)
        #expect(document.rangeEstimate == .band)
        let bad = text.replacingOccurrences(of: "range_estimate: band", with: "range_estimate: widest")
        #expect(throws: (any Error).self) { try ScenarioDocument.parse(bad, file: "t.yaml", baseDirectory: TestData.repositoryRoot) }
    }
}
