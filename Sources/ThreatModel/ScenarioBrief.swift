import Foundation
import Gazetteer

/// A short Markdown brief of a scenario's reach results: what reaches
/// what, from where, by how much, and the sources.
public enum ScenarioBrief {
    public static func markdown(_ scenario: ResolvedScenario, results: [ReachResult]) -> String {
        let document = scenario.document
        var lines = ["# \(escape(document.title))", ""]
        if let date = document.date { lines += ["*\(escape(date))*", ""] }
        if let summary = document.summary { lines += [escape(summary), ""] }

        lines += ["## What reaches what", ""]
        for system in scenario.systems {
            let rows = results.filter { $0.system == system }
            let band = system.minimumRange > .zero ? "\(system.minimumRange)–\(system.range)" : "\(system.range)"
            lines.append("### \(escape(system.name)) (\(band))")
            lines.append("")
            let targets = orderedTargets(rows)
            let reached = targets.filter { target in rows.contains { $0.target.name == target && $0.inRange } }
            let missed = targets.filter { !reached.contains($0) }
            for target in reached {
                let best = rows.filter { $0.target.name == target && $0.inRange }.max { $0.marginMeters < $1.marginMeters }!
                lines.append("- **\(escape(target))** in range from \(escape(best.site.name)): "
                             + "\(kilometres(best.distance.kilometers)) away, \(kilometres(best.marginMeters / 1000)) to spare")
            }
            for target in missed {
                let nearest = rows.filter { $0.target.name == target }.max { $0.marginMeters < $1.marginMeters }!
                lines.append("- \(escape(target)) out of range (\(nearest.reason ?? "out of range")): "
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

    private static func orderedTargets(_ rows: [ReachResult]) -> [String] {
        var seen = Set<String>(), names = [String]()
        for row in rows where seen.insert(row.target.name).inserted { names.append(row.target.name) }
        return names
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
