import Export
import Geodesy
import Gazetteer
import GeoModel
import ThreatModel

/// A footprint as written: one site (or several, united) and one system.
public struct FootprintEntry: Sendable {
    /// The site's name; for a union, every site's, comma-separated.
    public var site: String
    public var system: MissileSystem
    /// The sector, when the footprint is limited to one.
    public var azimuths: AzimuthRange?
    public var area: MultiPolygon

    public init(site: String, system: MissileSystem, azimuths: AzimuthRange?, area: MultiPolygon) {
        self.site = site
        self.system = system
        self.azimuths = azimuths
        self.area = area
    }

    public init(_ footprint: RangeFootprint) {
        self.init(site: footprint.site.name, system: footprint.system, azimuths: footprint.azimuths, area: footprint.area)
    }

    /// The footprint as a GeoJSON feature with the documented properties
    /// (`site`, `missile`, `range_km`, `min_range_km`, azimuths, `source`).
    public var feature: Feature {
        var properties: [(name: String, value: PropertyValue)] = [
            ("site", .string(site)),
            ("missile", system.category == .range ? .null : .string(system.name)),
            ("range_km", .number(system.range.kilometers)),
            ("min_range_km", .number(system.minimumRange.kilometers)),
        ]
        if let azimuths {
            properties.append(("azimuth_start_deg", .number(azimuths.start)))
            properties.append(("azimuth_end_deg", .number(AzimuthRange.normalized(azimuths.end))))
        }
        properties.append(("source", .string(system.source)))
        return Feature(shape: .multiPolygon(area), properties: properties)
    }
}

/// Footprints and places as GeoJSON features with the documented properties.
public enum FootprintFeatures {
    public static func footprint(_ footprint: RangeFootprint) -> Feature {
        FootprintEntry(footprint).feature
    }

    /// A place as a point feature: `name`, `role`, `kind`, `country`,
    /// `source`, and `in_range_of` when `systems` is given.
    public static func place(_ place: Place, role: String, inRangeOf systems: [String]? = nil) -> Feature {
        var properties: [(name: String, value: PropertyValue)] = [
            ("name", .string(place.name)), ("role", .string(role)), ("kind", .string(place.kind.rawValue)),
            ("country", .string(place.country)), ("source", .string(place.source)),
        ]
        if let systems {
            properties.append(("in_range_of", .string(systems.joined(separator: ", "))))
        }
        return Feature(shape: .point(place.coordinate), properties: properties)
    }
}

/// What `rings` writes.
public enum FootprintFormat: String, CaseIterable, Sendable {
    /// The footprints as one GeoJSON document.
    case geojson
    /// One GeoJSON feature per line.
    case geojsonl
    /// A KML document for Google Earth.
    case kml
    /// Their geodesic areas and perimeters.
    case table
}

/// Range footprints of every site × system, or their union per system,
/// and the texts `rings` writes of them.
public struct FootprintReport: Sendable {
    public let systems: [MissileSystem]
    public let entries: [FootprintEntry]
    /// Rings at an interval and radials around each point site, per system.
    public let marks: [Feature]

    /// Draws every footprint.
    /// - Parameters:
    ///   - tolerance: greatest gap between edges and the true geodesic curves.
    ///   - azimuths: limits point footprints to a sector.
    ///   - union: one footprint per system, united over every site.
    ///   - marks: rings at an interval and radials around each point site
    ///     out to each system's range, to the same tolerance (areas and
    ///     lines get none: their rings are not concentric).
    /// - Throws: `ThreatModelError` when a footprint cannot be drawn,
    ///   `GeodesyError` when a mark cannot.
    public init(sites: [LaunchSite], systems: [MissileSystem], tolerance: Distance,
                azimuths: AzimuthRange? = nil, union: Bool = false, marks: RangeMarks = RangeMarks()) throws {
        let builder = FootprintBuilder(tolerance: tolerance)
        var footprints = [RangeFootprint]()
        for site in sites {
            for system in systems {
                footprints.append(try builder.footprint(of: system, from: site, azimuths: azimuths))
            }
        }
        self.systems = systems
        entries = union ? try Self.united(footprints, systems: systems, builder: builder) : footprints.map(FootprintEntry.init)
        var markFeatures = [Feature]()
        if !marks.isEmpty {
            for site in sites where site.extent == .point {
                for system in systems {
                    let drawn = try marks.marks(around: site.place.coordinate, range: system.range, tolerance: tolerance)
                    markFeatures += RangeMarks.features(drawn, site: site.place.name,
                                                        missile: system.category == .range ? nil : system.name)
                }
            }
        }
        self.marks = markFeatures
    }

    /// The footprints in `format`; coordinates with `decimals` places.
    public func text(_ format: FootprintFormat, decimals: Int = 6) -> String {
        switch format {
        case .geojson: GeoJSONWriter(decimals: decimals).document(entries.map(\.feature) + marks)
        case .geojsonl: GeoJSONWriter(decimals: decimals).lines(entries.map(\.feature) + marks)
        case .kml: kml(decimals: decimals)
        case .table: areaTable.text()
        }
    }

    /// One entry per system: the union of its footprints over every site.
    static func united(_ footprints: [RangeFootprint], systems: [MissileSystem],
                       builder: FootprintBuilder) throws(ThreatModelError) -> [FootprintEntry] {
        var entries = [FootprintEntry]()
        for system in systems {
            let own = footprints.filter { $0.system == system }
            let area = try builder.union(of: own)
            entries.append(FootprintEntry(site: own.map(\.site.name).joined(separator: ", "), system: system,
                                          azimuths: own.first?.azimuths, area: area))
        }
        return entries
    }

    /// A KML document with a folder and a style per system.
    public func kml(decimals: Int) -> String {
        let layers = systems.map { system in
            KMLWriter.Layer(name: system.name, detail: system.range.description,
                            features: entries.filter { $0.system == system }.map(\.feature))
        }
        let title = "Range footprints: " + systems.map { "\($0.name) \($0.range)" }.joined(separator: ", ")
        return KMLWriter(decimals: decimals).document(name: title, layers: layers)
    }

    /// Per footprint: geodesic area and perimeter, polygons and vertices.
    public var areaTable: ResultTable {
        let geodesic = Geodesic.wgs84
        return ResultTable(
            columns: ["site", "missile", "range_km", "min_range_km", "azimuth", "area_km2", "perimeter_km", "polygons", "vertices"],
            rows: entries.map { entry in
                let measure = geodesic.measure(multiPolygon: entry.area)
                let vertices = entry.area.polygons.reduce(0) { $0 + $1.exterior.count + $1.holes.reduce(0) { $0 + $1.count } }
                return [
                    .text(entry.site), .text(entry.system.name), .number(entry.system.range.kilometers, decimals: 1),
                    .number(entry.system.minimumRange.kilometers, decimals: 1), .text(entry.azimuths?.description ?? "all"),
                    .number(measure.squareKilometers, decimals: 1), .number(measure.perimeter / 1000, decimals: 1),
                    .number(Double(entry.area.polygons.count), decimals: 0), .number(Double(vertices), decimals: 0),
                ]
            }
        )
    }
}
