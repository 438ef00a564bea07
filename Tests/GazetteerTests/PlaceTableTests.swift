import Foundation
import Testing
import Gazetteer
import GeoModel

@Suite struct PlaceTableTests {
    static let header = "name,aliases,latitude,longitude,kind,country,source\n"

    @Test func bundledTableLoadsWithProvenanceOnEveryRow() throws {
        let places = try PlaceTable.load(contentsOf: TestData.places)
        #expect(places.count >= 21)
        for place in places {
            #expect(!place.name.isEmpty)
            #expect(!place.source.isEmpty, "\(place.name) has no source")
            #expect(place.country.count == 2, "\(place.name) country '\(place.country)'")
            #expect(place.kind != .coordinate, "\(place.name)")
            #expect((-90...90).contains(place.coordinate.latitude), "\(place.name)")
            #expect((-180...180).contains(place.coordinate.longitude), "\(place.name)")
            #expect(place.aliases.allSatisfy { !$0.isEmpty }, "\(place.name)")
        }
    }

    /// Two places sharing a folded name would make lookups depend on row order.
    @Test func noFoldedNameBelongsToTwoPlaces() throws {
        let places = try PlaceTable.load(contentsOf: TestData.places)
        var owner = [NameKey: String]()
        for place in places {
            for name in [place.name] + place.aliases {
                let key = NameKey(name)
                if let other = owner[key], other != place.name {
                    Issue.record("'\(name)' of \(place.name) folds to the same key as a name of \(other)")
                }
                owner[key] = place.name
            }
        }
        #expect(owner.count > places.count)
    }

    @Test func rowFieldsBecomeAPlace() throws {
        let text = Self.header + """
        Jurf al-Sakhar, Jurf al-Nasr | Jurf as-Sakhr ||,32.86667, 44.21389 ,town,IQ,"Wikipedia 'Jurf al-Nasr', coordinates"
        Edge,,10,-180,landmark,,test

        """
        let table = try CSVTable(text: text, source: "mem.csv")
        let places = try PlaceTable.places(in: table, source: "mem.csv")
        #expect(places.count == 2)
        #expect(places[0] == Place(
            name: "Jurf al-Sakhar", aliases: ["Jurf al-Nasr", "Jurf as-Sakhr"],
            coordinate: Coordinate(latitude: 32.86667, longitude: 44.21389),
            kind: .town, country: "IQ", source: "Wikipedia 'Jurf al-Nasr', coordinates"
        ))
        #expect(places[1].aliases.isEmpty)
        #expect(places[1].coordinate.longitude == -180)
        #expect(places[1].country == "")
    }

    @Test(arguments: PlaceKind.allCases.filter { $0 != .coordinate })
    func everyKindNameIsAccepted(_ kind: PlaceKind) throws {
        let table = try CSVTable(text: Self.header + "X,,1,2,\(kind.rawValue),IQ,test\n", source: "mem.csv")
        #expect(try PlaceTable.places(in: table, source: "mem.csv").map(\.kind) == [kind])
    }

    @Test func latitudeOutOfRangeIsBadDataOnItsLine() throws {
        let url = try TestData.temporaryFile(Self.header + """
        Baghdad,,33.34,44.40,capital,IQ,test
        Riyadh,,24.69,46.72,capital,SA,test
        Nowhere,,95,44,city,IQ,test

        """)
        defer { TestData.remove(url) }
        let error = #expect(throws: GazetteerError.self) { try PlaceTable.load(contentsOf: url) }
        #expect(error == .badData(source: url.path, line: 4, reason: "latitude 95 is outside [-90, 90] degrees"))
        #expect(error?.description == "\(url.path):4: latitude 95 is outside [-90, 90] degrees")
    }

    @Test func nonNumericCoordinateIsBadData() throws {
        let url = try TestData.temporaryFile(Self.header + "Baghdad,,33.34,44.40,capital,IQ,test\nRiyadh,,north,46.72,capital,SA,test\n")
        defer { TestData.remove(url) }
        #expect(throws: GazetteerError.badData(source: url.path, line: 3, reason: "latitude/longitude 'north', '46.72' are not numbers")) {
            try PlaceTable.load(contentsOf: url)
        }
    }

    @Test func nanCoordinateIsBadData() throws {
        let url = try TestData.temporaryFile(Self.header + "Baghdad,,nan,44.40,capital,IQ,test\n")
        defer { TestData.remove(url) }
        let error = #expect(throws: GazetteerError.self) { try PlaceTable.load(contentsOf: url) }
        guard case let .badData(source, line, _) = error else {
            Issue.record("expected badData, got \(String(describing: error))")
            return
        }
        #expect(source == url.path)
        #expect(line == 2)
    }

    @Test func unknownKindIsBadDataOnItsLine() throws {
        let url = try TestData.temporaryFile(Self.header + """
        Baghdad,,33.34,44.40,capital,IQ,test
        "Multi
        line",,1,2,city,IQ,test
        Atlantis,,10,20,lost_city,XX,test

        """)
        defer { TestData.remove(url) }
        let error = #expect(throws: GazetteerError.self) { try PlaceTable.load(contentsOf: url) }
        guard case let .badData(source, line, reason) = error else {
            Issue.record("expected badData, got \(String(describing: error))")
            return
        }
        #expect(source == url.path)
        #expect(line == 5)
        #expect(reason.hasPrefix("unknown kind 'lost_city'; expected one of capital, city, town"))
    }

    @Test func emptyNameIsBadData() throws {
        let table = try CSVTable(text: Self.header + "Baghdad,,33.34,44.40,capital,IQ,test\n  ,,1,2,city,IQ,test\n", source: "mem.csv")
        #expect(throws: GazetteerError.badData(source: "mem.csv", line: 3, reason: "empty name")) {
            try PlaceTable.places(in: table, source: "mem.csv")
        }
    }

    @Test func missingColumnIsAFileError() throws {
        let url = try TestData.temporaryFile("name,aliases,latitude,longitude,kind,country\nBaghdad,,33.34,44.40,capital,IQ\n")
        defer { TestData.remove(url) }
        #expect(throws: GazetteerError.file(.missingColumn(source: url.path, name: "source"))) {
            try PlaceTable.load(contentsOf: url)
        }
    }

    @Test func malformedCSVIsAFileError() throws {
        let url = try TestData.temporaryFile(Self.header + "Baghdad,,33.34,44.40,capital\n")
        defer { TestData.remove(url) }
        #expect(throws: GazetteerError.file(.fieldCount(source: url.path, line: 2, expected: 7, found: 5))) {
            try PlaceTable.load(contentsOf: url)
        }
    }
}
