import Foundation
import GeoModel

/// Keys grouped by length with a letter-presence signature each, so that
/// "did you mean" scans only keys that could be within the allowed edit
/// distance: keys whose length differs by more, or whose signatures differ in
/// more letters than the edits could explain, are skipped before any
/// distance is computed.
struct FuzzyIndex: Sendable {
    /// Entry positions (in the key table) of the distinct keys, sorted by key length (bytes).
    private let idsByLength: [Int32]
    /// `lengthStarts[n]` is the first position in `idsByLength` of a key of `n` bytes.
    private let lengthStarts: [Int]
    /// Letter signature of each key, in `idsByLength` order.
    private let signatures: [UInt64]
    /// Bigram signature of each key, in `idsByLength` order.
    private let bigrams: [UInt64]

    init(keys: KeyTable) {
        // Codes are never suggested: a name was asked for.
        let distinct = keys.distinctKeys().filter {
            let key = keys.keyBytes(ofEntry: Int($0))
            return !key.isEmpty && key[0] != QueryPolicy.codeKeyMarker
        }
        var maximum = 0
        for position in distinct { maximum = max(maximum, keys.keyBytes(ofEntry: Int(position)).count) }
        var counts = [Int](repeating: 0, count: maximum + 2)
        for position in distinct { counts[keys.keyBytes(ofEntry: Int(position)).count + 1] += 1 }
        for length in 1..<counts.count { counts[length] += counts[length - 1] }
        var next = counts
        var ids = [Int32](repeating: 0, count: distinct.count)
        var signatures = [UInt64](repeating: 0, count: distinct.count)
        var bigrams = [UInt64](repeating: 0, count: distinct.count)
        withExtendedLifetime(keys) {
            for position in distinct {
                let key = keys.keyBytes(ofEntry: Int(position))
                let slot = next[key.count]
                ids[slot] = position
                signatures[slot] = Self.signature(key)
                bigrams[slot] = Self.bigramSignature(key)
                next[key.count] += 1
            }
        }
        idsByLength = ids
        lengthStarts = counts
        self.signatures = signatures
        self.bigrams = bigrams
    }

    /// A 64-bit Bloom filter of the key's byte pairs. One edit destroys at
    /// most two pairs of a string, so after k edits at most 2k of the
    /// query's pairs are missing from the key (and the other way round):
    /// more missing bits than that rule a key out.
    static func bigramSignature(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard key.count >= 2 else { return 0 }
        var bits: UInt64 = 0
        for index in 1..<key.count {
            let pair = UInt32(key[index - 1]) << 8 | UInt32(key[index])
            bits |= 1 << UInt64((pair &* 0x9E37_79B1) >> 26)
        }
        return bits
    }

    /// One bit per letter or digit present (other bytes hashed onto the upper bits).
    static func signature(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var bits: UInt64 = 0
        for byte in key {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): bits |= 1 << UInt64(byte - UInt8(ascii: "a"))
            case UInt8(ascii: "0")...UInt8(ascii: "9"): bits |= 1 << UInt64(26 + byte - UInt8(ascii: "0"))
            case 0x20: continue
            default: bits |= 1 << UInt64(36 + byte % 28)
            }
        }
        return bits
    }

    /// Key entries within `limit` byte edits of `query`, with their distances.
    func near(_ query: [UInt8], limit: Int, keys: KeyTable) -> [(id: Int, distance: Int)] {
        guard !query.isEmpty else { return [] }
        let querySignature = query.withUnsafeBufferPointer { Self.signature($0) }
        let queryBigrams = query.withUnsafeBufferPointer { Self.bigramSignature($0) }
        let lowest = max(0, query.count - limit)
        let highest = min(lengthStarts.count - 2, query.count + limit)
        guard lowest <= highest else { return [] }
        let matcher = EditDistance.Matcher(pattern: query)
        let bound = 2 * limit
        let range = lengthStarts[lowest]..<lengthStarts[highest + 1]
        // Long scans use both cores, each on half of the keys.
        let parts = range.count > 50_000 ? 2 : 1
        let found = ConcurrentMap.map(count: parts) { part in
            let slice = (range.lowerBound + range.count * part / parts)..<(range.lowerBound + range.count * (part + 1) / parts)
            var local = [(id: Int, distance: Int)]()
            withExtendedLifetime(keys) {
                idsByLength.withUnsafeBufferPointer { ids in
                    signatures.withUnsafeBufferPointer { signatures in
                        bigrams.withUnsafeBufferPointer { bigrams in
                            for position in slice {
                                guard (signatures[position] ^ querySignature).nonzeroBitCount <= bound,
                                      (queryBigrams & ~bigrams[position]).nonzeroBitCount <= bound,
                                      (bigrams[position] & ~queryBigrams).nonzeroBitCount <= bound
                                else { continue }
                                let id = Int(ids[position])
                                let key = keys.keyBytes(ofEntry: id)
                                let distance = matcher.distance(to: key, limit: limit)
                                if distance <= limit { local.append((id, distance)) }
                            }
                        }
                    }
                }
            }
            return local
        }
        return found.flatMap { $0 }
    }
}

extension Gazetteer {
    /// Up to `limit` known names closest to `query` by edit distance on the
    /// folded key (at most 1 edit up to 4 letters, 2 up to 10, 3 beyond); on
    /// equal distance, names sharing a word with the query come first, then
    /// more prominent places.
    /// - Complexity: scans only keys of a near length whose letters could
    ///   match; about a millisecond on the bundled data.
    public func suggestions(for query: String, limit: Int = 3) -> [String] {
        let key = Folding.exactKey(query)
        guard !key.isEmpty, limit > 0 else { return [] }
        let characters = String(decoding: key, as: UTF8.self).count
        let allowed = characters <= 4 ? 1 : characters <= 10 ? 2 : 3
        // Arabic and Hebrew letters are two bytes: allow twice the byte edits,
        // then check the distance in characters.
        let byteLimit = key.count > characters ? allowed * 2 : allowed
        let queryWords = Set(key.split(separator: 0x20).map(Array.init))
        // Rank the matching keys on what the index holds; build places (for
        // their names) only for the few that make the list.
        var matches = [(key: [UInt8], row: Int32, distance: Int, sharesNoWord: Bool, score: Double)]()
        let index = fuzzy.value { FuzzyIndex(keys: exact) }
        for match in index.near(key, limit: byteLimit, keys: exact) {
            let keyBytes = exact.key(atEntry: match.id)
            var distance = match.distance
            if byteLimit != allowed {
                distance = EditDistance.between(String(decoding: key, as: UTF8.self), String(decoding: keyBytes, as: UTF8.self), limit: allowed)
                guard distance <= allowed else { continue }
            }
            guard let row = ranked(exact.rows(for: keyBytes)).first else { continue }
            let words = Set(keyBytes.split(separator: 0x20).map(Array.init))
            matches.append((keyBytes, row, distance, queryWords.isDisjoint(with: words), score(summary(ofRow: row))))
        }
        matches.sort { a, b in
            if a.distance != b.distance { return a.distance < b.distance }
            if a.sharesNoWord != b.sharesNoWord { return !a.sharesNoWord }
            if a.score != b.score { return a.score > b.score }
            return a.key.lexicographicallyPrecedes(b.key)
        }
        var names = [String]()
        for match in matches where names.count < limit {
            guard let name = try? place(ofRow: match.row).name, !names.contains(name) else { continue }
            names.append(name)
        }
        return names
    }
}

/// Levenshtein distance.
/// Levenshtein distance, the measure behind "did you mean" for places and
/// missile systems alike.
public enum EditDistance {
    /// Over any elements (characters, bytes), with an early exit above `limit`.
    public static func between<Element: Equatable>(_ a: [Element], _ b: [Element], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Over characters, with an early exit above `limit`.
    public static func between(_ a: String, _ b: String, limit: Int) -> Int {
        between(Array(a), Array(b), limit: limit)
    }

    /// Byte-level distance from one pattern to many texts: Myers' bit-vector
    /// algorithm (as formulated by Hyyrö) for patterns up to 64 bytes, a
    /// banded dynamic programme beyond.
    struct Matcher {
        let pattern: [UInt8]
        private var peq: [UInt64]

        init(pattern: [UInt8]) {
            self.pattern = pattern
            peq = [UInt64](repeating: 0, count: 256)
            if pattern.count <= 64 {
                for (index, byte) in pattern.enumerated() { peq[Int(byte)] |= 1 << UInt64(index) }
            }
        }

        /// The distance to `text`, or any value above `limit` once it must exceed it.
        func distance(to text: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
            let m = pattern.count
            if abs(m - text.count) > limit { return limit + 1 }
            guard m <= 64 else {
                return EditDistance.between(pattern, Array(text), limit: limit)
            }
            let highBit: UInt64 = 1 << UInt64(m - 1)
            var pv: UInt64 = m == 64 ? ~0 : (1 << UInt64(m)) - 1
            var mv: UInt64 = 0
            var score = m
            let n = text.count
            return peq.withUnsafeBufferPointer { peq in
            for (index, byte) in text.enumerated() {
                let eq = peq[Int(byte)]
                let xv = eq | mv
                let xh = (((eq & pv) &+ pv) ^ pv) | eq
                var ph = mv | ~(xh | pv)
                var mh = pv & xh
                if ph & highBit != 0 { score += 1 } else if mh & highBit != 0 { score -= 1 }
                ph = (ph << 1) | 1
                mh <<= 1
                pv = mh | ~(xv | ph)
                mv = ph & xv
                if score - (n - index - 1) > limit { return limit + 1 }
            }
            return score
            }
        }
    }
}
