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
        // Byte by byte over UTF-8: every character that structures CSV is
        // ASCII, and bytes of other characters never equal them.
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        let bytes = Array(text.utf8)
        var records = [Row]()
        var field = [UInt8]()
        var fields = [String]()
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0

        func endRecord() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Row(line: recordLine, fields: fields))
            }
            fields = []
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            let nextIsLineFeed = index < bytes.count && bytes[index] == lineFeed
            if inQuotes {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    // A CR LF pair counts as one line break, at its LF.
                    if byte == lineFeed || (byte == carriageReturn && !nextIsLineFeed) { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote where field.isEmpty:
                inQuotes = true
            case comma:
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            case lineFeed, carriageReturn:
                if byte == carriageReturn, nextIsLineFeed { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(byte)
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

extension String {
    /// The string without leading and trailing whitespace (as
    /// `trimmingCharacters(in: .whitespaces)`), returned as it is, without
    /// a copy, when neither end is whitespace: the usual CSV field.
    var trimmedOfWhitespace: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        guard CharacterSet.whitespaces.contains(first) || CharacterSet.whitespaces.contains(last) else { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}

