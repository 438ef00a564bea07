import Foundation

/// Fixed-decimal number text without trailing zeros, for deterministic output.
enum NumberText {
    /// `value` rounded to `decimals` places, trailing zeros and "-0" removed:
    /// 44.150000 -> "44.15", -0.0000001 -> "0".
    static func format(_ value: Double, decimals: Int) -> String {
        var text = fixed(value, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text == "-0" { text = "0" }
        return text
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

