import Export
import Foundation
import GeoModel
import GIS
import ThreatModel

/// `reach` as a whole: every site × system × target decided and written
/// in the asked order and format, streamed a block at a time when the
/// rows can go out as they are decided, else held and sorted in memory.
public struct ReachRequest: Sendable {
    public var sites: [LaunchSite]
    public var systems: [MissileSystem]
    public var sources: [TargetSource]
    public var format: ReachFormat
    public var order: ReachOrder
    /// Per target rather than per site (`ReachReport`'s reversed table).
    public var reversed: Bool
    public var onlyInRange: Bool
    /// When given, rows end with the target's position in this notation
    /// (the rows are then held in memory, not streamed).
    public var coordinates: CoordinateNotation?

    public init(sites: [LaunchSite], systems: [MissileSystem], sources: [TargetSource], format: ReachFormat = .table,
                order: ReachOrder = .input, reversed: Bool = false, onlyInRange: Bool = false, coordinates: CoordinateNotation? = nil) {
        self.coordinates = coordinates
        self.sites = sites
        self.systems = systems
        self.sources = sources
        self.format = format
        self.order = order
        self.reversed = reversed
        self.onlyInRange = onlyInRange
    }

    /// Rows held in memory at most when they must all be seen before the
    /// first is written (sorting, reversed, GeoJSON): about 1 kB each.
    public static let maximumRowsInMemory = 2_000_000

    /// Decides and writes every row to the file at `path` (atomically) or
    /// to standard output when nil. Memory holds one chunk of targets and
    /// its rows when they stream; all rows otherwise.
    /// - Parameter progress: told the fraction done (0...1) now and then.
    /// - Throws: `ReportError.tooManyRowsInMemory` before any work when all
    ///   rows would have to be held beyond the limit; `ThreatModelError`
    ///   for unreadable targets; `ExportError.cannotWrite`.
    public func run(toFile path: String?, progress: (@Sendable (Double) -> Void)? = nil) throws {
        let stream = ReachStream(sites: sites, systems: systems, sources: sources)
        let survey = try stream.survey()
        let rows = survey.count * sites.count * systems.count
        if coordinates == nil, let style = ReachRowStream.style(format: format, order: order, reversed: reversed, rows: rows, longestTarget: survey.longestName,
                                            sites: sites, systems: systems, onlyInRange: onlyInRange) {
            return try ReachRowStream.write(stream, style: style, onlyInRange: onlyInRange, targetCount: survey.count,
                                            progress: progress, toFile: path)
        }
        guard onlyInRange || rows <= Self.maximumRowsInMemory else {
            throw ReportError.tooManyRowsInMemory(rows: rows, limit: Self.maximumRowsInMemory)
        }
        let targets = try TargetSource.places(in: stream.sources)
        let results = try ReachJob(sites: sites, systems: systems, targets: targets).run(onlyInRange: onlyInRange, progress: progress)
        try AtomicFile.emit(ReachReport(results, order: order, reversed: reversed, coordinates: coordinates).text(format), toPath: path)
    }
}

extension ReachRequest {
    /// Decides every row and writes the GIS layers (`GISExport`): the
    /// footprints of every site × system, the launch sites, one target
    /// point per row and the paths of rows in range.
    /// - Returns: what was written (files, or tables with their row counts).
    /// - Throws: as `run`, and `GISError` when the output cannot be written.
    public func write(to output: VectorOutput, theme: MapTheme = .light, progress: (@Sendable (Double) -> Void)? = nil) throws -> [String] {
        let stream = ReachStream(sites: sites, systems: systems, sources: sources)
        let rows = try stream.survey().count * sites.count * systems.count
        guard onlyInRange || rows <= Self.maximumRowsInMemory else {
            throw ReportError.tooManyRowsInMemory(rows: rows, limit: Self.maximumRowsInMemory)
        }
        let targets = try TargetSource.places(in: stream.sources)
        let results = try ReachJob(sites: sites, systems: systems, targets: targets).run(onlyInRange: onlyInRange, progress: progress)
        let builder = FootprintBuilder()
        var footprints = [Feature]()
        for site in sites {
            for system in systems { footprints.append(FootprintFeatures.footprint(try builder.footprint(of: system, from: site))) }
        }
        let layers = [GISExport.footprints(footprints, systems: systems.map(\.name), theme: theme), GISExport.launchSites(sites, theme: theme)]
            + (try GISExport.reach(results, theme: theme))
        return try output.write(layers)
    }
}
