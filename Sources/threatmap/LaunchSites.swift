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

    static func resolve(_ values: [String], gazetteer: Gazetteer) throws -> [LaunchSite] {
        var sites = [LaunchSite]()
        for value in values {
            if isGeoJSONFile(value) {
                sites += try read(URL(fileURLWithPath: value))
            } else {
                sites.append(LaunchSite(place: try gazetteer.resolve(value)))
            }
        }
        return sites
    }

    /// One launch site per feature; names from the `name` or `site` property.
    static func read(_ url: URL) throws -> [LaunchSite] {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CLIFailure(.noInput, "\(url.path): no such GeoJSON file")
        }
        let features: [Feature]
        do { features = try GeoJSONReader().read(contentsOf: url) } catch {
            throw CLIFailure(.dataError, error.description)
        }
        guard !features.isEmpty else { throw CLIFailure(.dataError, "\(url.path): holds no features") }
        return try features.enumerated().map { index, feature in
            let name = feature.name ?? "\(url.lastPathComponent) feature \(index + 1)"
            return try site(named: name, shape: feature.shape, source: "\(url.lastPathComponent) feature \(index + 1)")
        }
    }

    private static func site(named name: String, shape: Shape, source: String) throws -> LaunchSite {
        func place(at coordinate: Coordinate, area: MultiPolygon? = nil) -> Place {
            Place(name: name, coordinate: coordinate, kind: area == nil ? .coordinate : .region,
                  country: "", source: source, area: area)
        }
        switch shape {
        case let .point(point):
            return LaunchSite(place: place(at: point))
        case let .lineString(line):
            let middle = line.coordinates[line.coordinates.count / 2]
            return LaunchSite(place: place(at: middle), extent: .lines([line]))
        case let .polygon(polygon):
            return try areaSite(MultiPolygon([polygon]), place: place)
        case let .multiPolygon(multi):
            return try areaSite(multi, place: place)
        }

        func areaSite(_ area: MultiPolygon, place: (Coordinate, MultiPolygon?) -> Place) throws -> LaunchSite {
            if case let .invalid(reason) = try Topology.validity(of: .multiPolygon(area)) {
                throw CLIFailure(.dataError, "\(source) ('\(name)'): invalid polygon: \(reason)")
            }
            let inside = try Topology.interiorPoint(of: area)
            return LaunchSite(place: place(inside, area), extent: .area(area))
        }
    }
}

private extension Feature {
    /// The feature's `name` (or `site`) property when it is text.
    var name: String? {
        for key in ["name", "site", "Name", "NAME"] {
            if case let .string(text)? = self[property: key], !text.isEmpty { return text }
        }
        return nil
    }
}
