import Foundation

/// A failure reading or writing a GIS source through GDAL, naming the
/// source (file or `PG:` connection, password removed) and the layer.
public enum GISError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// libgdal could not be loaded.
    case unavailable(String)
    /// The source does not open as a vector dataset (missing file, server down, login refused).
    case cannotOpen(source: String, reason: String)
    /// No layer of that name, or the source has no layer at all.
    case noSuchLayer(source: String, layer: String?, available: [String])
    /// The name field is not a field of the layer.
    case noSuchField(source: String, layer: String, field: String, available: [String])
    /// The `where` filter was refused.
    case badFilter(source: String, layer: String, filter: String, reason: String)
    /// A feature's geometry cannot be used (wrong type, empty, out of range).
    case badFeature(source: String, layer: String, feature: Int64, reason: String)
    /// The layer's coordinate reference system cannot be turned into WGS84.
    case unknownCRS(source: String, layer: String, reason: String)
    /// Output layers that exist already, without leave to replace them.
    case layersExist(destination: String, layers: [String])
    /// Writing failed; nothing of the output was kept.
    case cannotWrite(destination: String, layer: String?, reason: String)

    /// Whether the source itself was missing or could not be reached, as
    /// opposed to bad content.
    public var isUnreachable: Bool {
        if case .cannotOpen = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case let .unavailable(reason): return reason
        case let .cannotOpen(source, reason): return "\(source): cannot open: \(reason)"
        case let .noSuchLayer(source, layer, available):
            let known = available.isEmpty ? "it has no vector layer" : "its layers: \(available.joined(separator: ", "))"
            if let layer { return "\(source): no layer '\(layer)' (\(known))" }
            return available.isEmpty ? "\(source): \(known)" : "\(source) has \(available.count) layers; name one (\(known))"
        case let .noSuchField(source, layer, field, available):
            return "\(source), layer \(layer): no field '\(field)' (fields: \(available.isEmpty ? "none" : available.joined(separator: ", ")))"
        case let .badFilter(source, layer, filter, reason):
            return "\(source), layer \(layer): the filter \"\(filter)\" was refused: \(reason)"
        case let .badFeature(source, layer, feature, reason):
            return "\(source), layer \(layer), feature \(feature): \(reason)"
        case let .unknownCRS(source, layer, reason):
            return "\(source), layer \(layer): its coordinate reference system cannot be transformed to WGS84: \(reason)"
        case let .layersExist(destination, layers):
            return "\(destination): \(layers.count == 1 ? "layer" : "layers") \(layers.joined(separator: ", ")) already \(layers.count == 1 ? "exists" : "exist"); nothing was written (asked to overwrite, the output replaces them)"
        case let .cannotWrite(destination, layer, reason):
            return "\(destination)\(layer.map { ", layer \($0)" } ?? ""): cannot write: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
