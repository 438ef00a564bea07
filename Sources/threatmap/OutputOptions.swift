import ArgumentParser
import Export
import Foundation
import GeoModel

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

/// How the SVG map is drawn: projection, centre, extent, size, theme, basemap.
struct MapOptions: ParsableArguments {
    @Option(help: ArgumentHelp(ProjectionChoice.help, valueName: "name"))
    var projection: ProjectionChoice = .aeqd

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Centre of the projection (default: the middle of the launch sites), e.g. 33.3,44.4.", valueName: "coordinate"),
        transform: parseCenter)
    var center: Coordinate?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "What the map shows: auto (every footprint and target), world, a distance around the centre (2500km) or WEST,SOUTH,EAST,NORTH in degrees.",
        valueName: "extent"), transform: { try MapExtent(parsing: $0) })
    var extent: MapExtent = .auto

    @Option(help: ArgumentHelp("Canvas width in pixels.", valueName: "px"))
    var width = 1200

    @Option(help: ArgumentHelp("Canvas height in pixels.", valueName: "px"))
    var height = 900

    @Option(help: "Colours: light (for print) or dark (for screens).")
    var theme: ThemeChoice = .light

    @Option(help: ArgumentHelp(
        "Basemap file (default: basemap/world.bin in the data directory).", valueName: "file"))
    var basemap: String?

    @Flag(name: .customLong("no-basemap"), help: "Draw no land, coastline or borders.")
    var noBasemap = false

    func validateMap() throws {
        let minimum = SVGMapRenderer.minimumSize
        guard (minimum.width...20_000).contains(width) else {
            throw ValidationError("--width must be from \(minimum.width) to 20000 pixels")
        }
        guard (minimum.height...20_000).contains(height) else {
            throw ValidationError("--height must be from \(minimum.height) to 20000 pixels")
        }
        if basemap != nil, noBasemap { throw ValidationError("--basemap and --no-basemap exclude each other") }
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

    func renderer(basemap: Basemap?) -> SVGMapRenderer {
        SVGMapRenderer(width: width, height: height, theme: theme.theme, extent: extent, basemap: basemap)
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
