import Export
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// QGIS styles stored with GeoPackage and PostGIS layers.
@Suite struct QGISStyleTests {
    @Test func everyStyleIsWellFormedXML() {
        let theme = MapTheme.light
        for style in [QGISStyle.footprints(systems: ["Zolfaghar", "Fateh-110 <&>"], theme: theme), QGISStyle.launchSites(theme: theme),
                      QGISStyle.targets(theme: theme), QGISStyle.paths(theme: theme)] {
            #expect(XMLParser(data: Data(style.utf8)).parse(), "\(style)")
        }
    }

    @Test func footprintsHaveAColourPerSystemAndOneForEveryOtherValue() {
        let style = QGISStyle.footprints(systems: ["Zolfaghar", "Fateh-110"], theme: .light)
        #expect(style.contains(#"type="categorizedSymbol" attr="missile""#))
        #expect(style.contains(#"<category symbol="0" value="Zolfaghar""#))
        #expect(style.contains(#"<category symbol="1" value="Fateh-110""#))
        // A bare range's footprint has no missile: the empty category draws it.
        #expect(style.contains(#"<category symbol="2" value="" label="" render="true"/>"#))
        #expect(style.components(separatedBy: "<symbol ").count - 1 == 3)
        // The palette's first colour, translucent fill and opaque outline.
        #expect(style.contains(#"value="192,24,42,"#) && style.contains(#"value="192,24,42,255""#))
    }
}
