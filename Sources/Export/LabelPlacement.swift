/// Greedy label placement in priority order.
///
/// Each label tries eight positions around its marker, then (when allowed)
/// eight positions farther out joined to the marker by a leader line. It
/// takes the first position that overlaps nothing placed before it. A
/// label that must show takes the position overlapping least, as long as
/// it covers no other label; any other label that cannot be placed is
/// dropped (its marker keeps its tooltip). Labels never overlap each other.
///
/// - Complexity: each label looks only at the boxes near its candidate
///   positions (`BoxGrid`), so placing n labels among n markers is
///   near-linear in n.
struct LabelPlacer {
    struct Box: Hashable {
        var minX, minY, maxX, maxY: Double

        func overlap(_ other: Box) -> Double {
            let width = min(maxX, other.maxX) - max(minX, other.minX)
            let height = min(maxY, other.maxY) - max(minY, other.minY)
            return width > 0 && height > 0 ? width * height : 0
        }

        func inflated(_ amount: Double) -> Box {
            Box(minX: minX - amount, minY: minY - amount, maxX: maxX + amount, maxY: maxY + amount)
        }
    }

    /// Where a label's text starts, how it is anchored, and its leader line.
    struct Placement {
        var x, y: Double
        var anchor: String
        var box: Box
        /// From the marker's edge to the label, when the label sits away from it.
        var leader: (from: PlanePoint, to: PlanePoint)?
    }

    private var obstacles: BoxGrid
    private var labels = BoxGrid()
    private let bounds: Box

    /// - Parameters:
    ///   - obstacles: boxes labels should not cover (markers, legend, scale bar).
    ///   - bounds: labels must stay inside this box.
    init(obstacles: [Box], bounds: Box) {
        self.obstacles = BoxGrid(obstacles)
        self.bounds = bounds
    }

    /// A box for a marker of `radius` pixels at `point`.
    static func marker(at point: PlanePoint, radius: Double) -> Box {
        Box(minX: point.x - radius, minY: point.y - radius, maxX: point.x + radius, maxY: point.y + radius)
    }

    /// Approximate width in pixels of `text` at `fontSize` (sans-serif).
    static func width(of text: String, fontSize: Double, bold: Bool = false, uppercase: Bool = false) -> Double {
        var units = 0.0
        for character in text {
            if character == " " { units += 0.32 }
            else if "il.,:;'|!".contains(character) { units += 0.3 }
            else if "mwMW".contains(character) { units += 0.9 }
            else if character.isUppercase || uppercase { units += 0.7 }
            else { units += 0.58 }
        }
        return units * fontSize * (bold ? 1.1 : 1)
    }

    /// Places a label `width` × `fontSize` pixels beside a marker of
    /// `radius` pixels at `point`.
    /// - Parameters:
    ///   - required: take the least-overlapping position rather than drop the label.
    ///   - leaders: also try positions away from the marker, with a leader line.
    /// - Returns: the placement, or nil when the label is dropped.
    mutating func place(width: Double, fontSize: Double, beside point: PlanePoint, radius: Double,
                        required: Bool, leaders: Bool = true) -> Placement? {
        let candidates = Self.candidates(width: width, fontSize: fontSize, beside: point, radius: radius, leaders: leaders)
        // Near positions come first, so the first free one wins.
        var best: (placement: Placement, cost: Double)?
        for candidate in candidates {
            let box = candidate.box
            guard box.minX >= bounds.minX, box.maxX <= bounds.maxX, box.minY >= bounds.minY, box.maxY <= bounds.maxY
            else { continue }
            let padded = box.inflated(1)
            guard !labels.anyOverlaps(padded) else { continue }
            let cost = obstacles.totalOverlap(with: padded)
            if cost == 0 {
                best = (candidate, 0)
                break
            }
            if best == nil || cost < best!.cost { best = (candidate, cost) }
        }
        guard let chosen = best, required || chosen.cost == 0 else { return nil }
        labels.insert(chosen.placement.box)
        return chosen.placement
    }

    /// The positions `place` tries, in order: eight beside the marker, then
    /// (with `leaders`) eight farther out with a leader line.
    static func candidates(width: Double, fontSize: Double, beside point: PlanePoint, radius: Double,
                           leaders: Bool) -> [Placement] {
        let height = fontSize
        var candidates = [Placement]()
        for distance in leaders ? [radius + 4, radius + 26] : [radius + 4] {
            let far = distance > radius + 4
            let diagonal = distance * 0.75
            // Right, left, above, below, then the diagonals.
            let offsets: [(dx: Double, dy: Double, anchor: String)] = [
                (distance, height * 0.35, "start"), (-distance, height * 0.35, "end"),
                (0, -distance, "middle"), (0, distance + height * 0.75, "middle"),
                (diagonal, -diagonal, "start"), (-diagonal, -diagonal, "end"),
                (diagonal, diagonal + height * 0.7, "start"), (-diagonal, diagonal + height * 0.7, "end"),
            ]
            for offset in offsets {
                let x = point.x + offset.dx, baseline = point.y + offset.dy
                let minX = switch offset.anchor {
                case "start": x
                case "end": x - width
                default: x - width / 2
                }
                let box = Box(minX: minX, minY: baseline - height * 0.8, maxX: minX + width, maxY: baseline + height * 0.25)
                var leader: (from: PlanePoint, to: PlanePoint)?
                if far {
                    let target = PlanePoint(x: min(max(point.x, box.minX), box.maxX), y: min(max(point.y, box.minY), box.maxY))
                    let dx = target.x - point.x, dy = target.y - point.y
                    let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
                    leader = (PlanePoint(x: point.x + dx / length * (radius + 1), y: point.y + dy / length * (radius + 1)), target)
                }
                candidates.append(Placement(x: x, y: baseline, anchor: offset.anchor, box: box, leader: leader))
            }
        }
        return candidates
    }

    /// Places a label centred on `point`, or a little above or below it
    /// when that is free; drops it when all three are taken.
    mutating func placeCentered(width: Double, fontSize: Double, at point: PlanePoint) -> Placement? {
        for shift in [0, -1.6 * fontSize, 1.6 * fontSize] {
            let y = point.y + shift
            let box = Box(minX: point.x - width / 2, minY: y - fontSize * 0.8, maxX: point.x + width / 2, maxY: y + fontSize * 0.25)
            guard box.minX >= bounds.minX, box.maxX <= bounds.maxX, box.minY >= bounds.minY, box.maxY <= bounds.maxY else { continue }
            let padded = box.inflated(3)
            guard !labels.anyOverlaps(padded), !obstacles.anyOverlaps(padded) else { continue }
            labels.insert(box)
            return Placement(x: point.x, y: y, anchor: "middle", box: box, leader: nil)
        }
        return nil
    }

    /// Keeps later labels off `box`.
    mutating func block(_ box: Box) {
        obstacles.insert(box)
    }
}
