import Gazetteer
import GeoModel
import ThreatModel

/// Datelines, people and organisations: names that are not places.
extension MentionScanner {
    /// "BAGHDAD (Reuters) -", "DUBAI/BAGHDAD, Jan 8 (Reuters) -", "WASHINGTON -".
    mutating func consumeDateline(_ tokens: [Token], _ consumed: inout [Bool]) {
        var index = 0
        var sawCapitals = false
        while index < tokens.count, index < 14 {
            let token = tokens[index]
            if token.isWord, token.isAllCaps || (sawCapitals && (Lexicon.calendarWords.contains(token.folded) || token.isCapitalized)) {
                sawCapitals = sawCapitals || token.isAllCaps
                index += 1
            } else if token.kind == .number || token.isPunctuation(",") || token.isPunctuation("/") || token.isPunctuation(".") {
                index += 1
            } else {
                break
            }
        }
        guard sawCapitals, index < tokens.count else { return }
        var end = index
        if tokens[end].isPunctuation("("), end + 2 < tokens.count, tokens[end + 2].isPunctuation(")") {
            let agency = tokens[end + 1]
            guard Self.agencies.contains(agency.folded) || agency.isCapitalized else { return }
            if !result.agencies.contains(agency.text) { result.agencies.append(agency.text) }
            end += 3
        }
        guard end < tokens.count, tokens[end].isPunctuation("-") else { return }
        for position in 0...end { consumed[position] = true }
    }

    /// Consumes organisation and people names from the stop list (longest
    /// first) and names after a title ("Gen. Qassem Soleimani", "President Trump").
    /// Ship prefixes: the capitalised words after one name a ship.
    static let shipPrefixes: Set<String> = ["USS", "USNS", "HMS", "HMAS", "HMCS", "INS", "RFS", "FS", "HNLMS", "ROKS", "JS", "PNS", "IRIS", "TCG"]

    mutating func consumeOrganisationsAndPeople(_ tokens: [Token], _ consumed: inout [Bool]) {
        var index = 0
        while index < tokens.count {
            guard tokens[index].isWord, !consumed[index] else {
                index += 1
                continue
            }
            // "the USS Dwight D. Eisenhower", "HMS Diamond": a ship, not a place.
            if Self.shipPrefixes.contains(tokens[index].text) {
                var end = index + 1
                while end < tokens.count, end < index + 6, tokens[end].isWord, tokens[end].isCapitalized || tokens[end].kind == .number { end += 1 }
                for position in index..<end { consumed[position] = true }
                index = end
                continue
            }
            var matched = 0
            let canStart = (tokens[index].isCapitalized || Lexicon.nameParticles.contains(tokens[index].folded))
                && Lexicon.organisationFirstWords.contains(String(tokens[index].folded.prefix { $0 != " " }))
            for length in stride(from: canStart ? min(6, tokens.count - index) : 0, through: 1, by: -1) {
                let span = tokens[index..<(index + length)]
                guard span.allSatisfy(\.isWord), span.first!.isCapitalized || Lexicon.nameParticles.contains(span.first!.folded) else { continue }
                let key = span.map(\.folded).joined(separator: " ")
                if Lexicon.organisationsAndPeople.contains(key) {
                    // "Hezbollah Brigades" but not "Hezbollah's Haifa".
                    if length == 1, span.first!.isPossessive { matched = 1; break }
                    matched = length
                    break
                }
            }
            if matched > 0 {
                for position in index..<(index + matched) { consumed[position] = true }
                index += matched
                continue
            }
            // A title, then a run of capitalised words: a person.
            let one = tokens[index].folded
            let two = index + 1 < tokens.count ? one + " " + tokens[index + 1].folded : ""
            var nameStart: Int?
            if Lexicon.personTitles.contains(two), index + 2 < tokens.count { nameStart = index + 2 } else if Lexicon.personTitles.contains(one) { nameStart = index + 1 }
            if var cursor = nameStart {
                if cursor < tokens.count, tokens[cursor].isPunctuation(".") { cursor += 1 }
                // "Secretary of State Mike Pompeo", "Minister of Defence".
                if cursor + 1 < tokens.count, ["of", "for"].contains(tokens[cursor].folded), tokens[cursor + 1].isCapitalized {
                    cursor += 2
                }
                // "King Khalid International Airport" names a place, not a person.
                var end = cursor
                while end < tokens.count, tokens[end].isWord, tokens[end].isCapitalized { end += 1 }
                if tokens[cursor..<end].contains(where: { Self.placeNouns.contains($0.folded) }) {
                    index += 1
                    continue
                }
                let first = cursor
                while cursor < tokens.count, tokens[cursor].isWord,
                      tokens[cursor].isCapitalized || (cursor > first && Lexicon.innerNameWords.contains(tokens[cursor].folded) && cursor + 1 < tokens.count && tokens[cursor + 1].isCapitalized)
                      || (tokens[cursor].text.contains("-") && tokens[cursor].text.split(separator: "-").last?.first?.isUppercase == true) {
                    // "President Trump's" stops after the possessive.
                    consumed[cursor] = true
                    result.people.insert(tokens[cursor].folded)
                    let possessive = tokens[cursor].isPossessive
                    cursor += 1
                    if possessive { break }
                }
                index = max(cursor, index + 1)
                continue
            }
            index += 1
        }
        // "Serhiy Popko, a colonel general who heads...", "Serhiy Popko said":
        // two capitalised words the gazetteer does not know together, then an
        // appositive title or a speech verb, are a person.
        var position = 0
        while position + 2 < tokens.count {
            defer { position += 1 }
            let first = tokens[position], second = tokens[position + 1]
            guard !consumed[position], !consumed[position + 1], first.isWord, second.isWord, first.isCapitalized, second.isCapitalized,
                  !first.isPossessive, !first.isAllCaps, !second.isAllCaps, position == 0 || !tokens[position - 1].isCapitalized || !tokens[position - 1].isWord,
                  Lexicon.demonyms[first.folded] == nil, Lexicon.countryNames[first.folded] == nil, Lexicon.countryNames[second.folded] == nil else { continue }
            var after = position + 2
            var isPerson = false
            if Lexicon.speechVerbs.contains(tokens[after].folded), !second.isPossessive {
                isPerson = true
            } else if tokens[after].isPunctuation(","), !second.isPossessive {
                after += 1
                if after < tokens.count, ["a", "an", "the", "its", "their", "his", "her"].contains(tokens[after].folded) { after += 1 }
                let words = tokens[after..<min(tokens.count, after + 3)].map(\.folded)
                isPerson = words.contains { Lexicon.personTitles.contains($0) } && !tokens[after..<min(tokens.count, after + 3)].contains { $0.isCapitalized }
            }
            guard isPerson, !lookup.hasPlace(named: first.text + " " + second.text) else { continue }
            consumed[position] = true
            consumed[position + 1] = true
            result.people.insert(first.folded)
            result.people.insert(second.folded)
            position += 1
        }
        // Surnames met before: "Soleimani" alone.
        for index in tokens.indices where !consumed[index] && tokens[index].isCapitalized && result.people.contains(tokens[index].folded) {
            if !Lexicon.countryNames.keys.contains(tokens[index].folded) { consumed[index] = true }
        }
    }

    mutating func countCountries(_ tokens: [Token], consumed: [Bool], weight: Double) {
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard token.isWord, token.isCapitalized, !consumed[index] else {
                index += 1
                continue
            }
            if index + 1 < tokens.count, let code = Lexicon.demonyms[token.folded + " " + tokens[index + 1].folded] {
                result.countryCounts[code, default: 0] += weight
                index += 2
                continue
            }
            if let code = Lexicon.demonyms[token.folded] {
                result.countryCounts[code, default: 0] += weight
            }
            index += 1
        }
    }
}
