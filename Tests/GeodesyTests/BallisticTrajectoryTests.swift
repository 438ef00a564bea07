import Foundation
import GeoModel
import Geodesy
import Testing

/// The minimum-energy closed form against trajectories flown numerically
/// (`Scripts/make_flight_reference.py`, `Fixtures/flight.csv`).
@Suite struct BallisticTrajectoryTests {
    @Test func matchesTheFlownTrajectoriesWithinHalfAPercent() throws {
        let rows = try ReferenceTable(named: "flight.csv").numericRows()
        #expect(rows.count >= 9)
        for row in rows {
            let range = try #require(row["range_m"])
            let trajectory = BallisticTrajectory(groundRange: .meters(range))
            let time = try #require(row["flight_time_s"]), apogee = try #require(row["apogee_m"])
            // The reference is a shot over this range: it lands where it should.
            #expect(abs(try #require(row["landed_range_m"]) - range) <= max(1, range * 1e-6))
            #expect(abs(trajectory.flightTime - time) / time < 0.005, "time at \(range) m")
            #expect(abs(trajectory.apogee.meters - apogee) / apogee < 0.005, "apogee at \(range) m")
            #expect(abs(trajectory.burnoutSpeed - (try #require(row["burnout_speed_ms"]))) < 1e-3)
            #expect(abs(trajectory.burnoutAngle - (try #require(row["burnout_angle_deg"]))) < 1e-6)
        }
    }

    /// The four ranges the model is documented at, to the README's figures.
    @Test(arguments: [(300.0, 4.18, 74.1), (700.0, 6.52, 170.1), (2000.0, 11.70, 458.8), (10000.0, 32.18, 1319.5)])
    func documentedRanges(kilometres: Double, minutes: Double, apogeeKilometres: Double) {
        let trajectory = BallisticTrajectory(groundRange: .kilometers(kilometres))
        #expect(abs(trajectory.flightTime / 60 - minutes) / minutes < 0.005)
        #expect(abs(trajectory.apogee.kilometers - apogeeKilometres) / apogeeKilometres < 0.005)
    }

    @Test func limits() {
        let zero = BallisticTrajectory(groundRange: .zero)
        #expect(abs(zero.flightTime) < 1e-9 && zero.apogee == .zero)
        // Half way round: a grazing circular orbit, half a period, no height.
        let radius = BallisticTrajectory.earthRadius
        let half = BallisticTrajectory(groundRange: .meters(Double.pi * radius))
        let halfPeriod = Double.pi * (radius * radius * radius / BallisticTrajectory.gravitationalParameter).squareRoot()
        #expect(abs(half.flightTime - halfPeriod) < 1e-6)
        #expect(abs(half.apogee.meters) < 1e-3)
        // The highest apogee is at a quarter of the way round: R (√2 - 1) / 2.
        let quarter = BallisticTrajectory(groundRange: .meters(Double.pi / 2 * radius))
        #expect(abs(quarter.apogee.meters - radius * (2.0.squareRoot() - 1) / 2) < 1e-6)
        // Longer flights take longer.
        var previous = 0.0
        for kilometres in stride(from: 10.0, through: 20_000, by: 500) {
            let time = BallisticTrajectory(groundRange: .kilometers(kilometres)).flightTime
            #expect(time > previous)
            previous = time
        }
    }
}
