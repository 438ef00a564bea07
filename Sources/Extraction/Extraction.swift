import Gazetteer
import GeoModel
import ThreatModel

/// What a place is to the scenario.
public enum PlaceRole: String, Sendable, CaseIterable {
    /// Where systems are, or are fired from (`sites`).
    case launchSite = "launch_site"
    /// What they could hit (`targets`).
    case target
}

/// A launch site or target found in the text, with the sentence it came from.
public struct ExtractedPlace: Sendable {
    /// Where the place is.
    public enum Location: Sendable {
        /// A gazetteer place; `query` is the text that resolves to it
        /// (its name, or `Name, CC` when the name alone means another place).
        case place(Place, query: String)
        /// A point at `distance` along `bearing` (degrees clockwise from
        /// north) from `anchor`, computed on the WGS84 ellipsoid.
        case relative(anchor: Place, bearing: Double, distance: Distance, stated: Bool, coordinate: Coordinate)
        /// An area written to a GeoJSON file beside the scenario.
        case region(RegionArea)
    }

    /// The name the scenario gives it.
    public var name: String
    /// The words of the text it was found from.
    public var mention: String
    public var location: Location
    public var role: PlaceRole
    /// The sentence it came from.
    public var evidence: String
    /// From 0 (a guess) to 1 (stated plainly).
    public var confidence: Double
    /// Names of the systems the text places here; nil: every system.
    public var systems: [String]?
    /// How many times the text names it in this role.
    public var mentions: Int
    /// The words that gave it its role ("fired from", "targeted", "listed
    /// after Jeddah"), for a reader checking it against the text.
    public var cue: String? = nil

    /// The representative coordinate.
    public var coordinate: Coordinate {
        switch location {
        case let .place(place, _): place.coordinate
        case let .relative(_, _, _, _, coordinate): coordinate
        case let .region(region): region.representativePoint
        }
    }
}

/// A region ("southern Iraq") as an outline, to be written as GeoJSON.
public struct RegionArea: Sendable {
    /// "Southern Iraq".
    public var name: String
    /// File name of its GeoJSON, such as `southern-iraq.geojson`.
    public var fileName: String
    public var area: MultiPolygon
    /// How the outline was made (for the GeoJSON `source` property).
    public var source: String
    /// ISO code of the country it lies in.
    public var country: String
    /// A point inside the area (the centre of its largest piece's box, or a vertex).
    public var representativePoint: Coordinate
    /// Named parts that share borders ("Iraqi Kurdistan": its governorates),
    /// written as one feature each (shared edges would make one multipolygon
    /// invalid); empty: the area is one feature.
    public var parts: [(name: String, area: MultiPolygon)] = []
}

/// A weapon system found in the text.
public struct ExtractedSystem: Sendable {
    /// The catalog name, or the name as written for a system the catalog lacks.
    public var name: String
    /// The catalog entry, if the name is an alias of one.
    public var catalogSystem: MissileSystem?
    /// The words of the text ("Zolfaqar", "Fateh 110").
    public var mention: String
    /// The range the text states for it, overriding the catalog.
    public var statedRange: StatedRange?
    /// For a system the catalog lacks: its class guessed from the stated range.
    public var category: MissileSystem.Category?
    public var evidence: String
    public var confidence: Double
    public var mentions: Int
}

/// A range stated in the text: "700 km", "ranges of 200 to 700 kilometers".
public struct StatedRange: Sendable, Equatable {
    /// The maximum range (the upper end of a span).
    public var range: Distance
    /// The lower end of a stated span of maximum ranges.
    public var low: Distance?
    /// A stated minimum range.
    public var minimum: Distance?
    /// The words stating it ("ranges of 200 to 700 kilometers (124 to 435 miles)").
    public var phrase: String
    public var evidence: String
}

/// A name the text seems to use for a place or system that the gazetteer or
/// catalog does not know.
public struct UnresolvedName: Sendable, Hashable {
    public enum Kind: String, Sendable { case place, system, region }
    public var text: String
    public var kind: Kind
    public var evidence: String
}

/// Everything extracted from one article.
public struct Extraction: Sendable {
    public var title: String
    public var date: String?
    public var summary: String?
    public var sources: [String]
    public var places: [ExtractedPlace]
    public var systems: [ExtractedSystem]
    /// Every range stated, with the systems each was given to (names).
    public var ranges: [(range: StatedRange, systems: [String])]
    public var unresolved: [UnresolvedName]
    /// Regions to write as GeoJSON beside the scenario.
    public var regions: [RegionArea]
    /// Countries the article is about, most mentioned first (ISO codes).
    public var contextCountries: [String]
    /// Place names used as anchors or context only (not sites or targets).
    public var contextPlaces: [String]

    public var sites: [ExtractedPlace] { places.filter { $0.role == .launchSite } }
    public var targets: [ExtractedPlace] { places.filter { $0.role == .target } }
}
