import Foundation
import Testing
import Gazetteer
import GeoModel
import ThreatModel

/// Reading scenario files: the bundled default, the older short form
/// (`missiles:`, `output:`), and malformed files, each problem at its place.
@Suite struct ScenarioTests {
    static let minimal = """
    title: Test
    sites: [Jurf al-Sakhar]
    missiles: [Zolfaghar]
    targets: [Riyadh]
    output: test-map

    """

    static func parse(_ text: String, file: String = "test.yaml") throws(ScenarioErrors) -> ScenarioDocument {
        try ScenarioDocument.parse(text, file: file, baseDirectory: TestData.repositoryRoot)
    }

    /// The messages of every issue `text` has, as `line:column: message`.
    static func issues(_ text: String) -> [String] {
        do {
            _ = try parse(text)
            return []
        } catch {
            return error.issues.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        }
    }

    @Test func bundledScenarioLoads() throws {
        let scenario = try ScenarioDocument.load(contentsOf: TestData.scenario)
        #expect(scenario.title == "Iranian missiles with Iraqi militias (2018 reporting)")
        #expect(scenario.date == "2018-08-31")
        #expect(scenario.sources.first == "Reuters, 31 August 2018: Exclusive: Iran moves missiles to Iraq in warning to enemies (John Irish, Ahmed Rasheed)")
        #expect(scenario.systems.map(\.name) == ["Zelzal-2", "Fateh-110", "Zolfaghar"])
        #expect(scenario.sites.map(\.name) == ["Jurf al-Sakhar", "al-Zafaraniya", "Southern Iraq", "Western Iraq"])
        #expect(scenario.sites.map(\.systems) == [nil, nil, ["Zolfaghar"], ["Zolfaghar"]])
        #expect(scenario.targets.count == 15)
        #expect(scenario.stem == "iran-missiles-iraq-2018")
        #expect(scenario.formats == [.geojson, .svg, .csv, .md])
        #expect(scenario.map.projection == .aeqd)
    }

    @Test func bundledScenarioNamesOnlyKnownPlacesAndSystems() throws {
        let scenario = try ScenarioDocument.load(contentsOf: TestData.scenario)
        let gazetteer = try Gazetteer(contentsOf: TestData.places)
        let catalog = try MissileCatalog(contentsOf: TestData.missiles)
        let resolved = try scenario.resolve(gazetteer: gazetteer, catalog: catalog)
        #expect(resolved.sites.count == 4)
        #expect(resolved.targets.map(\.name).contains("Riyadh"))
        #expect(resolved.systems.map(\.name) == ["Zelzal-2", "Fateh-110", "Zolfaghar"])
    }

    @Test func olderShortFormReads() throws {
        let scenario = try Self.parse(Self.minimal)
        #expect(scenario.title == "Test")
        #expect(scenario.date == nil)
        #expect(scenario.sources.isEmpty)
        #expect(scenario.systems.map(\.name) == ["Zolfaghar"])
        #expect(scenario.stem == "test-map")
        #expect(scenario.formats == [.geojson, .svg, .csv, .md])
    }

    @Test func coordinateSitesAreCoordinates() throws {
        let text = Self.minimal.replacingOccurrences(of: "sites: [Jurf al-Sakhar]", with: "sites: [\"32.87,44.15\", \"-33.92, 18.42\"]")
        let sites = try Self.parse(text).sites
        #expect(sites.map(\.name) == ["32.87,44.15", "-33.92, 18.42"])
        guard case let .coordinate(first) = sites[0].origin else {
            Issue.record("expected a coordinate, got \(sites[0].origin)")
            return
        }
        #expect(first == Coordinate(latitude: 32.87, longitude: 44.15))
    }

    @Test(arguments: ["title", "sites", "missiles", "targets", "output"])
    func missingRequiredFieldIsNamed(_ field: String) {
        let text = Self.minimal.split(separator: "\n").filter { !$0.hasPrefix("\(field):") }.joined(separator: "\n")
        let issues = Self.issues(text)
        #expect(issues.count == 1, "\(issues)")
        let name = field == "missiles" ? "systems" : field == "output" ? "outputs: stem:" : field
        #expect(issues.first?.contains(name) == true, "\(issues)")
    }

    @Test(arguments: ["sites", "missiles", "targets"])
    func emptyListIsRefused(_ field: String) {
        let text = Self.minimal.split(separator: "\n")
            .map { $0.hasPrefix("\(field):") ? "\(field): []" : String($0) }
            .joined(separator: "\n")
        let issues = Self.issues(text)
        #expect(issues.count == 1, "\(issues)")
        #expect(issues.first?.contains("empty") == true, "\(issues)")
    }

    @Test(arguments: ["../evil", "/etc/passwd", "maps/out", ".hidden", "..", "a b", "\"\""])
    func outputMustBeAPlainStem(_ output: String) {
        let text = Self.minimal.replacingOccurrences(of: "output: test-map", with: "output: \(output)")
        let issues = Self.issues(text)
        #expect(issues.count == 1, "\(issues)")
        #expect(issues.first?.hasPrefix("5:9: stem ") == true, "\(issues)")
        #expect(issues.first?.contains("must be a plain file name") == true, "\(issues)")
    }

    @Test(arguments: ["iran-missiles-iraq-2018", "map_v2.1", "Zolfaghar700"])
    func plainStemsAreAccepted(_ output: String) throws {
        let text = Self.minimal.replacingOccurrences(of: "output: test-map", with: "output: \(output)")
        #expect(try Self.parse(text).stem == output)
    }

    @Test func malformedYAMLNamesLineAndColumn() {
        let issues = Self.issues("title: Test\nsites: [Jurf al-Sakhar\nmissiles: [Zolfaghar]\n")
        #expect(issues.count == 1, "\(issues)")
        // Line 3, column 9 is where the parser finds the list still open.
        #expect(issues.first?.hasPrefix("3:9:") == true, "\(issues)")
    }

    @Test func wrongTypeNamesTheField() {
        let text = Self.minimal.replacingOccurrences(of: "title: Test", with: "title: [a, b]")
        let issues = Self.issues(text)
        #expect(issues.count == 1, "\(issues)")
        #expect(issues.first?.hasPrefix("1:8:") == true, "\(issues)")
        #expect(issues.first?.contains("title") == true, "\(issues)")
    }

    @Test func notAMappingIsAnIssue() {
        let issues = Self.issues("- just\n- a list\n")
        #expect(issues == ["1:1: expected a mapping of scenario fields (title, systems, sites, targets, ...)"])
    }

    @Test func everyProblemIsReported() {
        let text = """
        title: Test
        colour: red
        sites: []
        missiles: [Zolfaghar, Zolfaghar]
        targets: [Riyadh]
        map: {theme: sepia, projection: mercator}
        output: ../x
        """
        let issues = Self.issues(text)
        #expect(issues.count == 6, "\(issues)")
    }

    @Test func missingFileIsAFileError() {
        let url = TestData.repositoryRoot.appendingPathComponent("Scenarios/no-such-scenario.yaml")
        let error = #expect(throws: ThreatModelError.self) { try ScenarioDocument.load(contentsOf: url) }
        guard case let .file(message) = error else {
            Issue.record("expected file, got \(String(describing: error))")
            return
        }
        #expect(message.hasPrefix("\(url.path): cannot read"))
    }

    @Test func loadNamesTheFileInIssues() throws {
        let url = try TestData.temporaryFile(Self.minimal.replacingOccurrences(of: "targets: [Riyadh]", with: "targets: []"), name: "scenario.yaml")
        defer { TestData.remove(url) }
        let error = #expect(throws: ScenarioErrors.self) { try ScenarioDocument.load(contentsOf: url) }
        #expect(error?.issues.map(\.location.file) == [url.path])
    }
}
