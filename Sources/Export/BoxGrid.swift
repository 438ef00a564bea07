/// Axis-aligned boxes filed under the square cells of a uniform grid they
/// cover, so the boxes near a query box are found without a scan of all.
///
/// Label placement asks, for each of thousands of labels, which markers and
/// labels a candidate box overlaps: a scan of every box makes drawing grow
/// with the square of the markers; the grid keeps it near-linear while no
/// cell is crowded.
struct BoxGrid {
    private struct Cell: Hashable {
        var column: Int, row: Int
    }

    /// Side of a cell, pixels.
    let cellSize: Double
    private(set) var boxes: [LabelPlacer.Box] = []
    private var cells: [Cell: [Int]] = [:]
    /// Boxes spanning more than `largestSpan` cells a side, checked on every query.
    private var large: [Int] = []
    private static let largestSpan = 64

    /// - Parameter cellSize: side of a cell, pixels; about the size of a
    ///   typical box.
    init(cellSize: Double = 16) {
        self.cellSize = cellSize
    }

    init(_ boxes: [LabelPlacer.Box], cellSize: Double = 16) {
        self.init(cellSize: cellSize)
        for box in boxes { insert(box) }
    }

    mutating func insert(_ box: LabelPlacer.Box) {
        let index = boxes.count
        boxes.append(box)
        let (columns, rows) = span(of: box)
        guard columns.count <= Self.largestSpan, rows.count <= Self.largestSpan else {
            large.append(index)
            return
        }
        for column in columns {
            for row in rows { cells[Cell(column: column, row: row), default: []].append(index) }
        }
    }

    /// Whether any box overlaps `box` (by a positive area, as `Box.overlap`).
    func anyOverlaps(_ box: LabelPlacer.Box) -> Bool {
        if large.contains(where: { boxes[$0].overlap(box) > 0 }) { return true }
        let (columns, rows) = span(of: box)
        for column in columns {
            for row in rows {
                guard let filed = cells[Cell(column: column, row: row)] else { continue }
                if filed.contains(where: { boxes[$0].overlap(box) > 0 }) { return true }
            }
        }
        return false
    }

    /// Indices (in insertion order) of the boxes that overlap or touch `box`.
    func indices(near box: LabelPlacer.Box) -> [Int] {
        func touches(_ other: LabelPlacer.Box) -> Bool {
            other.minX <= box.maxX && other.maxX >= box.minX && other.minY <= box.maxY && other.maxY >= box.minY
        }
        var found = Set(large.filter { touches(boxes[$0]) })
        let (columns, rows) = span(of: box)
        for column in columns {
            for row in rows {
                for index in cells[Cell(column: column, row: row)] ?? [] where touches(boxes[index]) { found.insert(index) }
            }
        }
        return found.sorted()
    }

    /// The summed overlap area of every box with `box`, added in insertion
    /// order (so the sum is the one a scan of all boxes would give).
    func totalOverlap(with box: LabelPlacer.Box) -> Double {
        var overlapping = large.filter { boxes[$0].overlap(box) > 0 }
        let (columns, rows) = span(of: box)
        for column in columns {
            for row in rows {
                guard let filed = cells[Cell(column: column, row: row)] else { continue }
                for index in filed where boxes[index].overlap(box) > 0 {
                    // A box in several cells counts once: in the cell holding
                    // the lower corner of its intersection with the query.
                    let other = boxes[index]
                    let corner = (x: max(other.minX, box.minX), y: max(other.minY, box.minY))
                    if cellIndex(corner.x) == column, cellIndex(corner.y) == row { overlapping.append(index) }
                }
            }
        }
        overlapping.sort()
        return overlapping.reduce(0) { $0 + boxes[$1].overlap(box) }
    }

    private func cellIndex(_ coordinate: Double) -> Int {
        // Clamped so that boxes far off the canvas (or not finite) stay countable.
        let cell = (coordinate / cellSize).rounded(.down)
        return Int(min(max(cell, -1_000_000), 1_000_000))
    }

    private func span(of box: LabelPlacer.Box) -> (columns: ClosedRange<Int>, rows: ClosedRange<Int>) {
        let columns = cellIndex(box.minX)...max(cellIndex(box.minX), cellIndex(box.maxX))
        let rows = cellIndex(box.minY)...max(cellIndex(box.minY), cellIndex(box.maxY))
        return (columns, rows)
    }
}
