import ArgumentParser
import Foundation
import Gazetteer
import GeoModel
import ThreatModel

/// Targets of `reach`: names, coordinates, CSV or GeoJSON files, or a
/// whole gazetteer class.
struct TargetOptions: ParsableArguments {
    @Option(name: .customLong("to"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Target: a place name, a coordinate, or a file (.csv with name,lat,lon columns; .geojson points). Repeat for several.",
        valueName: "place"))
    var targets: [String] = []

    @Option(name: .customLong("to-kind"), help: ArgumentHelp(
        "Every gazetteer place of this kind as a target (e.g. airbase, capital, city).", valueName: "kind"))
    var kind: String?

    @Option(name: .customLong("to-country"), help: ArgumentHelp(
        "With --to-kind: only places in this country (ISO code, e.g. IQ).", valueName: "code"))
    var country: String?

    static func isFile(_ value: String) -> Bool {
        let lowered = value.lowercased()
        return lowered.hasSuffix(".csv") || lowered.hasSuffix(".geojson") || lowered.hasSuffix(".json")
    }

    func validateTargets() throws {
        guard !targets.isEmpty || kind != nil else { throw ValidationError("give at least one target with --to or --to-kind") }
        if country != nil, kind == nil { throw ValidationError("--to-country goes with --to-kind") }
        if let kind, PlaceKind(rawValue: kind) == nil {
            let known = PlaceKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--to-kind '\(kind)' is not a kind; use one of \(known)")
        }
        try validatePlaceArguments(targets.filter { !Self.isFile($0) }, option: "--to")
    }

    /// Every target as a place, in the order given.
    func resolve(gazetteer: Gazetteer, verbosity: VerbosityOptions) throws -> [Place] {
        var places = [Place]()
        for value in targets {
            if Self.isFile(value) {
                try InputFile.requireRegularFile(value)
                let list = try TargetFile.read(URL(fileURLWithPath: value))
                for index in 0..<list.count {
                    places.append(Place(name: list.names[index], coordinate: list.coordinates[index],
                                        kind: .coordinate, country: "", source: (value as NSString).lastPathComponent))
                }
            } else {
                places.append(try gazetteer.resolve(value, warning: verbosity))
            }
        }
        if let kind, let placeKind = PlaceKind(rawValue: kind) {
            let wanted = country?.uppercased()
            let matches = gazetteer.placesMatching(kind: placeKind, country: wanted)
            guard !matches.isEmpty else {
                throw CLIFailure(.dataError, "no gazetteer place of kind '\(kind)'\(wanted.map { " in \($0)" } ?? "")")
            }
            places += matches
        }
        return places
    }
}
