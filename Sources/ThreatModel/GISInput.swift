import Foundation
import Gazetteer
import GeoModel
import GIS

/// Launch sites and targets from any source GDAL reads (GeoPackage,
/// Shapefile, FlatGeobuf, KML, CSV with WKT, PostGIS), in WGS84.
public enum GISInput {
    /// Whether `value` is read through GDAL: a format only GDAL reads, or a
    /// CSV or GeoJSON file when a layer, filter or name field is asked for,
    /// or a CSV whose header has a WKT column but no latitude.
    public static func reads(_ value: String, selection: LayerSelection) -> Bool {
        if VectorSource.recognizes(value) { return true }
        let lowered = value.lowercased()
        let ownFormat = lowered.hasSuffix(".csv") || lowered.hasSuffix(".geojson") || lowered.hasSuffix(".json")
        if ownFormat, !selection.isEmpty { return true }
        return lowered.hasSuffix(".csv") && csvHasGeometryColumn(value)
    }

    /// One launch site per feature: points, lines (launch lines) and
    /// polygons (launch areas), named by the selection's name field.
    /// - Throws: `ThreatModelError.gis` for what GDAL refuses,
    ///   `.badData` for an invalid polygon.
    public static func launchSites(_ source: VectorSource) throws(ThreatModelError) -> [LaunchSite] {
        var sites = [LaunchSite]()
        do {
            try source.forEachFeature { feature throws(GISError) in
                sites.append(try siteOrFail(feature, source: source))
            }
        } catch {
            throw .gis(error)
        }
        guard !sites.isEmpty else { throw .badData(source: source.displayName, line: 0, reason: "the layer holds no features\(source.filter == nil ? "" : " matching the filter")") }
        return sites

        func siteOrFail(_ feature: VectorFeature, source: VectorSource) throws(GISError) -> LaunchSite {
            do {
                return try LaunchSiteFile.site(named: feature.name, shape: feature.shape, source: "\(source.displayName) feature \(feature.fid)")
            } catch {
                throw .badFeature(source: source.displayName, layer: feature.layer, feature: feature.fid, reason: error.description)
            }
        }
    }

    /// Every feature as a target place; targets must be points.
    /// - Throws: `ThreatModelError.gis` (`.badFeature` for a line or polygon).
    public static func targets(_ source: VectorSource) throws(ThreatModelError) -> [Place] {
        var places = [Place]()
        let credit = source.displayName
        do {
            try source.forEachFeature { feature throws(GISError) in
                guard case let .point(point) = feature.shape else {
                    throw .badFeature(source: source.displayName, layer: feature.layer, feature: feature.fid,
                                      reason: "it is not a point; targets must be points (areas and lines can be launch sites)")
                }
                var place = Place(name: feature.name, coordinate: point, kind: .coordinate, country: "", source: credit)
                place.featureID = feature.fid
                places.append(place)
            }
        } catch {
            throw .gis(error)
        }
        guard !places.isEmpty else { throw .badData(source: credit, line: 0, reason: "the layer holds no features\(source.filter == nil ? "" : " matching the filter")") }
        return places
    }

    /// Whether a CSV file's header names a WKT geometry column and no latitude.
    static func csvHasGeometryColumn(_ path: String) -> Bool {
        // Only a regular file is opened: a FIFO would block here (the CSV reader refuses it).
        guard (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular,
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        let line = String(decoding: head.prefix { $0 != 10 && $0 != 13 }, as: UTF8.self).lowercased()
        let columns = Set(line.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) })
        return columns.isDisjoint(with: ["lat", "latitude"]) && !columns.isDisjoint(with: ["wkt", "geometry", "geom", "the_geom"])
    }
}
