@testable import Export
import Testing

/// The grid-backed label placer against a scan of every box (the placer
/// before `BoxGrid`): same placements, label for label, on crowded maps.
@Suite struct LabelPlacementTests {
    typealias Box = LabelPlacer.Box

    /// The placer as it was: every candidate checked against every box.
    struct ScanningPlacer {
        var obstacles: [Box]
        var labels: [Box] = []
        let bounds: Box

        mutating func place(_ candidates: [Box], required: Bool) -> Box? {
            var best: (box: Box, cost: Double)?
            for box in candidates {
                guard box.minX >= bounds.minX, box.maxX <= bounds.maxX, box.minY >= bounds.minY, box.maxY <= bounds.maxY
                else { continue }
                let padded = box.inflated(1)
                guard labels.allSatisfy({ $0.overlap(padded) == 0 }) else { continue }
                let cost = obstacles.reduce(0) { $0 + $1.overlap(padded) }
                if cost == 0 { best = (box, 0); break }
                if best == nil || cost < best!.cost { best = (box, cost) }
            }
            guard let chosen = best, required || chosen.cost == 0 else { return nil }
            labels.append(chosen.box)
            return chosen.box
        }
    }

    @Test(arguments: [40, 400, 2_000])
    func crowdedMapPlacesTheSameLabelsAsAScan(markers count: Int) {
        var random = SplitMix(seed: UInt64(count))
        let bounds = Box(minX: 23, minY: 87, maxX: 1177, maxY: 700)
        let points = (0..<count).map { _ in
            PlanePoint(x: 20 + random.unit() * 1160, y: 84 + random.unit() * 620)
        }
        let legend = Box(minX: 1000, minY: 94, maxX: 1170, maxY: 200)
        let obstacles = [legend] + points.map { LabelPlacer.marker(at: $0, radius: 5.5) }
        var fast = LabelPlacer(obstacles: obstacles, bounds: bounds)
        var reference = ScanningPlacer(obstacles: obstacles, bounds: bounds)
        var placed = 0
        for (index, point) in points.enumerated() {
            let width = 20 + Double(index % 9) * 11
            let required = index % 3 != 0
            let candidates = LabelPlacer.candidates(width: width, fontSize: 13, beside: point, radius: 5.5, leaders: true).map(\.box)
            let expected = reference.place(candidates, required: required)
            let got = fast.place(width: width, fontSize: 13, beside: point, radius: 5.5, required: required)
            #expect(got?.box == expected, "label \(index) at \(point)")
            if got != nil { placed += 1 }
        }
        // The comparison means something only if labels were both placed and dropped.
        #expect(placed > 0)
        #expect(count < 400 || placed < count)
    }

    @Test func largeAndFarBoxesAreFound() {
        var grid = BoxGrid(cellSize: 16)
        grid.insert(Box(minX: -5_000, minY: -5_000, maxX: 5_000, maxY: 5_000))
        grid.insert(Box(minX: 1e12, minY: 1e12, maxX: 1e12 + 10, maxY: 1e12 + 10))
        grid.insert(Box(minX: 10, minY: 10, maxX: 40, maxY: 20))
        let query = Box(minX: 30, minY: 15, maxX: 50, maxY: 50)
        #expect(grid.anyOverlaps(query))
        // 40 × 35 inside the large box, plus 10 × 5 with the small one, each counted once.
        #expect(grid.totalOverlap(with: query) == 20 * 35 + 10 * 5)
        #expect(grid.anyOverlaps(Box(minX: 1e12 + 1, minY: 1e12 + 1, maxX: 1e12 + 2, maxY: 1e12 + 2)))
        #expect(!BoxGrid(cellSize: 16).anyOverlaps(query))
    }
}

/// A small deterministic generator (SplitMix64) for repeatable layouts.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
