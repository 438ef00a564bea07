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
/// about 900,000 names again. The file is mapped, not read: its key table
/// is used in place.
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
        UInt64(2) | UInt64(MemoryLayout<TextRow>.stride) << 16 | UInt64(MemoryLayout<KeyTable.Entry>.stride) << 32
            | UInt64(MemoryLayout<TextRow>.offset(of: \TextRow.kind)!) << 48
    }

    private static let fingerprintWords = 6
    /// magic, layout, fingerprint, row count, table row count, shift, bucket starts, entries, key bytes.
    private static let headerWords = 2 + fingerprintWords + 6

    /// The cached contents, or nil when the cache is missing, stale or
    /// damaged. The rows are copied out; the key table stays in the mapped
    /// file, so a load touches only the pages its lookups need.
    /// - Parameters:
    ///   - textCount: bytes in `gazetteer.tsv` (every row range must lie within).
    ///   - overrideCount: rows of `places.csv` (the table covers the bundled rows and these).
    static func load(_ url: URL, fingerprint: Fingerprint, textCount: Int, overrideCount: Int) -> Contents? {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) >= 8 * headerWords else { return nil }
        let size = Int(status.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != UnsafeMutableRawPointer(bitPattern: -1) else {
            return nil
        }
        let file = Data(bytesNoCopy: address, count: size, deallocator: .unmap)
        return file.withUnsafeBytes { raw -> Contents? in
            let header = (0..<headerWords).map { raw.load(fromByteOffset: 8 * $0, as: UInt64.self) }
            guard header[0] == magic, header[1] == layout, Array(header[2..<(2 + fingerprintWords)]) == fingerprint.words else { return nil }
            let counts = header[(2 + fingerprintWords)...].map { Int(truncatingIfNeeded: $0) }
            let (rowCount, tableRowCount, shift, startCount, entryCount, keyByteCount) = (counts[0], counts[1], counts[2], counts[3], counts[4], counts[5])
            guard rowCount >= 0, rowCount < Int(Int32.max), tableRowCount == rowCount + overrideCount, (34...56).contains(shift),
                  startCount == (1 << (64 - shift)) + 1, entryCount >= 0, entryCount < Int(Int32.max), keyByteCount >= 0, keyByteCount < 1 << 40
            else { return nil }
            let rowsStart = 8 * headerWords
            let startsStart = rowsStart + padded(rowCount * MemoryLayout<TextRow>.stride)
            let entriesStart = startsStart + padded(startCount * 4)
            let keysStart = entriesStart + entryCount * MemoryLayout<KeyTable.Entry>.stride
            guard size == keysStart + padded(keyByteCount) else { return nil }
            func section(_ start: Int, _ byteCount: Int) -> UnsafeRawBufferPointer {
                UnsafeRawBufferPointer(rebasing: raw[start..<(start + byteCount)])
            }
            let rowBytes = section(rowsStart, rowCount * MemoryLayout<TextRow>.stride)
            guard validRows(rowBytes, textCount: textCount),
                  validStarts(section(startsStart, startCount * 4), entryCount: entryCount),
                  validEntries(section(entriesStart, entryCount * MemoryLayout<KeyTable.Entry>.stride),
                               shift: UInt64(shift), keyByteCount: keyByteCount, rowCount: tableRowCount)
            else { return nil }
            let rows = [TextRow](unsafeUninitializedCapacity: rowCount) { buffer, initialized in
                if let target = buffer.baseAddress { UnsafeMutableRawPointer(target).copyMemory(from: rowBytes.baseAddress!, byteCount: rowBytes.count) }
                initialized = rowCount
            }
            let base = UnsafeMutableRawPointer(mutating: raw.baseAddress!)
            (base + startsStart).bindMemory(to: Int32.self, capacity: startCount)
            (base + entriesStart).bindMemory(to: KeyTable.Entry.self, capacity: entryCount)
            let sections = KeyTable.MappedSections(
                bucketStarts: startsStart, bucketStartCount: startCount,
                entries: entriesStart, entryCount: entryCount,
                keyBytes: keysStart, keyByteCount: keyByteCount
            )
            return Contents(rows: rows, exact: KeyTable(shift: UInt64(shift), storage: .mapped(file, sections: sections)))
        }
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
        let count = raw.count / 4
        func start(_ index: Int) -> Int32 { raw.load(fromByteOffset: 4 * index, as: Int32.self) }
        guard count >= 2, start(0) == 0, Int(start(count - 1)) == entryCount else { return false }
        for index in 1..<count where start(index) < start(index - 1) { return false }
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
