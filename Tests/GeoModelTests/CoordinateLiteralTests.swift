import Testing
import GeoModel

/// `Coordinate.parse(_:)`: literals as users type them on the command line
/// and in scenario files.
@Suite struct CoordinateLiteralTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var latitude: Double
        var longitude: Double
        var testDescription: String { text }
    }

    static let accepted: [Case] = [
        Case(text: "32.87,44.15", latitude: 32.87, longitude: 44.15),
        Case(text: "32.87, 44.15", latitude: 32.87, longitude: 44.15),
        Case(text: "  32.87 , 44.15\n", latitude: 32.87, longitude: 44.15),
        Case(text: "-33.92,18.42", latitude: -33.92, longitude: 18.42),
        Case(text: "-33.92, 18.42", latitude: -33.92, longitude: 18.42),
        Case(text: "32.87N 44.15E", latitude: 32.87, longitude: 44.15),
        Case(text: "32.87n 44.15e", latitude: 32.87, longitude: 44.15),
        Case(text: "33.92S 18.42E", latitude: -33.92, longitude: 18.42),
        Case(text: "33.92S 70.65W", latitude: -33.92, longitude: -70.65),
        Case(text: "44.15E 32.87N", latitude: 32.87, longitude: 44.15),
        Case(text: "18.42E, 33.92S", latitude: -33.92, longitude: 18.42),
        Case(text: "32.87°N 44.15°E", latitude: 32.87, longitude: 44.15),
        Case(text: "32.87°N, 44.15°E", latitude: 32.87, longitude: 44.15),
        Case(text: "64.8,-179.7", latitude: 64.8, longitude: -179.7),
        Case(text: "+12.5,+7", latitude: 12.5, longitude: 7),
        Case(text: "90,0", latitude: 90, longitude: 0),
        Case(text: "-90,0", latitude: -90, longitude: 0),
        Case(text: "0,180", latitude: 0, longitude: 180),
        Case(text: "32.87\t44.15", latitude: 32.87, longitude: 44.15),
    ]

    @Test(arguments: accepted)
    func parsesLiteral(_ literal: Case) throws {
        let coordinate = try #require(try Coordinate.parse(literal.text))
        #expect(coordinate.latitude == literal.latitude)
        #expect(coordinate.longitude == literal.longitude)
    }

    /// Text that is not a coordinate at all is left to the gazetteer.
    @Test(arguments: ["Baghdad", "Tel Aviv", "Fateh-110", "Jurf al-Sakhar", "", "   ", "32.87", "1,2,3", "N,E", "32.87 44.15 10"])
    func placeNamesAreNotCoordinates(_ text: String) throws {
        #expect(try Coordinate.parse(text) == nil)
    }

    @Test func latitudeOutOfRangeThrowsAndNamesTheValue() {
        let error = #expect(throws: CoordinateError.self) { try Coordinate.parse("95,44") }
        #expect(error == .latitudeOutOfRange(95))
        #expect(error?.description.contains("95") == true)
        #expect(error?.description == "latitude 95 is outside [-90, 90] degrees")
    }

    @Test(arguments: ["-90.5,10", "90.000001,0", "95N 44E", "91S 10W"])
    func everyLatitudeBeyondThePoleThrows(_ text: String) {
        let error = #expect(throws: CoordinateError.self) { try Coordinate.parse(text) }
        guard case .latitudeOutOfRange = error else {
            Issue.record("expected latitudeOutOfRange, got \(String(describing: error))")
            return
        }
    }

    @Test(arguments: ["32N 44N", "44E 32E", "10S 20N", "5W, 6E"])
    func bothValuesOnOneAxisThrow(_ text: String) {
        let error = #expect(throws: CoordinateError.self) { try Coordinate.parse(text) }
        #expect(error == .malformed(text, reason: "both values name the same axis"))
    }

    /// `nan` is a number word, not a name: the literal must be refused
    /// rather than passed on to the gazetteer as a place called "nan,44".
    @Test(arguments: ["nan,44", "44,nan", "inf,44"])
    func nonFiniteNumbersThrow(_ text: String) {
        #expect(throws: CoordinateError.self) { try Coordinate.parse(text) }
    }

    /// Longitudes beyond ±180 were once wrapped (`10,190` became -170); a
    /// value such as 445 is a typing error far more often than a wrapped
    /// longitude, so it is refused, naming the value.
    @Test(arguments: [("10,190", 190.0), ("10,-540", -540.0), ("-20,-200", -200.0), ("33,445", 445.0)])
    func longitudeBeyondTheAntimeridianThrows(_ text: String, _ longitude: Double) {
        #expect(throws: CoordinateError.longitudeOutOfRange(longitude)) { try Coordinate.parse(text) }
    }

    @Test func longitudesOnTheAntimeridianAreAccepted() throws {
        #expect(try Coordinate.parse("10,180")?.longitude == 180)
        #expect(try Coordinate.parse("10,-180")?.longitude == -180)
        #expect(try Coordinate.parse("64.8N 179.99W")?.longitude == -179.99)
    }

    /// A hemisphere letter already gives the sign; a minus as well is refused.
    @Test(arguments: ["-32.87N 44.15E", "32.87N -44.15E"])
    func signedValueWithHemisphereIsNotACoordinate(_ text: String) throws {
        #expect(try Coordinate.parse(text) == nil)
    }
}
