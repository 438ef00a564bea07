/// Minimal SVG/XML writer with escaping of all text and attribute values.
struct SVGDocument {
    private(set) var text: String
    private var depth = 0

    /// - Parameter prologue: start with the XML declaration (a standalone
    ///   file); false for SVG inside an HTML page.
    init(prologue: Bool = true) {
        text = prologue ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
    }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        line("<\(name)\(Self.attributes(attributes))>")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        line("<\(name)\(Self.attributes(attributes))/>")
    }

    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String) {
        line("<\(name)\(Self.attributes(attributes))>\(XMLText.escape(content))</\(name)>")
    }

    private mutating func line(_ content: String) {
        text += String(repeating: " ", count: depth) + content + "\n"
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(XMLText.escape($0.1))\"" }.joined()
    }
}

/// XML 1.0 escaping shared by the SVG and KML writers.
enum XMLText {
    /// `text` with `& < > " '` escaped and the characters XML 1.0 forbids
    /// (C0 controls other than tab, newline, return; U+FFFE, U+FFFF) dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, !(0xFFFE...0xFFFF).contains(scalar.value) {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}

/// Compact SVG path data: an absolute move, then relative lines, on a
/// 0.1 px grid. Deltas come from the rounded absolute positions, so no
/// rounding error accumulates and output is deterministic.
enum SVGPath {
    static func data(_ parts: [[PlanePoint]], closed: Bool) -> String {
        var text = ""
        for part in parts {
            var previous: (Int, Int)?
            var pieceText = ""
            var count = 0
            for point in part {
                let x = Int((point.x * 10).rounded()), y = Int((point.y * 10).rounded())
                if let (px, py) = previous {
                    let dx = x - px, dy = y - py
                    if dx == 0 && dy == 0 { continue }
                    let pair = tenths(dx) + (dy < 0 ? "" : ",") + tenths(dy)
                    pieceText += (count == 1 ? "l" : (pair.hasPrefix("-") ? "" : " ")) + pair
                } else {
                    pieceText = "M" + tenths(x) + (y < 0 ? "" : ",") + tenths(y)
                }
                previous = (x, y)
                count += 1
            }
            guard count >= 2 else { continue }
            text += pieceText + (closed ? "z" : "")
        }
        return text
    }

    /// An integer number of tenths as the shortest decimal: 12 -> "1.2", -5 -> "-.5", 30 -> "3".
    static func tenths(_ value: Int) -> String {
        let magnitude = abs(value)
        let whole = magnitude / 10, fraction = magnitude % 10
        var text = value < 0 ? "-" : ""
        if fraction == 0 {
            text += String(whole)
        } else {
            text += (whole == 0 ? "" : String(whole)) + "." + String(fraction)
        }
        return text
    }

    /// A number of pixels with one decimal at most ("12.5", "3").
    static func number(_ value: Double) -> String {
        tenths(Int((value * 10).rounded()))
    }
}
