import Export
import Geodesy
import GeoModel
import Geometry
import GIS
import ThreatModel

/// The layers `rings`, `reach` and `map` write to a GeoPackage, FlatGeobuf,
/// Shapefile or PostGIS: `footprints` (MultiPolygon), `launch_sites`
/// (Point), `targets` (Point, one row per site × system × target with the
/// reach table's columns) and `reach_paths` (LineString, in-range rows),
/// each with a QGIS style in the map's colours.
public enum GISExport {
    /// Every layer these outputs may write.
    public static let layerNames = ["footprints", "launch_sites", "targets", "reach_paths"]

    /// Footprints with the GeoJSON output's properties (cut at ±180).
    public static func footprints(_ features: [Feature], systems: [String], theme: MapTheme = .light) -> VectorLayer {
        layer("footprints", .multiPolygon, features: features, style: QGISStyle.footprints(systems: systems, theme: theme))
    }

    /// One point per launch site (an area's or a line's interior point), with `extent` saying which.
    public static func launchSites(_ sites: [LaunchSite], theme: MapTheme = .light) -> VectorLayer {
        let features = sites.map { site in
            var feature = FootprintFeatures.place(site.place, role: "launch_site")
            let extent = switch site.extent {
            case .point: "point"
            case .area: "area"
            case .lines: "lines"
            }
            feature.properties.append(("extent", .string(extent)))
            return feature
        }
        return layer("launch_sites", .point, features: features, style: QGISStyle.launchSites(theme: theme))
    }

    /// The reach rows as target points, and the geodesic paths of those in range (cut at ±180).
    /// - Throws: `GeodesyError` when a path cannot be drawn.
    public static func reach(_ results: [ReachResult], theme: MapTheme = .light) throws -> [VectorLayer] {
        let geodesic = Geodesic.wgs84
        var targets = [Feature](), paths = [Feature]()
        targets.reserveCapacity(results.count)
        for result in results {
            let properties: [(name: String, value: PropertyValue)] = [
                ("site", .string(result.site.name)), ("missile", .string(result.system.name)), ("target", .string(result.target.name)),
                ("target_fid", result.target.featureID.map { .integer(Int($0)) } ?? .null), ("distance_m", .number(result.distance.meters)), ("distance_km", .number(result.distance.kilometers)),
                ("bearing_deg", .number(result.bearing)), ("range_km", .number(result.system.range.kilometers)),
                ("in_range", .bool(result.inRange)), ("margin_km", .number(result.marginMeters / 1000)),
                ("min_range_km", .number(result.system.minimumRange.kilometers)), ("reason", result.reason.map { .string($0) } ?? .null),
                ("flight_time_min", result.flight.map { .number($0.minutes) } ?? .null),
                ("status", result.status.map { .string($0.rawValue) } ?? .null),
            ]
            targets.append(Feature(shape: .point(result.target.coordinate), properties: properties))
            guard result.inRange else { continue }
            let path = try geodesic.path(from: result.launchPoint, to: result.target.coordinate, tolerance: .meters(100))
            let pieces = Antimeridian.split(path: path) { geodesic.meridianCrossing(from: $0, to: $1, longitude: $2) }
            for piece in pieces where piece.count > 1 {
                paths.append(Feature(shape: .lineString(LineString(piece)), properties: Array(properties.prefix(7))))
            }
        }
        // Columns that may be empty in every row keep their type.
        let types: [String: VectorLayer.FieldType] = ["target_fid": .integer, "reason": .text, "flight_time_min": .real, "status": .text]
        return [layer("targets", .point, features: targets, style: QGISStyle.targets(theme: theme), types: types),
                layer("reach_paths", .lineString, features: paths, style: QGISStyle.paths(theme: theme), types: types)]
    }

    /// A layer of `features`: its fields are every property name in the
    /// order first seen, typed by their first non-null value (booleans as
    /// integers 0/1, as GeoPackage and Shapefile store them), unless `types` names them.
    public static func layer(_ name: String, _ geometryType: VectorLayer.GeometryType, features: [Feature], style: String?,
                             types declared: [String: VectorLayer.FieldType] = [:]) -> VectorLayer {
        var names = [String](), types = [VectorLayer.FieldType?](), position = [String: Int]()
        for feature in features {
            for property in feature.properties {
                let index = position[property.name] ?? names.count
                if index == names.count {
                    position[property.name] = index
                    names.append(property.name)
                    types.append(nil)
                }
                let type: VectorLayer.FieldType? = switch property.value {
                case .string: .text
                case .number: .real
                case .integer: .integer
                case .bool: .flag
                case .null: nil
                }
                guard let type, types[index] != .text else { continue }
                types[index] = type == .text || types[index] == nil ? type : (types[index] == .real || type == .real ? .real : .integer)
            }
        }
        let fields = zip(names, types).map { VectorLayer.Field($0, declared[$0] ?? $1 ?? .text) }
        let rows = features.map { feature in
            var values = [VectorLayer.Value](repeating: .null, count: fields.count)
            for property in feature.properties {
                guard let index = position[property.name] else { continue }
                values[index] = switch property.value {
                case let .string(text): .text(text)
                case let .number(number): fields[index].type == .text ? .text(String(number)) : .real(number)
                case let .integer(number): fields[index].type == .real ? .real(Double(number)) : .integer(Int64(number))
                case let .bool(flag): .integer(flag ? 1 : 0)
                case .null: .null
                }
            }
            return VectorLayer.Row(shape: vectorShape(feature.shape), values: values)
        }
        return VectorLayer(name: name, geometryType: geometryType, fields: fields, rows: rows, style: style)
    }

    static func vectorShape(_ shape: Shape) -> VectorShape {
        switch shape {
        case let .point(point): .point(point)
        case let .lineString(line): .lines([line])
        case let .polygon(polygon): .area(MultiPolygon([polygon]))
        case let .multiPolygon(area): .area(area)
        }
    }
}
