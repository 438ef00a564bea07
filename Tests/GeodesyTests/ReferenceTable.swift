import Foundation
import Testing

/// A committed CSV table of reference values (see Fixtures/README.md).
struct ReferenceTable {
    let header: [String]
    let rows: [[String]]

    init(named name: String) throws {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        header = lines[0].split(separator: ",").map(String.init)
        rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Rows as dictionaries of doubles for the numeric columns.
    func numericRows() throws -> [[String: Double]] {
        try rows.map { row in
            var values = [String: Double]()
            for (name, field) in zip(header, row) {
                if let value = Double(field) { values[name] = value } else if name != "name" && name != "vertices" {
                    Issue.record("column \(name) holds non-number '\(field)'")
                    throw CancellationError()
                }
            }
            return values
        }
    }
}

/// Difference of two angles in degrees, reduced to [0, 180].
func angleDifference(_ a: Double, _ b: Double) -> Double {
    abs(remainder(a - b, 360))
}
