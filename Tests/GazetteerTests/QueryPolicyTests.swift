import Foundation
import Gazetteer
import GeoModel
import Testing

/// No silent guess: codes only when typed as codes, no one- or two-letter
/// names, loose matches only when spelled close; every match below the
/// place's own name says how it was made. Against the whole bundled gazetteer.
@Suite struct QueryPolicyTests {
    let gazetteer: Gazetteer

    init() throws { gazetteer = try TestData.bundled.get() }

    /// Queries a tester found landing on real places (Teresina by its IATA
    /// code, Tripoli by the alias "Ea", Hamburg by "HH", Kahak by "khk").
    @Test(arguments: ["the", "aa", "hh", "qqq", "foo", "a", "bgw", "Ur"])
    func nonsenseFailsWithSuggestions(_ query: String) {
        do {
            let place = try gazetteer.resolve(query)
            Issue.record("'\(query)' resolved to \(place.name) (\(place.source))")
        } catch let GazetteerError.unknownPlace(name, suggestions) {
            #expect(name == query)
            #expect(!suggestions.isEmpty, "no suggestions for '\(query)'")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func codesResolveWhenTypedAsCodes() throws {
        let baghdadAirport = try gazetteer.match("BGW")
        #expect(baghdadAirport.match == .code)
        #expect(baghdadAirport.place.country == "IQ")
        let asad = try gazetteer.match("ORAA")
        #expect(asad.match == .code)
        #expect(asad.place.name == "Ain al-Asad Air Base")
        let balad = try gazetteer.match("code:orbd")
        #expect(balad.match == .code)
        // The sites layer's row cites airportsdata ORBD and stands for it.
        #expect(balad.place.name == "Balad Air Base")
        #expect(try gazetteer.match("code:IQ").place.kind == .country)
        #expect(try gazetteer.match("THE").place.name == "Teresina", "typed as a code, THE is Teresina's IATA code")
    }

    @Test func aCodePrefixNeverFallsBackToNames() {
        #expect(throws: GazetteerError.unknownPlace("code:Baghdad", suggestions: [])) {
            try gazetteer.resolve("code:Baghdad")
        }
    }

    @Test func capitalsTheQueryDoesNotSpellAreNoCode() throws {
        // Qom stores "QUM" beside "Kum": a spelling in capitals, not a code.
        let qum = try gazetteer.match("Qum")
        #expect(qum.place.name == "Qom")
        #expect(qum.match == .alias)
        // "HIT" typed in capitals is no code; the name still resolves.
        #expect(try gazetteer.resolve("HIT").country == "IQ")
        #expect(gazetteer.places(named: "HIT").contains { $0.country == "IQ" })
        #expect(gazetteer.places(named: "ORAA").map(\.name) == ["Ain al-Asad Air Base"])
        #expect(gazetteer.places(named: "oraa").isEmpty)
    }

    @Test func matchKindsSayHowTheQueryMetThePlace() throws {
        #expect(try gazetteer.match("Baghdad").match == .exact)
        #expect(try gazetteer.match("baghdad").match == .exact)
        #expect(try gazetteer.match("Hewler").match == .alias)
        #expect(try gazetteer.match("Heet").match == .loose)
        #expect(try gazetteer.match("Karbala, IQ").match == .qualified)
        #expect(try gazetteer.match("Hewler, IQ").match == .alias)
        #expect(try gazetteer.match("32.87,44.15").match == .coordinate)
    }

    @Test func belowExactMatchesCarryANotice() throws {
        #expect(try gazetteer.match("Baghdad").notice(for: "Baghdad") == nil)
        #expect(try gazetteer.match("32.87,44.15").notice(for: "32.87,44.15") == nil)
        #expect(try gazetteer.match("Hewler").notice(for: "Hewler") == "'Hewler' resolved to Erbil (city, IQ) by alias")
        let heet = try #require(try gazetteer.match("Heet").notice(for: "Heet"))
        #expect(heet.hasPrefix("'Heet' resolved to H") && heet.hasSuffix("(town, IQ) by loose match"))
        #expect(try gazetteer.match("ORAA").notice(for: "ORAA") == "'ORAA' resolved to Ain al-Asad Air Base (airbase, IQ) by code")
    }

    /// Transliterations that differ in a letter or two still meet; a loose
    /// key shared by chance with a far spelling does not count.
    @Test(arguments: [
        ("Bagdad", "Baghdad"), ("Jurf as Sakhr", "Jurf al-Sakhar"), ("Ayn al Asad", "Ain al-Asad Air Base"),
        ("Ar Riyad", "Riyadh"), ("Ghom", "Qom"), ("Nasiriyyah", "Nasiriyah"), ("Ein al Asad", "Ain al-Asad Air Base"),
    ])
    func transliterationsStillResolve(_ pair: (String, String)) throws {
        #expect(try gazetteer.resolve(pair.0).name == pair.1)
    }
}
