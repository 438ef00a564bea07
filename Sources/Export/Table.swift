import Foundation
import GeoModel

/// One cell of a result table.
public enum TableValue: Hashable, Sendable {
    case text(String)
    /// A number shown with `decimals` places in text and CSV; full value in JSON.
    case number(Double, decimals: Int)
    case bool(Bool)

    /// The cell as shown in text and CSV; control characters escaped.
    var plain: String {
        switch self {
        case let .text(text): text.visibleControlCharacters
        case let .number(value, decimals): String(format: "%.\(decimals)f", value)
        case let .bool(flag): flag ? "yes" : "no"
        }
    }
}

/// A table of results that prints as aligned text, CSV or JSON.
public struct ResultTable: Hashable, Sendable {
    /// Column names (snake_case; JSON keys and CSV header).
    public var columns: [String]
    public var rows: [[TableValue]]

    public init(columns: [String], rows: [[TableValue]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Aligned columns for a terminal; numbers right-aligned.
    public func text() -> String {
        let cells = rows.map { $0.map(\.plain) }
        var widths = columns.map(\.count)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ values: [String], numeric: [Bool]) -> String {
            values.enumerated().map { index, value in
                let padding = String(repeating: " ", count: widths[index] - value.count)
                return numeric[index] ? padding + value : value + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let numeric = columns.indices.map { index in
            rows.first.map { if case .number = $0[index] { true } else { false } } ?? false
        }
        var lines = [line(columns, numeric: numeric)]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += cells.map { line($0, numeric: numeric) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV with a header line. Text cells are made inert for
    /// spreadsheets (`CSVField.text`); numbers stay numbers.
    public func csv() -> String {
        func cell(_ value: TableValue) -> String {
            switch value {
            case let .bool(flag): flag ? "true" : "false"
            case let .text(text): CSVField.text(text)
            case .number: value.plain
            }
        }
        var lines = [columns.map(CSVField.text).joined(separator: ",")]
        lines += rows.map { $0.map(cell).joined(separator: ",") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON array of objects keyed by column name.
    public func json() -> String {
        let objects = rows.map { row in
            "  {" + zip(columns, row).map { column, value in
                let encoded: String
                switch value {
                case let .text(text): encoded = JSONText.quoted(text)
                case let .number(number, _): encoded = number.isFinite ? NumberText.format(number, decimals: 9) : "null"
                case let .bool(flag): encoded = flag ? "true" : "false"
                }
                return JSONText.quoted(column) + ": " + encoded
            }.joined(separator: ", ") + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
