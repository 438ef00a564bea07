import Foundation
import Testing
import ThreatModel

/// Spellings of systems from the Asia-Pacific and US/Europe catalog files
/// (`Gazetteer/missiles/asia-pacific.csv`, `us-europe.csv`): every spelling
/// must find a system that also carries the expected name, with a nominal
/// range inside the band public references give.
@Suite
struct WorldCatalogSpellingTests {

    struct WorldSpelling: Sendable, CustomTestStringConvertible {
        var text: String
        /// A name the system must carry (its name or an alias).
        var name: String
        /// Band of nominal ranges (km) the references give.
        var kilometres: ClosedRange<Double>
        var testDescription: String { "\(text) -> \(name)" }
    }

    static let spellings: [WorldSpelling] = [
        // China
        WorldSpelling(text: "DF-21D", name: "DF-21D", kilometres: 1450...1800),
        WorldSpelling(text: "df21d", name: "DF-21D", kilometres: 1450...1800),
        WorldSpelling(text: "Dongfeng-21D", name: "DF-21D", kilometres: 1450...1800),
        WorldSpelling(text: "DF-26", name: "DF-26", kilometres: 3000...5000),
        WorldSpelling(text: "DF-17", name: "DF-17", kilometres: 1600...2500),
        WorldSpelling(text: "DF-41", name: "DF-41", kilometres: 12000...15000),
        // North Korea
        WorldSpelling(text: "Hwasong-15", name: "Hwasong-15", kilometres: 8500...13000),
        WorldSpelling(text: "hwasong 15", name: "Hwasong-15", kilometres: 8500...13000),
        WorldSpelling(text: "KN-23", name: "KN-23", kilometres: 450...900),
        WorldSpelling(text: "KN23", name: "KN-23", kilometres: 450...900),
        // India and Pakistan
        WorldSpelling(text: "Agni-V", name: "Agni-V", kilometres: 5000...8000),
        WorldSpelling(text: "agni v", name: "Agni-V", kilometres: 5000...8000),
        WorldSpelling(text: "BrahMos", name: "BrahMos", kilometres: 290...800),
        WorldSpelling(text: "Shaheen-III", name: "Shaheen-III", kilometres: 2750...2750),
        WorldSpelling(text: "Shaheen 3", name: "Shaheen-III", kilometres: 2750...2750),
        // United States, United Kingdom, France
        WorldSpelling(text: "Tomahawk", name: "Tomahawk", kilometres: 1250...2500),
        WorldSpelling(text: "BGM-109", name: "Tomahawk", kilometres: 1250...2500),
        WorldSpelling(text: "ATACMS", name: "ATACMS", kilometres: 165...300),
        WorldSpelling(text: "MGM-140", name: "ATACMS", kilometres: 165...300),
        WorldSpelling(text: "Storm Shadow", name: "Storm Shadow", kilometres: 250...560),
        WorldSpelling(text: "SCALP-EG", name: "Storm Shadow", kilometres: 250...560),
        WorldSpelling(text: "THAAD", name: "THAAD", kilometres: 150...200),
        WorldSpelling(text: "Minuteman III", name: "Minuteman III", kilometres: 9600...13000),
        WorldSpelling(text: "Trident II D5", name: "Trident II D5", kilometres: 7400...12000),
        // United States and Europe: air defence
        WorldSpelling(text: "SM-3 Block IIA", name: "SM-3", kilometres: 1200...2200),
        WorldSpelling(text: "RIM-161", name: "SM-3", kilometres: 1200...2200),
        WorldSpelling(text: "Standard Missile-6", name: "SM-6", kilometres: 370...500),
        WorldSpelling(text: "NASAMS", name: "NASAMS", kilometres: 25...40),
        WorldSpelling(text: "I-HAWK", name: "MIM-23 Hawk", kilometres: 25...40),
        WorldSpelling(text: "FIM-92", name: "Stinger", kilometres: 5...8),
    ]

    @Test(arguments: WorldCatalogSpellingTests.spellings)
    func worldSpellingFindsItsSystem(_ spelling: WorldSpelling) throws {
        let catalog = try MissileCatalog(contentsOf: TestData.missiles)
        let system = try catalog.system(named: spelling.text)
        #expect(system.names.map(MissileCatalog.matchKey).contains(MissileCatalog.matchKey(spelling.name)), "\(system.name)")
        #expect(spelling.kilometres.contains(system.range.kilometers), "\(system.name): \(system.range)")
    }

    /// Family stems of those regions pick no system: several members are
    /// listed as a family; a stem with one catalogued member ("DF-21" while
    /// only the DF-21D is listed) is unknown with that member suggested.
    @Test(arguments: [("Hwasong", "Hwasong-15"), ("Agni", "Agni-V"), ("DF-21", "DF-21D")])
    func worldFamilyPicksNone(_ stem: String, _ member: String) throws {
        let catalog = try MissileCatalog(contentsOf: TestData.missiles)
        let error = #expect(throws: ThreatModelError.self) { try catalog.system(named: stem) }
        switch error {
        case let .missileFamily(_, members)?: #expect(members.count >= 2 && members.contains(member), "\(members)")
        case let .unknownMissile(_, suggestions)?: #expect(suggestions.contains(member), "\(suggestions)")
        default: Issue.record("\(stem): \(String(describing: error))")
        }
    }
}
