@testable import Export
import Foundation
import GeoModel
import Report
import ThreatModel
import Testing

/// The labels of every bundled scenario's map, and of the default scenario
/// on a world map and with rings and radials, read from the renderer's
/// placement: no two labels overlap, and every place's label lies nearer to
/// its own marker than to any other (a reader never takes one dot for
/// another's name).
@Suite struct MapLabelTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var scenario: String
        var choices: MapChoices
        var testDescription: String
    }

    static let cases: [Case] = ScenarioGoldenTests.scenarios.map { Case(scenario: $0, choices: MapChoices(), testDescription: $0) } + [
        Case(scenario: "iran-missiles-iraq-2018.yaml",
             choices: MapChoices(projection: .equirectangular, extent: .world, width: 1600, height: 900),
             testDescription: "world map"),
        Case(scenario: "iran-missiles-iraq-2018.yaml", choices: MapChoices(ringsEvery: .kilometers(100), radials: Radials(count: 8)),
             testDescription: "rings and radials"),
        Case(scenario: "patriot-iraq-2020.yaml", choices: MapChoices(theme: .dark, ringsEvery: .kilometers(10)),
             testDescription: "Patriot, dark, rings"),
    ]

    @Test(arguments: cases)
    func labelsNeitherOverlapNorMislead(_ test: Case) throws {
        let report = try ScenarioReport(TestData.resolved(test.scenario), tolerance: .meters(10))
        let settings = test.choices.over(report.scenario.document.map).settings
        var content = try report.content(projectionTitle: settings.projection.title)
        content.guides = try report.guides(RangeMarks(every: settings.ringsEvery, radials: settings.radials))
        let center = settings.center ?? Coordinate.mean(of: report.scenario.sites.map(\.place.coordinate))
        let renderer = settings.renderer(basemap: try Basemap(contentsOf: TestData.basemapURL))
        let layouts = try renderer.draw(content, projection: settings.projection.projection(center: center)).layouts
        var labelled = 0
        for layout in layouts {
            let boxes = layout.labels.map(\.box) + layout.otherLabels
            for i in boxes.indices {
                for j in boxes.indices where j > i {
                    #expect(boxes[i].overlap(boxes[j]) == 0, "labels \(i) and \(j) overlap: \(boxes[i]) \(boxes[j])")
                }
            }
            for label in layout.labels {
                let own = LabelPlacer.distance(from: layout.markers[label.marker], to: label.box)
                for (index, point) in layout.markers.enumerated() where index != label.marker {
                    #expect(own < LabelPlacer.distance(from: point, to: label.box),
                            "label of marker \(label.marker) is nearer to marker \(index)")
                }
            }
            labelled += layout.labels.count
        }
        #expect(labelled > 0)
    }
}
