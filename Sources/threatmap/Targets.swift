import ArgumentParser
import Gazetteer
import GeoModel
import GIS
import Report
import ThreatModel

/// Targets of `reach`: names, coordinates, CSV or GeoJSON files, or a
/// whole gazetteer class.
struct TargetOptions: ParsableArguments {
    @Option(name: .customLong("to"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Target: a place name, a coordinate, or a file (.csv with name,lat,lon columns; .geojson points). Repeat for several.",
        valueName: "place"))
    var targets: [String] = []
    @Option(name: .customLong("to-kind"), help: ArgumentHelp(
        "Every gazetteer place of this kind as a target (e.g. airbase, capital, city).", valueName: "kind"), transform: parseKind)
    var kind: PlaceKind?
    @Option(name: .customLong("to-country"), help: ArgumentHelp("With --to-kind: only places in this country (ISO code, e.g. IQ).", valueName: "code"))
    var country: String?

    func validateTargets() throws {
        guard !targets.isEmpty || kind != nil else { throw ValidationError("give at least one target with --to or --to-kind") }
        if country != nil, kind == nil { throw ValidationError("--to-country goes with --to-kind") }
        try validatePlaceArguments(targets.filter { !PlaceArguments.isTargetFile($0) }, option: "--to")
    }

    /// Where the targets come from, in the order given (see `PlaceArguments.targetSources`).
    func sources(places: PlaceResolver, gis: GISOptions) throws -> [TargetSource] {
        try PlaceArguments.targetSources(targets, kind: kind, country: country, places: places, selection: gis.selection)
    }
}

/// GIS sources (GeoPackage, Shapefile, FlatGeobuf, KML, CSV with WKT, PG:) and outputs through GDAL.
struct GISOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Layer of the GIS sources given to --from and --to (a GeoPackage's, a PostGIS table).", valueName: "name")) var layer: String?
    @Option(name: .customLong("where"), help: ArgumentHelp("Only features of GIS sources that match this OGR SQL filter, e.g. \"kind = 'airbase'\".", valueName: "sql")) var filter: String?
    @Option(help: ArgumentHelp("Field that names each feature of GIS sources (default: name, site or target).", valueName: "field")) var nameField: String?
    @Flag(help: "With --output PG:...: replace the tables if they exist (else it fails).") var overwrite = false
    var selection: LayerSelection { LayerSelection(layer: layer, filter: filter, nameField: nameField) }
    /// The GIS output `path` names (.gpkg, .fgb, .shp, PG:), or nil; refused when it would replace one of `inputs`.
    func output(_ path: String?, inputs: [String]) throws -> VectorOutput? {
        guard let output = path.flatMap({ VectorOutput(destination: $0, overwrite: overwrite) }) else { return nil }
        if let input = inputs.first(where: { GISInput.reads($0, selection: selection) && output.replaces(source: $0, layer: layer, layers: GISExport.layerNames) }) {
            throw CLIFailure(.usage, "--output would replace the input \(VectorSource(path: input).displayName)\(layer.map { " (layer \($0))" } ?? ""); write to another file, or to another schema (PG:... active_schema=results)")
        }
        return output
    }
}
