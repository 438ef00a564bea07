import Foundation
import GeoModel
import Report
import Testing

/// Gridded population (ESRI ASCII) inside footprints: a synthetic grid with
/// a known answer, and every kind of bad file refused with its place.
@Suite struct PopulationGridTests {
    /// A 20 x 10 grid of 1° cells from 0°E, 15°N, every cell `value`.
    static func grid(value: String = "100", header: String? = nil, rows: Int = 10, lastRow: String? = nil) throws -> URL {
        var text = header ?? "ncols 20\nnrows 10\nxllcorner 0\nyllcorner 15\ncellsize 1\nNODATA_value -9999\n"
        for row in 0..<rows {
            text += (row == rows - 1 && lastRow != nil ? lastRow! : Array(repeating: value, count: 20).joined(separator: " ")) + "\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("grid-\(UUID().uuidString).asc")
        try Data(text.utf8).write(to: url)
        return url
    }

    static func box(west: Double, south: Double, east: Double, north: Double) -> MultiPolygon {
        MultiPolygon([Polygon(exterior: [Coordinate(latitude: south, longitude: west), Coordinate(latitude: south, longitude: east),
                                         Coordinate(latitude: north, longitude: east), Coordinate(latitude: north, longitude: west),
                                         Coordinate(latitude: south, longitude: west)])])
    }

    @Test func cellsWhollyInsideCountWholeAndSplitCellsByArea() throws {
        let url = try Self.grid()
        defer { try? FileManager.default.removeItem(at: url) }
        // 2 x 2 whole cells and two half cells (split along the 12.5°E meridian).
        let counts = try PopulationGrid.people(in: [Self.box(west: 10, south: 20, east: 12.5, north: 22),
                                                    Self.box(west: 40, south: 0, east: 41, north: 1)], file: url)
        #expect(abs(counts[0].people - 500) < 0.5, "\(counts[0].people)")
        #expect(counts[0].cells == 6)
        #expect(counts[0].splitCells == 2)
        #expect((counts[1].people, counts[1].cells, counts[1].splitCells) == (0, 0, 0))
    }

    @Test func noDataCellsCountNothing() throws {
        let url = try Self.grid(value: "-9999")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try PopulationGrid.people(in: [Self.box(west: 10, south: 20, east: 12.5, north: 22)], file: url)[0].people == 0)
    }

    @Test(arguments: [
        ("truncated", try grid(rows: 9), "truncated: 9 full rows of 10"),
        ("NaN", try grid(lastRow: "nan " + Array(repeating: "1", count: 19).joined(separator: " ")), "a cell is NaN"),
        ("negative", try grid(lastRow: "-5 " + Array(repeating: "1", count: 19).joined(separator: " ")), "a cell holds -5.0 people"),
        ("not a number", try grid(lastRow: "x " + Array(repeating: "1", count: 19).joined(separator: " ")), "'x' is not a number"),
        ("too many", try grid(lastRow: Array(repeating: "1", count: 21).joined(separator: " ")), "more values than the header's"),
        ("no ncols", try grid(header: "nrows 10\nxllcorner 0\nyllcorner 15\ncellsize 1\n"), "the header lacks ncols"),
        ("zero columns", try grid(header: "ncols 0\nnrows 10\nxllcorner 0\nyllcorner 15\ncellsize 1\n"), "ncols 0.0 must be a whole number"),
        ("past 180", try grid(header: "ncols 20\nnrows 10\nxllcorner 170\nyllcorner 15\ncellsize 1\n"), "spans longitudes 170.0 to 190.0"),
        ("negative cell size", try grid(header: "ncols 20\nnrows 10\nxllcorner 0\nyllcorner 15\ncellsize -1\n"), "cellsize -1.0 must be above 0"),
    ])
    func badGridsAreRefusedWithTheirPlace(_ name: String, _ url: URL, _ reason: String) throws {
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try PopulationGrid.people(in: [Self.box(west: 10, south: 20, east: 12.5, north: 22)], file: url)
            Issue.record("\(name): accepted")
        } catch {
            #expect(error.description.contains(reason), "\(name): \(error.description)")
            #expect(error.description.hasPrefix(url.path))
            #expect(!error.unreadable)
            #expect(ExitStatus(classifying: error) == .dataError)
        }
    }

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("grid-\(UUID().uuidString).asc").path
        try #require(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        do {
            _ = try PopulationGrid.people(in: [], file: URL(fileURLWithPath: path))
            Issue.record("accepted")
        } catch {
            #expect(error.unreadable)
            #expect(error.description.contains("FIFO"))
        }
    }

    @Test func aMissingFileIsUnreadable() throws {
        do {
            _ = try PopulationGrid.people(in: [], file: URL(fileURLWithPath: "/nonexistent/grid.asc"))
            Issue.record("accepted")
        } catch {
            #expect(error.unreadable)
            #expect(ExitStatus(classifying: error) == .noInput)
        }
    }
}
