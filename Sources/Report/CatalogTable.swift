import Export
import Foundation
import GeoModel
import ThreatModel

/// The missile catalog as `missiles` lists it.
public enum CatalogTable {
    /// Every system with its class, ranges (km), aliases and source, then
    /// (added later, so readers of the first eight keep working) operators,
    /// what the nominal range means, speed, payload, air-defence radii and
    /// radar height (metres).
    /// Unpublished figures are empty (null in JSON).
    public static func make(_ systems: [MissileSystem]) -> ResultTable {
        ResultTable(
            columns: ["name", "class", "min_range_km", "range_km", "range_low_km", "range_high_km", "aliases", "source",
                      "operators", "nominal_basis", "speed_kmh", "payload_kg", "range_vs_ballistic_km", "range_vs_aircraft_km",
                      "radar_height_m"],
            rows: systems.map { system in
                [.text(system.name), .text(system.category.rawValue), .number(system.minimumRange.kilometers, decimals: 0),
                 .number(system.range.kilometers, decimals: 0), .number(system.rangeLow.kilometers, decimals: 0),
                 .number(system.rangeHigh.kilometers, decimals: 0), .text(system.aliases.joined(separator: "|")),
                 .text(system.source), .text(system.operators.joined(separator: "|")), .text(system.nominalBasis),
                 optional(system.speedKilometersPerHour), optional(system.payloadKilograms),
                 optional(system.rangeVersusBallistic?.kilometers), optional(system.rangeVersusAircraft?.kilometers),
                 optional(system.radarHeight?.meters)]
            }
        )
    }

    private static func optional(_ value: Double?) -> TableValue {
        value.map { .number($0, decimals: 0) } ?? .missing
    }

    /// The first six columns and the operators: the source column is long,
    /// so the aligned text table leaves it to CSV and JSON.
    public static func brief(_ systems: [MissileSystem]) -> ResultTable {
        let table = make(systems)
        let kept = Array(0..<6) + [table.columns.firstIndex(of: "operators")!]
        return ResultTable(columns: kept.map { table.columns[$0] }, rows: table.rows.map { row in kept.map { row[$0] } })
    }

    /// The catalog listing of `threatmap missiles`: the systems `filter`
    /// accepts, in `format` (the aligned table leaves out the long columns).
    public static func listing(_ catalog: MissileCatalog, filter: MissileFilter, format: TableFormat) -> String {
        let systems = catalog.systems(matching: filter)
        let table = format == .table ? brief(systems) : make(systems)
        return table.text(format)
    }

    /// One system whole (`threatmap missiles NAME`): every field, and its
    /// sources one to a line. CSV and JSON give the listing's row for it.
    /// - Throws: `ThreatModelError` for an unknown name or a family name.
    public static func detail(_ catalog: MissileCatalog, name: String, format: TableFormat) throws(ThreatModelError) -> String {
        let system = try catalog.system(named: name)
        guard format == .table else { return make([system]).text(format) }
        func kilometres(_ distance: Distance?) -> String {
            guard let distance else { return "" }
            return String(format: "%.0f", distance.kilometers) + " km"
        }
        var lines: [(String, String)] = [
            ("name", system.name),
            ("class", "\(system.category.rawValue) (\(system.category.label))"),
            ("aliases", system.aliases.joined(separator: ", ")),
            ("operators", system.operators.joined(separator: ", ")),
            ("range", kilometres(system.range) + (system.nominalBasis.isEmpty ? "" : " (\(system.nominalBasis))")),
            ("published span", "\(kilometres(system.rangeLow)) to \(kilometres(system.rangeHigh))"),
            ("minimum range", kilometres(system.minimumRange)),
        ]
        if let speed = system.speedKilometersPerHour { lines.append(("speed", String(format: "%.0f", speed) + " km/h")) }
        if let payload = system.payloadKilograms { lines.append(("payload", String(format: "%.0f", payload) + " kg")) }
        if let radius = system.rangeVersusBallistic { lines.append(("vs ballistic missiles", kilometres(radius))) }
        if let radius = system.rangeVersusAircraft { lines.append(("vs aircraft", kilometres(radius))) }
        if let height = system.radarHeight { lines.append(("radar height", String(format: "%.0f", height.meters) + " m")) }
        let width = lines.map(\.0.count).max() ?? 0
        var text = lines.map { label, value in
            (label + ":").padding(toLength: width + 2, withPad: " ", startingAt: 0) + value.visibleControlCharacters
        }.joined(separator: "\n") + "\nsources:\n"
        for source in sourceNotes(system.source) { text += "  - " + source.visibleControlCharacters + "\n" }
        return text
    }

    /// A source column split into its notes: at "; " outside parentheses.
    static func sourceNotes(_ source: String) -> [String] {
        var notes = [String](), current = "", depth = 0
        var characters = Array(source)[...]
        while let character = characters.popFirst() {
            switch character {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            default: break
            }
            if character == ";", depth == 0, characters.first == " " {
                notes.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            }
            current.append(character)
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { notes.append(current.trimmingCharacters(in: .whitespaces)) }
        return notes
    }
}
