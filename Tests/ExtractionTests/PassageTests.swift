import Extraction
import Foundation
import Gazetteer
import GeoModel
import Testing
import ThreatModel

/// What a careful analyst extracts from one passage (Fixtures/expected.json),
/// written before the extractor was tuned.
struct ExpectedPassage: Decodable {
    var file: String
    /// [name, role] pairs.
    var places: [[String]]
    var systems: [String]
    /// System name -> stated range (km).
    var ranges: [String: Double]
    /// Names the gazetteer or catalog cannot resolve, which must be reported.
    var unresolved: [String]
}

/// Precision and recall of (place, role) pairs over a set of passages.
struct PlaceScore: CustomStringConvertible {
    var truePositives = 0
    var found = 0
    var expected = 0
    var misses: [String] = []
    var extras: [String] = []

    var precision: Double { found == 0 ? 1 : Double(truePositives) / Double(found) }
    var recall: Double { expected == 0 ? 1 : Double(truePositives) / Double(expected) }

    var description: String {
        String(format: "places: precision %.3f (%d/%d), recall %.3f (%d/%d)", precision, truePositives, found, recall, truePositives, expected)
    }

    /// Scores one passage: an extracted place matches an expected one with
    /// the same role when their names fold alike or name the same gazetteer place.
    mutating func add(expected: [[String]], extracted: [ExtractedPlace], file: String) {
        var remaining = extracted
        for pair in expected {
            let (name, role) = (pair[0], pair[1])
            self.expected += 1
            if let index = remaining.firstIndex(where: { $0.role.rawValue == role && Self.same(name, $0) }) {
                truePositives += 1
                remaining.remove(at: index)
            } else {
                misses.append("\(file): \(name) (\(role))")
            }
        }
        found += extracted.count
        extras += remaining.map { "\(file): \($0.name) (\($0.role.rawValue), \($0.confidence)) <- \($0.evidence.prefix(90))" }
    }

    static func same(_ expected: String, _ place: ExtractedPlace) -> Bool {
        if NameKey(expected).folded == NameKey(place.name).folded { return true }
        guard case let .place(found, _) = place.location, let resolved = try? TestData.gazetteer.resolve(expected) else { return false }
        return abs(resolved.coordinate.latitude - found.coordinate.latitude) < 0.01
            && abs(resolved.coordinate.longitude - found.coordinate.longitude) < 0.01
    }
}

@Suite struct PassageTests {
    static func expectations() throws -> [ExpectedPassage] {
        try JSONDecoder().decode([ExpectedPassage].self, from: Data(contentsOf: TestData.fixture("expected.json")))
    }

    @Test func placesAcrossAllPassagesHavePrecisionAndRecallOfAtLeastNinetyPercent() throws {
        let passages = try Self.expectations()
        #expect(passages.count >= 12)
        var score = PlaceScore()
        for passage in passages {
            let extraction = TestData.extractor.extract(data: try TestData.passage(passage.file), source: passage.file)
            score.add(expected: passage.places, extracted: extraction.places, file: passage.file)
        }
        print(score)
        for miss in score.misses { print("  missed \(miss)") }
        for extra in score.extras { print("  extra  \(extra)") }
        #expect(score.precision >= 0.9, "\(score)")
        #expect(score.recall >= 0.9, "\(score)")
    }

    @Test(arguments: try PassageTests.expectations())
    func passage(_ expected: ExpectedPassage) throws {
        let extraction = TestData.extractor.extract(data: try TestData.passage(expected.file), source: expected.file)
        // Systems: every expected one found (catalog name or the text's name).
        let names = extraction.systems.map { NameKey($0.name).folded }
        for system in expected.systems {
            #expect(names.contains(NameKey(system).folded), "\(expected.file): system \(system) not found in \(extraction.systems.map(\.name))")
        }
        for (system, kilometres) in expected.ranges {
            let found = extraction.systems.first { NameKey($0.name).folded == NameKey(system).folded }
            #expect(found?.statedRange?.range.kilometers == kilometres,
                    "\(expected.file): \(system) stated range \(String(describing: found?.statedRange?.range)) expected \(kilometres) km")
        }
        let unresolved = Set(extraction.unresolved.map { NameKey($0.text).folded })
        for name in expected.unresolved {
            #expect(unresolved.contains(NameKey(name).folded), "\(expected.file): '\(name)' not reported as unresolved: \(extraction.unresolved.map(\.text))")
        }
        // Every item carries its evidence and a confidence.
        for place in extraction.places {
            #expect(!place.evidence.isEmpty && (0...1).contains(place.confidence))
        }
        for system in extraction.systems {
            #expect(!system.evidence.isEmpty && (0...1).contains(system.confidence))
        }
        try roundTrip(extraction)
    }
}
