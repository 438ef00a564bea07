import Foundation
import GeoModel

/// Targets read from a file: names and coordinates, kept as two arrays so a
/// million of them stay small.
public struct TargetList: Sendable {
    public var names: [String] = []
    public var coordinates: [Coordinate] = []

    public init() {}

    public var count: Int { coordinates.count }

    public mutating func append(name: String, coordinate: Coordinate) {
        names.append(name)
        coordinates.append(coordinate)
    }
}

/// Reads target files: CSV with a header naming `name`, `lat`/`latitude`
/// and `lon`/`lng`/`longitude` columns (others ignored), or GeoJSON points.
public enum TargetFile {
    /// Largest CSV line accepted, bytes.
    public static let maximumLineLength = 64 * 1024
    /// Most targets one file may hold (about 1 GB of names and points in memory).
    public static let maximumTargets = 20_000_000

    /// Reads `url` by its extension (`.csv`, `.geojson`/`.json`).
    /// - Throws: `ThreatModelError.badData` naming `file:line` and the problem
    ///   (bad number, latitude out of range, NaN, wrong field count),
    ///   `ThreatModelError.file` when it cannot be read.
    public static func read(_ url: URL) throws(ThreatModelError) -> TargetList {
        let lowered = url.pathExtension.lowercased()
        if lowered == "geojson" || lowered == "json" { return try readGeoJSON(url) }
        return try readCSV(url)
    }

    /// Streams the features into the columns: no list of features is held.
    static func readGeoJSON(_ url: URL) throws(ThreatModelError) -> TargetList {
        var list = TargetList()
        var notPoint: Int?
        let fileName = url.lastPathComponent
        do throws(GeoJSONError) {
            try GeoJSONReader().forEachFeature(contentsOf: url) { feature in
                let index = list.count
                guard case let .point(point) = feature.shape else {
                    notPoint = index + 1
                    return false
                }
                var name: String?
                for key in ["name", "target", "site", "Name", "NAME"] {
                    if case let .string(text)? = feature[property: key], !text.isEmpty {
                        name = text
                        break
                    }
                }
                list.append(name: name ?? "\(fileName) feature \(index + 1)", coordinate: point)
                return true
            }
        } catch {
            throw .reading(error)
        }
        if let notPoint {
            throw .badData(source: url.path, line: 0, reason: "feature \(notPoint) is not a Point; targets must be points")
        }
        guard list.count > 0 else { throw .badData(source: url.path, line: 0, reason: "the file holds no features; expected Point features") }
        return list
    }

    static func readCSV(_ url: URL) throws(ThreatModelError) -> TargetList {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw .file("\(url.path): cannot open the target file")
        }
        defer { try? handle.close() }
        var reader = LineSplitter(handle: handle, maximumLineLength: maximumLineLength)
        var list = TargetList()
        var columns: (name: Int, latitude: Int, longitude: Int)?
        var width = 0
        while let (line, lineNumber) = try reader.next(source: url.path) {
            let text = lineNumber == 1 && line.hasPrefix("\u{FEFF}") ? String(line.dropFirst()) : line
            if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let fields = try split(text, source: url.path, line: lineNumber)
            guard let found = columns else {
                let header = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                func index(_ names: [String]) -> Int? { header.firstIndex(where: names.contains) }
                guard let name = index(["name", "target", "site"]),
                      let latitude = index(["lat", "latitude"]),
                      let longitude = index(["lon", "lng", "long", "longitude"])
                else {
                    throw .badData(source: url.path, line: lineNumber,
                                   reason: "the header must name the columns name, lat and lon (found: \(header.joined(separator: ",")))")
                }
                columns = (name, latitude, longitude)
                width = fields.count
                continue
            }
            guard fields.count == width else {
                throw .badData(source: url.path, line: lineNumber, reason: "expected \(width) fields as in the header, found \(fields.count)")
            }
            func value(_ index: Int, _ axis: String) throws(ThreatModelError) -> Double {
                let field = fields[index].trimmingCharacters(in: .whitespaces)
                guard let value = Double(field) else {
                    throw .badData(source: url.path, line: lineNumber, reason: "\(axis) '\(field)' is not a number")
                }
                return value
            }
            let latitude = try value(found.latitude, "latitude"), longitude = try value(found.longitude, "longitude")
            let coordinate: Coordinate
            do { coordinate = try Coordinate(validatingLatitude: latitude, longitude: longitude) } catch {
                throw .badData(source: url.path, line: lineNumber, reason: error.description)
            }
            guard list.count < maximumTargets else {
                throw .badData(source: url.path, line: lineNumber, reason: "more than \(maximumTargets) targets; split the file")
            }
            list.append(name: fields[found.name].trimmingCharacters(in: .whitespaces), coordinate: coordinate)
        }
        guard columns != nil else { throw .badData(source: url.path, line: 1, reason: "the file is empty; expected a header line") }
        guard list.count > 0 else { throw .badData(source: url.path, line: 2, reason: "no targets after the header") }
        return list
    }

    /// Splits one CSV record (quoted fields may hold commas and doubled quotes).
    static func split(_ line: String, source: String, line number: Int) throws(ThreatModelError) -> [String] {
        var fields = [String]()
        var field = ""
        var inQuotes = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if inQuotes {
                if character == "\"" {
                    var lookahead = iterator
                    if lookahead.next() == "\"" {
                        field.append("\"")
                        iterator = lookahead
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                inQuotes = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        guard !inQuotes else { throw .badData(source: source, line: number, reason: "a quoted field is never closed") }
        fields.append(field)
        return fields
    }
}

/// Lines of a file read in 1 MiB chunks, so the file is never held whole.
struct LineSplitter {
    let handle: FileHandle
    let maximumLineLength: Int
    private var buffer = Data()
    private var finished = false
    private var lineNumber = 0

    init(handle: FileHandle, maximumLineLength: Int) {
        self.handle = handle
        self.maximumLineLength = maximumLineLength
    }

    /// The next line (without its CR/LF) and its 1-based number, or nil at the end.
    mutating func next(source: String) throws(ThreatModelError) -> (String, Int)? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var lineData = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                if lineData.last == UInt8(ascii: "\r") { lineData = lineData.dropLast() }
                return try decode(lineData, source: source)
            }
            if finished {
                guard !buffer.isEmpty else { return nil }
                let rest = buffer
                buffer = Data()
                return try decode(rest.last == UInt8(ascii: "\r") ? rest.dropLast() : rest, source: source)
            }
            guard buffer.count <= maximumLineLength else {
                throw .badData(source: source, line: lineNumber + 1, reason: "a line is longer than \(maximumLineLength) bytes; is this a text file?")
            }
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch {
                throw .file("\(source): read failed: \(error.localizedDescription)")
            }
            if let chunk, !chunk.isEmpty { buffer.append(chunk) } else { finished = true }
        }
    }

    private mutating func decode(_ data: Data, source: String) throws(ThreatModelError) -> (String, Int) {
        lineNumber += 1
        guard !data.contains(0), let text = String(data: data, encoding: .utf8) else {
            throw .badData(source: source, line: lineNumber, reason: "not UTF-8 text")
        }
        return (text, lineNumber)
    }
}
