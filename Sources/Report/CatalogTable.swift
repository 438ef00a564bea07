import Export
import ThreatModel

/// The missile catalog as `missiles` lists it.
public enum CatalogTable {
    /// Every system with its class, ranges (km), aliases and source.
    public static func make(_ systems: [MissileSystem]) -> ResultTable {
        ResultTable(
            columns: ["name", "class", "min_range_km", "range_km", "range_low_km", "range_high_km", "aliases", "source"],
            rows: systems.map { system in
                [.text(system.name), .text(system.category.rawValue), .number(system.minimumRange.kilometers, decimals: 0),
                 .number(system.range.kilometers, decimals: 0), .number(system.rangeLow.kilometers, decimals: 0),
                 .number(system.rangeHigh.kilometers, decimals: 0), .text(system.aliases.joined(separator: "|")),
                 .text(system.source)]
            }
        )
    }

    /// The first six columns: the source column is long, so the aligned
    /// text table leaves it to CSV and JSON.
    public static func brief(_ systems: [MissileSystem]) -> ResultTable {
        let table = make(systems)
        return ResultTable(columns: Array(table.columns.prefix(6)), rows: table.rows.map { Array($0.prefix(6)) })
    }
}
