import Foundation
import GeoModel
import Testing
import ThreatModel

@Suite struct TargetFileTests {
    func read(_ text: String, name: String = "targets.csv") throws -> TargetList {
        let url = try TestData.temporaryFile(text, name: name)
        defer { TestData.remove(url) }
        return try TargetFile.read(url)
    }

    func failure(_ text: String, name: String = "targets.csv") throws -> (line: Int, reason: String) {
        let url = try TestData.temporaryFile(text, name: name)
        defer { TestData.remove(url) }
        do {
            _ = try TargetFile.read(url)
        } catch let ThreatModelError.badData(source, line, reason) {
            #expect(source == url.path)
            return (line, reason)
        }
        Issue.record("accepted \(text)")
        return (-1, "")
    }

    @Test func readsNamedColumnsInAnyOrder() throws {
        let list = try read("lon,name,lat,extra\r\n46.72185,Riyadh,24.68773,x\n\"-0.1\",\"London, UK\",51.5,y\n")
        #expect(list.names == ["Riyadh", "London, UK"])
        #expect(list.coordinates == [Coordinate(latitude: 24.68773, longitude: 46.72185), Coordinate(latitude: 51.5, longitude: -0.1)])
    }

    @Test func acceptsLongHeaderNamesBlankLinesAndABOM() throws {
        let list = try read("\u{FEFF}Name,Latitude,Longitude\n\nBaghdad,33.34,44.40\n")
        #expect(list.count == 1)
        #expect(list.names == ["Baghdad"])
    }

    @Test(arguments: [
        ("name,lat,lon\nA,95,44\n", 2, "latitude 95"),
        ("name,lat,lon\nA,33,44\nB,nan,44\n", 3, "not a finite"),
        ("name,lat,lon\nA,thirty,44\n", 2, "'thirty' is not a number"),
        ("name,lat,lon\nA,33\n", 2, "expected 3 fields"),
        ("name,lat,lon\n\"A,33,44\n", 2, "never closed"),
        ("city,x,y\nA,1,2\n", 1, "header must name"),
        ("", 1, "empty"),
    ])
    func badRowsNameTheirLine(_ input: (String, Int, String)) throws {
        let found = try failure(input.0)
        #expect(found.line == input.1)
        #expect(found.reason.contains(input.2), "\(found.reason)")
    }

    @Test func binaryDataIsRefusedNotParsed() throws {
        var bytes = Data("name,lat,lon\n".utf8)
        bytes.append(contentsOf: [0, 1, 2, 0xFF, 0xFE, 10])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("targets-\(UUID().uuidString).csv")
        try bytes.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ThreatModelError.badData(source: url.path, line: 2, reason: "binary data (a NUL byte): not a text file")) {
            try TargetFile.read(url)
        }
    }

    @Test func aHugeLineWithoutBreaksStopsEarly() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("targets-\(UUID().uuidString).csv")
        // A sparse 256 MiB file of zeros: no line break, read only up to the line limit.
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 256 << 20)
        try handle.close()
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ThreatModelError.self) { try TargetFile.read(url) }
    }

    @Test func readsGeoJSONPoints() throws {
        let list = try read("""
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"Ain al-Asad"},"geometry":{"type":"Point","coordinates":[42.4412,33.7856]}},
          {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[44,33]}}]}
        """, name: "targets.geojson")
        #expect(list.names == ["Ain al-Asad", "targets.geojson feature 2"])
        #expect(list.coordinates[0] == Coordinate(latitude: 33.7856, longitude: 42.4412))
        let polygon = try failure("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}", name: "t.geojson")
        #expect(polygon.reason.contains("not a Point"))
    }
}

@Suite struct CatalogOverrideTests {
    let zolfaghar = MissileSystem(name: "Zolfaghar", aliases: ["Zolfaqar"], category: .srbm, range: .kilometers(700),
                                  rangeLow: .kilometers(650), rangeHigh: .kilometers(750), source: "test")

    @Test func userSystemsReplaceByNameOrAlias() throws {
        let bundled = MissileCatalog(systems: [zolfaghar, MissileSystem(name: "Fateh-110", category: .srbm, range: .kilometers(300), source: "test")])
        let mine = MissileCatalog(systems: [MissileSystem(name: "Zolfaqar", category: .srbm, range: .kilometers(750), source: "my notes"),
                                            MissileSystem(name: "Custom", category: .rocket, range: .kilometers(40), source: "my notes")])
        let merged = bundled.merging(mine)
        #expect(merged.systems.map(\.name) == ["Zolfaqar", "Custom", "Fateh-110"])
        #expect(try merged.system(named: "zolfaqar").range == .kilometers(750))
        #expect(try merged.system(named: "custom").source == "my notes")
    }

    @Test func rangeEstimatesPickTheSpan() {
        #expect(zolfaghar.using(.low).range == .kilometers(650))
        #expect(zolfaghar.using(.nominal).range == .kilometers(700))
        #expect(zolfaghar.using(.high).range == .kilometers(750))
    }
}
