import Export
import Foundation
import Testing

@Suite("TableEncoder")
struct TableEncoderTests {
    /// SplitMix64 with a fixed seed, so failures reproduce.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func numbersPrintAsPrintfPrintsThem() {
        var random = Random(state: 11)
        var values: [Double] = [0, -0.0, 0.05, 0.25, 0.35, -0.04, 0.45, 1.45, 2.5, -2.5, 999.95, 19999.95, -20003.95,
                                1e9, -1e12, 123456789.05, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, 0.049999999999999996]
        for _ in 0..<20_000 {
            let magnitude = [1.0, 100, 20_000, 1e7][Int.random(in: 0..<4, using: &random)]
            values.append(Double.random(in: -magnitude...magnitude, using: &random))
            // Ties and near-ties at one decimal: k/20 for whole k.
            values.append(Double(Int.random(in: -400_000...400_000, using: &random)) / 20)
        }
        for decimals in [0, 1, 2, 3] {
            let table = ResultTable(columns: ["x"], rows: values.map { [.number($0, decimals: decimals)] })
            let expected = "x\n" + values.map { String(format: "%.\(decimals)f", $0) + "\n" }.joined()
            #expect(table.csv() == expected, "decimals \(decimals)")
        }
    }

    @Test func aStreamedTableEqualsTheWholeOne() throws {
        let columns = ["name", "km", "ok"]
        let rows: [[TableValue]] = (0..<100).map { (index: Int) -> [TableValue] in
            let name: String = index % 7 == 0 ? "a, \"quoted\" \(index)" : "n\(index)"
            let kilometres = Double(index) * 12.345
            return [.text(name), .number(kilometres, decimals: 1), .bool(index % 2 == 0)]
        }
        let whole = ResultTable(columns: columns, rows: rows)
        let widths = TableEncoder.widths(columns: columns, rows: rows)
        for (style, expected) in [(TableEncoder.Style.csv, whole.csv()), (.json, whole.json()),
                                  (.text(widths: widths, numeric: [false, true, false]), whole.text())] {
            let encoder = TableEncoder(columns: columns, style: style)
            var output = [UInt8]()
            var stream = TableStream(encoder: encoder) { output += $0 }
            for start in stride(from: 0, to: rows.count, by: 13) {
                var block = [UInt8]()
                for row in rows[start..<min(start + 13, rows.count)] { encoder.append(row, to: &block) }
                try stream.write(block)
                try stream.write([])  // an empty block (every row filtered out) changes nothing
            }
            try stream.finish()
            #expect(String(decoding: output, as: UTF8.self) == expected)
        }
    }

    @Test func anEmptyStreamedTableIsAnEmptyTable() throws {
        for (style, expected) in [(TableEncoder.Style.csv, "a,b\n"), (.json, "[]\n")] {
            var output = [UInt8]()
            var stream = TableStream(encoder: TableEncoder(columns: ["a", "b"], style: style)) { output += $0 }
            try stream.write([])
            try stream.finish()
            #expect(String(decoding: output, as: UTF8.self) == expected)
            #expect(String(decoding: output, as: UTF8.self) == (style.isJSON ? ResultTable(columns: ["a", "b"], rows: []).json()
                                                                               : ResultTable(columns: ["a", "b"], rows: []).csv()))
        }
    }
}

private extension TableEncoder.Style {
    var isJSON: Bool { if case .json = self { true } else { false } }
}
