import Extraction
import Foundation
import Gazetteer
import Testing
import ThreatModel

/// What a careful reader takes from one news excerpt (Fixtures/news/gold.json),
/// written before the extractor was run on it.
struct NewsGold: Decodable, Sendable, CustomTestStringConvertible {
    var file: String
    var sites: [String]
    var targets: [String]
    var systems: [String]
    /// System name -> stated range (km).
    var ranges: [String: Double]

    var testDescription: String { file }
}

/// The news corpus: excerpts of published articles, a development split and
/// a held-out one (Fixtures/news/heldout.txt).
enum NewsCorpus {
    static func gold() throws -> [NewsGold] {
        try JSONDecoder().decode([NewsGold].self, from: Data(contentsOf: TestData.fixture("news/gold.json")))
    }

    /// The first held-out split (heldout.txt).
    static func heldOut() throws -> Set<String> { try list("news/heldout.txt") }

    /// The second held-out split (heldout-fresh.txt): articles collected
    /// after the development fixes began, their gold written blind.
    static func freshHeldOut() throws -> Set<String> { try list("news/heldout-fresh.txt") }

    /// The third held-out split (heldout-third.txt): collected after the
    /// second round of fixes began, its gold written blind.
    static func thirdHeldOut() throws -> Set<String> { try list("news/heldout-third.txt") }

    private static func list(_ path: String) throws -> Set<String> {
        let text = try String(contentsOf: TestData.fixture(path), encoding: .utf8)
        return Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    static func development() throws -> [NewsGold] {
        let held = try heldOut().union(freshHeldOut()).union(thirdHeldOut())
        return try gold().filter { !held.contains($0.file) }
    }

    static func thirdHeldOutSplit() throws -> [NewsGold] {
        let held = try thirdHeldOut()
        return try gold().filter { held.contains($0.file) }
    }

    static func freshHeldOutSplit() throws -> [NewsGold] {
        let held = try freshHeldOut()
        return try gold().filter { held.contains($0.file) }
    }

    static func heldOutSplit() throws -> [NewsGold] {
        let held = try heldOut()
        return try gold().filter { held.contains($0.file) }
    }

    /// The article's text: what follows the `url:`/`title:`/`date:` header.
    static func text(_ file: String) throws -> String {
        let whole = try String(contentsOf: TestData.fixture("news/" + file), encoding: .utf8)
        guard let marker = whole.range(of: "\n---\n") else { return whole }
        return String(whole[marker.upperBound...])
    }

    static func extract(_ file: String) throws -> Extraction {
        TestData.extractor.extract(text: try text(file), source: file)
    }
}

/// Precision and recall of sites, targets and systems together, and the
/// fraction of items right per confidence bucket.
struct NewsScore: CustomStringConvertible {
    var truePositives = 0
    var found = 0
    var expected = 0
    var rangesRight = 0
    var rangesExpected = 0
    var lines: [String] = []
    /// Bucket lower bound (tenths) -> (right, all).
    var buckets: [Int: (right: Int, all: Int)] = [:]

    var precision: Double { found == 0 ? 1 : Double(truePositives) / Double(found) }
    var recall: Double { expected == 0 ? 1 : Double(truePositives) / Double(expected) }

    var description: String {
        String(format: "sites, targets and systems: precision %.3f (%d/%d), recall %.3f (%d/%d); stated ranges %d/%d",
               precision, truePositives, found, recall, truePositives, expected, rangesRight, rangesExpected)
    }

    /// Confidence buckets against the fraction of items right.
    var calibrationTable: String {
        var rows = ["| confidence | items | right | fraction right |", "| --- | --- | --- | --- |"]
        for tenth in buckets.keys.sorted() {
            let (right, all) = buckets[tenth]!
            let label = tenth >= 9 ? "0.90-1.00" : String(format: "%.2f-%.2f", Double(tenth) / 10, Double(tenth + 1) / 10)
            rows.append(String(format: "| %@ | %d | %d | %.2f |", label, all, right, Double(right) / Double(all)))
        }
        let high = buckets.filter { $0.key >= 8 }.values
        let highAll = high.map(\.all).reduce(0, +), highRight = high.map(\.right).reduce(0, +)
        rows.append(String(format: "| >= 0.80 | %d | %d | %.2f |", highAll, highRight, highAll == 0 ? 1 : Double(highRight) / Double(highAll)))
        return rows.joined(separator: "\n")
    }

    /// The fraction right of the items at `threshold` or above.
    func fractionRight(atOrAbove threshold: Int) -> Double {
        let high = buckets.filter { $0.key >= threshold }.values
        let all = high.map(\.all).reduce(0, +)
        return all == 0 ? 1 : Double(high.map(\.right).reduce(0, +)) / Double(all)
    }

    mutating func add(_ gold: NewsGold, _ extraction: Extraction) {
        var remaining = extraction.places
        var placed = [(item: ExtractedPlace, right: Bool)]()
        for (names, role) in [(gold.sites, PlaceRole.launchSite), (gold.targets, .target)] {
            for name in names {
                expected += 1
                if let index = remaining.firstIndex(where: { $0.role == role && Self.same(name, $0) }) {
                    truePositives += 1
                    placed.append((remaining.remove(at: index), true))
                } else {
                    lines.append("  missed \(role.rawValue) \(name)")
                }
            }
        }
        for item in remaining {
            placed.append((item, false))
            lines.append(String(format: "  extra  %@ %@ %.2f <- %@", item.role.rawValue, item.name, item.confidence, String(item.evidence.prefix(110))))
        }
        found += extraction.places.count
        for (item, right) in placed { count(item.confidence, right) }

        var systems = extraction.systems
        for name in gold.systems {
            expected += 1
            if let index = systems.firstIndex(where: { Self.same(system: name, $0) }) {
                truePositives += 1
                count(systems.remove(at: index).confidence, true)
            } else {
                lines.append("  missed system \(name)")
            }
        }
        found += extraction.systems.count
        for system in systems {
            count(system.confidence, false)
            lines.append(String(format: "  extra  system %@ %.2f <- %@", system.name, system.confidence, String(system.evidence.prefix(110))))
        }
        for (name, kilometres) in gold.ranges {
            rangesExpected += 1
            let found = extraction.systems.first { Self.same(system: name, $0) }?.statedRange?.range.kilometers
            if let found, abs(found - kilometres) < 0.5 { rangesRight += 1 } else {
                lines.append("  range  \(name) \(kilometres) km, found \(found.map { String($0) } ?? "none")")
            }
        }
    }

    private mutating func count(_ confidence: Double, _ right: Bool) {
        let tenth = min(9, Int((confidence * 10 + 1e-9).rounded(.down)))
        var bucket = buckets[tenth] ?? (0, 0)
        bucket.all += 1
        if right { bucket.right += 1 }
        buckets[tenth] = bucket
    }

    /// A gold place and an extracted one agree when their names fold alike, the
    /// gold name resolves to the extracted place, or (for "west of Hodeidah")
    /// the extracted relative place has that direction and anchor at any distance.
    static func same(_ gold: String, _ place: ExtractedPlace) -> Bool {
        let key = NameKey(gold).folded
        if key == NameKey(place.name).folded || key == NameKey(place.mention).folded { return true }
        // "South Lebanon" and "Southern Lebanon" are one region.
        let adjectives = ["north ": "northern ", "south ": "southern ", "east ": "eastern ", "west ": "western "]
        let regionKey = { (text: String) -> String in
            let folded = NameKey(text).folded
            for (short, long) in adjectives where folded.hasPrefix(short) { return long + folded.dropFirst(short.count) }
            return folded
        }
        if regionKey(gold) == regionKey(place.name) { return true }
        if let of = gold.range(of: " of ") {
            // "west of Hodeidah": the same anchor and bearing, any distance.
            guard case let .relative(anchor, bearing, _, _, _) = place.location,
                  let expectedBearing = Self.bearings[NameKey(String(gold[..<of.lowerBound])).folded],
                  let resolved = try? TestData.gazetteer.resolve(String(gold[of.upperBound...])) else { return false }
            return abs(bearing - expectedBearing) < 1 && abs(resolved.coordinate.latitude - anchor.coordinate.latitude) < 0.05
                && abs(resolved.coordinate.longitude - anchor.coordinate.longitude) < 0.05
        }
        guard let resolved = try? TestData.gazetteer.resolve(gold) else { return false }
        return abs(resolved.coordinate.latitude - place.coordinate.latitude) < 0.01
            && abs(resolved.coordinate.longitude - place.coordinate.longitude) < 0.01
    }

    static let bearings: [String: Double] = [
        "north": 0, "north east": 45, "east": 90, "south east": 135, "south": 180, "south west": 225, "west": 270, "north west": 315,
    ]

    /// A gold system and an extracted one agree by name, by the text's words,
    /// by a catalog alias, or as a family ("Patriot" for "Patriot PAC-2 GEM-T").
    static func same(system gold: String, _ system: ExtractedSystem) -> Bool {
        let key = NameKey(gold).folded
        let names = [system.name, system.mention] + (system.catalogSystem?.aliases ?? [])
        return names.contains { name in
            let folded = NameKey(name).folded
            return folded == key || folded.hasPrefix(key + " ") || folded.hasPrefix(key + "-")
        }
    }
}

@Suite struct NewsCorpusTests {
    static func score(_ articles: [NewsGold]) throws -> NewsScore {
        var score = NewsScore()
        for gold in articles {
            let extraction = try NewsCorpus.extract(gold.file)
            let before = score.lines.count
            score.add(gold, extraction)
            if score.lines.count > before { score.lines.insert(gold.file, at: before) }
        }
        return score
    }

    @Test func theSplitsAreWhatTheReadmeSays() throws {
        let all = try NewsCorpus.gold()
        #expect(Set(all.map(\.file)).count == all.count)
        #expect(try NewsCorpus.development().count >= 40)
        #expect(try NewsCorpus.heldOutSplit().count >= 15)
        #expect(try NewsCorpus.freshHeldOutSplit().count >= 15)
        #expect(try NewsCorpus.thirdHeldOutSplit().count >= 15)
        #expect(try NewsCorpus.heldOut().isDisjoint(with: NewsCorpus.freshHeldOut()))
        #expect(try NewsCorpus.heldOut().union(NewsCorpus.freshHeldOut()).isDisjoint(with: NewsCorpus.thirdHeldOut()))
        #expect(try NewsCorpus.heldOut().union(NewsCorpus.freshHeldOut()).union(NewsCorpus.thirdHeldOut()).isSubset(of: Set(all.map(\.file))))
    }

    /// The development split: the figures printed, the floor reached asserted.
    @Test func developmentSplit() throws {
        let score = try Self.report("development split", try NewsCorpus.development())
        // The floor reached (0.957 and 0.893), above the goal of 0.90 and 0.85: see the README.
        #expect(score.precision >= 0.94, "\(score)")
        #expect(score.recall >= 0.88, "\(score)")
        #expect(score.fractionRight(atOrAbove: 8) >= 0.9, "\(score.calibrationTable)")
    }

    /// Scores `articles` and prints the figures, the calibration table and every miss and extra.
    @discardableResult
    static func report(_ name: String, _ articles: [NewsGold]) throws -> NewsScore {
        let score = try score(articles)
        print("news corpus, \(name) (\(articles.count) articles): \(score)")
        print(score.calibrationTable)
        for line in score.lines { print(line) }
        return score
    }

    /// The held-out split, scored once at the end: `NEWS_HELDOUT=1`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["NEWS_HELDOUT"] != nil))
    func heldOutSplit() throws {
        try Self.report("held-out split", try NewsCorpus.heldOutSplit())
    }

    /// The fresh held-out split, scored once at the end: `NEWS_FRESH=1`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["NEWS_FRESH"] != nil))
    func freshHeldOutSplit() throws {
        try Self.report("fresh held-out split", try NewsCorpus.freshHeldOutSplit())
    }

    /// The third held-out split, scored once at the end: `NEWS_THIRD=1`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["NEWS_THIRD"] != nil))
    func thirdHeldOutSplit() throws {
        try Self.report("third held-out split", try NewsCorpus.thirdHeldOutSplit())
    }

    /// Every article extracts and writes a scenario that parses and resolves.
    @Test(arguments: try NewsCorpus.gold())
    func everyArticleWritesAValidScenario(_ gold: NewsGold) throws {
        let extraction = try NewsCorpus.extract(gold.file)
        for place in extraction.places { #expect(!place.evidence.isEmpty && (0...1).contains(place.confidence)) }
        try roundTrip(extraction)
    }
}
