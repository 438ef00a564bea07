import Foundation
import Testing
import Gazetteer
import GeoModel

/// `--gazetteer FILE`: GeoNames dumps, CSV and GeoJSON of the user's sites,
/// and files that are none of these.
@Suite struct ExtraFileTests {
    /// A data directory holding only the overrides, so these tests stay quick.
    static func overridesOnly() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazetteer-data-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestData.places, to: directory.appendingPathComponent("places.csv"))
        return directory
    }

    static func geonamesRow(
        id: Int, name: String, ascii: String? = nil, alternates: [String] = [], latitude: String, longitude: String,
        featureClass: String = "P", code: String = "PPL", country: String = "IQ", admin1: String = "07", population: Int = 1000
    ) -> String {
        [String(id), name, ascii ?? name, alternates.joined(separator: ","), latitude, longitude, featureClass, code,
         country, "", admin1, "", "", "", String(population), "", "40", "Asia/Baghdad", "2024-01-01"].joined(separator: "\t")
    }

    @Test func geonamesDumpRowsBecomePlaces() throws {
        let data = try Self.overridesOnly()
        defer { try? FileManager.default.removeItem(at: data) }
        let text = [
            Self.geonamesRow(id: 99_000_001, name: "Qaryat al-Ikhlas", ascii: "Qaryat al-Ikhlas", alternates: ["Qaryat Ikhlas", "قرية الإخلاص"],
                             latitude: "33.10000", longitude: "44.20000", population: 2500),
            Self.geonamesRow(id: 99_000_002, name: "Mahattat K3", alternates: ["K-3 Pumping Station"], latitude: "34.3", longitude: "42.1",
                             featureClass: "S", code: "AIRB", population: 0),
            Self.geonamesRow(id: 99_000_003, name: "Madinat Kabira", latitude: "-10.5", longitude: "-170.25", code: "PPLC", country: "WS",
                             population: 250_000),
        ].joined(separator: "\n") + "\n"
        let dump = try TestData.temporaryFile(text, name: "cities-test.txt")
        defer { TestData.remove(dump) }
        let gazetteer = try Gazetteer(dataDirectory: data, extraFiles: [dump])
        #expect(gazetteer.warnings.isEmpty)

        let village = try gazetteer.resolve("Qaryat Ikhlas")
        #expect(village.name == "Qaryat al-Ikhlas")
        #expect(village.aliases == ["Qaryat Ikhlas", "قرية الإخلاص"])
        #expect(village.coordinate == Coordinate(latitude: 33.1, longitude: 44.2))
        #expect(village.kind == .town)
        #expect(village.country == "IQ")
        #expect(village.admin1 == "07")
        #expect(village.population == 2500)
        #expect(village.source == "GeoNames 99000001 (cities-test.txt)")
        #expect(try gazetteer.resolve("قرية الاخلاص") == village, "Arabic hamza folded")

        #expect(try gazetteer.resolve("k3 pumping station").kind == .airbase)
        let capital = try gazetteer.resolve("Madinat Kabira")
        #expect(capital.kind == .capital)
        #expect(capital.coordinate == Coordinate(latitude: -10.5, longitude: -170.25))
    }

    @Test func userEntriesWinOverBundledOnesOfTheSameName() throws {
        let data = try Self.overridesOnly()
        defer { try? FileManager.default.removeItem(at: data) }
        let sites = try TestData.temporaryFile("name,latitude,longitude,kind,country,aliases\nBaghdad,33.0,44.0,military_site,IQ,Site B\n",
                                               name: "sites.csv")
        defer { TestData.remove(sites) }
        let gazetteer = try Gazetteer(dataDirectory: data, extraFiles: [sites])
        let place = try gazetteer.resolve("Baghdad")
        #expect(place.coordinate == Coordinate(latitude: 33, longitude: 44))
        #expect(place.source == "sites.csv:2")
        #expect(try gazetteer.candidates(for: "Baghdad").count == 2, "the bundled Baghdad stays a candidate")
    }

    @Test func aUsersGeoNamesRowReplacesTheBundledRowWithItsId() throws {
        // The full bundle: GeoNames 98182 (Baghdad) is cited by the override,
        // 94787 (Kirkuk) is a plain bundled row.
        let text = Self.geonamesRow(id: 94787, name: "Kirkuk", alternates: ["Karkuk"], latitude: "35.46806", longitude: "44.39222",
                                    population: 1_000_000) + "\n"
        let dump = try TestData.temporaryFile(text, name: "mine.txt")
        defer { TestData.remove(dump) }
        let gazetteer = try Gazetteer(dataDirectory: TestData.dataDirectory, extraFiles: [dump])
        let candidates = try gazetteer.candidates(for: "Kirkuk")
        #expect(candidates[0].place.source == "GeoNames 94787 (mine.txt)")
        #expect(!candidates.contains { $0.place.source == "GeoNames 94787 (cities500)" }, "listed once")
    }

    @Test func aMalformedRowIsSkippedAndReportedWithItsLine() throws {
        let data = try Self.overridesOnly()
        defer { try? FileManager.default.removeItem(at: data) }
        var lines = (0..<10).map { Self.geonamesRow(id: 98_000_000 + $0, name: "Place \($0)", latitude: "30.\($0)", longitude: "45") }
        lines[3] = "98000003\tBroken row\twith too few fields"
        lines[6] = Self.geonamesRow(id: 98_000_006, name: "Bad latitude", latitude: "95.0", longitude: "45")
        let dump = try TestData.temporaryFile(lines.joined(separator: "\n") + "\n", name: "dump.txt")
        defer { TestData.remove(dump) }
        let gazetteer = try Gazetteer(dataDirectory: data, extraFiles: [dump])
        #expect(gazetteer.warnings.map(\.line) == [4, 7])
        #expect(gazetteer.warnings.allSatisfy { $0.source == dump.path })
        #expect(gazetteer.warnings[0].description == "\(dump.path):4: skipped a malformed row: expected 19 tab-separated fields, found 3")
        #expect(gazetteer.warnings[1].message.contains("out of range"))
        #expect(try gazetteer.resolve("Place 9").coordinate.latitude == 30.9)
        #expect(throws: GazetteerError.self) { try gazetteer.resolve("Broken row") }
    }

    @Test func manyMalformedRowsAreCountedNotListed() throws {
        let data = try Self.overridesOnly()
        defer { try? FileManager.default.removeItem(at: data) }
        var lines = [Self.geonamesRow(id: 1, name: "Good", latitude: "1", longitude: "2")]
        lines += (0..<20).map { "\($0)\tbad" }
        let dump = try TestData.temporaryFile(lines.joined(separator: "\n"), name: "dump.txt")
        defer { TestData.remove(dump) }
        let gazetteer = try Gazetteer(dataDirectory: data, extraFiles: [dump])
        #expect(gazetteer.warnings.count == 6)
        #expect(gazetteer.warnings.last?.message == "skipped 20 malformed rows in all (the first at line 2)")
    }

    @Test func aFileWhoseFirstRowIsNotGeoNamesIsRefused() throws {
        let text = (0..<3).map { _ in (0..<18).map { "x\($0)" }.joined(separator: "\t") }.joined(separator: "\n")
        let dump = try TestData.temporaryFile(text, name: "other.tsv")
        defer { TestData.remove(dump) }
        let error = #expect(throws: GazetteerError.self) { try Gazetteer(dataDirectory: TestData.dataDirectory, extraFiles: [dump]) }
        guard case let .badData(source, line, reason) = error else {
            Issue.record("expected badData, got \(String(describing: error))")
            return
        }
        #expect(source == dump.path)
        #expect(line == 1)
        #expect(reason.contains("not a GeoNames dump"))
    }

    @Test func emptyAndBlankFilesAreBadData() throws {
        for (name, content) in [("empty.txt", ""), ("blank.csv", "\n \n\t\n")] {
            let url = try TestData.temporaryFile(content, name: name)
            defer { TestData.remove(url) }
            let error = #expect(throws: GazetteerError.self) { try Gazetteer(dataDirectory: TestData.dataDirectory, extraFiles: [url]) }
            guard case let .badData(source, _, reason) = error else {
                Issue.record("expected badData for \(name), got \(String(describing: error))")
                continue
            }
            #expect(source == url.path)
            #expect(reason.contains("empty") || reason.contains("blank"), "\(reason)")
        }
    }

    @Test func binaryFilesAreBadData() throws {
        var bytes = Data(Self.geonamesRow(id: 1, name: "Fine", latitude: "1", longitude: "2").utf8 + [0x0A])
        bytes += Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02])
        let url = try TestData.temporaryFile(bytes, name: "program.txt")
        defer { TestData.remove(url) }
        #expect(throws: GazetteerError.badData(source: url.path, line: 2, reason: "binary data (a NUL byte): not a text file")) {
            try Gazetteer(dataDirectory: TestData.dataDirectory, extraFiles: [url])
        }
        let zip = try TestData.temporaryFile(Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), name: "cities500.zip")
        defer { TestData.remove(zip) }
        let error = #expect(throws: GazetteerError.self) { try Gazetteer(dataDirectory: TestData.dataDirectory, extraFiles: [zip]) }
        #expect(error?.description.contains("unzip it first") == true)
    }

    /// A 2 GB file (sparse: no 2 GB are written) is refused at once, in
    /// constant memory, as are GeoNames-looking files of 2 GB.
    @Test func aTwoGigabyteFileDoesNotExhaustMemory() throws {
        let url = try TestData.temporaryFile(Data(), name: "huge.txt")
        defer { TestData.remove(url) }
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 2 << 30)
        try handle.close()
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber == NSNumber(value: 2 << 30))
        let error = #expect(throws: GazetteerError.self) { try Gazetteer(dataDirectory: TestData.dataDirectory, extraFiles: [url]) }
        guard case let .badData(source, line, reason) = error else {
            Issue.record("expected badData, got \(String(describing: error))")
            return
        }
        #expect(source == url.path)
        #expect(line == 1)
        #expect(reason.contains("binary"))

        // A GeoNames row, then 2 GB of zeros: the first chunk with a NUL stops it.
        let dump = try TestData.temporaryFile(Self.geonamesRow(id: 1, name: "Start", latitude: "1", longitude: "2") + "\n", name: "dump.txt")
        defer { TestData.remove(dump) }
        let appending = try FileHandle(forWritingTo: dump)
        try appending.truncate(atOffset: 2 << 30)
        try appending.close()
        #expect(throws: GazetteerError.badData(source: dump.path, line: 2, reason: "binary data (a NUL byte): not a text file")) {
            try Gazetteer(dataDirectory: TestData.dataDirectory, extraFiles: [dump])
        }
    }

    @Test func anOverlongLineIsRefused() throws {
        let row = Self.geonamesRow(id: 1, name: "Start", latitude: "1", longitude: "2")
        let text = row + "\n" + String(repeating: "a", count: 3 << 20)
        let url = try TestData.temporaryFile(text, name: "long.txt")
        defer { TestData.remove(url) }
        let error = #expect(throws: GazetteerError.self) { try Gazetteer(dataDirectory: TestData.dataDirectory, extraFiles: [url]) }
        guard case let .badData(_, line, reason) = error else {
            Issue.record("expected badData, got \(String(describing: error))")
            return
        }
        #expect(line == 2)
        #expect(reason.contains("longer than"))
    }

    @Test func aMissingFileIsUnreadable() {
        let url = URL(fileURLWithPath: "/nonexistent/threatmap/sites.csv")
        #expect(throws: GazetteerError.file(.unreadable(source: url.path, reason: "no such file"))) {
            try Gazetteer(dataDirectory: TestData.dataDirectory, extraFiles: [url])
        }
    }

    @Test func progressIsReported() throws {
        let data = try Self.overridesOnly()
        defer { try? FileManager.default.removeItem(at: data) }
        let text = (0..<2000).map { Self.geonamesRow(id: $0, name: "P\($0)", latitude: "1", longitude: "2") }.joined(separator: "\n")
        let dump = try TestData.temporaryFile(text, name: "dump.txt")
        defer { TestData.remove(dump) }
        let seen = ProgressLog()
        _ = try Gazetteer(dataDirectory: data, extraFiles: [dump]) { file, read, total in seen.add(file, read, total) }
        let calls = seen.calls
        #expect(!calls.isEmpty)
        #expect(calls.last?.read == calls.last?.total)
        #expect(calls.allSatisfy { $0.file == dump.path })
    }

    // MARK: CSV

    @Test func csvWithHeaderAndQuotedFields() throws {
        let data = try Self.overridesOnly()
        defer { try? FileManager.default.removeItem(at: data) }
        let text = """
        source,name,lat,lon,kind,country,aliases,population
        "Satellite image, 2024-03-01","Site ""Alpha"", north",33.5,43.25,military_site,IQ,Alpha|Objective A,
        field notes,Launch pad 2,-33.92,18.42,,ZA,,12

        """
        let url = try TestData.temporaryFile(text, name: "sites.csv")
        defer { TestData.remove(url) }
        let gazetteer = try Gazetteer(dataDirectory: data, extraFiles: [url])
        let alpha = try gazetteer.resolve("objective a")
        #expect(alpha.name == "Site \"Alpha\", north")
        #expect(alpha.kind == .militarySite)
        #expect(alpha.source == "Satellite image, 2024-03-01")
        #expect(alpha.coordinate == Coordinate(latitude: 33.5, longitude: 43.25))
        let pad = try gazetteer.resolve("Launch Pad 2")
        #expect(pad.kind == .landmark)
        #expect(pad.country == "ZA")
        #expect(pad.population == 12)
    }

    @Test func csvWithoutHeaderIsPositional() throws {
        let data = try Self.overridesOnly()
        defer { try? FileManager.default.removeItem(at: data) }
        let url = try TestData.temporaryFile("Site One,32.1,44.2\nSite Two,32.2,44.3,airbase,IQ,S2|Two\n", name: "sites.csv")
        defer { TestData.remove(url) }
        let gazetteer = try Gazetteer(dataDirectory: data, extraFiles: [url])
        #expect(try gazetteer.resolve("Site One").source == "sites.csv:1")
        #expect(try gazetteer.resolve("code:S2").kind == .airbase)
    }

    @Test(arguments: [
        ("name,latitude,longitude\nA,1,2\nB,north,2\n", 3, "latitude/longitude 'north', '2' are not numbers"),
        ("name,latitude,longitude\nA,95,2\n", 2, "latitude 95 is outside [-90, 90] degrees"),
        ("name,latitude,longitude,kind\nA,1,2,silo\n", 2, "unknown kind 'silo'"),
        ("name,latitude,longitude\n,1,2\n", 2, "empty name"),
        ("name,latitude,longitude,country\nA,1,2,Iraq\n", 2, "country 'Iraq' is not a two-letter ISO code"),
        ("name,latitude,longitude\n\"A\nB\",1\n", 2, "expected at least 3 fields, found 2"),
        ("title,x,y\nA,1,2\n", 1, "expected a header with name, latitude and longitude"),
    ])
    func aBadCSVRowStopsWithItsLine(_ text: String, _ line: Int, _ reason: String) throws {
        let url = try TestData.temporaryFile(text, name: "sites.csv")
        defer { TestData.remove(url) }
        let error = #expect(throws: GazetteerError.self) { try Gazetteer(dataDirectory: TestData.dataDirectory, extraFiles: [url]) }
        guard case let .badData(source, errorLine, message) = error else {
            Issue.record("expected badData, got \(String(describing: error))")
            return
        }
        #expect(source == url.path)
        #expect(errorLine == line)
        #expect(message.hasPrefix(reason), "\(message)")
    }

    @Test func anUnterminatedQuoteInCSVNamesItsLine() throws {
        let url = try TestData.temporaryFile("name,latitude,longitude\nA,1,2\n\"B,1,2\nC,3,4\n", name: "sites.csv")
        defer { TestData.remove(url) }
        #expect(throws: GazetteerError.file(.unterminatedQuote(source: url.path, line: 3))) {
            try Gazetteer(dataDirectory: TestData.dataDirectory, extraFiles: [url])
        }
    }

    // MARK: GeoJSON

    @Test func geojsonPointsAndAreas() throws {
        let data = try Self.overridesOnly()
        defer { try? FileManager.default.removeItem(at: data) }
        let text = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"name": "Depot 7", "kind": "military_site", "country": "IQ", "aliases": "D7|Depot Seven"},
           "geometry": {"type": "Point", "coordinates": [44.1, 33.2]}},
          {"type": "Feature", "properties": {"name": "Southern sector", "source": "analyst sketch"},
           "geometry": {"type": "Polygon", "coordinates": [[[46, 30], [48, 30], [48, 31], [47, 30.5], [46, 31], [46, 30]]]}},
          {"type": "Feature", "properties": {"name": "Supply road"},
           "geometry": {"type": "LineString", "coordinates": [[44, 33], [45, 34]]}}
        ]}
        """
        let url = try TestData.temporaryFile(text, name: "mine.geojson")
        defer { TestData.remove(url) }
        let gazetteer = try Gazetteer(dataDirectory: data, extraFiles: [url])
        let depot = try gazetteer.resolve("Depot Seven")
        #expect(depot.coordinate == Coordinate(latitude: 33.2, longitude: 44.1))
        #expect(depot.kind == .militarySite)
        #expect(depot.source == "mine.geojson feature 1")
        let sector = try gazetteer.resolve("southern sector")
        #expect(sector.kind == .region)
        #expect(sector.source == "analyst sketch")
        let area = try #require(sector.area)
        #expect(BundledGazetteerTests.contains(area, sector.coordinate))
        #expect(gazetteer.warnings.count == 1)
        #expect(gazetteer.warnings.first?.message.contains("Supply road") == true)
    }

    @Test func geojsonWithoutNamesOrMalformedIsBadData() throws {
        for text in [
            #"{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 2]}}"#,
            #"{"type": "Feature", "properties": {"name": "X"}, "geometry": {"type": "Point", "coordinates": [1, 95]}}"#,
            #"{"type": "FeatureCollection", "features": [}"#,
        ] {
            let url = try TestData.temporaryFile(text, name: "bad.geojson")
            defer { TestData.remove(url) }
            let error = #expect(throws: GazetteerError.self) { try Gazetteer(dataDirectory: TestData.dataDirectory, extraFiles: [url]) }
            guard case let .badData(source, _, _) = error else {
                Issue.record("expected badData, got \(String(describing: error))")
                continue
            }
            #expect(source == url.path)
        }
    }
}

/// Collects progress callbacks (they may come from any thread).
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries = [(file: String, read: Int64, total: Int64)]()

    func add(_ file: String, _ read: Int64, _ total: Int64) {
        lock.lock()
        entries.append((file, read, total))
        lock.unlock()
    }

    var calls: [(file: String, read: Int64, total: Int64)] {
        lock.lock()
        defer { lock.unlock() }
        return entries
    }
}
