import ArgumentParser
import Export
import Gazetteer
import Geodesy
import GeoModel
import Geometry
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

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case geojson, geojsonl, kml, table
        }

        @OptionGroup var data: DataOptions
        @OptionGroup var launch: LaunchOptions

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "Greatest gap between footprint edges and the true geodesic curves.", valueName: "distance"),
            transform: parseDistance)
        var tolerance: Distance = .meters(10)

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "Limit point footprints to azimuths START..END, degrees clockwise from north (e.g. 250..310, 350..20).",
            valueName: "start..end"), transform: { try AzimuthRange(parsing: $0) })
        var azimuth: AzimuthRange?

        @Flag(help: "One footprint per system: the union over all launch sites.")
        var union = false

        @Option(help: "geojson: the footprints; geojsonl: one feature per line; kml: for Google Earth; table: their geodesic areas and perimeters.")
        var format: Format = .geojson

        @OptionGroup var precision: PrecisionOption

        @Option(help: ArgumentHelp("Write the output here instead of stdout ('-' for stdout).", valueName: "file"))
        var output: String?

        @OptionGroup var verbosity: VerbosityOptions

        func validate() throws {
            try verbosity.validateVerbosity()
            try launch.validateLaunch()
            guard tolerance >= .meters(0.1) else { throw ValidationError("--tolerance must be at least 0.1m") }
            try precision.validatePrecision()
        }

        func run() throws {
            try reportingFailures {
                try checkWritable(output)
                let sites = try LaunchSites.resolve(launch.sites, places: data.placeResolver(verbosity))
                let systems = try launch.systems(from: data.catalog)
                let builder = FootprintBuilder(tolerance: tolerance)
                var footprints = [RangeFootprint]()
                for site in sites {
                    for system in systems {
                        footprints.append(try builder.footprint(of: system, from: site, azimuths: azimuth))
                    }
                }
                let entries = union ? try Self.united(footprints, systems: systems, builder: builder) : footprints.map(FootprintEntry.init)
                switch format {
                case .geojson:
                    try emit(GeoJSONWriter(decimals: precision.precision).document(entries.map(\.feature)), to: output)
                case .geojsonl:
                    try emit(GeoJSONWriter(decimals: precision.precision).lines(entries.map(\.feature)), to: output)
                case .kml:
                    try emit(Self.kml(entries, systems: systems, decimals: precision.precision), to: output)
                case .table:
                    try emit(Self.areaTable(entries).text(), to: output)
                }
            }
        }

        /// One entry per system: the union of its footprints over every site.
        static func united(_ footprints: [RangeFootprint], systems: [MissileSystem], builder: FootprintBuilder) throws -> [FootprintEntry] {
            try systems.map { system in
                let own = footprints.filter { $0.system == system }
                let area = try builder.union(of: own)
                return FootprintEntry(
                    site: own.map(\.site.name).joined(separator: ", "), system: system,
                    azimuths: own.first?.azimuths, area: area
                )
            }
        }

        /// A KML document with a folder and a style per system.
        static func kml(_ entries: [FootprintEntry], systems: [MissileSystem], decimals: Int) -> String {
            let layers = systems.map { system in
                KMLWriter.Layer(name: system.name, detail: system.range.description,
                                features: entries.filter { $0.system == system }.map(\.feature))
            }
            let title = "Range footprints: " + systems.map { "\($0.name) \($0.range)" }.joined(separator: ", ")
            return KMLWriter(decimals: decimals).document(name: title, layers: layers)
        }

        static func areaTable(_ entries: [FootprintEntry]) -> ResultTable {
            let geodesic = Geodesic.wgs84
            return ResultTable(
                columns: ["site", "missile", "range_km", "min_range_km", "azimuth", "area_km2", "perimeter_km", "polygons", "vertices"],
                rows: entries.map { entry in
                    let measure = geodesic.measure(multiPolygon: entry.area)
                    let vertices = entry.area.polygons.reduce(0) { $0 + $1.exterior.count + $1.holes.reduce(0) { $0 + $1.count } }
                    return [
                        .text(entry.site), .text(entry.system.name), .number(entry.system.range.kilometers, decimals: 1),
                        .number(entry.system.minimumRange.kilometers, decimals: 1), .text(entry.azimuths?.description ?? "all"),
                        .number(measure.squareKilometers, decimals: 1), .number(measure.perimeter / 1000, decimals: 1),
                        .number(Double(entry.area.polygons.count), decimals: 0), .number(Double(vertices), decimals: 0),
                    ]
                }
            )
        }
    }
}

/// A footprint as written: one site (or several, united) and one system.
struct FootprintEntry {
    var site: String
    var system: MissileSystem
    var azimuths: AzimuthRange?
    var area: MultiPolygon

    init(site: String, system: MissileSystem, azimuths: AzimuthRange?, area: MultiPolygon) {
        self.site = site
        self.system = system
        self.azimuths = azimuths
        self.area = area
    }

    init(_ footprint: RangeFootprint) {
        self.init(site: footprint.site.name, system: footprint.system, azimuths: footprint.azimuths, area: footprint.area)
    }

    var feature: Feature {
        var properties: [(name: String, value: PropertyValue)] = [
            ("site", .string(site)),
            ("missile", system.category == .range ? .null : .string(system.name)),
            ("range_km", .number(system.range.kilometers)),
            ("min_range_km", .number(system.minimumRange.kilometers)),
        ]
        if let azimuths {
            properties.append(("azimuth_start_deg", .number(azimuths.start)))
            properties.append(("azimuth_end_deg", .number(AzimuthRange.normalized(azimuths.end))))
        }
        properties.append(("source", .string(system.source)))
        return Feature(shape: .multiPolygon(area), properties: properties)
    }
}
