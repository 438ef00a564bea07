import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A binary cache of what loading the bundled data computes: the parsed
/// rows of `gazetteer.tsv` and the exact key table of its names and those of
/// `places.csv`. Written beside the data (`gazetteer.index`) the first time
/// the data loads, read back by later loads instead of parsing and folding
/// about 900,000 names again.
///
/// The header holds the size and a content hash of each input, so an edited
/// input makes the cache stale and the next load rebuilds it. Reading checks
/// every range and row number against the inputs, so a damaged cache is
/// ignored like a stale one. Writing goes to a fresh temporary file renamed
/// into place; when the directory is read-only the load builds in memory.
///
/// The layout is the in-memory layout of this build (native byte order),
/// recorded in the header: a cache written by a build with other layouts is
/// stale too.
enum IndexCache {
    static let fileName = "gazetteer.index"
    static let magic: UInt64 = 0x3158_4544_4E49_4D54  // "TMINDEX1", little-endian

    /// Sizes and content hashes of the inputs a cache was built from.
    struct Fingerprint: Equatable {
        var words: [UInt64]

        /// - Parameters:
        ///   - bundle: the bytes of `gazetteer.tsv`.
        ///   - areas: the content hash and size of `areas.bin`, nil when absent.
        ///   - overrides: the bytes of `places.csv`.
        init(bundle: [UInt8], areas: (hash: UInt64, size: Int)?, overrides: [UInt8]) {
            words = [
                UInt64(bundle.count), ContentHash.of(bundle),
                areas.map { UInt64($0.size) } ?? .max, areas?.hash ?? 0,
                UInt64(overrides.count), ContentHash.of(overrides),
            ]
        }
    }

    /// What the cache holds.
    struct Contents {
        /// The rows of `gazetteer.tsv`, ranges into its bytes.
        var rows: [TextRow]
        /// The exact key table of the bundled rows followed by the overrides.
        var exact: KeyTable
    }

    /// Layout words: format version and the strides the raw sections depend on.
    static var layout: UInt64 {
        UInt64(3) | UInt64(MemoryLayout<TextRow>.stride) << 16 | UInt64(MemoryLayout<KeyTable.Entry>.stride) << 32
            | UInt64(MemoryLayout<TextRow>.offset(of: \TextRow.kind)!) << 48
    }

    private static let fingerprintWords = 6
    /// magic, layout, fingerprint, row count, table row count, shift, bucket starts, entries, key bytes.
    private static let headerWords = 2 + fingerprintWords + 6

    /// The cached contents, or nil when the cache is missing, stale or damaged.
    /// - Parameters:
    ///   - textCount: bytes in `gazetteer.tsv` (every row range must lie within).
    ///   - overrideCount: rows of `places.csv` (the table covers the bundled rows and these).
    static func load(_ url: URL, fingerprint: Fingerprint, textCount: Int, overrideCount: Int) -> Contents? {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        var header = [UInt64](repeating: 0, count: headerWords)
        guard header.withUnsafeMutableBytes({ readFully(descriptor, $0) }) else { return nil }
        guard header[0] == magic, header[1] == layout, Array(header[2..<(2 + fingerprintWords)]) == fingerprint.words else { return nil }
        let counts = header[(2 + fingerprintWords)...].map { Int(truncatingIfNeeded: $0) }
        let (rowCount, tableRowCount, shift, startCount, entryCount, keyByteCount) = (counts[0], counts[1], counts[2], counts[3], counts[4], counts[5])
        guard rowCount >= 0, tableRowCount == rowCount + overrideCount, (34...56).contains(shift),
              startCount == (1 << (64 - shift)) + 1, entryCount >= 0, entryCount < Int(Int32.max), keyByteCount >= 0, keyByteCount < 1 << 40
        else { return nil }
        let expectedSize = 8 * headerWords + padded(rowCount * MemoryLayout<TextRow>.stride) + padded(startCount * 4)
            + entryCount * MemoryLayout<KeyTable.Entry>.stride + padded(keyByteCount)
        guard Int(status.st_size) == expectedSize else { return nil }

        guard let rows: [TextRow] = readArray(descriptor, count: rowCount, valid: { validRows($0, textCount: textCount) }),
              let starts: [Int32] = readArray(descriptor, count: startCount, valid: { validStarts($0, entryCount: entryCount) }),
              let entries: [KeyTable.Entry] = readArray(descriptor, count: entryCount, valid: {
                  validEntries($0, shift: UInt64(shift), keyByteCount: keyByteCount, rowCount: tableRowCount)
              }),
              let keyBytes: [UInt8] = readArray(descriptor, count: keyByteCount, valid: { _ in true })
        else { return nil }
        let exact = KeyTable(shift: UInt64(shift), bucketStarts: starts, entries: entries, keyBytes: keyBytes)
        return Contents(rows: rows, exact: exact)
    }

    /// Writes the cache, best effort: a directory that cannot be written
    /// leaves no file, and the next load builds in memory again.
    /// - Parameter tableRowCount: rows the table covers (bundled rows, then overrides).
    static func store(_ contents: Contents, tableRowCount: Int, fingerprint: Fingerprint, to url: URL) {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(fileName).\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { return }
        var written = true
        contents.exact.withParts { shift, starts, entries, keyBytes in
            let header = [magic, layout] + fingerprint.words + [
                UInt64(contents.rows.count), UInt64(tableRowCount), shift,
                UInt64(starts.count), UInt64(entries.count), UInt64(keyBytes.count),
            ]
            written = header.withUnsafeBytes { writeFully(descriptor, $0) }
                && contents.rows.withUnsafeBytes { writeFully(descriptor, $0, padTo: 8) }
                && writeFully(descriptor, UnsafeRawBufferPointer(starts), padTo: 8)
                && writeFully(descriptor, UnsafeRawBufferPointer(entries), padTo: 8)
                && writeFully(descriptor, UnsafeRawBufferPointer(keyBytes), padTo: 8)
        }
        if close(descriptor) != 0 { written = false }
        if !written || rename(temporary.path, url.path) != 0 { unlink(temporary.path) }
    }

    // MARK: validation

    /// Every row's byte ranges lie within the text, and its kind is a kind.
    private static func validRows(_ raw: UnsafeRawBufferPointer, textCount: Int) -> Bool {
        let stride = MemoryLayout<TextRow>.stride
        let kindOffset = MemoryLayout<TextRow>.offset(of: \TextRow.kind)!
        let rangeOffsets = [\TextRow.names, \TextRow.source, \TextRow.admin1].map { MemoryLayout<TextRow>.offset(of: $0)! }
        let kindCount = PlaceKind.allCases.count
        for start in Swift.stride(from: 0, to: raw.count, by: stride) {
            guard Int(raw.load(fromByteOffset: start + kindOffset, as: UInt8.self)) < kindCount else { return false }
            for offset in rangeOffsets {
                let lower = raw.load(fromByteOffset: start + offset, as: Int.self)
                let upper = raw.load(fromByteOffset: start + offset + 8, as: Int.self)
                guard lower >= 0, lower <= upper, upper <= textCount else { return false }
            }
        }
        return true
    }

    /// Bucket starts rise from 0 to the entry count.
    private static func validStarts(_ raw: UnsafeRawBufferPointer, entryCount: Int) -> Bool {
        let starts = raw.bindMemory(to: Int32.self)
        guard starts.first == 0, starts.last.map(Int.init) == entryCount else { return false }
        for index in 1..<starts.count where starts[index] < starts[index - 1] { return false }
        return true
    }

    /// Every entry sits in its hash's bucket, its key within the key bytes, its row within the table.
    private static func validEntries(_ raw: UnsafeRawBufferPointer, shift: UInt64, keyByteCount: Int, rowCount: Int) -> Bool {
        let hashOffset = MemoryLayout<KeyTable.Entry>.offset(of: \KeyTable.Entry.hash)!
        let keyOffset = MemoryLayout<KeyTable.Entry>.offset(of: \KeyTable.Entry.key)!
        let rowOffset = MemoryLayout<KeyTable.Entry>.offset(of: \KeyTable.Entry.row)!
        var previousBucket: UInt64 = 0
        for start in stride(from: 0, to: raw.count, by: MemoryLayout<KeyTable.Entry>.stride) {
            let bucket = raw.load(fromByteOffset: start + hashOffset, as: UInt64.self) >> shift
            let key = raw.load(fromByteOffset: start + keyOffset, as: UInt64.self)
            let row = raw.load(fromByteOffset: start + rowOffset, as: Int32.self)
            guard bucket >= previousBucket, Int(key >> 24) + Int(key & 0xFF_FFFF) <= keyByteCount, row >= 0, Int(row) < rowCount
            else { return false }
            previousBucket = bucket
        }
        return true
    }

    // MARK: file access

    private static func padded(_ count: Int) -> Int { (count + 7) & ~7 }

    /// Reads `count` values of `T` (and the padding after them), or nil
    /// when the file ends early or `valid` rejects the raw bytes.
    private static func readArray<T>(_ descriptor: Int32, count: Int, valid: (UnsafeRawBufferPointer) -> Bool) -> [T]? {
        let byteCount = count * MemoryLayout<T>.stride
        var ok = true
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(start: buffer.baseAddress, count: byteCount)
            ok = readFully(descriptor, raw) && valid(UnsafeRawBufferPointer(raw))
            // Plain values: nothing to clean up when rejected.
            initialized = ok ? count : 0
        }
        guard ok else { return nil }
        var padding = [UInt8](repeating: 0, count: padded(byteCount) - byteCount)
        guard padding.withUnsafeMutableBytes({ readFully(descriptor, $0) }) else { return nil }
        return values
    }

    private static func readFully(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Bool {
        var done = 0
        while done < buffer.count {
            let got = read(descriptor, buffer.baseAddress! + done, buffer.count - done)
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            done += got
        }
        return true
    }

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
