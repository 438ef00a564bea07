/// QGIS layer styles (QML documents) in a map theme's colours, stored with
/// GeoPackage and PostGIS outputs so that QGIS opens them styled.
public enum QGISStyle {
    /// Footprints: one translucent fill per system, in the palette's order,
    /// keyed on the `missile` field (`systems` in map order).
    public static func footprints(systems: [String], theme: MapTheme) -> String {
        let categories = systems.enumerated().map { index, system in
            (value: system, symbol: fill(theme.palette[index % theme.palette.count], opacity: theme.footprintOpacity * 2))
        }
        return categorized(field: "missile", categories, fallback: fill(theme.palette[0], opacity: theme.footprintOpacity * 2))
    }

    /// Launch sites: the map's site marker.
    public static func launchSites(theme: MapTheme) -> String {
        document(renderer: #"<renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0"><symbols>\#(marker(theme.siteFill, stroke: theme.markerStroke, shape: "triangle", size: 3.2, name: "0"))</symbols></renderer-v2>"#)
    }

    /// Targets: filled where in range (`in_range` = 1), hollow where not.
    public static func targets(theme: MapTheme) -> String {
        categorized(field: "in_range", [
            (value: "1", symbol: marker(theme.inRangeFill, stroke: theme.markerStroke, shape: "circle", size: 2.6, name: "")),
            (value: "0", symbol: marker(theme.outOfRangeFill, stroke: theme.text, shape: "circle", size: 2.6, name: "")),
        ], fallback: marker(theme.mutedText, stroke: theme.markerStroke, shape: "circle", size: 2.6, name: ""))
    }

    /// Reach paths: thin lines in the in-range colour.
    public static func paths(theme: MapTheme) -> String {
        document(renderer: #"<renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0"><symbols>\#(line(theme.inRangeFill, name: "0"))</symbols></renderer-v2>"#)
    }

    private typealias Category = (value: String, symbol: String)

    private static func categorized(field: String, _ categories: [Category], fallback: String) -> String {
        var rows = "", symbols = ""
        for (index, category) in categories.enumerated() {
            let value = escaped(category.value)
            rows += #"<category symbol="\#(index)" value="\#(value)" label="\#(value)" render="true"/>"#
            symbols += category.symbol.replacingOccurrences(of: #"name="""#, with: #"name="\#(index)""#)
        }
        // The category of every other value (an empty one), null included: a bare range's footprint has no missile.
        rows += #"<category symbol="\#(categories.count)" value="" label="" render="true"/>"#
        symbols += fallback.replacingOccurrences(of: #"name="""#, with: #"name="\#(categories.count)""#)
        return document(renderer: #"<renderer-v2 type="categorizedSymbol" attr="\#(escaped(field))" symbollevels="0" enableorderby="0" forceraster="0"><categories>\#(rows)</categories><symbols>\#(symbols)</symbols></renderer-v2>"#)
    }

    private static func document(renderer: String) -> String {
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.28.0\" styleCategories=\"Symbology\">\(renderer)</qgis>\n"
    }

    private static func fill(_ colour: String, opacity: Double) -> String {
        let alpha = Int((min(max(opacity, 0), 1) * 255).rounded())
        return #"<symbol type="fill" name="" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleFill" enabled="1" locked="0" pass="0"><Option type="Map"><Option name="color" type="QString" value="\#(rgb(colour)),\#(alpha)"/><Option name="outline_color" type="QString" value="\#(rgb(colour)),255"/><Option name="outline_width" type="QString" value="0.5"/><Option name="outline_width_unit" type="QString" value="MM"/><Option name="style" type="QString" value="solid"/></Option></layer></symbol>"#
    }

    private static func marker(_ colour: String, stroke: String, shape: String, size: Double, name: String) -> String {
        #"<symbol type="marker" name="\#(name)" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleMarker" enabled="1" locked="0" pass="0"><Option type="Map"><Option name="color" type="QString" value="\#(rgb(colour)),255"/><Option name="outline_color" type="QString" value="\#(rgb(stroke)),255"/><Option name="name" type="QString" value="\#(shape)"/><Option name="size" type="QString" value="\#(size)"/><Option name="size_unit" type="QString" value="MM"/></Option></layer></symbol>"#
    }

    private static func line(_ colour: String, name: String) -> String {
        #"<symbol type="line" name="\#(name)" alpha="0.8" clip_to_extent="1" force_rhr="0"><layer class="SimpleLine" enabled="1" locked="0" pass="0"><Option type="Map"><Option name="line_color" type="QString" value="\#(rgb(colour)),255"/><Option name="line_width" type="QString" value="0.3"/><Option name="line_width_unit" type="QString" value="MM"/></Option></layer></symbol>"#
    }

    /// `#rrggbb` as QGIS's `r,g,b`.
    static func rgb(_ hex: String) -> String {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return "0,0,0" }
        return "\(value >> 16 & 0xff),\(value >> 8 & 0xff),\(value & 0xff)"
    }

    private static func escaped(_ text: String) -> String { XMLText.escape(text) }
}
