@testable import Extraction
import Foundation
import Testing

/// Thousands of names in one sentence: found as in a short sentence, in
/// time that grows with the names rather than their square (the time is
/// not asserted; the per-token lookups that replaced scans are what these
/// tests hold to the short sentence's answers).
@Suite struct LongSentenceTests {
    static let names = ["Baghdad", "Basra", "Riyadh", "Kuwait City", "Erbil", "Tehran", "Damascus", "Amman", "Mosul", "Kirkuk"]

    /// "Missiles were fired at A and B and ..." over `count` names, in turn.
    static func list(_ count: Int, possessive: Bool = false) -> String {
        let items = (0..<count).map { index in
            let name = names[index % names.count]
            return possessive && index % 2 == 0 ? "\(name)'s Green Zone" : name
        }
        return "Missiles were fired at " + items.joined(separator: " and ") + "."
    }

    /// Role and name of each place (confidence is the best over the mentions, so it grows with repetition).
    static func summary(_ extraction: Extraction) -> [String] {
        extraction.places.map { "\($0.role)|\($0.name)" }.sorted()
    }

    @Test func twoThousandNamesGiveTheShortSentencesPlaces() {
        let short = TestData.extractor.extract(text: Self.list(Self.names.count), source: "short.txt")
        let long = TestData.extractor.extract(text: Self.list(2_000), source: "long.txt")
        #expect(!short.places.isEmpty)
        #expect(Self.summary(long) == Self.summary(short))
        // Each name met 200 times, merged into one place.
        #expect(long.places.allSatisfy { $0.mentions >= 200 }, "\(long.places.map { ($0.name, $0.mentions) })")
        // Evidence is the sentence shortened to 600 characters at a space, not the whole list.
        for place in long.places {
            #expect(place.evidence.count <= 603 && place.evidence.hasSuffix("..."), "\(place.evidence.count)")
        }
    }

    @Test func possessiveAnchorsInALongListDecideAsInAShortOne() {
        let short = TestData.extractor.extract(text: Self.list(Self.names.count, possessive: true), source: "short.txt")
        let long = TestData.extractor.extract(text: Self.list(1_000, possessive: true), source: "long.txt")
        #expect(Self.summary(long) == Self.summary(short))
    }

    @Test func shortenIsExactAroundTheLimit() {
        #expect(Extractor.shorten("abc def", to: 7) == "abc def")
        #expect(Extractor.shorten("abc def", to: 6) == "abc...")
        #expect(Extractor.shorten("abcdefgh", to: 3) == "abc...")
        #expect(Extractor.shorten("", to: 3) == "")
    }
}
