import Foundation
import Gazetteer
import Geodesy
import GeoModel
import Testing
import ThreatModel

@Suite struct ReachStreamTests {
    static let sites = [
        LaunchSite(place: TestData.point("Jurf", Coordinate(latitude: 32.86667, longitude: 44.21389))),
        LaunchSite(place: TestData.point("Basra", Coordinate(latitude: 30.5, longitude: 47.8))),
        LaunchSite(place: TestData.point("Chukotka", Coordinate(latitude: 65, longitude: 179.9))),
    ]

    /// 3,000 targets, a third of them within 400 m of a range or minimum-range
    /// boundary, written as a CSV file; and the same targets as places.
    static func targets() throws -> (url: URL, places: [Place]) {
        var random = ReachMatrixTests.Random(state: 7)
        let geodesic = Geodesic.wgs84
        var text = "name,lat,lon\n"
        var places = [Place]()
        for index in 0..<3_000 {
            let site = sites[index % sites.count].place.coordinate
            let system = ReachMatrixTests.systems[index % ReachMatrixTests.systems.count]
            let distance: Double
            if index % 3 == 0 {
                let edge = index % 2 == 0 ? system.minimumRange.meters : system.range.meters
                distance = max(0, edge + Double.random(in: -400...400, using: &random))
            } else {
                distance = Double.random(in: 0...3_000_000, using: &random)
            }
            let point = geodesic.direct(from: site, azimuth: Double.random(in: 0..<360, using: &random), distance: .meters(distance))
                .destination.normalized
            // Shortest round-trip text, so the file holds exactly these doubles.
            text += "t\(index),\(point.latitude),\(point.longitude)\n"
            places.append(Place(name: "t\(index)", coordinate: point, kind: .coordinate, country: "", source: "targets.csv"))
        }
        return (try TestData.temporaryFile(text, name: "targets.csv"), places)
    }

    func streamed(_ sources: [TargetSource], onlyInRange: Bool, chunkSize: Int) throws -> [ReachResult] {
        let stream = ReachStream(sites: Self.sites, systems: ReachMatrixTests.systems, sources: sources, chunkSize: chunkSize)
        var rows = [ReachResult]()
        try stream.run(onlyInRange: onlyInRange, encode: { $0 }, write: { rows += $0 })
        return rows
    }

    @Test(arguments: [false, true])
    func streamedRowsEqualTheWholeJob(onlyInRange: Bool) throws {
        let (url, places) = try Self.targets()
        defer { TestData.remove(url) }
        let expected = try ReachJob(sites: Self.sites, systems: ReachMatrixTests.systems, targets: places).run(onlyInRange: onlyInRange)
        #expect(expected.count > 100)
        for chunkSize in [1_000, 777, 3_000, 5_000] {
            let rows = try streamed([.csvFile(url)], onlyInRange: onlyInRange, chunkSize: chunkSize)
            #expect(rows == expected, "chunk size \(chunkSize)")
        }
    }

    @Test func placesAndFilesKeepTheirOrder() throws {
        let (url, places) = try Self.targets()
        defer { TestData.remove(url) }
        let baghdad = TestData.point("Baghdad", Coordinate(latitude: 33.34, longitude: 44.40))
        let all = [baghdad] + places + [baghdad]
        let expected = try ReachJob(sites: Self.sites, systems: ReachMatrixTests.systems, targets: all).run(onlyInRange: false)
        let rows = try streamed([.places([baghdad]), .csvFile(url), .places([baghdad])], onlyInRange: false, chunkSize: 1_024)
        #expect(rows == expected)
    }

    struct WriteFailed: Error {}

    @Test func aFailingWriteStopsTheRunAndTheReader() throws {
        let (url, _) = try Self.targets()
        defer { TestData.remove(url) }
        let stream = ReachStream(sites: Self.sites, systems: ReachMatrixTests.systems, sources: [.csvFile(url)], chunkSize: 100)
        var blocks = 0
        #expect(throws: WriteFailed.self) {
            try stream.run(onlyInRange: false, encode: { $0.count }, write: { _ in
                blocks += 1
                if blocks == 3 { throw WriteFailed() }
            })
        }
        #expect(blocks == 3)
    }

    @Test func theSurveyCountsAndValidatesBeforeAnyDecision() throws {
        let url = try TestData.temporaryFile("name,lat,lon\nA,1,2\nLonger name,3,4\nB,x,5\n", name: "targets.csv")
        defer { TestData.remove(url) }
        let stream = ReachStream(sites: Self.sites, systems: ReachMatrixTests.systems, sources: [.csvFile(url)])
        #expect(throws: ThreatModelError.badData(source: url.path, line: 4, reason: "latitude 'x' is not a number")) {
            try stream.survey()
        }
        let good = try TestData.temporaryFile("name,lat,lon\nA,1,2\nLonger name,3,4\n", name: "targets.csv")
        defer { TestData.remove(good) }
        let summary = try ReachStream(sites: Self.sites, systems: [], sources: [.csvFile(good), .places([TestData.jurfAlSakhar])]).survey()
        #expect(summary == TargetCSVReader.Summary(count: 3, longestName: "Jurf al-Sakhar".count))
    }
}
