import Foundation
import Gazetteer
import GeoModel

/// The missile systems known by name, loaded from `missiles.csv`:
/// `name,aliases,class,min_range_km,range_km,range_low_km,range_high_km,source`,
/// and optionally `speed_kmh` (cruise speed, empty when unpublished).
public struct MissileCatalog: Sendable {
    public let systems: [MissileSystem]
    private let index: [NameKey: Int]

    public init(systems: [MissileSystem]) {
        self.systems = systems
        var index = [NameKey: Int]()
        for (position, system) in systems.enumerated() {
            for name in [system.name] + system.aliases where index[NameKey(name)] == nil {
                index[NameKey(name)] = position
            }
        }
        self.index = index
    }

    /// Loads a catalog file.
    /// - Throws: `ThreatModelError.badData` naming file and line.
    public init(contentsOf url: URL) throws(ThreatModelError) {
        let table: CSVTable
        do { table = try CSVTable(contentsOf: url) } catch { throw .reading(error) }
        self.init(systems: try Self.systems(in: table, source: url.path))
    }

    static func systems(in table: CSVTable, source: String) throws(ThreatModelError) -> [MissileSystem] {
        func column(_ name: String) throws(ThreatModelError) -> Int {
            do { return try table.column(name, source: source) } catch { throw .reading(error) }
        }
        let name = try column("name"), aliases = try column("aliases"), category = try column("class")
        let minimum = try column("min_range_km"), nominal = try column("range_km")
        let low = try column("range_low_km"), high = try column("range_high_km"), origin = try column("source")
        // Optional: a cruise speed, read when the file has the column.
        let speed = table.header.firstIndex(of: "speed_kmh")

        var systems = [MissileSystem]()
        for row in table.rows {
            let fields = row.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            func kilometers(_ index: Int, _ label: String) throws(ThreatModelError) -> Distance {
                guard let value = Double(fields[index]), value.isFinite, value >= 0 else {
                    throw .badData(source: source, line: row.line, reason: "\(label) '\(fields[index])' is not a non-negative number of kilometres")
                }
                return .kilometers(value)
            }
            var cruiseSpeed: Double?
            if let speed, !fields[speed].isEmpty {
                guard let value = Double(fields[speed]), value.isFinite, value > 0 else {
                    throw .badData(source: source, line: row.line, reason: "speed_kmh '\(fields[speed])' is not a positive number of km/h")
                }
                cruiseSpeed = value
            }
            guard let kind = MissileSystem.Category(rawValue: fields[category]) else {
                throw .badData(source: source, line: row.line, reason: "unknown class '\(fields[category])'")
            }
            let system = MissileSystem(
                name: fields[name],
                aliases: fields[aliases].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !NameKey($0).folded.isEmpty },
                category: kind,
                minimumRange: try kilometers(minimum, "min_range_km"),
                range: try kilometers(nominal, "range_km"),
                rangeLow: try kilometers(low, "range_low_km"),
                rangeHigh: try kilometers(high, "range_high_km"),
                source: fields[origin],
                speedKilometersPerHour: cruiseSpeed
            )
            if let problem = system.rangeProblem {
                throw .badData(source: source, line: row.line, reason: "\(system.name): \(problem)")
            }
            systems.append(system)
        }
        return systems
    }

    /// This catalog with `other`'s systems added; a system of `other` replaces
    /// any of ours that shares its name or one of its aliases.
    public func merging(_ other: MissileCatalog) -> MissileCatalog {
        let replaced = Set(other.systems.flatMap { ([$0.name] + $0.aliases).map(NameKey.init) })
        let kept = systems.filter { system in
            ([system.name] + system.aliases).allSatisfy { !replaced.contains(NameKey($0)) }
        }
        return MissileCatalog(systems: other.systems + kept)
    }

    /// The system called `name` (any alias, case and punctuation folded).
    /// - Throws: `ThreatModelError.unknownMissile` with close names.
    public func system(named name: String) throws(ThreatModelError) -> MissileSystem {
        if let position = index[NameKey(name)] { return systems[position] }
        let key = NameKey(name).folded
        guard !key.isEmpty else { throw .unknownMissile(name, suggestions: []) }
        let close = systems.filter { system in
            ([system.name] + system.aliases).contains { alias in
                let other = NameKey(alias).folded
                return other.hasPrefix(key.prefix(3)) || key.hasPrefix(other.prefix(3))
            }
        }
        throw .unknownMissile(name, suggestions: close.map(\.name))
    }
}

extension MissileCatalog {
    /// `self` with the systems of the user's catalog file at `path` added or
    /// replacing bundled ones of the same name; `self` when `path` is nil.
    /// - Throws: `InputFileError` for a path that is not a readable file,
    ///   `ThreatModelError.badData` naming file and line.
    public func merging(file path: String?) throws -> MissileCatalog {
        guard let path else { return self }
        try InputFile.requireRegularFile(path)
        return merging(try MissileCatalog(contentsOf: URL(fileURLWithPath: path)))
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

