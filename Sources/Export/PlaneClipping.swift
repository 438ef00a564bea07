import Foundation
import GeoModel

/// An axis-aligned rectangle on the plane (metres or pixels).
struct PlaneRect: Hashable, Sendable {
    var minX, minY, maxX, maxY: Double

    func contains(_ point: PlanePoint) -> Bool {
        point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
    }

    func insetBy(_ amount: Double) -> PlaneRect {
        PlaneRect(minX: minX + amount, minY: minY + amount, maxX: maxX - amount, maxY: maxY - amount)
    }

    var corners: [PlanePoint] {
        [PlanePoint(x: minX, y: minY), PlanePoint(x: maxX, y: minY), PlanePoint(x: maxX, y: maxY), PlanePoint(x: minX, y: maxY)]
    }

    func intersects(_ other: PlaneRect) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    /// The smallest rectangle around `points`, or nil when there are none.
    init?(covering points: some Sequence<PlanePoint>) {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        self.init(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        while let point = iterator.next() {
            minX = min(minX, point.x); maxX = max(maxX, point.x)
            minY = min(minY, point.y); maxY = max(maxY, point.y)
        }
    }

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }
}

/// Polygon and line clipping on the plane.
///
/// Rings are open (the closing vertex is not repeated) and oriented so the
/// interior lies on their left (counter-clockwise with y up).
enum PlaneClipping {
    // MARK: Rectangle

    /// Sutherland–Hodgman: `ring` clipped to `rect`. The result has the same
    /// winding number as `ring` at every point inside `rect` (it may hold
    /// zero-width spurs along the rectangle's edges, which fill nothing).
    /// - Complexity: O(n) per rectangle side.
    static func clip(ring: [PlanePoint], to rect: PlaneRect) -> [PlanePoint] {
        var output = ring
        let sides: [(inside: (PlanePoint) -> Bool, cross: (PlanePoint, PlanePoint) -> PlanePoint)] = [
            ({ $0.x >= rect.minX }, { a, b in at(x: rect.minX, a, b) }),
            ({ $0.x <= rect.maxX }, { a, b in at(x: rect.maxX, a, b) }),
            ({ $0.y >= rect.minY }, { a, b in at(y: rect.minY, a, b) }),
            ({ $0.y <= rect.maxY }, { a, b in at(y: rect.maxY, a, b) }),
        ]
        for side in sides {
            guard !output.isEmpty else { return [] }
            let input = output
            output = []
            output.reserveCapacity(input.count + 4)
            var previous = input[input.count - 1]
            var previousInside = side.inside(previous)
            for current in input {
                let currentInside = side.inside(current)
                if currentInside {
                    if !previousInside { output.append(side.cross(previous, current)) }
                    output.append(current)
                } else if previousInside {
                    output.append(side.cross(previous, current))
                }
                previous = current
                previousInside = currentInside
            }
        }
        return output.count >= 3 ? output : []
    }

    /// Liang–Barsky on each segment: the parts of `line` inside `rect`, as
    /// separate polylines where the line leaves and re-enters.
    static func clip(line: [PlanePoint], to rect: PlaneRect) -> [[PlanePoint]] {
        var pieces = [[PlanePoint]]()
        var current = [PlanePoint]()
        guard line.count >= 2 else { return [] }
        for index in 1..<line.count {
            guard let (a, b) = clipSegment(line[index - 1], line[index], to: rect) else {
                if current.count >= 2 { pieces.append(current) }
                current = []
                continue
            }
            if current.isEmpty {
                current = [a, b]
            } else if current[current.count - 1] == a {
                current.append(b)
            } else {
                if current.count >= 2 { pieces.append(current) }
                current = [a, b]
            }
        }
        if current.count >= 2 { pieces.append(current) }
        return pieces
    }

    /// The part of segment `a`–`b` inside `rect` (Liang–Barsky), or nil.
    static func clipSegment(_ a: PlanePoint, _ b: PlanePoint, to rect: PlaneRect) -> (PlanePoint, PlanePoint)? {
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        let checks = [(-dx, a.x - rect.minX), (dx, rect.maxX - a.x), (-dy, a.y - rect.minY), (dy, rect.maxY - a.y)]
        for (p, q) in checks {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 {
                    if r > t1 { return nil }
                    t0 = max(t0, r)
                } else {
                    if r < t0 { return nil }
                    t1 = min(t1, r)
                }
            }
        }
        let start = t0 == 0 ? a : PlanePoint(x: a.x + t0 * dx, y: a.y + t0 * dy)
        let end = t1 == 1 ? b : PlanePoint(x: a.x + t1 * dx, y: a.y + t1 * dy)
        return (start, end)
    }

    private static func at(x: Double, _ a: PlanePoint, _ b: PlanePoint) -> PlanePoint {
        let t = (x - a.x) / (b.x - a.x)
        return PlanePoint(x: x, y: a.y + t * (b.y - a.y))
    }

    private static func at(y: Double, _ a: PlanePoint, _ b: PlanePoint) -> PlanePoint {
        let t = (y - a.y) / (b.y - a.y)
        return PlanePoint(x: a.x + t * (b.x - a.x), y: y)
    }

    // MARK: Disc

    /// A run of a ring inside the disc, from where it enters to where it leaves.
    private struct Run {
        var points: [PlanePoint]
        var entryAngle: Double
        var exitAngle: Double
    }

    /// The rings of one polygon (exterior and holes, interior on the left;
    /// `nil` for points that could not be projected) clipped to the disc of
    /// `radius` about the origin.
    ///
    /// Segments with both ends outside the disc are taken to stay outside:
    /// near an azimuthal projection's antipode two neighbouring vertices can
    /// land on opposite sides of the map, and their chord means nothing. The
    /// pieces inside are joined along the circle, counter-clockwise, so the
    /// interior stays on the left (the "rejoin" of d3-geo's clipping).
    /// - Parameter coversCircle: whether the polygon covers the circle's
    ///   point at angle 0; asked only when no ring crosses the circle.
    /// - Returns: rings inside the disc, to be filled even-odd.
    static func clip(polygon rings: [[PlanePoint?]], toDiscOfRadius radius: Double,
                     coversCircle: () -> Bool) -> [[PlanePoint]] {
        var closed = [[PlanePoint]]()
        var runs = [Run]()
        func inside(_ point: PlanePoint?) -> Bool {
            guard let point else { return false }
            return point.x * point.x + point.y * point.y <= radius * radius
        }
        for ring in rings where ring.count >= 3 {
            let flags = ring.map(inside)
            if flags.allSatisfy({ $0 }) {
                closed.append(ring.map { $0! })
                continue
            }
            guard flags.contains(true), let start = flags.firstIndex(of: false) else { continue }
            var current: [PlanePoint]?
            var entryAngle = 0.0
            for step in 1...ring.count {
                let previousIndex = (start + step - 1) % ring.count, index = (start + step) % ring.count
                let previous = ring[previousIndex], point = ring[index]
                switch (flags[previousIndex], flags[index]) {
                case (false, true):
                    let entry = crossing(from: point!, toward: previous, radius: radius)
                    entryAngle = atan2(entry.y, entry.x)
                    current = [entry, point!]
                case (true, true):
                    current?.append(point!)
                case (true, false):
                    let exit = crossing(from: previous!, toward: point, radius: radius)
                    if var run = current {
                        run.append(exit)
                        runs.append(Run(points: run, entryAngle: entryAngle, exitAngle: atan2(exit.y, exit.x)))
                    }
                    current = nil
                case (false, false):
                    break
                }
            }
        }
        if runs.isEmpty {
            if coversCircle() { closed.append(circle(radius: radius, from: 0, sweep: 2 * .pi, includeEnd: false)) }
            return closed
        }
        // Rejoin: from each exit, follow the circle counter-clockwise to the
        // nearest entry, and carry on with that run until the ring closes.
        var used = [Bool](repeating: false, count: runs.count)
        for first in runs.indices where !used[first] {
            used[first] = true
            var ring = runs[first].points
            var index = first
            for _ in 0...runs.count {
                let exitAngle = runs[index].exitAngle
                var next = first, best = Double.infinity
                for candidate in runs.indices where !used[candidate] || candidate == first {
                    var delta = runs[candidate].entryAngle - exitAngle
                    while delta < 0 { delta += 2 * .pi }
                    while delta >= 2 * .pi { delta -= 2 * .pi }
                    if delta < best {
                        best = delta
                        next = candidate
                    }
                }
                ring += circle(radius: radius, from: exitAngle, sweep: best, includeEnd: false).dropFirst()
                if next == first { break }
                used[next] = true
                ring += runs[next].points
                index = next
            }
            if ring.count >= 3 { closed.append(ring) }
        }
        return closed
    }

    /// The parts of `line` inside the disc of `radius` about the origin;
    /// segments with both ends outside are dropped (see the polygon clip).
    static func clip(line: [PlanePoint?], toDiscOfRadius radius: Double) -> [[PlanePoint]] {
        func inside(_ point: PlanePoint?) -> Bool {
            guard let point else { return false }
            return point.x * point.x + point.y * point.y <= radius * radius
        }
        var pieces = [[PlanePoint]]()
        var current = [PlanePoint]()
        func finish() {
            if current.count >= 2 { pieces.append(current) }
            current = []
        }
        for (index, point) in line.enumerated() {
            let isInside = inside(point)
            if index > 0 {
                let previous = line[index - 1], wasInside = inside(previous)
                if isInside && !wasInside {
                    // An unprojectable neighbour gives no crossing: the piece starts here.
                    current = previous == nil ? [] : [crossing(from: point!, toward: previous, radius: radius)]
                } else if !isInside && wasInside {
                    if point != nil { current.append(crossing(from: previous!, toward: point, radius: radius)) }
                    finish()
                }
            }
            if isInside { current.append(point!) }
        }
        finish()
        return pieces
    }

    /// Where the segment from `inner` (inside) toward `outer` meets the
    /// circle; straight out from `inner` when `outer` is unknown.
    private static func crossing(from inner: PlanePoint, toward outer: PlanePoint?, radius: Double) -> PlanePoint {
        guard let outer else {
            let length = max(hypot(inner.x, inner.y), 1e-9)
            return PlanePoint(x: inner.x / length * radius, y: inner.y / length * radius)
        }
        let dx = outer.x - inner.x, dy = outer.y - inner.y
        let a = dx * dx + dy * dy
        guard a > 0 else { return inner }
        let b = 2 * (inner.x * dx + inner.y * dy)
        let c = inner.x * inner.x + inner.y * inner.y - radius * radius
        let t = min(1, max(0, (-b + (b * b - 4 * a * c).squareRoot()) / (2 * a)))
        return PlanePoint(x: inner.x + t * dx, y: inner.y + t * dy)
    }

    /// Points on the circle from angle `from` sweeping `sweep` radians
    /// counter-clockwise, about one per 2°; the end point is included when asked.
    static func circle(radius: Double, from: Double, sweep: Double, includeEnd: Bool = true) -> [PlanePoint] {
        let steps = max(1, Int((sweep / (2 * .pi) * 180).rounded(.up)))
        let count = includeEnd ? steps + 1 : max(steps, 1)
        return (0..<count).map { step in
            let angle = from + sweep * Double(step) / Double(steps)
            return PlanePoint(x: radius * cos(angle), y: radius * sin(angle))
        }
    }

    // MARK: Simplification

    /// Douglas–Peucker: `line` with every vertex dropped that lies within
    /// `tolerance` of the simplified line. Ends are kept.
    /// - Complexity: O(n log n) typical, O(n²) worst case.
    static func simplify(line: [PlanePoint], tolerance: Double) -> [PlanePoint] {
        guard line.count > 2 else { return line }
        var keep = [Bool](repeating: false, count: line.count)
        keep[0] = true
        keep[line.count - 1] = true
        var stack = [(0, line.count - 1)]
        let squaredTolerance = tolerance * tolerance
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            let a = line[first], b = line[last]
            let dx = b.x - a.x, dy = b.y - a.y
            let length = dx * dx + dy * dy
            var farthest = first, distance = -1.0
            for index in (first + 1)..<last {
                let p = line[index]
                let d: Double
                if length == 0 {
                    d = (p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)
                } else {
                    let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length))
                    let x = a.x + t * dx - p.x, y = a.y + t * dy - p.y
                    d = x * x + y * y
                }
                if d > distance {
                    distance = d
                    farthest = index
                }
            }
            if distance > squaredTolerance {
                keep[farthest] = true
                stack.append((first, farthest))
                stack.append((farthest, last))
            }
        }
        return line.indices.filter { keep[$0] }.map { line[$0] }
    }

    /// A ring simplified like a line, split at its first vertex and the
    /// vertex farthest from it; empty when fewer than three vertices remain.
    static func simplify(ring: [PlanePoint], tolerance: Double) -> [PlanePoint] {
        guard ring.count > 3 else { return ring.count == 3 ? ring : [] }
        let origin = ring[0]
        var farthest = 0, distance = -1.0
        for (index, point) in ring.enumerated() {
            let d = (point.x - origin.x) * (point.x - origin.x) + (point.y - origin.y) * (point.y - origin.y)
            if d > distance {
                distance = d
                farthest = index
            }
        }
        guard farthest > 0 else { return [] }
        let first = simplify(line: Array(ring[0...farthest]), tolerance: tolerance)
        let second = simplify(line: Array(ring[farthest...]) + [ring[0]], tolerance: tolerance)
        let result = first + second.dropFirst().dropLast()
        return result.count >= 3 ? result : []
    }

    /// Twice the signed area of an open ring: positive counter-clockwise (y up).
    static func signedDoubleArea(_ ring: [PlanePoint]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        var previous = ring[ring.count - 1]
        for point in ring {
            sum += previous.x * point.y - point.x * previous.y
            previous = point
        }
        return sum
    }
}

/// Clipping in the longitude/latitude plane, for work outside the map
/// (a grid cell's share of a footprint).
public enum LonLatClipping {
    /// `ring` clipped to the box (degrees; edges straight in longitude and
    /// latitude), closed, or empty when nothing of it lies inside.
    public static func clip(_ ring: Ring, west: Double, south: Double, east: Double, north: Double) -> Ring {
        let points = ring.map { PlanePoint(x: $0.longitude, y: $0.latitude) }
        let clipped = PlaneClipping.clip(ring: points, to: PlaneRect(minX: west, minY: south, maxX: east, maxY: north))
        guard let first = clipped.first else { return [] }
        return (clipped + [first]).map { Coordinate(latitude: $0.y, longitude: $0.x) }
    }
}
