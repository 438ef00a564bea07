import Foundation
import GeoModel

/// Encodes table rows as UTF-8 bytes, one row at a time, so a table of any
/// length can be written as it is produced. `ResultTable` prints through it,
/// so a streamed table and a whole one come out byte for byte the same.
public struct TableEncoder: Sendable {
    public enum Style: Sendable {
        /// RFC 4180 CSV with a header line; booleans as true/false.
        case csv
        /// A JSON array of objects keyed by column name; numbers in full.
        case json
        /// Aligned columns for a terminal: `widths` in characters, numbers
        /// right-aligned where `numeric` says so; booleans as yes/no.
        case text(widths: [Int], numeric: [Bool])
    }

    public var columns: [String]
    public var style: Style

    public init(columns: [String], style: Style) {
        self.columns = columns
        self.style = style
    }

    /// What comes before the first row: the CSV header, or the text header
    /// and its rule; nothing for JSON (`TableStream` opens the array).
    public func header() -> [UInt8] {
        var bytes = [UInt8]()
        switch style {
        case .csv:
            for (index, column) in columns.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.appendCSVField(column, to: &bytes)
            }
            bytes.append(0x0A)
        case .json:
            break
        case let .text(widths, numeric):
            appendAligned(columns, widths: widths, numeric: numeric, to: &bytes)
            bytes += Array(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ").utf8)
            bytes.append(0x0A)
        }
        return bytes
    }

    /// Appends one row. JSON rows start with ",\n" (the stream turns the
    /// first one into "[\n").
    public func append(_ row: [TableValue], to bytes: inout [UInt8]) {
        switch style {
        case .csv:
            for (index, value) in row.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                switch value {
                case let .bool(flag): bytes += Array((flag ? "true" : "false").utf8)
                case let .number(number, decimals): FixedDecimal.append(number, decimals: decimals, to: &bytes)
                case let .text(text): Self.appendCSVField(text, to: &bytes)
                case .missing: break
                }
            }
            bytes.append(0x0A)
        case .json:
            var text = ",\n  {"
            for (index, (column, value)) in zip(columns, row).enumerated() {
                if index > 0 { text += ", " }
                text += JSONText.quoted(column) + ": "
                switch value {
                case let .text(string): text += JSONText.quoted(string)
                case let .number(number, _): text += number.isFinite ? NumberText.format(number, decimals: 9) : "null"
                case let .bool(flag): text += flag ? "true" : "false"
                case .missing: text += "null"
                }
            }
            text += "}"
            bytes += Array(text.utf8)
        case let .text(widths, numeric):
            appendAligned(row.map(\.plain), widths: widths, numeric: numeric, to: &bytes)
        }
    }

    /// What ends the table, given whether any row was written.
    public func footer(wroteRows: Bool) -> [UInt8] {
        guard case .json = style else { return [] }
        return Array((wroteRows ? "\n]\n" : "[]\n").utf8)
    }

    /// The widths `text` style needs for these rows (at least the headers').
    public static func widths(columns: [String], rows: [[TableValue]]) -> [Int] {
        var widths = columns.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.plain.count) }
        }
        return widths
    }

    private func appendAligned(_ values: [String], widths: [Int], numeric: [Bool], to bytes: inout [UInt8]) {
        let start = bytes.count
        for (index, value) in values.enumerated() {
            if index > 0 { bytes += [0x20, 0x20] }
            let padding = max(0, widths[index] - value.count)
            if numeric[index] { bytes += repeatElement(0x20, count: padding) }
            bytes += Array(value.utf8)
            if !numeric[index] { bytes += repeatElement(0x20, count: padding) }
        }
        while bytes.count > start, bytes[bytes.count - 1] == 0x20 { bytes.removeLast() }
        bytes.append(0x0A)
    }

    /// A CSV field as `CSVField.text` writes it (formulas neutralised,
    /// control characters escaped, quoted where needed). Printable ASCII
    /// that does not begin like a formula, by far the common case, is
    /// copied byte by byte, quoted when it holds a comma or a quote.
    static func appendCSVField(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = text.utf8
        var quoted = false
        for byte in utf8 {
            guard byte >= 0x20, byte < 0x7F else { return bytes += CSVField.text(text).utf8 }
            if byte == 0x2C || byte == 0x22 { quoted = true }
        }
        if let first = utf8.first, first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 {
            return bytes += CSVField.text(text).utf8
        }
        guard quoted else { return bytes += utf8 }
        bytes.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }
}

/// `String(format: "%.<decimals>f", value)` without the formatter: the same
/// digits, read from the value scaled to an integer, unless the scaled value
/// lies so close to a rounding tie that the multiplication could have moved
/// it across (then printf itself decides).
enum FixedDecimal {
    private static let scales: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]
    private static let scalesInt = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    static func append(_ value: Double, decimals: Int, to bytes: inout [UInt8]) {
        guard value.isFinite, decimals >= 0, decimals < scales.count else { return slow(value, decimals, &bytes) }
        let scaled = abs(value) * scales[decimals]
        guard scaled < 1e9 else { return slow(value, decimals, &bytes) }
        let whole = scaled.rounded(.down)
        let fraction = scaled - whole
        guard abs(fraction - 0.5) > 1e-6 else { return slow(value, decimals, &bytes) }
        var digits = Int(fraction > 0.5 ? whole + 1 : whole)
        if value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
        var integerDigits = 1
        var power = 10
        while digits / scalesInt[decimals] >= power {
            integerDigits += 1
            power *= 10
        }
        let length = integerDigits + (decimals > 0 ? decimals + 1 : 0)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: length))
        var position = bytes.count - 1
        for place in 0..<(decimals + integerDigits) {
            if place == decimals, decimals > 0 {
                bytes[position] = UInt8(ascii: ".")
                position -= 1
            }
            bytes[position] = UInt8(ascii: "0") + UInt8(digits % 10)
            digits /= 10
            position -= 1
        }
    }

    private static func slow(_ value: Double, _ decimals: Int, _ bytes: inout [UInt8]) {
        bytes += Array(String(format: "%.\(decimals)f", value).utf8)
    }
}
