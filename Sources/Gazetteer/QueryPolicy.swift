/// What a query must look like to resolve, so that nonsense never lands on
/// a real place without a word: codes only when typed as codes, no
/// one- or two-letter names, loose matches only when the spelling is close.
///
/// - Codes (IATA `BGW`, ICAO `ORAA`, country codes `IQ`, `USA`) are indexed
///   apart from names. A query reaches them only when typed as a code:
///   three capital letters (IATA), four capital letters (ICAO), or any code
///   after a `code:` prefix (`code:iq`, `code:00AK`).
/// - A name query needs at least `minimumLetters` letters or digits.
/// - Loose (transliteration) matching needs `minimumLooseLetters` letters
///   outside articles: three-letter words (`the`, `foo`) fold onto too many
///   names to mean one.
/// - A loose match counts only when the query and the
///   place's nearest name, both without articles and spaces, differ in at
///   most half their letters (`Heet`/`Hit`, `Ghom`/`Qom`, `Ar Riyad`/`Riyadh`
///   pass; `qqq`/`khk` does not).
enum QueryPolicy {
    /// The fewest letters (or digits) a name query may have.
    static let minimumLetters = 3
    /// The fewest letters (articles and spaces aside) a query needs for loose matching.
    static let minimumLooseLetters = 4
    /// The lowest similarity (1 - edit distance / longer length) a loose match may have.
    static let minimumLooseSimilarity = 0.5
    /// The prefix that marks a query as a code whatever its case.
    static let codePrefix = "code:"
    /// First byte of a code's key in the exact table: no folded name starts with it.
    static let codeKeyMarker: UInt8 = 0x01

    /// The code `query` is typed as, upper-cased, or nil when it is typed as a name.
    /// - Returns: `(code, forced)`: `forced` when the `code:` prefix was given
    ///   (then no name lookup follows a miss).
    static func code(in query: String) -> (code: String, forced: Bool)? {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        if trimmed.count > codePrefix.count, trimmed.lowercased().hasPrefix(codePrefix) {
            let code = trimmed.dropFirst(codePrefix.count).trimmingCharacters(in: .whitespaces).uppercased()
            return code.isEmpty ? nil : (code, true)
        }
        let bytes = Array(trimmed.utf8)
        guard bytes.count == 3 || bytes.count == 4,
              bytes.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
        else { return nil }
        return (trimmed, false)
    }

    /// Whether a stored name is a code (two to four capitals or digits, at
    /// least one capital): indexed under `codeKey`, never as a name.
    static func isCode(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard (2...4).contains(name.count) else { return false }
        var capitals = 0
        for byte in name {
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                capitals += 1
            } else if !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                return false
            }
        }
        return capitals > 0
    }

    static func isCode(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { isCode($0) }
    }

    /// The exact-table key of a code: the marker, then the code's bytes (upper case).
    static func codeKey(_ code: some StringProtocol) -> [UInt8] {
        [codeKeyMarker] + Array(code.uppercased().utf8)
    }

    /// Whether an exact key is a code's key (suggestions skip those).
    static func isCodeKey(_ key: some Collection<UInt8>) -> Bool {
        key.first == codeKeyMarker
    }

    /// Whether a folded key has enough letters or digits to be looked up as a name.
    static func isLongEnough(_ key: [UInt8]) -> Bool {
        String(decoding: key, as: UTF8.self).unicodeScalars.count(where: { $0 != " " }) >= minimumLetters
    }

    /// Whether `query` is long enough, articles and spaces aside, to be matched loosely.
    static func allowsLooseMatch(_ query: String) -> Bool {
        String(decoding: Folding.skeleton(Folding.exactKey(query)), as: UTF8.self).unicodeScalars.count >= minimumLooseLetters
    }

    /// How alike two names are once folded, articles and spaces dropped:
    /// 1 for the same letters, 0 for nothing in common.
    static func similarity(_ query: String, _ name: String) -> Double {
        let a = Array(String(decoding: Folding.skeleton(Folding.exactKey(query)), as: UTF8.self))
        let b = Array(String(decoding: Folding.skeleton(Folding.exactKey(name)), as: UTF8.self))
        let longer = max(a.count, b.count)
        guard longer > 0 else { return 0 }
        let distance = EditDistance.between(a, b, limit: longer)
        return 1 - Double(distance) / Double(longer)
    }
}
