/// Finds the date of an article in its tokens: "Aug 31, 2018", "31 August
/// 2018", "2018-08-31", "January 8, 2020" (ISO `yyyy-mm-dd`).
enum DateFinder {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    static func date(in tokens: [Token]) -> String? {
        for index in tokens.indices {
            let token = tokens[index]
            // Month Day, Year
            if token.isWord, token.isCapitalized, let month = months[token.folded] {
                var cursor = index + 1
                if cursor < tokens.count, tokens[cursor].isPunctuation(".") { cursor += 1 }
                if cursor < tokens.count, let day = Int(tokens[cursor].text), (1...31).contains(day) {
                    cursor += 1
                    if cursor < tokens.count, tokens[cursor].isPunctuation(",") { cursor += 1 }
                    if cursor < tokens.count, let year = Int(tokens[cursor].text), (1900...2100).contains(year) {
                        return iso(year, month, day)
                    }
                }
            }
            // Day Month Year
            if token.kind == .number, let day = Int(token.text), (1...31).contains(day), index + 2 < tokens.count,
               tokens[index + 1].isCapitalized, let month = months[tokens[index + 1].folded],
               let year = Int(tokens[index + 2].text), (1900...2100).contains(year) {
                return iso(year, month, day)
            }
            // yyyy-mm-dd
            if token.kind == .number, token.text.count == 4, let year = Int(token.text), (1900...2100).contains(year),
               index + 4 < tokens.count, tokens[index + 1].isPunctuation("-"), tokens[index + 3].isPunctuation("-"),
               let month = Int(tokens[index + 2].text), (1...12).contains(month),
               let day = Int(tokens[index + 4].text), (1...31).contains(day) {
                return iso(year, month, day)
            }
        }
        return nil
    }

    private static func iso(_ year: Int, _ month: Int, _ day: Int) -> String {
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(monthText)-\(dayText)"
    }
}
