import Export
import Foundation
import GeoModel
import Report
import ThreatModel
import Testing

/// `ReachRequest`, `reach` as a library call: streamed rows equal the
/// in-memory report's, and a job too large to sort in memory is refused
/// before any decision.
@Suite struct ReachRequestTests {
    static let sites = ReachReportTests.sites
    static let targets = ReachReportTests.targets

    static func output(_ request: ReachRequest) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reach-request-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("rows.out")
        try request.run(toFile: file.path)
        return try String(contentsOf: file, encoding: .utf8)
    }

    @Test(arguments: [ReachFormat.csv, .json, .table, .geojson])
    func writesWhatTheReportWrites(_ format: ReachFormat) throws {
        let request = ReachRequest(sites: Self.sites, systems: [.bareRange(.kilometers(700))],
                                   sources: [.places(Self.targets)], format: format)
        let results = try ReachJob(sites: Self.sites, systems: [.bareRange(.kilometers(700))], targets: Self.targets).run(onlyInRange: false)
        #expect(try Self.output(request) == ReachReport(results).text(format))
    }

    @Test func sortedOrReversedOutputFollowsTheReport() throws {
        let request = ReachRequest(sites: Self.sites, systems: [.bareRange(.kilometers(300))], sources: [.places(Self.targets)],
                                   format: .csv, order: .distance, reversed: true)
        let results = try ReachJob(sites: Self.sites, systems: [.bareRange(.kilometers(300))], targets: Self.targets).run(onlyInRange: false)
        #expect(try Self.output(request) == ReachReport(results, order: .distance, reversed: true).text(.csv))
    }

    /// 1,001 sites × 2,000 targets: more rows than may be sorted in memory.
    @Test func refusesToSortTooManyRowsBeforeAnyDecision() throws {
        let sites = (0...1_000).map { LaunchSite(place: TestData.point("s\($0)", Coordinate(latitude: 0, longitude: Double($0) / 100))) }
        let targets = (0..<2_000).map { TestData.point("t\($0)", Coordinate(latitude: 1, longitude: Double($0) / 100)) }
        let request = ReachRequest(sites: sites, systems: [.bareRange(.kilometers(100))], sources: [.places(targets)],
                                   format: .csv, order: .distance)
        #expect(throws: ReportError.tooManyRowsInMemory(rows: 2_002_000, limit: ReachRequest.maximumRowsInMemory)) {
            try request.run(toFile: "/nonexistent-folder/never-written.csv")
        }
    }
}

/// `reach --coordinates`: the target's position after the documented columns.
@Suite struct ReachCoordinatesTests {
    @Test func rowsEndWithTheTargetsGridReference() throws {
        let request = ReachRequest(sites: ReachReportTests.sites, systems: [.bareRange(.kilometers(700))],
                                   sources: [.places(ReachReportTests.targets)], format: .csv, coordinates: .mgrs)
        let lines = try ReachRequestTests.output(request).split(separator: "\n")
        #expect(lines.first == Substring((ReachTable.columns + CoordinateNotation.mgrs.columns.map { "target_" + $0 }).joined(separator: ",")))
        // Near lies at 33°N 46°E: zone 38S, in every row that names it.
        let near = lines.filter { $0.contains(",Near,") }
        let reference = CoordinateNotation.mgrs.text(Coordinate(latitude: 33, longitude: 46))
        #expect(reference.hasPrefix("38S"))
        #expect(near.count == 2 && near.allSatisfy { $0.hasSuffix("," + reference) })
    }

    @Test func reversedRowsCarryThePositionToo() throws {
        let request = ReachRequest(sites: ReachReportTests.sites, systems: [.bareRange(.kilometers(700))],
                                   sources: [.places(ReachReportTests.targets)], format: .csv, reversed: true, coordinates: .dd)
        let lines = try ReachRequestTests.output(request).split(separator: "\n")
        #expect(lines.first?.hasSuffix(",target_latitude,target_longitude") == true)
        let width = lines.first!.split(separator: ",", omittingEmptySubsequences: false).count
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == width })
    }
}
