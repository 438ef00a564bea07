import Foundation
import GeoModel

/// Loader for the strategic-sites layer, `sites/*.csv` in the data
/// directory: `name,kinds,country,latitude,longitude,aliases,source`, kinds
/// and aliases separated by `|`. Each row is a facility (a base, a launch
/// site, a nuclear or energy plant, a port, a strait) at the facility's own
/// point, citing the public reference that gives it.
///
/// Sites load with the hand-checked overrides (`places.csv`) and rank as
/// they do; the first of a row's kinds is its `Place.kind`, every one of
/// them must be a `PlaceKind`. A site citing a dataset record
/// (`airportsdata OTBH`) stands for it, as an override does.
public enum SiteTable {
    /// The folder of site tables inside the data directory.
    public static let directoryName = "sites"

    /// The site tables of a data directory, in name order (empty when the
    /// folder is absent).
    public static func files(in dataDirectory: URL) -> [URL] {
        let folder = dataDirectory.appendingPathComponent(directoryName, isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".csv") && !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// Reads every site of one table.
    /// - Throws: `GazetteerError` naming the file and line of a bad row.
    public static func load(contentsOf url: URL) throws(GazetteerError) -> [Place] {
        try entries(contentsOf: url).map(\.place)
    }

    static func entries(contentsOf url: URL) throws(GazetteerError) -> [PlaceTable.Entry] {
        let table: CSVTable
        do { table = try CSVTable(contentsOf: url) } catch { throw .file(error) }
        return try entries(in: table, source: url.path)
    }

    static func entries(in table: CSVTable, source: String) throws(GazetteerError) -> [PlaceTable.Entry] {
        func column(_ name: String) throws(GazetteerError) -> Int {
            do { return try table.column(name, source: source) } catch { throw .file(error) }
        }
        let name = try column("name"), kinds = try column("kinds"), country = try column("country")
        let latitude = try column("latitude"), longitude = try column("longitude")
        let aliases = try column("aliases"), origin = try column("source")
        var result = [PlaceTable.Entry]()
        for row in table.rows {
            let fields = row.fields.map(\.trimmedOfWhitespace)
            guard !fields[name].isEmpty else { throw .badData(source: source, line: row.line, reason: "empty name") }
            guard !fields[origin].isEmpty else {
                throw .badData(source: source, line: row.line, reason: "'\(fields[name])' cites no source")
            }
            guard let lat = Double(fields[latitude]), let lon = Double(fields[longitude]) else {
                throw .badData(source: source, line: row.line, reason: "latitude/longitude '\(fields[latitude])', '\(fields[longitude])' are not numbers")
            }
            let coordinate: Coordinate
            do { coordinate = try Coordinate(validatingLatitude: lat, longitude: lon) } catch {
                throw .badData(source: source, line: row.line, reason: error.description)
            }
            var placeKinds = [PlaceKind]()
            for word in fields[kinds].split(separator: "|") {
                let raw = String(word).trimmedOfWhitespace
                guard let kind = PlaceKind(rawValue: raw), kind != .coordinate else {
                    throw .badData(source: source, line: row.line, reason: "unknown kind '\(raw)'; expected one of \(PlaceKind.namedKindList)")
                }
                placeKinds.append(kind)
            }
            guard let primary = placeKinds.first else {
                throw .badData(source: source, line: row.line, reason: "'\(fields[name])' has no kind")
            }
            let names = fields[aliases].split(separator: "|").map { String($0).trimmedOfWhitespace }.filter { !$0.isEmpty }
            result.append(PlaceTable.Entry(place: Place(
                name: fields[name], aliases: names, coordinate: coordinate, kind: primary,
                country: fields[country].uppercased(), source: fields[origin]
            ), area: nil, line: row.line))
        }
        return result
    }
}
