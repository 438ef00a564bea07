import Foundation
import Testing
import Gazetteer
import ThreatModel

@Suite struct ScenarioTests {
    static let minimal = """
    title: Test
    sites: [Jurf al-Sakhar]
    missiles: [Zolfaghar]
    targets: [Riyadh]
    output: test-map

    """

    @Test func bundledScenarioLoads() throws {
        let scenario = try Scenario.load(contentsOf: TestData.scenario)
        #expect(scenario.title == "Iranian missiles with Iraqi militias (2018 reporting)")
        #expect(scenario.date == "2018-08-31")
        #expect(scenario.sources == ["Reuters, 31 August 2018: Exclusive: Iran moves missiles to Iraq in warning to enemies"])
        #expect(scenario.sites == ["Jurf al-Sakhar", "al-Zafaraniya"])
        #expect(scenario.missiles == ["Zelzal-2", "Fateh-110", "Zolfaghar"])
        #expect(scenario.targets.count == 15)
        #expect(scenario.targets.first == "Baghdad")
        #expect(scenario.targets.last == "Strait of Hormuz")
        #expect(scenario.targets.contains("Riyadh"))
        #expect(scenario.targets.contains("Tel Aviv"))
        #expect(scenario.output == "iran-missiles-iraq-2018")
    }

    @Test func bundledScenarioNamesOnlyKnownPlacesAndSystems() throws {
        let scenario = try Scenario.load(contentsOf: TestData.scenario)
        let gazetteer = try Gazetteer(contentsOf: TestData.places)
        let catalog = try MissileCatalog(contentsOf: TestData.missiles)
        for name in scenario.sites + scenario.targets {
            #expect(try gazetteer.resolve(name).name == name)
        }
        for name in scenario.missiles {
            #expect(try catalog.system(named: name).name == name)
        }
    }

    @Test func optionalFieldsDefault() throws {
        let scenario = try Scenario.parse(Self.minimal, source: "test.yaml")
        #expect(scenario == Scenario(title: "Test", sites: ["Jurf al-Sakhar"], missiles: ["Zolfaghar"], targets: ["Riyadh"], output: "test-map"))
        #expect(scenario.date == nil)
        #expect(scenario.sources.isEmpty)
    }

    @Test func coordinateLiteralsStayText() throws {
        let text = Self.minimal.replacingOccurrences(of: "sites: [Jurf al-Sakhar]", with: "sites: [\"32.87,44.15\", \"-33.92, 18.42\"]")
        #expect(try Scenario.parse(text, source: "test.yaml").sites == ["32.87,44.15", "-33.92, 18.42"])
    }

    @Test(arguments: ["title", "sites", "missiles", "targets", "output"])
    func missingRequiredFieldIsNamed(_ field: String) {
        let text = Self.minimal.split(separator: "\n").filter { !$0.hasPrefix("\(field):") }.joined(separator: "\n")
        let error = #expect(throws: ThreatModelError.self) { try Scenario.parse(text, source: "test.yaml") }
        #expect(error == .invalidScenario(source: "test.yaml", reason: "missing field '\(field)'"))
        #expect(error?.description == "test.yaml: missing field '\(field)'")
    }

    @Test(arguments: ["sites", "missiles", "targets"])
    func emptyListIsRefused(_ field: String) {
        let text = Self.minimal.split(separator: "\n")
            .map { $0.hasPrefix("\(field):") ? "\(field): []" : String($0) }
            .joined(separator: "\n")
        #expect(throws: ThreatModelError.invalidScenario(source: "test.yaml", reason: "'\(field)' is empty; list at least one")) {
            try Scenario.parse(text, source: "test.yaml")
        }
    }

    @Test(arguments: ["../evil", "/etc/passwd", "maps/out", ".hidden", "..", "a b", "\"\""])
    func outputMustBeAPlainStem(_ output: String) {
        let text = Self.minimal.replacingOccurrences(of: "output: test-map", with: "output: \(output)")
        let error = #expect(throws: ThreatModelError.self) { try Scenario.parse(text, source: "test.yaml") }
        guard case let .invalidScenario(source, reason) = error else {
            Issue.record("expected invalidScenario, got \(String(describing: error))")
            return
        }
        #expect(source == "test.yaml")
        #expect(reason.hasPrefix("'output' must be a plain file stem"))
    }

    @Test func evilOutputIsQuotedInTheMessage() {
        let text = Self.minimal.replacingOccurrences(of: "output: test-map", with: "output: ../evil")
        #expect(throws: ThreatModelError.invalidScenario(
            source: "test.yaml", reason: "'output' must be a plain file stem (letters, digits, - _ .), not '../evil'"
        )) {
            try Scenario.parse(text, source: "test.yaml")
        }
    }

    @Test(arguments: ["iran-missiles-iraq-2018", "map_v2.1", "Zolfaghar700"])
    func plainStemsAreAccepted(_ output: String) throws {
        let text = Self.minimal.replacingOccurrences(of: "output: test-map", with: "output: \(output)")
        #expect(try Scenario.parse(text, source: "test.yaml").output == output)
    }

    @Test func malformedYAMLIsAnInvalidScenario() {
        let text = "title: Test\nsites: [Jurf al-Sakhar\nmissiles: [Zolfaghar]\n"
        let error = #expect(throws: ThreatModelError.self) { try Scenario.parse(text, source: "broken.yaml") }
        guard case let .invalidScenario(source, reason) = error else {
            Issue.record("expected invalidScenario, got \(String(describing: error))")
            return
        }
        #expect(source == "broken.yaml")
        // Line 3, column 9 is where the parser finds the list still open.
        #expect(reason.contains("3:9"), "\(reason)")
    }

    @Test func wrongTypeNamesTheField() {
        let text = Self.minimal.replacingOccurrences(of: "missiles: [Zolfaghar]", with: "missiles: {name: Zolfaghar}")
        let error = #expect(throws: ThreatModelError.self) { try Scenario.parse(text, source: "test.yaml") }
        guard case let .invalidScenario(source, reason) = error else {
            Issue.record("expected invalidScenario, got \(String(describing: error))")
            return
        }
        #expect(source == "test.yaml")
        #expect(reason.hasPrefix("field 'missiles' should be"))
    }

    @Test func notAMappingIsAnInvalidScenario() {
        let error = #expect(throws: ThreatModelError.self) { try Scenario.parse("- just\n- a list\n", source: "list.yaml") }
        guard case .invalidScenario(source: "list.yaml", _) = error else {
            Issue.record("expected invalidScenario, got \(String(describing: error))")
            return
        }
    }

    @Test func missingFileIsAFileError() {
        let url = TestData.repositoryRoot.appendingPathComponent("Scenarios/no-such-scenario.yaml")
        let error = #expect(throws: ThreatModelError.self) { try Scenario.load(contentsOf: url) }
        guard case let .file(message) = error else {
            Issue.record("expected file, got \(String(describing: error))")
            return
        }
        #expect(message.hasPrefix("\(url.path): cannot read"))
    }

    @Test func loadNamesTheFileInErrors() throws {
        let url = try TestData.temporaryFile(Self.minimal.replacingOccurrences(of: "targets: [Riyadh]", with: "targets: []"), name: "scenario.yaml")
        defer { TestData.remove(url) }
        #expect(throws: ThreatModelError.invalidScenario(source: url.path, reason: "'targets' is empty; list at least one")) {
            try Scenario.load(contentsOf: url)
        }
    }
}
