import Foundation
import Testing
import Gazetteer
import GeoModel

/// Lookups against the bundled `Gazetteer/places.csv`.
@Suite struct GazetteerLookupTests {
    let gazetteer: Gazetteer

    init() throws {
        gazetteer = try Gazetteer(contentsOf: TestData.places)
    }

    struct Expected: Sendable, CustomTestStringConvertible {
        var name: String
        var countries: Set<String>
        /// Reference point from published coordinates, independent of the data file.
        var latitude: Double
        var longitude: Double
        var toleranceKilometres: Double = 30
        var testDescription: String { name }
    }

    static let knownPlaces: [Expected] = [
        Expected(name: "Baghdad", countries: ["IQ"], latitude: 33.315, longitude: 44.366),
        Expected(name: "Green Zone", countries: ["IQ"], latitude: 33.31, longitude: 44.39),
        Expected(name: "US Embassy Baghdad", countries: ["IQ"], latitude: 33.30, longitude: 44.396),
        Expected(name: "Jurf al-Sakhar", countries: ["IQ"], latitude: 32.87, longitude: 44.18),
        Expected(name: "al-Zafaraniya", countries: ["IQ"], latitude: 33.26, longitude: 44.49),
        Expected(name: "Karbala", countries: ["IQ"], latitude: 32.616, longitude: 44.024),
        Expected(name: "Fallujah", countries: ["IQ"], latitude: 33.35, longitude: 43.78),
        // A governorate some 500 km across: its representative point may sit
        // anywhere near the middle, so the reference is looser.
        Expected(name: "Anbar", countries: ["IQ"], latitude: 33.0, longitude: 42.0, toleranceKilometres: 100),
        Expected(name: "Ain al-Asad Air Base", countries: ["IQ"], latitude: 33.786, longitude: 42.441),
        Expected(name: "Erbil", countries: ["IQ"], latitude: 36.19, longitude: 44.01),
        Expected(name: "Taji", countries: ["IQ"], latitude: 33.53, longitude: 44.26),
        Expected(name: "Riyadh", countries: ["SA"], latitude: 24.71, longitude: 46.68),
        Expected(name: "Kuwait City", countries: ["KW"], latitude: 29.376, longitude: 47.977),
        Expected(name: "Tehran", countries: ["IR"], latitude: 35.689, longitude: 51.389),
        Expected(name: "Tel Aviv", countries: ["IL"], latitude: 32.085, longitude: 34.782),
        Expected(name: "Jerusalem", countries: ["IL", "PS"], latitude: 31.768, longitude: 35.214),
        Expected(name: "Haifa", countries: ["IL"], latitude: 32.794, longitude: 34.990),
        Expected(name: "Damascus", countries: ["SY"], latitude: 33.514, longitude: 36.277),
        Expected(name: "Beirut", countries: ["LB"], latitude: 33.894, longitude: 35.502),
        Expected(name: "Sanaa", countries: ["YE"], latitude: 15.369, longitude: 44.191),
        // The strait is shared by Iran and Oman.
        Expected(name: "Strait of Hormuz", countries: ["IR", "OM"], latitude: 26.57, longitude: 56.4),
    ]

    @Test(arguments: knownPlaces)
    func resolvesNamedPlace(_ expected: Expected) throws {
        let place = try gazetteer.resolve(expected.name)
        #expect(place.name == expected.name)
        #expect(expected.countries.contains(place.country), "country '\(place.country)'")
        #expect(!place.source.isEmpty)
        let gap = Self.kilometresBetween(place.coordinate, Coordinate(latitude: expected.latitude, longitude: expected.longitude))
        #expect(gap <= expected.toleranceKilometres, "\(place.name) is \(gap) km from the reference point")
    }

    struct Variant: Sendable, CustomTestStringConvertible {
        var query: String
        var name: String
        var testDescription: String { "\(query) -> \(name)" }
    }

    @Test(arguments: [
        Variant(query: "Karbalā'", name: "Karbala"),
        Variant(query: "KARBALA", name: "Karbala"),
        Variant(query: "karbala", name: "Karbala"),
        Variant(query: "Kerbala", name: "Karbala"),
        Variant(query: "Hewler", name: "Erbil"),
        Variant(query: "Arbil", name: "Erbil"),
        Variant(query: "erbil", name: "Erbil"),
        Variant(query: "ain al asad", name: "Ain al-Asad Air Base"),
        Variant(query: "ʿAyn al-Asad", name: "Ain al-Asad Air Base"),
        Variant(query: "Al Asad Air Base", name: "Ain al-Asad Air Base"),
        Variant(query: "Jurf al-Nasr", name: "Jurf al-Sakhar"),
        Variant(query: "jurf al sakhar", name: "Jurf al-Sakhar"),
        Variant(query: "Zafaraniya", name: "al-Zafaraniya"),
        Variant(query: "International Zone", name: "Green Zone"),
        Variant(query: "Tel Aviv-Yafo", name: "Tel Aviv"),
        Variant(query: "بغداد", name: "Baghdad"),
        Variant(query: "  Riyadh  ", name: "Riyadh"),
        Variant(query: "Erbil Airport", name: "Erbil Air Base"),
    ])
    func resolvesSpellingVariant(_ variant: Variant) throws {
        #expect(try gazetteer.resolve(variant.query).name == variant.name)
    }

    @Test func placesNamedListsMatchesInTableOrder() {
        #expect(gazetteer.places(named: "Arbil").map(\.name) == ["Erbil"])
        #expect(gazetteer.places(named: "Narnia").isEmpty)
    }

    @Test(arguments: ["32.87,44.15", "32.87N 44.15E", "-33.92, 18.42", "64.8,-179.7"])
    func coordinateLiteralsResolveToCoordinatePlaces(_ literal: String) throws {
        let place = try gazetteer.resolve(literal)
        #expect(place.kind == .coordinate)
        #expect(place.name == literal)
        #expect(place.country == "")
        #expect(place.aliases.isEmpty)
        #expect(!place.source.isEmpty)
        #expect(place.coordinate == (try Coordinate.parse(literal)))
    }

    @Test func coordinateLiteralValues() throws {
        #expect(try gazetteer.resolve("33.92S 18.42E").coordinate == Coordinate(latitude: -33.92, longitude: 18.42))
        // A longitude past ±180 is a typing error, not a wrapped value.
        #expect(throws: GazetteerError.self) { try gazetteer.resolve("10,190") }
    }

    @Test func misspelledNameSuggestsTheRightPlace() {
        let error = #expect(throws: GazetteerError.self) { try gazetteer.resolve("Baghdadd") }
        guard case let .unknownPlace(name, suggestions) = error else {
            Issue.record("expected unknownPlace, got \(String(describing: error))")
            return
        }
        #expect(name == "Baghdadd")
        #expect(suggestions.first == "Baghdad")
        #expect(error?.description.hasPrefix("unknown place 'Baghdadd'; did you mean 'Baghdad'") == true)
    }

    /// A doubled letter inside a word is a transliteration variant; at the
    /// end of one ("Baghdadd", above) it is taken for a typo.
    @Test func doubledLettersInsideAWordResolve() throws {
        #expect(try gazetteer.resolve("Fallujjah").name == "Fallujah")
        #expect(try gazetteer.resolve("Baghdaad").name == "Baghdad")
        #expect(try gazetteer.resolve("Karballa").name == "Karbala")
    }

    @Test(arguments: [("Karbla", "Karbala"), ("Riyad h", "Riyadh"), ("Tehrn", "Tehran"), ("Fallujha", "Fallujah")])
    func suggestionsForTypos(_ query: String, _ expected: String) {
        #expect(gazetteer.suggestions(for: query).contains(expected))
    }

    @Test func suggestionsAreLimited() {
        #expect(gazetteer.suggestions(for: "Baghdadd", limit: 1) == ["Baghdad"])
        #expect(gazetteer.suggestions(for: "a", limit: 3).count <= 3)
        #expect(gazetteer.suggestions(for: "").isEmpty)
    }

    @Test func unknownNameThrowsUnknownPlace() {
        let error = #expect(throws: GazetteerError.self) { try gazetteer.resolve("Narnia") }
        guard case let .unknownPlace(name, suggestions) = error else {
            Issue.record("expected unknownPlace, got \(String(describing: error))")
            return
        }
        #expect(name == "Narnia")
        #expect(!suggestions.contains("Baghdad"))
    }

    @Test func invalidCoordinateLiteralIsNotAPlaceName() {
        let error = #expect(throws: GazetteerError.self) { try gazetteer.resolve("95,44") }
        #expect(error == .invalidCoordinate("95,44", reason: "latitude 95 is outside [-90, 90] degrees"))
        #expect(error?.description == "invalid coordinate '95,44': latitude 95 is outside [-90, 90] degrees")
    }

    @Test func sameAxisTwiceIsAnInvalidCoordinate() {
        let error = #expect(throws: GazetteerError.self) { try gazetteer.resolve("32N 44N") }
        guard case let .invalidCoordinate(text, _) = error else {
            Issue.record("expected invalidCoordinate, got \(String(describing: error))")
            return
        }
        #expect(text == "32N 44N")
    }

    @Test func inMemoryGazetteer() throws {
        let site = Place(name: "Site A", aliases: ["Alpha"], coordinate: Coordinate(latitude: 1, longitude: 2), kind: .militarySite, country: "IQ", source: "test")
        let gazetteer = Gazetteer(places: [site])
        #expect(try gazetteer.resolve("alpha") == site)
        #expect(try gazetteer.resolve("SITE-A") == site)
        #expect(gazetteer.places == [site])
    }

    @Test func missingFileIsAFileError() {
        let url = TestData.repositoryRoot.appendingPathComponent("Gazetteer/no-such-file.csv")
        let error = #expect(throws: GazetteerError.self) { try Gazetteer(contentsOf: url) }
        guard case .file(.unreadable(let source, _)) = error else {
            Issue.record("expected file(unreadable), got \(String(describing: error))")
            return
        }
        #expect(source == url.path)
    }

    /// Great-circle distance on a sphere of the mean Earth radius; good to
    /// about 0.5 %, which is ample for checking a point against a 30 km bound.
    static func kilometresBetween(_ a: Coordinate, _ b: Coordinate) -> Double {
        let radians = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * radians
        let dLon = (b.longitude - a.longitude) * radians
        let h = sin(dLat / 2) * sin(dLat / 2)
            + cos(a.latitude * radians) * cos(b.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371.0088 * asin(min(1, h.squareRoot()))
    }

    /// `suggestions(for:)` documents that names sharing a word with the query
    /// win ties in edit distance.
    @Test func sharedWordWinsATie() {
        func place(_ name: String) -> Place {
            Place(name: name, coordinate: Coordinate(latitude: 0, longitude: 0), kind: .town, country: "", source: "test")
        }
        let gazetteer = Gazetteer(places: [place("Aoxka"), place("Mo Kxy")])
        // Both are two edits from "mo ka"; only "Mo Kxy" shares the word "mo".
        #expect(Set(gazetteer.suggestions(for: "Mo Ka")) == ["Aoxka", "Mo Kxy"])
        #expect(gazetteer.suggestions(for: "Mo Ka", limit: 1) == ["Mo Kxy"])
    }
}
