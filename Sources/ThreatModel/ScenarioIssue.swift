import Foundation

/// Where something is in a scenario file: `file:line:column` (1-based).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem in a scenario file, at its place.
public struct ScenarioIssue: Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

/// Every problem found in a scenario file (never only the first).
public struct ScenarioErrors: Error, Sendable, CustomStringConvertible, LocalizedError {
    public var issues: [ScenarioIssue]

    public init(_ issues: [ScenarioIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
    public var errorDescription: String? { description }
}
