import Foundation
import GeoModel

/// One cell of a result table.
public enum TableValue: Hashable, Sendable {
    case text(String)
    /// A number shown with `decimals` places in text and CSV; full value in JSON.
    case number(Double, decimals: Int)
    case bool(Bool)
    /// No value (an unpublished figure): empty in text and CSV, null in JSON.
    case missing

    /// The cell as shown in text and CSV; control characters escaped.
    var plain: String {
        switch self {
        case let .text(text): text.visibleControlCharacters
        case let .number(value, decimals): String(format: "%.\(decimals)f", value)
        case let .bool(flag): flag ? "yes" : "no"
        case .missing: ""
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
        let numeric = columns.indices.map { index in
            rows.first.map { if case .number = $0[index] { true } else { false } } ?? false
        }
        let widths = TableEncoder.widths(columns: columns, rows: rows)
        return encoded(TableEncoder(columns: columns, style: .text(widths: widths, numeric: numeric)))
    }

    /// RFC 4180 CSV with a header line. Text cells are made inert for
    /// spreadsheets (`CSVField.text`); numbers stay numbers.
    public func csv() -> String {
        encoded(TableEncoder(columns: columns, style: .csv))
    }

    /// A JSON array of objects keyed by column name.
    public func json() -> String {
        encoded(TableEncoder(columns: columns, style: .json))
    }

    private func encoded(_ encoder: TableEncoder) -> String {
        var output = [UInt8]()
        var stream = TableStream(encoder: encoder) { output += $0 }
        var block = [UInt8]()
        for row in rows { encoder.append(row, to: &block) }
        // The sink only appends to memory; it cannot throw.
        try? stream.write(block)
        try? stream.finish()
        return String(decoding: output, as: UTF8.self)
    }
}


/// The three ways a table is printed.
public enum TableFormat: String, CaseIterable, Sendable {
    /// Aligned columns for a terminal.
    case table
    case csv
    /// An array of objects, one per row.
    case json
}

extension ResultTable {
    /// The table in `format`.
    public func text(_ format: TableFormat) -> String {
        switch format {
        case .table: text()
        case .csv: csv()
        case .json: json()
        }
    }
}
