import Foundation
import GeoModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reader of the generated `gazetteer.tsv` (see `Scripts/build_gazetteer.py`):
/// tab-separated `kind country admin1 population latitude longitude source
/// area names`, names separated by `|`, `#` comment lines.
///
/// The file is mapped whole (about 23 MB) and parsed at the byte level;
/// names stay bytes of the mapping until a place is asked for.
enum BundleFile {
    static let fileName = "gazetteer.tsv"
    static let areasFileName = "areas.bin"

    /// The bytes of a file, read straight into an array.
    /// - Throws: `GazetteerError.file(.unreadable)` when the file cannot be read.
    static func readWholeFile(_ url: URL) throws(GazetteerError) -> [UInt8] {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { throw .file(.unreadable(source: url.path, reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .file(.unreadable(source: url.path, reason: String(cString: strerror(errno)))) }
        let size = Int(status.st_size)
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var done = 0
            while done < size {
                let got = read(descriptor, buffer.baseAddress! + done, size - done)
                if got < 0, errno == EINTR { continue }
                if got <= 0 {
                    failure = got < 0 ? errno : EIO
                    break
                }
                done += got
            }
            initialized = done
        }
        guard failure == 0 else { throw .file(.unreadable(source: url.path, reason: String(cString: strerror(failure)))) }
        return bytes
    }

    /// Raw values of the kinds, the most frequent first.
    private static let kinds: [(bytes: [UInt8], kind: PlaceKind)] = {
        let common: [PlaceKind] = [.town, .city, .airport, .airbase]
        return (common + PlaceKind.allCases.filter { !common.contains($0) }).map { (Array($0.rawValue.utf8), $0) }
    }()

    /// The kind spelled by `bytes[range]`.
    static func kind(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> PlaceKind? {
        for candidate in kinds where candidate.bytes.count == range.count {
            if candidate.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress! + range.lowerBound, range.count) == 0 }) {
                return candidate.kind
            }
        }
        return nil
    }

    /// Maps `gazetteer.tsv` (see `MappedFile`): rows read from the index
    /// cache touch only the pages of the rows a run uses.
    /// - Throws: `GazetteerError.file(.unreadable)` when the file cannot be opened or mapped.
    static func mapWholeFile(_ url: URL) throws(GazetteerError) -> MappedFile {
        guard let file = MappedFile(path: url.path) else {
            throw .file(.unreadable(source: url.path, reason: String(cString: strerror(errno))))
        }
        return file
    }

    /// Parses the whole file; large files in two halves on both cores.
    static func parse(_ text: TextBytes, source: String, areas: AreaFile?) throws(GazetteerError) -> TextSegment {
        // Split at the line break nearest the middle.
        let halves = text.withUnsafeBufferPointer { text in
            var middle = text.count / 2
            while middle < text.count, text[middle] != 0x0A { middle += 1 }
            return text.count > 1 << 20 ? [0..<min(text.count, middle + 1), min(text.count, middle + 1)..<text.count] : [0..<text.count]
        }
        let parts = ConcurrentMap.map(count: halves.count) { half in
            text.withUnsafeBufferPointer { parseLines($0, halves[half], areas: areas) }
        }
        var rows = [TextRow]()
        rows.reserveCapacity(parts.reduce(0) { $0 + $1.rows.count })
        for part in parts {
            if let (offset, reason) = part.failure {
                // Line numbers count from the start of the file.
                let line = text.withUnsafeBufferPointer { $0[0..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } } + 1
                throw .badData(source: source, line: line, reason: reason)
            }
            rows.append(contentsOf: part.rows)
        }
        return segment(text: text, rows: TextRows(rows), areas: areas)
    }

    /// The segment of the file's bytes and their parsed rows.
    static func segment(text: TextBytes, rows: TextRows, areas: AreaFile?) -> TextSegment {
        TextSegment(text: text, rows: rows, separator: UInt8(ascii: "|"), style: .bundleCodes, areas: areas)
    }

    /// Rows of the lines in `range`, or the byte offset of the first bad line and why.
    static func parseLines(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, areas: AreaFile?) -> (rows: [TextRow], failure: (Int, String)?) {
        var rows = [TextRow]()
        rows.reserveCapacity(range.count / 80)
        var failure: (Int, String)?
        // Stops at the first bad line.
        func scan() {
            guard let base = bytes.baseAddress else { return }
            var fields = [Range<Int>]()
            fields.reserveCapacity(12)
            var lineStart = range.lowerBound
            while lineStart < range.upperBound {
                var lineEnd = range.upperBound
                if let newline = memchr(base + lineStart, 0x0A, range.upperBound - lineStart) {
                    lineEnd = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                }
                defer { lineStart = lineEnd + 1 }
                guard lineEnd > lineStart, bytes[lineStart] != UInt8(ascii: "#") else { continue }
                ByteParsing.fields(bytes, lineStart..<lineEnd, separator: 0x09, into: &fields)
                func fail(_ reason: String) {
                    failure = (lineStart, reason)
                }
                guard fields.count == 9 else { return fail("expected 9 tab-separated fields, found \(fields.count)") }
                guard let kind = Self.kind(bytes, fields[0]) else { return fail("unknown kind") }
                guard let latitude = ByteParsing.double(bytes, fields[4]), let longitude = ByteParsing.double(bytes, fields[5]),
                      (-90...90).contains(latitude), (-180...180).contains(longitude)
                else { return fail("latitude/longitude are not valid degrees") }
                let population = fields[3].isEmpty ? -1 : (ByteParsing.integer(bytes, fields[3]).map { Int32(clamping: $0) } ?? -1)
                var area: Int32 = -1
                if !fields[7].isEmpty {
                    guard let index = ByteParsing.integer(bytes, fields[7]), let areas, index < areas.count else {
                        return fail("area index '\(String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[7]]), as: UTF8.self))' is not in \(areasFileName)")
                    }
                    area = Int32(index)
                }
                guard !fields[8].isEmpty else { return fail("the place has no name") }
                rows.append(TextRow(
                    names: fields[8], source: fields[6], admin1: fields[2],
                    latitude: latitude, longitude: longitude, population: population, kind: kind,
                    country: ByteParsing.countryCode(bytes, fields[1]), area: area
                ))
            }
        }
        scan()
        return (rows, failure)
    }
}
