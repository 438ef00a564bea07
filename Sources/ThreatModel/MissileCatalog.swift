import Foundation
import Gazetteer
import GeoModel

/// The missile systems known by name, loaded from the CSV files of
/// `Gazetteer/missiles/` (see `MissileCatalogFile` for the columns).
///
/// Names are matched as place names are (case, diacritics, hyphens,
/// Arabic and Persian letter variants folded), and also with their spaces
/// removed, so "Hwasong-15", "hwasong 15" and "HWASONG15" are one name.
public struct MissileCatalog: Sendable {
    public let systems: [MissileSystem]
    /// Folded names and aliases (`NameKey.folded`) -> system position.
    private let index: [String: Int]
    /// The same keys without spaces -> system position.
    private let compactIndex: [String: Int]

    public init(systems: [MissileSystem]) {
        self.systems = systems
        var index = [String: Int](), compactIndex = [String: Int]()
        for (position, system) in systems.enumerated() {
            for name in system.names {
                let key = NameKey(name).folded
                guard !key.isEmpty else { continue }
                if index[key] == nil { index[key] = position }
                let compact = Self.compact(key)
                if compactIndex[compact] == nil { compactIndex[compact] = position }
            }
        }
        self.index = index
        self.compactIndex = compactIndex
    }

    /// A folded name with its spaces removed: "hwasong 15" -> "hwasong15".
    public static func compact(_ foldedKey: String) -> String {
        // Scalar by scalar: Foundation's replacingOccurrences searched with
        // locale-aware comparison and cost a fifth of loading the catalog.
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: foldedKey.unicodeScalars.lazy.filter { $0 != " " })
        return String(scalars)
    }

    /// The key two names share when a reader would take them for one:
    /// `NameKey` folding, spaces removed.
    public static func matchKey(_ name: String) -> String {
        compact(NameKey(name).folded)
    }

    /// This catalog with `other`'s systems added; a system of `other` replaces
    /// any of ours that shares its name or one of its aliases.
    public func merging(_ other: MissileCatalog) -> MissileCatalog {
        let replaced = Set(other.systems.flatMap { $0.names.map(Self.matchKey) })
        let kept = systems.filter { system in
            system.names.allSatisfy { !replaced.contains(Self.matchKey($0)) }
        }
        return MissileCatalog(systems: other.systems + kept)
    }

    /// The system called `name` (its name or any alias; case, hyphens,
    /// spaces and script variants folded).
    /// - Throws: `ThreatModelError.missileFamily` when `name` is the common
    ///   stem of several systems ("Hwasong", "DF-21") and no system's own
    ///   name: it lists them and picks none. `ThreatModelError.unknownMissile`
    ///   with close names otherwise.
    public func system(named name: String) throws(ThreatModelError) -> MissileSystem {
        let key = NameKey(name).folded
        if let position = index[key] { return systems[position] }
        let compact = Self.compact(key)
        guard !compact.isEmpty else { throw .unknownMissile(name, suggestions: []) }
        if let position = compactIndex[compact] { return systems[position] }
        let members = family(key)
        if members.count >= 2 { throw .missileFamily(name, members: members.map(\.name)) }
        throw .unknownMissile(name, suggestions: suggestions(for: compact, including: members))
    }

    /// Systems with a name or alias that begins with `key` and goes on
    /// after a word or a letter/digit boundary: "agni" -> "Agni-V",
    /// "df 21" -> "DF-21D", but "df 2" -> nothing.
    public func family(_ name: String) -> [MissileSystem] {
        let key = NameKey(name).folded
        let compact = Self.compact(key)
        guard compact.count >= 2 else { return [] }
        return systems.filter { system in
            system.names.contains { alias in
                let other = NameKey(alias).folded
                if other.count > key.count, other.hasPrefix(key), other.dropFirst(key.count).first == " " { return true }
                let otherCompact = Self.compact(other)
                guard otherCompact.count > compact.count, otherCompact.hasPrefix(compact),
                      let last = compact.last, let next = otherCompact.dropFirst(compact.count).first else { return false }
                return last.isNumber != next.isNumber
            }
        }
    }

    /// Up to five systems whose names are close to `compact`: within a third
    /// of its letters (at least two) of edits, or containing it or contained
    /// in it (four letters or more), nearest first.
    private func suggestions(for compact: String, including members: [MissileSystem]) -> [String] {
        let limit = max(2, compact.count / 3)
        var best = [(distance: Int, name: String)]()
        for system in systems {
            var distance = Int.max
            for alias in system.names {
                let other = Self.matchKey(alias)
                guard !other.isEmpty else { continue }
                let edits = EditDistance.between(compact, other, limit: limit)
                if edits <= limit { distance = min(distance, edits) }
                let shorter = min(other.count, compact.count)
                if shorter >= 4, other.contains(compact) || compact.contains(other) {
                    distance = min(distance, limit + abs(other.count - compact.count))
                }
            }
            if members.contains(where: { $0.name == system.name }) { distance = min(distance, 0) }
            if distance < Int.max { best.append((distance, system.name)) }
        }
        return best.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(5).map(\.name)
    }
}

extension MissileSystem {
    /// The name, then the aliases.
    public var names: [String] { [name] + aliases }
}

extension MissileCatalog {
    /// `self` with the systems of the user's catalog at `path` (a CSV file
    /// or a folder of them) added or replacing bundled ones of the same
    /// name or alias; `self` when `path` is nil.
    /// - Throws: `ThreatModelError.file` for a path that is not a readable
    ///   file or folder, `.badData` naming file and line.
    public func merging(file path: String?) throws(ThreatModelError) -> MissileCatalog {
        guard let path else { return self }
        return merging(try MissileCatalogFile.load(path: path))
    }

    /// The systems a user asks for by name (each at the `estimate` end of
    /// its published span), then a bare `range` if one is given.
    /// - Throws: `ThreatModelError` for an unknown name (with close matches).
    public func systems(named names: [String], estimate: RangeEstimate, range: Distance?,
                        minimumRange: Distance?) throws(ThreatModelError) -> [MissileSystem] {
        var systems = [MissileSystem]()
        for name in names { systems.append(try system(named: name).using(estimate)) }
        if let range { systems.append(MissileSystem.bareRange(range, minimumRange: minimumRange ?? .zero).using(estimate)) }
        return systems
    }
}

