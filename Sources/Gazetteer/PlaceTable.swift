import Foundation
import GeoModel

/// Loader for the gazetteer's place table (`places.csv`):
/// `name,aliases,latitude,longitude,kind,country,source[,area]`, aliases
/// separated by `|`. The optional `area` column names a bundled outline to
/// attach (`country:IQ`, `admin1:IQ:Al-Anbar`); the row keeps its own point.
public enum PlaceTable {
    /// A row with the outline it names and its line.
    struct Entry {
        var place: Place
        var area: String?
        var line: Int
    }

    static func entries(contentsOf url: URL) throws(GazetteerError) -> [Entry] {
        let table: CSVTable
        do { table = try CSVTable(contentsOf: url) } catch { throw .file(error) }
        return try entries(in: table, source: url.path)
    }

    /// Reads every place of a place table.
    /// - Throws: `GazetteerError` naming the file and line of a bad row.
    public static func load(contentsOf url: URL) throws(GazetteerError) -> [Place] {
        let table: CSVTable
        do { table = try CSVTable(contentsOf: url) } catch { throw .file(error) }
        return try places(in: table, source: url.path)
    }

    /// The places of an already parsed table; `source` names it in errors.
    public static func places(in table: CSVTable, source: String) throws(GazetteerError) -> [Place] {
        try entries(in: table, source: source).map(\.place)
    }

    static func entries(in table: CSVTable, source: String) throws(GazetteerError) -> [Entry] {
        func column(_ name: String) throws(GazetteerError) -> Int {
            do { return try table.column(name, source: source) } catch { throw .file(error) }
        }
        let name = try column("name"), aliases = try column("aliases")
        let latitude = try column("latitude"), longitude = try column("longitude")
        let kind = try column("kind"), country = try column("country"), origin = try column("source")

        let areaColumn = table.header.firstIndex(of: "area")
        var places = [Entry]()
        for row in table.rows {
            let fields = row.fields.map(\.trimmedOfWhitespace)
            guard !fields[name].isEmpty else {
                throw .badData(source: source, line: row.line, reason: "empty name")
            }
            guard let lat = Double(fields[latitude]), let lon = Double(fields[longitude]) else {
                throw .badData(source: source, line: row.line, reason: "latitude/longitude '\(fields[latitude])', '\(fields[longitude])' are not numbers")
            }
            let coordinate: Coordinate
            do {
                coordinate = try Coordinate(validatingLatitude: lat, longitude: lon)
            } catch {
                throw .badData(source: source, line: row.line, reason: error.description)
            }
            guard let placeKind = PlaceKind(rawValue: fields[kind]) else {
                let known = PlaceKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw .badData(source: source, line: row.line, reason: "unknown kind '\(fields[kind])'; expected one of \(known)")
            }
            let area = areaColumn.map { fields[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            places.append(Entry(place: Place(
                name: fields[name],
                aliases: fields[aliases].split(separator: "|").map { String($0).trimmedOfWhitespace }.filter { !$0.isEmpty },
                coordinate: coordinate,
                kind: placeKind,
                country: fields[country],
                source: fields[origin]
            ), area: area, line: row.line))
        }
        return places
    }
}
