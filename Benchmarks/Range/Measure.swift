import Dispatch
import Foundation
import Gazetteer
import Geodesy
import GeoModel
import Geometry
import ThreatModel

/// Seconds of a monotonic clock.
func monotonicSeconds() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
}

/// CPU seconds used by this process so far, all threads.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The timed workload: one footprint per site (both cores), then their union.
struct RangeWorkload {
    let centers: [Coordinate]
    let radius: Distance
    let builder: FootprintBuilder

    /// The benchmark's system: nothing but a range.
    var system: MissileSystem { .bareRange(radius) }

    func footprints() throws -> [RangeFootprint] {
        let (centers, system, builder) = (centers, system, builder)
        let results = ConcurrentMap.map(count: centers.count) { index in
            let site = Place(name: "site \(index)", coordinate: centers[index], kind: .coordinate, country: "", source: "benchmark")
            return Result { () throws(ThreatModelError) -> RangeFootprint in
                try builder.footprint(of: system, from: site)
            }
        }
        return try results.map { try $0.get() }
    }

    /// The footprints' union as `threatmap rings --union` and map layers
    /// build it: discs inside other discs are left out of GEOS.
    func union(_ footprints: [RangeFootprint]) throws -> MultiPolygon {
        try builder.union(of: footprints)
    }

    /// Every footprint through one GEOS union, none left out.
    func unionOfEvery(_ footprints: [RangeFootprint]) throws -> MultiPolygon {
        try Topology.union(footprints.map(\.area))
    }

    /// One system's footprint straight from the sites: discs inside discs
    /// already kept are neither traced nor united.
    func unitedDiscs() throws -> MultiPolygon {
        try builder.unitedDiscs(around: centers, radius: radius)
    }
}

/// Best-of-N seconds for each step.
struct Timings: Codable {
    var rings = Double.infinity
    var union = Double.infinity
    var total = Double.infinity
    /// `FootprintBuilder.unitedDiscs` end to end (covered discs skipped).
    var unitedDiscs = Double.infinity
    /// Diagnostic: the built footprints through one GEOS union, none left out.
    var unionOfEvery = Double.infinity
    /// CPU seconds of the ring step (both cores added up), best run.
    var ringsCPU = Double.infinity
    var runs = 0
}

extension RangeWorkload {
    /// One warm-up, then `runs` timed runs; the best of each step is kept.
    func time(runs: Int) throws -> (Timings, MultiPolygon, [RangeFootprint]) {
        var timings = Timings()
        var lastUnion = MultiPolygon([])
        var lastFootprints = [RangeFootprint]()
        for run in 0...runs {
            let (start, startCPU) = (monotonicSeconds(), processCPUSeconds())
            let footprints = try footprints()
            let (built, builtCPU) = (monotonicSeconds(), processCPUSeconds())
            let united = try union(footprints)
            let end = monotonicSeconds()
            _ = try unitedDiscs()
            let unitedDiscsEnd = monotonicSeconds()
            _ = try unionOfEvery(footprints)
            let unionOfEveryEnd = monotonicSeconds()
            if run > 0 {
                timings.unitedDiscs = min(timings.unitedDiscs, unitedDiscsEnd - end)
                timings.unionOfEvery = min(timings.unionOfEvery, unionOfEveryEnd - unitedDiscsEnd)
                timings.rings = min(timings.rings, built - start)
                timings.union = min(timings.union, end - built)
                timings.total = min(timings.total, end - start)
                timings.ringsCPU = min(timings.ringsCPU, builtCPU - startCPU)
                timings.runs += 1
            }
            lastUnion = united
            lastFootprints = footprints
        }
        return (timings, lastUnion, lastFootprints)
    }
}

/// Distance from the true geodesic circle, per kind of site.
struct RingError: Codable {
    /// Largest |distance(centre, edge midpoint) − radius| in metres.
    var maxMidpointMeters = 0.0
    /// Largest |distance(centre, vertex) − radius| in metres (cut points excluded).
    var maxVertexMeters = 0.0
    var rings = 0
    var edges = 0
}

enum Accuracy {
    /// Checks every edge of every footprint against the circle it stands
    /// for: the geodesic distance from the centre to the edge's straight
    /// longitude/latitude midpoint, minus the radius. Edges that lie along
    /// the ±180 cut or touch a pole (added by cutting and pole closure, not
    /// part of the circle) are skipped; so are the vertices the cut added.
    static func ringError(of footprint: MultiPolygon, center: Coordinate, radius: Distance,
                          geodesic: Geodesic = .wgs84) -> RingError {
        var error = RingError(rings: 1)
        func isCut(_ point: Coordinate) -> Bool { abs(point.longitude) == 180 || abs(point.latitude) == 90 }
        for polygon in footprint.polygons {
            for ring in [polygon.exterior] + polygon.holes {
                for index in 0..<(ring.count - 1) {
                    let a = ring[index], b = ring[index + 1]
                    if !isCut(a) {
                        let gap = abs(geodesic.distance(from: center, to: a).meters - radius.meters)
                        error.maxVertexMeters = max(error.maxVertexMeters, gap)
                    }
                    if abs(a.latitude) == 90 || abs(b.latitude) == 90 { continue }
                    if abs(a.longitude) == 180, abs(b.longitude) == 180 { continue }
                    let midpoint = Coordinate(latitude: (a.latitude + b.latitude) / 2,
                                              longitude: (a.longitude + b.longitude) / 2)
                    let gap = abs(geodesic.distance(from: center, to: midpoint).meters - radius.meters)
                    error.maxMidpointMeters = max(error.maxMidpointMeters, gap)
                    error.edges += 1
                }
            }
        }
        return error
    }

    static func merge(_ a: RingError, _ b: RingError) -> RingError {
        RingError(maxMidpointMeters: max(a.maxMidpointMeters, b.maxMidpointMeters),
                  maxVertexMeters: max(a.maxVertexMeters, b.maxVertexMeters),
                  rings: a.rings + b.rings, edges: a.edges + b.edges)
    }
}

/// A 360-vertex ring as the peer draws it (azimuths 0, 1, ..., 359), cut
/// at ±180 the way ThreatMap cuts its own: for timing the union apart from
/// the vertex count.
func fixedRing(around center: Coordinate, radius: Distance, vertices: Int = 360) throws -> MultiPolygon {
    var ring = Ring()
    var previous = center.longitude
    for step in 0...vertices {
        let azimuth = 360 - 360 * Double(step) / Double(vertices)
        var point = Geodesic.wgs84.direct(from: center, azimuth: azimuth, distance: radius).destination
        point.longitude = previous + remainder(point.longitude - previous, 360)
        previous = point.longitude
        ring.append(point)
    }
    let winding = ring[vertices].longitude - ring[0].longitude
    if abs(winding) > 180 {
        // Wound round a pole: close along it, as Geodesic.circle does.
        let pole = winding > 0 ? 90.0 : -90.0
        ring += [Coordinate(latitude: pole, longitude: ring[vertices].longitude),
                 Coordinate(latitude: pole, longitude: ring[0].longitude), ring[0]]
    } else {
        ring[vertices] = ring[0]
    }
    return try Antimeridian.region(bounding: ring, complement: false)
}

/// Best-of-N seconds of `Topology.union(shapes)` after one warm-up.
func timeUnion(_ shapes: [MultiPolygon], runs: Int) throws -> Double {
    var best = Double.infinity
    for run in 0...runs {
        let start = monotonicSeconds()
        _ = try Topology.union(shapes)
        if run > 0 { best = min(best, monotonicSeconds() - start) }
    }
    return best
}

/// One footprint per line as WKT, every double in full (shortest
/// round-trip) precision, for the peer to unite in its own GEOS.
func wktLines(_ footprints: [MultiPolygon]) -> String {
    func ring(_ ring: Ring) -> String {
        "(" + ring.map { "\($0.longitude) \($0.latitude)" }.joined(separator: ",") + ")"
    }
    return footprints.map { footprint in
        "MULTIPOLYGON(" + footprint.polygons.map { polygon in
            "(" + ([polygon.exterior] + polygon.holes).map(ring).joined(separator: ",") + ")"
        }.joined(separator: ",") + ")"
    }.joined(separator: "\n") + "\n"
}
