import Foundation
import Geodesy
import GeoModel
import ThreatModel

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fixed-seed generator, so
/// every run and every machine draws the same workload.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `range` (53 random bits).
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        let unit = Double(next() >> 11) / Double(UInt64(1) << 53)
        return range.lowerBound + unit * (range.upperBound - range.lowerBound)
    }

    /// Uniform in 0..<count (the modulo bias is below 1e-17 for small counts).
    mutating func index(below count: Int) -> Int { Int(next() % UInt64(count)) }
}

/// How a target was drawn, so wrong decisions can be told apart by kind.
enum TargetKind: UInt8 {
    /// Uniform in longitude and latitude over `ReachWorkload.targetBox`.
    case spread = 0
    /// Within ±`boundaryBand` of one site's maximum or minimum range for one
    /// system, in a random direction: only an exact decision gets these right.
    case boundary = 1
}

/// A latitude/longitude box, degrees.
struct Box: Codable {
    var south: Double
    var north: Double
    var west: Double
    var east: Double

    func contains(_ point: Coordinate, margin: Double) -> Bool {
        point.latitude >= south + margin && point.latitude <= north - margin
            && point.longitude >= west + margin && point.longitude <= east - margin
    }
}

/// The benchmark workload: launch sites × systems × targets, all from one
/// fixed seed.
struct ReachWorkload {
    static let seed: UInt64 = 0x7265_6163_686D_6174  // "reachmat"
    /// Launch sites: the Middle East and around (as RangeBenchmark's regional sites).
    static let siteBox = Box(south: 12, north: 42, west: 25, east: 63)
    /// Spread targets: every footprint (2,000 km around any site) fits
    /// inside with at least a degree to spare (checked by `checkTargetBox`).
    static let targetBox = Box(south: -8, north: 62, west: -2, east: 90)
    /// Half-width of the band round a range boundary that boundary targets
    /// are placed in, metres.
    static let boundaryBand = 50.0
    /// One target in `boundaryEvery` is a boundary target (1%).
    static let boundaryEvery = 100

    /// A 300 km rocket, a 700 km SRBM that cannot strike closer than 50 km,
    /// and a 2,000 km MRBM (round numbers, as Fateh-110, Zolfaghar, Sejjil).
    static let systems: [MissileSystem] = [
        .bareRange(.kilometers(300)),
        .bareRange(.kilometers(700), minimumRange: .kilometers(50)),
        .bareRange(.kilometers(2_000)),
    ]

    var sites: [Coordinate]
    var systems: [MissileSystem]
    var targets: [Coordinate]
    var kinds: [TargetKind]

    init(siteCount: Int = 100, targetCount: Int = 1_000_000, geodesic: Geodesic = .wgs84) {
        var random = SplitMix64(seed: Self.seed)
        let siteBox = Self.siteBox, targetBox = Self.targetBox
        sites = (0..<siteCount).map { _ in
            Coordinate(latitude: random.uniform(siteBox.south...siteBox.north),
                       longitude: random.uniform(siteBox.west...siteBox.east))
        }
        systems = Self.systems
        targets = []
        kinds = []
        targets.reserveCapacity(targetCount)
        kinds.reserveCapacity(targetCount)
        for index in 0..<targetCount {
            if index % Self.boundaryEvery == Self.boundaryEvery / 2 {
                let site = sites[random.index(below: sites.count)]
                let system = systems[random.index(below: systems.count)]
                let boundary = system.minimumRange > .zero && random.next() & 1 == 1
                    ? system.minimumRange : system.range
                let azimuth = random.uniform(0...360)
                let offset = random.uniform(-Self.boundaryBand...Self.boundaryBand)
                let point = geodesic.direct(from: site, azimuth: azimuth,
                                            distance: .meters(boundary.meters + offset)).destination
                targets.append(point)
                kinds.append(.boundary)
            } else {
                targets.append(Coordinate(latitude: random.uniform(targetBox.south...targetBox.north),
                                          longitude: random.uniform(targetBox.west...targetBox.east)))
                kinds.append(.spread)
            }
        }
    }

    /// Throws unless every system's footprint round every site lies inside
    /// `targetBox` with `margin` degrees to spare (720 directions per ring).
    func checkTargetBox(margin: Double = 1, geodesic: Geodesic = .wgs84) throws {
        let largest = systems.map(\.range).max() ?? .zero
        for site in sites {
            for step in 0..<720 {
                let point = geodesic.direct(from: site, azimuth: Double(step) / 2, distance: largest).destination
                guard Self.targetBox.contains(point, margin: margin) else {
                    throw WorkloadError(message: "a \(largest) footprint round \(site) leaves the target box near \(point)")
                }
            }
        }
    }
}

struct WorkloadError: Error, CustomStringConvertible {
    var message: String
    var description: String { "ReachBenchmark: \(message)" }
}

/// What the Python peers read: `workload.json` (sites, systems, counts),
/// `targets.f64` (latitude, longitude pairs as little-endian float64) and
/// `target_kinds.u8` (one `TargetKind` byte per target).
struct WorkloadFile: Codable {
    struct Site: Codable {
        var latitude: Double
        var longitude: Double
    }

    struct System: Codable {
        var name: String
        var rangeMeters: Double
        var minimumRangeMeters: Double
    }

    var seed: UInt64
    var sites: [Site]
    var systems: [System]
    var targets: Int
    var boundaryTargets: Int
    var boundaryBandMeters: Double
    var targetBox: Box
    /// Bits files: row (site · systems + system), `wordsPerRow` little-endian
    /// UInt64 words a row, target t at bit t % 64 of word t / 64.
    var wordsPerRow: Int

    init(_ workload: ReachWorkload) {
        seed = ReachWorkload.seed
        sites = workload.sites.map { Site(latitude: $0.latitude, longitude: $0.longitude) }
        systems = workload.systems.map {
            System(name: $0.name, rangeMeters: $0.range.meters, minimumRangeMeters: $0.minimumRange.meters)
        }
        targets = workload.targets.count
        boundaryTargets = workload.kinds.filter { $0 == .boundary }.count
        boundaryBandMeters = ReachWorkload.boundaryBand
        targetBox = ReachWorkload.targetBox
        wordsPerRow = (workload.targets.count + 63) / 64
    }

    static func write(_ workload: ReachWorkload, to directory: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(WorkloadFile(workload)).write(to: directory.appendingPathComponent("workload.json"), options: .atomic)
        var doubles = [UInt64]()
        doubles.reserveCapacity(workload.targets.count * 2)
        for target in workload.targets {
            doubles.append(target.latitude.bitPattern.littleEndian)
            doubles.append(target.longitude.bitPattern.littleEndian)
        }
        try doubles.withUnsafeBytes { try Data($0).write(to: directory.appendingPathComponent("targets.f64"), options: .atomic) }
        try Data(workload.kinds.map(\.rawValue)).write(to: directory.appendingPathComponent("target_kinds.u8"), options: .atomic)
    }
}
