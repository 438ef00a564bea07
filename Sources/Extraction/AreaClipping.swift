import GeoModel

/// Clips polygons in longitude/latitude to a half-plane bounded by a
/// parallel or a meridian, keeping every piece a simple polygon.
///
/// The boundary of each ring is cut where it crosses the line; the parts
/// inside are chains from an entry point to an exit point. Along the line,
/// the polygon's inside is the even-odd intervals between the sorted
/// crossing points, each running from one chain's exit to another's entry,
/// so walking chain, interval, chain, ... closes each output piece. Rings
/// that do not cross stay whole (inside) or vanish (outside); a hole left
/// whole goes into the piece that contains it.
enum AreaClipping {
    enum Axis { case latitude, longitude }

    /// A half-plane: `axis` value `<= value` (`keepBelow`) or `>= value`.
    struct HalfPlane {
        var axis: Axis
        var value: Double
        var keepBelow: Bool

        func inside(_ point: Coordinate) -> Bool {
            let coordinate = axis == .latitude ? point.latitude : point.longitude
            return keepBelow ? coordinate < value : coordinate > value
        }

        /// Where segment a-b meets the line.
        func crossing(_ a: Coordinate, _ b: Coordinate) -> Coordinate {
            switch axis {
            case .latitude:
                let t = (value - a.latitude) / (b.latitude - a.latitude)
                return Coordinate(latitude: value, longitude: a.longitude + t * (b.longitude - a.longitude))
            case .longitude:
                let t = (value - a.longitude) / (b.longitude - a.longitude)
                return Coordinate(latitude: a.latitude + t * (b.latitude - a.latitude), longitude: value)
            }
        }

        /// Position along the line.
        func position(_ point: Coordinate) -> Double { axis == .latitude ? point.longitude : point.latitude }
    }

    static func clip(_ area: MultiPolygon, to plane: HalfPlane) -> MultiPolygon {
        MultiPolygon(area.polygons.flatMap { clip($0, to: plane) })
    }

    static func clip(_ polygon: Polygon, to plane: HalfPlane) -> [Polygon] {
        // Nudge the line off any vertex so that no vertex lies on it.
        var plane = plane
        let all = ([polygon.exterior] + polygon.holes).flatMap { $0 }
        while all.contains(where: { (plane.axis == .latitude ? $0.latitude : $0.longitude) == plane.value }) {
            plane.value += 1e-9
        }
        var chains = [[Coordinate]]()
        var wholeRings = [Ring]()
        for ring in [polygon.exterior] + polygon.holes {
            let points = Array(ring.dropLast())
            guard points.count >= 3 else { continue }
            let crossings = points.indices.filter { plane.inside(points[$0]) != plane.inside(points[($0 + 1) % points.count]) }
            if crossings.isEmpty {
                if plane.inside(points[0]) { wholeRings.append(ring) }
                continue
            }
            // Start just after an exit so every chain runs entry -> exit.
            guard let exit = crossings.first(where: { plane.inside(points[$0]) }) else { continue }
            var chain = [Coordinate]()
            var index = (exit + 1) % points.count
            for _ in 0..<points.count {
                let next = (index + 1) % points.count
                let here = points[index], there = points[next]
                let hereInside = plane.inside(here), thereInside = plane.inside(there)
                if hereInside { chain.append(here) }
                if hereInside != thereInside {
                    let point = plane.crossing(here, there)
                    if thereInside {
                        chain = [point]
                    } else {
                        chain.append(point)
                        chains.append(chain)
                        chain = []
                    }
                }
                index = next
            }
        }
        var pieces = [Ring]()
        if !chains.isEmpty {
            // Pair the crossing points along the line: inside intervals.
            var ends = [(position: Double, chain: Int, isEntry: Bool)]()
            for (index, chain) in chains.enumerated() {
                ends.append((plane.position(chain.first!), index, true))
                ends.append((plane.position(chain.last!), index, false))
            }
            ends.sort { $0.position < $1.position }
            var partnerOfExit = [Int: Int]()  // chain whose exit -> chain whose entry follows
            var pair = 0
            while pair + 1 < ends.count {
                let a = ends[pair], b = ends[pair + 1]
                if !a.isEntry, b.isEntry { partnerOfExit[a.chain] = b.chain }
                if a.isEntry, !b.isEntry { partnerOfExit[b.chain] = a.chain }
                pair += 2
            }
            var used = Set<Int>()
            for first in chains.indices where !used.contains(first) {
                var ring = [Coordinate]()
                var current = first
                while !used.contains(current) {
                    used.insert(current)
                    ring += chains[current]
                    guard let next = partnerOfExit[current] else { break }
                    current = next
                }
                if ring.count >= 3 {
                    ring.append(ring[0])
                    pieces.append(ring)
                }
            }
        }
        // Whole rings: the exterior stays a piece, holes go where they lie.
        // (A hole that crosses the line is part of a piece's boundary.)
        var outputExteriors = pieces
        var holes = [Ring]()
        for ring in wholeRings {
            if ring == polygon.exterior { outputExteriors.append(ring) } else { holes.append(ring) }
        }
        var result = outputExteriors.map { Polygon(exterior: $0) }
        for hole in holes {
            if let owner = result.indices.first(where: { RingGeometry.location(of: hole[0], in: result[$0].exterior) != .outside }) {
                result[owner].holes.append(hole)
            }
        }
        return result
    }
}
