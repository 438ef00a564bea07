import Foundation
import Gazetteer
import GeoModel
import Testing
import ThreatModel

@Suite struct ScenarioDocumentTests {
    func resolved(_ name: String) throws -> ResolvedScenario {
        let url = TestData.repositoryRoot.appendingPathComponent("Scenarios/\(name)")
        let document = try ScenarioDocument.load(contentsOf: url)
        return try document.resolve(gazetteer: Gazetteer(contentsOf: TestData.places), catalog: MissileCatalog(contentsOf: TestData.missiles))
    }

    @Test func everyBundledScenarioResolves() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestData.repositoryRoot.appendingPathComponent("Scenarios").path)
            .filter { $0.hasSuffix(".yaml") }
        #expect(names.count >= 3)
        for name in names {
            let scenario = try resolved(name)
            #expect(!scenario.sites.isEmpty && !scenario.systems.isEmpty && !scenario.targets.isEmpty, "\(name)")
        }
    }

    @Test func patriotScenarioCoversTheBasesButNotTajiOrTheGreenZone() throws {
        let scenario = try resolved("patriot-iraq-2020.yaml")
        let results = try scenario.reach()
        func covered(_ target: String) -> Bool { results.contains { $0.target.name == target && $0.inRange } }
        #expect(covered("Ain al-Asad Air Base"))
        #expect(covered("Erbil Air Base"))
        #expect(!covered("Taji"))
        #expect(!covered("Green Zone"))
    }

    @Test func areaSitesAndPerSiteSystems() throws {
        let scenario = try resolved("arash-rockets-southern-iraq-2020.yaml")
        let southern = try #require(scenario.sites.first { $0.name == "Southern Iraq" })
        guard case .area = southern.extent else { Issue.record("southern Iraq is not an area"); return }
        let drone = try #require(scenario.systems.first { $0.name == "Attack drone (assumed)" })
        #expect(drone.category == .drone)
        #expect(drone.range == .kilometers(150))
        let results = try scenario.reach()
        // Basra lies inside the southern Iraq area: distance 0, in range of both systems.
        let basra = results.filter { $0.site.name == "Southern Iraq" && $0.target.name == "Basra" }
        #expect(basra.count == 2 && basra.allSatisfy { $0.inRange && $0.distance == .zero })
    }

    @Test func overridesTakeTheScenarioRangeAndKeepTheCatalogRest() throws {
        let text = """
        title: T
        range_estimate: high
        systems:
          - Fateh-110
          - name: Zolfaghar
            range: 750km
        sites: [Jurf al-Sakhar]
        targets: [Riyadh]
        outputs: {stem: t}
        """
        let document = try ScenarioDocument.parse(text, file: "t.yaml", baseDirectory: TestData.repositoryRoot)
        let scenario = try document.resolve(gazetteer: Gazetteer(contentsOf: TestData.places), catalog: MissileCatalog(contentsOf: TestData.missiles))
        #expect(scenario.systems.map(\.range) == [.kilometers(300), .kilometers(750)])
        #expect(scenario.systems[1].category == .srbm)
        #expect(scenario.systems[1].source.contains("t.yaml"))
        #expect(document.formats == [.geojson, .svg, .csv, .md])
    }
}
