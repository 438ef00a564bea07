import Foundation
import Gazetteer
import GeoModel
import GIS

/// Launch sites and targets as a user names them: place names,
/// coordinates, or files (GeoJSON launch sites; CSV or GeoJSON targets).
public enum PlaceArguments {
    /// Whether `value` names a GeoJSON file of launch sites rather than a place.
    public static func isLaunchSiteFile(_ value: String) -> Bool {
        let lowered = value.lowercased()
        return lowered.hasSuffix(".geojson") || lowered.hasSuffix(".json") || VectorSource.recognizes(value)
    }

    /// Whether `value` names a target file (`.csv`, `.geojson`, `.json`) rather than a place.
    public static func isTargetFile(_ value: String) -> Bool {
        value.lowercased().hasSuffix(".csv") || isLaunchSiteFile(value) || VectorSource.recognizes(value)
    }

    /// The launch sites `values` name, in order: gazetteer places (areas
    /// when the place has an outline), coordinates, or every feature of a
    /// GeoJSON file (points, polygons, lines).
    /// - Throws: `InputFileError` for a path that is not a regular file,
    ///   `ThreatModelError` (`.file` when missing, `.malformed` when its
    ///   content is bad), `GazetteerError` for an unknown name.
    /// - Parameter selection: the layer, filter and name field of GIS sources (`GISInput`).
    public static func launchSites(_ values: [String], places: PlaceResolver, selection: LayerSelection = LayerSelection()) throws -> [LaunchSite] {
        var sites = [LaunchSite]()
        for value in values {
            if GISInput.reads(value, selection: selection) {
                if !value.lowercased().hasPrefix("pg:") { try InputFile.requireRegularFile(value) }
                sites += try GISInput.launchSites(VectorSource(path: value, selection: selection))
            } else if isLaunchSiteFile(value) {
                sites += try launchSites(in: URL(fileURLWithPath: value))
            } else {
                sites.append(LaunchSite(place: try places.resolve(value)))
            }
        }
        return sites
    }

    /// One launch site per feature of a GeoJSON file (see `LaunchSiteFile`).
    /// - Throws: as `launchSites(_:places:)`.
    public static func launchSites(in url: URL) throws -> [LaunchSite] {
        try InputFile.requireRegularFile(url.path)
        do { return try LaunchSiteFile.read(url) } catch {
            if case .file = error, !FileManager.default.fileExists(atPath: url.path) { throw error }
            throw ThreatModelError.malformed(error.description)
        }
    }

    /// Where the targets come from, in the order given: CSV files stay on
    /// disk to be streamed; names, coordinates, GeoJSON points and the
    /// places of `kind` (in `country`, an ISO code) are resolved now (the
    /// gazetteer is loaded only if a name or `kind` needs it).
    /// - Throws: `InputFileError`, `ThreatModelError` (`.malformed` when no
    ///   place has `kind`), `GazetteerError`.
    public static func targetSources(_ values: [String], kind: PlaceKind? = nil, country: String? = nil,
                                     places: PlaceResolver, selection: LayerSelection = LayerSelection()) throws -> [TargetSource] {
        var sources = [TargetSource]()
        var pending = [Place]()
        func flush() {
            if !pending.isEmpty { sources.append(.places(pending)) }
            pending = []
        }
        for value in values {
            if GISInput.reads(value, selection: selection) {
                if !value.lowercased().hasPrefix("pg:") { try InputFile.requireRegularFile(value) }
                pending += try GISInput.targets(VectorSource(path: value, selection: selection))
            } else if isTargetFile(value) {
                try InputFile.requireRegularFile(value)
                let url = URL(fileURLWithPath: value)
                if url.pathExtension.lowercased() == "csv" {
                    flush()
                    sources.append(.csvFile(url))
                } else {
                    pending += try TargetFile.places(in: url)
                }
            } else {
                pending.append(try places.resolve(value))
            }
        }
        if let kind {
            let wanted = country?.uppercased()
            let matches = try places.gazetteer().placesMatching(kind: kind, country: wanted)
            guard !matches.isEmpty else {
                throw ThreatModelError.malformed("no gazetteer place of kind '\(kind.rawValue)'\(wanted.map { " in \($0)" } ?? "")")
            }
            pending += matches
        }
        flush()
        return sources
    }
}
