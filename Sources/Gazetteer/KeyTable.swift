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
struct KeyTable: Sendable {
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

    private let shift: UInt64
    /// `bucketStarts[b]..<bucketStarts[b + 1]` are bucket b's entries.
    private let bucketStarts: [Int32]
    private let entries: [Entry]
    private let keyBytes: [UInt8]

    /// Distributes the entries of `builders` (in order: a row's postings keep
    /// load order when earlier builders hold earlier rows) into buckets.
    ///
    /// Two stable counting-sort passes: first by the top 8 bits of the hash
    /// into 256 partitions (256 sequential write streams stay in cache), then
    /// each partition, small enough for the cache, by the bucket bits.
    init(building builders: [Builder]) {
        let count = builders.reduce(0) { $0 + $1.entries.count }
        var bits: UInt64 = 8
        while (1 << bits) < count / 4, bits < 30 { bits += 1 }
        let shift = 64 - bits
        let bucketCount = 1 << Int(bits)
        let partitionShift: UInt64 = 56
        var keyBytes = [UInt8]()
        keyBytes.reserveCapacity(builders.reduce(0) { $0 + $1.keyBytes.count })

        // Pass 1: into 256 partitions by the top 8 bits.
        var partitionStarts = [Int](repeating: 0, count: 257)
        for builder in builders {
            builder.entries.withUnsafeBufferPointer { source in
                for entry in source { partitionStarts[Int(entry.hash >> partitionShift) + 1] += 1 }
            }
        }
        for partition in 0..<256 { partitionStarts[partition + 1] += partitionStarts[partition] }
        let partitioned = [Entry](unsafeUninitializedCapacity: count) { target, initialized in
            var cursor = partitionStarts
            cursor.withUnsafeMutableBufferPointer { cursor in
                for builder in builders {
                    let offset = UInt64(keyBytes.count) << 24
                    keyBytes.append(contentsOf: builder.keyBytes)
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
        var starts = [Int32](repeating: 0, count: bucketCount + 1)
        let entries = [Entry](unsafeUninitializedCapacity: count) { target, initialized in
            partitioned.withUnsafeBufferPointer { source in
                starts.withUnsafeMutableBufferPointer { starts in
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
            }
            initialized = count
        }
        self.shift = shift
        self.bucketStarts = starts
        self.entries = entries
        self.keyBytes = keyBytes
    }

    /// A table from parts `withParts` handed out (see `IndexCache`).
    init(shift: UInt64, bucketStarts: [Int32], entries: [Entry], keyBytes: [UInt8]) {
        self.shift = shift
        self.bucketStarts = bucketStarts
        self.entries = entries
        self.keyBytes = keyBytes
    }

    /// Calls `body` with the table's parts: the hash shift, bucket starts, entries and key bytes.
    func withParts<R>(_ body: (UInt64, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Entry>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        bucketStarts.withUnsafeBufferPointer { starts in
            withStorage { entries, keyBytes in body(shift, starts, entries, keyBytes) }
        }
    }

    /// Entry positions of the first entry of each distinct key (within a
    /// bucket, the first entry of each hash stands for the key).
    func distinctKeys() -> [Int32] {
        var distinct = [Int32]()
        distinct.reserveCapacity(entries.count)
        entries.withUnsafeBufferPointer { entries in
            bucketStarts.withUnsafeBufferPointer { starts in
                for bucket in 0..<(starts.count - 1) {
                    let lower = Int(starts[bucket]), upper = Int(starts[bucket + 1])
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
    /// of its names share the key); empty when the key is unknown.
    func rows(for key: UnsafeBufferPointer<UInt8>) -> [Int32] {
        guard !key.isEmpty else { return [] }
        let hash = Self.hash(key)
        let bucket = Int(hash >> shift)
        var found = [Int32]()
        for position in Int(bucketStarts[bucket])..<Int(bucketStarts[bucket + 1]) where entries[position].hash == hash {
            if found.isEmpty, !equals(entries[position], key) { return [] }
            found.append(entries[position].row)
        }
        return found
    }

    func rows(for key: [UInt8]) -> [Int32] {
        key.withUnsafeBufferPointer { rows(for: $0) }
    }

    /// The key bytes of entry `position`.
    func key(atEntry position: Int) -> ArraySlice<UInt8> {
        let entry = entries[position]
        return keyBytes[entry.keyStart..<(entry.keyStart + entry.keyLength)]
    }

    /// Calls `body` with the entries and the key bytes.
    func withStorage<R>(_ body: (UnsafeBufferPointer<Entry>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        entries.withUnsafeBufferPointer { entries in
            keyBytes.withUnsafeBufferPointer { bytes in body(entries, bytes) }
        }
    }

    private func equals(_ entry: Entry, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard entry.keyLength == key.count else { return false }
        return keyBytes.withUnsafeBufferPointer { stored in
            memcmp(stored.baseAddress! + entry.keyStart, key.baseAddress!, key.count) == 0
        }
    }
}
