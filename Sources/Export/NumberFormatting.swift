import Foundation

/// Fixed-decimal number text without trailing zeros, for deterministic output.
enum NumberText {
    /// `value` rounded to `decimals` places, trailing zeros and "-0" removed:
    /// 44.150000 -> "44.15", -0.0000001 -> "0".
    static func format(_ value: Double, decimals: Int) -> String {
        if let text = integerFormat(value, decimals: decimals) { return text }
        var text = fixed(value, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text == "-0" { text = "0" }
        return text
    }

    private static let powersOfTen: [Double] = (0...9).map { pow(10, Double($0)) }

    /// `format`'s text by integer arithmetic, or nil where `printf` must
    /// decide: more than 9 decimals, a scaled value of 10^12 or more, or one
    /// within 0.001 of a rounding tie (the scaling's error stays below
    /// 0.0002 there, so every other value rounds as `printf` rounds it).
    /// Maps and GeoJSON write a number per vertex; `printf` through a
    /// `va_list` cost more than the rest of the writing.
    private static func integerFormat(_ value: Double, decimals: Int) -> String? {
        guard (0...9).contains(decimals), value.isFinite else { return nil }
        let scaled = abs(value) * powersOfTen[decimals]
        guard scaled < 1e12 else { return nil }
        let whole = scaled.rounded(.down), fraction = scaled - whole
        guard abs(fraction - 0.5) > 1e-3 else { return nil }
        var units = UInt64(whole) + (fraction > 0.5 ? 1 : 0)
        guard units > 0 else { return "0" }
        var places = decimals
        while places > 0, units % 10 == 0 {
            units /= 10
            places -= 1
        }
        var digits = Array(String(units).utf8)
        if places > 0 {
            if digits.count <= places { digits = Array(repeating: UInt8(ascii: "0"), count: places - digits.count + 1) + digits }
            digits.insert(UInt8(ascii: "."), at: digits.count - places)
        }
        if value < 0 { digits.insert(UInt8(ascii: "-"), at: 0) }
        return String(decoding: digits, as: UTF8.self)
    }

    /// `printf("%.*f")` text. Through `vsnprintf` into a stack buffer: maps
    /// write a number per vertex, and `String(format:)` costs several times more.
    private static func fixed(_ value: Double, decimals: Int) -> String {
        let fitted = withVaList([Int32(clamping: decimals), value]) { arguments in
            withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> String? in
                guard let start = buffer.baseAddress else { return nil }
                // Returns the length it needed, or a negative value on an encoding error.
                let length = vsnprintf(start, buffer.count, "%.*f", arguments)
                guard length >= 0, Int(length) < buffer.count else { return nil }
                return String(decoding: UnsafeRawBufferPointer(start: start, count: Int(length)).bindMemory(to: UInt8.self),
                              as: UTF8.self)
            }
        }
        return fitted ?? String(format: "%.\(decimals)f", value)
    }
}

