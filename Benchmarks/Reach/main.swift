// ReachBenchmark: 100 launch sites × 3 systems × 1,000,000 targets decided
// by ReachMatrix (chord bounds, geod_inverse where they cannot decide, all
// cores). Writes the workload for the Python peers
// (Benchmarks/Reach/peer_pyproj.py, peer_shapely.py), its own decisions as
// a bit matrix and its timings as JSON; Benchmarks/run_reach.sh runs all
// three and prints the comparison (Benchmarks/Reach/report.py).
//
//   ReachBenchmark --dir DIR [--runs 5] [--sites 100] [--targets 1000000]
//   ReachBenchmark --only matrix [--runs 1] [--sites 10] [--targets 100000]
//   ReachBenchmark --dir DIR --explain DIR/disagreements.csv
//
// `--only matrix` builds the matrix `--runs` times and reports nothing
// else: for profilers (valgrind --tool=callgrind on a smaller workload).
// `--explain` prints ThreatMap's distance and decision for each pair listed
// (`site,system,target` rows), reading the workload files in DIR.

import Foundation
import Geodesy
import GeoModel
import ThreatModel

struct Options {
    var directory: URL?
    var explainPath: String?
    var only: String?
    var runs = 5
    var siteCount = 100
    var targetCount = 1_000_000

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let value = rest.popFirst() else { throw UsageError(message: "\(name) needs a value") }
            return value
        }
        func count(_ name: String) throws -> Int {
            guard let count = Int(try value(name)), count >= 1 else { throw UsageError(message: "\(name) needs an integer >= 1") }
            return count
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--dir": directory = URL(fileURLWithPath: try value(argument), isDirectory: true)
            case "--explain": explainPath = try value(argument)
            case "--only":
                only = try value(argument)
                guard only == "matrix" else { throw UsageError(message: "--only takes matrix") }
            case "--runs": runs = try count(argument)
            case "--sites": siteCount = try count(argument)
            case "--targets": targetCount = try count(argument)
            default: throw UsageError(message: "unknown argument '\(argument)'")
            }
        }
        if explainPath != nil, directory == nil { throw UsageError(message: "--explain needs --dir") }
        // Best of fewer than 3 is noise; a profiler run (--only) may use 1.
        guard only != nil || explainPath != nil || runs >= 3 else { throw UsageError(message: "--runs needs at least 3 for timings") }
    }
}

struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String {
        "ReachBenchmark: \(message)\nusage: ReachBenchmark --dir DIR [--runs N] [--sites N] [--targets N] | --only matrix [--runs N] [--sites N] [--targets N] | --dir DIR --explain FILE"
    }
}

/// Seconds of a monotonic clock.
func monotonicSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// CPU seconds used by this process so far, all threads.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The matrix as words in the bits-file layout (`WorkloadFile.wordsPerRow`).
func words(of matrix: ReachMatrix) -> [UInt64] {
    let wordsPerRow = (matrix.targetCount + 63) / 64
    var words = [UInt64](repeating: 0, count: matrix.siteCount * matrix.systemCount * wordsPerRow)
    for site in 0..<matrix.siteCount {
        for system in 0..<matrix.systemCount {
            let row = (site * matrix.systemCount + system) * wordsPerRow
            for target in 0..<matrix.targetCount where matrix.isInRange(site: site, system: system, target: target) {
                words[row + target >> 6] |= UInt64(1) << UInt64(target & 63)
            }
        }
    }
    return words
}

/// Σ words[i] · (2i + 1) modulo 2⁶⁴: the same number from report.py.
func checksum(_ words: [UInt64]) -> UInt64 {
    var sum: UInt64 = 0
    for (index, word) in words.enumerated() { sum &+= word &* (2 &* UInt64(index) &+ 1) }
    return sum
}

/// What the run reports (read by Benchmarks/Reach/report.py).
struct Report: Codable {
    var tool = "threatmap ReachMatrix"
    var cores: Int
    /// Best of `runs` wall seconds after one warm-up, and every run's.
    var seconds: Double
    var allSeconds: [Double]
    /// CPU seconds (all threads) of the fastest run.
    var cpuSeconds: Double
    var runs: Int
    var exactChecks: Int
    /// In-range targets per site (outer) and system (inner).
    var counts: [[Int]]
    var inRangePairs: Int
    var targetsReachedByAny: Int
    var checksum: String
}

func benchmark(_ options: Options, directory: URL) throws {
    let workload = ReachWorkload(siteCount: options.siteCount, targetCount: options.targetCount)
    try workload.checkTargetBox()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try WorkloadFile.write(workload, to: directory)

    var best = (seconds: Double.infinity, cpu: Double.infinity)
    var allSeconds = [Double]()
    var matrix: ReachMatrix?
    var checksums = Set<UInt64>()
    for run in 0...options.runs {  // run 0 warms up
        let (start, startCPU) = (monotonicSeconds(), processCPUSeconds())
        let built = ReachMatrix(sites: workload.sites, systems: workload.systems, targets: workload.targets)
        let (end, endCPU) = (monotonicSeconds(), processCPUSeconds())
        if run > 0 {
            allSeconds.append(end - start)
            if end - start < best.seconds { best = (end - start, endCPU - startCPU) }
        }
        // Every run must decide the same (checked untimed, on first and last).
        if run == 0 || run == options.runs { checksums.insert(checksum(words(of: built))) }
        matrix = built
    }
    guard let matrix, checksums.count == 1 else { throw WorkloadError(message: "runs disagree: checksums \(checksums)") }

    let matrixWords = words(of: matrix)
    try matrixWords.map(\.littleEndian).withUnsafeBytes {
        try Data($0).write(to: directory.appendingPathComponent("threatmap.bits"), options: .atomic)
    }
    let counts = (0..<matrix.siteCount).map { site in
        (0..<matrix.systemCount).map { matrix.count(site: site, system: $0) }
    }
    let report = Report(
        cores: ProcessInfo.processInfo.activeProcessorCount,
        seconds: best.seconds, allSeconds: allSeconds, cpuSeconds: best.cpu, runs: options.runs,
        exactChecks: matrix.exactChecks,
        counts: counts, inRangePairs: counts.joined().reduce(0, +),
        targetsReachedByAny: matrix.targetsReachedByAny(),
        checksum: String(format: "%016llx", checksum(matrixWords))
    )
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(report).write(to: directory.appendingPathComponent("threatmap.json"), options: .atomic)
    print("threatmap: best \(best.seconds) s of \(options.runs) (CPU \(best.cpu) s), exact checks \(matrix.exactChecks), checksum \(report.checksum)")
}

/// Repeats the matrix for a profiler.
func profile(_ options: Options) {
    let workload = ReachWorkload(siteCount: options.siteCount, targetCount: options.targetCount)
    let start = monotonicSeconds()
    var exactChecks = 0
    for _ in 0..<options.runs {
        exactChecks = ReachMatrix(sites: workload.sites, systems: workload.systems, targets: workload.targets).exactChecks
    }
    print("matrix: \((monotonicSeconds() - start) / Double(options.runs)) s per run, \(exactChecks) exact checks")
}

/// ThreatMap's side of each pair the exact peer disagrees with.
func explain(path: String, directory: URL) throws {
    let file = try JSONDecoder().decode(WorkloadFile.self, from: Data(contentsOf: directory.appendingPathComponent("workload.json")))
    let raw = try Data(contentsOf: directory.appendingPathComponent("targets.f64"))
    let doubles = raw.withUnsafeBytes { bytes in
        (0..<(bytes.count / 8)).map { Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self))) }
    }
    let geodesic = Geodesic.wgs84
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
    print("site,system,target,site_lat,site_lon,target_lat,target_lon,threatmap_distance_m,threatmap_in_range,chord_max,chord_min")
    for line in lines {
        let fields = line.split(separator: ",").compactMap { Int($0) }
        guard fields.count >= 3 else { continue }
        let (siteIndex, systemIndex, targetIndex) = (fields[0], fields[1], fields[2])
        let site = Coordinate(latitude: file.sites[siteIndex].latitude, longitude: file.sites[siteIndex].longitude)
        let target = Coordinate(latitude: doubles[2 * targetIndex], longitude: doubles[2 * targetIndex + 1])
        let spec = file.systems[systemIndex]
        let system = MissileSystem.bareRange(.meters(spec.rangeMeters), minimumRange: .meters(spec.minimumRangeMeters))
        let matrix = ReachMatrix(sites: [site], systems: [system], targets: [target], geodesic: geodesic)
        let chord = geodesic.surfacePoint(site).chordSquared(to: geodesic.surfacePoint(target))
        let maxDecision = ChordRangeTest(range: system.range, geodesic: geodesic).decide(chordSquared: chord)
        let minDecision = system.minimumRange > .zero
            ? "\(ChordRangeTest(range: system.minimumRange, geodesic: geodesic).decide(chordSquared: chord))" : "-"
        let distance = geodesic.distance(from: site, to: target).meters
        print("\(siteIndex),\(systemIndex),\(targetIndex),\(site.latitude),\(site.longitude),\(target.latitude),\(target.longitude),"
              + "\(distance),\(matrix.isInRange(site: 0, system: 0, target: 0)),\(maxDecision),\(minDecision)")
    }
}

func run() throws {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    if options.only != nil {
        profile(options)
    } else if let path = options.explainPath, let directory = options.directory {
        try explain(path: path, directory: directory)
    } else if let directory = options.directory {
        try benchmark(options, directory: directory)
    } else {
        throw UsageError(message: "give --dir, --only matrix, or --dir with --explain")
    }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(error is UsageError ? 64 : 1)
}
