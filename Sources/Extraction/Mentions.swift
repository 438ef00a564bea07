import Gazetteer
import GeoModel
import ThreatModel

/// A place name found in a sentence, before the article's context picks
/// which of its namesakes is meant.
struct PlaceMention {
    enum Shape {
        /// The place itself.
        case named
        /// `distance` along `bearing` from the place ("40 km north of Karbala").
        case relative(bearing: Double, distance: Distance?, phraseStart: Int)
        /// A part of a country ("southern Iraq").
        case region(RegionPart, phraseStart: Int)
        /// A named region made of governorates ("Iraqi Kurdistan").
        case namedRegion(String, phraseStart: Int)
    }

    var sentence: Int
    var start: Int
    var end: Int
    /// As written ("Baghdad's" gives "Baghdad").
    var surface: String
    var options: [PlaceLookup.Option]
    var shape: Shape = .named
    var role: PlaceRole?
    var confidence: Double = 0
    /// The words that gave the role ("fired from", "targeted", "listed after Jeddah").
    var cue: String?
    /// The subject of a verb or a speaker ("Iran has moved", "Tehran said").
    var isActor = false
    /// Part of a compound ("Iran-backed", "Baghdad-based").
    var isModifier = false
    /// Used only to say where another place is ("al-Zafaraniya, east of Baghdad").
    var isAnchor = false
    /// The mention this one is said to be near ("the Shaibah airbase near
    /// Basra"): its reading must lie within `Extractor.nearLimit` of it.
    var nearMention: Int?
    /// The mention this one locates, with the bearing from this one to it.
    var locates: (mention: Int, bearing: Double)?
    /// An ordinary English word that is also a place name ("Hope"): kept
    /// only where a place is expected.
    var needsPlaceContext = false
    /// A country named just before or after ("the Iraqi city of Hit", "Hit, Iraq").
    var countryHint: String?
    var weaponContext = false
    var inHeadline = false
    /// Catalog systems (indices) or unknown system names in the same sentence.
    var systemsInSentence: [SystemKey] = []

    var phraseStart: Int {
        switch shape {
        case .named: start
        case let .relative(_, _, phraseStart), let .region(_, phraseStart), let .namedRegion(_, phraseStart): phraseStart
        }
    }
}

/// A system's identity: a catalog index or a name the catalog lacks.
enum SystemKey: Hashable {
    case catalog(Int)
    case unknown(String)
}

/// A system found in a sentence.
struct SystemMention {
    var sentence: Int
    var start: Int
    var key: SystemKey
    var text: String
    var isFamily: Bool
}

/// Everything one pass over the sentences finds, before disambiguation.
struct ScanResult {
    var sentences: [String] = []
    var places: [PlaceMention] = []
    var systems: [SystemMention] = []
    /// Stated ranges with the systems they belong to.
    var ranges: [(range: StatedRange, systems: [SystemKey])] = []
    /// Mentions of each country by name or demonym (ISO code -> count).
    var countryCounts: [String: Double] = [:]
    var unresolved: [UnresolvedName] = []
    var title: String?
    var agencies: [String] = []
    var date: String?
    /// Words known to be people's names in this article.
    var people: Set<String> = []
    /// Names of systems the catalog lacks, once confirmed by a weapon word.
    var knownSystemNames: Set<String> = []
    /// The first spelling of each such name ("AGNI-I" then "Agni-I": one system).
    var unknownSpellings: [String: String] = [:]
}
