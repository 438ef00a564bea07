import ArgumentParser
import Foundation

@main
struct ThreatMap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threatmap",
        abstract: "Geodesic missile-range maps from place names: GeoJSON, SVG and reach tables.",
        discussion: """
        Places are names from the bundled gazetteer (any common spelling) or \
        coordinates: 32.87,44.15, "32.87N 44.15E", MGRS 38SMB4484521000 or UTM \
        "38N 448445 3621000". Distances take a unit: \
        700km, 435mi, 378nmi, 5000m. Ranges are decided on the WGS84 ellipsoid.

        Exit codes: 0 success, 64 usage, 65 bad data (unknown place or system), \
        66 missing input file, 73 cannot write output.
        """,
        version: "0.1.0",
        subcommands: [Resolve.self, Rings.self, Reach.self, Population.self, Missiles.self, MapCommand.self, Validate.self, Extract.self]
    )

    /// Parses and runs as `ParsableCommand.main()` does, but prints argument
    /// errors with control characters escaped: a bad argument is echoed in
    /// the message and must not act on the terminal.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty { code == .success ? print(message) : writeStandardError(message + "\n") }
            Foundation.exit(code.rawValue)
        }
    }
}
