import Extraction
import Foundation
import Gazetteer
import Testing
import ThreatModel

/// The bundled catalog's lint: what every row must satisfy before it ships,
/// and the names `extract` must not take for a system without a weapon word.
@Suite struct CatalogLintTests {
    let catalog = TestData.catalog
    let folder = TestData.dataDirectory.appendingPathComponent("missiles")

    @Test func everyFileHasTheExactHeader() throws {
        let files = try MissileCatalogFile.files(in: folder)
        #expect(!files.isEmpty)
        for file in files {
            let firstLine = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", maxSplits: 1).first.map(String.init)
            #expect(firstLine == MissileCatalogFile.columns.joined(separator: ","), "\(file.lastPathComponent)")
        }
    }

    /// Aliases unique across systems and files; min < low ≤ nominal ≤ high;
    /// a source, operators and a nominal basis on every row; engagement radii
    /// only on air defence.
    @Test func catalogHasNoLintProblems() {
        let problems = catalog.lintProblems
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyClassIsKnownAndDrawn() {
        // The loader refuses an unknown class; every class a user can draw has a system.
        let present = Set(catalog.systems.map(\.category))
        for category in MissileSystem.Category.allCases where category != .range {
            #expect(present.contains(category), "no \(category.rawValue) in the catalog")
        }
        #expect(catalog.systems.count >= 100)
    }

    /// References are dated: a year in every source, unless it cites a CSIS
    /// Missile Threat page, a living reference that keeps its own revision dates.
    @Test func sourcesCarryADate() {
        let year = /\b(19|20)\d\d\b/
        for system in catalog.systems where !system.source.contains("missilethreat.csis.org") {
            #expect(system.source.contains(year), "\(system.name): source has no date")
        }
    }

    /// Aliases that are also places or English words are guarded: the same
    /// test `extract` applies (`SystemMatcher.weaponWordReason`) lists them.
    /// ("Qaim" meets Al-Qa'im only loosely; in text the place scanner takes
    /// "Al-Qaim" first, as ContextTests checks.)
    @Test func placeAndWordAliasesNeedAWeaponWord() {
        let guarded = catalog.guardedNames(gazetteer: TestData.gazetteer)
        let byName = Dictionary(guarded.map { (NameKey($0.name).folded, $0) }, uniquingKeysWith: { first, _ in first })
        for name in ["Dezful", "Jaffa", "Satan", "Dagger", "Onyx", "Triumph", "Magic Wand", "Stunner", "Khan", "Tor"] {
            #expect(byName[NameKey(name).folded] != nil, "\(name) is not guarded")
        }
        #expect(byName[NameKey("Dezful").folded]?.reason == "a gazetteer place")
        #expect(byName[NameKey("Magic Wand").folded]?.reason == "an English word")
        print("catalog names needing a weapon word: \(guarded.count)")
    }

    /// Every guarded single name is left alone in plain prose and found
    /// before a weapon word.
    @Test func guardedNamesAreFoundOnlyBeforeAWeaponWord() {
        let guarded = catalog.guardedNames(gazetteer: TestData.gazetteer).filter { guarded in
            // Short acronyms and honorific forms are covered by ContextTests.
            // The extractor reads English: names in Latin letters, hyphens and spaces.
            (guarded.reason == "a gazetteer place" || guarded.reason == "an English word")
                && guarded.name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == " " || $0 == "-" }
        }
        #expect(guarded.count >= 10)
        for entry in guarded {
            let word = entry.name.prefix(1).uppercased() + entry.name.dropFirst()
            let plain = TestData.extractor.extract(text: "Officials said the talks in the meeting about \(word) went on for hours.", source: "lint")
            #expect(!plain.systems.contains { $0.name == entry.system }, "\(entry.name) taken for \(entry.system) without a weapon word")
            let armed = TestData.extractor.extract(text: "Officials said \(word) missiles were fired at the base.", source: "lint")
            #expect(armed.systems.contains { $0.name == entry.system }, "\(entry.name) missiles not found as \(entry.system): \(armed.systems.map(\.name))")
        }
    }
}
