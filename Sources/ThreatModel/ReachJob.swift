import Foundation
import Gazetteer
import Geodesy
import GeoModel

/// Every launch site × system × target decision, with result rows, on all
/// cores. With `onlyInRange`, point sites are first sifted through a
/// `ReachMatrix` (chord bounds, exact where they cannot decide), so only the
/// rows kept pay for a full `geod_inverse`.
public struct ReachJob: Sendable {
    public var sites: [LaunchSite]
    public var systems: [MissileSystem]
    public var targets: [Place]
    public var analysis: ReachAnalysis

    public init(sites: [LaunchSite], systems: [MissileSystem], targets: [Place], analysis: ReachAnalysis = ReachAnalysis()) {
        self.sites = sites
        self.systems = systems
        self.targets = targets
        self.analysis = analysis
    }

    /// Rows in site, system, target order.
    /// - Parameter progress: fraction done (0...1), called from any thread.
    public func run(onlyInRange: Bool, progress: (@Sendable (Double) -> Void)? = nil) throws(ThreatModelError) -> [ReachResult] {
        let pointSites = sites.allSatisfy { if case .point = $0.extent { true } else { false } }
        let matrix: ReachMatrix? = !(onlyInRange && pointSites) ? nil : ReachMatrix(
                sites: sites.map(\.place.coordinate), systems: systems,
                targets: targets.map(\.coordinate), geodesic: analysis.geodesic,
                progress: progress.map { report in { @Sendable fraction in report(fraction * 0.5) } }
            )
        let filter = matrix
        // One task per target block; each returns its rows grouped by (site, system).
        let blockSize = max(1, min(4096, targets.count / 64 + 1))
        let blocks = stride(from: 0, to: targets.count, by: blockSize).map { $0..<min($0 + blockSize, targets.count) }
        let finished = SharedCounter()
        let partial = ConcurrentMap.map(blocks) { block -> Result<[[ReachResult]], ThreatModelError> in
            var grouped = [[ReachResult]](repeating: [], count: sites.count * systems.count)
            do {
                for (siteIndex, site) in sites.enumerated() {
                    for (systemIndex, system) in systems.enumerated() {
                        for targetIndex in block {
                            if let filter, !filter.isInRange(site: siteIndex, system: systemIndex, target: targetIndex) { continue }
                            let result = try analysis.evaluate(launch: site, system: system, target: targets[targetIndex])
                            if onlyInRange && !result.inRange { continue }
                            grouped[siteIndex * systems.count + systemIndex].append(result)
                        }
                    }
                }
            } catch let error as ThreatModelError {
                return .failure(error)
            } catch {
                return .failure(.file("\(error)"))
            }
            let fraction = Double(finished.add(1)) / Double(max(blocks.count, 1))
            progress?(filter == nil ? fraction : 0.5 + fraction * 0.5)
            return .success(grouped)
        }
        var results = [ReachResult]()
        var blocksByGroup = [[ReachResult]](repeating: [], count: sites.count * systems.count)
        for block in partial {
            switch block {
            case let .success(grouped):
                for (index, rows) in grouped.enumerated() { blocksByGroup[index] += rows }
            case let .failure(error):
                throw error
            }
        }
        for rows in blocksByGroup { results += rows }
        return results
    }
}
