import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Golden files in `Tests/ExportTests/Fixtures/golden/`, compared with
/// numbers rounded, re-recorded only when `RECORD_GOLDENS=1` is set. A
/// recording run records an issue, so it can never pass silently on CI.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden", isDirectory: true)

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    /// The repository's bundled basemap, the one `threatmap map` draws.
    static let basemapURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Gazetteer/basemap/world.bin")

    /// An input fixture from the test bundle.
    static func fixture(_ name: String) throws -> URL {
        let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")
        return try #require(url, "fixture \(name) is missing from Tests/ExportTests/Fixtures")
    }

    /// Compares `actual` with the golden file `name` (`.svg` as XML, `.geojson` as JSON).
    static func assertMatches(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded golden \(name) (RECORD_GOLDENS=1): check it, commit it, run again without the variable",
                         sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("golden \(name) is missing; run once with RECORD_GOLDENS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        let difference: String?
        if name.hasSuffix(".svg") {
            difference = try svgDifference(expected: expected, actual: actual)
        } else {
            difference = try jsonDifference(expected: expected, actual: actual)
        }
        if let difference {
            Issue.record("\(name) differs from its golden: \(difference) (RECORD_GOLDENS=1 re-records on purpose)",
                         sourceLocation: sourceLocation)
        }
    }

    // MARK: JSON: structure equal, numbers within 1e-6

    static func jsonDifference(expected: String, actual: String) throws -> String? {
        let a = try JSONSerialization.jsonObject(with: Data(expected.utf8), options: [.fragmentsAllowed])
        let b = try JSONSerialization.jsonObject(with: Data(actual.utf8), options: [.fragmentsAllowed])
        return compare(a, b, path: "$")
    }

    private static func compare(_ a: Any, _ b: Any, path: String) -> String? {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            guard Set(x.keys) == Set(y.keys) else { return "\(path): keys \(x.keys.sorted()) vs \(y.keys.sorted())" }
            for key in x.keys.sorted() {
                if let difference = compare(x[key]!, y[key]!, path: "\(path).\(key)") { return difference }
            }
            return nil
        case let (x as [Any], y as [Any]):
            guard x.count == y.count else { return "\(path): \(x.count) items vs \(y.count)" }
            for index in x.indices {
                if let difference = compare(x[index], y[index], path: "\(path)[\(index)]") { return difference }
            }
            return nil
        case let (x as String, y as String):
            return x == y ? nil : "\(path): \"\(x)\" vs \"\(y)\""
        case let (x as NSNumber, y as NSNumber):
            return abs(x.doubleValue - y.doubleValue) <= 1e-6 ? nil : "\(path): \(x) vs \(y)"
        case (is NSNull, is NSNull):
            return nil
        default:
            return "\(path): \(a) vs \(b)"
        }
    }

    // MARK: SVG: same elements and text, numbers within a pixel rounding step

    struct Element: Equatable {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    final class Collector: NSObject, XMLParserDelegate {
        var elements = [Element]()
        private var stack = [Int]()
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes, text: ""))
            stack.append(elements.count - 1)
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let last = stack.last { elements[last].text += string.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
    }

    static func elements(of svg: String) throws -> [Element] {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        try #require(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        return collector.elements
    }

    static func svgDifference(expected: String, actual: String) throws -> String? {
        let a = try elements(of: expected), b = try elements(of: actual)
        guard a.count == b.count else { return "\(a.count) elements vs \(b.count)" }
        for (index, (x, y)) in zip(a, b).enumerated() {
            guard x.name == y.name, x.text == y.text, Set(x.attributes.keys) == Set(y.attributes.keys) else {
                return "element \(index): <\(x.name)> '\(x.text)' \(x.attributes.keys.sorted()) vs <\(y.name)> '\(y.text)' \(y.attributes.keys.sorted())"
            }
            for key in x.attributes.keys.sorted() {
                let p = x.attributes[key]!, q = y.attributes[key]!
                if p == q { continue }
                guard numbersClose(p, q) else {
                    return "element \(index) <\(x.name)> attribute \(key): '\(p.prefix(120))' vs '\(q.prefix(120))'"
                }
            }
        }
        return nil
    }

    /// Whether two attribute values differ only in numbers, each by at most
    /// 0.2 (two steps of the 0.1 px grid).
    static func numbersClose(_ a: String, _ b: String) -> Bool {
        let x = tokens(a), y = tokens(b)
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) {
            switch (p, q) {
            case let (.number(m), .number(n)): if abs(m - n) > 0.2001 { return false }
            case let (.other(m), .other(n)): if m != n { return false }
            default: return false
            }
        }
        return true
    }

    enum Token { case number(Double), other(Character) }

    static func tokens(_ text: String) -> [Token] {
        var result = [Token]()
        var number = ""
        func flush() {
            if !number.isEmpty, let value = Double(number) { result.append(.number(value)) }
            number = ""
        }
        for character in text {
            if character.isNumber || (character == "." && !number.contains(".")) || (character == "-" && number.isEmpty) {
                number.append(character)
            } else {
                flush()
                if character == "-" || character == "." { number.append(character); continue }
                if character != " " && character != "," { result.append(.other(character)) }
            }
        }
        flush()
        return result
    }
}
