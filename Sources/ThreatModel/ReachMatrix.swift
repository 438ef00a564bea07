import Foundation
import Geodesy
import GeoModel

/// In-range decisions for every point launch site × system × target, as bits.
///
/// Built for large target lists: each pair is first judged from the chord
/// between the two surface points (`ChordRangeTest`), which settles all but
/// the targets within a few hundred metres of a range boundary; those are
/// decided by `geod_inverse`. The result is exact and inclusive
/// (distance ≤ range, ≥ minimum range). Targets are split over all cores.
public struct ReachMatrix: Sendable {
    public let siteCount: Int
    public let systemCount: Int
    public let targetCount: Int
    /// Pairs the chord could not decide, which took a `geod_inverse`.
    public let exactChecks: Int
    /// Bit (site·systems + system)·targets + target, 64 per word.
    private let words: [UInt64]

    /// Decides every pair.
    /// - Parameters:
    ///   - sites: launch points.
    ///   - systems: ranges to test (minimum and maximum).
    ///   - targets: points to decide.
    ///   - progress: called now and then with the fraction done (0...1), from any thread.
    public init(
        sites: [Coordinate], systems: [MissileSystem], targets: [Coordinate],
        geodesic: Geodesic = .wgs84, progress: (@Sendable (Double) -> Void)? = nil
    ) {
        siteCount = sites.count
        systemCount = systems.count
        targetCount = targets.count
        let rows = sites.count * systems.count
        let wordsPerRow = (targets.count + 63) / 64
        let sitePoints = sites.map(geodesic.surfacePoint)
        // Only the ranges in metres: a whole MissileSystem (names, aliases)
        // in the tuple was copied and destroyed for every pair and system.
        let tests = systems.map { system in
            (max: ChordRangeTest(range: system.range, geodesic: geodesic),
             min: system.minimumRange > .zero ? ChordRangeTest(range: system.minimumRange, geodesic: geodesic) : nil,
             range: system.range.meters, minimumRange: system.minimumRange.meters)
        }
        // Chunks of whole words, so no two chunks write the same word.
        let chunkWords = max(1, min(wordsPerRow, 2048))
        let chunkCount = (wordsPerRow + chunkWords - 1) / chunkWords
        let storage = WordStorage(count: rows * wordsPerRow)
        let done = SharedCounter()
        // Each chunk returns how many pairs it decided by `geod_inverse`.
        let exactPerChunk = ConcurrentMap.map(count: chunkCount) { chunk -> Int in
            let firstTarget = chunk * chunkWords * 64
            let lastTarget = min(targets.count, firstTarget + chunkWords * 64)
            guard firstTarget < lastTarget else { return 0 }
            var localExact = 0
            for targetIndex in firstTarget..<lastTarget {
                let target = targets[targetIndex]
                let targetPoint = geodesic.surfacePoint(target)
                let word = targetIndex >> 6, bit = UInt64(1) << UInt64(targetIndex & 63)
                for (siteIndex, sitePoint) in sitePoints.enumerated() {
                    let chordSquared = sitePoint.chordSquared(to: targetPoint)
                    var distance: Double?  // geodesic metres, computed at most once per pair
                    for (systemIndex, test) in tests.enumerated() {
                        var inside: Bool
                        switch test.max.decide(chordSquared: chordSquared) {
                        case .beyond: inside = false
                        case .within: inside = true
                        case .undecided:
                            if distance == nil {
                                distance = geodesic.distance(from: sites[siteIndex], to: target).meters
                                localExact += 1
                            }
                            inside = distance! <= test.range
                        }
                        if inside, let minimum = test.min {
                            switch minimum.decide(chordSquared: chordSquared) {
                            case .beyond: break  // farther than the minimum range: fine
                            case .within: inside = false
                            case .undecided:
                                if distance == nil {
                                    distance = geodesic.distance(from: sites[siteIndex], to: target).meters
                                    localExact += 1
                                }
                                inside = distance! >= test.minimumRange
                            }
                        }
                        if inside {
                            storage.set(bit, at: (siteIndex * tests.count + systemIndex) * wordsPerRow + word)
                        }
                    }
                }
            }
            let finished = done.add(1)
            progress?(Double(finished) / Double(chunkCount))
            return localExact
        }
        exactChecks = exactPerChunk.reduce(0, +)
        words = storage.array()
        self.wordsPerRow = wordsPerRow
    }

    private let wordsPerRow: Int

    /// Whether `systems[system]` fired from `sites[site]` reaches `targets[target]`.
    public func isInRange(site: Int, system: Int, target: Int) -> Bool {
        let word = words[(site * systemCount + system) * wordsPerRow + (target >> 6)]
        return word & (UInt64(1) << UInt64(target & 63)) != 0
    }

    /// How many targets `systems[system]` fired from `sites[site]` reaches.
    public func count(site: Int, system: Int) -> Int {
        let start = (site * systemCount + system) * wordsPerRow
        return words[start..<(start + wordsPerRow)].reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// Targets reached by at least one site and system.
    public func targetsReachedByAny() -> Int {
        guard siteCount * systemCount > 0 else { return 0 }
        var union = [UInt64](repeating: 0, count: wordsPerRow)
        for row in 0..<(siteCount * systemCount) {
            for word in 0..<wordsPerRow { union[word] |= words[row * wordsPerRow + word] }
        }
        return union.reduce(0) { $0 + $1.nonzeroBitCount }
    }
}

/// Word storage written concurrently by chunks that own disjoint words.
///
/// Not `ConcurrentMap`'s per-index slots: every chunk ORs bits into its own
/// run of words in each of the `rows` rows, so the result is one flat
/// buffer filled in place, without a lock and without copying per chunk.
private final class WordStorage: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt64>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { base.deallocate() }

    /// Only the chunk that owns word `index` calls this for it.
    func set(_ bit: UInt64, at index: Int) { base[index] |= bit }

    func array() -> [UInt64] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
