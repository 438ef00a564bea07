import Foundation
import Geodesy
import GeoModel
import Geometry

extension FootprintBuilder {
    /// The union of the discs of `radius` around every centre (one system's
    /// footprint over all its launch sites), cut at ±180.
    ///
    /// Discs whose whole boundary lies inside discs kept before them add
    /// nothing to the union but, at most, a filled hole (`DiscCover`), so
    /// they are neither traced nor handed to GEOS; a hole of the union that
    /// such a disc covers is dropped (with any island inside it). The result
    /// is the same set as the union of every disc.
    /// - Throws: `ThreatModelError.geodesy` / `.geometry` as `disc` and
    ///   `Topology.union` do.
    public func unitedDiscs(around centers: [Coordinate], radius: Distance) throws(ThreatModelError) -> MultiPolygon {
        let cover = DiscCover(geodesic: geodesic, centers: centers, radius: radius, tolerance: tolerance)
        let kept = try discs(around: cover.kept.map { centers[$0] }, radius: radius, tolerance: tolerance)
        return try Self.union(kept, skippedBy: [cover]) { _, index throws(ThreatModelError) in
            try disc(around: centers[index], radius: radius)
        }
    }

    /// The union of footprints this builder made (one system over its
    /// launch sites), cut at ±180.
    ///
    /// Plain discs (a point site, no minimum range, no azimuth limit) that
    /// lie inside other plain discs of the same radius are left out of the
    /// GEOS union, as in `unitedDiscs`; the result is the same set.
    public func union(of footprints: [RangeFootprint]) throws(ThreatModelError) -> MultiPolygon {
        var kept = [MultiPolygon]()
        var discsByRadius = [Distance: [RangeFootprint]]()
        for footprint in footprints {
            if Self.isPlainDisc(footprint) {
                discsByRadius[footprint.system.range, default: []].append(footprint)
            } else {
                kept.append(footprint.area)
            }
        }
        let groups = discsByRadius.sorted { $0.key < $1.key }.map(\.value)
        var covers = [DiscCover]()
        for discs in groups {
            let cover = DiscCover(geodesic: geodesic, centers: discs.map(\.site.coordinate), radius: discs[0].system.range,
                                  tolerance: tolerance, discs: discs.map(\.area))
            kept += cover.kept.map { discs[$0].area }
            covers.append(cover)
        }
        return try Self.union(kept, skippedBy: covers) { group, index in groups[group][index].area }
    }

    /// The union of `kept` (which holds every disc the `covers` kept), with
    /// the holes their skipped discs cover filled. Each skipped disc's
    /// boundary lies inside that union, so it can only fill holes; a disc no
    /// hole vertex decides for is united after all, `skipped(cover, disc)`.
    private static func union(
        _ kept: [MultiPolygon], skippedBy covers: [DiscCover],
        skipped: (_ cover: Int, _ disc: Int) throws(ThreatModelError) -> MultiPolygon
    ) throws(ThreatModelError) -> MultiPolygon {
        var undecided = [(cover: Int, disc: Int)]()
        let united = filling(try union(kept)) { hole in
            for (index, cover) in covers.enumerated() {
                let verdict = cover.verdict(onHole: hole)
                undecided += verdict.undecided.map { (index, $0) }
                if verdict.filled { return true }
            }
            return false
        }
        guard !undecided.isEmpty else { return united }
        var parts = [united]
        for (cover, disc) in undecided { parts.append(try skipped(cover, disc)) }
        return try union(parts)
    }

    /// `shape` with every hole `fills` accepts filled: the hole is dropped
    /// from its polygon, and so is every polygon (an island) inside it.
    private static func filling(_ shape: MultiPolygon, where fills: (Ring) -> Bool) -> MultiPolygon {
        var filled = [Ring]()
        var polygons = shape.polygons.map { polygon in
            var polygon = polygon
            polygon.holes.removeAll { hole in
                guard fills(hole) else { return false }
                filled.append(hole)
                return true
            }
            return polygon
        }
        guard !filled.isEmpty else { return shape }
        polygons.removeAll { polygon in filled.contains { isIsland(polygon, in: $0) } }
        return MultiPolygon(polygons)
    }

    /// Whether `polygon` lies inside `hole`. Polygons of a valid union do not
    /// cross, so an island lies wholly inside a hole: its first vertex off the
    /// hole's edge tells.
    private static func isIsland(_ polygon: Polygon, in hole: Ring) -> Bool {
        guard hole.count > 3, polygon.exterior != hole else { return false }
        for vertex in polygon.exterior {
            switch RingGeometry.location(of: vertex, in: hole) {
            case .inside: return true
            case .outside: return false
            case .boundary: continue
            }
        }
        return false
    }

    private static func isPlainDisc(_ footprint: RangeFootprint) -> Bool {
        guard case .point = footprint.launch.extent, footprint.system.minimumRange == .zero else { return false }
        return footprint.azimuths?.isFull ?? true
    }

    private static func union(_ shapes: [MultiPolygon]) throws(ThreatModelError) -> MultiPolygon {
        do { return try Topology.union(shapes) } catch { throw .geometry(error) }
    }
}

/// Which of many equal geodesic discs lie inside the others.
///
/// Each disc's boundary is sampled: 32 points of its circle, or every few
/// vertices of its traced ring. A disc is skipped when every sample lies
/// deep inside one of the discs kept before it: deeper than half the gap to
/// the next sample (so the boundary between samples is inside too), plus
/// the polygons' own tolerances and 100 m to spare. Tested with chord
/// lengths (`ChordRangeTest`), which only ever answer "inside" when it is
/// so. Only discs clear of ±180 and of latitudes beyond 85° are skipped, and
/// only for radii up to 5,000 km, where every disc polygon holds the disc
/// shrunk by twice the tolerance.
public struct DiscCover: Sendable {
    /// Indices of the discs to trace, in input order.
    public private(set) var kept: [Int] = []
    /// Indices of the discs left out.
    public private(set) var skipped: [Int] = []
    private let points: [SurfacePoint]
    private let radius: Distance
    private let tolerance: Distance
    private let geodesic: Geodesic

    static let samplesPerCircle = 32
    /// Traced rings are sampled at about this many of their vertices.
    static let samplesPerRing = 96
    static let largestRadius = Distance.kilometers(5_000)
    static let largestLatitude = 85.0
    static let spare = Distance.meters(100)

    /// Decides, in input order, which discs of `radius` around `centers`
    /// (polygons within `tolerance`) lie inside those kept before them,
    /// from `samplesPerCircle` points of each circle (`geod_direct`).
    public init(geodesic: Geodesic, centers: [Coordinate], radius: Distance, tolerance: Distance) {
        self.init(geodesic: geodesic, centers: centers, radius: radius, tolerance: tolerance) { index in
            (0..<Self.samplesPerCircle).map { step in
                let azimuth = 360 * Double(step) / Double(Self.samplesPerCircle)
                return geodesic.direct(from: centers[index], azimuth: azimuth, distance: radius).destination
            }
        }
    }

    /// As above, sampling each disc's traced polygon `discs[i]` (drawn by
    /// `FootprintBuilder` within `tolerance`) at its vertices: no geodesic
    /// is solved. Discs cut into several polygons are kept.
    public init(geodesic: Geodesic, centers: [Coordinate], radius: Distance, tolerance: Distance, discs: [MultiPolygon]) {
        self.init(geodesic: geodesic, centers: centers, radius: radius, tolerance: tolerance) { index in
            guard discs[index].polygons.count == 1, let ring = discs[index].polygons.first?.exterior.dropLast() else { return [] }
            let stride = max(1, ring.count / Self.samplesPerRing)
            return Swift.stride(from: ring.startIndex, to: ring.endIndex, by: stride).map { ring[$0] }
        }
    }

    private init(geodesic: Geodesic, centers: [Coordinate], radius: Distance, tolerance: Distance,
                 boundary: @Sendable (Int) -> [Coordinate]) {
        self.geodesic = geodesic
        self.radius = radius
        self.tolerance = tolerance
        points = centers.map(geodesic.surfacePoint)
        guard radius <= Self.largestRadius, centers.count > 2 else {
            kept = Array(centers.indices)
            return
        }
        let circles = ConcurrentMap.map(Array(centers.indices)) { index in
            SampledBoundary(geodesic: geodesic, center: centers[index], samples: boundary(index), radius: radius, tolerance: tolerance)
        }
        // Centres farther apart than 2·radius (chord) cannot cover each other's circles.
        let neighbourChordSquared = 4 * radius.meters * radius.meters
        for (index, circle) in circles.enumerated() {
            guard let inside = circle.deepInside else {
                kept.append(index)
                continue
            }
            let neighbours = kept.filter { points[$0].chordSquared(to: points[index]) < neighbourChordSquared }
            if circle.isCovered(by: neighbours.map { points[$0] }, test: inside) {
                skipped.append(index)
            } else {
                kept.append(index)
            }
        }
    }

    /// Whether a skipped disc fills `hole`, a hole of a union that holds the
    /// kept discs. A skipped disc's boundary lies inside that union, so the
    /// hole is wholly inside the disc or wholly outside: the first hole
    /// vertex clearly inside or outside the disc's polygon decides. Discs
    /// for which no vertex decides (a hole hugging the circle) are returned
    /// as `undecided`, to be united with the rest.
    func verdict(onHole hole: Ring) -> (filled: Bool, undecided: [Int]) {
        guard !skipped.isEmpty else { return (false, []) }
        let inside = ChordRangeTest(range: .meters(radius.meters - 2 * tolerance.meters), geodesic: geodesic)
        let outside = ChordRangeTest(range: .meters(radius.meters + tolerance.meters), geodesic: geodesic)
        let vertices = hole.map(geodesic.surfacePoint)
        var undecided = [Int]()
        discs: for disc in skipped {
            for vertex in vertices {
                let chordSquared = vertex.chordSquared(to: points[disc])
                if inside.decide(chordSquared: chordSquared) == .within { return (true, []) }
                if outside.decide(chordSquared: chordSquared) == .beyond { continue discs }
            }
            undecided.append(disc)
        }
        return (false, undecided)
    }
}

/// Points along a disc's boundary, with the test they must pass to count
/// as deep inside another disc.
private struct SampledBoundary {
    var samples: [SurfacePoint] = []
    /// `nil` when the disc may not be skipped (near ±180 or a pole, or no samples).
    var deepInside: ChordRangeTest?

    /// `coordinates` run round the boundary in order.
    init(geodesic: Geodesic, center: Coordinate, samples coordinates: [Coordinate], radius: Distance, tolerance: Distance) {
        // The boundary between samples bulges less than a degree beyond them
        // at these radii; keep clear of ±180 and the poles by that much.
        let clear = coordinates.count >= 8 && coordinates.allSatisfy { vertex in
            abs(vertex.latitude) < DiscCover.largestLatitude
                && abs(Coordinate.unwrappedLongitude(vertex.longitude, near: center.longitude)) < 179
        }
        guard clear, abs(center.latitude) < DiscCover.largestLatitude else { return }
        samples = coordinates.map(geodesic.surfacePoint)
        // Every boundary point lies within half the longest gap between
        // neighbouring samples (the boundary between them is at most 1 %
        // longer than their chord) of one of them.
        var longestGapSquared = 0.0
        for (index, sample) in samples.enumerated() {
            longestGapSquared = max(longestGapSquared, sample.chordSquared(to: samples[(index + 1) % samples.count]))
        }
        // The disc's polygon lies within the tolerance inside its circle;
        // every other polygon holds its disc shrunk by twice the tolerance.
        let depth = 1.01 * longestGapSquared.squareRoot() / 2 + 3 * tolerance.meters + DiscCover.spare.meters
        guard depth < radius.meters else { return }
        deepInside = ChordRangeTest(range: .meters(radius.meters - depth), geodesic: geodesic)
    }

    /// Whether every sample lies deep inside one of the discs centred at `centers`.
    func isCovered(by centers: [SurfacePoint], test: ChordRangeTest) -> Bool {
        guard !centers.isEmpty else { return false }
        var last = 0
        for sample in samples {
            if test.decide(chordSquared: sample.chordSquared(to: centers[last])) == .within { continue }
            guard let found = centers.indices.first(where: {
                test.decide(chordSquared: sample.chordSquared(to: centers[$0])) == .within
            }) else { return false }
            last = found
        }
        return true
    }
}
