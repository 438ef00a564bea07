import Foundation
import Gazetteer
import GeoModel

/// What a catalog must hold before it ships: checked by the tests on the
/// bundled catalog, usable on a user's file too.
public struct CatalogProblem: Hashable, Sendable, CustomStringConvertible {
    /// The system the problem is in.
    public var system: String
    public var message: String

    public init(system: String, message: String) {
        self.system = system
        self.message = message
    }

    public var description: String { "\(system): \(message)" }
}

extension MissileCatalog {
    /// Every problem: a name or alias two systems share (as `matchKey`
    /// folds them, so "Fateh 110" and "fateh-110" are one), ranges out of
    /// order (min < low ≤ nominal ≤ high), a row without a source or without
    /// operators, an operator code that is not two capital letters, and
    /// air-defence radii or a radar height (which must be above zero) on other classes.
    public var lintProblems: [CatalogProblem] {
        var problems = [CatalogProblem]()
        var owners = [String: String]()
        for system in systems {
            var own = Set<String>()
            for name in system.names {
                let key = Self.matchKey(name)
                guard !key.isEmpty, own.insert(key).inserted else { continue }
                if let other = owners[key] {
                    problems.append(CatalogProblem(system: system.name, message: "'\(name)' is also a name of \(other)"))
                } else {
                    owners[key] = system.name
                }
            }
            if let problem = system.rangeProblem { problems.append(CatalogProblem(system: system.name, message: problem)) }
            if system.minimumRange >= system.rangeLow {
                problems.append(CatalogProblem(system: system.name, message: "min_range \(system.minimumRange) must be below range_low \(system.rangeLow)"))
            }
            if system.source.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(CatalogProblem(system: system.name, message: "no source"))
            }
            if system.operators.isEmpty {
                problems.append(CatalogProblem(system: system.name, message: "no operator"))
            }
            if system.nominalBasis.isEmpty {
                problems.append(CatalogProblem(system: system.name, message: "no nominal_basis saying what the range means"))
            }
            if system.category != .airDefence, system.rangeVersusBallistic != nil || system.rangeVersusAircraft != nil {
                problems.append(CatalogProblem(system: system.name, message: "engagement radii belong to air_defence systems only"))
            }
            if let height = system.radarHeight {
                if system.category != .airDefence {
                    problems.append(CatalogProblem(system: system.name, message: "a radar height belongs to air_defence systems only"))
                } else if height <= .zero {
                    problems.append(CatalogProblem(system: system.name, message: "radar_height_m must be above zero"))
                }
            }
        }
        return problems
    }
}
