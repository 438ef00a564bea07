import Testing
import GeoModel
import ThreatModel

@Suite struct MissileSystemTests {
    static let zolfaghar = MissileSystem(name: "Zolfaghar", category: .srbm, range: .kilometers(700), source: "test")
    static let banded = MissileSystem(
        name: "Banded", category: .srbm, minimumRange: .kilometers(100), range: .kilometers(700), source: "test"
    )

    @Test func reachIsInclusiveAtTheMaximumRange() {
        #expect(Self.zolfaghar.reaches(.meters(700_000)))
        #expect(Self.zolfaghar.reaches(.meters(699_999.999)))
        #expect(!Self.zolfaghar.reaches(.meters(700_000.000_001)))
        #expect(!Self.zolfaghar.reaches(.meters(700_000.0.nextUp)))
        #expect(Self.zolfaghar.reaches(.zero))
    }

    @Test func reachIsInclusiveAtTheMinimumRange() {
        #expect(Self.banded.reaches(.meters(100_000)))
        #expect(!Self.banded.reaches(.meters(100_000.0.nextDown)))
        #expect(!Self.banded.reaches(.meters(50_000)))
        #expect(!Self.banded.reaches(.zero))
        #expect(Self.banded.reaches(.meters(700_000)))
        #expect(!Self.banded.reaches(.meters(700_001)))
    }

    @Test func spreadDefaultsToTheNominalRange() {
        #expect(Self.zolfaghar.rangeLow == .kilometers(700))
        #expect(Self.zolfaghar.rangeHigh == .kilometers(700))
        #expect(Self.zolfaghar.minimumRange == .zero)
        #expect(Self.zolfaghar.aliases.isEmpty)
    }

    @Test func bareRangeIsNamedByItsDistance() {
        let system = MissileSystem.bareRange(.kilometers(700))
        #expect(system.name == "700 km")
        #expect(system.category == .range)
        #expect(system.range == .kilometers(700))
        #expect(system.minimumRange == .zero)
        #expect(system.source == "range given by the user")

        let banded = MissileSystem.bareRange(.meters(435 * 1609.344), minimumRange: .kilometers(50))
        #expect(banded.minimumRange == .kilometers(50))
        #expect(banded.range.meters == 435 * 1609.344)
    }

    @Test func categoriesMatchTheCatalogSpelling() {
        #expect(MissileSystem.Category(rawValue: "air_defence") == .airDefence)
        #expect(MissileSystem.Category.allCases.map(\.rawValue) == [
            "rocket", "guided_rocket", "srbm", "mrbm", "irbm", "icbm", "slbm", "glcm", "alcm", "slcm", "asbm",
            "hypersonic_glide", "aeroballistic", "drone", "loitering_munition", "air_defence", "range",
        ])
    }
}
