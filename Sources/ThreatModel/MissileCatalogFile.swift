import Foundation
import Gazetteer
import GeoModel

/// Reading the catalog's CSV files.
///
/// The bundled catalog is the folder `Gazetteer/missiles/`: every `.csv`
/// in it, in file-name order, with the header `columns`. A user's file
/// (`--missile-file`) may be such a folder or one file, and may also be in
/// the older eight-column form (`name,aliases,class,min_range_km,range_km,
/// range_low_km,range_high_km,source`): the newer columns are optional and
/// empty when absent. `radar_height_m`, the last, came after `source`.
public enum MissileCatalogFile {
    /// The header of every bundled catalog file, in order.
    public static let columns = [
        "name", "aliases", "class", "operators", "min_range_km", "range_km", "range_low_km", "range_high_km",
        "nominal_basis", "speed_kmh", "payload_kg", "range_vs_ballistic_km", "range_vs_aircraft_km", "source", "radar_height_m",
    ]
    /// The columns every catalog file must have.
    public static let requiredColumns = ["name", "aliases", "class", "min_range_km", "range_km", "range_low_km", "range_high_km", "source"]

    /// The CSV files of a catalog folder, in file-name order.
    /// - Throws: `ThreatModelError.file` when the folder cannot be listed or holds no CSV file.
    public static func files(in folder: URL) throws(ThreatModelError) -> [URL] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path) } catch {
            throw .file("\(folder.path.visibleControlCharacters): cannot list the catalog folder: \(error.localizedDescription)")
        }
        let files = names.filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0) }
        guard !files.isEmpty else { throw .file("\(folder.path.visibleControlCharacters): the catalog folder holds no .csv file") }
        return files
    }

    /// The catalog in `dataDirectory`: its `missiles/` folder, else (an older
    /// data directory) its `missiles.csv`.
    /// - Throws: `ThreatModelError.file` naming both when neither exists.
    public static func bundled(in dataDirectory: URL) throws(ThreatModelError) -> MissileCatalog {
        let folder = dataDirectory.appendingPathComponent("missiles")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return try MissileCatalog(contentsOf: folder)
        }
        let file = dataDirectory.appendingPathComponent("missiles.csv")
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw .file("no missile catalog: neither \(folder.path.visibleControlCharacters)/ nor \(file.path.visibleControlCharacters) exists")
        }
        return try MissileCatalog(contentsOf: file)
    }

    /// A catalog a user names by path: a CSV file or a folder of them. The
    /// path is checked first, so a FIFO or a device is refused rather than read.
    /// - Throws: `ThreatModelError.file` for a path that is missing or not a
    ///   regular file or folder; `.badData` or `.malformed` for bad contents.
    public static func load(path: String) throws(ThreatModelError) -> MissileCatalog {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return try MissileCatalog(contentsOf: URL(fileURLWithPath: path))
        }
        do { try InputFile.requireRegularFile(path) } catch { throw .file(error.description) }
        return try MissileCatalog(contentsOf: URL(fileURLWithPath: path))
    }

    /// The systems of one parsed file.
    static func systems(in table: CSVTable, source: String) throws(ThreatModelError) -> [MissileSystem] {
        func column(_ name: String) throws(ThreatModelError) -> Int {
            do { return try table.column(name, source: source) } catch { throw .reading(error) }
        }
        let name = try column("name"), aliases = try column("aliases"), category = try column("class")
        let minimum = try column("min_range_km"), nominal = try column("range_km")
        let low = try column("range_low_km"), high = try column("range_high_km"), origin = try column("source")
        let optional = { (name: String) in table.header.firstIndex(of: name) }
        let operators = optional("operators"), basis = optional("nominal_basis"), speed = optional("speed_kmh")
        let payload = optional("payload_kg"), ballistic = optional("range_vs_ballistic_km"), aircraft = optional("range_vs_aircraft_km")
        let radar = optional("radar_height_m")

        var systems = [MissileSystem]()
        for row in table.rows {
            let fields = row.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            func number(_ index: Int, _ label: String) throws(ThreatModelError) -> Double {
                guard let value = Double(fields[index]), value.isFinite, value >= 0 else {
                    throw .badData(source: source, line: row.line, reason: "\(label) '\(fields[index])' is not a non-negative number of kilometres")
                }
                return value
            }
            func kilometers(_ index: Int, _ label: String) throws(ThreatModelError) -> Distance {
                .kilometers(try number(index, label))
            }
            /// An optional number: empty is nil.
            func figure(_ index: Int?, _ label: String, unit: String) throws(ThreatModelError) -> Double? {
                guard let index, !fields[index].isEmpty else { return nil }
                guard let value = Double(fields[index]), value.isFinite, value >= 0 else {
                    throw .badData(source: source, line: row.line, reason: "\(label) '\(fields[index])' is not a non-negative number of \(unit)")
                }
                return value
            }
            guard let kind = MissileSystem.Category(rawValue: fields[category]), kind != .range else {
                throw .badData(source: source, line: row.line,
                               reason: "unknown class '\(fields[category])'; expected one of \(MissileSystem.Category.catalogNames)")
            }
            let codes = operators.map { fields[$0].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
            if let bad = codes.first(where: { $0.count != 2 || !$0.allSatisfy({ $0.isASCII && $0.isUppercase }) }) {
                throw .badData(source: source, line: row.line, reason: "operator '\(bad)' is not an ISO 3166-1 alpha-2 code (two capital letters)")
            }
            let system = MissileSystem(
                name: fields[name],
                aliases: fields[aliases].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !NameKey($0).folded.isEmpty },
                category: kind,
                minimumRange: try kilometers(minimum, "min_range_km"),
                range: try kilometers(nominal, "range_km"),
                rangeLow: try kilometers(low, "range_low_km"),
                rangeHigh: try kilometers(high, "range_high_km"),
                source: fields[origin],
                operators: codes,
                nominalBasis: basis.map { fields[$0] } ?? "",
                speedKilometersPerHour: try figure(speed, "speed_kmh", unit: "km/h"),
                payloadKilograms: try figure(payload, "payload_kg", unit: "kilograms"),
                rangeVersusBallistic: try figure(ballistic, "range_vs_ballistic_km", unit: "kilometres").map(Distance.kilometers),
                rangeVersusAircraft: try figure(aircraft, "range_vs_aircraft_km", unit: "kilometres").map(Distance.kilometers),
                radarHeight: try figure(radar, "radar_height_m", unit: "metres").map(Distance.meters)
            )
            guard !NameKey(system.name).folded.isEmpty else {
                throw .badData(source: source, line: row.line, reason: "the name is empty")
            }
            if let problem = system.rangeProblem {
                throw .badData(source: source, line: row.line, reason: "\(system.name): \(problem)")
            }
            systems.append(system)
        }
        return systems
    }
}

extension MissileCatalog {
    /// Loads a catalog file, or every `.csv` file of a folder in file-name order.
    /// - Throws: `ThreatModelError.badData` naming file and line;
    ///   `.malformed` for a file that is not the expected CSV; `.file` for
    ///   one that cannot be read.
    public init(contentsOf url: URL) throws(ThreatModelError) {
        var isDirectory: ObjCBool = false
        let files: [URL]
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            files = try MissileCatalogFile.files(in: url)
        } else {
            files = [url]
        }
        var systems = [MissileSystem]()
        for file in files {
            let table: CSVTable
            do { table = try CSVTable(contentsOf: file) } catch { throw .reading(error) }
            systems += try MissileCatalogFile.systems(in: table, source: file.path)
        }
        self.init(systems: systems)
    }
}
