import Foundation

/// A failure inside GEOS or a shape GEOS cannot represent.
public enum GeometryError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// GEOS reported an exception in `function`; `message` is its text.
    case geos(function: String, message: String)
    /// A ring with fewer than four coordinates or not closed.
    case invalidRing(reason: String)
    /// WKT or a geometry type that this module does not handle.
    case unsupported(String)
    /// Input over the vertex budget of one operation (which bounds its time and memory).
    case tooLarge(operation: String, vertices: Int, limit: Int)

    public var description: String {
        switch self {
        case let .geos(function, message): "geometry operation \(function) failed: \(message)"
        case let .invalidRing(reason): "invalid ring: \(reason)"
        case let .unsupported(what): "unsupported geometry: \(what)"
        case let .tooLarge(operation, vertices, limit):
            "\(operation) of \(vertices) vertices is over the limit of \(limit) for one geometry operation; raise the tolerance (fewer vertices per ring) or split the job"
        }
    }

    public var errorDescription: String? { description }
}
