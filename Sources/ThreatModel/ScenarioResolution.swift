import Foundation
import Gazetteer
import GeoModel

/// A scenario with every name resolved: systems from the catalog (with the
/// scenario's overrides), launch sites, targets.
public struct ResolvedScenario: Sendable {
    public var document: ScenarioDocument
    public var systems: [MissileSystem]
    public var sites: [LaunchSite]
    /// The systems at each site, parallel to `sites`.
    public var siteSystems: [[MissileSystem]]
    public var targets: [Place]
    /// Names that met their place by an alias, a loose spelling or a code,
    /// each at its entry: what the user should check (`Candidate.notice`).
    public var notices: [ScenarioIssue] = []
}

extension ScenarioDocument {
    /// Resolves places, files and systems.
    /// - Throws: `ScenarioErrors` with every unknown place or system (with
    ///   close matches), unreadable file, impossible range and two named
    ///   targets (or sites) that are one place, each at its location in the
    ///   scenario file.
    public func resolve(gazetteer: Gazetteer, catalog: MissileCatalog) throws(ScenarioErrors) -> ResolvedScenario {
        var issues = [ScenarioIssue]()
        var systems = [MissileSystem]()
        var systemsByName = [String: MissileSystem]()
        for entry in self.systems {
            guard let system = resolve(entry, catalog: catalog, issues: &issues) else { continue }
            systems.append(system)
            systemsByName[NameKey(entry.name).folded] = system
        }

        var notices = [ScenarioIssue]()
        var siteNames = SamePlaceCheck(what: "site")
        var sites = [LaunchSite]()
        var siteSystems = [[MissileSystem]]()
        for entry in self.sites {
            let found: [LaunchSite]
            switch entry.origin {
            case let .place(name):
                do {
                    let match = try gazetteer.match(name)
                    if let notice = match.notice(for: name) { notices.append(ScenarioIssue(entry.location, notice)) }
                    // Sites of the same name are reported as the scenario is read.
                    if let issue = siteNames.check(name, match.place, at: entry.location, sameNameReported: true) { issues.append(issue) }
                    found = [LaunchSite(place: match.place)]
                } catch {
                    issues.append(ScenarioIssue(entry.location, error.description))
                    continue
                }
            case let .coordinate(coordinate):
                found = [LaunchSite(place: Place(name: entry.name, coordinate: coordinate, kind: .coordinate,
                                                 country: "", source: "scenario \(entry.location)"))]
            case let .geojson(url):
                do { found = try LaunchSiteFile.read(url) } catch {
                    issues.append(ScenarioIssue(entry.location, error.description))
                    continue
                }
            }
            let atSite = entry.systems.map { names in names.compactMap { systemsByName[NameKey($0).folded] } } ?? systems
            for var site in found {
                // Gazetteer places keep their own name; a single-feature file takes the entry's.
                if case .geojson = entry.origin, found.count == 1 { site.place.name = entry.name }
                sites.append(site)
                siteSystems.append(atSite)
            }
        }

        var targets = [Place]()
        var targetNames = SamePlaceCheck(what: "target")
        for entry in self.targets {
            switch entry.origin {
            case let .place(name):
                do {
                    let match = try gazetteer.match(name)
                    if let notice = match.notice(for: name) { notices.append(ScenarioIssue(entry.location, notice)) }
                    if let issue = targetNames.check(name, match.place, at: entry.location, sameNameReported: false) { issues.append(issue) }
                    targets.append(match.place)
                } catch {
                    issues.append(ScenarioIssue(entry.location, error.description))
                }
            case let .coordinate(name, coordinate):
                targets.append(Place(name: name, coordinate: coordinate, kind: .coordinate, country: "",
                                     source: "scenario \(entry.location)"))
            case let .file(url):
                do {
                    targets += try TargetFile.places(in: url)
                } catch {
                    issues.append(ScenarioIssue(entry.location, error.description))
                }
            case let .kind(kind, country):
                guard let placeKind = PlaceKind(rawValue: kind) else {
                    let known = PlaceKind.allCases.map(\.rawValue).joined(separator: ", ")
                    issues.append(ScenarioIssue(entry.location, "kind '\(kind)' is not a gazetteer kind; use one of \(known)"))
                    continue
                }
                let matches = gazetteer.placesMatching(kind: placeKind, country: country)
                if matches.isEmpty {
                    issues.append(ScenarioIssue(entry.location, "no gazetteer place of kind '\(kind)'\(country.map { " in \($0)" } ?? "")"))
                }
                targets += matches
            }
        }
        guard issues.isEmpty else { throw ScenarioErrors(issues) }
        return ResolvedScenario(document: self, systems: systems, sites: sites, siteSystems: siteSystems, targets: targets,
                                notices: notices)
    }

    private func resolve(_ entry: SystemEntry, catalog: MissileCatalog, issues: inout [ScenarioIssue]) -> MissileSystem? {
        var system: MissileSystem
        do {
            system = try catalog.system(named: entry.name).using(rangeEstimate)
        } catch {
            guard entry.isInline, let range = entry.range else {
                issues.append(ScenarioIssue(entry.location, error.description + " (define it inline with class, range and source)"))
                return nil
            }
            guard let category = entry.category else {
                issues.append(ScenarioIssue(entry.location, "system '\(entry.name)' is not in the catalog: give its class (\(MissileSystem.Category.catalogNames))"))
                return nil
            }
            system = MissileSystem(name: entry.name, aliases: entry.aliases, category: category, range: range,
                                   source: entry.source ?? "scenario \(entry.location)")
        }
        if let range = entry.range {
            system.range = range
            system.rangeLow = entry.rangeLow ?? min(system.rangeLow, range)
            system.rangeHigh = entry.rangeHigh ?? max(system.rangeHigh, range)
            system.source = entry.source ?? "scenario \(entry.location) (overriding: \(system.source))"
        }
        if let minimum = entry.minimumRange { system.minimumRange = minimum }
        if let category = entry.category { system.category = category }
        if let low = entry.rangeLow { system.rangeLow = low }
        if let high = entry.rangeHigh { system.rangeHigh = high }
        // An entry giving both ranges was checked as it was read.
        guard system.minimumRange < system.range || (entry.range != nil && entry.minimumRange != nil) else {
            issues.append(ScenarioIssue(entry.location, "system '\(entry.name)': minimum range \(system.minimumRange) must be below the range \(system.range)"))
            return nil
        }
        guard system.minimumRange < system.range else { return nil }
        if let problem = system.rangeProblem {
            issues.append(ScenarioIssue(entry.location, "system '\(entry.name)': \(problem)"))
            return nil
        }
        return system
    }
}

extension ResolvedScenario {
    /// Every site × its systems × target decision, in site, system, target order.
    public func reach(analysis: ReachAnalysis = ReachAnalysis()) throws(ThreatModelError) -> [ReachResult] {
        var results = [ReachResult]()
        for (site, systems) in zip(sites, siteSystems) {
            results += try ReachJob(sites: [site], systems: systems, targets: targets, analysis: analysis).run(onlyInRange: false)
        }
        return results
    }

    /// The footprint of every system at every site, in system then site
    /// order, drawn side by side on all cores (a launch area's buffer ends in
    /// one GEOS union on one core; two areas overlap theirs).
    public func footprints(builder: FootprintBuilder) throws(ThreatModelError) -> [RangeFootprint] {
        var pairs = [(system: MissileSystem, site: LaunchSite)]()
        for system in systems {
            for (site, atSite) in zip(sites, siteSystems) where atSite.contains(system) {
                pairs.append((system, site))
            }
        }
        let results = ConcurrentMap.map(pairs) { pair in
            Result { () throws(ThreatModelError) -> RangeFootprint in try builder.footprint(of: pair.system, from: pair.site) }
        }
        return try results.map { result throws(ThreatModelError) in try result.get() }
    }
}

extension ResolvedScenario {
    /// How many site × system × target decisions `reach()` makes: each
    /// site's systems times the targets. Saturates at `Int.max`.
    public var reachDecisionCount: Int {
        var total = 0
        for systems in siteSystems {
            let (perSite, overflow) = systems.count.multipliedReportingOverflow(by: targets.count)
            let (sum, overflowAgain) = total.addingReportingOverflow(perSite)
            if overflow || overflowAgain { return .max }
            total = sum
        }
        return total
    }
}
