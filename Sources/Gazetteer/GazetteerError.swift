import Foundation

/// Why a name could not be resolved or a gazetteer file loaded.
public enum GazetteerError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// No place has this name; `suggestions` are the closest known names.
    case unknownPlace(String, suggestions: [String])
    /// The text is a coordinate literal but an invalid one (latitude 95, ...).
    case invalidCoordinate(String, reason: String)
    /// A data file is malformed at `source:line`.
    case badData(source: String, line: Int, reason: String)
    case file(CSVError)

    public var description: String {
        switch self {
        case let .unknownPlace(name, suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
            return "unknown place '\(name)'\(hint)"
        case let .invalidCoordinate(text, reason):
            return "invalid coordinate '\(text)': \(reason)"
        case let .badData(source, line, reason):
            return "\(source):\(line): \(reason)"
        case let .file(error):
            return error.description
        }
    }

    public var errorDescription: String? { description }
}
