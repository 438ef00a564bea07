import Foundation
import Testing
import Gazetteer
import GeoModel

/// The whole bundled gazetteer: overrides, areas, ranking, qualifiers,
/// candidates, suggestions, places around a point.
@Suite struct BundledGazetteerTests {
    let gazetteer: Gazetteer

    init() throws {
        gazetteer = try TestData.bundled.get()
    }

    @Test func holdsTheDatasets() {
        // GeoNames cities500 (~235,000), airports (~28,000), outlines (~4,800), overrides.
        #expect(gazetteer.count > 250_000)
        #expect(gazetteer.warnings.isEmpty)
    }

    /// Every name and alias of every hand-checked row resolves to that row,
    /// exactly as the row gives it (point, kind, country, source).
    @Test func overridesWinOverDatasetRowsOfTheSameName() throws {
        for expected in try PlaceTable.load(contentsOf: TestData.places) {
            for name in [expected.name] + expected.aliases {
                // A code (`ORAA`, `IZ`) resolves when typed as one.
                let isCode = name.count <= 4 && name.allSatisfy { $0.isUppercase || $0.isNumber }
                let place = try gazetteer.resolve(isCode ? "code:" + name : name)
                #expect(place.name == expected.name, "\(name) -> \(place.name) (\(place.source))")
                #expect(place.coordinate == expected.coordinate, "\(name)")
                #expect(place.kind == expected.kind, "\(name)")
                #expect(place.source == expected.source, "\(name)")
            }
        }
    }

    /// A dataset row an override cites is the override: its other names
    /// lead there too, and it is listed once.
    @Test func citedDatasetRowsLeadToTheOverride() throws {
        // Not in places.csv's aliases of Baghdad, but in GeoNames 98182's.
        let place = try gazetteer.resolve("Bagdatum")
        #expect(place.name == "Baghdad")
        #expect(place.source == "GeoNames 98182 (cities15000)")
        #expect(place.population == 7_216_000, "the override inherits the cited row's population")
        #expect(gazetteer.places(named: "Baghdad").filter { $0.kind == .capital }.count == 1)
        // airportsdata ORTI is cited by the Taji override.
        #expect(try gazetteer.resolve("ORTI").name == "Taji")
    }

    struct AreaCase: Sendable, CustomTestStringConvertible {
        var query: String
        var name: String
        var kind: PlaceKind
        var testDescription: String { query }
    }

    @Test(arguments: [
        AreaCase(query: "Anbar", name: "Anbar", kind: .governorate),
        AreaCase(query: "Al Anbar Governorate", name: "Anbar", kind: .governorate),
        AreaCase(query: "Basra Governorate", name: "Al-Basrah", kind: .governorate),
        AreaCase(query: "Najaf Governorate", name: "An-Najaf", kind: .governorate),
        AreaCase(query: "Iraq", name: "Iraq", kind: .country),
        AreaCase(query: "العراق", name: "Iraq", kind: .country),
        AreaCase(query: "Syria", name: "Syria", kind: .country),
        AreaCase(query: "Iran", name: "Iran", kind: .country),
        AreaCase(query: "Kuwait", name: "Kuwait", kind: .country),
        AreaCase(query: "Khuzestan", name: "Khuzestan", kind: .province),
    ])
    func areasResolveWithTheirOutline(_ area: AreaCase) throws {
        let place = try gazetteer.resolve(area.query)
        #expect(place.name == area.name)
        #expect(place.kind == area.kind)
        let outline = try #require(place.area, "\(area.query) has no outline")
        #expect(!outline.polygons.isEmpty)
        for polygon in outline.polygons {
            #expect(polygon.exterior.count >= 4)
            #expect(polygon.exterior.first == polygon.exterior.last)
            for vertex in polygon.exterior + polygon.holes.flatMap({ $0 }) {
                #expect((-180...180).contains(vertex.longitude) && (-90...90).contains(vertex.latitude))
            }
        }
        #expect(Self.contains(outline, place.coordinate), "the point of \(area.query) is not inside its outline")
    }

    @Test func anbarKeepsItsHandCheckedPointAndGainsTheNaturalEarthOutline() throws {
        let anbar = try gazetteer.resolve("Anbar")
        #expect(anbar.coordinate == Coordinate(latitude: 32.96803, longitude: 41.62135))
        let outline = try #require(anbar.area)
        #expect(Self.contains(outline, Coordinate(latitude: 33.42, longitude: 43.30)), "Ramadi lies in Anbar")
        #expect(!Self.contains(outline, Coordinate(latitude: 33.315, longitude: 44.366)), "Baghdad does not")
        // The outline is simplified to about half a kilometre, not to a box.
        let vertices = outline.polygons.reduce(0) { $0 + $1.exterior.count }
        #expect(vertices > 50)
    }

    @Test func iraqOutlineHoldsItsCitiesAndNotItsNeighbours() throws {
        let iraq = try #require(try gazetteer.resolve("Iraq").area)
        for city in ["Baghdad", "Basra", "Mosul", "Erbil", "Karbala"] {
            #expect(Self.contains(iraq, try gazetteer.resolve(city).coordinate), "\(city)")
        }
        for city in ["Tehran", "Riyadh", "Damascus", "Kuwait City"] {
            #expect(!Self.contains(iraq, try gazetteer.resolve(city).coordinate), "\(city)")
        }
    }

    @Test func citiesOutrankProvincesOfTheSameName() throws {
        #expect(try gazetteer.resolve("Baghdad").kind == .capital)
        #expect(try gazetteer.resolve("Najaf").kind == .city)
        #expect(try gazetteer.resolve("Najaf Governorate").kind == .governorate)
        let candidates = try gazetteer.candidates(for: "Baghdad", limit: 10)
        #expect(candidates.contains { $0.place.kind == .governorate && $0.place.area != nil }, "the governorate is a candidate")
    }

    @Test func qualifiersNarrowByCountryCodeNameOrProvince() throws {
        #expect(try gazetteer.resolve("Karbala, IQ").coordinate == Coordinate(latitude: 32.61603, longitude: 44.02488))
        #expect(try gazetteer.resolve("Haifa, Israel").name == "Haifa")
        #expect(try gazetteer.resolve("Basra, Iraq").country == "IQ")
        let lebanon = try gazetteer.resolve("Tripoli, LB")
        #expect(lebanon.country == "LB")
        #expect(TestData.kilometresBetween(lebanon.coordinate, Coordinate(latitude: 34.437, longitude: 35.850)) < 25)
        let libya = try gazetteer.resolve("Tripoli, Libya")
        #expect(libya.country == "LY")
        // A province as qualifier: the Hit inside Anbar.
        let hit = try gazetteer.resolve("Hit, Anbar")
        #expect(TestData.kilometresBetween(hit.coordinate, Coordinate(latitude: 33.637, longitude: 42.828)) < 25)
        // A qualifier that admits none of the namesakes finds nothing.
        #expect(throws: GazetteerError.self) { try gazetteer.resolve("Karbala, NO") }
    }

    @Test func ambiguousNamesListTheirCandidatesBestFirst() throws {
        let tripoli = try gazetteer.candidates(for: "Tripoli", limit: 10)
        #expect(tripoli.count >= 2)
        #expect(Set(tripoli.prefix(3).map(\.place.country)).isSuperset(of: ["LY", "LB"]))
        #expect(tripoli[0].place.country == "LY", "the capital of Libya outranks the Lebanese city")
        #expect(tripoli.map(\.score) == tripoli.map(\.score).sorted(by: >))
        #expect(try gazetteer.resolve("Tripoli") == tripoli[0].place)

        let basra = try gazetteer.candidates(for: "Basra", limit: 20)
        #expect(basra.count >= 2)
        #expect(basra[0].place.country == "IQ" && basra[0].place.kind == .city)
        #expect(try gazetteer.candidates(for: "Basra", limit: 1).count == 1)
    }

    @Test func matchKindsAreReported() throws {
        #expect(try gazetteer.candidates(for: "Baghdad")[0].match == .exact)
        #expect(try gazetteer.candidates(for: "Karbala, IQ")[0].match == .qualified)
        #expect(try gazetteer.candidates(for: "Nasiriyyah")[0].match == .loose)
        #expect(try gazetteer.candidates(for: "32.87,44.15")[0].match == .coordinate)
    }

    @Test(arguments: [("Bgahdad", "Baghdad"), ("Mosulx", "Mosul"), ("Krikuk", "Kirkuk"), ("Tehrna", "Tehran"), ("Damscus", "Damascus")])
    func unknownNamesSuggestTheNearestKnownOnes(_ query: String, _ expected: String) throws {
        let error = #expect(throws: GazetteerError.self) { try gazetteer.resolve(query) }
        guard case let .unknownPlace(name, suggestions) = error else {
            Issue.record("expected unknownPlace, got \(String(describing: error))")
            return
        }
        #expect(name == query)
        #expect(suggestions.contains(expected), "\(query): \(suggestions)")
        #expect(suggestions.count <= 3)
    }

    @Test func nonsenseHasNoPlace() {
        #expect(throws: GazetteerError.self) { try gazetteer.resolve("Narnia") }
        #expect(throws: GazetteerError.self) { try gazetteer.resolve("Qxzwvvq Jjkplm") }
        #expect(gazetteer.suggestions(for: "Qxzwvvq Jjkplm").isEmpty)
    }

    @Test func placesAroundAPointNearestFirst() throws {
        let baghdad = try gazetteer.resolve("Baghdad")
        let airfields = gazetteer.places(near: baghdad.coordinate, within: .kilometers(40), kinds: [.airport, .airbase, .militarySite],
                                         distance: TestData.distance)
        let names = airfields.map(\.place.name)
        #expect(names.contains("Baghdad International Airport"))
        #expect(names.contains("Taji"), "the override standing for airportsdata ORTI")
        #expect(!names.contains("Al Taji Army Air Field"), "the cited row is not listed twice")
        #expect(airfields.allSatisfy { $0.distance <= .kilometers(40) && [.airport, .airbase, .militarySite].contains($0.place.kind) })
        #expect(airfields.map(\.distance) == airfields.map(\.distance).sorted())

        let towns = gazetteer.places(near: baghdad.coordinate, within: .kilometers(30), limit: 5, distance: TestData.distance)
        #expect(towns.count == 5)
        #expect(towns[0].place.name == "Baghdad")
    }

    @Test func aroundThePoleAndTheAntimeridian() {
        let north = gazetteer.places(near: Coordinate(latitude: 78.22, longitude: 15.65), within: .kilometers(50),
                                     distance: TestData.distance)
        #expect(north.contains { $0.place.country == "SJ" }, "Longyearbyen, Svalbard")
        let fiji = gazetteer.places(near: Coordinate(latitude: -16.5, longitude: 179.9), within: .kilometers(300),
                                    distance: TestData.distance)
        #expect(fiji.contains { $0.place.coordinate.longitude < 0 } && fiji.contains { $0.place.coordinate.longitude > 0 },
                "places on both sides of the antimeridian")
    }

    static func contains(_ area: MultiPolygon, _ point: Coordinate) -> Bool {
        func inRing(_ ring: Ring) -> Bool {
            var inside = false
            var previous = ring[ring.count - 1]
            for vertex in ring {
                if (vertex.latitude > point.latitude) != (previous.latitude > point.latitude) {
                    let x = vertex.longitude + (point.latitude - vertex.latitude) * (previous.longitude - vertex.longitude)
                        / (previous.latitude - vertex.latitude)
                    if point.longitude < x { inside.toggle() }
                }
                previous = vertex
            }
            return inside
        }
        return area.polygons.contains { inRing($0.exterior) && !$0.holes.contains(where: inRing) }
    }
}
