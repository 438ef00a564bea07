import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A binary cache of what loading the bundled data computes: the parsed
/// rows of `gazetteer.tsv`, the exact key table of its names and those of
/// `places.csv` and the sites, and the bundled row each of those curated
/// rows cites. Written beside the data (`gazetteer.index`) the first time
/// the data loads, mapped by later loads instead of parsing and folding
/// about 900,000 names again.
///
/// The header identifies each input (see `Fingerprint`), so an edited input
/// makes the cache stale and the next load rebuilds it. Loading maps
/// the file and checks only the header and the section sizes, so a load
/// touches just the pages its lookups need; every value read from the file
/// is checked where it is read (a row's ranges and kind, a bucket's bounds,
/// an entry's key range and row), and one that fails reads as not found.
/// The small link section is checked whole at load. Writing goes to a fresh
/// temporary file renamed into place (a mapping of the old file stays
/// valid); when the directory is read-only the load builds in memory.
///
/// The layout is the in-memory layout of this build (native byte order),
/// recorded in the header: a cache written by a build with other layouts is
/// stale too.
enum IndexCache {
    static let fileName = "gazetteer.index"
    static let magic: UInt64 = 0x3158_4544_4E49_4D54  // "TMINDEX1", little-endian

    /// What identifies the inputs a cache was built from.
    ///
    /// `gazetteer.tsv` (23 MB, generated, replaced whole) by its size,
    /// inode and modification and status-change times: hashing it took
    /// about 5 ms and read every page of it on each load. The small inputs,
    /// which are edited by hand (`places.csv`, the sites) or copied about
    /// (`areas.bin`), by their size and a content hash.
    struct Fingerprint: Equatable {
        var words: [UInt64]

        /// - Parameters:
        ///   - bundle: `gazetteer.tsv`, mapped (its `MappedFile.identity`).
        ///   - areas: the content hash and size of `areas.bin`, nil when absent.
        ///   - overrides: the bytes of `places.csv` and the sites.
        init(bundle: MappedFile, areas: (hash: UInt64, size: Int)?, overrides: [UInt8]) {
            words = bundle.identity + [
                areas.map { UInt64($0.size) } ?? .max, areas?.hash ?? 0,
                UInt64(overrides.count), ContentHash.of(overrides),
            ]
        }
    }

    /// What the cache holds.
    struct Contents {
        /// The rows of `gazetteer.tsv`, ranges into its bytes.
        var rows: TextRows
        /// The exact key table of the bundled rows followed by the overrides.
        var exact: KeyTable
        /// The bundled row each cited source code names (`g:98182` -> its
        /// row); codes naming no row are absent.
        var links: [String: Int]
    }

    /// Layout words: format version and the strides the raw sections depend on.
    static var layout: UInt64 {
        UInt64(5) | UInt64(MemoryLayout<TextRow>.stride) << 16 | UInt64(MemoryLayout<KeyTable.Entry>.stride) << 32
            | UInt64(MemoryLayout<TextRow>.offset(of: \TextRow.kind)!) << 48
    }

    static let fingerprintWords = 8
    /// magic, layout, fingerprint, row count, table row count, shift, bucket
    /// starts, entries, key bytes, links, hash of the linked codes.
    static let headerWords = 2 + fingerprintWords + 8

    /// Where the sections of a cache lie (byte offsets, each 8-byte
    /// aligned) and how many values each holds, as its header states them.
    struct Sections {
        var rowCount: Int
        /// Rows the key table covers: the bundled rows, then the curated ones.
        var tableRowCount: Int
        var shift: Int
        var startCount: Int
        var entryCount: Int
        var keyByteCount: Int
        var linkCount: Int

        var rows: Int { 8 * headerWords }
        var starts: Int { rows + padded(rowCount * MemoryLayout<TextRow>.stride) }
        var entries: Int { starts + padded(startCount * 4) }
        var keyBytes: Int { entries + entryCount * MemoryLayout<KeyTable.Entry>.stride }
        var links: Int { keyBytes + padded(keyByteCount) }
        /// The file's size.
        var end: Int { links + padded(linkCount * 4) }

        /// The sections of the file whose first bytes are `bytes`, or nil
        /// when the file is shorter than a header or a count is out of range
        /// (so that the offsets cannot overflow).
        init?(_ bytes: UnsafeRawBufferPointer) {
            guard bytes.count >= 8 * headerWords else { return nil }
            let counts = (2 + fingerprintWords..<headerWords - 1).map {
                Int(truncatingIfNeeded: bytes.load(fromByteOffset: 8 * $0, as: UInt64.self))
            }
            (rowCount, tableRowCount, shift, startCount, entryCount, keyByteCount, linkCount) =
                (counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6])
            guard (0..<Int(Int32.max)).contains(rowCount), (0..<Int(Int32.max)).contains(tableRowCount),
                  (34...56).contains(shift), startCount == (1 << (64 - shift)) + 1,
                  (0..<Int(Int32.max)).contains(entryCount), (0..<(1 << 40)).contains(keyByteCount),
                  (0..<Int(Int32.max)).contains(linkCount)
            else { return nil }
        }
    }

    /// The cached contents, or nil when the cache is missing, stale or its
    /// header, sizes or links are damaged.
    /// - Parameters:
    ///   - textCount: bytes in `gazetteer.tsv` (every row range must lie within).
    ///   - areaCount: outlines in `areas.bin` (0 without it).
    ///   - overrideCount: rows of `places.csv` and the sites (the table covers the bundled rows and these).
    ///   - codes: the source codes the curated rows cite, sorted (the links are theirs).
    static func load(_ url: URL, fingerprint: Fingerprint, textCount: Int, areaCount: Int, overrideCount: Int, codes: [String]) -> Contents? {
        guard let file = MappedFile(path: url.path), let sections = Sections(file.bytes) else { return nil }
        let bytes = file.bytes
        let header = (0..<headerWords).map { bytes.load(fromByteOffset: 8 * $0, as: UInt64.self) }
        guard header[0] == magic, header[1] == layout, Array(header[2..<(2 + fingerprintWords)]) == fingerprint.words,
              header[headerWords - 1] == codesHash(codes), sections.tableRowCount == sections.rowCount + overrideCount,
              sections.linkCount == codes.count, bytes.count == sections.end
        else { return nil }

        let base = bytes.baseAddress!
        let starts = UnsafeBufferPointer(start: (base + sections.starts).assumingMemoryBound(to: Int32.self), count: sections.startCount)
        let entries = UnsafeBufferPointer(start: (base + sections.entries).assumingMemoryBound(to: KeyTable.Entry.self),
                                          count: sections.entryCount)
        let keyBytes = UnsafeBufferPointer(start: (base + sections.keyBytes).assumingMemoryBound(to: UInt8.self), count: sections.keyByteCount)
        let rows = CachedRows(file: file, offset: sections.rows, count: sections.rowCount, textCount: textCount, areaCount: areaCount)
        // A few hundred links: checked now, as they are all used at load.
        var links = [String: Int]()
        for (index, code) in codes.enumerated() {
            let row = Int(bytes.load(fromByteOffset: sections.links + 4 * index, as: Int32.self))
            guard row >= -1, row < sections.rowCount else { return nil }
            if row >= 0 { links[code] = row }
        }
        let exact = KeyTable(shift: UInt64(sections.shift), bucketStarts: starts, entries: entries, keyBytes: keyBytes,
                             rowCount: sections.tableRowCount, cachedRows: rows, file: file)
        return Contents(rows: TextRows(cached: rows), exact: exact, links: links)
    }

    /// A hash of the cited codes, so links stored for other codes are stale.
    private static func codesHash(_ codes: [String]) -> UInt64 {
        ContentHash.of(Array(codes.joined(separator: "\u{0}").utf8))
    }

    /// Writes the cache, best effort: a directory that cannot be written
    /// leaves no file, and the next load builds in memory again.
    /// - Parameters:
    ///   - tableRowCount: rows the table covers (bundled rows, then overrides).
    ///   - codes: the source codes the curated rows cite, sorted, as `load` gets them.
    static func store(_ contents: Contents, tableRowCount: Int, fingerprint: Fingerprint, codes: [String], to url: URL) {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(fileName).\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { return }
        var written = true
        contents.exact.withParts { shift, starts, entries, keyBytes in
            let links = codes.map { Int32(contents.links[$0] ?? -1) }
            let header = [magic, layout] + fingerprint.words + [
                UInt64(contents.rows.count), UInt64(tableRowCount), shift,
                UInt64(starts.count), UInt64(entries.count), UInt64(keyBytes.count), UInt64(links.count), codesHash(codes),
            ]
            written = header.withUnsafeBytes { writeFully(descriptor, $0) }
                && contents.rows.withUnsafeBufferPointer { writeFully(descriptor, UnsafeRawBufferPointer($0), padTo: 8) }
                && writeFully(descriptor, UnsafeRawBufferPointer(starts), padTo: 8)
                && writeFully(descriptor, UnsafeRawBufferPointer(entries), padTo: 8)
                && writeFully(descriptor, UnsafeRawBufferPointer(keyBytes), padTo: 8)
                && links.withUnsafeBytes { writeFully(descriptor, $0, padTo: 8) }
        }
        if close(descriptor) != 0 { written = false }
        if !written || rename(temporary.path, url.path) != 0 { unlink(temporary.path) }
    }

    // MARK: file access

    private static func padded(_ count: Int) -> Int { (count + 7) & ~7 }

    private static func writeFully(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer, padTo alignment: Int = 1) -> Bool {
        var done = 0
        while done < buffer.count {
            let put = write(descriptor, buffer.baseAddress! + done, buffer.count - done)
            if put < 0, errno == EINTR { continue }
            guard put > 0 else { return false }
            done += put
        }
        let padding = [UInt8](repeating: 0, count: (alignment - buffer.count % alignment) % alignment)
        return padding.isEmpty || padding.withUnsafeBytes { writeFully(descriptor, $0) }
    }
}

/// The rows section of a mapped index cache, each row checked as it is read.
///
/// The mapping is read-only and owned by `file`, hence `@unchecked Sendable`.
struct CachedRows: @unchecked Sendable {
    /// The mapping the rows lie in, kept alive with them.
    let file: MappedFile
    /// Byte offset of row 0 in the mapping (a multiple of 8).
    let offset: Int
    let count: Int
    /// Bytes in the text the rows' ranges point into.
    let textCount: Int
    /// Outlines in the segment's `AreaFile` (0 without one).
    let areaCount: Int

    private static let stride = MemoryLayout<TextRow>.stride
    private static let kindOffset = MemoryLayout<TextRow>.offset(of: \TextRow.kind)!
    private static let rangeOffsets = [\TextRow.names, \TextRow.source, \TextRow.admin1].map { MemoryLayout<TextRow>.offset(of: $0)! }
    private static let kindCount = PlaceKind.allCases.count

    /// Row `index` (in 0..<count), or nil when its kind is no kind, a range
    /// of it does not lie within the text or its area is no outline.
    subscript(index: Int) -> TextRow? {
        precondition(index >= 0 && index < count, "cached row out of range")
        let start = offset + index * Self.stride
        let bytes = file.bytes
        // The kind first: loading a row whose kind byte is no case would be undefined.
        guard Int(bytes.load(fromByteOffset: start + Self.kindOffset, as: UInt8.self)) < Self.kindCount else { return nil }
        for rangeOffset in Self.rangeOffsets {
            let lower = bytes.load(fromByteOffset: start + rangeOffset, as: Int.self)
            let upper = bytes.load(fromByteOffset: start + rangeOffset + 8, as: Int.self)
            guard lower >= 0, lower <= upper, upper <= textCount else { return nil }
        }
        let row = bytes.load(fromByteOffset: start, as: TextRow.self)
        guard row.area >= -1, Int(row.area) < areaCount else { return nil }
        return row
    }
}

/// A fast 64-bit hash of file contents for cache validity (not for security):
/// four independent multiply-rotate lanes over 8-byte words, a few gigabytes
/// a second.
enum ContentHash {
    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let prime: UInt64 = 0x9E37_79B9_7F4A_7C15
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (1, 2, 3, 4)
        @inline(__always) func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let value = (lane ^ word) &* prime
            return value ^ (value >> 29)
        }
        var offset = 0
        let count = bytes.count
        while offset + 32 <= count {
            lanes.0 = mix(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = mix(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = mix(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = mix(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        var tail = UInt64(count)
        while offset < count {
            tail = mix(tail, UInt64(bytes[offset]))
            offset += 1
        }
        var hash = mix(mix(mix(mix(tail, lanes.0), lanes.1), lanes.2), lanes.3)
        hash ^= hash >> 33
        return hash &* 0xff51_afd7_ed55_8ccd
    }
}
