import Extraction
import Foundation
import Report
import Testing

/// `ExtractionOutput`: what `extract` writes, as a library call.
@Suite struct ExtractionOutputTests {
    static let article = """
        Iran has moved Zolfaghar missiles to Jurf al-Sakhar in Iraq, from where they could strike Riyadh. \
        Militias in southern Iraq also received Fateh-110 rockets.
        """

    static func extraction() throws -> Extraction {
        try Extractor(gazetteer: TestData.gazetteer.get(), catalog: TestData.catalog()).extract(text: Self.article, source: "test")
    }

    @Test func writesTheScenarioAndItsRegionsBesideIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("extraction-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let extraction = try Self.extraction()
        let path = folder.appendingPathComponent("story.yaml").path
        let output = try ExtractionOutput(writing: extraction, stem: "story", input: "test", scenarioPath: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == output.yaml)
        #expect(output.yaml.contains("stem: story"))
        #expect(output.written.last == path)
        // Every region the scenario names is written beside it.
        for region in extraction.regions {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(region.fileName).path))
        }
        #expect(output.written.count == extraction.regions.count + 1)
    }

    @Test func mapGapsNameWhatIsMissing() throws {
        var extraction = try Self.extraction()
        #expect(ExtractionOutput.mapGaps(extraction).isEmpty)
        extraction.systems = []
        #expect(ExtractionOutput.mapGaps(extraction) == ["no weapon system"])
    }
}
