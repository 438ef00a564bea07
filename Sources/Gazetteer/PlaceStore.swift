import Foundation
import GeoModel

/// Who vouches for a row; on equal names a higher tier wins.
enum Tier: UInt8, Comparable, Sendable {
    /// Generated from public datasets (`gazetteer.tsv`).
    case bundled = 0
    /// Hand-checked overrides (`places.csv`) and places given in code.
    case curated = 1
    /// The user's own files (`--gazetteer`).
    case user = 2

    static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One place read from a text file, its names and provenance kept as bytes
/// of the segment's `text` until the place is asked for.
struct TextRow: Sendable {
    /// Names separated by the segment's separator byte, the primary name first.
    var names: Range<Int>
    /// Source bytes, read according to the segment's `SourceStyle`.
    var source: Range<Int>
    var admin1: Range<Int>
    var latitude: Double
    var longitude: Double
    /// Inhabitants; -1 when unknown.
    var population: Int32
    var kind: PlaceKind
    /// ISO 3166-1 alpha-2 packed by `ByteParsing.countryCode`; 0 when unknown.
    var country: UInt16
    /// Index in the segment's `AreaFile`; -1 for a point.
    var area: Int32
}

/// The bytes of a text segment: built in memory (the user's files), or a
/// whole file mapped (`gazetteer.tsv`), its pages read as rows are used.
struct TextBytes: Sendable {
    /// The bytes when built in memory; empty when mapped.
    private var array: [UInt8]
    private let file: MappedFile?

    init(_ bytes: [UInt8] = []) {
        array = bytes
        file = nil
    }

    init(mapping file: MappedFile) {
        array = []
        self.file = file
    }

    var count: Int { file?.bytes.count ?? array.count }

    func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        if let file {
            return try withExtendedLifetime(file) { () throws(E) -> R in try body(file.bytes.assumingMemoryBound(to: UInt8.self)) }
        }
        return try array.withUnsafeBufferPointer { (bytes) throws(E) -> R in try body(bytes) }
    }

    /// Appends to bytes built in memory (a mapped file cannot grow).
    mutating func append(_ byte: UInt8) {
        precondition(file == nil, "appending to a mapped file")
        array.append(byte)
    }

    mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        precondition(file == nil, "appending to a mapped file")
        array.append(contentsOf: bytes)
    }
}

/// The rows of a text segment: an array, or the rows of the index cache
/// read in place (each checked as it is read).
struct TextRows: RandomAccessCollection, Sendable {
    /// The rows when built in memory; empty when cached.
    private var array: [TextRow]
    private let cached: CachedRows?

    init(_ rows: [TextRow] = []) {
        array = rows
        cached = nil
    }

    init(cached rows: CachedRows) {
        array = []
        cached = rows
    }

    var startIndex: Int { 0 }

    var endIndex: Int { cached?.count ?? array.count }

    /// Row `index`; a cached row that fails its checks reads as
    /// `TextRow.damaged` (see `isIntact`).
    subscript(index: Int) -> TextRow {
        guard let cached else { return array[index] }
        return cached[index] ?? .damaged
    }

    /// Whether row `index` is what was stored: false for a cached row whose
    /// ranges, kind or area a damaged cache spoils.
    func isIntact(_ index: Int) -> Bool {
        guard let cached else { return true }
        return cached[index] != nil
    }

    /// Calls `body` with the rows in contiguous memory (copied once when cached).
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<TextRow>) -> R) -> R {
        guard cached == nil else { return Array(self).withUnsafeBufferPointer(body) }
        return array.withUnsafeBufferPointer(body)
    }

    /// Appends to rows built in memory (cached rows are read-only).
    mutating func append(_ row: TextRow) {
        precondition(cached == nil, "appending to cached rows")
        array.append(row)
    }
}

extension TextRow {
    /// What a cached row that fails its checks reads as: no names (so no
    /// index lists it), no text, a coordinate outside every search box.
    static let damaged = TextRow(
        names: 0..<0, source: 0..<0, admin1: 0..<0, latitude: .nan, longitude: .nan,
        population: -1, kind: .coordinate, country: 0, area: -1
    )
}

/// How a text segment's source bytes become the `Place.source` text.
enum SourceStyle: Sendable {
    /// `g:<id>`, `a:<ICAO>`, `c:<ISO>`, `p:<ISO>:<name>` codes of gazetteer.tsv.
    case bundleCodes
    /// A GeoNames id from a dump file named `file`.
    case geonames(file: String)
    /// The bytes are the source text.
    case literal
}

/// Rows that came from one text file.
struct TextSegment: Sendable {
    var text: TextBytes
    var rows: TextRows
    var separator: UInt8
    var style: SourceStyle
    var areas: AreaFile?

    init(text: TextBytes = TextBytes(), rows: TextRows = TextRows(), separator: UInt8, style: SourceStyle, areas: AreaFile? = nil) {
        self.text = text
        self.rows = rows
        self.separator = separator
        self.style = style
        self.areas = areas
    }

    /// Calls `body` with the bytes of each name of row `index`.
    func forEachName(ofRow index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let range = rows[index].names
        text.withUnsafeBufferPointer { bytes in
            var start = range.lowerBound
            for position in range.lowerBound...range.upperBound where position == range.upperBound || bytes[position] == separator {
                if position > start { body(UnsafeBufferPointer(rebasing: bytes[start..<position])) }
                start = position + 1
            }
        }
    }

    func names(ofRow index: Int) -> [String] {
        var names = [String]()
        forEachName(ofRow: index) { names.append(String(decoding: $0, as: UTF8.self)) }
        return names
    }

    func string(_ range: Range<Int>) -> String {
        text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    func source(ofRow index: Int) -> String {
        let raw = string(rows[index].source)
        switch style {
        case .literal:
            return raw
        case let .geonames(file):
            return "GeoNames \(raw) (\(file))"
        case .bundleCodes:
            let parts = raw.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            switch (parts.first, parts.count) {
            case ("g", 2): return "GeoNames \(parts[1]) (cities500)"
            case ("a", 2): return "airportsdata \(parts[1])"
            case ("c", 2): return "Natural Earth admin-0 \(parts[1]) (world_map.gpkg, simplified)"
            case ("p", 3): return "Natural Earth admin-1 '\(parts[2])' (\(parts[1]), world_map.gpkg, simplified)"
            default: return raw
            }
        }
    }

    /// - Throws: `GazetteerError.badData` for a cached row that fails its checks.
    func place(ofRow index: Int) throws(GazetteerError) -> Place {
        guard rows.isIntact(index) else {
            throw .badData(source: IndexCache.fileName, line: 0, reason: "cached row \(index) is damaged")
        }
        let row = rows[index]
        let names = names(ofRow: index)
        var area: MultiPolygon?
        if row.area >= 0, let areas {
            area = try areas.outline(Int(row.area))
        }
        return Place(
            name: names.first ?? "",
            aliases: Array(names.dropFirst()),
            coordinate: Coordinate(latitude: row.latitude, longitude: row.longitude),
            kind: row.kind,
            country: ByteParsing.countryString(row.country),
            source: source(ofRow: index),
            area: area,
            population: row.population >= 0 ? Int(row.population) : nil,
            admin1: string(row.admin1)
        )
    }
}

/// Places from one origin: a text file's rows, or `Place` values.
struct Segment: Sendable {
    enum Storage: Sendable {
        case text(TextSegment)
        case places([Place])
    }

    var tier: Tier
    /// The file it came from, or a label.
    var origin: String
    var firstRow: Int
    var storage: Storage

    var count: Int {
        switch storage {
        case let .text(segment): segment.rows.count
        case let .places(places): places.count
        }
    }
}

/// What ranking and spatial search need of a row, without building a `Place`.
struct RowSummary {
    var latitude: Double
    var longitude: Double
    var kind: PlaceKind
    var population: Int?
    var country: UInt16
    var tier: Tier
    var hasArea: Bool
}
