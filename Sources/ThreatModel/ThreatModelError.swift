import Foundation
import Geodesy
import Geometry

/// Why a scenario, catalog or analysis could not be built.
public enum ThreatModelError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case unknownMissile(String, suggestions: [String])
    case badData(source: String, line: Int, reason: String)
    case file(String)
    case invalidRange(String)
    case geodesy(GeodesyError)
    case geometry(GeometryError)

    public var description: String {
        switch self {
        case let .unknownMissile(name, suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
            return "unknown missile system '\(name)'\(hint)"
        case let .badData(source, line, reason): return "\(source):\(line): \(reason)"
        case let .file(message): return message
        case let .invalidRange(reason): return reason
        case let .geodesy(error): return error.description
        case let .geometry(error): return error.description
        }
    }

    public var errorDescription: String? { description }
}
