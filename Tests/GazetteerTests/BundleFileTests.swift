import Foundation
import Testing
import Gazetteer
import GeoModel

/// The generated `gazetteer.tsv` and `areas.bin` of a data directory.
@Suite struct BundleFileTests {
    /// A data directory with the overrides and a generated table of `rows` towns.
    static func dataDirectory(rows: Int, badLine: Int? = nil, areas: Data? = nil) throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazetteer-bundle-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "name,aliases,latitude,longitude,kind,country,source\nSite A,,1,2,landmark,IQ,test\n"
            .write(to: directory.appendingPathComponent("places.csv"), atomically: true, encoding: .utf8)
        var text = "# test table\n"
        for row in 0..<rows {
            if row + 2 == badLine {
                text += "town\tIQ\t\t100\tnorth\t44.0\tg:\(row)\t\tBroken \(row)\n"
            } else {
                text += "town\tIQ\t07\t\(row)\t33.\(row % 1000)\t44.0\tg:\(row)\t\tTown number \(row)|Qaryat \(row)\n"
            }
        }
        try text.write(to: directory.appendingPathComponent("gazetteer.tsv"), atomically: true, encoding: .utf8)
        if let areas { try areas.write(to: directory.appendingPathComponent("areas.bin")) }
        return directory
    }

    @Test func aLargeTableLoadsRowsFromBothHalves() throws {
        let directory = try Self.dataDirectory(rows: 30_000)
        defer { try? FileManager.default.removeItem(at: directory) }
        let gazetteer = try Gazetteer(dataDirectory: directory)
        let first = try gazetteer.resolve("Town number 0")
        #expect(first.source == "GeoNames 0 (cities500)")
        #expect(first.admin1 == "07")
        let last = try gazetteer.resolve("qaryat 29999")
        #expect(last.name == "Town number 29999")
        #expect(last.population == 29_999)
        #expect(last.coordinate == Coordinate(latitude: 33.999, longitude: 44))
    }

    @Test(arguments: [3, 29_000])
    func aMalformedRowNamesItsLine(_ line: Int) throws {
        let directory = try Self.dataDirectory(rows: 30_000, badLine: line)
        defer { try? FileManager.default.removeItem(at: directory) }
        let table = directory.appendingPathComponent("gazetteer.tsv").path
        #expect(throws: GazetteerError.badData(source: table, line: line, reason: "latitude/longitude are not valid degrees")) {
            try Gazetteer(dataDirectory: directory)
        }
    }

    @Test func aDamagedAreaFileIsBadData() throws {
        let directory = try Self.dataDirectory(rows: 3, areas: Data("TMAREAS1\u{5}\0\0\0".utf8))
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = #expect(throws: GazetteerError.self) { try Gazetteer(dataDirectory: directory) }
        #expect(error?.description.contains("truncated") == true)
    }

    @Test func withoutTheGeneratedTablesTheOverridesStillLoad() throws {
        let directory = try ExtraFileTests.overridesOnly()
        defer { try? FileManager.default.removeItem(at: directory) }
        let gazetteer = try Gazetteer(dataDirectory: directory)
        #expect(try gazetteer.resolve("Hewler").name == "Erbil")
        #expect(try gazetteer.resolve("Anbar").area == nil, "no outline without areas.bin")
    }
}
