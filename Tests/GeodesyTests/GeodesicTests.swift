import Foundation
import Geodesy
import GeoModel
import Testing

/// `Geodesic` against geographiclib reference tables: distances to 1e-6 m,
/// angles to 1e-9 degrees.
@Suite struct GeodesicTests {
    let geodesic = Geodesic.wgs84
    static let distanceTolerance = 1e-6  // metres
    static let angleTolerance = 1e-9  // degrees

    @Test func directMatchesReference() throws {
        let rows = try ReferenceTable(named: "direct.csv").numericRows()
        #expect(rows.count > 250)
        for row in rows {
            let start = Coordinate(latitude: row["lat1"]!, longitude: row["lon1"]!)
            let solution = geodesic.direct(from: start, azimuth: row["azi1"]!, distance: .meters(row["s12"]!))
            let context = "direct from \(start) azimuth \(row["azi1"]!) over \(row["s12"]!) m"
            #expect(abs(solution.destination.latitude - row["lat2"]!) <= Self.angleTolerance, "\(context)")
            // Longitude is meaningless at the poles.
            if abs(row["lat2"]!) < 90 - 1e-9 {
                #expect(angleDifference(solution.destination.longitude, row["lon2"]!) <= Self.angleTolerance, "\(context)")
            }
            #expect(angleDifference(solution.finalAzimuth, row["azi2"]!) <= Self.angleTolerance, "\(context)")
        }
    }

    @Test func inverseMatchesReference() throws {
        let rows = try ReferenceTable(named: "inverse.csv").numericRows()
        #expect(rows.count > 250)
        for row in rows {
            let a = Coordinate(latitude: row["lat1"]!, longitude: row["lon1"]!)
            let b = Coordinate(latitude: row["lat2"]!, longitude: row["lon2"]!)
            let solution = geodesic.inverse(from: a, to: b)
            let context = "inverse \(a) -> \(b)"
            #expect(abs(solution.distance.meters - row["s12"]!) <= Self.distanceTolerance, "\(context)")
            #expect(geodesic.distance(from: a, to: b) == solution.distance, "\(context)")
            // Coincident points have no defined azimuth.
            if row["s12"]! > 0 {
                #expect(angleDifference(solution.initialAzimuth, row["azi1"]!) <= Self.angleTolerance, "\(context)")
                #expect(angleDifference(solution.finalAzimuth, row["azi2"]!) <= Self.angleTolerance, "\(context)")
            }
        }
    }

    @Test func polarAndAntipodalDistancesMatchReference() throws {
        let rows = try ReferenceTable(named: "inverse_distance_only.csv").numericRows()
        #expect(rows.count >= 10)
        for row in rows {
            let a = Coordinate(latitude: row["lat1"]!, longitude: row["lon1"]!)
            let b = Coordinate(latitude: row["lat2"]!, longitude: row["lon2"]!)
            #expect(abs(geodesic.distance(from: a, to: b).meters - row["s12"]!) <= Self.distanceTolerance, "\(a) -> \(b)")
        }
    }

    @Test func areaMatchesReference() throws {
        let table = try ReferenceTable(named: "area.csv")
        #expect(table.rows.count >= 20)
        for row in table.rows {
            let vertices = row[1].split(separator: " ").map { pair in
                let parts = pair.split(separator: ":")
                return Coordinate(latitude: Double(parts[0])!, longitude: Double(parts[1])!)
            }
            let expectedArea = Double(row[2])!, expectedPerimeter = Double(row[3])!
            let measured = geodesic.measure(ring: vertices)
            // geod_polygonarea and geographiclib differ by rounding only.
            #expect(abs(measured.area - expectedArea) <= max(1e-9 * abs(expectedArea), 1e-3), "\(row[0]) area")
            #expect(abs(measured.perimeter - expectedPerimeter) <= Self.distanceTolerance, "\(row[0]) perimeter")
            // Closing the ring explicitly changes nothing.
            let closed = geodesic.measure(ring: vertices + [vertices[0]])
            #expect(closed == measured, "\(row[0]) closed")
        }
    }

    @Test func polygonMeasureSubtractsHoles() {
        let outer: Ring = [
            .init(latitude: 30, longitude: 40), .init(latitude: 30, longitude: 46),
            .init(latitude: 36, longitude: 46), .init(latitude: 36, longitude: 40), .init(latitude: 30, longitude: 40),
        ]
        let hole: Ring = [
            .init(latitude: 32, longitude: 42), .init(latitude: 34, longitude: 42),
            .init(latitude: 34, longitude: 44), .init(latitude: 32, longitude: 44), .init(latitude: 32, longitude: 42),
        ]
        let outerArea = abs(geodesic.measure(ring: outer).area)
        let holeArea = abs(geodesic.measure(ring: hole).area)
        let polygon = geodesic.measure(polygon: Polygon(exterior: outer, holes: [hole]))
        #expect(abs(polygon.area - (outerArea - holeArea)) < 1e-3)
        #expect(polygon.area > 0)
        let twice = geodesic.measure(multiPolygon: MultiPolygon([Polygon(exterior: outer), Polygon(exterior: outer)]))
        #expect(abs(twice.area - 2 * outerArea) < 1e-3)
    }
}
