import Foundation

/// Byte-level name folding behind `NameKey`, fast enough to index a few
/// hundred thousand names at load time.
///
/// Two keys exist for every name:
/// - the *exact* key folds case, diacritics, apostrophes and ayn/hamza marks,
///   Arabic/Persian letter variants, and runs of spaces, hyphens and other
///   punctuation (one space between words);
/// - the *loose* key further drops articles (al-, as-, el-, ...) and folds
///   common transliteration pairs, so that "Al Basrah" and "Basra", "Ain"
///   and "Ayn", "Qom" and "Ghom" meet. See `appendLooseKey`.
enum Folding {
    /// What a folded scalar becomes.
    enum Fold: Equatable {
        /// Dropped without a trace (marks, apostrophes, tatweel).
        case drop
        /// Ends a word (spaces, hyphens, punctuation).
        case separator
        /// Replaced by these UTF-8 bytes (lowercased, folded letters or digits).
        case text([UInt8])
    }

    // MARK: exact keys

    /// Appends the exact key of the UTF-8 text `name` to `out`.
    /// - Complexity: O(n) in the bytes of `name`; a table lookup per non-ASCII scalar.
    static func appendExactKey(of name: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        ByteWriter.appending(to: &out, capacity: ByteWriter.exactCapacity(name.count)) { writer in
            appendExactKey(of: name, to: &writer, table: ScalarTable.shared)
        }
    }

    /// As `appendExactKey(of:to:)`, writing to a `ByteWriter` of at least
    /// `ByteWriter.exactCapacity(name.count)` bytes, with the scalar table
    /// passed in (hot loops fetch the shared table once).
    @inline(__always)
    static func appendExactKey(of name: UnsafeBufferPointer<UInt8>, to out: inout ByteWriter, table: ScalarTable) {
        let start = out.count
        var pendingSpace = false
        var index = 0
        let count = name.count
        while index < count {
            let byte = name[index]
            if byte < 0x80 {
                index += 1
                let mapped = asciiFold(byte)
                if mapped == 0 {
                    pendingSpace = true
                } else if mapped != 0xFF {
                    if pendingSpace, out.count > start { out.append(0x20) }
                    pendingSpace = false
                    out.append(mapped)
                }
                continue
            }
            let (value, length) = decodeScalar(name, at: index)
            index += length
            if let slot = table.slot(of: value) {
                switch table.kind(at: slot) {
                case 0: continue
                case 1: pendingSpace = true
                default:
                    if pendingSpace, out.count > start { out.append(0x20) }
                    pendingSpace = false
                    table.appendText(at: slot, to: &out)
                }
                continue
            }
            switch computeFold(value) {
            case .drop:
                continue
            case .separator:
                pendingSpace = true
            case let .text(bytes):
                if pendingSpace, out.count > start { out.append(0x20) }
                pendingSpace = false
                out.append(contentsOf: bytes)
            }
        }
    }

    /// The exact key of `name` as bytes.
    static func exactKey(_ name: String) -> [UInt8] {
        var name = name
        var out = [UInt8]()
        out.reserveCapacity(name.utf8.count)
        name.withUTF8 { appendExactKey(of: $0, to: &out) }
        return out
    }

    /// An ASCII byte folded: lowercase letters and digits map to themselves,
    /// apostrophe and backtick to 0xFF (dropped), everything else to 0 (separator).
    @inline(__always)
    private static func asciiFold(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
        case UInt8(ascii: "'"), UInt8(ascii: "`"): 0xFF
        default: 0
        }
    }

    /// Decodes the UTF-8 scalar at `index`; invalid bytes decode as U+FFFD, one byte long.
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        let remaining = bytes.count - index
        func continuation(_ offset: Int) -> UInt32? {
            guard offset < remaining else { return nil }
            let byte = bytes[index + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        if lead & 0xE0 == 0xC0, let b1 = continuation(1) {
            let value = UInt32(lead & 0x1F) << 6 | b1
            if value >= 0x80 { return (value, 2) }
        } else if lead & 0xF0 == 0xE0, let b1 = continuation(1), let b2 = continuation(2) {
            let value = UInt32(lead & 0x0F) << 12 | b1 << 6 | b2
            if value >= 0x800, !(0xD800...0xDFFF).contains(value) { return (value, 3) }
        } else if lead & 0xF8 == 0xF0, let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3) {
            let value = UInt32(lead & 0x07) << 18 | b1 << 12 | b2 << 6 | b3
            if (0x10000...0x10FFFF).contains(value) { return (value, 4) }
        }
        return (0xFFFD, 1)
    }

    /// How one scalar folds, computed from Unicode properties: canonical
    /// decomposition (accents become separate marks), non-spacing marks and
    /// the ayn/hamza/apostrophe marks dropped, letters and digits lowercased,
    /// then `letterVariants` applied. Used to fill `ScalarTable` and for
    /// scalars outside it.
    static func computeFold(_ value: UInt32) -> Fold {
        guard let scalar = Unicode.Scalar(value) else { return .separator }
        if droppedMarks.contains(scalar) || scalar.properties.generalCategory == .nonspacingMark { return .drop }
        if let variant = letterVariants[scalar] { return variant.isEmpty ? .drop : .text(Array(variant.utf8)) }
        var text = ""
        var sawLetter = false
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
            if droppedMarks.contains(part) || part.properties.generalCategory == .nonspacingMark { continue }
            guard part.properties.isAlphabetic || part.properties.numericType != nil else { return .separator }
            sawLetter = true
            for lower in String(part).lowercased().unicodeScalars {
                if let variant = letterVariants[lower] { text += variant } else { text.unicodeScalars.append(lower) }
            }
        }
        if !sawLetter { return .drop }
        return text.isEmpty ? .drop : .text(Array(text.utf8))
    }

    /// Apostrophes, ayn and hamza marks that transliterations add or omit.
    static let droppedMarks: Set<Unicode.Scalar> = [
        "'", "`", "\u{2018}", "\u{2019}", "\u{02BB}", "\u{02BC}", "\u{02BD}", "\u{02BE}", "\u{02BF}", "\u{00B4}",
    ]

    /// Letters folded onto one form: Latin letters without a canonical
    /// decomposition, and the Arabic/Persian/Kurdish variants of one letter
    /// (yeh, kaf, heh/teh marbuta, alef wasla); tatweel and lone hamza
    /// vanish; Arabic-Indic digits become ASCII digits. (Alef with hamza or
    /// madda, waw and yeh with hamza decompose canonically and lose the mark.)
    static let letterVariants: [Unicode.Scalar: String] = {
        var map: [Unicode.Scalar: String] = [
            "ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ß": "ss", "æ": "ae",
            "œ": "oe", "þ": "th", "ə": "e", "ǝ": "e",
            "\u{0629}": "\u{0647}",  // teh marbuta -> heh
            "\u{0649}": "\u{064A}",  // alef maksura -> yeh
            "\u{06CC}": "\u{064A}",  // Farsi yeh -> yeh
            "\u{06D0}": "\u{064A}",  // yeh with two dots below -> yeh
            "\u{06A9}": "\u{0643}",  // keheh (Persian kaf) -> kaf
            "\u{06AA}": "\u{0643}",  // swash kaf -> kaf
            "\u{06BE}": "\u{0647}",  // heh doachashmee -> heh
            "\u{06C1}": "\u{0647}",  // heh goal -> heh
            "\u{06C3}": "\u{0647}",  // teh marbuta goal -> heh
            "\u{06D5}": "\u{0647}",  // ae (Kurdish) -> heh
            "\u{0671}": "\u{0627}",  // alef wasla -> alef
            "\u{0640}": "",  // tatweel
            "\u{0621}": "",  // lone hamza
        ]
        for digit in 0..<10 {
            let ascii = String(digit)
            map[Unicode.Scalar(0x0660 + UInt32(digit))!] = ascii
            map[Unicode.Scalar(0x06F0 + UInt32(digit))!] = ascii
        }
        return map
    }()

    // MARK: loose keys

    /// Appends the loose key of an exact key: articles dropped, transliteration
    /// pairs folded, words joined without spaces.
    ///
    /// On each Latin word, in order: `gh`, `kh`, `q` -> `k`; `dh` -> `d`;
    /// `th` -> `t`; `ph` -> `f`; `dj` -> `j`; `ee` -> `i`; `ou` -> `u`;
    /// `v` -> `w`; `y` (not first) -> `i`; `e` -> `a`; `o` -> `u`; `aw`
    /// before a consonant -> `u`; doubled letters inside the word single; a
    /// final `h` after a vowel dropped. So Ain/Ayn/Ein -> `ain`, Hit/Heet -> `hit`,
    /// -iya/-iyah/-iyya -> `ia`, Basra/Basrah -> `basra`, Qom/Ghom -> `kum`,
    /// Ahvaz/Ahwaz -> `ahwaz`; then the `transliterationPairs`. An
    /// Arabic-script word loses a leading `ال`.
    /// An article (al, el, as, ad, ar, ash, az, at, an, ...) is dropped when
    /// another word follows it.
    static func appendLooseKey(ofExactKey key: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        ByteWriter.appending(to: &out, capacity: key.count) { writer in
            appendLooseKey(ofExactKey: key, to: &writer)
        }
    }

    /// As `appendLooseKey(ofExactKey:to:)`, writing to a `ByteWriter` of at
    /// least `key.count` bytes (a loose key is never longer than its exact key).
    static func appendLooseKey(ofExactKey key: UnsafeBufferPointer<UInt8>, to out: inout ByteWriter) {
        var wordStart = 0
        var index = 0
        let count = key.count
        while index <= count {
            guard index == count || key[index] == 0x20 else {
                index += 1
                continue
            }
            let word = wordStart..<index
            wordStart = index + 1
            index += 1
            guard !word.isEmpty else { continue }
            if word.upperBound < count, isArticle(key, word) { continue }
            if key[word.lowerBound] < 0x80 {
                let start = out.count
                appendLooseLatinWord(key, word, to: &out)
                foldTransliterationPair(from: start, in: &out)
            } else {
                var lower = word.lowerBound
                // Arabic definite article: U+0627 U+0644 (D8 A7 D9 84) before at least two letters.
                if word.count >= 8, key[lower] == 0xD8, key[lower + 1] == 0xA7, key[lower + 2] == 0xD9, key[lower + 3] == 0x84 {
                    lower += 4
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: key[lower..<word.upperBound]))
            }
        }
    }

    /// Loose words of the spellings analysts meet for one place that the
    /// letter rules above keep apart, each with the form it folds onto (never
    /// longer, so a loose key stays within its exact key's length):
    /// Khaled/Khalid, Hmeimim/Khmeimim/Hmeymim, Fordow/Fordo, Kunsan/Gunsan.
    static let transliterationPairs: [(variant: [UInt8], canonical: [UInt8])] = [
        ("kalad", "kalid"), ("kmaimim", "hmaimim"), ("furduw", "furdu"), ("gunsan", "kunsan"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// Rewrites the loose word written since `start` when it is a variant
    /// of `transliterationPairs`.
    @inline(__always)
    private static func foldTransliterationPair(from start: Int, in out: inout ByteWriter) {
        let length = out.count - start
        guard length >= 5, length <= 7 else { return }
        for pair in transliterationPairs where pair.variant.count == length {
            var same = true
            for offset in 0..<length where out.base[start + offset] != pair.variant[offset] {
                same = false
                break
            }
            guard same else { continue }
            out.count = start
            out.append(contentsOf: pair.canonical)
            return
        }
    }

    /// The loose key of `name` as bytes.
    static func looseKey(_ name: String) -> [UInt8] {
        let exact = exactKey(name)
        var out = [UInt8]()
        exact.withUnsafeBufferPointer { appendLooseKey(ofExactKey: $0, to: &out) }
        return out
    }

    /// An exact key without its articles (as the loose key drops them) and
    /// without spaces, its letters otherwise untouched: what loose matches
    /// are compared on (`QueryPolicy.similarity`).
    static func skeleton(_ key: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(key.count)
        key.withUnsafeBufferPointer { key in
            var wordStart = 0
            for index in 0...key.count where index == key.count || key[index] == 0x20 {
                let word = wordStart..<index
                wordStart = index + 1
                guard !word.isEmpty, !(word.upperBound < key.count && isArticle(key, word)) else { continue }
                out.append(contentsOf: key[word])
            }
        }
        return out
    }

    /// al, el, as, ad, ar, ash, az, at, an, ath, adh, ed, er, es, ez, et, en, esh, ul.
    private static func isArticle(_ key: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), u = UInt8(ascii: "u")
        let first = key[word.lowerBound]
        switch word.count {
        case 2:
            let second = key[word.lowerBound + 1]
            switch first {
            case a: return "lsdrztn".utf8.contains(second)
            case e: return "ldrsztn".utf8.contains(second)
            case u: return second == UInt8(ascii: "l")
            default: return false
            }
        case 3:
            let second = key[word.lowerBound + 1], third = key[word.lowerBound + 2]
            guard third == UInt8(ascii: "h") else { return false }
            return (first == a && (second == UInt8(ascii: "s") || second == UInt8(ascii: "t") || second == UInt8(ascii: "d")))
                || (first == e && second == UInt8(ascii: "s"))
        default:
            return false
        }
    }

    /// Per ASCII byte: the letter it folds to alone (q -> k, v -> w, y -> i,
    /// e -> a, o -> u, others unchanged), plus 0x100 when it may start a
    /// digraph (dh, dj, ee, gh, kh, ou, ph, th).
    private static let looseLetters: [UInt16] = (0..<256).map { value -> UInt16 in
        let byte = UInt8(value)
        var folded = byte
        switch byte {
        case UInt8(ascii: "q"): folded = UInt8(ascii: "k")
        case UInt8(ascii: "v"): folded = UInt8(ascii: "w")
        case UInt8(ascii: "y"): folded = UInt8(ascii: "i")
        case UInt8(ascii: "e"): folded = UInt8(ascii: "a")
        case UInt8(ascii: "o"): folded = UInt8(ascii: "u")
        default: break
        }
        let digraph = "degkopt".utf8.contains(byte)
        return UInt16(folded) | (digraph ? 0x100 : 0)
    }

    @inline(__always)
    private static func isVowel(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "a") || byte == UInt8(ascii: "i") || byte == UInt8(ascii: "u")
    }

    /// Folds one ASCII word into `out` in two passes over the bytes it appends.
    private static func appendLooseLatinWord(_ key: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, to out: inout ByteWriter) {
        let base = out.count
        var index = word.lowerBound
        let end = word.upperBound
        // First pass: letters through a table; only bytes that may start a
        // digraph (d, e, g, k, o, p, t) look at the next byte.
        looseLetters.withUnsafeBufferPointer { letters in
            while index < end {
                let byte = key[index]
                let entry = letters[Int(byte)]
                index += 1
                if entry & 0x100 != 0, index < end {
                    let next = key[index]
                    var pair: UInt8 = 0
                    switch (byte, next) {
                    case (UInt8(ascii: "g"), UInt8(ascii: "h")), (UInt8(ascii: "k"), UInt8(ascii: "h")): pair = UInt8(ascii: "k")
                    case (UInt8(ascii: "d"), UInt8(ascii: "h")): pair = UInt8(ascii: "d")
                    case (UInt8(ascii: "t"), UInt8(ascii: "h")): pair = UInt8(ascii: "t")
                    case (UInt8(ascii: "p"), UInt8(ascii: "h")): pair = UInt8(ascii: "f")
                    case (UInt8(ascii: "d"), UInt8(ascii: "j")): pair = UInt8(ascii: "j")
                    case (UInt8(ascii: "e"), UInt8(ascii: "e")): pair = UInt8(ascii: "i")
                    case (UInt8(ascii: "o"), UInt8(ascii: "u")): pair = UInt8(ascii: "u")
                    default: break
                    }
                    if pair != 0 {
                        out.append(pair)
                        index += 1
                        continue
                    }
                }
                if byte == UInt8(ascii: "y"), index - 1 == word.lowerBound {
                    out.append(byte)
                } else {
                    out.append(UInt8(truncatingIfNeeded: entry))
                }
            }
        }
        // Second pass, in place: "aw" before a consonant or at the end -> "u"
        // (Zawr/Zor, Hawler/Hewler), then doubled letters inside the word single.
        var read = base, write = base
        let stop = out.count
        while read < stop {
            var byte = out[read]
            read += 1
            if byte == UInt8(ascii: "a"), read < stop, out[read] == UInt8(ascii: "w"), read + 1 == stop || !isVowel(out[read + 1]) {
                byte = UInt8(ascii: "u")
                read += 1
            }
            // A doubled letter inside a word is one (Assad, Hillah, Jeddah);
            // at the end of a word it stays, as a typo more often than not.
            if write > base, out[write - 1] == byte, isLetter(byte), read < stop { continue }
            out[write] = byte
            write += 1
        }
        // A final "h" after a vowel goes (Basrah/Basra, -iyah/-iya).
        if write - base > 2, out[write - 1] == UInt8(ascii: "h"), isVowel(out[write - 2]) { write -= 1 }
        out.count = write
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }
}

/// Folds of the scalars names use most (Latin-1 to Arabic, Latin Extended
/// Additional, general punctuation), computed once on first use; other
/// scalars are folded on the fly.
final class ScalarTable: @unchecked Sendable {
    static let shared = ScalarTable()

    private static let ranges: [(lower: UInt32, upper: UInt32)] = [(0x80, 0x800), (0x1E00, 0x1F00), (0x2000, 0x2070), (0xFB50, 0xFF00)]
    // Written once in init, never freed or changed (the table lives as long
    // as the process); raw storage keeps the hot path free of reference counting.
    private let kinds: UnsafeMutablePointer<UInt8>
    private let starts: UnsafeMutablePointer<UInt32>
    private let bytes: UnsafeMutablePointer<UInt8>
    private let offsets: (Int, Int, Int, Int)

    private init() {
        var kinds = [UInt8](), starts = [UInt32](), bytes = [UInt8]()
        var offsets = [Int]()
        for range in Self.ranges {
            offsets.append(kinds.count)
            for value in range.lower..<range.upper {
                starts.append(UInt32(bytes.count))
                switch Folding.computeFold(value) {
                case .drop: kinds.append(0)
                case .separator: kinds.append(1)
                case let .text(text):
                    kinds.append(2)
                    bytes.append(contentsOf: text)
                }
            }
        }
        starts.append(UInt32(bytes.count))
        self.kinds = .allocate(capacity: kinds.count)
        self.kinds.initialize(from: kinds, count: kinds.count)
        self.starts = .allocate(capacity: starts.count)
        self.starts.initialize(from: starts, count: starts.count)
        self.bytes = .allocate(capacity: max(1, bytes.count))
        self.bytes.initialize(from: bytes, count: bytes.count)
        self.offsets = (offsets[0], offsets[1], offsets[2], offsets[3])
    }

    /// The table slot of `value`, or nil when it is folded on the fly.
    @inline(__always)
    func slot(of value: UInt32) -> Int? {
        if value < 0x800 { return offsets.0 + Int(value - 0x80) }
        if value >= 0x1E00, value < 0x1F00 { return offsets.1 + Int(value - 0x1E00) }
        if value >= 0x2000, value < 0x2070 { return offsets.2 + Int(value - 0x2000) }
        if value >= 0xFB50, value < 0xFF00 { return offsets.3 + Int(value - 0xFB50) }
        return nil
    }

    /// 0 drop, 1 separator, 2 text.
    @inline(__always)
    func kind(at slot: Int) -> UInt8 { kinds[slot] }

    @inline(__always)
    func appendText(at slot: Int, to out: inout ByteWriter) {
        let start = Int(starts[slot]), end = Int(starts[slot + 1])
        out.append(contentsOf: UnsafeBufferPointer(start: bytes + start, count: end - start))
    }
}

/// Appends bytes to caller-provided memory: the folds write through it so
/// that indexing a million names pays no array bookkeeping per byte.
struct ByteWriter {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    var count = 0

    init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    /// Room an exact key of a name of `bytes` bytes may need: a scalar folds
    /// to at most three times its UTF-8 length, plus word separators.
    static func exactCapacity(_ bytes: Int) -> Int { 4 * bytes + 16 }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        precondition(count < capacity, "folded key overflows its buffer")
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        precondition(count + bytes.count <= capacity, "folded key overflows its buffer")
        if let source = bytes.baseAddress { (base + count).update(from: source, count: bytes.count) }
        count += bytes.count
    }

    mutating func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    @inline(__always)
    subscript(index: Int) -> UInt8 {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    var last: UInt8? { count > 0 ? base[count - 1] : nil }

    /// Runs `body` on a writer over fresh memory of `capacity` bytes, then
    /// appends what it wrote to `array`.
    static func appending(to array: inout [UInt8], capacity: Int, _ body: (inout ByteWriter) -> Void) {
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { memory.deallocate() }
        var writer = ByteWriter(base: memory, capacity: capacity)
        body(&writer)
        array.append(contentsOf: UnsafeBufferPointer(start: memory, count: writer.count))
    }
}
