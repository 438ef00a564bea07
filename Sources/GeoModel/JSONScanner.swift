#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A strict RFC 8259 JSON reader over bytes, one token at a time, for
/// readers that build their own values as they go (`GeoJSONReader`): no
/// tree of the whole document, no copy of it.
///
/// Strict: no comments, trailing commas, single quotes, leading zeros,
/// `NaN`, unescaped control characters, invalid UTF-8 or lone surrogates.
/// Errors give the line and column (1-based, columns in bytes) of the byte at fault.
struct JSONScanner {
    /// The whole document; must outlive the scanner.
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0
    /// Array/object nesting of the current position.
    private(set) var depth = 0
    let maximumDepth: Int

    /// What is wrong and where.
    struct SyntaxError: Error {
        var offset: Int
        var message: String
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    /// The kind of value that starts at the next token.
    enum ValueKind { case object, array, string, number, literal }

    // MARK: errors and positions

    func error(_ message: String, at offset: Int? = nil) -> SyntaxError {
        SyntaxError(offset: offset ?? position, message: message)
    }

    /// `line L, column C` of a byte offset.
    func location(of offset: Int) -> String {
        var line = 1, lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return "line \(line), column \(offset - lineStart + 1)"
    }

    private func describeNext() -> String {
        guard position < bytes.count else { return "the end of the input" }
        let byte = bytes[position]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    // MARK: structure

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// The kind of the next value (after whitespace), without consuming it.
    mutating func peekValue() throws(SyntaxError) -> ValueKind {
        skipWhitespace()
        guard position < bytes.count else { throw error("expected a value, found the end of the input") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"): return .literal
        default: throw error("expected a value, found \(describeNext())")
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { throw error("expected \(what), found \(describeNext())") }
        position += 1
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        guard depth <= maximumDepth else { throw error("nesting deeper than \(maximumDepth)") }
    }

    /// Consumes `{`; then call `nextKey` until it returns nil.
    mutating func beginObject() throws(SyntaxError) {
        try expect(UInt8(ascii: "{"), "'{'")
        try enter()
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { pendingEmpty = true }
    }

    /// Set when a container was found empty on entry.
    private var pendingEmpty = false
    /// Members or elements read so far in each open container.
    private var started: [Bool] = []

    /// The next member's key with its `:` consumed, or nil after the closing `}`.
    mutating func nextKey() throws(SyntaxError) -> [UInt8]? {
        if try closes(UInt8(ascii: "}"), "',' or '}'") { return nil }
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
            throw error("expected a member name in double quotes, found \(describeNext())")
        }
        let key = try stringBytes()
        try expect(UInt8(ascii: ":"), "':'")
        return key
    }

    /// Consumes `[`; then call `nextElement` before each element until it returns false.
    mutating func beginArray() throws(SyntaxError) {
        try expect(UInt8(ascii: "["), "'['")
        try enter()
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { pendingEmpty = true }
    }

    /// Whether another element follows (its `,` consumed); false after the closing `]`.
    mutating func nextElement() throws(SyntaxError) -> Bool {
        try !closes(UInt8(ascii: "]"), "',' or ']'")
    }

    /// Handles what comes between members or elements: true (and the
    /// closing byte consumed) when the container ends.
    private mutating func closes(_ closing: UInt8, _ what: String) throws(SyntaxError) -> Bool {
        if pendingEmpty {
            pendingEmpty = false
            skipWhitespace()
            position += 1
            depth -= 1
            return true
        }
        skipWhitespace()
        guard position < bytes.count else { throw error("expected \(what), found the end of the input") }
        if started.count < depth { started.append(contentsOf: repeatElement(false, count: depth - started.count)) }
        if !started[depth - 1] {
            started[depth - 1] = true
            return false
        }
        let byte = bytes[position]
        if byte == closing {
            position += 1
            started[depth - 1] = false
            depth -= 1
            return true
        }
        guard byte == UInt8(ascii: ",") else { throw error("expected \(what), found \(describeNext())") }
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == closing { throw error("a trailing ',' before '\(Character(Unicode.Scalar(closing)))'") }
        return false
    }

    /// Fails unless only whitespace is left.
    mutating func expectEnd() throws(SyntaxError) {
        skipWhitespace()
        guard position == bytes.count else { throw error("unexpected \(describeNext()) after the JSON value") }
    }

    // MARK: scalars

    /// A string value as text.
    mutating func string() throws(SyntaxError) -> String {
        let start = position
        let raw = try stringBytes()
        guard let text = String(validating: raw, as: UTF8.self) else { throw error("invalid UTF-8 in a string", at: start) }
        return text
    }

    /// A string's bytes with escapes decoded (UTF-8 checked by `string()`).
    mutating func stringBytes() throws(SyntaxError) -> [UInt8] {
        try expect(UInt8(ascii: "\""), "'\"'")
        let start = position
        // Fast path: no escape.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let result = Array(bytes[start..<position])
                position += 1
                return result
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw error("control character 0x\(String(byte, radix: 16, uppercase: true)) in a string (escape it)") }
            position += 1
        }
        var out = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return out
            }
            guard byte >= 0x20 else { throw error("control character 0x\(String(byte, radix: 16, uppercase: true)) in a string (escape it)") }
            position += 1
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                continue
            }
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hexQuad()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                        throw error("a lone surrogate \\u\(String(scalar, radix: 16, uppercase: true)) in a string")
                    }
                    position += 2
                    let low = try hexQuad()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("a lone surrogate \\u\(String(scalar, radix: 16, uppercase: true)) in a string") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw error("a lone surrogate \\u\(String(scalar, radix: 16, uppercase: true)) in a string")
                }
                guard let decoded = Unicode.Scalar(scalar) else { throw error("invalid \\u escape in a string") }
                UTF8.encode(decoded) { out.append($0) }
            default:
                throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string", at: position - 2)
            }
        }
        throw error("unterminated string (it starts at \(location(of: start - 1)))")
    }

    private mutating func hexQuad() throws(SyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("expected four hex digits after \\u") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("expected four hex digits after \\u")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// A number: its value, and whether it was written as an integer (no fraction or exponent).
    mutating func number() throws(SyntaxError) -> (value: Double, isInteger: Bool, integer: Int?) {
        skipWhitespace()
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") { position += 1 }
            return position - first
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0 else { throw error("expected a digit in a number") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") { throw error("a number with a leading zero", at: integerStart) }
        var isInteger = true
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            isInteger = false
            guard digits() > 0 else { throw error("expected a digit after '.' in a number") }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            isInteger = false
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw error("expected a digit in a number's exponent") }
        }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<position])
        if isInteger, text.count <= 18 {
            var value = 0
            var negative = false
            for byte in text {
                if byte == UInt8(ascii: "-") { negative = true } else { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
            }
            if negative { value = -value }
            return (Double(value), true, value)
        }
        let value = Self.double(text)
        guard value.isFinite else { throw error("number out of range", at: start) }
        return (value, isInteger, nil)
    }

    /// `strtod` of a validated number (C locale: '.' is the decimal point).
    private static func double(_ text: UnsafeBufferPointer<UInt8>) -> Double {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: text.count + 1) { buffer in
            for (index, byte) in text.enumerated() { buffer[index] = CChar(bitPattern: byte) }
            buffer[text.count] = 0
            return strtod(buffer.baseAddress!, nil)
        }
    }

    /// `true`, `false` or `null` (nil).
    mutating func literal() throws(SyntaxError) -> Bool? {
        skipWhitespace()
        for (word, value) in [("true", true as Bool?), ("false", false), ("null", nil)] {
            let utf8 = Array(word.utf8)
            if position + utf8.count <= bytes.count, Array(bytes[position..<(position + utf8.count)]) == utf8 {
                position += utf8.count
                return value
            }
        }
        throw error("expected a value, found \(describeNext())")
    }

    /// Reads and discards one value of any kind, checking its syntax.
    mutating func skipValue() throws(SyntaxError) {
        switch try peekValue() {
        case .object:
            try beginObject()
            while try nextKey() != nil { try skipValue() }
        case .array:
            try beginArray()
            while try nextElement() { try skipValue() }
        case .string: _ = try string()
        case .number: _ = try number()
        case .literal: _ = try literal()
        }
    }
}
