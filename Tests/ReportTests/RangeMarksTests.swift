import Foundation
import Testing
import Export
import Geodesy
import GeoModel
import Report

/// Rings at an interval and radials against geographiclib
/// (`Fixtures/range_marks.csv`, from `Scripts/make_range_marks_reference.py`).
@Suite struct RangeMarksTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var center: Coordinate
        var range: Distance
        var every: Distance
        var radials: String
        /// (kind, distance, azimuth, true point)
        var points: [(kind: String, distance: Double, azimuth: Double, point: Coordinate)]
        var testDescription: String { name }
    }

    static let tolerance = Distance.meters(10)

    static func cases() throws -> [Case] {
        let url = TestData.repositoryRoot.appendingPathComponent("Tests/ReportTests/Fixtures/range_marks.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        var cases = [Case]()
        for line in lines {
            let f = line.split(separator: ",").map(String.init)
            guard f.count == 11, let lat = Double(f[1]), let lon = Double(f[2]), let range = Double(f[3]),
                  let every = Double(f[4]), let distance = Double(f[7]), let azimuth = Double(f[8]),
                  let pointLat = Double(f[9]), let pointLon = Double(f[10])
            else { Issue.record("bad line \(line)"); throw CancellationError() }
            if cases.last?.name != f[0] {
                cases.append(Case(name: f[0], center: Coordinate(latitude: lat, longitude: lon), range: .meters(range),
                                  every: .meters(every), radials: f[5].replacingOccurrences(of: ";", with: ","), points: []))
            }
            cases[cases.count - 1].points.append((f[6], distance, azimuth, Coordinate(latitude: pointLat, longitude: pointLon)))
        }
        return cases
    }

    /// Geodesic distance (metres) from `point` to the nearest of the
    /// polyline's edges, each straight in longitude/latitude as GeoJSON
    /// draws it: the closest point of each edge in a local plane (longitude
    /// scaled by the cosine of latitude), then its geodesic distance.
    static func distance(from point: Coordinate, to pieces: [[Coordinate]]) -> Double {
        let geodesic = Geodesic.wgs84
        var best = Double.infinity
        for piece in pieces {
            for (a, b) in zip(piece, piece.dropFirst()) {
                let bLon = Coordinate.unwrappedLongitude(b.longitude, near: a.longitude)
                let pLon = Coordinate.unwrappedLongitude(point.longitude, near: a.longitude)
                guard point.latitude >= min(a.latitude, b.latitude) - 1, point.latitude <= max(a.latitude, b.latitude) + 1,
                      pLon >= min(a.longitude, bLon) - 30, pLon <= max(a.longitude, bLon) + 30 else { continue }
                let scale = cos(point.latitude * .pi / 180)
                let dx = (bLon - a.longitude) * scale, dy = b.latitude - a.latitude
                let px = (pLon - a.longitude) * scale, py = point.latitude - a.latitude
                let length2 = dx * dx + dy * dy
                let t = length2 > 0 ? min(1, max(0, (px * dx + py * dy) / length2)) : 0
                let nearest = Coordinate(latitude: a.latitude + dy * t,
                                         longitude: a.longitude + (bLon - a.longitude) * t).normalized
                best = min(best, geodesic.distance(from: point, to: nearest).meters)
            }
        }
        return best
    }

    @Test(arguments: try cases())
    func marksFollowGeographicLib(_ reference: Case) throws {
        let marks = RangeMarks(every: reference.every, radials: try Radials(parsing: reference.radials))
        let drawn = try marks.marks(around: reference.center, range: reference.range, tolerance: Self.tolerance)
        let geodesic = Geodesic.wgs84
        var worst = 0.0
        for (kind, distance, azimuth, point) in reference.points {
            let mark = try #require(drawn.first {
                kind == "ring" ? ($0.kind == .ring && abs($0.distance.meters - distance) < 1e-6)
                    : ($0.kind == .radial && $0.bearing == azimuth)
            }, "\(kind) \(distance) \(azimuth)")
            let gap = Self.distance(from: point, to: mark.pieces)
            worst = max(worst, gap)
            #expect(gap <= Self.tolerance.meters + 0.01, "\(reference.name) \(kind) \(distance) m at \(azimuth)°: \(gap) m off")
            if kind == "radial", distance == reference.range.meters {
                // The radial ends where geographiclib's geodesic does.
                let end = try #require(mark.pieces.last?.last)
                #expect(geodesic.distance(from: end, to: point).meters < 1e-6)
            }
            if kind == "ring" {
                // Every vertex of the ring lies at its radius.
                // Crossing points at ±180 lie on the edges between vertices, within the tolerance.
                for vertex in mark.pieces.joined() where abs(vertex.latitude) < 90 && abs(vertex.longitude) != 180 {
                    #expect(abs(geodesic.distance(from: reference.center, to: vertex).meters - distance) < 1e-6)
                }
            }
        }
        #expect(worst > 0.001, "reference points between vertices, where edges sag")
        let rings = drawn.filter { $0.kind == .ring }.map(\.distance)
        #expect(rings.last == reference.range, "the last ring is the range itself when it falls on the interval")
    }

    @Test func radialsParse() throws {
        #expect(try Radials(parsing: "4").bearings == [0, 90, 180, 270])
        #expect(try Radials(parsing: "0,45,90").bearings == [0, 45, 90])
        #expect(try Radials(parsing: "90,").bearings == [90])
        #expect(try Radials(parsing: "-90,450").bearings == [270, 90])
        for bad in ["0", "361", "x", "1,north", "", "nan,"] {
            #expect(throws: RadialsError.self) { try Radials(parsing: bad) }
        }
    }

    @Test func ringFeaturesCarryTheirDistanceAndRadialsTheirBearing() throws {
        let marks = try RangeMarks(every: .kilometers(100), radials: Radials(count: 2))
            .marks(around: Coordinate(latitude: 33, longitude: 44), range: .kilometers(250), tolerance: .meters(10))
        let features = RangeMarks.features(marks, site: "Site", missile: "M")
        #expect(features.count == 4)
        let roles = features.compactMap { feature in feature.properties.first { $0.name == "role" }?.value }
        #expect(roles == [.string("range_ring"), .string("range_ring"), .string("radial"), .string("radial")])
        #expect(features[1].properties.contains { $0.name == "distance_km" && $0.value == .number(200) })
        #expect(features[3].properties.contains { $0.name == "bearing_deg" && $0.value == .number(180) })
        #expect(throws: ReportError.tooManyRings(every: .meters(1), range: .kilometers(250), limit: 1000)) {
            try RangeMarks(every: .meters(1)).marks(around: Coordinate(latitude: 33, longitude: 44),
                                                   range: .kilometers(250), tolerance: .meters(10))
        }
    }
}
