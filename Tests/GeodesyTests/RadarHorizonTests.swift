import Foundation
import GeoModel
import Geodesy
import Testing

/// The radar horizon against its closed form, √(2kR·h_r) + √(2kR·h_t)
/// with k = 4/3 and R = 6,371 km, and the 4.12 (√h_r + √h_t) km rule.
@Suite struct RadarHorizonTests {
    /// 2kR in metres: 2 × 4/3 × 6,371,000.
    static let twiceEffectiveRadius = 2 * 4.0 / 3.0 * 6_371_000.0

    @Test(arguments: [0.0, 4, 30, 100, 10_000])
    func targetAltitudesMatchTheClosedForm(targetHeight: Double) throws {
        for radarHeight in [0.0, 4, 30, 100, 10_000] {
            let horizon = try RadarHorizon.distance(radarHeight: .meters(radarHeight), targetHeight: .meters(targetHeight))
            let closedForm = (Self.twiceEffectiveRadius * radarHeight).squareRoot() + (Self.twiceEffectiveRadius * targetHeight).squareRoot()
            #expect(abs(horizon.meters - closedForm) <= 1e-9 * max(1, closedForm), "radar \(radarHeight) m, target \(targetHeight) m")
            // The handbook rule, 4.12 km per √metre, within its rounding (0.05 %).
            let rule = 4.12 * (radarHeight.squareRoot() + targetHeight.squareRoot())
            #expect(abs(horizon.kilometers - rule) <= 0.0005 * max(1, rule))
        }
    }

    /// Worked values: a radar at 4 m sees the ground to 8.24 km, a target
    /// at 30 m to 30.82 km, at 100 m to 49.46 km, at 10 km to 420.42 km.
    @Test func workedValues() throws {
        let expected: [(Double, Double)] = [(0, 8.2436), (4, 16.4872), (30, 30.8197), (100, 49.4617), (10_000, 420.4248)]
        for (target, kilometres) in expected {
            let horizon = try RadarHorizon.distance(radarHeight: .meters(4), targetHeight: .meters(target))
            #expect(abs(horizon.kilometers - kilometres) < 0.0005, "target at \(target) m: \(horizon.kilometers) km")
        }
        #expect(try RadarHorizon.distance(radarHeight: .zero, targetHeight: .zero) == .zero)
    }

    @Test func refusesNegativeAndNonFiniteHeights() {
        for bad in [-1.0, .nan, .infinity] {
            #expect(throws: GeodesyError.self) { try RadarHorizon.distance(radarHeight: .meters(4), targetHeight: .meters(bad)) }
            #expect(throws: GeodesyError.self) { try RadarHorizon.distance(radarHeight: .meters(bad), targetHeight: .meters(30)) }
        }
    }
}
