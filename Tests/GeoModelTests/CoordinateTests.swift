import Foundation
import Testing
import GeoModel

@Suite struct CoordinateTests {
    @Test func plainInitialiserStoresValuesUnchanged() {
        let coordinate = Coordinate(latitude: 12.5, longitude: 541.25)
        #expect(coordinate.latitude == 12.5)
        #expect(coordinate.longitude == 541.25)
        #expect(coordinate.normalized == Coordinate(latitude: 12.5, longitude: -178.75))
    }

    @Test func validatingInitialiserAcceptsTheFullLatitudeRange() throws {
        #expect(try Coordinate(validatingLatitude: 90, longitude: 0) == Coordinate(latitude: 90, longitude: 0))
        #expect(try Coordinate(validatingLatitude: -90, longitude: 10) == Coordinate(latitude: -90, longitude: 10))
        #expect(try Coordinate(validatingLatitude: 32.87, longitude: 180) == Coordinate(latitude: 32.87, longitude: 180))
        #expect(try Coordinate(validatingLatitude: 32.87, longitude: -180) == Coordinate(latitude: 32.87, longitude: -180))
    }

    /// `33,445` once became 85 E and `0,540` became -180 without a word.
    @Test(arguments: [445, 540, -180.000_001, 404.15, -361])
    func validatingInitialiserRefusesLongitudesBeyondTheAntimeridian(_ longitude: Double) {
        #expect(throws: CoordinateError.longitudeOutOfRange(longitude)) {
            try Coordinate(validatingLatitude: 33, longitude: longitude)
        }
    }

    @Test(arguments: [90.000_000_1, -90.000_000_1, 95, -180, 1e300])
    func validatingInitialiserRefusesLatitudesBeyondThePoles(_ latitude: Double) {
        #expect(throws: CoordinateError.latitudeOutOfRange(latitude)) {
            try Coordinate(validatingLatitude: latitude, longitude: 0)
        }
    }

    @Test func nanLatitudeIsNotFinite() {
        let error = #expect(throws: CoordinateError.self) {
            try Coordinate(validatingLatitude: .nan, longitude: 44)
        }
        guard case let .notFinite(axis, value) = error else {
            Issue.record("expected notFinite, got \(String(describing: error))")
            return
        }
        #expect(axis == "latitude")
        #expect(value.isNaN)
    }

    @Test func nanLongitudeIsNotFinite() {
        let error = #expect(throws: CoordinateError.self) {
            try Coordinate(validatingLatitude: 10, longitude: .nan)
        }
        guard case let .notFinite(axis, value) = error else {
            Issue.record("expected notFinite, got \(String(describing: error))")
            return
        }
        #expect(axis == "longitude")
        #expect(value.isNaN)
    }

    @Test func infiniteValuesAreNotFinite() {
        #expect(throws: CoordinateError.notFinite(axis: "latitude", value: .infinity)) {
            try Coordinate(validatingLatitude: .infinity, longitude: 0)
        }
        #expect(throws: CoordinateError.notFinite(axis: "longitude", value: -.infinity)) {
            try Coordinate(validatingLatitude: 0, longitude: -.infinity)
        }
        #expect(CoordinateError.notFinite(axis: "longitude", value: .infinity).description
            == "longitude inf is not a finite number")
    }

    struct Wrap: Sendable, CustomTestStringConvertible {
        var input: Double
        var expected: Double
        var testDescription: String { "\(input) -> \(expected)" }
    }

    @Test(arguments: [
        Wrap(input: 190, expected: -170),
        Wrap(input: -190, expected: 170),
        Wrap(input: 359, expected: -1),
        Wrap(input: 720.5, expected: 0.5),
        Wrap(input: -179.7, expected: -179.7),
        Wrap(input: 44.15, expected: 44.15),
        Wrap(input: 180, expected: 180),
        Wrap(input: -180, expected: -180),
    ])
    func normalisedLongitude(_ wrap: Wrap) {
        #expect(Coordinate.normalizedLongitude(wrap.input) == wrap.expected)
    }

    @Test func normalisedLongitudeOfAWholeTurnIsPositiveZero() {
        for turn in [0.0, -0.0, 360, -360, 1080] {
            let longitude = Coordinate.normalizedLongitude(turn)
            #expect(longitude == 0)
            #expect(longitude.sign == .plus, "normalizedLongitude(\(turn)) gave \(longitude)")
        }
    }

    @Test func oddMultiplesOf180StayOnTheAntimeridian() {
        #expect(abs(Coordinate.normalizedLongitude(-540)) == 180)
        #expect(abs(Coordinate.normalizedLongitude(540)) == 180)
    }

    @Test func descriptionHasFiveDecimals() {
        #expect(Coordinate(latitude: 32.87, longitude: 44.15).description == "32.87000,44.15000")
        #expect(Coordinate(latitude: -33.924_87, longitude: 18.424_06).description == "-33.92487,18.42406")
    }

    @Test func codableRoundTripKeepsNamedFields() throws {
        let coordinate = Coordinate(latitude: 32.86667, longitude: 44.21389)
        let data = try JSONEncoder().encode(coordinate)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Double])
        #expect(object == ["latitude": 32.86667, "longitude": 44.21389])
        #expect(try JSONDecoder().decode(Coordinate.self, from: data) == coordinate)
    }

    @Test func unwrappedLongitudeIsTheRemainderFormBitForBit() {
        let references = [-540.0, -180, -179.9, 0, 44.2, 179.9, 180, 359]
        let offsets = [-900.0, -540, -360, -180.0000001, -180, -179.999, -0.0, 0, 1e-12, 179.999, 180, 180.0000001, 360, 725]
        for reference in references {
            for offset in offsets {
                let longitude = reference + offset
                let expected = reference + remainder(longitude - reference, 360)
                #expect(Coordinate.unwrappedLongitude(longitude, near: reference).bitPattern == expected.bitPattern,
                        "\(longitude) near \(reference)")
            }
        }
    }
}
