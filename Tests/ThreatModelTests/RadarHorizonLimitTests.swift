import Foundation
import Geodesy
import GeoModel
import Testing
@testable import ThreatModel

/// Air defence against a low flyer: the catalog's radar height, the range
/// cut to the radar horizon, the scenario key.
@Suite struct RadarHorizonLimitTests {
    static let header = MissileCatalogFile.columns.joined(separator: ",") + "\n"

    /// √(2kR·h_r) + √(2kR·h_t), k = 4/3, R = 6,371 km, in kilometres.
    static func horizonKilometres(radar: Double, target: Double) -> Double {
        let twiceEffectiveRadius = 2 * 4.0 / 3.0 * 6_371_000.0
        return ((twiceEffectiveRadius * radar).squareRoot() + (twiceEffectiveRadius * target).squareRoot()) / 1000
    }

    @Test func catalogReadsTheRadarHeightAndOlderFilesLeaveItEmpty() throws {
        let url = try TestData.temporaryFile(Self.header + """
        Shield,,air_defence,XX,0,150,150,150,engagement radius against aircraft,,,,150,"Ministry, 1 Jan 2024",24
        Plain,,air_defence,XX,0,40,40,40,engagement radius against aircraft,,,,40,"Ministry, 1 Jan 2024",

        """, name: "catalog.csv")
        defer { TestData.remove(url) }
        let systems = try MissileCatalog(contentsOf: url).systems
        #expect(systems.map(\.radarHeight) == [.meters(24), nil])
        let old = try TestData.temporaryFile("name,aliases,class,min_range_km,range_km,range_low_km,range_high_km,source\n"
                                             + "Mine,,air_defence,0,40,40,40,notes\n", name: "old.csv")
        defer { TestData.remove(old) }
        #expect(try MissileCatalog(contentsOf: old).systems.first?.radarHeight == nil)
        let bad = try TestData.temporaryFile(Self.header + "Bad,,air_defence,XX,0,40,40,40,b,,,,,s,-4\n", name: "bad.csv")
        defer { TestData.remove(bad) }
        #expect(throws: ThreatModelError.badData(source: bad.path, line: 2, reason: "radar_height_m '-4' is not a non-negative number of metres")) {
            try MissileCatalog(contentsOf: bad)
        }
    }

    @Test func lintKeepsRadarHeightsOnAirDefenceAndAboveZero() {
        let rocket = MissileSystem(name: "Rock", category: .srbm, range: .kilometers(300), source: "s, 2024", operators: ["XX"],
                                   nominalBasis: "maximum range", radarHeight: .meters(4))
        let flat = MissileSystem(name: "Flat", category: .airDefence, range: .kilometers(30), source: "s, 2024", operators: ["XX"],
                                 nominalBasis: "engagement radius", radarHeight: .zero)
        let messages = MissileCatalog(systems: [rocket, flat]).lintProblems.map(\.description)
        #expect(messages == ["Rock: a radar height belongs to air_defence systems only", "Flat: radar_height_m must be above zero"])
    }

    @Test func bundledAirDefenceHeightsAreSourcedOrLeftToTheDefault() throws {
        let catalog = try MissileCatalog(contentsOf: TestData.missiles)
        for system in catalog.systems where system.radarHeight != nil {
            #expect(system.category == .airDefence && system.source.localizedCaseInsensitiveContains("radar"), "\(system.name)")
        }
    }

    /// A long-range system at the default 4 m height against a target at
    /// 30 m: cut from 400 km to the 30.82 km horizon.
    @Test(arguments: [0.0, 4, 30, 100, 10_000])
    func rangeIsTheSmallerOfEngagementRangeAndHorizon(altitude: Double) throws {
        let system = MissileSystem(name: "Long", category: .airDefence, range: .kilometers(400), source: "s")
        let limited = try system.limitedByRadarHorizon(targetAltitude: .meters(altitude))
        let horizon = Self.horizonKilometres(radar: 4, target: altitude)
        #expect(abs(limited.range.kilometers - min(400, horizon)) < 1e-9)
        let limit = try #require(limited.radarHorizon)
        #expect(limit.isDefaultHeight && limit.radarHeight == MissileSystem.defaultRadarHeight && limit.engagementRange == .kilometers(400))
        #expect(abs(limit.horizon.kilometers - horizon) < 1e-9)
        #expect(limit.isHorizonLimited == (horizon < 400))
    }

    @Test func catalogHeightBandAndOtherClasses() throws {
        var system = MissileSystem(name: "Mast", category: .airDefence, range: .kilometers(150), rangeLow: .kilometers(100),
                                   rangeHigh: .kilometers(250), source: "s", radarHeight: .meters(24))
        system = system.using(.band)
        let limited = try system.limitedByRadarHorizon(targetAltitude: .meters(30))
        let horizon = Self.horizonKilometres(radar: 24, target: 30)
        #expect(abs(limited.range.kilometers - horizon) < 1e-9 && abs((limited.certainRange?.kilometers ?? 0) - horizon) < 1e-9)
        #expect(limited.radarHorizon?.isDefaultHeight == false && limited.radarHeightAssumption == nil)
        let short = MissileSystem(name: "Short", category: .airDefence, range: .kilometers(20), source: "s")
        let kept = try short.limitedByRadarHorizon(targetAltitude: .meters(30))
        #expect(kept.range == .kilometers(20) && kept.radarHorizon?.isHorizonLimited == false)
        #expect(kept.radarHeightAssumption?.hasPrefix("Short: no published radar height, 4 m assumed: radar horizon 30.8 km") == true)
        let missile = MissileSystem(name: "Rock", category: .srbm, range: .kilometers(300), source: "s")
        #expect(try missile.limitedByRadarHorizon(targetAltitude: .meters(30)) == missile)
        #expect(throws: ThreatModelError.geodesy(.invalidHeight(.meters(-1)))) {
            try short.limitedByRadarHorizon(targetAltitude: .meters(-1))
        }
    }

    @Test func scenarioKeyIsReadAndCheckedLikeOtherDistances() throws {
        let base = "title: T\nsystems: [Zolfaghar]\nsites: [Baghdad]\ntargets: [Riyadh]\noutputs:\n  stem: t\n"
        let directory = URL(fileURLWithPath: "/")
        #expect(try ScenarioDocument.parse(base, file: "t.yaml", baseDirectory: directory).targetAltitude == nil)
        let document = try ScenarioDocument.parse(base + "target_altitude: 30m\n", file: "t.yaml", baseDirectory: directory)
        #expect(document.targetAltitude == .meters(30))
        #expect(throws: ScenarioErrors.self) {
            try ScenarioDocument.parse(base + "target_altitude: -30m\n", file: "t.yaml", baseDirectory: directory)
        }
        do {
            _ = try ScenarioDocument.parse(base + "target_altitude: -30m\n", file: "t.yaml", baseDirectory: directory)
        } catch {
            #expect(error.description.contains("target_altitude: '-30m' is negative"))
        }
    }
}
