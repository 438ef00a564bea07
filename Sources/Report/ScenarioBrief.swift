import Export
import Foundation
import Gazetteer
import GeoModel
import ThreatModel

/// A short Markdown brief of a scenario's reach results: what reaches
/// what, from where, by how much, and the sources.
public enum ScenarioBrief {
    /// - Parameter coordinates: when given, a "Positions" section lists
    ///   every point launch site and target in that notation.
    ///   `people`: when given, a "People in reach" section.
    public static func markdown(_ scenario: ResolvedScenario, results: [ReachResult],
                                coordinates: CoordinateNotation? = nil, people: PopulationReport? = nil) -> String {
        let document = scenario.document
        var lines = ["# \(escape(document.title))", ""]
        if let date = document.date { lines += ["*\(escape(date))*", ""] }
        if let summary = document.summary { lines += [escape(summary), ""] }

        lines += ["## What reaches what", ""]
        let rowsBySystem = Dictionary(grouping: results, by: \.system)
        for system in scenario.systems {
            let band = system.minimumRange > .zero ? "\(system.minimumRange)–\(system.range)" : "\(system.range)"
                + (system.certainRange.map { $0 < system.range ? "; certain to \($0), possible beyond" : "" } ?? "")
            lines.append("### \(escape(system.name)) (\(band))")
            lines.append("")
            let verdicts = TargetVerdict.byName(rowsBySystem[system] ?? [])
            // With a range band, each target's best status over its rows.
            var statuses = [String: ReachStatus]()
            for row in rowsBySystem[system] ?? [] {
                guard let status = row.status else { continue }
                statuses[row.target.name] = ReachStatus.best([status] + (statuses[row.target.name].map { [$0] } ?? []))
            }
            for verdict in verdicts {
                guard let best = verdict.bestInRange else { continue }
                var note = ""
                switch statuses[verdict.name] {
                case .certain?: note = " (certain: on the low estimate too)"
                case .possible?: note = " (possible: on the high estimate only)"
                default: break
                }
                lines.append("- **\(escape(verdict.name))**\(ScenarioReport.facilityNote(best.target)) in range from \(escape(best.site.name)): "
                             + "\(kilometres(best.distance.kilometers)) away, \(kilometres(best.marginMeters / 1000)) to spare" + note)
            }
            for verdict in verdicts where verdict.bestInRange == nil {
                let nearest = verdict.nearest
                lines.append("- \(escape(verdict.name))\(ScenarioReport.facilityNote(nearest.target)) out of range (\(nearest.reason ?? "out of range")): "
                             + "nearest launch site \(escape(nearest.site.name)) at \(kilometres(nearest.distance.kilometers)), "
                             + "\(kilometres(-nearest.marginMeters / 1000)) short")
            }
            lines.append("")
        }

        lines += warningTimes(scenario, results: results)
        lines += lowFlyers(scenario)
        if let people { lines += people.markdown(escape: escape) }

        lines += ["## Launch sites", ""]
        for (site, systems) in zip(scenario.sites, scenario.siteSystems) {
            let kind: String
            switch site.extent {
            case .point: kind = "point"
            case .area: kind = "area (anywhere inside)"
            case .lines: kind = "line (anywhere along)"
            }
            lines.append("- \(escape(site.name)), \(kind): \(systems.map { escape($0.name) }.joined(separator: ", "))")
        }
        if let coordinates {
            lines += ["", "## Positions (\(coordinates.title))", ""]
            for site in scenario.sites {
                guard case .point = site.extent else { continue }
                lines.append("- \(escape(site.name)) (launch site): \(escape(coordinates.text(site.place.coordinate)))")
            }
            var seen = Set<String>()
            for target in scenario.targets where seen.insert(target.name).inserted {
                lines.append("- \(escape(target.name)): \(escape(coordinates.text(target.coordinate)))")
            }
        }
        if !scenario.notices.isEmpty {
            lines += ["", "## Names to check", ""]
            lines += scenario.notices.map { "- line \($0.location.line): \(escape($0.message))" }
        }
        lines += ["", "## Sources", ""]
        lines += document.sources.map { "- \(escape($0))" }
        lines += scenario.systems.map { "- \(escape($0.name)) ranges: \(escape($0.source))" }
        lines += ["", "Distances are geodesic on the WGS84 ellipsoid; a target is in range when its distance is at most "
                  + "the range (and at least the minimum range).", ""]
        return lines.joined(separator: "\n")
    }

    /// "Warning time": every target in reach of a system with a flight
    /// estimate, shortest flight first (the row that arrives soonest), then
    /// the systems that have none and why.
    static func warningTimes(_ scenario: ResolvedScenario, results: [ReachResult]) -> [String] {
        var soonest = [String: (row: ReachResult, flight: FlightEstimate)]()
        var order = [String]()
        for row in results {
            guard let flight = row.flight else { continue }
            let name = row.target.name
            guard let current = soonest[name] else {
                soonest[name] = (row, flight)
                order.append(name)
                continue
            }
            if flight.minutes < current.flight.minutes { soonest[name] = (row, flight) }
        }
        let gaps = scenario.systems.compactMap { system in system.flightEstimateGap.map { (system, $0) } }
        guard !order.isEmpty || !gaps.isEmpty else { return [] }
        var lines = ["## Warning time", "",
                     "Flight time from launch to impact, shortest first: ballistic classes on the minimum-energy "
                     + "trajectory (vacuum, no boost phase: real flights take longer), others at their published cruise speed.", ""]
        let ranked = order.enumerated().sorted { a, b in
            (soonest[a.element]!.flight.minutes, a.offset) < (soonest[b.element]!.flight.minutes, b.offset)
        }
        for (_, name) in ranked {
            let (row, flight) = soonest[name]!
            guard row.distance > .zero else {
                lines.append("- **\(escape(name))**: inside the launch area \(escape(row.site.name)) of the \(escape(row.system.name)): no warning")
                continue
            }
            let how = flight.model == .minimumEnergy
                ? "apogee \(kilometres(flight.apogee?.kilometers ?? 0))" : "at \(String(format: "%.0f", row.system.speedKilometersPerHour ?? 0)) km/h"
            lines.append("- **\(escape(name))**: \(String(format: "%.1f", flight.minutes)) min, \(escape(row.system.name)) "
                         + "from \(escape(row.site.name)) (\(kilometres(row.distance.kilometers)), \(how))")
        }
        for (system, gap) in gaps { lines.append("- \(escape(system.name)): \(gap)") }
        lines.append("")
        return lines
    }

    /// "Air defence against low flyers", when air defence was cut to its
    /// radar horizon: per battery (site × system), its reach against a
    /// ballistic missile (the engagement range) and against a target at the
    /// given altitude (the smaller of that and the radar horizon).
    static func lowFlyers(_ scenario: ResolvedScenario) -> [String] {
        var lines = [String]()
        for (site, systems) in zip(scenario.sites, scenario.siteSystems) {
            for system in systems {
                guard let limit = system.radarHorizon else { continue }
                lines.append("- " + lowFlyerLine(system, limit: limit, site: site.name))
            }
        }
        guard !lines.isEmpty else { return [] }
        return ["## Air defence against low flyers", "",
                "Radar horizon over a smooth Earth with standard refraction (4/3 Earth radius): "
                + "4.12 (√h_radar + √h_target) km, heights in metres; terrain can only shorten it. "
                + "The footprints, reach and margins above use the range against the low flyer.", ""] + lines + [""]
    }

    /// "Patriot PAC-3 at Ain al-Asad: 20 km against a ballistic missile
    /// (engagement range: ...); 20 km against a target at 30 m (...)".
    static func lowFlyerLine(_ system: MissileSystem, limit: RadarHorizonLimit, site: String) -> String {
        let basis = system.nominalBasis.isEmpty ? "" : ": \(escape(system.nominalBasis))"
        let horizon = String(format: "%.1f km", limit.horizon.kilometers)
        let low = limit.isHorizonLimited
            ? "\(horizon) against a target at \(limit.targetAltitude) (radar horizon, \(limit.radarText))"
            : "\(kilometres(limit.range.kilometers)) against a target at \(limit.targetAltitude) "
                + "(engagement range, inside the radar horizon of \(horizon); \(limit.radarText))"
        return "**\(escape(system.name))** at \(escape(site)): \(kilometres(limit.engagementRange.kilometers)) against a ballistic missile "
            + "(engagement range\(basis)); " + low
    }

    /// One system's rows for the targets of one name: the in-range row with
    /// the most to spare, and the row nearest to reaching (largest margin).
    private struct TargetVerdict {
        var name: String
        var bestInRange: ReachResult?
        var nearest: ReachResult

        /// Verdicts in the order the names first appear in `rows`; ties keep the earlier row.
        /// - Complexity: O(rows).
        static func byName(_ rows: [ReachResult]) -> [TargetVerdict] {
            var verdicts = [TargetVerdict]()
            var indexByName = [String: Int]()
            for row in rows {
                let name = row.target.name
                guard let index = indexByName[name] else {
                    indexByName[name] = verdicts.count
                    verdicts.append(TargetVerdict(name: name, bestInRange: row.inRange ? row : nil, nearest: row))
                    continue
                }
                if row.marginMeters > verdicts[index].nearest.marginMeters { verdicts[index].nearest = row }
                if row.inRange, row.marginMeters > verdicts[index].bestInRange?.marginMeters ?? -.infinity {
                    verdicts[index].bestInRange = row
                }
            }
            return verdicts
        }
    }

    private static func kilometres(_ value: Double) -> String { String(format: "%.0f km", value) }

    /// Markdown-inert text: characters that would start markup are escaped,
    /// control characters shown escaped, line breaks folded to spaces.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text.replacingOccurrences(of: "\n", with: " ").visibleControlCharacters {
            if "\\`*_{}[]()#+!<>|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
