import Foundation

/// Turns the bytes of an article into clean text: the encoding guessed
/// (UTF-8 with or without a byte-order mark, UTF-16 with one, else
/// Windows-1252), HTML reduced to its text, typographic punctuation folded
/// to ASCII so that cue words and names match however they were typed.
public enum TextDecoding {
    /// How the bytes were read.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8 with BOM"
        case utf16 = "UTF-16"
        case windows1252 = "Windows-1252"
    }

    /// The text of `data` and the encoding it was read as.
    ///
    /// Valid UTF-8 is taken as UTF-8; anything else is Windows-1252, which
    /// maps every byte (so decoding never fails): curly quotes, dashes and
    /// accented letters typed on Windows come out right.
    public static func decode(_ data: Data) -> (text: String, encoding: Encoding) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (String(decoding: bytes.dropFirst(3), as: UTF8.self), .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            if let text = String(data: Data(bytes.dropFirst(2)), encoding: encoding) { return (text, .utf16) }
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        return (windows1252(bytes), .windows1252)
    }

    /// Windows-1252 bytes as text: ASCII and Latin-1 as themselves, 0x80-0x9F
    /// as the typographic characters Windows puts there.
    public static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let mapped = high[Int(byte - 0x80)] {
                scalars.append(mapped)
            } else if let scalar = Unicode.Scalar(UInt32(byte)) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Code points of bytes 0x80-0x9F (nil: undefined in Windows-1252).
    private static let high: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// Whether `text` looks like HTML rather than plain text: it has an
    /// `<html>`, `<body>`, `<p>`, `<div>`, `<br>` or `<article>` tag.
    public static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.prefix(200_000).lowercased()
        return ["<html", "<body", "<p>", "<p ", "<div", "<br", "<article", "<!doctype html"].contains { head.contains($0) }
    }

    /// Folds typographic punctuation to ASCII (curly quotes and apostrophes,
    /// dashes, non-breaking and other spaces, ellipsis), drops soft hyphens
    /// and zero-width characters, and turns CR/LF and CR into LF.
    public static func normalizePunctuation(_ text: String) -> String {
        // UTF-8 bytes, decoded once: appending to a String's scalar view
        // copied the whole text on some appends (5 MB of news: 1.6 s).
        var bytes = [UInt8]()
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        func append(_ ascii: String) { bytes.append(contentsOf: ascii.utf8) }
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0D: bytes.append(0x0A)
            case 0x0A: if !previousWasCR { bytes.append(0x0A) }
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0x0060, 0x00B4: bytes.append(0x27)
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: bytes.append(0x22)
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212: bytes.append(0x2D)
            case 0x2014, 0x2015: append(" - ")
            case 0x2026: append("...")
            case 0x00A0, 0x2002...0x200A, 0x202F, 0x205F, 0x3000, 0x09: bytes.append(0x20)
            case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: break
            default:
                if scalar.isASCII { bytes.append(UInt8(scalar.value)) } else { bytes.append(contentsOf: String(scalar).utf8) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
