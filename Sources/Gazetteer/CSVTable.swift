import Foundation

/// An RFC 4180 CSV file read into named columns.
///
/// Quoted fields may hold commas, doubled quotes and line breaks. Each row
/// remembers its line number so loaders can name `file:line` in errors.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line number where the row starts.
        public let line: Int
        public let fields: [String]
    }

    public let header: [String]
    public let rows: [Row]

    /// Parses CSV text; the first record is the header.
    /// - Parameter source: a file name for error messages.
    /// - Throws: `CSVError` for unterminated quotes or rows whose field count
    ///   differs from the header's.
    public init(text: String, source: String) throws(CSVError) {
        var records = [Row]()
        var field = ""
        var fields = [String]()
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text).makeIterator()
        var lookahead: Character? = iterator.next()

        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Row(line: recordLine, fields: fields))
            }
            fields = []
        }

        while let character = lookahead {
            lookahead = iterator.next()
            if inQuotes {
                if character == "\"" {
                    if lookahead == "\"" {
                        field.append("\"")
                        lookahead = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty:
                inQuotes = true
            case ",":
                fields.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(character)
            }
        }
        guard !inQuotes else { throw .unterminatedQuote(source: source, line: recordLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }

        guard let first = records.first else { throw .empty(source: source) }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        for row in records.dropFirst() where row.fields.count != header.count {
            throw .fieldCount(source: source, line: row.line, expected: header.count, found: row.fields.count)
        }
        rows = Array(records.dropFirst())
    }

    /// Reads and parses a UTF-8 CSV file.
    public init(contentsOf url: URL) throws(CSVError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(source: url.path, reason: error.localizedDescription)
        }
        try self.init(text: text, source: url.path)
    }

    /// The index of column `name`.
    /// - Throws: `CSVError.missingColumn` when the header lacks it.
    public func column(_ name: String, source: String) throws(CSVError) -> Int {
        guard let index = header.firstIndex(of: name) else { throw .missingColumn(source: source, name: name) }
        return index
    }
}

/// Why a CSV file could not be read.
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case unreadable(source: String, reason: String)
    case empty(source: String)
    case unterminatedQuote(source: String, line: Int)
    case fieldCount(source: String, line: Int, expected: Int, found: Int)
    case missingColumn(source: String, name: String)

    public var description: String {
        switch self {
        case let .unreadable(source, reason): "\(source): cannot read: \(reason)"
        case let .empty(source): "\(source): the file is empty; expected a header line"
        case let .unterminatedQuote(source, line): "\(source):\(line): a quoted field is never closed"
        case let .fieldCount(source, line, expected, found):
            "\(source):\(line): expected \(expected) fields as in the header, found \(found)"
        case let .missingColumn(source, name): "\(source):1: the header has no column '\(name)'"
        }
    }

    public var errorDescription: String? { description }
}
