import Foundation
import Gazetteer
import GeoModel

/// Writes an extraction as scenario YAML (the format `ScenarioDocument`
/// reads) and its regions as GeoJSON files.
public struct ScenarioWriter: Sendable {
    /// Folder of the region files, relative to the scenario's folder ("" = beside it).
    public var regionFolder: String

    public init(regionFolder: String = "") {
        self.regionFolder = regionFolder
    }

    /// The scenario YAML. Every list the format requires is written, empty
    /// if the text gave nothing for it (`validate` then says what is missing).
    /// - Parameter stem: the outputs' file stem.
    public func yaml(_ extraction: Extraction, stem: String, input: String) -> String {
        var lines = [String]()
        lines.append("# Extracted by `threatmap extract` from \(input.replacingOccurrences(of: "\n", with: " ")).")
        lines.append("# Check every item against its evidence; confidence runs from 0 (a guess) to 1 (stated plainly).")
        lines.append("title: \(quoted(extraction.title))")
        if let date = extraction.date { lines.append("date: \(date)") }
        if let summary = extraction.summary { lines.append("summary: \(quoted(summary))") }
        lines.append("sources:")
        for source in extraction.sources { lines.append("  - \(quoted(source))") }

        lines.append(extraction.systems.isEmpty ? "systems: []" : "systems:")
        for system in extraction.systems {
            lines.append("  - name: \(quoted(system.name))")
            if let category = system.category { lines.append("    class: \(category.rawValue)") }
            if let stated = system.statedRange {
                lines.append("    range: \(distance(stated.range))")
                if let low = stated.low, low < stated.range {
                    lines.append("    range_low: \(distance(low))")
                    lines.append("    range_high: \(distance(stated.range))")
                } else if let catalog = system.catalogSystem, catalog.rangeHigh < stated.range || catalog.rangeLow > stated.range {
                    // Keep the span consistent with the stated range.
                    lines.append("    range_low: \(distance(min(catalog.rangeLow, stated.range)))")
                    lines.append("    range_high: \(distance(max(catalog.rangeHigh, stated.range)))")
                }
                if let minimum = stated.minimum { lines.append("    min_range: \(distance(minimum))") }
                lines.append("    source: \(quoted("stated in the text: \"\(stated.phrase)\""))")
            }
            lines.append("    evidence: \(quoted(system.evidence))")
            lines.append("    confidence: \(number(system.confidence))")
        }

        let sites = extraction.sites
        lines.append(sites.isEmpty ? "sites: []" : "sites:")
        var usedNames = Set<String>()
        for site in sites {
            // Site names must differ: namesakes get their country ("Tripoli, LB").
            var name = site.name
            if case let .place(place, _) = site.location, usedNames.contains(NameKey(name).folded), !place.country.isEmpty {
                name += ", \(place.country)"
            }
            var suffix = 2
            let base = name
            while usedNames.contains(NameKey(name).folded) {
                name = "\(base) (\(suffix))"
                suffix += 1
            }
            usedNames.insert(NameKey(name).folded)
            lines.append("  - name: \(quoted(name))")
            lines += location(site, indent: "    ")
            if let systems = site.systems, !systems.isEmpty, Set(systems) != Set(extraction.systems.map(\.name)) {
                let known = systems.filter { name in extraction.systems.contains { $0.name == name } }
                if !known.isEmpty { lines.append("    systems: [\(known.map(quoted).joined(separator: ", "))]") }
            }
            lines.append("    evidence: \(quoted(site.evidence))")
            lines.append("    confidence: \(number(site.confidence))")
        }

        let targets = extraction.targets
        lines.append(targets.isEmpty ? "targets: []" : "targets:")
        for target in targets {
            switch target.location {
            case let .place(_, query):
                lines.append("  - place: \(quoted(query))")
            case let .relative(_, _, _, _, coordinate):
                lines.append("  - name: \(quoted(target.name))")
                lines.append("    coordinates: \(quoted(coordinateText(coordinate)))")
            case let .region(region):
                // A target area is checked at a point inside it.
                lines.append("  - name: \(quoted(region.name))")
                lines.append("    coordinates: \(quoted(coordinateText(region.representativePoint)))")
            }
            lines.append("    evidence: \(quoted(target.evidence))")
            lines.append("    confidence: \(number(target.confidence))")
        }
        if !extraction.unresolved.isEmpty {
            lines.append("# Names the gazetteer or catalog does not know (add them by hand if they matter):")
            for name in extraction.unresolved {
                lines.append("#   \(name.kind.rawValue): \(name.text.replacingOccurrences(of: "\n", with: " "))")
            }
        }
        lines.append("outputs:")
        lines.append("  stem: \(stem)")
        return lines.joined(separator: "\n") + "\n"
    }

    private func location(_ place: ExtractedPlace, indent: String) -> [String] {
        switch place.location {
        case let .place(_, query):
            return ["\(indent)place: \(quoted(query))"]
        case let .relative(_, _, _, _, coordinate):
            return ["\(indent)coordinates: \(quoted(coordinateText(coordinate)))"]
        case let .region(region):
            return ["\(indent)geojson: \(quoted(regionFolder.isEmpty ? region.fileName : regionFolder + "/" + region.fileName))"]
        }
    }

    /// The region files to write beside the scenario: file name and GeoJSON text.
    public func regionFiles(_ extraction: Extraction) -> [(fileName: String, geojson: String)] {
        extraction.regions.map { region in
            let features = region.parts.isEmpty ? [(region.name, region.area)] : region.parts
            return (region.fileName, GeoJSONText.featureCollection(features.map { ($0.0, region.source, $0.1) }))
        }
    }

    /// A file stem from a title: "Iran moves missiles to Iraq" -> "iran-moves-missiles-to-iraq".
    public static func stem(from title: String) -> String {
        let slug = Regions.slug(title)
        let words = slug.split(separator: "-").prefix(8)
        return words.isEmpty ? "extracted" : words.joined(separator: "-")
    }

    // MARK: YAML scalars

    /// A double-quoted YAML scalar (escapes backslash, quote and controls).
    func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += " "
            case "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private func number(_ value: Double) -> String { String(format: "%.2f", value) }

    private func distance(_ value: Distance) -> String {
        let kilometres = value.kilometers
        if kilometres == kilometres.rounded() { return "\(Int(kilometres)) km" }
        return String(format: "%.3f km", kilometres)
    }

    private func coordinateText(_ coordinate: Coordinate) -> String {
        String(format: "%.5f,%.5f", coordinate.latitude, coordinate.longitude)
    }
}

/// Minimal GeoJSON text for region files (RFC 7946: [longitude, latitude],
/// 6 decimals, exterior rings counter-clockwise, holes clockwise); strings
/// are JSON literals from `JSONText`, never YAML scalars.
enum GeoJSONText {
    static func featureCollection(name: String, source: String, area: MultiPolygon) -> String {
        featureCollection([(name, source, area)])
    }

    /// One feature per (name, source, area).
    static func featureCollection(_ features: [(name: String, source: String, area: MultiPolygon)]) -> String {
        let texts = features.map { feature in
            "{\"type\":\"Feature\",\"properties\":{\"name\":\(JSONText.quoted(feature.name)),\"source\":\(JSONText.quoted(feature.source))},"
                + "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[\(polygonsText(feature.area))]}}"
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[" + texts.joined(separator: ",\n") + "]}\n"
    }

    private static func polygonsText(_ area: MultiPolygon) -> String {
        func ring(_ ring: Ring) -> String {
            "[" + ring.map { String(format: "[%.6f,%.6f]", $0.longitude, $0.latitude) }.joined(separator: ",") + "]"
        }
        return area.polygons.map(\.rfc7946Oriented).map { polygon in
            "[" + ([polygon.exterior] + polygon.holes).map(ring).joined(separator: ",") + "]"
        }.joined(separator: ",")
    }
}
