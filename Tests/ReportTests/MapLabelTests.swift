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
        /// Whether every place must be labelled (on the main map or in the inset).
        var everyPlaceNamed = true
    }

    static let cases: [Case] = ScenarioGoldenTests.scenarios.map { Case(scenario: $0, choices: MapChoices(), testDescription: $0) } + [
        Case(scenario: "iran-missiles-iraq-2018.yaml",
             choices: MapChoices(projection: .equirectangular, extent: .world, width: 1600, height: 900),
             // The Middle East is a few pixels across: its inset is crowded in turn.
             testDescription: "world map", everyPlaceNamed: false),
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
        for (panel, layout) in layouts.enumerated() {
            let boxes = layout.labels.map(\.box) + layout.otherLabels
            for box in boxes {
                #expect(box.minX >= layout.frame.minX && box.maxX <= layout.frame.maxX
                        && box.minY >= layout.frame.minY && box.maxY <= layout.frame.maxY, "a label leaves its frame: \(box)")
                // Nothing on the main map is hidden under an inset.
                for inset in layouts.dropFirst() where panel == 0 {
                    #expect(box.overlap(inset.frame) == 0, "a label lies under the inset: \(box)")
                }
            }
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
        // Every place on the map is labelled, on the main map or in the inset.
        // (A marker off the map, or a target drawn as its launch site, lies far outside the canvas.)
        let onMap = layouts[0].markers.indices.filter { layouts[0].markers[$0].x > -1e8 }
        let named = Set(layouts.flatMap { $0.labels.map(\.marker) })
        #expect(!test.everyPlaceNamed || onMap.allSatisfy(named.contains), "unlabelled markers: \(onMap.filter { !named.contains($0) })")
    }
}
