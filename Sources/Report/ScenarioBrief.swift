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
    public static func markdown(_ scenario: ResolvedScenario, results: [ReachResult],
                                coordinates: CoordinateNotation? = nil) -> String {
        let document = scenario.document
        var lines = ["# \(escape(document.title))", ""]
        if let date = document.date { lines += ["*\(escape(date))*", ""] }
        if let summary = document.summary { lines += [escape(summary), ""] }

        lines += ["## What reaches what", ""]
        let rowsBySystem = Dictionary(grouping: results, by: \.system)
        for system in scenario.systems {
            let band = system.minimumRange > .zero ? "\(system.minimumRange)–\(system.range)" : "\(system.range)"
            lines.append("### \(escape(system.name)) (\(band))")
            lines.append("")
            let verdicts = TargetVerdict.byName(rowsBySystem[system] ?? [])
            for verdict in verdicts {
                guard let best = verdict.bestInRange else { continue }
                lines.append("- **\(escape(verdict.name))**\(ScenarioReport.facilityNote(best.target)) in range from \(escape(best.site.name)): "
                             + "\(kilometres(best.distance.kilometers)) away, \(kilometres(best.marginMeters / 1000)) to spare")
            }
            for verdict in verdicts where verdict.bestInRange == nil {
                let nearest = verdict.nearest
                lines.append("- \(escape(verdict.name))\(ScenarioReport.facilityNote(nearest.target)) out of range (\(nearest.reason ?? "out of range")): "
                             + "nearest launch site \(escape(nearest.site.name)) at \(kilometres(nearest.distance.kilometers)), "
                             + "\(kilometres(-nearest.marginMeters / 1000)) short")
            }
            lines.append("")
        }

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
