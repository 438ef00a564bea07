// RangeBenchmark: 1,000 launch sites, 300 km geodesic discs at 10 m
// tolerance, built on both cores and united with GEOS. Writes the sites for
// the Python peer (Benchmarks/Range/peer_shapely.py) and its own results as
// JSON; Benchmarks/run_range.sh runs both and prints the comparison.
//
//   RangeBenchmark [--sites sites.csv] [--json result.json] [--runs 5] [--tolerance 10]
//                  [--footprints footprints.wkt] [--only rings|union]
//
// `--only` repeats one step `--runs` times and reports nothing else: for
// profilers (perf record, valgrind --tool=callgrind).

import Foundation
import Geodesy
import Gazetteer
import GeoModel
import Geometry
import ThreatModel

struct Options {
    var sitesPath: String?
    var jsonPath: String?
    var footprintsPath: String?
    var only: String?
    var runs = 5
    var toleranceMeters = 10.0
    var radiusMeters = 300_000.0

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let value = rest.popFirst() else { throw UsageError(message: "\(name) needs a value") }
            return value
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--sites": sitesPath = try value(argument)
            case "--json": jsonPath = try value(argument)
            case "--footprints": footprintsPath = try value(argument)
            case "--only":
                only = try value(argument)
                guard only == "rings" || only == "union" else { throw UsageError(message: "--only takes rings or union") }
            case "--runs":
                guard let runs = Int(try value(argument)), runs >= 1 else { throw UsageError(message: "--runs needs an integer >= 1") }
                self.runs = runs
            case "--tolerance":
                guard let meters = Double(try value(argument)), meters > 0 else { throw UsageError(message: "--tolerance needs metres > 0") }
                toleranceMeters = meters
            default:
                throw UsageError(message: "unknown argument '\(argument)'")
            }
        }
        // Best of fewer than 3 is noise; a profiler run (--only) may use 1.
        guard only != nil || runs >= 3 else { throw UsageError(message: "--runs needs at least 3 for timings") }
    }
}

struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { "RangeBenchmark: \(message)\nusage: RangeBenchmark [--sites FILE] [--json FILE] [--runs N] [--tolerance METRES] [--footprints FILE] [--only rings|union]" }
}

/// What the run reports (read by Benchmarks/Range/report.py).
struct Report: Codable {
    var tool = "threatmap"
    var sites: Int
    var sitesByKind: [String: Int]
    var radiusMeters: Double
    var toleranceMeters: Double
    var cores: Int
    var timings: Timings
    /// Distinct vertices of the circle ring before cutting, averaged.
    var meanRingVertices: Double
    var meanRingVerticesRegional: Double
    var unionPolygons: Int
    var unionVertices: Int
    /// Diagnostic: best-of-N union of 360-vertex rings (the peer's vertex
    /// count, cut as ThreatMap cuts), to tell vertex count from GEOS version.
    var unionOf360VertexRings: Double
    /// Discs `unitedDiscs` traced (the rest lay inside them).
    var unitedDiscsKept: Int
    /// Rings `union(of:)` handed to GEOS (sampled at their vertices).
    var unionKept: Int
    var unitedDiscsPolygons: Int
    var unitedDiscsVertices: Int
    /// Area in one union and not the other (km², both ways added): how far
    /// `union(of:)` and `unitedDiscs` differ from the union of every disc.
    var unionDifferenceSquareKilometers: Double
    var unitedDiscsDifferenceSquareKilometers: Double
    var ringError: [String: RingError]
}

func run() throws {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    let sites = SiteSet.make()
    if let path = options.sitesPath {
        try SiteSet.csv(sites).write(toFile: path, atomically: true, encoding: .utf8)
    }
    let radius = Distance.meters(options.radiusMeters)
    let tolerance = Distance.meters(options.toleranceMeters)
    let workload = RangeWorkload(
        centers: sites.map(\.coordinate), radius: radius,
        builder: FootprintBuilder(tolerance: tolerance)
    )
    if let only = options.only {
        let footprints = try workload.footprints()
        let start = monotonicSeconds()
        for _ in 0..<options.runs {
            if only == "rings" { _ = try workload.footprints() } else { _ = try workload.union(footprints) }
        }
        print("\(only): \((monotonicSeconds() - start) / Double(options.runs)) s per run")
        return
    }
    let (timings, united, footprints) = try workload.time(runs: options.runs)

    var vertices = [SiteKind: (count: Int, rings: Int)]()
    var errors = [String: RingError]()
    for (site, footprint) in zip(sites, footprints) {
        let ring = try Geodesic.wgs84.circle(center: site.coordinate, radius: radius, tolerance: tolerance)
        let distinct = ring.count - 1 - ring.filter { abs($0.latitude) == 90 }.count
        vertices[site.kind, default: (0, 0)].count += distinct
        vertices[site.kind, default: (0, 0)].rings += 1
        let error = Accuracy.ringError(of: footprint.area, center: site.coordinate, radius: radius)
        errors[site.kind.rawValue] = Accuracy.merge(errors[site.kind.rawValue] ?? RingError(), error)
    }
    if let path = options.footprintsPath {
        try wktLines(footprints.map(\.area)).write(toFile: path, atomically: true, encoding: .utf8)
    }
    let fixed = try sites.map { try fixedRing(around: $0.coordinate, radius: radius) }
    let unionOf360VertexRings = try timeUnion(fixed, runs: options.runs)

    let unitedDiscs = try workload.unitedDiscs()
    let kept = DiscCover(geodesic: .wgs84, centers: sites.map(\.coordinate), radius: radius, tolerance: tolerance).kept.count
    let every = try workload.unionOfEvery(footprints)
    func difference(_ shape: MultiPolygon) throws -> Double {
        try [Topology.difference(every, shape), Topology.difference(shape, every)]
            .reduce(0) { $0 + Geodesic.wgs84.measure(multiPolygon: $1).squareKilometers }
    }

    let allVertices = vertices.values.reduce(0) { $0 + $1.count }
    let regional = vertices[.regional] ?? (0, 1)

    let report = Report(
        sites: sites.count,
        sitesByKind: Dictionary(uniqueKeysWithValues: SiteKind.allCases.map { kind in
            (kind.rawValue, sites.filter { $0.kind == kind }.count)
        }),
        radiusMeters: radius.meters, toleranceMeters: tolerance.meters,
        cores: ProcessInfo.processInfo.activeProcessorCount,
        timings: timings,
        meanRingVertices: Double(allVertices) / Double(sites.count),
        meanRingVerticesRegional: Double(regional.count) / Double(max(1, regional.rings)),
        unionPolygons: united.polygons.count,
        unionVertices: vertexCount(united),
        unionOf360VertexRings: unionOf360VertexRings,
        unitedDiscsKept: kept,
        unionKept: DiscCover(geodesic: .wgs84, centers: sites.map(\.coordinate), radius: radius, tolerance: tolerance,
                             discs: footprints.map(\.area)).kept.count,
        unitedDiscsPolygons: unitedDiscs.polygons.count,
        unitedDiscsVertices: vertexCount(unitedDiscs),
        unionDifferenceSquareKilometers: try difference(united),
        unitedDiscsDifferenceSquareKilometers: try difference(unitedDiscs),
        ringError: errors
    )
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let json = try encoder.encode(report)
    if let path = options.jsonPath {
        try json.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
    print(String(decoding: json, as: UTF8.self))
}

func vertexCount(_ shape: MultiPolygon) -> Int {
    shape.polygons.reduce(0) { $0 + $1.exterior.count + $1.holes.reduce(0) { $0 + $1.count } }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(error is UsageError ? 64 : 1)
}
