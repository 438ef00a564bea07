import Foundation
import Gazetteer
import GeoModel

/// Streams a CSV target file (a header naming `name`, `lat`/`latitude` and
/// `lon`/`lng`/`longitude`, other columns ignored) in chunks of targets, so
/// a file of any length is read in bounded memory.
///
/// Records are parsed from the read buffer's bytes: no `Data` or `String`
/// per line; only each target's name becomes a `String` (names up to 15
/// UTF-8 bytes are stored inline, without an allocation). Quoted fields may
/// hold commas and doubled quotes but not line breaks; lines may end in
/// CRLF; the last line needs no line break; blank lines are skipped.
public struct TargetCSVReader {
    /// Targets per chunk handed to the caller.
    public static let defaultChunkSize = 65_536

    public let url: URL
    public var chunkSize: Int
    /// Bytes per `read(2)`; only tests of records that straddle reads change it.
    public var readSize: Int

    public init(url: URL, chunkSize: Int = defaultChunkSize, readSize: Int = 1 << 20) {
        self.url = url
        self.chunkSize = max(1, chunkSize)
        self.readSize = max(1, readSize)
    }

    /// What a whole pass over the file found.
    public struct Summary: Sendable, Equatable {
        /// Targets in the file.
        public var count = 0
        /// The longest target name, in characters (for aligned tables).
        public var longestName = 0

        public init(count: Int = 0, longestName: Int = 0) {
            self.count = count
            self.longestName = longestName
        }
    }

    /// Reads the file, calling `body` with each chunk of up to `chunkSize`
    /// targets in file order.
    /// - Returns: how many targets there were and the longest name.
    /// - Throws: `ThreatModelError.badData` naming `file:line` (bad number,
    ///   latitude out of range, NaN, wrong field count, unclosed quote, not
    ///   UTF-8, an overlong line), `ThreatModelError.file` when it cannot be
    ///   read, or what `body` throws.
    @discardableResult
    public func forEachChunk(_ body: (TargetList) throws(ThreatModelError) -> Void) throws(ThreatModelError) -> Summary {
        let source = url.path
        var parser = RecordParser(source: source)
        var chunk = TargetList()
        chunk.reserve(chunkSize)
        var summary = Summary()
        var failure: ThreatModelError?
        let reader = LineReader(url: url, maximumLineLength: TargetFile.maximumLineLength, readSize: readSize)
        do throws(GazetteerError) {
            try reader.forEachLine { line, number throws(GazetteerError) in
                do throws(ThreatModelError) {
                    guard let target = try parser.parse(line, number: number) else { return true }
                    guard summary.count < TargetFile.maximumTargets else {
                        throw .badData(source: source, line: number,
                                       reason: "more than \(TargetFile.maximumTargets) targets; split the file")
                    }
                    summary.count += 1
                    summary.longestName = max(summary.longestName, target.nameLength)
                    chunk.append(name: target.name, coordinate: target.coordinate)
                    if chunk.count == chunkSize {
                        try body(chunk)
                        chunk.removeAll()
                    }
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
        } catch {
            throw Self.translated(error, source: source)
        }
        if let failure { throw failure }
        guard parser.hasHeader else { throw .badData(source: source, line: 1, reason: "the file is empty; expected a header line") }
        guard summary.count > 0 else { throw .badData(source: source, line: 2, reason: "no targets after the header") }
        if chunk.count > 0 { try body(chunk) }
        return summary
    }

    /// The line reader's errors in this module's terms.
    private static func translated(_ error: GazetteerError, source: String) -> ThreatModelError {
        switch error {
        case let .badData(_, line, reason): .badData(source: source, line: line, reason: reason)
        default: .file("\(source): \(error.description)")
        }
    }
}

/// One parsed target row.
private struct ParsedTarget {
    var name: String
    var coordinate: Coordinate
    /// Characters in `name`.
    var nameLength: Int
}

/// Parses the header, then one target per data line, from raw bytes.
private struct RecordParser {
    let source: String
    private(set) var hasHeader = false
    private var columns = (name: 0, latitude: 0, longitude: 0)
    private var width = 0
    /// Unquoted field bytes of the current line, reused from line to line.
    private var scratch = [UInt8]()
    /// Field ranges into `scratch`.
    private var fields = [Range<Int>]()

    init(source: String) {
        self.source = source
        scratch.reserveCapacity(256)
        fields.reserveCapacity(16)
    }

    /// The target on `line`, or nil for the header and blank lines.
    mutating func parse(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws(ThreatModelError) -> ParsedTarget? {
        var bytes = line
        if number == 1, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes = UnsafeBufferPointer(rebasing: bytes[3...])
        }
        let ascii = bytes.allSatisfy { $0 < 0x80 }
        if !ascii, String(validating: bytes, as: UTF8.self) == nil {
            throw .badData(source: source, line: number, reason: "not UTF-8 text")
        }
        if isBlank(bytes, ascii: ascii) { return nil }
        try split(bytes, number: number)
        guard hasHeader else {
            try readHeader(number: number)
            return nil
        }
        guard fields.count == width else {
            throw .badData(source: source, line: number, reason: "expected \(width) fields as in the header, found \(fields.count)")
        }
        let latitude = try value(columns.latitude, "latitude", line: number)
        let longitude = try value(columns.longitude, "longitude", line: number)
        let coordinate: Coordinate
        do { coordinate = try Coordinate(validatingLatitude: latitude, longitude: longitude) } catch {
            throw .badData(source: source, line: number, reason: error.description)
        }
        let (name, length) = text(columns.name)
        return ParsedTarget(name: name, coordinate: coordinate, nameLength: length)
    }

    /// Whether the line holds nothing but whitespace.
    private func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> Bool {
        if ascii { return bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// Splits a record into `fields`: a quote opens a quoted field only at
    /// its start; inside one, a doubled quote stands for a quote.
    private mutating func split(_ bytes: UnsafeBufferPointer<UInt8>, number: Int) throws(ThreatModelError) {
        scratch.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        var start = 0
        var inQuotes = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote {
                        scratch.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    scratch.append(byte)
                }
            } else if byte == quote, scratch.count == start {
                inQuotes = true
            } else if byte == comma {
                fields.append(start..<scratch.count)
                start = scratch.count
            } else {
                scratch.append(byte)
            }
            index += 1
        }
        guard !inQuotes else { throw .badData(source: source, line: number, reason: "a quoted field is never closed") }
        fields.append(start..<scratch.count)
    }

    private mutating func readHeader(number: Int) throws(ThreatModelError) {
        let header = fields.map { String(decoding: scratch[$0], as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased() }
        func index(_ names: [String]) -> Int? { header.firstIndex(where: names.contains) }
        let nameColumn = index(["name", "target", "site"])
        let latitudeColumn = index(["lat", "latitude"])
        let longitudeColumn = index(["lon", "lng", "long", "longitude"])
        guard let name = nameColumn, let latitude = latitudeColumn, let longitude = longitudeColumn else {
            // Name what is missing, never the line itself: the file may be anything.
            let missing = [("name", nameColumn), ("lat", latitudeColumn), ("lon", longitudeColumn)]
                .filter { $0.1 == nil }.map(\.0)
            throw .badData(source: source, line: number,
                           reason: "the header must name the columns name, lat and lon; no column is called "
                               + missing.joined(separator: " or "))
        }
        columns = (name, latitude, longitude)
        width = fields.count
        hasHeader = true
    }

    private func value(_ column: Int, _ axis: String, line: Int) throws(ThreatModelError) -> Double {
        let range = fields[column]
        let value = scratch.withUnsafeBufferPointer { ByteParsing.double($0, range) }
        guard let value else {
            let field = String(decoding: scratch[range], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            throw .badData(source: source, line: line, reason: "\(axis) '\(field)' is not a number")
        }
        return value
    }

    /// The field as trimmed text and its length in characters.
    private func text(_ column: Int) -> (String, Int) {
        var range = fields[column]
        while range.lowerBound < range.upperBound, scratch[range.lowerBound] == 0x20 || scratch[range.lowerBound] == 0x09 {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        while range.lowerBound < range.upperBound, scratch[range.upperBound - 1] == 0x20 || scratch[range.upperBound - 1] == 0x09 {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        let slice = scratch[range]
        if slice.allSatisfy({ $0 < 0x80 }) {
            return (String(decoding: slice, as: UTF8.self), slice.count)
        }
        let name = String(decoding: slice, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return (name, name.count)
    }
}
