import Gazetteer
import ThreatModel

/// A catalog name that `extract` takes for a system only with a weapon word
/// after it, and why.
public struct GuardedName: Hashable, Sendable, CustomStringConvertible {
    public var system: String
    public var name: String
    /// "a gazetteer place", "an English word", "a short acronym", ...
    public var reason: String

    public var description: String { "\(name) (\(system)): \(reason)" }
}

extension MissileCatalog {
    /// The names and aliases that also mean something else (a place, a
    /// person, an English word, a short acronym), which the extractor
    /// accepts only before a weapon word ("Qaim missiles"): the same test
    /// `extract` applies.
    public func guardedNames(gazetteer: Gazetteer) -> [GuardedName] {
        systems.flatMap { system in
            system.names.compactMap { name in
                SystemMatcher.weaponWordReason(for: name, gazetteer: gazetteer)
                    .map { GuardedName(system: system.name, name: name, reason: $0) }
            }
        }
    }
}
