import Testing
import Gazetteer
import Geodesy
import GeoModel
import ThreatModel

@Suite struct ReachTests {
    let analysis = ReachAnalysis()
    let site = TestData.jurfAlSakhar
    let zolfaghar = MissileSystem(name: "Zolfaghar", category: .srbm, range: .kilometers(700), source: "test")
    let banded = MissileSystem(
        name: "Banded", category: .srbm, minimumRange: .kilometers(100), range: .kilometers(700), source: "test"
    )

    /// A target `meters` from the site along `azimuth`, placed with `geod_direct`.
    func target(at meters: Double, azimuth: Double) -> Place {
        let end = Geodesic.wgs84.direct(from: site.coordinate, azimuth: azimuth, distance: .meters(meters)).destination
        return TestData.point("\(meters) m at \(azimuth)°", end)
    }

    @Test(arguments: [0.0, 45, 164.26, 200, 270, 359])
    func oneMetreInsideIsInRange(_ azimuth: Double) {
        let result = analysis.evaluate(site: site, system: zolfaghar, target: target(at: 699_999, azimuth: azimuth))
        #expect(abs(result.distance.meters - 699_999) < 1e-6)
        #expect(result.inRange)
        #expect(result.reason == nil)
        #expect(abs(result.marginMeters - 1) < 1e-6)
    }

    @Test(arguments: [0.0, 45, 164.26, 200, 270, 359])
    func oneMetreOutsideIsOutOfRange(_ azimuth: Double) {
        let result = analysis.evaluate(site: site, system: zolfaghar, target: target(at: 700_001, azimuth: azimuth))
        #expect(abs(result.distance.meters - 700_001) < 1e-6)
        #expect(!result.inRange)
        #expect(result.reason == "beyond maximum range")
        #expect(abs(result.marginMeters - -1) < 1e-6)
    }

    @Test func decisionIsExactAtTheMaximumRange() {
        let result = analysis.evaluate(site: site, system: zolfaghar, target: target(at: 699_999.999, azimuth: 120))
        #expect(result.inRange)
        #expect(result.marginMeters > 0)
        let outside = analysis.evaluate(site: site, system: zolfaghar, target: target(at: 700_000.001, azimuth: 120))
        #expect(!outside.inRange)
        #expect(outside.marginMeters < 0)
    }

    @Test func targetInsideTheMinimumRangeIsOut() {
        let result = analysis.evaluate(site: site, system: banded, target: target(at: 50_000, azimuth: 90))
        #expect(!result.inRange)
        #expect(result.reason == "inside minimum range")
        #expect(abs(result.distance.meters - 50_000) < 1e-6)
        // min(range - distance, distance - minimum) = min(650 km, -50 km)
        #expect(abs(result.marginMeters - -50_000) < 1e-6)
    }

    @Test func marginInTheBandIsTheNearerEdge() {
        let nearInner = analysis.evaluate(site: site, system: banded, target: target(at: 150_000, azimuth: 10))
        #expect(nearInner.inRange)
        #expect(abs(nearInner.marginMeters - 50_000) < 1e-6)
        let nearOuter = analysis.evaluate(site: site, system: banded, target: target(at: 600_000, azimuth: 10))
        #expect(nearOuter.inRange)
        #expect(abs(nearOuter.marginMeters - 100_000) < 1e-6)
        let beyond = analysis.evaluate(site: site, system: banded, target: target(at: 750_000, azimuth: 10))
        #expect(!beyond.inRange)
        #expect(beyond.reason == "beyond maximum range")
        #expect(abs(beyond.marginMeters - -50_000) < 1e-6)
    }

    @Test func marginWithoutMinimumRangeIsRangeMinusDistance() {
        let near = analysis.evaluate(site: site, system: zolfaghar, target: target(at: 50_000, azimuth: 90))
        #expect(near.inRange)
        #expect(abs(near.marginMeters - 650_000) < 1e-6)
        let here = analysis.evaluate(site: site, system: zolfaghar, target: site)
        #expect(here.inRange)
        #expect(here.distance == .zero)
        #expect(here.marginMeters == 700_000)
    }

    @Test(arguments: [0.0, 1e-12, 30, 90, 179.999, 180, -90, -0.000_001, 270, 359.999_999])
    func bearingIsTheInitialAzimuthInZeroTo360(_ azimuth: Double) {
        let result = analysis.evaluate(site: site, system: zolfaghar, target: target(at: 400_000, azimuth: azimuth))
        #expect(result.bearing >= 0)
        #expect(result.bearing < 360)
        var expected = azimuth.truncatingRemainder(dividingBy: 360)
        if expected < 0 { expected += 360 }
        // Angular difference, so that 359.9999999 and 0 count as neighbours.
        let difference = abs(result.bearing - expected)
        #expect(min(difference, 360 - difference) < 1e-9, "bearing \(result.bearing) for azimuth \(azimuth)")
    }

    @Test func jurfAlSakharToRiyadh() {
        let riyadh = Place(
            name: "Riyadh", coordinate: Coordinate(latitude: 24.68773, longitude: 46.72185),
            kind: .capital, country: "SA", source: "test"
        )
        let result = analysis.evaluate(site: site, system: zolfaghar, target: riyadh)
        let inverse = Geodesic.wgs84.inverse(from: site.coordinate, to: riyadh.coordinate)
        #expect(abs(result.distance.meters - inverse.distance.meters) < 1e-6)
        #expect(abs(result.bearing - inverse.initialAzimuth) < 1e-12)
        // About 939 km, from published coordinates of both places.
        #expect(abs(result.distance.kilometers - 939) < 1)
        // `echo "32.86667 44.21389 24.68773 46.72185" | geod +ellps=WGS84 -I -f "%.6f" +units=m`
        // prints 164.262504 -14.526910 938890.240.
        #expect(abs(result.distance.meters - 938_890.240) < 0.001)
        #expect(abs(result.bearing - 164.262_504) < 1e-6)
        #expect(!result.inRange)
        #expect(result.reason == "beyond maximum range")
        #expect(abs(result.marginMeters - (700_000 - 938_890.240)) < 0.001)
    }

    @Test func bundledPlacesAndCatalog() throws {
        let gazetteer = try Gazetteer(contentsOf: TestData.places)
        let catalog = try MissileCatalog(contentsOf: TestData.missiles)
        let site = try gazetteer.resolve("Jurf al-Sakhar")
        let zolfaghar = try catalog.system(named: "Zolfaghar")
        let fateh = try catalog.system(named: "Fateh-110")

        let riyadh = analysis.evaluate(site: site, system: zolfaghar, target: try gazetteer.resolve("Riyadh"))
        #expect(!riyadh.inRange)
        // `geod` as above with the places.csv coordinates of Jurf al-Sakhar and
        // Tel Aviv (32.08088, 34.78057): 890738.039 m.
        let telAviv = analysis.evaluate(site: site, system: zolfaghar, target: try gazetteer.resolve("Tel Aviv"))
        #expect(abs(telAviv.distance.meters - 890_738.039) < 0.001)
        #expect(!telAviv.inRange)
        let baghdad = analysis.evaluate(site: site, system: fateh, target: try gazetteer.resolve("Baghdad"))
        #expect(baghdad.inRange)
        #expect(baghdad.distance.kilometers > 50)
        #expect(baghdad.distance.kilometers < 65)
    }

    @Test func everyCombinationInNestingOrder() {
        let sites = [site, TestData.point("B", Coordinate(latitude: 33.25, longitude: 44.47))]
        let systems = [zolfaghar, banded, MissileSystem.bareRange(.kilometers(200))]
        let targets = [target(at: 10_000, azimuth: 0), target(at: 300_000, azimuth: 90)]
        let results = analysis.evaluate(sites: sites, systems: systems, targets: targets)
        #expect(results.count == 12)
        var expected = [(String, String, String)]()
        for s in sites { for m in systems { for t in targets { expected.append((s.name, m.name, t.name)) } } }
        #expect(results.map(\.site.name) == expected.map(\.0))
        #expect(results.map(\.system.name) == expected.map(\.1))
        #expect(results.map(\.target.name) == expected.map(\.2))
        #expect(results[0] == analysis.evaluate(site: sites[0], system: systems[0], target: targets[0]))
        #expect(analysis.evaluate(sites: [], systems: systems, targets: targets).isEmpty)
    }
}
