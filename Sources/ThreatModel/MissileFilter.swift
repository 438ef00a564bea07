import Gazetteer
import GeoModel

/// Which catalogued systems to list: every condition given must hold.
public struct MissileFilter: Sendable, Hashable {
    public var category: MissileSystem.Category?
    /// An ISO 3166-1 alpha-2 code among the system's operators (any case).
    public var operatorCode: String?
    /// Systems whose nominal range is at least this.
    public var minimumReach: Distance?
    /// Text found in the name or an alias, folded as place names are
    /// (case, diacritics, hyphens, spaces, Arabic and Persian letter variants).
    public var search: String?

    public init(category: MissileSystem.Category? = nil, operatorCode: String? = nil,
                minimumReach: Distance? = nil, search: String? = nil) {
        self.category = category
        self.operatorCode = operatorCode
        self.minimumReach = minimumReach
        self.search = search
    }

    /// Whether `system` meets every condition.
    public func accepts(_ system: MissileSystem) -> Bool {
        if let category, system.category != category { return false }
        if let operatorCode, !system.operators.contains(operatorCode.uppercased()) { return false }
        if let minimumReach, system.range < minimumReach { return false }
        if let search {
            let wanted = MissileCatalog.matchKey(search)
            guard !wanted.isEmpty else { return true }
            return system.names.contains { MissileCatalog.matchKey($0).contains(wanted) }
        }
        return true
    }
}

extension MissileCatalog {
    /// The systems `filter` accepts, in catalog order.
    public func systems(matching filter: MissileFilter) -> [MissileSystem] {
        systems.filter(filter.accepts)
    }
}
