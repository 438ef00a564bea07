/// Greedy label placement in priority order.
///
/// Each label tries eight positions around its marker, then (when allowed)
/// eight positions farther out, twice, joined to the marker by a leader
/// line. It takes the first position that overlaps nothing placed before
/// it. A label that must show takes the position overlapping least, as
/// long as it covers no other label; any other label that cannot be placed
/// is dropped (its marker keeps its tooltip). Labels never overlap each
/// other, and a label placed for one of the `markers` is always nearer
/// (by a pixel at least) to its own marker than to any other, so that no
/// reader takes one place's dot for another's name.
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
    /// Every marker's point, as a box of no size (for the nearest-marker rule).
    private let markers: BoxGrid

    /// - Parameters:
    ///   - obstacles: boxes labels should not cover (markers, legend, scale bar).
    ///   - bounds: labels must stay inside this box.
    ///   - markers: the points of every marker on the map; a label placed
    ///     with `marker:` must lie nearer to that one than to the others.
    init(obstacles: [Box], bounds: Box, markers: [PlanePoint] = []) {
        self.obstacles = BoxGrid(obstacles)
        self.bounds = bounds
        self.markers = BoxGrid(markers.map { Box(minX: $0.x, minY: $0.y, maxX: $0.x, maxY: $0.y) })
    }

    /// Distance in pixels from `point` to the nearest point of `box` (0 inside).
    static func distance(from point: PlanePoint, to box: Box) -> Double {
        let dx = max(box.minX - point.x, 0, point.x - box.maxX)
        let dy = max(box.minY - point.y, 0, point.y - box.maxY)
        return (dx * dx + dy * dy).squareRoot()
    }

    /// Whether marker `own` is nearer to `box` than every other marker, by a pixel at least.
    func nearestIsOwn(_ box: Box, own: Int) -> Bool {
        let ownPoint = markers.boxes[own]
        let reach = Self.distance(from: PlanePoint(x: ownPoint.minX, y: ownPoint.minY), to: box) + 1
        for index in markers.indices(near: box.inflated(reach)) where index != own {
            let other = markers.boxes[index]
            if Self.distance(from: PlanePoint(x: other.minX, y: other.minY), to: box) < reach { return false }
        }
        return true
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
    ///   - marker: the index of the label's own marker in `markers`, for the
    ///     nearest-marker rule; a label no position of which keeps the rule is dropped.
    /// - Returns: the placement, or nil when the label is dropped.
    mutating func place(width: Double, fontSize: Double, beside point: PlanePoint, radius: Double,
                        required: Bool, leaders: Bool = true, marker: Int? = nil) -> Placement? {
        let candidates = Self.candidates(width: width, fontSize: fontSize, beside: point, radius: radius, leaders: leaders)
        // Near positions come first, so the first free one wins.
        var best: (placement: Placement, cost: Double)?
        for candidate in candidates {
            let box = candidate.box
            guard box.minX >= bounds.minX, box.maxX <= bounds.maxX, box.minY >= bounds.minY, box.maxY <= bounds.maxY
            else { continue }
            let padded = box.inflated(1)
            guard !labels.anyOverlaps(padded) else { continue }
            if let marker, !nearestIsOwn(box, own: marker) { continue }
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
    /// (with `leaders`) eight farther out and eight farther still, with a leader line.
    static func candidates(width: Double, fontSize: Double, beside point: PlanePoint, radius: Double,
                           leaders: Bool) -> [Placement] {
        let height = fontSize
        var candidates = [Placement]()
        for distance in leaders ? [radius + 4, radius + 26, radius + 48] : [radius + 4] {
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

    /// Whether `point` lies inside the bounds, `margin` pixels in from their edges.
    func isInside(_ point: PlanePoint, margin: Double) -> Bool {
        point.x > bounds.minX + margin && point.x < bounds.maxX - margin && point.y > bounds.minY + margin && point.y < bounds.maxY - margin
    }

    /// Places a label centred on `point`, or (with `shifts`) a little above
    /// or below it when that is free; drops it when all are taken.
    mutating func placeCentered(width: Double, fontSize: Double, at point: PlanePoint, shifts: Bool = true) -> Placement? {
        for shift in shifts ? [0, -1.6 * fontSize, 1.6 * fontSize] : [0] {
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

    /// Keeps every later label off `box`, as if a label were there.
    mutating func reserve(_ box: Box) {
        labels.insert(box)
    }

    /// Keeps later labels off `box`.
    mutating func block(_ box: Box) {
        obstacles.insert(box)
    }
}
