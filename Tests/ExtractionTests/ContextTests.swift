@testable import Extraction
import Foundation
import Gazetteer
import Testing

/// Names settled by the article itself, and names that are no places.
@Suite struct ContextTests {
    func extract(_ text: String) -> Extraction { TestData.extractor.extract(text: text, source: "test") }

    @Test func theArticlesCountryBeatsPopulation() throws {
        // Alone, "Tripoli" is Libya's capital; in a Lebanese story it is Lebanon's Tripoli.
        #expect(try TestData.gazetteer.resolve("Tripoli").country == "LY")
        let extraction = extract("""
            Hezbollah moved rockets to Tripoli, the Lebanese port, in March. Lebanese officials said the \
            rockets, deployed in Lebanon, could hit Haifa.
            """)
        let tripoli = try #require(extraction.sites.first { $0.name == "Tripoli" })
        guard case let .place(place, query) = tripoli.location else { Issue.record("not a place"); return }
        #expect(place.country == "LB")
        // The scenario must resolve to the same Tripoli.
        #expect(try TestData.gazetteer.resolve(query).country == "LB")
        try roundTrip(extraction)
    }

    @Test func systemAliasesInAnySpelling() {
        let extraction = extract("""
            The militia received Zolfaqar missiles, Fateh 110 rockets and a Zelzal-2 launcher, deployed to Al-Qaim \
            near the Syrian border, within range of Amman.
            """)
        #expect(Set(extraction.systems.map(\.name)) == ["Zolfaghar", "Fateh-110", "Zelzal-2"])
        // "Qaim" is also a catalog alias (Qiam-1): without a weapon word it is the town.
        #expect(extraction.sites.map(\.name) == ["Al Qā’im"] || extraction.sites.map(\.name) == ["Al-Qaim"])
        #expect(extraction.targets.map(\.name) == ["Amman"])
    }

    @Test func peopleOrganisationsAndDatelinesAreNotPlaces() {
        let extraction = extract("""
            DUBAI (Reuters) - Quds Force commander Qassem Soleimani met Kataib Hezbollah leaders in Baghdad, \
            where the group has stored Fateh-110 missiles. President Trump said Soleimani was plotting attacks. \
            The Revolutionary Guards fired missiles at Erbil.
            """)
        let names = Set(extraction.places.map(\.name))
        #expect(names == ["Baghdad", "Erbil"], "\(names)")
        #expect(!extraction.places.contains { $0.name == "Dubai" })
        #expect(extraction.sources.first?.hasPrefix("Reuters") == true)
        #expect(extraction.sites.map(\.name) == ["Baghdad"])
        #expect(extraction.targets.map(\.name) == ["Erbil"])
    }

    @Test func statedRangeOverridesTheCatalogWithTheTextAsSource() throws {
        let extraction = extract("Iran deployed the Fateh-110, which has a range of 250 km, to Jurf al-Sakhar, within range of Kuwait City.")
        let system = try #require(extraction.systems.first)
        #expect(system.statedRange?.range == .kilometers(250))
        let (yaml, resolved) = try roundTrip(extraction)
        #expect(yaml.contains("source: \"stated in the text: \\\"a range of 250 km\\\"\""))
        #expect(resolved?.systems.first?.range == .kilometers(250))
        #expect(resolved?.systems.first?.source == "stated in the text: \"a range of 250 km\"")
    }

    @Test func regionsAreAreasInTheScenario() throws {
        let extraction = extract("Iran-backed groups fired Fateh-110 missiles from southern Iraq and from Iraqi Kurdistan at Riyadh.")
        #expect(Set(extraction.sites.map(\.name)) == ["Southern Iraq", "Iraqi Kurdistan"])
        let (_, resolved) = try roundTrip(extraction)
        let areas = resolved?.sites.filter { if case .area = $0.extent { return true } else { return false } }
        #expect((areas?.count ?? 0) >= 2)
    }
}

@Suite struct ScenarioWriterTests {
    @Test func namesakeSitesGetDistinctNames() throws {
        let extraction = TestData.extractor.extract(text: """
            Hezbollah moved Fateh-110 missiles to Tripoli in northern Lebanon, and Libyan forces deployed rockets in \
            Tripoli, Libya. Both could hit Haifa.
            """, source: "t")
        let yaml = ScenarioWriter().yaml(extraction, stem: "t", input: "t")
        // "Tripoli in northern Lebanon" and "Tripoli, Libya" are two places.
        #expect(Set(extraction.sites.compactMap { site -> String? in
            if case let .place(place, _) = site.location { return place.country } else { return nil }
        }) == ["LB", "LY"], "\(yaml)")
        #expect(yaml.contains("name: \"Tripoli\"") && yaml.contains("name: \"Tripoli, LY\""), "\(yaml)")
        try roundTrip(extraction)
    }

    @Test func quotingSurvivesQuotesBackslashesAndControls() throws {
        let writer = ScenarioWriter()
        #expect(writer.quoted("a \"b\" \\ c\u{7}\nd") == "\"a \\\"b\\\" \\\\ c\\u0007 d\"")
        #expect(ScenarioWriter.stem(from: "Iran moves missiles to Iraq: a warning!") == "iran-moves-missiles-to-iraq-a-warning")
    }
}
