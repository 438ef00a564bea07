@testable import Export
import Foundation
import Testing

/// Number text by integer arithmetic agrees with `printf` (trailing zeros and "-0" dropped).
@Suite struct NumberTextTests {
    static func reference(_ value: Double, _ decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    @Test func agreesWithPrintfOnRandomAndAwkwardValues() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -0.5, 0.125, 44.15, -179.999999, 180, 1e-7, -1e-7, 123456.7890125,
                                0.000_000_5, 999_999.999_999_5, 4_366_023_550, 1e11, 9.9999995]
        for _ in 0..<20_000 {
            values.append(Double.random(in: -200...200, using: &generator))
            values.append(Double.random(in: -1e7...1e7, using: &generator).rounded() / 1000)
        }
        for value in values {
            for decimals in [0, 1, 2, 3, 6, 9] {
                #expect(NumberText.format(value, decimals: decimals) == Self.reference(value, decimals), "\(value) \(decimals)")
            }
        }
    }
}
