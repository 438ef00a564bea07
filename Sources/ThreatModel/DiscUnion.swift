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
    /// such a disc fills is filled by uniting that disc after all. The result
    /// is the same set as the union of every disc.
    /// - Throws: `ThreatModelError.geodesy` / `.geometry` as `disc` and
    ///   `Topology.union` do.
    public func unitedDiscs(around centers: [Coordinate], radius: Distance) throws(ThreatModelError) -> MultiPolygon {
        let cover = DiscCover(geodesic: geodesic, centers: centers, radius: radius, tolerance: tolerance)
        let kept = try discs(around: cover.kept.map { centers[$0] }, radius: radius, tolerance: tolerance)
        let united = try Self.union(kept)
        let filling = cover.skippedDiscs(fillingHolesOf: united)
        guard !filling.isEmpty else { return united }
        return try Self.union([united] + discs(around: filling.map { centers[$0] }, radius: radius, tolerance: tolerance))
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
        var covers = [(cover: DiscCover, discs: [RangeFootprint])]()
        for (radius, discs) in discsByRadius.sorted(by: { $0.key < $1.key }) {
            let cover = DiscCover(geodesic: geodesic, centers: discs.map(\.site.coordinate), radius: radius, tolerance: tolerance)
            kept += cover.kept.map { discs[$0].area }
            covers.append((cover, discs))
        }
        let united = try Self.union(kept)
        // Each skipped disc's boundary lies inside the union of its group's
        // kept discs, so inside `united`: it can only fill holes.
        let filling = covers.flatMap { cover, discs in cover.skippedDiscs(fillingHolesOf: united).map { discs[$0].area } }
        guard !filling.isEmpty else { return united }
        return try Self.union([united] + filling)
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
/// Each disc's circle is sampled at 64 azimuths. A disc is skipped when every
/// sample lies deep inside one of the discs kept before it: deeper than the
/// gap to the next sample (so the whole circle between samples is inside
/// too), plus the polygons' own tolerances and 100 m to spare. Tested with
/// chord lengths (`ChordRangeTest`), which only ever answer "inside" when it
/// is so. Only discs clear of ±180 and of latitudes beyond 85° are skipped,
/// and only for radii up to 5,000 km, where every disc polygon holds the
/// disc shrunk by twice the tolerance.
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
    static let largestRadius = Distance.kilometers(5_000)
    static let largestLatitude = 85.0
    static let spare = Distance.meters(100)

    /// Decides, in input order, which discs of `radius` around `centers`
    /// (polygons within `tolerance`) lie inside those kept before them.
    public init(geodesic: Geodesic, centers: [Coordinate], radius: Distance, tolerance: Distance) {
        self.geodesic = geodesic
        self.radius = radius
        self.tolerance = tolerance
        points = centers.map(geodesic.surfacePoint)
        guard radius <= Self.largestRadius, centers.count > 2 else {
            kept = Array(centers.indices)
            return
        }
        let circles = ConcurrentMap.map(centers) { center in
            SampledCircle(geodesic: geodesic, center: center, radius: radius, tolerance: tolerance)
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

    /// The skipped discs that contain a hole of `united` (the union of the
    /// kept discs). A skipped disc's boundary lies inside `united`, so each
    /// hole is wholly inside it or wholly outside: one vertex decides.
    func skippedDiscs(fillingHolesOf united: MultiPolygon) -> [Int] {
        let holes = united.polygons.flatMap(\.holes)
        guard !holes.isEmpty, !skipped.isEmpty else { return [] }
        let inside = ChordRangeTest(range: .meters(radius.meters - 2 * tolerance.meters), geodesic: geodesic)
        let outside = ChordRangeTest(range: .meters(radius.meters + tolerance.meters), geodesic: geodesic)
        var filling = Set<Int>()
        for hole in holes {
            let vertices = hole.map(geodesic.surfacePoint)
            for disc in skipped {
                if contains(vertices, disc: disc, inside: inside, outside: outside) { filling.insert(disc) }
            }
        }
        return filling.sorted()
    }

    /// Whether the hole with these vertices lies inside skipped disc `disc`:
    /// the first vertex clearly inside or outside its polygon decides; a hole
    /// no vertex decides for is taken to be inside (uniting the disc is
    /// always right, only slower).
    private func contains(_ vertices: [SurfacePoint], disc: Int, inside: ChordRangeTest, outside: ChordRangeTest) -> Bool {
        for vertex in vertices {
            let chordSquared = vertex.chordSquared(to: points[disc])
            if inside.decide(chordSquared: chordSquared) == .within { return true }
            if outside.decide(chordSquared: chordSquared) == .beyond { return false }
        }
        return true
    }
}

/// A disc's circle at `DiscCover.samplesPerCircle` azimuths, with the
/// test its samples must pass to count as deep inside another disc.
private struct SampledCircle {
    var samples: [SurfacePoint] = []
    /// `nil` when the disc may not be skipped (near ±180 or a pole).
    var deepInside: ChordRangeTest?

    init(geodesic: Geodesic, center: Coordinate, radius: Distance, tolerance: Distance) {
        let count = DiscCover.samplesPerCircle
        var coordinates = [Coordinate]()
        coordinates.reserveCapacity(count)
        for step in 0..<count {
            let azimuth = 360 * Double(step) / Double(count)
            coordinates.append(geodesic.direct(from: center, azimuth: azimuth, distance: radius).destination)
        }
        // The circle between samples bulges less than a degree beyond them
        // at these radii; keep clear of ±180 and the poles by that much.
        let clear = coordinates.allSatisfy { vertex in
            abs(vertex.latitude) < DiscCover.largestLatitude
                && abs(center.longitude + remainder(vertex.longitude - center.longitude, 360)) < 179
        }
        guard clear, abs(center.latitude) < DiscCover.largestLatitude else { return }
        samples = coordinates.map(geodesic.surfacePoint)
        // Every point of the circle lies within half the longest gap between
        // neighbouring samples (the arc is at most 1 % longer than its chord
        // at 64 samples) of one of them.
        var longestGapSquared = 0.0
        for (index, sample) in samples.enumerated() {
            longestGapSquared = max(longestGapSquared, sample.chordSquared(to: samples[(index + 1) % count]))
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
