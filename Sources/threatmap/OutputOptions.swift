import ArgumentParser
import Export
import Foundation
import GeoModel
import ThreatModel

/// Map projections `--projection` offers.
enum ProjectionChoice: String, ExpressibleByArgument, CaseIterable {
    case aeqd, laea, equirectangular
    case webMercator = "web-mercator"

    static let help = "aeqd: azimuthal equidistant (default; distances from the centre true), laea: Lambert azimuthal equal-area, equirectangular, web-mercator."

    func projection(center: Coordinate) -> MapProjection {
        switch self {
        case .aeqd: .azimuthalEquidistant(center: center)
        case .laea: .lambertAzimuthalEqualArea(center: center)
        case .equirectangular: .equirectangular(center: center)
        case .webMercator: .webMercator(center: center)
        }
    }

    /// How a credit line names it.
    var title: String {
        switch self {
        case .aeqd: "Azimuthal equidistant projection"
        case .laea: "Lambert azimuthal equal-area projection"
        case .equirectangular: "Equirectangular projection"
        case .webMercator: "Web Mercator projection"
        }
    }
}

/// `--theme light|dark`.
enum ThemeChoice: String, ExpressibleByArgument, CaseIterable {
    case light, dark
    var theme: MapTheme { self == .dark ? .dark : .light }
}

/// How the SVG map is drawn: projection, centre, extent, size, theme,
/// basemap. Options left out fall back to a scenario's `map:` settings,
/// then to the defaults.
struct MapOptions: ParsableArguments {
    @Option(help: ArgumentHelp(ProjectionChoice.help, valueName: "name"))
    var projection: ProjectionChoice?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Centre of the projection (default: the middle of the launch sites), e.g. 33.3,44.4.", valueName: "coordinate"),
        transform: parseCenter)
    var center: Coordinate?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "What the map shows: auto (every footprint and target; default), world, a distance around the centre (2500km) or WEST,SOUTH,EAST,NORTH in degrees.",
        valueName: "extent"), transform: { try MapExtent(parsing: $0) })
    var extent: MapExtent?

    @Option(help: ArgumentHelp("Canvas width in pixels (default 1200).", valueName: "px"))
    var width: Int?

    @Option(help: ArgumentHelp("Canvas height in pixels (default 900).", valueName: "px"))
    var height: Int?

    @Option(help: "Colours: light (for print; default) or dark (for screens).")
    var theme: ThemeChoice?

    @Option(help: ArgumentHelp(
        "Basemap file (default: basemap/world.bin in the data directory).", valueName: "file"))
    var basemap: String?

    @Flag(name: .customLong("no-basemap"), help: "Draw no land, coastline or borders.")
    var noBasemap = false

    func validateMap() throws {
        let minimum = SVGMapRenderer.minimumSize
        if let width, !(minimum.width...20_000).contains(width) {
            throw ValidationError("--width must be from \(minimum.width) to 20000 pixels")
        }
        if let height, !(minimum.height...20_000).contains(height) {
            throw ValidationError("--height must be from \(minimum.height) to 20000 pixels")
        }
        if basemap != nil, noBasemap { throw ValidationError("--basemap and --no-basemap exclude each other") }
    }

    /// These options over a scenario's `map:` settings over the defaults.
    /// - Throws: `CLIFailure` (65) for a scenario value this tool cannot draw.
    func settings(for scenario: ScenarioDocument.MapOptions = .init()) throws -> MapSettings {
        var scenarioProjection: ProjectionChoice?
        if let name = scenario.projection {
            guard let choice = ProjectionChoice(rawValue: name) else {
                throw CLIFailure(.dataError, "map projection '\(name)' is not one of \(ProjectionChoice.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            scenarioProjection = choice
        }
        let scenarioExtent = scenario.extent.map { MapExtent.box(west: $0[0], south: $0[1], east: $0[2], north: $0[3]) }
        let minimum = SVGMapRenderer.minimumSize
        return MapSettings(
            projection: projection ?? scenarioProjection ?? .aeqd,
            center: center ?? scenario.center,
            extent: extent ?? scenarioExtent ?? .auto,
            width: max(minimum.width, width ?? scenario.width ?? 1200),
            height: max(minimum.height, height ?? scenario.height ?? 900),
            theme: theme ?? scenario.theme.flatMap(ThemeChoice.init(rawValue:)) ?? .light
        )
    }

    /// The basemap to draw, or nil with --no-basemap.
    /// - Throws: `CLIFailure` (66) when the file is missing, (65) when it is malformed.
    func loadBasemap(dataDirectory: () throws -> URL) throws -> Basemap? {
        guard !noBasemap else { return nil }
        let url = try basemap.map { URL(fileURLWithPath: $0) }
            ?? dataDirectory().appendingPathComponent("basemap/world.bin")
        switch Result(catching: { () throws(BasemapError) in try Basemap(contentsOf: url) }) {
        case let .success(basemap):
            return basemap
        case let .failure(error):
            if case .malformed = error { throw CLIFailure(.dataError, error.description) }
            throw CLIFailure(.noInput, error.description + (basemap == nil ? " (pass --no-basemap to draw without one)" : ""))
        }
    }
}

/// The settings one map is drawn with.
struct MapSettings {
    var projection: ProjectionChoice
    /// Nil: the middle of the launch sites.
    var center: Coordinate?
    var extent: MapExtent
    var width: Int
    var height: Int
    var theme: ThemeChoice

    func renderer(basemap: Basemap?) -> SVGMapRenderer {
        SVGMapRenderer(width: width, height: height, theme: theme.theme, extent: extent, basemap: basemap)
    }
}

/// `--quiet` and `--verbose`.
struct VerbosityOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print nothing but errors and what was asked for (such as --open's paths).")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Report each step and its time on stderr.")
    var verbose = false

    func validateVerbosity() throws {
        if quiet, verbose { throw ValidationError("--quiet and --verbose exclude each other") }
    }

    /// `duration` as seconds with two decimals, e.g. `1.25 s`.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.2f s", Double(seconds) + Double(attoseconds) * 1e-18)
    }

    /// Writes `threatmap: warning: text` to stderr unless --quiet.
    func warn(_ text: String) {
        guard !quiet else { return }
        writeStandardError("threatmap: warning: \(text)\n")
    }

    /// Writes `text` to stderr with --verbose.
    func note(_ text: @autoclosure () -> String) {
        guard verbose else { return }
        writeStandardError("threatmap: \(text())\n")
    }
}

/// `--precision`: decimals of GeoJSON and KML coordinates.
struct PrecisionOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Decimal places of GeoJSON and KML coordinates (6 ≈ 0.1 m; 0 to 15).", valueName: "digits"))
    var precision = 6

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
