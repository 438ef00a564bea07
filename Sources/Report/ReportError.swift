import Foundation
import GeoModel

/// Why scenarios cannot be rendered.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// A scenario too large for one map; the message names its numbers and the limit.
    case tooLarge(String)
    /// Two scenarios would write files of the same stem.
    case sameStem(first: String, second: String, stem: String)
    /// Rings at an interval too fine for the range.
    case tooManyRings(every: Distance, range: Distance, limit: Int)

    public var description: String {
        switch self {
        case let .tooLarge(message): message
        case let .sameStem(first, second, stem):
            "\(first) and \(second) both write '\(stem)'; give one of them another 'outputs: stem:'"
        case let .tooManyRings(every, range, limit):
            "rings every \(every) out to \(range) would be more than \(limit) rings; choose a longer interval"
        }
    }

    public var errorDescription: String? { description }
}
