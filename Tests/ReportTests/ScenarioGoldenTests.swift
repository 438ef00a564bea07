import Export
import Foundation
import Report
import ThreatModel
import Testing

/// Every output of the bundled scenarios, rendered through the library as
/// `threatmap map --kml --geojsonl` renders them, against golden files
/// recorded from the command line (`Fixtures/golden`). Byte for byte: these
/// are the files users publish. Re-recorded only on purpose, with
/// `RECORD_GOLDENS=1` (a recording run fails, so it cannot pass unnoticed).
@Suite struct ScenarioGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")

    static let scenarios = ["arash-rockets-southern-iraq-2020.yaml", "iran-missiles-iraq-2018.yaml", "patriot-iraq-2020.yaml"]

    @Test(arguments: scenarios)
    func everyOutputMatchesItsGolden(_ name: String) throws {
        let scenario = try TestData.resolved(name)
        // As `threatmap map` renders: people in reach counted over the bundled gazetteer.
        let renderer = ScenarioRenderer(basemap: try Basemap(contentsOf: TestData.basemapURL), kml: true, geojsonLines: true,
                                        population: try TestData.gazetteer.get())
        let rendering = try renderer.render(scenario, into: Self.golden)
        #expect(rendering.files.map(\.url.pathExtension) == ["geojson", "svg", "csv", "md", "kml", "geojsonl"])
        for (url, text) in rendering.files { try Self.assertSame(text, as: url) }
    }

    /// Command-line settings win over the scenario's: dark, Lambert
    /// azimuthal equal-area, 3000 km around the centre.
    @Test func settingsOverTheScenarioMatchTheirGolden() throws {
        let scenario = try TestData.resolved("iran-missiles-iraq-2018.yaml")
        let choices = MapChoices(projection: .laea, extent: try MapExtent(parsing: "3000km"), theme: .dark)
        let renderer = ScenarioRenderer(map: choices, basemap: try Basemap(contentsOf: TestData.basemapURL), kml: true,
                                        population: try TestData.gazetteer.get())
        let rendering = try renderer.render(scenario, into: Self.golden.appendingPathComponent("dark"))
        for (url, text) in rendering.files where ["svg", "kml"].contains(url.pathExtension) {
            try Self.assertSame(text, as: url)
        }
    }

    static func assertSame(_ text: String, as url: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try Data(text.utf8).write(to: url)
            Issue.record("recorded \(url.lastPathComponent); check it, commit it, run again without RECORD_GOLDENS", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard text != expected else { return }
        let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(actualLines.count, expectedLines.count)
        let shown = first < min(actualLines.count, expectedLines.count)
            ? "'\(actualLines[first].prefix(120))' vs '\(expectedLines[first].prefix(120))'"
            : "\(actualLines.count) lines vs \(expectedLines.count)"
        Issue.record("\(url.lastPathComponent) differs from its golden at line \(first + 1): \(shown)",
                     sourceLocation: sourceLocation)
    }
}
