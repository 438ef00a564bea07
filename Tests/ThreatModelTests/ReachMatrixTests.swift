import Foundation
import Gazetteer
import Geodesy
import GeoModel
import Testing
import ThreatModel

@Suite struct ReachMatrixTests {
    /// SplitMix64 with a fixed seed, so failures reproduce.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let systems = [
        MissileSystem(name: "short", category: .srbm, range: .kilometers(300), source: "test"),
        MissileSystem(name: "banded", category: .srbm, minimumRange: .kilometers(150), range: .kilometers(700), source: "test"),
        MissileSystem(name: "long", category: .mrbm, range: .kilometers(2_000), source: "test"),
    ]

    @Test func matrixEqualsPairByPairDecisions() {
        var random = Random(state: 42)
        let geodesic = Geodesic.wgs84
        let sites = (0..<7).map { _ in
            Coordinate(latitude: Double.random(in: 20...40, using: &random), longitude: Double.random(in: 35...55, using: &random))
        } + [Coordinate(latitude: 65, longitude: 179.9), Coordinate(latitude: 89.5, longitude: 0)]
        var targets = [Coordinate]()
        for index in 0..<3_000 {
            let site = sites[index % sites.count]
            let system = Self.systems[index % Self.systems.count]
            let edge = index % 4 == 0 ? system.minimumRange.meters : system.range.meters
            let distance = max(0, edge + Double.random(in: -400...400, using: &random))
            targets.append(geodesic.direct(from: site, azimuth: Double.random(in: 0..<360, using: &random), distance: .meters(distance)).destination)
        }
        let matrix = ReachMatrix(sites: sites, systems: Self.systems, targets: targets)
        #expect(matrix.exactChecks > 0)
        for (siteIndex, site) in sites.enumerated() {
            for (systemIndex, system) in Self.systems.enumerated() {
                var count = 0
                for (targetIndex, target) in targets.enumerated() {
                    let expected = system.reaches(geodesic.distance(from: site, to: target))
                    #expect(matrix.isInRange(site: siteIndex, system: systemIndex, target: targetIndex) == expected,
                            "site \(site) \(system.name) target \(target)")
                    if expected { count += 1 }
                }
                #expect(matrix.count(site: siteIndex, system: systemIndex) == count)
            }
        }
    }

    @Test func emptyInputsGiveAnEmptyMatrix() {
        let matrix = ReachMatrix(sites: [], systems: Self.systems, targets: [Coordinate(latitude: 0, longitude: 0)])
        #expect(matrix.targetsReachedByAny() == 0)
        let none = ReachMatrix(sites: [Coordinate(latitude: 0, longitude: 0)], systems: Self.systems, targets: [])
        #expect(none.count(site: 0, system: 0) == 0)
    }

    @Test func jobKeepsOnlyInRangeRowsInOrder() throws {
        let site = LaunchSite(place: TestData.jurfAlSakhar)
        let targets = [
            TestData.point("Riyadh", Coordinate(latitude: 24.68773, longitude: 46.72185)),
            TestData.point("Baghdad", Coordinate(latitude: 33.34058, longitude: 44.40088)),
            TestData.point("Kuwait", Coordinate(latitude: 29.36972, longitude: 47.97833)),
        ]
        let system = MissileSystem(name: "Zolfaghar", category: .srbm, range: .kilometers(700), source: "test")
        let all = try ReachJob(sites: [site], systems: [system], targets: targets).run(onlyInRange: false)
        #expect(all.map(\.target.name) == ["Riyadh", "Baghdad", "Kuwait"])
        let kept = try ReachJob(sites: [site], systems: [system], targets: targets).run(onlyInRange: true)
        #expect(kept.map(\.target.name) == ["Baghdad", "Kuwait"])
        #expect(kept.allSatisfy { $0.inRange })
    }
}
