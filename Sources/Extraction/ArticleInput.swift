import Foundation
import GeoModel

/// An article as `extract` reads it: a file or standard input, at most
/// 64 MiB, decoded (`TextDecoding`), refused when empty or binary.
public struct ArticleInput: Sendable {
    /// Largest article accepted, bytes.
    public static let maximumBytes = 64 << 20

    public var text: String
    public var encoding: TextDecoding.Encoding
    /// How messages name it: the file's name, or `<stdin>`.
    public var name: String

    /// Reads `path` (`-`: standard input).
    /// - Throws: `InputFileError` for a path that is not a regular file,
    ///   `ArticleInputError`.
    public static func read(_ path: String) throws -> ArticleInput {
        let name = path == "-" ? "<stdin>" : URL(fileURLWithPath: path).lastPathComponent
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
            guard data.count <= maximumBytes else { throw ArticleInputError.invalid("<stdin>: over 64 MiB; split the text") }
        } else {
            try InputFile.requireRegularFile(path)
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw ArticleInputError.unreadable("\(path): cannot read the file")
            }
            guard contents.count <= maximumBytes else { throw ArticleInputError.invalid("\(path): over 64 MiB; split the text") }
            data = contents
        }
        let (text, encoding) = TextDecoding.decode(data)
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw ArticleInputError.invalid("\(name): the input is empty; give the text of an article")
        }
        if let nul = text.unicodeScalars.firstIndex(of: "\u{0}") {
            let line = text.unicodeScalars[..<nul].filter { $0 == "\n" }.count + 1
            throw ArticleInputError.invalid("\(name):\(line): binary data (a NUL byte), not the text of an article")
        }
        return ArticleInput(text: text, encoding: encoding, name: name)
    }
}

/// Why an article cannot be read.
public enum ArticleInputError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The file cannot be read.
    case unreadable(String)
    /// Too large, empty, or not text.
    case invalid(String)

    public var description: String {
        switch self {
        case let .unreadable(message), let .invalid(message): message
        }
    }

    public var errorDescription: String? { description }
}
