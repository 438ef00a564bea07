import Testing
import GeoModel

@Suite struct DistanceTests {
    struct Literal: Sendable, CustomTestStringConvertible {
        var text: String
        var meters: Double
        var testDescription: String { text }
    }

    static let accepted: [Literal] = [
        Literal(text: "700km", meters: 700_000),
        Literal(text: "700 km", meters: 700_000),
        Literal(text: " 700 KM ", meters: 700_000),
        Literal(text: "700 kilometres", meters: 700_000),
        Literal(text: "435mi", meters: 435 * 1609.344),
        Literal(text: "435 miles", meters: 435 * 1609.344),
        Literal(text: "378nmi", meters: 378 * 1852),
        Literal(text: "378 nautical miles", meters: 378 * 1852),
        Literal(text: "5000m", meters: 5000),
        Literal(text: "5000 metres", meters: 5000),
        Literal(text: "2000 km", meters: 2_000_000),
        Literal(text: "1.5 km", meters: 1500),
        Literal(text: "0km", meters: 0),
        Literal(text: "1000 ft", meters: 1000 * 0.3048),
    ]

    @Test(arguments: accepted)
    func parses(_ literal: Literal) throws {
        #expect(try Distance(parsing: literal.text).meters == literal.meters)
    }

    @Test func unitLengthsAreTheInternationalOnes() {
        #expect(Distance.Unit.meters.meters == 1)
        #expect(Distance.Unit.kilometers.meters == 1000)
        #expect(Distance.Unit.miles.meters == 1609.344)
        #expect(Distance.Unit.nauticalMiles.meters == 1852)
        #expect(Distance.Unit.feet.meters == 0.3048)
    }

    /// `1.000,5km` was once read as 1 km; a comma is now always refused,
    /// with the accepted forms in the message.
    @Test(arguments: ["1.000,5km", "2,000 km", "1,5 km", "700,km"])
    func commasAreRefused(_ text: String) {
        let error = #expect(throws: DistanceError.self) { try Distance(parsing: text) }
        #expect(error?.description.contains("2000km, 1000.5 km or 435 mi") == true)
    }

    @Test func negativeIsRefused() {
        #expect(throws: DistanceError.negative("-5km")) { try Distance(parsing: "-5km") }
        #expect(DistanceError.negative("-5km").description == "'-5km' is negative; a distance must be zero or more")
    }

    @Test func wordIsNotANumber() {
        #expect(throws: DistanceError.malformed("banana", reason: "expected a number followed by a unit, such as 700km or 435 mi")) {
            try Distance(parsing: "banana")
        }
    }

    @Test func numberWithoutUnitIsRefused() {
        let error = #expect(throws: DistanceError.self) { try Distance(parsing: "700") }
        #expect(error == .malformed("700", reason: "it has no unit; add one of m, km, mi, nmi, ft"))
    }

    @Test func unknownUnitIsNamed() {
        let error = #expect(throws: DistanceError.self) { try Distance(parsing: "700 parsecs") }
        #expect(error == .malformed("700 parsecs", reason: "unknown unit 'parsecs'; use one of m, km, mi, nmi, ft"))
        #expect(error?.description.contains("parsecs") == true)
    }

    @Test(arguments: ["nan km", "inf km", "NaN km", "-inf km", "infinity km"])
    func nonFiniteIsRefused(_ text: String) {
        let error = #expect(throws: DistanceError.self) { try Distance(parsing: text) }
        guard case .malformed(let echoed, _) = error else {
            Issue.record("expected malformed, got \(String(describing: error))")
            return
        }
        #expect(echoed == text)
    }

    @Test(arguments: ["", "   ", "\n"])
    func emptyIsRefused(_ text: String) {
        #expect(throws: DistanceError.malformed(text, reason: "it is empty")) { try Distance(parsing: text) }
    }

    @Test(arguments: ["km", "5..5 km", "--5 km", "7 0 0 km"])
    func garbledNumberIsRefused(_ text: String) {
        #expect(throws: DistanceError.self) { try Distance(parsing: text) }
    }

    @Test func descriptionOfWholeValues() {
        #expect(Distance.kilometers(700).description == "700 km")
        #expect(Distance.meters(1000).description == "1 km")
        #expect(Distance.meters(350).description == "350 m")
        #expect(Distance.zero.description == "0 m")
        #expect(Distance.meters(999.5).description == "999.5 m")
    }

    /// The doc comment promises "12.5 km".
    @Test func descriptionOfFractionalKilometres() {
        #expect(Distance.kilometers(12.5).description == "12.5 km")
        #expect(Distance.meters(1_234).description == "1.234 km")
    }

    @Test func conversionsAndOrdering() {
        #expect(Distance.kilometers(700).meters == 700_000)
        #expect(Distance.meters(938_890).kilometers == 938.89)
        #expect(Distance.kilometers(300) < Distance.kilometers(700))
        #expect(!(Distance.kilometers(700) < Distance.meters(700_000)))
        #expect(Distance.kilometers(700) == Distance.meters(700_000))
        #expect([Distance.kilometers(700), .meters(5), .zero].max() == .kilometers(700))
    }
}
