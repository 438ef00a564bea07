import Foundation

/// The short report `threatmap extract` prints on stderr.
public enum ExtractionReport {
    public static func text(_ extraction: Extraction, encoding: TextDecoding.Encoding, written: [String]) -> String {
        var lines = [String]()
        func percent(_ value: Double) -> String { String(format: "%.2f", value) }
        lines.append("extract: \(extraction.title) (\(encoding.rawValue))")
        let sites = extraction.sites, targets = extraction.targets
        func item(_ place: ExtractedPlace) -> String {
            "\(place.name) \(percent(place.confidence))" + (place.cue.map { " ('\($0)')" } ?? "")
        }
        lines.append("  launch sites (\(sites.count)): " + (sites.isEmpty ? "none found" : sites.map(item).joined(separator: ", ")))
        lines.append("  targets (\(targets.count)): " + (targets.isEmpty ? "none found" : targets.map(item).joined(separator: ", ")))
        lines.append("  systems (\(extraction.systems.count)): " + (extraction.systems.isEmpty ? "none found" : extraction.systems.map { system in
            var text = system.name
            if system.mention != system.name { text += " (as '\(system.mention)')" }
            if system.catalogSystem == nil { text += " [not in the catalog]" }
            return text
        }.joined(separator: ", ")))
        if extraction.ranges.isEmpty {
            lines.append("  ranges: none stated")
        } else {
            for (range, systems) in extraction.ranges {
                lines.append("  range: \"\(range.phrase)\" -> " + (systems.isEmpty ? "no system named nearby" : systems.joined(separator: ", ")))
            }
        }
        if !extraction.contextPlaces.isEmpty {
            lines.append("  context only: " + extraction.contextPlaces.prefix(12).joined(separator: ", "))
        }
        if !extraction.unresolved.isEmpty {
            lines.append("  unresolved: " + extraction.unresolved.prefix(20).map { "\($0.text) (\($0.kind.rawValue))" }.joined(separator: ", "))
        }
        var missing = [String]()
        if extraction.systems.isEmpty { missing.append("systems") }
        if sites.isEmpty { missing.append("sites") }
        if targets.isEmpty { missing.append("targets") }
        if !missing.isEmpty {
            lines.append("  warning: no \(missing.joined(separator: ", ")) found; add them before 'threatmap map'")
        }
        for path in written { lines.append("  wrote \(path)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
