import GeoModel

/// Distances written in a sentence, sorted out into weapon ranges ("a range
/// of 300km", "ranges of 200 to 700 kilometers (124 to 435 miles)", "a
/// 700-km range") and offsets ("40 km north of Baghdad").
enum RangeMentions {
    /// A distance or span of distances in the tokens.
    struct Quantity {
        var start: Int
        var end: Int
        var low: Double
        var high: Double
        /// Metres per unit.
        var unit: Double
        var lowDistance: Distance { .meters(low * unit) }
        var highDistance: Distance { .meters(high * unit) }
    }

    /// A weapon range found in the tokens.
    struct Found {
        var start: Int
        var end: Int
        var range: StatedRange
    }

    static let units: [String: Double] = [
        "km": 1000, "kms": 1000, "kilometer": 1000, "kilometers": 1000, "kilometre": 1000, "kilometres": 1000,
        "mi": 1609.344, "mile": 1609.344, "miles": 1609.344, "nmi": 1852, "nautical": 1852,
    ]

    /// Every number (or span) followed by a distance unit.
    static func quantities(in tokens: [Token]) -> [Quantity] {
        var result = [Quantity]()
        var index = 0
        while index < tokens.count {
            guard tokens[index].kind == .number, let first = number(tokens[index].text) else {
                index += 1
                continue
            }
            var cursor = index + 1
            var low = first, high = first
            var unit: Double?
            // "200 km to 700 km": a unit after the first number too.
            if cursor < tokens.count, let value = units[tokens[cursor].folded] {
                unit = value
                cursor += 1
                if cursor < tokens.count, tokens[cursor].folded == "miles" || tokens[cursor].folded == "mile", tokens[cursor - 1].folded == "nautical" { cursor += 1 }
            }
            // Span: "200 to 700", "200-700", "200 and 700" (after "between").
            if cursor + 1 < tokens.count, ["to", "-", "and"].contains(tokens[cursor].folded) || tokens[cursor].isPunctuation("-"),
               tokens[cursor + 1].kind == .number, let second = number(tokens[cursor + 1].text), second > first {
                let afterSecond = cursor + 2
                if afterSecond < tokens.count, let value = units[tokens[afterSecond].folded] {
                    if unit == nil || unit == value {
                        high = second
                        unit = value
                        cursor = afterSecond + 1
                    }
                } else if afterSecond + 1 < tokens.count, tokens[afterSecond].isPunctuation("-"), let value = units[tokens[afterSecond + 1].folded], unit == nil {
                    high = second
                    unit = value
                    cursor = afterSecond + 2
                }
            }
            // "300-km", "1,000-kilometre".
            if unit == nil, cursor + 1 < tokens.count, tokens[cursor].isPunctuation("-"), let value = units[tokens[cursor + 1].folded] {
                unit = value
                cursor += 2
            }
            if let unit {
                if unit == 1852, cursor < tokens.count, ["miles", "mile"].contains(tokens[cursor].folded) { cursor += 1 }
                result.append(Quantity(start: index, end: cursor, low: low, high: high, unit: unit))
                index = cursor
            } else {
                index += 1
            }
        }
        return result
    }

    static func number(_ text: String) -> Double? {
        Double(text.replacingOccurrences(of: ",", with: ""))
    }

    /// Words before a distance that make it a weapon's range.
    static let rangeLeads: Set<String> = [
        "range", "ranges", "reach", "radius", "travel", "travels", "fly", "flies", "flying", "strike", "hit",
        "reaching", "ranging", "capable", "distance", "distances", "travelled", "traveled", "flew", "flown",
        "hitting", "striking",
    ]

    /// Words after a distance that make it an offset from a place.
    static let offsetFollowers: Set<String> = [
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north east",
        "north west", "south east", "south west", "from", "away", "of", "outside", "off", "inside", "into",
        "beyond", "deep", "behind", "across", "northern", "southern", "wide", "long", "high", "altitude",
    ]

    /// Weapon ranges among the quantities of a sentence. A parenthesised
    /// quantity right after another one is a unit conversion and skipped.
    static func ranges(in tokens: [Token], sentence: String) -> [Found] {
        var found = [Found]()
        let quantities = quantities(in: tokens)
        var previousEnd = -10
        for quantity in quantities {
            defer { previousEnd = quantity.end }
            // "(124 to 435 miles)" after "200 to 700 kilometers".
            if quantity.start >= 1, tokens[quantity.start - 1].isPunctuation("("), quantity.start - 1 <= previousEnd + 1, !found.isEmpty,
               found.last!.end >= previousEnd {
                found[found.count - 1].end = closingParenthesis(tokens, after: quantity.end) ?? quantity.end
                found[found.count - 1].range.phrase = phrase(tokens, found[found.count - 1].start, found[found.count - 1].end, sentence)
                continue
            }
            let after = quantity.end < tokens.count ? tokens[quantity.end].folded : ""
            let rangeAfter = Lexicon.rangeNouns.contains(after)
                || (quantity.end + 1 < tokens.count && after == "-" && Lexicon.rangeNouns.contains(tokens[quantity.end + 1].folded))
            // "can hit targets 700 km away", "as far as 1,500 kilometers away": a reach.
            let reachAway = after == "away" && (max(0, quantity.start - 7)..<quantity.start).contains { ["hit", "hitting", "strike", "striking", "reach", "reaching", "capable", "targets"].contains(tokens[$0].folded) }
            if offsetFollowers.contains(after), !rangeAfter, !reachAway { continue }
            var leadIndex: Int?
            var isMinimum = false
            var cursor = quantity.start - 1
            while cursor >= max(0, quantity.start - 7) {
                let word = tokens[cursor].folded
                if tokens[cursor].kind == .punctuation, [";", ".", ":"].contains(word) { break }
                if rangeLeads.contains(word) {
                    leadIndex = cursor
                    if cursor > 0, ["minimum", "min"].contains(tokens[cursor - 1].folded) { isMinimum = true }
                    break
                }
                cursor -= 1
            }
            guard leadIndex != nil || rangeAfter else { continue }
            if leadIndex == nil, quantity.start > 0, ["minimum", "min"].contains(tokens[quantity.start - 1].folded) { isMinimum = true }
            if isMinimum, var last = found.last?.range, last.minimum == nil {
                last.minimum = quantity.highDistance
                found[found.count - 1].range = last
                continue
            }
            let start = leadIndex.map { lead -> Int in
                var first = lead
                while first > 0, ["a", "an", "the", "of", "with", "maximum", "max", "minimum"].contains(tokens[first - 1].folded) { first -= 1 }
                return first
            } ?? quantity.start
            var end = rangeAfter ? quantity.end + (after == "-" ? 2 : 1) : quantity.end
            if end < tokens.count, tokens[end].isPunctuation("("), let close = closingParenthesis(tokens, after: end + 1),
               quantities.contains(where: { $0.start == end + 1 }) {
                end = close
            }
            let range = StatedRange(
                range: quantity.highDistance,
                low: quantity.low < quantity.high ? quantity.lowDistance : nil,
                minimum: nil,
                phrase: phrase(tokens, start, end, sentence),
                evidence: sentence
            )
            if isMinimum {
                var minimumOnly = range
                minimumOnly.minimum = quantity.highDistance
                found.append(Found(start: start, end: end, range: minimumOnly))
            } else {
                found.append(Found(start: start, end: end, range: range))
            }
        }
        return found.filter { $0.range.minimum == nil || $0.range.minimum! < $0.range.range }
    }

    private static func closingParenthesis(_ tokens: [Token], after index: Int) -> Int? {
        var cursor = index
        while cursor < tokens.count, cursor < index + 8 {
            if tokens[cursor].isPunctuation(")") { return cursor + 1 }
            cursor += 1
        }
        return nil
    }

    static func phrase(_ tokens: [Token], _ start: Int, _ end: Int, _ sentence: String) -> String {
        let scalars = Array(sentence.unicodeScalars)
        let from = tokens[start].start, to = tokens[max(start, end - 1)].end
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[from..<min(to, scalars.count)])
        return String(view)
    }
}
