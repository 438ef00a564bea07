import Foundation
import GeoModel
import Geodesy
import Testing
import ThreatModel

/// `MissileSystem.flightEstimate`: which systems get a time, and from which model.
@Suite struct FlightTimeTests {
    static let zolfaghar = MissileSystem(name: "Zolfaghar", category: .srbm, range: .kilometers(700), source: "test")

    @Test func ballisticClassesFlyTheMinimumEnergyTrajectory() throws {
        let flight = try #require(Self.zolfaghar.flightEstimate(over: .kilometers(700)))
        let trajectory = BallisticTrajectory(groundRange: .kilometers(700))
        #expect(flight.model == .minimumEnergy)
        #expect(flight.minutes == trajectory.flightTime / 60)
        #expect(flight.apogee == trajectory.apogee)
        #expect(abs(flight.minutes - 6.52) < 0.01)
        #expect(Self.zolfaghar.flightEstimateGap == nil)
        for category in [MissileSystem.Category.rocket, .srbm, .mrbm, .irbm] {
            #expect(MissileSystem(name: "x", category: category, range: .kilometers(1), source: "t").isBallistic)
        }
    }

    @Test func othersFlyAtTheirPublishedSpeedOrGetNoTime() throws {
        var drone = MissileSystem(name: "Drone", category: .drone, range: .kilometers(2000), source: "test")
        #expect(drone.flightEstimate(over: .kilometers(370)) == nil)
        #expect(drone.flightEstimateGap == "no published speed, no flight time")
        drone.speedKilometersPerHour = 185
        let flight = try #require(drone.flightEstimate(over: .kilometers(370)))
        #expect(flight.model == .cruiseSpeed && flight.apogee == nil)
        #expect(abs(flight.minutes - 120) < 1e-9)
        #expect(MissileSystem.bareRange(.kilometers(700)).flightEstimate(over: .kilometers(10)) == nil)
        #expect(MissileSystem.bareRange(.kilometers(700)).flightEstimateGap == "a bare range has no flight time")
        // Air defence has a defended radius, no flight to a target, and no gap to report.
        let sam = MissileSystem(name: "SAM", category: .airDefence, range: .kilometers(100), source: "t")
        #expect(sam.flightEstimate(over: .kilometers(10)) == nil && sam.flightEstimateGap == nil)
    }

    @Test func onlyRowsInRangeCarryAFlight() {
        let analysis = ReachAnalysis()
        let site = TestData.point("Site", Coordinate(latitude: 33, longitude: 44))
        let near = analysis.evaluate(site: site, system: Self.zolfaghar, target: TestData.point("Near", Coordinate(latitude: 33, longitude: 46)))
        let far = analysis.evaluate(site: site, system: Self.zolfaghar, target: TestData.point("Far", Coordinate(latitude: 20, longitude: 46)))
        #expect(near.inRange && near.flight != nil)
        #expect(abs((near.flight?.minutes ?? 0) - BallisticTrajectory(groundRange: near.distance).flightTime / 60) < 1e-12)
        #expect(!far.inRange && far.flight == nil)
    }

    @Test func catalogReadsAnOptionalSpeedColumn() throws {
        let header = "name,aliases,class,min_range_km,range_km,range_low_km,range_high_km,source,speed_kmh\n"
        let good = try TestData.temporaryFile(header + "Drone,,drone,0,2000,2000,2000,test,185\nOther,,drone,0,100,100,100,test,\n", name: "speed.csv")
        defer { TestData.remove(good) }
        let catalog = try MissileCatalog(contentsOf: good)
        #expect(try catalog.system(named: "Drone").speedKilometersPerHour == 185)
        #expect(try catalog.system(named: "Other").speedKilometersPerHour == nil)
        let bad = try TestData.temporaryFile(header + "Drone,,drone,0,2000,2000,2000,test,fast\n", name: "speed-bad.csv")
        defer { TestData.remove(bad) }
        #expect(throws: ThreatModelError.self) { try MissileCatalog(contentsOf: bad) }
    }
}
