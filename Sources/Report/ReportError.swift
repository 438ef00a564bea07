import Foundation

/// Why scenarios cannot be rendered.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// A scenario too large for one map; the message names its numbers and the limit.
    case tooLarge(String)
    /// Two scenarios would write files of the same stem.
    case sameStem(first: String, second: String, stem: String)

    public var description: String {
        switch self {
        case let .tooLarge(message): message
        case let .sameStem(first, second, stem):
            "\(first) and \(second) both write '\(stem)'; give one of them another 'outputs: stem:'"
        }
    }

    public var errorDescription: String? { description }
}
