import GeoModel

/// The projections a map can be drawn in, by the names the command line
/// and scenario files use.
public enum ProjectionName: String, CaseIterable, Sendable {
    case aeqd, laea, equirectangular
    case webMercator = "web-mercator"

    /// The names, comma-separated, as error messages list them.
    public static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// One line per name for help texts.
    public static let help = "aeqd: azimuthal equidistant (default; distances from the centre true), laea: Lambert azimuthal equal-area, equirectangular, web-mercator."

    /// The projection centred on `center`.
    public func projection(center: Coordinate) -> MapProjection {
        switch self {
        case .aeqd: .azimuthalEquidistant(center: center)
        case .laea: .lambertAzimuthalEqualArea(center: center)
        case .equirectangular: .equirectangular(center: center)
        case .webMercator: .webMercator(center: center)
        }
    }

    /// How a credit line names it.
    public var title: String {
        switch self {
        case .aeqd: "Azimuthal equidistant projection"
        case .laea: "Lambert azimuthal equal-area projection"
        case .equirectangular: "Equirectangular projection"
        case .webMercator: "Web Mercator projection"
        }
    }
}

/// The colour themes, by name.
public enum ThemeName: String, CaseIterable, Sendable {
    case light, dark

    /// The names as error messages list them ("light or dark").
    public static var list: String { allCases.map(\.rawValue).joined(separator: " or ") }

    public var theme: MapTheme { self == .dark ? .dark : .light }
}

/// The files a scenario can be rendered to.
public enum OutputFormat: String, CaseIterable, Sendable {
    case geojson, svg, csv, md, kml
    /// One self-contained interactive page (`<stem>.html`).
    case html
    /// A GeoPackage (`<stem>.gpkg`) of layers for GIS tools, written through GDAL.
    case gpkg

    /// What a scenario writes when it names no formats.
    public static let scenarioDefault: [OutputFormat] = [.geojson, .svg, .csv, .md]
}

/// Map settings as given by one source (the command line, a scenario's
/// `map:`): each one optional, so that sources can be layered.
public struct MapChoices: Sendable {
    public var projection: ProjectionName?
    /// Centre of the projection.
    public var center: Coordinate?
    public var extent: MapExtent?
    /// Canvas size in pixels.
    public var width: Int?
    public var height: Int?
    public var theme: ThemeName?
    /// Distance between range rings around point sites (`rings_every`).
    public var ringsEvery: Distance?
    /// Radials from point sites out to their range (`radials`).
    public var radials: Radials?

    public init(projection: ProjectionName? = nil, center: Coordinate? = nil, extent: MapExtent? = nil,
                width: Int? = nil, height: Int? = nil, theme: ThemeName? = nil,
                ringsEvery: Distance? = nil, radials: Radials? = nil) {
        self.projection = projection
        self.center = center
        self.extent = extent
        self.width = width
        self.height = height
        self.theme = theme
        self.ringsEvery = ringsEvery
        self.radials = radials
    }

    /// These choices where made, `other`'s elsewhere.
    public func over(_ other: MapChoices) -> MapChoices {
        MapChoices(projection: projection ?? other.projection, center: center ?? other.center,
                   extent: extent ?? other.extent, width: width ?? other.width,
                   height: height ?? other.height, theme: theme ?? other.theme,
                   ringsEvery: ringsEvery ?? other.ringsEvery, radials: radials ?? other.radials)
    }

    /// The settings with the defaults filled in: azimuthal equidistant,
    /// centred on the launch sites, every footprint, 1200 × 900, light, no
    /// range rings or radials; sizes raised to the renderer's minimum.
    public var settings: MapSettings {
        let minimum = SVGMapRenderer.minimumSize
        return MapSettings(projection: projection ?? .aeqd, center: center, extent: extent ?? .auto,
                           width: max(minimum.width, width ?? 1200), height: max(minimum.height, height ?? 900),
                           theme: theme ?? .light, ringsEvery: ringsEvery, radials: radials)
    }
}

/// The settings one map is drawn with.
public struct MapSettings: Sendable {
    public var projection: ProjectionName
    /// Nil: the middle of the launch sites.
    public var center: Coordinate?
    public var extent: MapExtent
    /// Canvas size in pixels.
    public var width: Int
    public var height: Int
    public var theme: ThemeName
    /// Distance between range rings around point sites; nil: none.
    public var ringsEvery: Distance?
    /// Radials from point sites out to their range; nil: none.
    public var radials: Radials?

    public init(projection: ProjectionName, center: Coordinate?, extent: MapExtent, width: Int, height: Int, theme: ThemeName,
                ringsEvery: Distance? = nil, radials: Radials? = nil) {
        self.projection = projection
        self.center = center
        self.extent = extent
        self.width = width
        self.height = height
        self.theme = theme
        self.ringsEvery = ringsEvery
        self.radials = radials
    }

    public func renderer(basemap: Basemap?) -> SVGMapRenderer {
        SVGMapRenderer(width: width, height: height, theme: theme.theme, extent: extent, basemap: basemap)
    }
}
