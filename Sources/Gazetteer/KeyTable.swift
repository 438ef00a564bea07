#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A static hash index from folded keys (byte strings) to the rows that
/// carry them, built at load time without one `String` per name.
///
/// Building appends `(hash, row, key bytes)` for every name, sequentially;
/// `KeyTable(building:)` then distributes the entries into buckets by the
/// top bits of the hash with one counting sort. A lookup hashes the key and
/// scans one bucket (a handful of entries), so it costs about two cache
/// misses; building costs no random probing, which is what makes loading a
/// million names take tens of milliseconds rather than hundreds.
///
/// The buffers are read-only once built and owned by `owner`, hence
/// `@unchecked Sendable`.
struct KeyTable: @unchecked Sendable {
    /// One name: its key's hash, where its key bytes are, and its row.
    struct Entry {
        var hash: UInt64
        /// Start of the key in the key bytes (upper 40 bits) and its length (lower 24).
        var key: UInt64
        var row: Int32

        @inline(__always) var keyStart: Int { Int(key >> 24) }
        @inline(__always) var keyLength: Int { Int(key & 0xFF_FFFF) }
    }

    /// Entries appended while loading.
    struct Builder {
        fileprivate var entries: [Entry] = []
        fileprivate var keyBytes: [UInt8] = []

        init(expectedEntries: Int) {
            entries.reserveCapacity(expectedEntries)
            keyBytes.reserveCapacity(expectedEntries * 12)
        }

        /// Adds `row` under `key` (an empty key is ignored).
        mutating func insert(_ key: UnsafeBufferPointer<UInt8>, row: Int32) {
            guard !key.isEmpty, key.count < 0xFF_FFFF else { return }
            entries.append(Entry(hash: KeyTable.hash(key), key: UInt64(keyBytes.count) << 24 | UInt64(key.count), row: row))
            keyBytes.append(contentsOf: key)
        }
    }

    /// Bucket of a hash: its top `64 - shift` bits.
    private let shift: UInt64
    /// `bucketStarts[b]..<bucketStarts[b + 1]` are bucket b's entries.
    private let bucketStarts: UnsafeBufferPointer<Int32>
    private let entries: UnsafeBufferPointer<Entry>
    private let keyBytes: UnsafeBufferPointer<UInt8>
    /// Rows the table covers: an entry naming a row at or past this is skipped.
    private let rowCount: Int
    /// The rows read in place from the index cache (the first rows of the
    /// table), when the table was read from it: an entry naming one of them
    /// that fails its checks is skipped.
    private let cachedRows: CachedRows?
    /// Keeps the memory of the three buffers alive: an `Allocation` for a
    /// built table, the `MappedFile` for one read from the cache.
    private let owner: AnyObject

    /// Memory a built table owns, freed with it.
    private final class Allocation {
        let bucketStarts: UnsafeMutableBufferPointer<Int32>
        let entries: UnsafeMutableBufferPointer<Entry>
        let keyBytes: UnsafeMutableBufferPointer<UInt8>

        init(bucketCount: Int, entryCount: Int, keyByteCount: Int) {
            bucketStarts = .allocate(capacity: bucketCount + 1)
            bucketStarts.initialize(repeating: 0)
            entries = .allocate(capacity: entryCount)
            keyBytes = .allocate(capacity: keyByteCount)
        }

        deinit {
            bucketStarts.deallocate()
            entries.deallocate()
            keyBytes.deallocate()
        }
    }

    /// Distributes the entries of `builders` (in order: a row's postings keep
    /// load order when earlier builders hold earlier rows) into buckets.
    ///
    /// Two stable counting-sort passes: first by the top 8 bits of the hash
    /// into 256 partitions (256 sequential write streams stay in cache), then
    /// each partition, small enough for the cache, by the bucket bits.
    /// - Parameter rowCount: rows the builders' entries may name.
    init(building builders: [Builder], rowCount: Int) {
        let count = builders.reduce(0) { $0 + $1.entries.count }
        var bits: UInt64 = 8
        while (1 << bits) < count / 4, bits < 30 { bits += 1 }
        let shift = 64 - bits
        let bucketCount = 1 << Int(bits)
        let partitionShift: UInt64 = 56
        let memory = Allocation(bucketCount: bucketCount, entryCount: count,
                                keyByteCount: builders.reduce(0) { $0 + $1.keyBytes.count })

        // Pass 1: into 256 partitions by the top 8 bits.
        var partitionStarts = [Int](repeating: 0, count: 257)
        for builder in builders {
            builder.entries.withUnsafeBufferPointer { source in
                for entry in source { partitionStarts[Int(entry.hash >> partitionShift) + 1] += 1 }
            }
        }
        for partition in 0..<256 { partitionStarts[partition + 1] += partitionStarts[partition] }
        var keyByteCount = 0
        let partitioned = [Entry](unsafeUninitializedCapacity: count) { target, initialized in
            var cursor = partitionStarts
            cursor.withUnsafeMutableBufferPointer { cursor in
                for builder in builders {
                    let offset = UInt64(keyByteCount) << 24
                    builder.keyBytes.withUnsafeBufferPointer { source in
                        _ = UnsafeMutableBufferPointer(rebasing: memory.keyBytes[keyByteCount...]).initialize(from: source)
                    }
                    keyByteCount += builder.keyBytes.count
                    builder.entries.withUnsafeBufferPointer { source in
                        for var entry in source {
                            let partition = Int(entry.hash >> partitionShift)
                            entry.key += offset
                            (target.baseAddress! + cursor[partition]).initialize(to: entry)
                            cursor[partition] += 1
                        }
                    }
                }
            }
            initialized = count
        }

        // Pass 2: each partition by the bucket bits.
        let starts = memory.bucketStarts, target = memory.entries
        partitioned.withUnsafeBufferPointer { source in
            for entry in source { starts[Int(entry.hash >> shift) + 1] += 1 }
            for bucket in 0..<bucketCount { starts[bucket + 1] += starts[bucket] }
            var cursor = [Int32](starts)
            cursor.withUnsafeMutableBufferPointer { cursor in
                for entry in source {
                    let bucket = Int(entry.hash >> shift)
                    (target.baseAddress! + Int(cursor[bucket])).initialize(to: entry)
                    cursor[bucket] += 1
                }
            }
        }
        self.shift = shift
        bucketStarts = UnsafeBufferPointer(memory.bucketStarts)
        entries = UnsafeBufferPointer(memory.entries)
        keyBytes = UnsafeBufferPointer(memory.keyBytes)
        self.rowCount = rowCount
        cachedRows = nil
        owner = memory
    }

    /// A table read in place from the index cache: the buffers lie in
    /// `file`'s mapping and are checked as they are read, never up front.
    /// - Parameters:
    ///   - shift: in 34...56 (at most 2^30 buckets).
    ///   - bucketStarts: `2^(64 - shift) + 1` values.
    ///   - rowCount: rows the table covers.
    ///   - cachedRows: the cached rows the first row numbers stand for.
    init(shift: UInt64, bucketStarts: UnsafeBufferPointer<Int32>, entries: UnsafeBufferPointer<Entry>,
         keyBytes: UnsafeBufferPointer<UInt8>, rowCount: Int, cachedRows: CachedRows, file: MappedFile) {
        precondition((34...56).contains(shift) && bucketStarts.count == (1 << (64 - shift)) + 1)
        self.shift = shift
        self.bucketStarts = bucketStarts
        self.entries = entries
        self.keyBytes = keyBytes
        self.rowCount = rowCount
        self.cachedRows = cachedRows
        owner = file
    }

    /// Calls `body` with the table's parts: the hash shift, bucket starts, entries and key bytes.
    func withParts<R>(_ body: (UInt64, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Entry>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        withExtendedLifetime(owner) { body(shift, bucketStarts, entries, keyBytes) }
    }

    /// The entry positions of bucket `bucket`; empty when the stored starts
    /// are out of order or out of range (a damaged cache).
    @inline(__always)
    private func positions(ofBucket bucket: Int) -> Range<Int> {
        let lower = Int(bucketStarts[bucket]), upper = Int(bucketStarts[bucket + 1])
        guard lower >= 0, lower <= upper, upper <= entries.count else { return 0..<0 }
        return lower..<upper
    }

    /// The key bytes of entry `position` (valid while the table is); empty
    /// when the entry's key lies outside the key bytes (a damaged cache).
    @inline(__always)
    func keyBytes(ofEntry position: Int) -> UnsafeBufferPointer<UInt8> {
        let entry = entries[position]
        let start = entry.keyStart, length = entry.keyLength
        guard start <= keyBytes.count - length, let base = keyBytes.baseAddress else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base + start, count: length)
    }

    /// Whether `row` can be listed: within the table, and intact when cached.
    @inline(__always)
    private func listable(_ row: Int32) -> Bool {
        guard row >= 0, Int(row) < rowCount else { return false }
        guard let cachedRows, Int(row) < cachedRows.count else { return true }
        return cachedRows[Int(row)] != nil
    }

    /// Entry positions of the first entry of each distinct key (within a
    /// bucket, the first entry of each hash stands for the key); a damaged
    /// cache's entries may be among them with an empty key.
    func distinctKeys() -> [Int32] {
        var distinct = [Int32]()
        distinct.reserveCapacity(entries.count)
        withExtendedLifetime(owner) {
                for bucket in 0..<(bucketStarts.count - 1) {
                    let positions = positions(ofBucket: bucket)
                    let lower = positions.lowerBound, upper = positions.upperBound
                    var position = lower
                    while position < upper {
                        var first = true
                        var earlier = lower
                        while earlier < position {
                            if entries[earlier].hash == entries[position].hash {
                                first = false
                                break
                            }
                            earlier += 1
                        }
                        if first { distinct.append(Int32(position)) }
                        position += 1
                    }
                }
        }
        return distinct
    }

    /// FNV-1a over the bytes, then a 64-bit finaliser so the top bits mix well.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }

    /// Rows listed under `key`, in load order (a row may repeat when several
    /// of its names share the key); empty when the key is unknown. Entries a
    /// damaged cache spoils (a key or row out of range, a cached row that
    /// fails its checks) are not listed.
    func rows(for key: UnsafeBufferPointer<UInt8>) -> [Int32] {
        guard !key.isEmpty else { return [] }
        let hash = Self.hash(key)
        var found = [Int32]()
        withExtendedLifetime(owner) {
            var checked = false
            for position in positions(ofBucket: Int(hash >> shift)) where entries[position].hash == hash {
                if !checked {
                    // The first entry of a hash stands for its key.
                    let stored = keyBytes(ofEntry: position)
                    guard stored.count == key.count, memcmp(stored.baseAddress!, key.baseAddress!, key.count) == 0 else { return }
                    checked = true
                }
                let row = entries[position].row
                if listable(row) { found.append(row) }
            }
        }
        return found
    }

    func rows(for key: [UInt8]) -> [Int32] {
        key.withUnsafeBufferPointer { rows(for: $0) }
    }

    /// The key bytes of entry `position` (empty when a damaged cache spoils it).
    func key(atEntry position: Int) -> [UInt8] {
        withExtendedLifetime(owner) { Array(keyBytes(ofEntry: position)) }
    }
}
