import Foundation
import Gazetteer
import GeoModel
import Geometry
import GIS

/// Launch sites from a GeoJSON file: points, polygons (launch areas) and
/// lines, one site per feature, named by the `name` or `site` property.
public enum LaunchSiteFile {
    /// - Throws: `ThreatModelError.file` when the file is missing or not
    ///   GeoJSON, `.badData` for an invalid polygon (naming the feature).
    public static func read(_ url: URL) throws(ThreatModelError) -> [LaunchSite] {
        if VectorSource.recognizes(url.path) { return try GISInput.launchSites(VectorSource(path: url.path)) }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw .file("\(url.path): no such GeoJSON file")
        }
        let features: [Feature]
        do { features = try GeoJSONReader().read(contentsOf: url) } catch {
            throw .reading(error)
        }
        guard !features.isEmpty else { throw .badData(source: url.path, line: 0, reason: "the file holds no features") }
        var sites = [LaunchSite]()
        for (index, feature) in features.enumerated() {
            let label = "\(url.lastPathComponent) feature \(index + 1)"
            sites.append(try site(named: feature.name ?? label, shape: feature.shape, source: label))
        }
        return sites
    }

    /// A site of a feature read through GDAL.
    static func site(named name: String, shape: VectorShape, source: String) throws(ThreatModelError) -> LaunchSite {
        switch shape {
        case let .point(point): return try site(named: name, shape: Shape.point(point), source: source)
        case let .lines(lines) where lines.count == 1: return try site(named: name, shape: Shape.lineString(lines[0]), source: source)
        case let .lines(lines):
            let middle = lines[0].coordinates[lines[0].coordinates.count / 2]
            return LaunchSite(place: Place(name: name, coordinate: middle, kind: .coordinate, country: "", source: source), extent: .lines(lines))
        case let .area(area): return try site(named: name, shape: Shape.multiPolygon(area), source: source)
        }
    }

    static func site(named name: String, shape: Shape, source: String) throws(ThreatModelError) -> LaunchSite {
        func place(at coordinate: Coordinate, area: MultiPolygon? = nil) -> Place {
            Place(name: name, coordinate: coordinate, kind: area == nil ? .coordinate : .region,
                  country: "", source: source, area: area)
        }
        switch shape {
        case let .point(point):
            return LaunchSite(place: place(at: point))
        case let .lineString(line):
            return LaunchSite(place: place(at: line.coordinates[line.coordinates.count / 2]), extent: .lines([line]))
        case let .polygon(polygon):
            return try areaSite(MultiPolygon([polygon]))
        case let .multiPolygon(multi):
            return try areaSite(multi)
        }

        func areaSite(_ area: MultiPolygon) throws(ThreatModelError) -> LaunchSite {
            do {
                if case let .invalid(reason) = try Topology.validity(of: .multiPolygon(area)) {
                    throw ThreatModelError.badData(source: source, line: 0, reason: "'\(name)' is an invalid polygon: \(reason)")
                }
                let inside = try Topology.interiorPoint(of: area)
                return LaunchSite(place: place(at: inside, area: area), extent: .area(area))
            } catch let error as ThreatModelError {
                throw error
            } catch let error as GeometryError {
                throw .geometry(error)
            } catch {
                throw .file("\(error)")
            }
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

extension Gazetteer {
    /// Every place of `kind`, in `country` (ISO code, any case) when given.
    public func placesMatching(kind: PlaceKind, country: String?) -> [Place] {
        let wanted = country?.uppercased()
        return places.filter { $0.kind == kind && (wanted == nil || $0.country.uppercased() == wanted) }
    }
}
