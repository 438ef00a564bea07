import Export
import Foundation
import Geodesy
import Geometry
import GeoModel
import ThreatModel

/// What `reach` writes.
public enum ReachFormat: String, CaseIterable, Sendable {
    /// An aligned text table.
    case table
    case csv
    /// An array of objects, one per row.
    case json
    /// Target points with the reach attributes, and the geodesic paths.
    case geojson
}

/// The order of reach rows.
public enum ReachOrder: String, CaseIterable, Sendable {
    /// As decided: site, then system, then target, in input order.
    case input
    /// Shortest distance first.
    case distance
    /// Most inside the range first.
    case margin
    /// By target name.
    case target
    /// By site name.
    case site
}

/// Reach decisions as the texts `reach` writes: a table per launch site
/// (or, reversed, per target), CSV, JSON or GeoJSON.
public struct ReachReport: Sendable {
    public let results: [ReachResult]
    /// Per target: which sites and systems reach it, and its launch zone.
    public let reversed: Bool
    /// When given, each row ends with the target's position in this notation.
    public let coordinates: CoordinateNotation?

    /// The rows of `results` in `order`; reversed, grouped by target first
    /// (targets in input order) and ordered inside each group.
    public init(_ results: [ReachResult], order: ReachOrder = .input, reversed: Bool = false, coordinates: CoordinateNotation? = nil) {
        self.reversed = reversed
        self.coordinates = coordinates
        self.results = Self.sorted(results, order: order, reversed: reversed)
    }

    /// The report in `format`.
    /// - Throws: `ThreatModelError` when a launch zone cannot be drawn (GeoJSON, reversed);
    ///   `GeodesyError` when a path cannot be traced.
    public func text(_ format: ReachFormat) throws -> String {
        switch format {
        case .table: table.text()
        case .csv: table.csv()
        case .json: table.json()
        case .geojson: try geoJSON()
        }
    }

    /// The rows with the documented columns (`ReachTable`).
    public var table: ResultTable {
        guard reversed else { return ReachTable.make(results, coordinates: coordinates) }
        let table = ReachTable.reverse(results)
        guard let coordinates else { return table }
        return ResultTable(columns: table.columns + coordinates.columns.map { "target_" + $0 },
                           rows: zip(table.rows, results).map { $0 + coordinates.cells($1.target.coordinate) })
    }

    static func sorted(_ results: [ReachResult], order: ReachOrder, reversed: Bool) -> [ReachResult] {
        let targetOrder = Dictionary(results.enumerated().map { ($0.element.target.name, $0.offset) }, uniquingKeysWith: min)
        func group(_ result: ReachResult) -> Int { reversed ? targetOrder[result.target.name]! : 0 }
        func key(_ result: ReachResult) -> (Double, String) {
            switch order {
            case .input: (0, "")
            case .distance: (result.distance.meters, "")
            case .margin: (-result.marginMeters, "")
            case .target: (0, result.target.name)
            case .site: (0, result.site.name)
            }
        }
        return results.enumerated().sorted { a, b in
            let (ka, kb) = (key(a.element), key(b.element))
            return (group(a.element), ka.0, ka.1, a.offset) < (group(b.element), kb.0, kb.1, b.offset)
        }.map(\.element)
    }

    /// `status` of a target over its rows, the best of them (certain over
    /// possible over out); nothing without a range band.
    static func statusProperty(_ rows: [ReachResult]) -> [(name: String, value: PropertyValue)] {
        let statuses = rows.compactMap(\.status)
        guard let best = ReachStatus.best(statuses) else { return [] }
        return [("status", .string(best.rawValue))]
    }

    /// Target points with their reach attributes, then one geodesic path
    /// per row (split at ±180), then, reversed, the launch zones.
    func geoJSON() throws -> String {
        var features = [Feature]()
        var seen = Set<String>()
        for result in results where seen.insert(result.target.name + "\u{0}" + result.target.coordinate.description).inserted {
            let rows = results.filter { $0.target == result.target }
            let reaching = rows.filter(\.inRange)
            features.append(Feature(shape: .point(result.target.coordinate), properties: [
                ("name", .string(result.target.name)), ("role", .string("target")),
                ("in_range", .bool(!reaching.isEmpty)),
                ("in_range_of", .string(Array(Set(reaching.map(\.system.name))).sorted().joined(separator: ", "))),
                ("reached_from", .string(Array(Set(reaching.map(\.site.name))).sorted().joined(separator: ", "))),
                ("nearest_site_km", .number(rows.map(\.distance.kilometers).min() ?? 0)),
                ("best_margin_km", .number((rows.map(\.marginMeters).max() ?? 0) / 1000)),
                ("warning_time_min", reaching.compactMap(\.flight?.minutes).min().map { .number($0) } ?? .null),
            ] + Self.statusProperty(rows)))
        }
        let geodesic = Geodesic.wgs84
        for result in results {
            let path = try geodesic.path(from: result.launchPoint, to: result.target.coordinate, tolerance: .meters(100))
            let properties: [(name: String, value: PropertyValue)] = [
                ("site", .string(result.site.name)), ("missile", .string(result.system.name)),
                ("target", .string(result.target.name)), ("distance_km", .number(result.distance.kilometers)),
                ("bearing_deg", .number(result.bearing)), ("range_km", .number(result.system.range.kilometers)),
                ("min_range_km", .number(result.system.minimumRange.kilometers)),
                ("in_range", .bool(result.inRange)), ("margin_km", .number(result.marginMeters / 1000)),
                ("flight_time_min", result.flight.map { .number($0.minutes) } ?? .null),
                ("apogee_km", result.flight?.apogee.map { .number($0.kilometers) } ?? .null),
            ] + (result.status.map { [("status", PropertyValue.string($0.rawValue))] } ?? [])
            let pieces = Antimeridian.split(path: path) { geodesic.meridianCrossing(from: $0, to: $1, longitude: $2) }
            for piece in pieces where piece.count > 1 {
                features.append(Feature(shape: .lineString(LineString(piece)), properties: properties))
            }
        }
        if reversed {
            let builder = FootprintBuilder()
            var zones = Set<String>()
            for result in results where zones.insert(result.target.name + "\u{0}" + result.system.name).inserted {
                let zone = try builder.footprint(of: result.system, from: result.target)
                features.append(Feature(shape: .multiPolygon(zone.area), properties: [
                    ("target", .string(result.target.name)), ("missile", .string(result.system.name)),
                    ("role", .string("launch_zone")),
                    ("launch_zone_from_km", .number(result.system.minimumRange.kilometers)),
                    ("launch_zone_to_km", .number(result.system.range.kilometers)),
                ]))
            }
        }
        return GeoJSONWriter().document(features)
    }
}

/// Reach results as tables with the documented columns.
public enum ReachTable {
    /// The first ten as they always were; then, for rows in range, the
    /// time of flight (minutes) and, for ballistic classes, the apogee of
    /// the minimum-energy trajectory (km), empty (JSON null) otherwise.
    public static let columns = ["site", "missile", "target", "distance_km", "bearing_deg", "range_km", "in_range", "margin_km",
                                 "min_range_km", "reason", "flight_time_min", "apogee_km"]

    /// `columns`, then `status` (certain, possible, out) when the systems
    /// carry a range band (`RangeEstimate.band`).
    public static func columns(band: Bool) -> [String] { band ? columns + ["status"] : columns }

    /// Whether any of `systems` carries a range band, so rows get a `status`.
    public static func hasBand(_ systems: some Sequence<MissileSystem>) -> Bool {
        systems.contains { $0.certainRange != nil }
    }

    /// - Parameter coordinates: when given, the target's position follows
    ///   the documented columns (`target_latitude`, `target_longitude`, or
    ///   `target_mgrs` / `target_dms` / `target_utm`).
    public static func make(_ results: [ReachResult], coordinates: CoordinateNotation? = nil) -> ResultTable {
        let band = hasBand(results.lazy.map(\.system))
        guard let coordinates else { return ResultTable(columns: columns(band: band), rows: results.map { row($0, band: band) }) }
        return ResultTable(columns: columns(band: band) + coordinates.columns.map { "target_" + $0 },
                           rows: results.map { row($0, band: band) + coordinates.cells($0.target.coordinate) })
    }

    /// One row in `columns(band:)`' order.
    public static func row(_ result: ReachResult, band: Bool = false) -> [TableValue] {
        band ? baseRow(result) + [result.status.map { .text($0.rawValue) } ?? .missing] : baseRow(result)
    }

    private static func baseRow(_ result: ReachResult) -> [TableValue] {
        [.text(result.site.name), .text(result.system.name), .text(result.target.name),
         .number(result.distance.kilometers, decimals: 1), .number(result.bearing, decimals: 1),
         .number(result.system.range.kilometers, decimals: 0), .bool(result.inRange),
         .number(result.marginMeters / 1000, decimals: 1),
         .number(result.system.minimumRange.kilometers, decimals: 0), .text(result.reason ?? "")] + flightCells(result)
    }

    /// `flight_time_min` and `apogee_km` of a row: empty out of range and
    /// where the system has no estimate.
    public static func flightCells(_ result: ReachResult) -> [TableValue] {
        let flight = result.flight
        return [flight.map { .number($0.minutes, decimals: 1) } ?? .missing,
                flight?.apogee.map { .number($0.kilometers, decimals: 0) } ?? .missing]
    }

    /// Aligned text for rows not yet decided: names from what is known,
    /// numbers at the widest they can print (distances up to 20004.0 km,
    /// 7 characters; margins down to -20004.0 km, 8; bearings up to 360.0, 5;
    /// flight times at most each system's at its range, apogees up to 1320 km, 4).
    public static func streamedTextStyle(sites: [LaunchSite], systems: [MissileSystem], longestTarget: Int, onlyInRange: Bool) -> TableEncoder.Style {
        let band = hasBand(systems)
        func widest(_ values: [Double]) -> Int { values.map { String(format: "%.0f", $0).count }.max() ?? 1 }
        let siteWidth: Int = sites.map { $0.place.name.count }.max() ?? 0
        let systemWidth: Int = systems.map { $0.name.count }.max() ?? 0
        let rangeWidth = widest(systems.map { $0.range.kilometers })
        let minimumWidth = widest(systems.map { $0.minimumRange.kilometers })
        let reasonWidth = onlyInRange ? 0 : "beyond maximum range".count
        // Flight time grows with distance, so a system's longest is at its range.
        let flightWidth = systems.compactMap { $0.flightEstimate(over: $0.range) }
            .map { String(format: "%.1f", $0.minutes).count }.max() ?? 0
        let bounds: [Int] = [siteWidth, systemWidth, longestTarget, 7, 5, rangeWidth, 3, 8, minimumWidth, reasonWidth, flightWidth, 4]
            + (band ? ["possible".count] : [])
        let widths = zip(columns(band: band), bounds).map { max($0.count, $1) }
        let numeric = [false, false, false, true, true, true, false, true, true, false, true, true] + (band ? [false] : [])
        return .text(widths: widths, numeric: numeric)
    }

    /// Per target: the sites and systems, and the launch zone (the ring
    /// between the minimum and maximum range around the target).
    public static func reverse(_ results: [ReachResult]) -> ResultTable {
        let band = hasBand(results.lazy.map(\.system))
        return ResultTable(
            columns: ["target", "missile", "site", "distance_km", "bearing_deg", "in_range", "margin_km",
                      "launch_zone_from_km", "launch_zone_to_km", "flight_time_min", "apogee_km"] + (band ? ["status"] : []),
            rows: results.map { result in
                [.text(result.target.name), .text(result.system.name), .text(result.site.name),
                 .number(result.distance.kilometers, decimals: 1), .number(result.bearing, decimals: 1),
                 .bool(result.inRange), .number(result.marginMeters / 1000, decimals: 1),
                 .number(result.system.minimumRange.kilometers, decimals: 0),
                 .number(result.system.range.kilometers, decimals: 0)] + flightCells(result)
                    + (band ? [result.status.map { .text($0.rawValue) } ?? .missing] : [])
            }
        )
    }

    /// Encodes the rows of each decided block as they come: bytes for the
    /// streamed `reach` output (`TableStream`).
    public static func encode(_ results: [ReachResult], with encoder: TableEncoder, band: Bool = false) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(results.count * 96)
        for result in results { encoder.append(row(result, band: band), to: &bytes) }
        return bytes
    }
}

/// Reach rows written as they are decided, a block at a time: memory holds
/// one chunk of targets and its rows, whatever the number of targets.
public enum ReachRowStream {
    /// Tables up to this many rows are aligned on their actual widths;
    /// longer ones stream with widths fixed in advance.
    public static let tableRowsInMemory = 65_536

    /// The encoding when rows can be written as they are decided (input
    /// order, forward rows, not GeoJSON), or nil when the whole result is needed.
    /// - Parameters:
    ///   - rows: site × system × target rows the job makes.
    ///   - longestTarget: the longest target name, characters.
    public static func style(format: ReachFormat, order: ReachOrder, reversed: Bool, rows: Int, longestTarget: Int,
                             sites: [LaunchSite], systems: [MissileSystem], onlyInRange: Bool) -> TableEncoder.Style? {
        guard order == .input, !reversed else { return nil }
        switch format {
        case .csv: return .csv
        case .json: return .json
        case .geojson: return nil
        case .table:
            guard rows > tableRowsInMemory else { return nil }
            return ReachTable.streamedTextStyle(sites: sites, systems: systems, longestTarget: longestTarget, onlyInRange: onlyInRange)
        }
    }

    /// Decides every row of `stream` and hands the encoded bytes to `sink` in order.
    /// - Parameters:
    ///   - targetCount: the number of targets, for `progress` (0 to 1).
    /// - Throws: `ThreatModelError` from the decisions; whatever `sink` throws.
    /// As below, into the file at `path` (written atomically: all or
    /// nothing) or to standard output when `path` is nil.
    /// - Throws: `ExportError.cannotWrite` when the output takes no more;
    ///   what the decisions throw.
    public static func write(_ stream: ReachStream, style: TableEncoder.Style, onlyInRange: Bool, targetCount: Int,
                             progress: ((Double) -> Void)? = nil, toFile path: String?) throws {
        let file = try path.map { try AtomicFileWriter(url: URL(fileURLWithPath: $0)) }
        try write(stream, style: style, onlyInRange: onlyInRange, targetCount: targetCount, progress: progress) { bytes in
            if let file { return try file.write(bytes) }
            do throws(FileDescriptorOutput.Failure) { try FileDescriptorOutput.writeAll(bytes, to: STDOUT_FILENO) } catch {
                throw ExportError.cannotWrite(path: "the output", reason: error.reason)
            }
        }
        try file?.commit()
    }

    public static func write(_ stream: ReachStream, style: TableEncoder.Style, onlyInRange: Bool, targetCount: Int,
                             progress: ((Double) -> Void)? = nil, sink: @escaping ([UInt8]) throws -> Void) throws {
        let band = ReachTable.hasBand(stream.systems)
        let encoder = TableEncoder(columns: ReachTable.columns(band: band), style: style)
        var tableStream = TableStream(encoder: encoder, sink: sink)
        try stream.run(onlyInRange: onlyInRange, targetCount: targetCount, progress: progress,
                       encode: { ReachTable.encode($0, with: encoder, band: band) },
                       write: { (block: [UInt8]) in try tableStream.write(block) })
        try tableStream.finish()
    }
}
