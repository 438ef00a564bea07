import Foundation

/// The folded form of a place name used for lookup: case, diacritics,
/// apostrophes and ayn/hamza marks, hyphens and repeated spaces removed.
///
/// `"Karbalā'"`, `"KARBALA"` and `"karbala"` share one key; so do
/// `"Jurf al-Sakhar"` and `"jurf al sakhar"`.
public struct NameKey: Hashable, Sendable, CustomStringConvertible {
    public let folded: String

    public init(_ name: String) {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        // NFD splits accented letters into a base letter and combining marks.
        for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars {
            if NameKey.droppedMarks.contains(scalar) || scalar.properties.generalCategory == .nonspacingMark {
                continue
            }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSpace, !scalars.isEmpty { scalars.append(" ") }
                pendingSpace = false
                scalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else {
                pendingSpace = true
            }
        }
        folded = String(scalars)
    }

    public var description: String { folded }

    /// Apostrophes, ayn and hamza marks that transliterations add or omit.
    private static let droppedMarks: Set<Unicode.Scalar> = [
        "'", "`", "\u{2018}", "\u{2019}", "\u{02BB}", "\u{02BC}", "\u{02BD}", "\u{02BE}", "\u{02BF}", "\u{00B4}",
    ]
}
