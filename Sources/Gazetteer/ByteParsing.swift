/// Number and field parsing straight from UTF-8 bytes, for loaders that read
/// hundreds of thousands of rows.
public enum ByteParsing {
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// A decimal number such as `-33.92`, `44`, `+0.5`. Up to 15 significant
    /// digits are parsed exactly (integer mantissa divided by a power of ten,
    /// so the result is the correctly rounded double); longer or exotic forms
    /// (exponents, `nan`) go through `Double(String)`.
    public static func double(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end, bytes[index] == 0x20 { index += 1 }
        var last = end
        while last > index, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x0D { last -= 1 }
        guard index < last else { return nil }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        var position = index
        while position < last {
            let byte = bytes[position]
            if byte >= 0x30, byte <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt64(byte - 0x30)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                return slowDouble(bytes, range)
            }
            position += 1
        }
        guard digits > 0 else { return nil }
        guard digits <= 15, fractionDigits < powersOfTen.count else { return slowDouble(bytes, range) }
        let value = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }

    private static func slowDouble(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        return Double(text.trimmingCharacters(in: .whitespaces))
    }

    /// A non-negative integer (digits only, surrounding spaces allowed).
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        var digits = 0
        for index in range {
            let byte = bytes[index]
            if byte >= 0x30, byte <= 0x39 {
                let (product, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = product.addingReportingOverflow(Int(byte - 0x30))
                guard !overflow1, !overflow2 else { return nil }
                value = sum
                digits += 1
            } else if byte == 0x20 || byte == 0x0D {
                continue
            } else {
                return nil
            }
        }
        return digits > 0 ? value : nil
    }

    /// Two ASCII letters packed into 16 bits (upper-cased); 0 for anything else.
    static func countryCode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt16 {
        guard range.count == 2 else { return 0 }
        let a = bytes[range.lowerBound] & 0xDF, b = bytes[range.lowerBound + 1] & 0xDF
        guard (65...90).contains(a), (65...90).contains(b) else { return 0 }
        return UInt16(a) << 8 | UInt16(b)
    }

    static func countryCode(_ text: String) -> UInt16 {
        var text = text
        return text.withUTF8 { countryCode($0, 0..<$0.count) }
    }

    static func countryString(_ code: UInt16) -> String {
        guard code != 0 else { return "" }
        return String(decoding: [UInt8(code >> 8), UInt8(code & 0xFF)], as: UTF8.self)
    }

    /// The ranges of `separator`-separated fields in `range`.
    static func fields(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, separator: UInt8, into fields: inout [Range<Int>]) {
        fields.removeAll(keepingCapacity: true)
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == separator {
                fields.append(start..<index)
                start = index + 1
            }
            index += 1
        }
        fields.append(start..<range.upperBound)
    }
}

import Foundation
