import Foundation
import GIS
import Gazetteer
import GeoModel
import Geodesy
import Geometry

/// Why a scenario, catalog or analysis could not be built.
public enum ThreatModelError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case unknownMissile(String, suggestions: [String])
    /// A name shared by several systems ("Hwasong", "DF-21"): none is picked.
    case missileFamily(String, members: [String])
    case badData(source: String, line: Int, reason: String)
    /// A file that cannot be read (missing, unreadable).
    case file(String)
    /// A file that was read but is malformed; the message names it and where.
    case malformed(String)
    case invalidRange(String)
    case geodesy(GeodesyError)
    case geometry(GeometryError)
    /// A GIS source read through GDAL failed.
    case gis(GISError)

    public var description: String {
        switch self {
        case let .unknownMissile(name, suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
            return "unknown missile system '\(name)'\(hint)"
        case let .missileFamily(name, members):
            let shown = members.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
            let more = members.count > 12 ? " and \(members.count - 12) more" : ""
            return "'\(name)' names a family of \(members.count) systems, not one: name one of \(shown)\(more)"
        case let .badData(source, line, reason): return line > 0 ? "\(source):\(line): \(reason)" : "\(source): \(reason)"
        case let .file(message), let .malformed(message): return message
        case let .invalidRange(reason): return reason
        case let .geodesy(error): return error.description
        case let .geometry(error): return error.description
        case let .gis(error): return error.description
        }
    }

    public var errorDescription: String? { description }
}

extension ThreatModelError {
    /// A CSV error: unreadable files stay `.file`, the rest are `.malformed`.
    static func reading(_ error: CSVError) -> ThreatModelError {
        if case .unreadable = error { return .file(error.description) }
        return .malformed(error.description)
    }

    /// A GeoJSON error: unreadable files stay `.file`, the rest are `.malformed`.
    static func reading(_ error: GeoJSONError) -> ThreatModelError {
        if case .unreadable = error { return .file(error.description) }
        return .malformed(error.description)
    }
}
