import Foundation
import Gazetteer
import GeoModel
import Geometry
import ThreatModel

/// Turns `--from` values into launch sites: gazetteer names and coordinates
/// (areas when the place has an outline), or GeoJSON files of points,
/// polygons and lines.
enum LaunchSites {
    /// Whether `value` names a GeoJSON file rather than a place.
    static func isGeoJSONFile(_ value: String) -> Bool {
        let lowered = value.lowercased()
        return lowered.hasSuffix(".geojson") || lowered.hasSuffix(".json")
    }

    static func resolve(_ values: [String], places: PlaceResolver) throws -> [LaunchSite] {
        var sites = [LaunchSite]()
        for value in values {
            if isGeoJSONFile(value) {
                sites += try read(URL(fileURLWithPath: value))
            } else {
                sites.append(LaunchSite(place: try places.resolve(value)))
            }
        }
        return sites
    }

    /// One launch site per feature (see `LaunchSiteFile`).
    static func read(_ url: URL) throws -> [LaunchSite] {
        try InputFile.requireRegularFile(url.path)
        do { return try LaunchSiteFile.read(url) } catch {
            if case .file = error, !FileManager.default.fileExists(atPath: url.path) {
                throw CLIFailure(.noInput, error.description)
            }
            throw CLIFailure(.dataError, error.description)
        }
    }
}
