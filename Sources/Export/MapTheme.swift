/// Colours and line styles of a map. Both themes keep sea, land and
/// footprints apart in greyscale too: land is lighter than sea (light) or
/// the reverse (dark), and footprint colours differ in lightness.
public struct MapTheme: Hashable, Sendable {
    public var name: String
    public var background: String
    /// The frame outside the part of the Earth the projection shows.
    public var space: String
    public var sea: String
    public var land: String
    public var coastline: String
    public var border: String
    public var province: String
    public var graticule: String
    public var graticuleText: String
    public var frame: String
    public var text: String
    public var mutedText: String
    public var countryText: String
    /// Halo drawn behind text so it reads over any background.
    public var halo: String
    public var panel: String
    public var panelStroke: String
    /// Footprint colours, one per system in order.
    public var palette: [String]
    public var footprintOpacity: Double
    public var siteFill: String
    public var inRangeFill: String
    public var outOfRangeFill: String
    public var markerStroke: String

    /// Dark text on pale land and blue-grey sea; prints well on paper.
    public static let light = MapTheme(
        name: "light", background: "#ffffff", space: "#f4f4f4", sea: "#cfe0ea", land: "#f7f4ec",
        coastline: "#5f7f92", border: "#7d7a74", province: "#b8b1a3", graticule: "#8fa9b8", graticuleText: "#4d6472",
        frame: "#5f6f7a", text: "#141414", mutedText: "#4a4a4a", countryText: "#8a8172", halo: "#ffffff",
        panel: "#ffffff", panelStroke: "#8a9aa8",
        palette: ["#c0182a", "#f08c3a", "#1f63b5", "#6b3fa0", "#238b45", "#8c510a", "#ce1256", "#525252"],
        footprintOpacity: 0.14, siteFill: "#000000", inRangeFill: "#a50f15", outOfRangeFill: "#ffffff", markerStroke: "#ffffff"
    )

    /// Light text on a near-black sea and dark land; for screens and slides.
    public static let dark = MapTheme(
        name: "dark", background: "#0d1117", space: "#161b22", sea: "#0f2230", land: "#2b3138",
        coastline: "#6f93a8", border: "#8b949e", province: "#4b535c", graticule: "#355064", graticuleText: "#8fb1c4",
        frame: "#6e7681", text: "#f0f3f6", mutedText: "#b1bac4", countryText: "#8b949e", halo: "#0d1117",
        panel: "#161b22", panelStroke: "#6e7681",
        palette: ["#ff5a4e", "#ffb347", "#58a6ff", "#c297ff", "#56d364", "#e3b341", "#ff7eb6", "#b1bac4"],
        footprintOpacity: 0.2, siteFill: "#ffffff", inRangeFill: "#ff5a4e", outOfRangeFill: "#0d1117", markerStroke: "#0d1117"
    )

    /// The theme named `name` (`light` or `dark`), or nil.
    public static func named(_ name: String) -> MapTheme? {
        ThemeName(rawValue: name.lowercased())?.theme
    }
}
