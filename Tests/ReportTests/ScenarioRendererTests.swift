import Export
import Foundation
import GeoModel
import Report
import ThreatModel
import Testing

/// `ScenarioRenderer` and the typed map settings: what `map` and
/// `extract --map` both go through.
@Suite struct ScenarioRendererTests {
    @Test func choicesLayerCommandLineOverScenarioOverDefaults() {
        let scenario = MapChoices(projection: .laea, center: Coordinate(latitude: 30, longitude: 45), width: 800, theme: .dark)
        let commandLine = MapChoices(projection: .webMercator, height: 100)
        let settings = commandLine.over(scenario).settings
        #expect(settings.projection == .webMercator)
        #expect(settings.center == Coordinate(latitude: 30, longitude: 45))
        #expect(settings.width == 800)
        // Raised to the renderer's minimum.
        #expect(settings.height == SVGMapRenderer.minimumSize.height)
        #expect(settings.theme == .dark)
        #expect(settings.extent == .auto)
        let defaults = MapChoices().settings
        #expect((defaults.projection, defaults.width, defaults.height, defaults.theme) == (.aeqd, 1200, 900, .light))
    }

    @Test func namesAreParsedInOnePlace() throws {
        #expect(ProjectionName.list == "aeqd, laea, equirectangular, web-mercator")
        #expect(ThemeName.list == "light or dark")
        #expect(MapTheme.named("DARK") == .dark)
        let issues = ScenarioDocument.problems(
            in: "title: T\nsystems: [Zolfaghar]\nsites: [Baghdad]\ntargets: [Riyadh]\nmap:\n  projection: mercator\n  theme: sepia\noutputs:\n  stem: t\n  formats: [svg, pdf]\n",
            file: "t.yaml", baseDirectory: URL(fileURLWithPath: "/"), gazetteer: try TestData.gazetteer.get(), catalog: try TestData.catalog())
        let messages = issues.map(\.message)
        #expect(messages.contains("projection 'mercator' must be one of aeqd, laea, equirectangular, web-mercator"))
        #expect(messages.contains("theme 'sepia' must be light or dark"))
        #expect(messages.contains("format 'pdf' must be one of geojson, svg, csv, md, kml, html, gpkg"))
    }

    @Test func scenarioExtentIsABox() throws {
        let document = try ScenarioDocument.parse(
            "title: T\nsystems: [Zolfaghar]\nsites: [Baghdad]\ntargets: [Riyadh]\nmap:\n  extent: [40, 25, 50, 38]\noutputs:\n  stem: t\n",
            file: "t.yaml", baseDirectory: URL(fileURLWithPath: "/"))
        let extent = document.map.extent
        #expect(extent == .box(west: 40, south: 25, east: 50, north: 38))
    }

    @Test func twoScenariosWritingOneStemAreRefused() throws {
        let scenario = try TestData.resolved("patriot-iraq-2020.yaml")
        var twin = scenario
        twin.document.file = "twin.yaml"
        #expect(throws: ReportError.sameStem(first: scenario.document.file, second: "twin.yaml", stem: scenario.document.stem)) {
            try ScenarioRenderer.check([scenario, twin])
        }
        try ScenarioRenderer.check([scenario])
    }

    @Test func tooLargeAScenarioIsRefusedBeforeAnyWork() throws {
        var scenario = try TestData.resolved("patriot-iraq-2020.yaml")
        let target = scenario.targets[0]
        scenario.targets = Array(repeating: target, count: ScenarioWorkload.maximumDecisions / max(1, scenario.reachDecisionCount / scenario.targets.count) + 1)
        do {
            try ScenarioRenderer.check([scenario])
            Issue.record("a scenario over the limit passed")
        } catch let .tooLarge(message) {
            #expect(message.contains("reach decisions"))
            #expect(message.contains("Nothing was written"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func writeIsAllOrNone() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try TestData.resolved("patriot-iraq-2020.yaml")
        var rendering = try ScenarioRenderer().render(scenario, into: directory)
        #expect(rendering.files.count == 4)
        // A directory where one file should go: nothing is written at all.
        try FileManager.default.createDirectory(at: rendering.files[2].url, withIntermediateDirectories: false)
        #expect(throws: ExportError.self) { try ScenarioRenderer.write([rendering]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [rendering.files[2].url.lastPathComponent])
        try FileManager.default.removeItem(at: rendering.files[2].url)
        rendering.files.removeLast()
        try ScenarioRenderer.write([rendering])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 3)
    }

    @Test func catalogTableListsEverySystem() throws {
        let systems = try TestData.catalog().systems
        let table = CatalogTable.make(systems)
        #expect(table.rows.count == systems.count)
        #expect(CatalogTable.brief(systems).columns == ["name", "class", "min_range_km", "range_km", "range_low_km", "range_high_km", "operators"])
        // Readers of the first eight JSON keys keep working: the new ones come after them.
        #expect(Array(table.columns.prefix(8)) == ["name", "class", "min_range_km", "range_km", "range_low_km", "range_high_km", "aliases", "source"])
    }

    @Test func listingFiltersByClassOperatorReachAndText() throws {
        let catalog = try TestData.catalog()
        let russianLongRange = CatalogTable.listing(catalog, filter: MissileFilter(operatorCode: "ru", minimumReach: .kilometers(4000)), format: .csv)
        #expect(russianLongRange.contains("\nSarmat,icbm,") && russianLongRange.contains("\nKh-101,alcm,"))
        #expect(!russianLongRange.contains("\nIskander-M,"))
        let found = CatalogTable.listing(catalog, filter: MissileFilter(search: "iskander"), format: .csv)
        // Header, Iskander-M, Iskander-K, and KN-23 by its alias "North Korean Iskander".
        #expect(found.split(separator: "\n").count == 4)
        #expect(["\nIskander-M,", "\nIskander-K,", "\nKN-23,"].allSatisfy { found.contains($0) })
        let cyrillic = CatalogTable.listing(catalog, filter: MissileFilter(search: "ИСКАНДЕР"), format: .csv)
        #expect(cyrillic.split(separator: "\n").count == 3)
        let drones = CatalogTable.listing(catalog, filter: MissileFilter(category: .loiteringMunition), format: .json)
        #expect(drones.contains("\"name\": \"Lancet\"") && drones.contains("\"speed_kmh\": null"))
    }

    @Test func detailShowsOneSystemWithItsSources() throws {
        let text = try CatalogTable.detail(try TestData.catalog(), name: "kh 101", format: .table)
        #expect(text.hasPrefix("name:"))
        #expect(text.contains("Kh-101") && text.contains("alcm (air-launched cruise missile)") && text.contains("\nsources:\n  - "))
        #expect(throws: ThreatModelError.self) { try CatalogTable.detail(try TestData.catalog(), name: "Iskander", format: .table) }
    }
}
