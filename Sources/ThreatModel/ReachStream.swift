import Dispatch
import Foundation
import Gazetteer
import GeoModel

/// Where reach targets come from, in the order given.
public enum TargetSource: Sendable {
    /// Places already in memory (gazetteer names, coordinates, GeoJSON points).
    case places([Place])
    /// A CSV target file (`TargetCSVReader`), read a chunk at a time.
    case csvFile(URL)

    /// Every target of `sources` as a place, in order (CSV files read whole).
    /// - Throws: `ThreatModelError` when a file cannot be read or is malformed.
    public static func places(in sources: [TargetSource]) throws(ThreatModelError) -> [Place] {
        var places = [Place]()
        for source in sources {
            switch source {
            case let .places(list): places += list
            case let .csvFile(url): places += try TargetFile.places(in: url)
            }
        }
        return places
    }
}

/// Every launch site × system × target decision, in the same order and with
/// the same values as `ReachJob`, but handed out a block at a time so memory
/// holds one chunk of targets and its rows, never the whole job.
///
/// Each (site, system) pair reads the targets afresh, chunk by chunk
/// (a CSV file is parsed once per pair, on its own thread while the previous
/// chunk is decided; parsing costs a few per cent of a `geod_inverse`).
/// Rows of a chunk are decided and encoded on all cores, then written in order.
public struct ReachStream: Sendable {
    public var sites: [LaunchSite]
    public var systems: [MissileSystem]
    public var sources: [TargetSource]
    public var analysis: ReachAnalysis
    /// Targets decided per step.
    public var chunkSize: Int

    public init(sites: [LaunchSite], systems: [MissileSystem], sources: [TargetSource],
                analysis: ReachAnalysis = ReachAnalysis(), chunkSize: Int = TargetCSVReader.defaultChunkSize) {
        self.sites = sites
        self.systems = systems
        self.sources = sources
        self.analysis = analysis
        self.chunkSize = max(1, chunkSize)
    }

    /// Reads every target once without deciding anything, so a bad row
    /// fails the job before any output, and the job's size is known.
    /// - Returns: the number of targets and the longest name (characters).
    /// - Throws: `ThreatModelError` as `TargetCSVReader`.
    public func survey() throws(ThreatModelError) -> TargetCSVReader.Summary {
        var summary = TargetCSVReader.Summary()
        for source in sources {
            switch source {
            case let .places(places):
                summary.count += places.count
                summary.longestName = places.reduce(summary.longestName) { max($0, $1.name.count) }
            case let .csvFile(url):
                let file = try TargetCSVReader(url: url, chunkSize: chunkSize).forEachChunk { _ in }
                summary.count += file.count
                summary.longestName = max(summary.longestName, file.longestName)
            }
        }
        return summary
    }

    /// Decides every row in site, system, target order.
    /// - Parameters:
    ///   - onlyInRange: keep only rows whose target is in range; point sites
    ///     are then sifted through a `ReachMatrix` per chunk first.
    ///   - targetCount: the survey's count, for `progress`.
    ///   - progress: fraction done (0...1), from the calling thread.
    ///   - encode: turns a block of rows into output, on any thread.
    ///   - write: receives the encoded blocks in row order, on the calling thread.
    /// - Throws: `ThreatModelError` from reading or deciding, or what `write` throws.
    public func run<Block: Sendable>(
        onlyInRange: Bool, targetCount: Int = 0, progress: ((Double) -> Void)? = nil,
        encode: @escaping @Sendable ([ReachResult]) -> Block, write: (Block) throws -> Void
    ) throws {
        let total = Double(max(1, targetCount * sites.count * systems.count))
        var done = 0
        for site in sites {
            for system in systems {
                let step = ChunkStep(site: site, system: system, analysis: analysis, onlyInRange: onlyInRange)
                func decide(_ targets: [Place]) throws {
                    for block in step.blocks(targets, encode: encode) {
                        try write(try block.get())
                    }
                    done += targets.count
                    progress?(Double(done) / total)
                }
                for source in sources {
                    switch source {
                    case let .places(places):
                        for start in stride(from: 0, to: places.count, by: chunkSize) {
                            try decide(Array(places[start..<min(start + chunkSize, places.count)]))
                        }
                    case let .csvFile(url):
                        try ChunkPipe.read(url, chunkSize: chunkSize) { places throws in try decide(places) }
                    }
                }
            }
        }
    }
}

/// Chunks of a CSV target file, read and turned into places on a thread of
/// their own while the caller decides the previous chunk, at most two
/// chunks ahead (memory stays bounded).
///
/// A bounded producer/consumer queue, not a job for `ConcurrentMap`: the
/// reader thread must block when two chunks wait and the caller must block
/// until the next one arrives, so it needs a condition variable.
private final class ChunkPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting = [[Place]]()
    private var finished = false
    private var failure: ThreatModelError?
    private var cancelled = false
    static let capacity = 2

    /// Calls `body` with each chunk of `url` as places, in order, on the calling thread.
    /// - Throws: the reader's `ThreatModelError`, or what `body` throws (the reader then stops).
    static func read(_ url: URL, chunkSize: Int, _ body: ([Place]) throws -> Void) throws {
        let pipe = ChunkPipe()
        let done = DispatchSemaphore(value: 0)
        let name = url.lastPathComponent
        Thread.detachNewThread {
            var failure: ThreatModelError?
            do throws(ThreatModelError) {
                try TargetCSVReader(url: url, chunkSize: chunkSize).forEachChunk { chunk throws(ThreatModelError) in
                    let places = (0..<chunk.count).map { index in
                        Place(name: chunk.names[index], coordinate: chunk.coordinates[index],
                              kind: .coordinate, country: "", source: name)
                    }
                    guard pipe.put(places) else { throw .file("\(url.path): reading stopped") }
                }
            } catch {
                failure = error
            }
            pipe.finish(failure)
            done.signal()
        }
        defer {
            pipe.cancel()
            done.wait()
        }
        while let places = try pipe.take() {
            try body(places)
        }
    }

    /// Queues a chunk, waiting while `capacity` are queued; false once cancelled.
    private func put(_ places: [Place]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= Self.capacity, !cancelled { condition.wait() }
        guard !cancelled else { return false }
        waiting.append(places)
        condition.broadcast()
        return true
    }

    private func finish(_ failure: ThreatModelError?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        self.failure = failure
        condition.broadcast()
    }

    private func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
    }

    /// The next chunk, or nil at the end of the file.
    private func take() throws(ThreatModelError) -> [Place]? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty, !finished { condition.wait() }
        if !waiting.isEmpty {
            condition.broadcast()
            return waiting.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }
}

/// One (site, system) pair over one chunk of targets.
private struct ChunkStep: Sendable {
    let site: LaunchSite
    let system: MissileSystem
    let analysis: ReachAnalysis
    let onlyInRange: Bool

    /// Targets per parallel block.
    static let blockSize = 4096

    /// The chunk's rows, decided and encoded in parallel blocks, in order.
    func blocks<Block: Sendable>(_ targets: [Place], encode: @escaping @Sendable ([ReachResult]) -> Block) -> [Result<Block, ThreatModelError>] {
        let matrix: ReachMatrix?
        if onlyInRange, case .point = site.extent {
            matrix = ReachMatrix(sites: [site.place.coordinate], systems: [system],
                                 targets: targets.map(\.coordinate), geodesic: analysis.geodesic)
        } else {
            matrix = nil
        }
        let ranges = stride(from: 0, to: targets.count, by: Self.blockSize).map { $0..<min($0 + Self.blockSize, targets.count) }
        return ConcurrentMap.map(ranges) { range -> Result<Block, ThreatModelError> in
            var rows = [ReachResult]()
            rows.reserveCapacity(range.count)
            for index in range {
                if let matrix, !matrix.isInRange(site: 0, system: 0, target: index) { continue }
                let result: ReachResult
                do throws(ThreatModelError) {
                    result = try analysis.evaluate(launch: site, system: system, target: targets[index])
                } catch {
                    return .failure(error)
                }
                if onlyInRange && !result.inRange { continue }
                rows.append(result)
            }
            return .success(encode(rows))
        }
    }
}
