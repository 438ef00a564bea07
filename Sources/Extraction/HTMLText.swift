import Foundation

/// The readable text of simple HTML: tags removed, block elements turned
/// into paragraph breaks, `script`, `style`, `head` (except its title),
/// `nav`, `footer`, `aside`, `noscript`, `svg` and comments dropped, entities decoded.
public enum HTMLText {
    /// The page's text and its `<title>`, if any.
    /// - Complexity: O(n) in the length of `html`.
    public static func extract(_ html: String) -> (text: String, title: String?) {
        let source = Array(html.unicodeScalars)
        var output = String.UnicodeScalarView()
        output.reserveCapacity(source.count / 2)
        var title: String?
        var index = 0
        var skippingUntil: String?
        var inTitle = false
        var titleText = String.UnicodeScalarView()

        while index < source.count {
            let scalar = source[index]
            if scalar == "<" {
                if matches(source, at: index, "<!--") {
                    index = find(source, "-->", from: index + 4).map { $0 + 3 } ?? source.count
                    continue
                }
                guard let end = tagEnd(source, from: index + 1) else {
                    if skippingUntil == nil { output.append(scalar) }
                    index += 1
                    continue
                }
                let (name, closing) = tagName(source, (index + 1)..<end)
                index = end + 1
                if let skip = skippingUntil {
                    if closing, name == skip { skippingUntil = nil }
                    continue
                }
                if name == "title" {
                    if closing, inTitle {
                        inTitle = false
                        title = decodeEntities(String(titleText)).trimmingCharacters(in: .whitespacesAndNewlines)
                    } else if !closing {
                        inTitle = true
                        titleText = String.UnicodeScalarView()
                    }
                    continue
                }
                if !closing, skipped.contains(name) {
                    skippingUntil = name
                    continue
                }
                if blocks.contains(name) {
                    output.append(contentsOf: "\n\n".unicodeScalars)
                } else if name == "br" {
                    output.append("\n")
                } else if name == "td" || name == "th" {
                    output.append(" ")
                }
                continue
            }
            if skippingUntil == nil {
                if inTitle { titleText.append(scalar) } else {
                    // Source line breaks inside a paragraph are spaces in HTML.
                    output.append(scalar == "\n" || scalar == "\r" ? " " : scalar)
                }
            }
            index += 1
        }
        return (decodeEntities(String(output)), title.flatMap { $0.isEmpty ? nil : $0 })
    }

    static let skipped: Set<String> = ["script", "style", "nav", "footer", "aside", "noscript", "svg", "template", "button", "form"]
    static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "article", "section",
        "header", "blockquote", "figure", "figcaption", "pre", "hr", "dd", "dt", "main", "body", "html", "head",
    ]

    private static func matches(_ source: [Unicode.Scalar], at index: Int, _ text: String) -> Bool {
        var position = index
        for scalar in text.unicodeScalars {
            guard position < source.count, source[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    private static func find(_ source: [Unicode.Scalar], _ text: String, from start: Int) -> Int? {
        var index = start
        while index < source.count {
            if matches(source, at: index, text) { return index }
            index += 1
        }
        return nil
    }

    /// The `>` closing a tag that starts after `<` at `start`, skipping quoted
    /// attribute values; nil when `<` does not open a tag (`a < b`).
    private static func tagEnd(_ source: [Unicode.Scalar], from start: Int) -> Int? {
        guard start < source.count else { return nil }
        let first = source[start]
        guard first == "/" || first == "!" || first == "?" || first.properties.isAlphabetic else { return nil }
        var quote: Unicode.Scalar?
        var index = start
        while index < source.count {
            let scalar = source[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func tagName(_ source: [Unicode.Scalar], _ range: Range<Int>) -> (String, closing: Bool) {
        var index = range.lowerBound
        var closing = false
        if index < range.upperBound, source[index] == "/" {
            closing = true
            index += 1
        }
        var name = String.UnicodeScalarView()
        while index < range.upperBound, source[index].properties.isAlphabetic || ("0"..."9").contains(source[index]) {
            name.append(source[index])
            index += 1
        }
        return (String(name).lowercased(), closing)
    }

    /// Decodes `&amp;`, `&#8217;`, `&#x2019;` and the named entities news
    /// pages use; unknown entities stay as written.
    public static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            let limit = rest.index(afterAmpersand, offsetBy: 10, limitedBy: rest.endIndex) ?? rest.endIndex
            if let semicolon = rest[afterAmpersand..<limit].firstIndex(of: ";"),
               let decoded = entity(String(rest[afterAmpersand..<semicolon])) {
                output.unicodeScalars.append(decoded)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                output += "&"
                rest = rest[afterAmpersand...]
            }
        }
        output += rest
        return output
    }

    private static func entity(_ name: String) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
        return named[name]
    }

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "rsquo": "\u{2019}", "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}",
        "sbquo": "\u{201A}", "bdquo": "\u{201E}", "ndash": "\u{2013}", "mdash": "\u{2014}",
        "hellip": "\u{2026}", "laquo": "\u{00AB}", "raquo": "\u{00BB}", "deg": "\u{00B0}",
        "prime": "\u{2032}", "Prime": "\u{2033}", "middot": "\u{00B7}", "bull": "\u{2022}",
        "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}", "shy": "\u{00AD}", "thinsp": "\u{2009}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
        "aacute": "á", "eacute": "é", "iacute": "í", "oacute": "ó", "uacute": "ú", "agrave": "à",
        "egrave": "è", "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü",
        "ccedil": "ç", "ntilde": "ñ", "szlig": "ß", "acirc": "â", "ecirc": "ê", "icirc": "î", "ocirc": "ô",
        "ucirc": "û", "Eacute": "É", "euro": "€", "pound": "£", "times": "×", "frac12": "½",
    ]
}
