/// Greedy label placement: each label takes the first of eight positions
/// around its marker that overlaps no marker and no label placed before it,
/// or the least-overlapping one when every position collides.
struct LabelPlacer {
    struct Box {
        var minX, minY, maxX, maxY: Double

        func overlap(_ other: Box) -> Double {
            let width = min(maxX, other.maxX) - max(minX, other.minX)
            let height = min(maxY, other.maxY) - max(minY, other.minY)
            return width > 0 && height > 0 ? width * height : 0
        }
    }

    /// Where a label's text starts and how it is anchored.
    struct Placement {
        var x, y: Double
        var anchor: String
    }

    private var taken: [Box]
    private let bounds: Box

    /// - Parameters:
    ///   - markers: marker centres in pixels; each blocks a 12 px square.
    ///   - bounds: labels should stay inside this box.
    init(markers: [PlanePoint], bounds: Box) {
        taken = markers.map { Box(minX: $0.x - 6, minY: $0.y - 6, maxX: $0.x + 6, maxY: $0.y + 6) }
        self.bounds = bounds
    }

    /// Places a label of `characters` characters at `fontSize` px beside `point`.
    mutating func place(characters: Int, fontSize: Double, beside point: PlanePoint) -> Placement {
        let width = Double(characters) * fontSize * 0.6, height = fontSize
        let gap = 8.0
        // Right, left, above, below, then the diagonals.
        let candidates: [(dx: Double, dy: Double, anchor: String)] = [
            (gap, height * 0.35, "start"), (-gap, height * 0.35, "end"),
            (0, -gap - 2, "middle"), (0, gap + height, "middle"),
            (gap, -gap, "start"), (-gap, -gap, "end"),
            (gap, gap + height * 0.7, "start"), (-gap, gap + height * 0.7, "end"),
        ]
        var best: (placement: Placement, box: Box, cost: Double)?
        for candidate in candidates {
            let x = point.x + candidate.dx, baseline = point.y + candidate.dy
            let minX = switch candidate.anchor {
            case "start": x
            case "end": x - width
            default: x - width / 2
            }
            let box = Box(minX: minX, minY: baseline - height * 0.8, maxX: minX + width, maxY: baseline + height * 0.2)
            let outside = box.minX < bounds.minX || box.maxX > bounds.maxX || box.minY < bounds.minY || box.maxY > bounds.maxY
            let cost = taken.reduce(0) { $0 + $1.overlap(box) } + (outside ? width * height : 0)
            if best == nil || cost < best!.cost {
                best = (Placement(x: x, y: baseline, anchor: candidate.anchor), box, cost)
            }
            if cost == 0 { break }
        }
        taken.append(best!.box)
        return best!.placement
    }
}
