import Export
import Foundation
import Gazetteer
import Geodesy
import GeoModel

/// Why a population grid cannot be read.
public struct PopulationGridError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file cannot be opened or read (sysexits 66); else bad data (65).
    public var unreadable: Bool
    public var file: String
    /// 1-based line, when the fault is on one.
    public var line: Int?
    public var reason: String

    public var description: String {
        // An unreadable file's reason names the file already.
        unreadable && reason.contains(file) ? reason : "\(file)\(line.map { ":\($0)" } ?? ""): \(reason)"
    }
}

/// People in reach from a gridded population (an ESRI ASCII grid, `.asc`,
/// the format GPW and others publish, in longitude and latitude degrees):
/// each cell's people times its share inside a footprint. Cells wholly
/// inside or outside are told by the footprint's boundary, the cells it
/// crosses get the geodesic area of their intersection over their own.
/// Read row by row: memory holds one row, whatever the file's size.
public enum PopulationGrid {
    public struct Header: Equatable, Sendable {
        public var columns: Int
        public var rows: Int
        /// South-west corner of the grid and cell size, degrees.
        public var west: Double
        public var south: Double
        public var cellSize: Double
        public var noData: Double?
        var north: Double { south + Double(rows) * cellSize }
    }

    /// What a grid gives one footprint.
    public struct Count: Equatable, Sendable {
        /// People in the footprint: cell values times their shares.
        public var people: Double
        /// Cells wholly or partly inside.
        public var cells: Int
        /// Of those, cells the footprint's edge crosses (shares by area).
        public var splitCells: Int
    }

    /// The people of `file` inside each footprint.
    /// - Throws: `PopulationGridError` naming the file and line: unreadable,
    ///   a header that is missing or impossible, a value that is not a number,
    ///   NaN or negative (other than NODATA), too few or too many values.
    public static func people(in footprints: [MultiPolygon], file url: URL,
                              geodesic: Geodesic = .wgs84) throws(PopulationGridError) -> [Count] {
        let path = url.path
        func fail(_ line: Int?, _ reason: String) -> PopulationGridError {
            PopulationGridError(unreadable: false, file: path, line: line, reason: reason)
        }
        // A FIFO or a device is refused before it is opened (opening a FIFO waits for a writer).
        do { try InputFile.requireRegularFile(path) } catch {
            throw PopulationGridError(unreadable: true, file: path, line: nil, reason: error.description)
        }
        var keys = [String: (value: Double, line: Int)]()
        var header: Header?
        var shapes = [FootprintCells]()
        var counts = [Count](repeating: Count(people: 0, cells: 0, splitCells: 0), count: footprints.count)
        var row = [Double]()
        row.reserveCapacity(1024)
        var rowIndex = 0
        var lastLine = 0
        let reader = LineReader(url: url, maximumLineLength: 64 << 20)
        do {
            try reader.forEachLine { bytes, number throws(GazetteerError) in
                lastLine = number
                let words = bytes.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
                guard !words.isEmpty else { return true }
                if header == nil {
                    let key = String(decoding: words[0], as: UTF8.self).lowercased()
                    if let first = words[0].first, first >= 0x41 /* a letter: a header line */ || first == 0x5F {
                        guard words.count == 2, let value = Double(String(decoding: words[1], as: UTF8.self)), value.isFinite else {
                            throw .badData(source: path, line: number, reason: "header line '\(key)' needs one finite number")
                        }
                        keys[key] = (value, number)
                        return true
                    }
                    header = try Self.header(keys, line: number, file: path)
                    shapes = footprints.map { FootprintCells($0, header: header!) }
                }
                let grid = header!
                for word in words {
                    guard let value = Double(String(decoding: word, as: UTF8.self)) else {
                        throw .badData(source: path, line: number, reason: "'\(String(decoding: word.prefix(40), as: UTF8.self))' is not a number")
                    }
                    guard rowIndex < grid.rows else {
                        throw .badData(source: path, line: number, reason: "more values than the header's \(grid.rows) rows of \(grid.columns)")
                    }
                    guard !value.isNaN else { throw .badData(source: path, line: number, reason: "a cell is NaN") }
                    if let noData = grid.noData, value == noData {
                        row.append(0)
                    } else {
                        guard value >= 0, value.isFinite else {
                            throw .badData(source: path, line: number, reason: "a cell holds \(value) people; counts are zero or more")
                        }
                        row.append(value)
                    }
                    if row.count == grid.columns {
                        for (index, shape) in shapes.enumerated() {
                            shape.add(row: rowIndex, values: row, to: &counts[index], geodesic: geodesic)
                        }
                        row.removeAll(keepingCapacity: true)
                        rowIndex += 1
                    }
                }
                return true
            }
        } catch {
            switch error {
            case let .badData(_, line, reason): throw fail(line, reason)
            case let .file(fileError): throw PopulationGridError(unreadable: true, file: path, line: nil, reason: "\(fileError)")
            default: throw fail(nil, "\(error)")
            }
        }
        guard let grid = header else { throw fail(lastLine, "no grid values after the header") }
        guard rowIndex == grid.rows, row.isEmpty else {
            throw fail(lastLine, "truncated: \(rowIndex) full rows of \(grid.rows) (\(grid.columns) values each)")
        }
        return counts
    }

    /// The header from its keys (`ncols`, `nrows`, `xllcorner`/`xllcenter`,
    /// `yllcorner`/`yllcenter`, `cellsize`, optional `nodata_value`).
    static func header(_ keys: [String: (value: Double, line: Int)], line: Int, file: String) throws(GazetteerError) -> Header {
        func need(_ names: String...) throws(GazetteerError) -> (name: String, value: Double, line: Int) {
            for name in names { if let entry = keys[name] { return (name, entry.value, entry.line) } }
            throw .badData(source: file, line: line, reason: "the header lacks \(names.joined(separator: " or "))")
        }
        let columns = try need("ncols"), rows = try need("nrows"), size = try need("cellsize")
        let x = try need("xllcorner", "xllcenter"), y = try need("yllcorner", "yllcenter")
        for count in [columns, rows] where count.value < 1 || count.value > 1_000_000 || count.value != count.value.rounded() {
            throw .badData(source: file, line: count.line, reason: "\(count.name) \(count.value) must be a whole number from 1 to 1000000")
        }
        guard size.value > 0, size.value <= 180 else {
            throw .badData(source: file, line: size.line, reason: "cellsize \(size.value) must be above 0 and at most 180 degrees")
        }
        let west = x.name == "xllcenter" ? x.value - size.value / 2 : x.value
        let south = y.name == "yllcenter" ? y.value - size.value / 2 : y.value
        let east = west + columns.value * size.value, north = south + rows.value * size.value
        let slack = size.value * 1e-6
        guard west >= -180 - slack, east <= 180 + slack else {
            throw .badData(source: file, line: x.line, reason: "the grid spans longitudes \(west) to \(east); a longitude/latitude grid lies within -180 to 180")
        }
        guard south >= -90 - slack, north <= 90 + slack else {
            throw .badData(source: file, line: y.line, reason: "the grid spans latitudes \(south) to \(north); a longitude/latitude grid lies within -90 to 90")
        }
        return Header(columns: Int(columns.value), rows: Int(rows.value), west: west, south: south, cellSize: size.value,
                      noData: keys["nodata_value"]?.value)
    }
}

/// One footprint against a grid: its box in cells, the cells its edges
/// cross, and the share of each such cell it covers.
private struct FootprintCells {
    let footprint: MultiPolygon
    let header: PopulationGrid.Header
    /// Columns (ascending) that any polygon's box touches.
    let columns: [Int]
    let firstRow: Int, lastRow: Int
    /// Cells (row * columns + column) an edge passes through, and their neighbours.
    let edgeCells: Set<Int>

    init(_ footprint: MultiPolygon, header: PopulationGrid.Header) {
        self.footprint = footprint
        self.header = header
        let size = header.cellSize
        func column(_ longitude: Double) -> Int { Int(((longitude - header.west) / size).rounded(.down)) }
        func row(_ latitude: Double) -> Int { Int(((header.north - latitude) / size).rounded(.down)) }
        var columns = Set<Int>()
        var firstRow = Int.max, lastRow = Int.min
        var edgeCells = Set<Int>()
        for polygon in footprint.polygons {
            let longitudes = polygon.exterior.map(\.longitude), latitudes = polygon.exterior.map(\.latitude)
            guard let west = longitudes.min(), let east = longitudes.max(), let south = latitudes.min(), let north = latitudes.max() else { continue }
            let from = max(0, column(west)), to = min(header.columns - 1, column(east))
            if from <= to { columns.formUnion(from...to) }
            firstRow = min(firstRow, max(0, row(north)))
            lastRow = max(lastRow, min(header.rows - 1, row(south)))
            // Edges sampled every quarter cell; each sample's cell and its
            // neighbours are decided by area.
            for ring in [polygon.exterior] + polygon.holes {
                for (a, b) in zip(ring, ring.dropFirst()) {
                    let steps = max(1, Int((max(abs(b.longitude - a.longitude), abs(b.latitude - a.latitude)) / size * 4).rounded(.up)))
                    for step in 0...steps {
                        let t = Double(step) / Double(steps)
                        let r = row(a.latitude + (b.latitude - a.latitude) * t), c = column(a.longitude + (b.longitude - a.longitude) * t)
                        for dr in -1...1 {
                            for dc in -1...1 where (0..<header.rows).contains(r + dr) && (0..<header.columns).contains(c + dc) {
                                edgeCells.insert((r + dr) * header.columns + c + dc)
                            }
                        }
                    }
                }
            }
        }
        self.columns = columns.sorted()
        self.firstRow = firstRow
        self.lastRow = lastRow
        self.edgeCells = edgeCells
    }

    func add(row: Int, values: [Double], to count: inout PopulationGrid.Count, geodesic: Geodesic) {
        guard row >= firstRow, row <= lastRow else { return }
        let size = header.cellSize
        let north = header.north - Double(row) * size, south = north - size
        for column in columns where values[column] > 0 {
            let west = header.west + Double(column) * size, east = west + size
            let share: Double
            if edgeCells.contains(row * header.columns + column) {
                let cell = Polygon(exterior: [Coordinate(latitude: south, longitude: west), Coordinate(latitude: south, longitude: east),
                                              Coordinate(latitude: north, longitude: east), Coordinate(latitude: north, longitude: west),
                                              Coordinate(latitude: south, longitude: west)])
                var covered = 0.0
                for polygon in footprint.polygons {
                    let exterior = LonLatClipping.clip(polygon.exterior, west: west, south: south, east: east, north: north)
                    guard !exterior.isEmpty else { continue }
                    let holes = polygon.holes.map { LonLatClipping.clip($0, west: west, south: south, east: east, north: north) }.filter { !$0.isEmpty }
                    covered += geodesic.measure(polygon: Polygon(exterior: exterior, holes: holes)).area
                }
                share = min(1, max(0, covered / geodesic.measure(polygon: cell).area))
                if share > 0, share < 1 { count.splitCells += 1 }
            } else {
                let centre = Coordinate(latitude: (north + south) / 2, longitude: (west + east) / 2)
                share = RingGeometry.contains(footprint, centre) ? 1 : 0
            }
            if share > 0 {
                count.people += values[column] * share
                count.cells += 1
            }
        }
    }
}
