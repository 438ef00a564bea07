/// The folded form of a place name used for lookup: case, diacritics,
/// apostrophes and ayn/hamza marks, Arabic/Persian letter variants
/// (ي/ى/ی, ك/ک, ة/ه, أ/إ/آ/ا, tatweel), hyphens and repeated spaces removed.
///
/// `"Karbalā'"`, `"KARBALA"` and `"karbala"` share one key; so do
/// `"Jurf al-Sakhar"` and `"jurf al sakhar"`, and `"كربلاء"` and `"کربلا"`.
/// `loosened` goes further (articles, transliteration pairs); see `Folding`.
public struct NameKey: Hashable, Sendable, CustomStringConvertible {
    public let folded: String

    public init(_ name: String) {
        folded = String(decoding: Folding.exactKey(name), as: UTF8.self)
    }

    /// The loose key: articles dropped (al-, as-, el-, ...), transliteration
    /// pairs folded (ou/u, ee/i, q/k/gh, Ain/Ayn/Ein, -iya/-iyah/-iyya,
    /// doubled letters inside a word), words joined. `"Al Basrah"` and `"Basra"` share one.
    public var loosened: String {
        var key = Array(folded.utf8)
        var out = [UInt8]()
        key.withUnsafeMutableBufferPointer { Folding.appendLooseKey(ofExactKey: UnsafeBufferPointer($0), to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { folded }
}
