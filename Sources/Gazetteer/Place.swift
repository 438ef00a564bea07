import GeoModel

/// What sort of place a gazetteer entry is.
public enum PlaceKind: String, CaseIterable, Sendable, Codable {
    case capital, city, town, district, airbase
    case militarySite = "military_site"
    case governorate, landmark, strait
    /// A first-level subdivision that is not a governorate (province, state, region).
    case province
    /// A civil airport (military fields are `airbase`).
    case airport
    /// A sovereign country or territory (an area).
    case country
    /// A region drawn by the user or named in reporting ("southern Iraq").
    case region
    /// A coordinate typed by the user, not a named place.
    case coordinate
    // Facilities of the strategic-sites layer (`Gazetteer/sites/*.csv`);
    // `airbase`, `militarySite` and `strait` above serve it too.
    case armyBase = "army_base"
    case navalBase = "naval_base"
    /// A missile base or launch site.
    case missileBase = "missile_base"
    case spaceLaunchSite = "space_launch_site"
    case nuclearFacility = "nuclear_facility"
    /// An oil or gas field plant, refinery or terminal.
    case oilGasFacility = "oil_gas_facility"
    case port
    /// A seat of government (a ministry quarter, a green zone).
    case governmentDistrict = "government_district"
    /// A sea, gulf or bay, at a representative point: where ships and
    /// submarines fire from, never a place hit.
    case sea
}

extension PlaceKind {
    /// The kinds a user can ask for by name: every kind but `coordinate`.
    public static var namedKinds: [PlaceKind] { allCases.filter { $0 != .coordinate } }

    /// The kinds that are facilities rather than settlements or areas:
    /// what reporting names as targets and launch points.
    public var isFacility: Bool {
        switch self {
        case .airbase, .militarySite, .armyBase, .navalBase, .missileBase, .spaceLaunchSite,
             .nuclearFacility, .oilGasFacility, .port, .governmentDistrict:
            true
        case .capital, .city, .town, .district, .governorate, .landmark, .strait, .sea, .province,
             .airport, .country, .region, .coordinate:
            false
        }
    }

    /// `namedKinds` for messages: "capital, city, ...".
    public static var namedKindList: String { namedKinds.map(\.rawValue).joined(separator: ", ") }
}

/// A named place with its provenance.
public struct Place: Hashable, Sendable {
    /// The common English name.
    public var name: String
    /// Other spellings and scripts.
    public var aliases: [String]
    /// Representative point (an area's interior point until areas arrive).
    public var coordinate: Coordinate
    public var kind: PlaceKind
    /// ISO 3166-1 alpha-2 code, empty when unknown.
    public var country: String
    /// Where the coordinate comes from.
    public var source: String
    /// The outline of an area (country, governorate, region), longitudes in
    /// [-180, 180]; `nil` for a point place. `coordinate` is then a point
    /// inside the area.
    public var area: MultiPolygon?
    /// Inhabitants, when the source gives them (GeoNames); ranks namesakes.
    public var population: Int?
    /// The source's first-level subdivision code (GeoNames admin1, such as
    /// `07` for Baghdad governorate), empty when unknown.
    public var admin1: String
    /// The feature's id in the GIS layer it was read from (a GeoPackage
    /// row id, a table's primary key); nil for other places.
    public var featureID: Int64?

    public init(
        name: String, aliases: [String] = [], coordinate: Coordinate, kind: PlaceKind,
        country: String, source: String, area: MultiPolygon? = nil,
        population: Int? = nil, admin1: String = ""
    ) {
        self.name = name
        self.aliases = aliases
        self.coordinate = coordinate
        self.kind = kind
        self.country = country
        self.source = source
        self.area = area
        self.population = population
        self.admin1 = admin1
    }
}
