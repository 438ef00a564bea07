import Foundation
import Testing
import ThreatModel

/// A spelling an analyst meets, the catalog system it must find and that
/// system's nominal range.
struct Spelling: Sendable, CustomTestStringConvertible {
    var text: String
    var system: String
    var kilometres: Double
    init(_ text: String, _ system: String, _ kilometres: Double) {
        self.text = text
        self.system = system
        self.kilometres = kilometres
    }
    var testDescription: String { "\(text) -> \(system)" }
}

/// Spellings from the Middle East and Russia/Ukraine rows: case, hyphens,
/// spaces, designations, reporting names, and Arabic, Persian, Hebrew and
/// Cyrillic script.
@Suite struct MissileSpellingTests {
    let catalog: MissileCatalog

    init() throws {
        catalog = try MissileCatalog(contentsOf: TestData.missiles)
    }

    static let spellings: [Spelling] = [
        // Iran
        Spelling("Zolfaqar", "Zolfaghar", 700), Spelling("zulfiqar", "Zolfaghar", 700), Spelling("ذوالفقار", "Zolfaghar", 700),
        Spelling("FATEH 110", "Fateh-110", 300), Spelling("Fateh110", "Fateh-110", 300), Spelling("فاتح-110", "Fateh-110", 300),
        Spelling("Fath 360", "Fateh-360", 120), Spelling("Shehab-3", "Shahab-3", 1300), Spelling("شهاب ۳", "Shahab-3", 1300),
        Spelling("Sajjil", "Sejjil", 2000), Spelling("Qadr-1", "Ghadr", 1950), Spelling("Kheibar", "Khorramshahr", 2000),
        Spelling("Khaybar-Shekan", "Kheibar Shekan", 1450), Spelling("Haj Qassem", "Haj Qasem", 1400),
        Spelling("Fattah", "Fattah-1", 1400), Spelling("fattah 2", "Fattah-2", 1400), Spelling("Hoveizeh", "Hoveyzeh", 1350),
        Spelling("Paveh", "Paveh", 1650), Spelling("Khalij-e Fars", "Khalij Fars", 300), Spelling("Hormoz-2", "Hormuz-2", 300),
        Spelling("Bavar 373", "Bavar-373", 300), Spelling("15th Khordad", "Khordad-15", 120), Spelling("Kian-2", "Arash-2", 2000),
        Spelling("Shahed 136", "Shahed-136", 2000), Spelling("شاهد-136", "Shahed-136", 2000), Spelling("Qasem Basir", "Qassem Basir", 1200),
        // Houthis, Hezbollah, Hamas, Iraqi militias
        Spelling("Borkan-3", "Burkan-3", 1200), Spelling("Volcano 2H", "Burkan-2H", 900), Spelling("Toofan", "Toufan", 1950),
        Spelling("Falastin-2", "Palestine-2", 2150), Spelling("فلسطين-2", "Palestine-2", 2150), Spelling("Al-Quds 1", "Quds-1", 800),
        Spelling("Sammad-3", "Samad-3", 1500), Spelling("Jaffa", "Yafa", 2600), Spelling("Fadi 1", "Fadi-1", 80),
        Spelling("فادي 2", "Fadi-2", 105), Spelling("M-302", "Khaibar-1", 100), Spelling("Falaq 2", "Falaq-2", 11),
        Spelling("Tishreen", "M-600", 250), Spelling("M75", "M-75", 75), Spelling("Ayyash 250", "Ayyash-250", 250),
        Spelling("al-Arqab", "Al-Arqab", 800), Spelling("Arash 122 mm", "Arash", 40),
        // Israel
        Spelling("Jericho-2", "Jericho II", 1500), Spelling("Jericho 3", "Jericho III", 6500), Spelling("Lora", "LORA", 400),
        Spelling("Delilah-GL", "Delilah", 250), Spelling("Tamir", "Iron Dome", 70), Spelling("כיפת ברזל", "Iron Dome", 70),
        Spelling("Davids Sling", "David's Sling", 200), Spelling("Magic Wand", "David's Sling", 200), Spelling("Hetz 3", "Arrow 3", 2400),
        Spelling("arrow-2", "Arrow 2", 90),
        // Turkey, Saudi Arabia, Syria
        Spelling("Bora-1", "Bora", 280), Spelling("KHAN", "Bora", 280), Spelling("Tayfun", "Tayfun", 561),
        Spelling("J-600T Yıldırım", "Yildirim", 150), Spelling("TRG-300 Kaplan", "TRG-300", 120), Spelling("SOM-J", "SOM", 250),
        Spelling("CSS-2", "DF-3A", 3000), Spelling("Scud D", "Scud-D", 700), Spelling("SS-1c", "Scud-B", 300),
        // Russia
        Spelling("9K720", "Iskander-M", 500), Spelling("SS-26 Stone", "Iskander-M", 500), Spelling("Искандер-М", "Iskander-M", 500),
        Spelling("iskander m", "Iskander-M", 500), Spelling("9M728", "Iskander-K", 500), Spelling("SSC-8", "9M729", 2500),
        Spelling("3M-14", "Kalibr 3M-14", 1500), Spelling("Калибр", "Kalibr 3M-14", 1500), Spelling("Kalibr", "Kalibr 3M-14", 1500),
        Spelling("X-101", "Kh-101", 4500), Spelling("Х-101", "Kh-101", 4500), Spelling("kh101", "Kh-101", 4500),
        Spelling("Kh-555", "Kh-55", 2500), Spelling("Kh-47M2", "Kinzhal", 2000), Spelling("Кинжал", "Kinzhal", 2000),
        Spelling("Tsirkon", "Zircon", 1000), Spelling("3M22", "Zircon", 1000), Spelling("P-800", "Oniks", 300),
        Spelling("Yakhont", "Oniks", 300), Spelling("Tochka U", "Tochka-U", 120), Spelling("BM-30", "Smerch", 70),
        Spelling("9K515", "Tornado-S", 120), Spelling("BM-21", "Grad", 20), Spelling("Katyusha", "Grad", 20),
        Spelling("RS-28", "Sarmat", 18000), Spelling("Satan II", "Sarmat", 18000), Spelling("RS-24", "Yars", 10500),
        Spelling("SS-18", "Voevoda", 16000), Spelling("RSM-56", "Bulava", 8000), Spelling("R-29RMU2", "Sineva", 8300),
        Spelling("Avangard", "Avangard", 10000), Spelling("Орешник", "Oreshnik", 5500), Spelling("Geran-2", "Shahed-136", 2000),
        Spelling("Герань-2", "Shahed-136", 2000), Spelling("Geran 1", "Shahed-131", 900), Spelling("Lancet-3", "Lancet", 40),
        Spelling("SA-21 Growler", "S-400", 400), Spelling("С-400", "S-400", 400), Spelling("S-300", "S-300PMU-2", 195),
        Spelling("Prometey", "S-500", 600), Spelling("SA-22", "Pantsir-S1", 20), Spelling("Kh-32", "Kh-22", 600),
        Spelling("9M730", "Burevestnik", 14000), Spelling("SSC-X-9 Skyfall", "Burevestnik", 14000),
        // Ukraine
        Spelling("R-360", "Neptune", 280), Spelling("Нептун", "Neptune", 280), Spelling("Long Neptun", "Long Neptune", 1000),
        Spelling("Grim-2", "Hrim-2", 500), Spelling("Sapsan", "Hrim-2", 500), Spelling("Вільха", "Vilkha", 70),
        Spelling("Vilkha M", "Vilkha-M", 130), Spelling("Пекло", "Peklo", 700), Spelling("FP-5", "Flamingo", 3000),
        Spelling("Lyutyi", "Liutyi", 1000), Spelling("UJ22", "UJ-22", 800),
    ]

    @Test(arguments: MissileSpellingTests.spellings)
    func spellingFindsItsSystemAndRange(_ spelling: Spelling) throws {
        let system = try catalog.system(named: spelling.text)
        #expect(system.name == spelling.system)
        #expect(system.range == .kilometers(spelling.kilometres))
    }

    @Test func listCoversEveryRegionWithEnoughSpellings() {
        #expect(Self.spellings.count >= 80)
    }

    struct Unknown: Sendable, CustomTestStringConvertible {
        var text: String
        var expected: [String]
        var testDescription: String { text }
    }

    /// A near miss suggests the system; a family stem lists its members and picks none.
    @Test(arguments: [
        Unknown(text: "Iskandar-M", expected: ["Iskander-M"]), Unknown(text: "Kalibre", expected: ["Kalibr 3M-14"]),
        Unknown(text: "Zolfaqhar 2", expected: ["Zolfaghar"]), Unknown(text: "Sejil-3", expected: ["Sejjil"]),
        Unknown(text: "Palestine-3", expected: ["Palestine-2"]), Unknown(text: "Kinjall", expected: ["Kinzhal"]),
    ])
    func nearMissSuggests(_ unknown: Unknown) {
        let error = #expect(throws: ThreatModelError.self) { try catalog.system(named: unknown.text) }
        guard case let .unknownMissile(_, suggestions)? = error else { Issue.record("\(String(describing: error))"); return }
        for name in unknown.expected { #expect(suggestions.contains(name), "\(unknown.text): \(suggestions)") }
    }

    @Test(arguments: [
        ("Iskander", ["Iskander-M", "Iskander-K"]), ("Fateh", ["Fateh-110", "Fateh-313", "Fateh-360"]),
        ("Shahab", ["Shahab-1", "Shahab-2", "Shahab-3"]), ("Fadi", ["Fadi-1", "Fadi-2", "Fadi-4"]),
        ("Jericho", ["Jericho II", "Jericho III"]), ("Vilkha", []), ("Fattah", []), ("Arrow", ["Arrow 2", "Arrow 3"]),
        ("Shahed", ["Shahed-136", "Shahed-131", "Shahed-129"]), ("Geran", ["Shahed-136", "Shahed-131"]),
    ])
    func familyListsMembersAndPicksNone(_ stem: String, _ members: [String]) throws {
        guard !members.isEmpty else {
            // A name that is a system's own stays that system: Vilkha, Fattah (Fattah-1's alias).
            #expect(try catalog.system(named: stem).name.hasPrefix(stem))
            return
        }
        let error = #expect(throws: ThreatModelError.self) { try catalog.system(named: stem) }
        guard case let .missileFamily(name, found)? = error else { Issue.record("\(stem): \(String(describing: error))"); return }
        #expect(name == stem)
        #expect(Set(found) == Set(members), "\(stem): \(found)")
    }
}
