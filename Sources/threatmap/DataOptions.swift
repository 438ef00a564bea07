import ArgumentParser
import Foundation
import Gazetteer
import Report
import ThreatModel

/// Where the bundled data (`Gazetteer/`) lives and which extra gazetteer
/// files to load, shared by every subcommand.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp(
        "Directory holding places.csv and the missiles/ catalog (default: $THREATMAP_DATA, ./Gazetteer, or the one beside the executable).",
        valueName: "dir"))
    var directory: String?
    @Option(name: .customLong("gazetteer"), parsing: .singleValue, help: ArgumentHelp(
        "Extra places: a GeoNames dump (cities500.txt, allCountries.txt), a CSV of name,latitude,longitude[,kind,country,aliases], GeoJSON, or a one-layer GIS source (.gpkg, .shp, .fgb, PG:...). Repeatable; its names win over bundled ones.",
        valueName: "file"))
    var extraGazetteers: [String] = []

    /// The data directory, found in the documented order.
    func dataDirectory() throws -> URL {
        try DataDirectory.locate(explicit: directory)
    }

    /// The bundled gazetteer (overrides, datasets, outlines) plus the
    /// `--gazetteer` files. Skipped rows are reported on stderr as warnings;
    /// large files show a progress bar when stderr is a terminal. With
    /// `--quiet`, neither; with `--verbose`, the load time and place count.
    func gazetteer(_ verbosity: VerbosityOptions = VerbosityOptions()) throws -> Gazetteer {
        let directory = try dataDirectory()
        let (gazetteer, elapsed) = try GazetteerLoading.load(directory, extraFiles: extraGazetteers,
                                                             progressBar: ProgressBar.canDraw && !verbosity.quiet)
        for warning in gazetteer.warnings { verbosity.warn("\(warning)") }
        verbosity.note("loaded \(gazetteer.count) places from \(directory.path)"
                       + extraGazetteers.map { " and \($0)" }.joined() + " in \(Elapsed.text(elapsed))")
        return gazetteer
    }

    /// The gazetteer, loaded when a place name first needs it.
    func placeResolver(_ verbosity: VerbosityOptions = VerbosityOptions()) -> PlaceResolver {
        PlaceResolver(load: { try gazetteer(verbosity) }, warn: verbosity.warn)
    }

    func catalog() throws -> MissileCatalog {
        try MissileCatalogFile.bundled(in: dataDirectory())
    }
}
