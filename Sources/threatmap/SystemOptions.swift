import ArgumentParser
import GeoModel
import ThreatModel

/// Launch sites and the systems fired from them, shared by `rings` and `reach`.
struct LaunchOptions: ParsableArguments {
    @Option(name: .customLong("from"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Launch site: a place name, a coordinate, or a GeoJSON file of points, areas or lines (repeat for several).",
        valueName: "place"))
    var sites: [String] = []
    @Option(name: .customLong("missile"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Missile system from the catalog (repeat for several).", valueName: "name"))
    var missiles: [String] = []
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Maximum range instead of a catalogued system, e.g. 700km, 435mi.", valueName: "distance"),
        transform: Distance.init(parsing:))
    var range: Distance?
    @Option(name: .customLong("min-range"), parsing: .unconditional, help: ArgumentHelp(
        "Minimum range with --range, e.g. 50km.", valueName: "distance"), transform: Distance.init(parsing:))
    var minimumRange: Distance?
    @Option(name: .customLong("range-estimate"), help: ArgumentHelp(
        "Which published maximum range of catalogued systems to use; band: both ends, each target certain or possible.", valueName: "estimate"))
    var rangeEstimate: RangeEstimate = .nominal
    @Option(name: .customLong("missile-file"), help: ArgumentHelp(
        "A CSV (or folder of CSVs) of extra or replacement systems, in the columns of Gazetteer/missiles/.", valueName: "file"))
    var missileFile: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(RadarHorizonLimit.help, valueName: "distance"), transform: Distance.init(parsing:))
    var targetAltitude: Distance?

    func validateLaunch() throws {
        guard !sites.isEmpty else { throw ValidationError("give at least one launch site with --from") }
        try validatePlaceArguments(sites.filter { !PlaceArguments.isLaunchSiteFile($0) }, option: "--from")
        guard range != nil || !missiles.isEmpty else {
            throw ValidationError("give --missile NAME or --range DISTANCE")
        }
        if let range {
            guard range > .zero else { throw ValidationError("--range must be greater than zero") }
            guard range <= MissileSystem.longestRange else {
                throw ValidationError("--range \(range) is longer than any distance on Earth (at most \(MissileSystem.longestRange), half a meridian)")
            }
            if let minimumRange, minimumRange >= range {
                throw ValidationError("--min-range \(minimumRange) must be below --range \(range)")
            }
        } else if minimumRange != nil {
            throw ValidationError("--min-range goes with --range (catalogued systems carry their own)")
        }
    }

    /// The systems asked for: catalogued ones (the catalog is loaded only when a name is given), then
    /// the bare range; air defence cut to the radar horizon for `targetAltitude`, assumed radar heights `warn`ed.
    func systems(from catalog: () throws -> MissileCatalog, warn: (String) -> Void) throws -> [MissileSystem] {
        let named = missiles.isEmpty ? MissileCatalog(systems: []) : try catalog().merging(file: missileFile)
        let systems = try named.systems(named: missiles, estimate: rangeEstimate, range: range, minimumRange: minimumRange).limitedByRadarHorizon(targetAltitude: targetAltitude)
        systems.compactMap(\.radarHeightAssumption).forEach(warn)
        return systems
    }
}

extension RangeEstimate: ExpressibleByArgument {}
