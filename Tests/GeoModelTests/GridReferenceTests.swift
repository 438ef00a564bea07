import Foundation
import Testing
import GeoModel

/// MGRS and UTM/UPS against GeographicLib's `GeoConvert` on 10,000 points
/// (`Fixtures/grid.csv`, from `Scripts/make_grid_reference.py`): the poles,
/// the 80-84° band edges, zone edges, the Norway and Svalbard exceptions.
@Suite struct GridReferenceTests {
    struct Row: Sendable {
        var line: Int
        var coordinate: Coordinate
        var mgrs: String
        var utm: String
        var center: Coordinate
    }

    /// The table; a missing or short table fails the test, never skips it.
    static func table() throws -> [Row] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/grid", withExtension: "csv"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        var rows = [Row]()
        for (index, line) in lines.enumerated() where !line.hasPrefix("#") && !line.hasPrefix("lat,") {
            let f = line.split(separator: ",").map(String.init)
            try #require(f.count == 6, "line \(index + 1)")
            rows.append(Row(line: index + 1,
                            coordinate: Coordinate(latitude: try #require(Double(f[0])), longitude: try #require(Double(f[1]))),
                            mgrs: f[2], utm: f[3],
                            center: Coordinate(latitude: try #require(Double(f[4])), longitude: try #require(Double(f[5])))))
        }
        try #require(rows.count == 10_000)
        return rows
    }

    @Test func mgrsAndUTMStringsMatchGeoConvert() throws {
        var mismatches = [String]()
        for row in try Self.table() {
            let mgrs = try MGRS.reference(for: row.coordinate, precision: 5)
            // GeoConvert writes the hemisphere in lower case; ThreatMap in upper.
            let utm = try UTMUPSCoordinate(row.coordinate).description
            if mgrs != row.mgrs || utm != row.utm.uppercased() {
                mismatches.append("line \(row.line) \(row.coordinate): \(mgrs) \(utm), GeoConvert \(row.mgrs) \(row.utm)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ: \(mismatches.prefix(10).joined(separator: "; "))")
    }

    /// Coarser precisions truncate: the reference at precision p is the
    /// precision-5 one with digits dropped from each half.
    @Test func coarserPrecisionsTruncate() throws {
        for row in try Self.table().prefix(2000) {
            let head = String(row.mgrs.dropLast(10))
            let tail = Array(row.mgrs.suffix(10))
            for precision in 0...4 {
                let expected = head + String(tail[0..<precision]) + String(tail[5..<(5 + precision)])
                #expect(try MGRS.reference(for: row.coordinate, precision: precision) == expected)
            }
        }
    }

    /// Reading a reference back gives GeoConvert's centre of the cell, and
    /// the point lies within that cell.
    @Test func mgrsReadsBackToItsCell() throws {
        var worstCenter = 0.0
        for row in try Self.table() {
            let reference = try #require(try MGRS.parse(row.mgrs))
            #expect(reference.precision == 5)
            let center = try reference.position.coordinate()
            worstCenter = max(worstCenter, abs(center.latitude - row.center.latitude),
                              abs(remainder(center.longitude - row.center.longitude, 360)) * cos(center.latitude * .pi / 180))
            // The point itself, in the reference's zone, lies in the 1 m cell.
            let point = try UTMUPSCoordinate(row.coordinate)
            #expect(point.zone == reference.position.zone)
            #expect(abs(point.easting - reference.position.easting) <= 0.5 + 1e-6, "line \(row.line)")
            #expect(abs(point.northing - reference.position.northing) <= 0.5 + 1e-6, "line \(row.line)")
            // Coordinate.parse takes the same string.
            let parsed = try #require(try Coordinate.parse(row.mgrs))
            #expect(parsed == center)
        }
        // 1e-11 degrees is about a micrometre.
        #expect(worstCenter < 1e-11, "worst centre difference \(worstCenter) degrees")
    }

    /// GeoConvert's UTM/UPS strings read back to within the metre they were rounded to.
    @Test func utmReadsBack() throws {
        for row in try Self.table() {
            let position = try #require(try UTMUPSCoordinate.parse(row.utm))
            let coordinate = try #require(try Coordinate.parse(row.utm.uppercased()))
            #expect(coordinate == (try position.coordinate()))
            let again = try UTMUPSCoordinate(row.coordinate)
            #expect(abs(again.easting - position.easting) <= 0.5 && abs(again.northing - position.northing) <= 0.5,
                    "line \(row.line)")
        }
    }

    @Test(arguments: [
        ("38SMB4844521000", 32.72559, 44.44982),
        ("38S MB 48445 21000", 32.72559, 44.44982),
        ("38smb4844521000", 32.72559, 44.44982),
        ("38SMB", 32.98724, 44.46484),
        ("38N 448445 3621000", 32.72559, 44.44981),
        ("38n 448445 3621000", 32.72559, 44.44981),
        ("N 2000000 2000000", 90, 180),
        ("ZGC1234", 84.40215, 41.54556),
        ("4QFJ12345678", 21.30948, -157.91682),
    ])
    func parsesReferences(_ text: String, _ latitude: Double, _ longitude: Double) throws {
        let coordinate = try #require(try Coordinate.parse(text))
        #expect(abs(coordinate.latitude - latitude) < 5e-6)
        #expect(abs(coordinate.longitude - longitude) < 5e-6)
    }

    @Test(arguments: ["Baghdad", "BGW", "ORAA", "Zab", "4th Street", "B52", "X"])
    func namesStayNames(_ text: String) throws {
        #expect(try Coordinate.parse(text) == nil)
    }

    @Test(arguments: [
        ("61SMB12", GridReferenceError.zoneOutOfRange(61)),
        ("61N 500000 4000000", .zoneOutOfRange(61)),
        ("38IMB12", .badBand("I", polar: false)),
        ("CAB12", .badBand("C", polar: true)),
        ("38SIB12", .badColumn("I", gridZone: "38S", allowed: "JKLMNPQR")),
        ("38SMW12", .badRow("W", gridZone: "38S", allowed: "ABCDEFGHJKLMNPQRSTUV")),
        ("38SMN12", .squareOutsideBand(square: "MN", gridZone: "38S")),
        ("38S", .gridZoneOnly("38S")),
        ("38T 448445 3621000", .badHemisphere("38T")),
    ])
    func refusesWithTheReason(_ text: String, _ expected: GridReferenceError) {
        #expect(throws: CoordinateError.gridReference(expected)) { try Coordinate.parse(text) }
    }

    @Test func refusesOddDigitsAndOffGridPoints() {
        #expect(throws: CoordinateError.self) { try Coordinate.parse("38SMB123") }
        #expect(throws: CoordinateError.self) { try Coordinate.parse("38SMB123456123456") }
        #expect(throws: CoordinateError.self) { try Coordinate.parse("38N 4448445 3621000") }
        #expect(throws: GridReferenceError.precisionOutOfRange(6)) {
            try MGRS.reference(for: Coordinate(latitude: 0, longitude: 0), precision: 6)
        }
    }
}
