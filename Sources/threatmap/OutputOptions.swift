import ArgumentParser
import Export
import Foundation
import GeoModel

extension ProjectionName: ExpressibleByArgument {}
extension ThemeName: ExpressibleByArgument {}
extension CoordinateNotation: ExpressibleByArgument {}

/// How the SVG map is drawn: projection, centre, extent, size, theme,
/// basemap. Options left out fall back to a scenario's `map:` settings,
/// then to the defaults.
struct MapOptions: ParsableArguments {
    @Option(help: ArgumentHelp(ProjectionName.help, valueName: "name")) var projection: ProjectionName?
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Centre of the projection (default: the middle of the launch sites), e.g. 33.3,44.4.", valueName: "coordinate"),
        transform: parseCenter)
    var center: Coordinate?
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "What the map shows: auto (every footprint and target; default), world, a distance around the centre (2500km) or WEST,SOUTH,EAST,NORTH in degrees.",
        valueName: "extent"), transform: { try MapExtent(parsing: $0) })
    var extent: MapExtent?
    @Option(help: ArgumentHelp("Canvas width in pixels (default 1200).", valueName: "px")) var width: Int?
    @Option(help: ArgumentHelp("Canvas height in pixels (default 900).", valueName: "px")) var height: Int?
    @Option(help: "Colours: light (for print; default) or dark (for screens).") var theme: ThemeName?
    @Option(name: .customLong("rings-every"), parsing: .unconditional, help: ArgumentHelp("Range rings at this interval around point sites (e.g. 100km).", valueName: "distance"), transform: Distance.init(parsing:))
    var ringsEvery: Distance?
    @Option(help: ArgumentHelp("Radials from point sites out to their range: a count (8) or bearings (0,45,90).", valueName: "radials"), transform: { try Radials(parsing: $0) })
    var radials: Radials?
    @Option(help: ArgumentHelp("Basemap file (default: basemap/world.bin in the data directory).", valueName: "file")) var basemap: String?
    @Flag(name: .customLong("no-basemap"), help: "Draw no land, coastline or borders.") var noBasemap = false

    func validateMap() throws {
        let minimum = SVGMapRenderer.minimumSize
        if let width, !(minimum.width...20_000).contains(width) {
            throw ValidationError("--width must be from \(minimum.width) to 20000 pixels")
        }
        if let height, !(minimum.height...20_000).contains(height) {
            throw ValidationError("--height must be from \(minimum.height) to 20000 pixels")
        }
        if let ringsEvery, ringsEvery <= .zero { throw ValidationError("--rings-every must be greater than zero") }
        if basemap != nil, noBasemap { throw ValidationError("--basemap and --no-basemap exclude each other") }
    }

    /// The choices made here (they win over a scenario's `map:` settings).
    var choices: MapChoices {
        MapChoices(projection: projection, center: center, extent: extent, width: width, height: height, theme: theme,
                   ringsEvery: ringsEvery, radials: radials)
    }

    /// The basemap to draw, or nil with --no-basemap.
    func loadBasemap(dataDirectory: () throws -> URL) throws -> Basemap? {
        noBasemap ? nil : try Self.loadBasemap(file: basemap, dataDirectory: dataDirectory)
    }

    /// The basemap in `file`, else the bundled one (its absence hints at --no-basemap).
    static func loadBasemap(file: String?, dataDirectory: () throws -> URL) throws -> Basemap {
        let url = try file.map { URL(fileURLWithPath: $0) } ?? dataDirectory().appendingPathComponent("basemap/world.bin")
        do { return try Basemap(contentsOf: url) } catch {
            guard case .unreadable = error, file == nil else { throw error }
            throw CLIFailure(.noInput, "\(error.description) (pass --no-basemap to draw without one)")
        }
    }
}

/// `--quiet` and `--verbose`.
struct VerbosityOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print nothing but errors and what was asked for (such as --open's paths).") var quiet = false
    @Flag(name: .shortAndLong, help: "Report each step and its time on stderr.") var verbose = false

    func validateVerbosity() throws {
        if quiet, verbose { throw ValidationError("--quiet and --verbose exclude each other") }
    }

    /// Writes `threatmap: warning: text` to stderr unless --quiet.
    func warn(_ text: String) {
        guard !quiet else { return }
        writeStandardError("threatmap: warning: \(text)\n")
    }

    /// Names each output written on stderr unless --quiet.
    func wrote(_ outputs: [String]) { if !quiet { writeStandardError(outputs.map { "threatmap: wrote \($0)\n" }.joined()) } }

    /// Writes `text` to stderr with --verbose.
    func note(_ text: @autoclosure () -> String) {
        guard verbose else { return }
        writeStandardError("threatmap: \(text())\n")
    }
}

/// `--precision`: decimals of GeoJSON and KML coordinates.
struct PrecisionOption: ParsableArguments {
    @Option(help: ArgumentHelp("Decimal places of GeoJSON and KML coordinates (6 ≈ 0.1 m; 0 to 15).", valueName: "digits")) var precision = 6

    func validatePrecision() throws {
        guard GeoJSONWriter.decimalRange.contains(precision) else {
            throw ValidationError("--precision must be from \(GeoJSONWriter.decimalRange.lowerBound) to \(GeoJSONWriter.decimalRange.upperBound)")
        }
    }
}

private func parseCenter(_ text: String) throws -> Coordinate {
    guard let coordinate = try Coordinate.parse(text) else {
        throw ValidationError("'\(text)' is not a coordinate; use latitude,longitude such as 33.3,44.4")
    }
    return coordinate
}
