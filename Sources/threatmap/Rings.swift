import ArgumentParser
import Export
import Geodesy
import GeoModel
import GIS
import Report
import ThreatModel

extension ThreatMap {
    struct Rings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write geodesic range footprints as GeoJSON, or their areas as a table.",
            discussion: """
            One feature per launch site and system: a disc (an annulus with a \
            minimum range, a sector with --azimuth) on the WGS84 ellipsoid, or \
            the geodesic buffer of a launch area or line; cut at the antimeridian.

            Examples:
              threatmap rings --from "Jurf al-Sakhar" --range 700km
              threatmap rings --from Baghdad --missile Zolfaghar --output zolfaghar.geojson
              threatmap rings --from -33.92,18.42 --range 300km --min-range 50km --tolerance 1m
              threatmap rings --from 32.87,44.15 --range 700km --azimuth 250..310
              threatmap rings --from basra.geojson --range 700km --format table
              threatmap rings --from "Jurf al-Sakhar" --from al-Zafaraniya --missile Fateh-110 --union
              threatmap rings --from Baghdad --missile Zolfaghar --format kml --output zolfaghar.kml
              threatmap rings --from 64.8,-179.7 --range 300km --format geojsonl --precision 4
            """
        )

        @OptionGroup var data: DataOptions
        @OptionGroup var launch: LaunchOptions
        @Option(parsing: .unconditional, help: ArgumentHelp(
            "Greatest gap between footprint edges and the true geodesic curves.", valueName: "distance"),
            transform: Distance.init(parsing:))
        var tolerance: Distance = .meters(10)
        @Option(parsing: .unconditional, help: ArgumentHelp(
            "Limit point footprints to azimuths START..END, degrees clockwise from north (e.g. 250..310, 350..20).",
            valueName: "start..end"), transform: { try AzimuthRange(parsing: $0) })
        var azimuth: AzimuthRange?
        @Option(parsing: .unconditional, help: ArgumentHelp("Also concentric rings at this interval out to the range, around point sites (e.g. 100km).", valueName: "distance"), transform: Distance.init(parsing:))
        var every: Distance?
        @Option(help: ArgumentHelp("Also radials from point sites out to the range: a count (8) or bearings (0,45,90).", valueName: "radials"), transform: { try Radials(parsing: $0) })
        var radials: Radials?
        @Flag(help: "One footprint per system: the union over all launch sites.") var union = false
        @Option(help: "geojson: the footprints; geojsonl: one feature per line; kml: for Google Earth; table: their geodesic areas and perimeters.")
        var format: FootprintFormat = .geojson
        @OptionGroup var precision: PrecisionOption
        @Option(help: ArgumentHelp("Write the output here instead of stdout ('-' for stdout).", valueName: "file")) var output: String?
        @OptionGroup var gis: GISOptions
        @OptionGroup var verbosity: VerbosityOptions

        func validate() throws {
            try verbosity.validateVerbosity()
            try launch.validateLaunch()
            guard tolerance >= Geodesic.minimumTolerance else { throw ValidationError("--tolerance must be at least \(Geodesic.minimumTolerance.meters)m") }
            try precision.validatePrecision()
            if let every, every <= .zero { throw ValidationError("--every must be greater than zero") }
        }

        func run() throws {
            try reportingFailures {
                try AtomicFile.prepareDirectory(forFile: output)
                let sites = try PlaceArguments.launchSites(launch.sites, places: data.placeResolver(verbosity), selection: gis.selection)
                let systems = try launch.systems(from: data.catalog, warn: verbosity.warn)
                let report = try FootprintReport(sites: sites, systems: systems, tolerance: tolerance,
                                                 azimuths: azimuth, union: union, marks: RangeMarks(every: every, radials: radials))
                if let vector = try gis.output(output, inputs: launch.sites) {
                    let layers = [GISExport.footprints(report.entries.map(\.feature), systems: systems.map(\.name)), GISExport.launchSites(sites)]
                    verbosity.wrote(try vector.write(layers))
                } else { try AtomicFile.emit(report.text(format, decimals: precision.precision), toPath: output) }
            }
        }
    }
}

extension FootprintFormat: ExpressibleByArgument {}
