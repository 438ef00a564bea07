import Foundation

/// Progress of a large file being read: `(file, bytesRead, totalBytes)`.
public typealias LoadProgress = @Sendable (_ file: String, _ bytesRead: Int64, _ totalBytes: Int64) -> Void

/// A problem met while loading that did not stop the load.
public struct LoadWarning: Sendable, Hashable, CustomStringConvertible {
    public var source: String
    /// 1-based line, or 0 for a file-wide note.
    public var line: Int
    public var message: String

    public init(source: String, line: Int, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(source):\(line): \(message)" : "\(source): \(message)" }
}
