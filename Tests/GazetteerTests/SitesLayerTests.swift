import Foundation
import Testing
import Gazetteer
import GeoModel

/// The strategic-sites layer (`Gazetteer/sites/*.csv`) and the matching
/// that comes with it: facility words, bare facility names beside towns,
/// transliteration pairs, a facility's own name across countries.
@Suite struct SitesLayerTests {
    let gazetteer: Gazetteer

    init() throws {
        gazetteer = try TestData.bundled.get()
    }

    @Test func aBareFacilityNamePicksTheFacilityAndSaysWhatElseItNames() throws {
        let natanz = try gazetteer.match("Natanz")
        #expect(natanz.place.kind == .nuclearFacility)
        #expect(natanz.alternative?.kind == .town)
        let notice = try #require(natanz.notice(for: "Natanz"))
        #expect(notice.contains("resolved to \(natanz.place.name) (nuclear_facility, IR)"))
        #expect(notice.contains("it also names"))
        #expect(try gazetteer.resolve("Plesetsk").kind == .spaceLaunchSite)
    }

    /// Fordow names the enrichment plant north-east of Qom, not the village
    /// of Fordū 42 km south of the city that answered before the layer had
    /// the plant; the village keeps its own spellings.
    @Test func fordowIsThePlantNotTheVillage() throws {
        let fordow = try gazetteer.match("Fordow")
        #expect(fordow.place.name == "Fordow Fuel Enrichment Plant")
        #expect(fordow.place.kind == .nuclearFacility)
        let notice = try #require(fordow.notice(for: "Fordow"))
        #expect(notice.contains("resolved to Fordow Fuel Enrichment Plant (nuclear_facility, IR)"))
        let plant = Coordinate(latitude: 34.88459, longitude: 50.99596)
        for query in ["Fordow", "Fordo", "Fordow Fuel Enrichment Plant", "FFEP", "Fordo nuclear facility"] {
            let place = try gazetteer.resolve(query)
            #expect(TestData.kilometresBetween(place.coordinate, plant) < 1, "\(query) -> \(place.name)")
        }
        let village = try gazetteer.resolve("Fordū")
        #expect(village.kind == .town)
        #expect(TestData.kilometresBetween(village.coordinate, plant) > 60)
        #expect(try gazetteer.resolve("Qom").kind == .city)
    }

    @Test func citiesAndCapitalsKeepTheirNames() throws {
        let baghdad = try gazetteer.match("Baghdad")
        #expect(baghdad.place.kind == .capital)
        #expect(baghdad.alternative == nil)
        #expect(baghdad.notice(for: "Baghdad") == nil)
        #expect(try gazetteer.resolve("Erbil").kind == .city)
    }

    @Test func facilityWordsAskForAKind() throws {
        #expect(try gazetteer.resolve("Natanz enrichment facility").kind == .nuclearFacility)
        #expect(try gazetteer.resolve("Al Dhafra AB").country == "AE")
        #expect(try gazetteer.resolve("Camp Arifjan").country == "KW")
        let frankfurt = try gazetteer.resolve("Frankfurt Airport")
        #expect(frankfurt.country == "DE", "not Frankfort Airport in South Africa")
    }

    @Test func anOtherNameElsewhereGivesWayToAFacilitysOwnName() throws {
        let kunsan = try gazetteer.resolve("Kunsan")
        #expect(kunsan.country == "KR", "Kunsan is not Kunshan, China")
        #expect(kunsan.kind == .airbase)
        // A town's own name elsewhere does not beat a city's spelling.
        #expect(try gazetteer.resolve("Ar Ramadi").country == "IQ")
    }

    @Test(arguments: [("Khmeimim", "SY"), ("King Khalid International Airport", "SA"), ("Gunsan Air Base", "KR")])
    func transliterationPairsMeetOnePlace(_ query: String, _ country: String) throws {
        #expect(try gazetteer.resolve(query).country == country)
    }

    @Test func aDatasetRecordCitedBySitesIsListedOnce() throws {
        let nearby = gazetteer.places(near: Coordinate(latitude: 25.2854, longitude: 51.5310), within: .kilometers(100),
                                      kinds: [.airbase], country: "QA", distance: { TestData.distance($0, $1) })
        let names = nearby.map(\.place.name)
        #expect(names.contains("Al Udeid Air Base"))
        #expect(Set(names).count == names.count, "\(names)")
        #expect(nearby.allSatisfy { $0.place.country == "QA" })
    }

    @Test func everySiteRowLoadsWithAKnownKindAndASource() throws {
        for url in SiteTable.files(in: TestData.dataDirectory) {
            let sites = try SiteTable.load(contentsOf: url)
            #expect(!sites.isEmpty)
            #expect(sites.allSatisfy { !$0.source.isEmpty && $0.kind != .coordinate })
        }
    }

    @Test func aBadKindIsRefusedWithItsLine() throws {
        let url = try TestData.temporaryFile("""
            name,kinds,country,latitude,longitude,aliases,source
            Test Base,airbase,IQ,33.1,44.2,,a reference
            Odd Site,volcano,IQ,33.1,44.2,,a reference
            """, name: "sites.csv")
        defer { TestData.remove(url) }
        #expect(throws: GazetteerError.self) { try SiteTable.load(contentsOf: url) }
        do { _ = try SiteTable.load(contentsOf: url) } catch {
            #expect(error.description.contains(":3: unknown kind 'volcano'"), "\(error)")
        }
    }
}
