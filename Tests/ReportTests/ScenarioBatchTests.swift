import Foundation
import Gazetteer
import Report
import ThreatModel
import Testing

/// `ScenarioBatch`: many scenario files read and resolved together; every
/// problem of every file at once, or every scenario.
@Suite struct ScenarioBatchTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return folder
    }

    static let good = "title: Good\nsystems: [Zolfaghar]\nsites: [Jurf al-Sakhar]\ntargets: [Riyadh, Kuwait City]\noutputs:\n  stem: good\n"

    @Test func resolvesEveryScenarioInOrder() throws {
        let folder = try Self.folder(["a.yaml": Self.good, "b.yaml": Self.good.replacingOccurrences(of: "Good", with: "Also good").replacingOccurrences(of: "stem: good", with: "stem: also")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenarios = try ScenarioBatch.resolve(["a.yaml", "b.yaml"].map { folder.appendingPathComponent($0).path },
                                                  gazetteer: TestData.gazetteer.get(), catalog: TestData.catalog(),
                                                  fileAccess: .insideFolder, warn: { _ in })
        #expect(scenarios.map(\.document.title) == ["Good", "Also good"])
        #expect(scenarios[0].targets.map(\.name).count == 2)
    }

    @Test func gathersTheProblemsOfEveryFile() throws {
        let folder = try Self.folder(["bad1.yaml": Self.good.replacingOccurrences(of: "Riyadh", with: "Ryiadhx Qqq"),
                                      "bad2.yaml": Self.good.replacingOccurrences(of: "Zolfaghar", with: "Zolfagharx Qqq")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["bad1.yaml", "bad2.yaml"].map { folder.appendingPathComponent($0).path }
        do {
            _ = try ScenarioBatch.resolve(paths, gazetteer: TestData.gazetteer.get(), catalog: TestData.catalog(),
                                          fileAccess: .insideFolder, warn: { _ in })
            Issue.record("two bad scenarios were resolved")
        } catch let errors as ScenarioErrors {
            #expect(errors.issues.contains { $0.description.contains("bad1.yaml") && $0.description.contains("Ryiadhx Qqq") })
            #expect(errors.issues.contains { $0.description.contains("bad2.yaml") && $0.description.contains("Zolfagharx Qqq") })
        }
    }

    @Test func checkReportsProblemsWithoutThrowing() throws {
        let folder = try Self.folder(["bad.yaml": Self.good.replacingOccurrences(of: "Riyadh", with: "Ryiadhx Qqq"), "good.yaml": Self.good])
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = try ScenarioBatch.check(folder.appendingPathComponent("bad.yaml").path, gazetteer: TestData.gazetteer.get(),
                                          catalog: TestData.catalog(), fileAccess: .insideFolder)
        let good = try ScenarioBatch.check(folder.appendingPathComponent("good.yaml").path, gazetteer: TestData.gazetteer.get(),
                                           catalog: TestData.catalog(), fileAccess: .insideFolder)
        #expect(bad.problems.map(\.description).joined().contains("Ryiadhx Qqq"))
        #expect(good.problems.isEmpty)
    }
}
