/// One word, number or punctuation mark of a sentence.
struct Token: Sendable {
    enum Kind: Sendable { case word, number, punctuation }

    /// As written, without a possessive `'s` or a trailing apostrophe.
    var text: String
    /// `Lexicon.fold` of `text`.
    var folded: String
    var kind: Kind
    /// The first letter is upper case ("Baghdad", "U.S.", "BAGHDAD").
    var isCapitalized: Bool
    /// Every letter is upper case and there are at least two.
    var isAllCaps: Bool
    /// Written with a possessive: "Baghdad's", "Emirates'".
    var isPossessive: Bool
    /// Offsets in the sentence's `text`, in Unicode scalars.
    var start: Int
    var end: Int

    var isWord: Bool { kind == .word }
    func isPunctuation(_ mark: String) -> Bool { kind == .punctuation && text == mark }
}

/// A sentence of the article with its tokens.
struct Sentence: Sendable {
    /// The sentence as written, spaces collapsed.
    var text: String
    var tokens: [Token]
    /// Paragraph number (0-based) and position in the article.
    var paragraph: Int
    var index: Int
    /// A headline: no closing punctuation and most words capitalised.
    var isHeadline: Bool
}

/// Splits plain text into paragraphs, sentences and tokens.
enum SentenceSplitter {
    /// Abbreviations whose period does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "sgt", "capt", "cmdr", "adm", "rep", "sen", "gov",
        "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs",
        "etc", "inc", "corp", "ltd", "co", "jr", "sr", "prof", "brig", "approx", "est", "fig", "mt", "ft",
    ]

    /// Paragraphs: blocks separated by blank lines, each cut again where a
    /// line ends without closing punctuation and the next begins a new
    /// statement (a caption or headline line before the text). A line that
    /// ends in a small word ("at the", a `<br>` inside a sentence) or runs
    /// on in lower case continues the sentence.
    static func paragraphs(_ text: String) -> [Substring] {
        var result = [Substring]()
        var start: Substring.Index?
        var end: Substring.Index?
        var previous: Substring?
        func close() {
            if let first = start, let last = end { result.append(text[first..<last]) }
            start = nil
            end = nil
            previous = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.utf8.allSatisfy({ $0 == 0x20 }) {
                close()
                continue
            }
            if let before = previous, !continues(before, with: line) { close() }
            if start == nil { start = line.startIndex }
            end = line.endIndex
            previous = line
        }
        close()
        return result
    }

    /// Small words a line ends in only inside a sentence.
    private static let continuingWords: Set<String> = [
        "the", "a", "an", "of", "at", "in", "on", "to", "from", "by", "for", "with", "and", "or", "near", "into",
        "toward", "towards", "over", "its", "their", "his", "her", "that", "which", "who", "as", "than", "was", "were", "is", "are",
    ]

    /// Whether `next` carries on the sentence of the line `line`.
    private static func continues(_ line: Substring, with next: Substring) -> Bool {
        let bytes = line.utf8
        guard let lastIndex = bytes.lastIndex(where: { $0 != 0x20 }) else { return true }
        let last = bytes[lastIndex]
        // Closing punctuation: the sentence splitter decides.
        if Array(".!?:;\"')],-".utf8).contains(last) { return true }
        guard let first = next.first(where: { $0 != " " }) else { return true }
        if first.isLowercase || first.isNumber { return true }
        let wordStart = bytes[..<lastIndex].lastIndex(of: 0x20).map { bytes.index(after: $0) } ?? bytes.startIndex
        let lastWord = String(line[wordStart..<bytes.index(after: lastIndex)]).lowercased()
        return continuingWords.contains(lastWord)
    }

    /// Every sentence of `text`, in order.
    static func sentences(_ text: String) -> [Sentence] {
        var sentences = [Sentence]()
        for (paragraphIndex, paragraph) in paragraphs(text).enumerated() {
            let scalars = collapseSpaces(paragraph)
            let tokens = tokenize(scalars)
            var sentenceStart = 0
            var index = 0
            while index < tokens.count {
                if endsSentence(tokens, at: index) {
                    var end = index + 1
                    // Closing quotes and brackets stay with the sentence.
                    while end < tokens.count, tokens[end].kind == .punctuation, ["\"", ")", "'"].contains(tokens[end].text) { end += 1 }
                    sentences.append(make(tokens[sentenceStart..<end], scalars, paragraph: paragraphIndex, index: sentences.count))
                    sentenceStart = end
                    index = end
                    continue
                }
                index += 1
            }
            if sentenceStart < tokens.count {
                sentences.append(make(tokens[sentenceStart...], scalars, paragraph: paragraphIndex, index: sentences.count))
            }
        }
        return sentences
    }

    private static func make(_ tokens: ArraySlice<Token>, _ scalars: [Unicode.Scalar], paragraph: Int, index: Int) -> Sentence {
        let start = tokens.first!.start, end = tokens.last!.end
        let shifted = tokens.map { token -> Token in
            var token = token
            token.start -= start
            token.end -= start
            return token
        }
        let words = shifted.filter(\.isWord)
        let last = shifted.last!
        let closed = last.kind == .punctuation && [".", "!", "?", "\"", ")", ":"].contains(last.text)
        let capitalised = words.filter(\.isCapitalized).count
        // Headlines and captions: no closing punctuation and short, or Title Case.
        let isHeadline = !closed && words.count >= 2 && (words.count <= 20 || Double(capitalised) >= 0.6 * Double(words.count))
        return Sentence(text: string(scalars[start..<end]), tokens: shifted, paragraph: paragraph, index: index, isHeadline: isHeadline)
    }

    private static func endsSentence(_ tokens: [Token], at index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .punctuation, [".", "!", "?"].contains(token.text) else { return false }
        guard index + 1 < tokens.count else { return true }
        // "U.S." and "a.m." keep their periods inside the word token; a
        // period after an abbreviation or an initial does not end a sentence.
        if token.text == ".", index > 0 {
            let previous = tokens[index - 1]
            if previous.isWord, abbreviations.contains(previous.folded) { return false }
            // "the U.S. Pacific territory": U.S., U.N., U.K. end sentences rarely.
            if previous.isWord, ["u.s", "u.n", "u.k", "u.a.e"].contains(previous.text.lowercased()) { return false }
            if previous.isWord, previous.text.count == 1, previous.isCapitalized { return false }
            if previous.end != token.start { return false }
            // "(2222.SE)", "reuters.com": a word right after the period, no space.
            if tokens[index + 1].isWord, tokens[index + 1].start == token.end { return false }
        }
        var next = index + 1
        while next < tokens.count, tokens[next].kind == .punctuation, ["\"", ")", "'"].contains(tokens[next].text) { next += 1 }
        guard next < tokens.count else { return true }
        let following = tokens[next]
        return following.isCapitalized || following.kind == .number || ["\"", "(", "'"].contains(following.text)
    }

    /// The paragraph's scalars with every run of whitespace as one space.
    static func collapseSpaces(_ text: Substring) -> [Unicode.Scalar] {
        var out = [Unicode.Scalar]()
        out.reserveCapacity(text.unicodeScalars.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return out
    }

    /// Tokens of a paragraph: words keep inner hyphens, apostrophes and
    /// periods ("al-Zafaraniya", "Sana'a", "U.S."); numbers keep inner
    /// commas and periods ("1,000", "2.5"); a number glued to letters is two
    /// tokens ("300km"); everything else is one punctuation token per scalar.
    static func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens = [Token]()
        var index = 0
        let count = scalars.count
        func isLetter(_ scalar: Unicode.Scalar) -> Bool { Self.isLetter(scalar) }
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
        while index < count {
            let scalar = scalars[index]
            if scalar == " " {
                index += 1
                continue
            }
            let start = index
            if isDigit(scalar) {
                index += 1
                while index < count {
                    let current = scalars[index]
                    if isDigit(current) {
                        index += 1
                    } else if (current == "," || current == "."), index + 1 < count, isDigit(scalars[index + 1]) {
                        index += 1
                    } else {
                        break
                    }
                }
                // "Fateh-110" is glued earlier; a number glued to letters after
                // a hyphen ("2H" in "Burkan-2H") stays one word token.
                if index < count, isLetter(scalars[index]), start > 0, scalars[start - 1] == "-" {
                    while index < count, isLetter(scalars[index]) || isDigit(scalars[index]) { index += 1 }
                    tokens.append(word(scalars, start, index))
                } else {
                    tokens.append(number(scalars, start, index))
                }
                continue
            }
            if isLetter(scalar) {
                index += 1
                while index < count {
                    let current = scalars[index]
                    if isLetter(current) || isDigit(current) || (current.value >= 0x80 && current.properties.generalCategory == .nonspacingMark) {
                        index += 1
                    } else if current == "-" || current == "'" || current == "." || current == "\u{02BF}" || current == "\u{02BE}" || current == "\u{02BB}" {
                        // Inner joiners only between letters or digits.
                        guard index + 1 < count, isLetter(scalars[index + 1]) || isDigit(scalars[index + 1]) else { break }
                        if current == "." {
                            // "U.S." and "a.m.": single letters joined by periods.
                            guard index - start == 1 || scalars[index - 2] == "." else { break }
                        }
                        index += 1
                    } else {
                        break
                    }
                }
                tokens.append(word(scalars, start, index))
                continue
            }
            index += 1
            tokens.append(Token(text: String(scalar), folded: String(scalar), kind: .punctuation, isCapitalized: false,
                                isAllCaps: false, isPossessive: false, start: start, end: index))
        }
        return tokens
    }

    /// The text of `scalars`, written as UTF-8 straight into the string's
    /// storage (appending scalar by scalar to a view is several times slower).
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var length = 0
        for scalar in scalars { length += UTF8.width(scalar) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var count = 0
            for scalar in scalars {
                if scalar.value < 0x80 {
                    buffer[count] = UInt8(truncatingIfNeeded: scalar.value)
                    count += 1
                } else {
                    for byte in UTF8.encode(scalar)! {
                        buffer[count] = byte
                        count += 1
                    }
                }
            }
            return count
        }
    }

    /// Whether `scalar` is a letter; ASCII without the Unicode tables (most of a text).
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (scalar.value | 0x20) &- 0x61 < 26 : scalar.properties.isAlphabetic
    }

    @inline(__always)
    private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value &- 0x41 < 26 : scalar.properties.isUppercase
    }

    private static func number(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Token {
        let text = string(scalars[start..<end])
        return Token(text: text, folded: text, kind: .number, isCapitalized: false, isAllCaps: false,
                     isPossessive: false, start: start, end: end)
    }

    private static func word(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Token {
        var text = string(scalars[start..<end])
        var possessive = false
        if text.hasSuffix("'s") || text.hasSuffix("'S") {
            text.removeLast(2)
            possessive = true
        } else if end < scalars.count, scalars[end] == "'", end + 1 == scalars.count || scalars[end + 1] == " ", text.hasSuffix("s") {
            possessive = true  // "Emirates'"
        }
        let isCapitalized = isUppercase(text.unicodeScalars.first!)
        var letters = 0, upper = 0
        for scalar in text.unicodeScalars where isLetter(scalar) {
            letters += 1
            if isUppercase(scalar) { upper += 1 }
        }
        let isAllCaps = letters >= 2 && upper == letters
        return Token(text: text, folded: Lexicon.fold(text), kind: .word, isCapitalized: isCapitalized,
                     isAllCaps: isAllCaps, isPossessive: possessive, start: start, end: end)
    }
}
