import Gazetteer
import ThreatModel

/// Finds weapon systems in tokens through the catalog's names and aliases
/// ("Zolfaqar", "Fateh 110", "Fateh-110"), family names ("Patriot") and the
/// shape of names the catalog lacks ("Hwasong-15", "KN-23").
struct SystemMatcher {
    struct Match {
        var start: Int
        var end: Int
        /// Index into the catalog's systems; nil for a name the catalog lacks.
        var system: Int?
        var text: String
        /// A family name standing for its first catalog member.
        var isFamily: Bool
    }

    let catalog: MissileCatalog
    let gazetteer: Gazetteer
    /// Folded alias -> system index.
    private let aliases: [String: Int]
    /// Folded aliases that are also place names, people or short acronyms:
    /// these need a weapon word right after them.
    private let guarded: Set<String>
    /// First word of several systems' names ("patriot") -> first such system.
    private let families: [String: Int]
    private let longestAlias: Int
    /// First words of every alias: a span whose first word is none of these
    /// matches no alias, whatever its length.
    private let aliasFirstWords: Set<String>

    /// Nouns naming weapons, which confirm a name before them.
    static let weaponNouns: Set<String> = [
        "missile", "missiles", "rocket", "rockets", "system", "systems", "battery", "batteries", "launcher",
        "launchers", "ballistic", "cruise", "drone", "drones", "interceptor", "interceptors", "icbm", "icbms",
        "srbm", "srbms", "mrbm", "mrbms", "irbm", "irbms", "class", "type", "variant", "variants", "artillery",
        "intercontinental", "precision", "guided", "unguided", "munition", "munitions", "loitering", "kamikaze",
        "uav", "uavs", "projectile", "projectiles", "mlrs",
    ]

    init(catalog: MissileCatalog, gazetteer: Gazetteer) {
        self.catalog = catalog
        self.gazetteer = gazetteer
        var aliases = [String: Int]()
        var guarded = Set<String>()
        var firstWords = [String: [Int]]()
        var longest = 1
        for (index, system) in catalog.systems.enumerated() {
            for name in [system.name] + system.aliases {
                let key = NameKey(name).folded
                guard !key.isEmpty else { continue }
                if aliases[key] == nil { aliases[key] = index }
                longest = max(longest, key.split(separator: " ").count)
                if Self.weaponWordReason(for: name, gazetteer: gazetteer) != nil { guarded.insert(key) }
            }
            // Family names: the first word of the name or of a spelled-out alias ("Dongfeng-15").
            var firsts = Set<String>()
            for name in [system.name] + system.aliases {
                guard let first = NameKey(name).folded.split(separator: " ").first, first.count >= 4, first.allSatisfy(\.isLetter) else { continue }
                if name == system.name || name.contains("-") { firsts.insert(Self.familyKey(String(first))) }
            }
            for first in firsts { firstWords[first, default: []].append(index) }
        }
        self.aliases = aliases
        self.aliasFirstWords = Set(aliases.keys.compactMap { $0.split(separator: " ").first.map(String.init) })
        self.guarded = guarded
        self.families = firstWords.filter { $0.value.count >= 2 && aliases[$0.key] == nil }.mapValues { $0[0] }
        self.longestAlias = min(longest + 1, 6)
    }

    /// Why `name` (a system's name or alias) counts as a system only with a
    /// weapon word after it ("Qaim missiles", "Dagger missile"), or nil when
    /// it stands on its own: it is also a place in the gazetteer, a person or
    /// organisation, an ordinary English word, a short acronym, or begins
    /// with an honorific ("Haj Qasem").
    static func weaponWordReason(for name: String, gazetteer: Gazetteer) -> String? {
        let key = NameKey(name).folded
        let letters = name.filter(\.isLetter)
        if !gazetteer.places(named: name).isEmpty { return "a gazetteer place" }
        if Lexicon.organisationsAndPeople.contains(key) { return "a person or organisation" }
        if Lexicon.commonWords.contains(key) || Lexicon.ordinaryWords.contains(key) { return "an English word" }
        if letters.count <= 3 && !name.contains(where: \.isNumber) { return "a short acronym" }
        if ["haj ", "hajj ", "martyr ", "shahid "].contains(where: key.hasPrefix) { return "an honorific" }
        return nil
    }

    /// Systems in `tokens`, longest names first, left to right.
    /// - Parameter known: folded names of systems the catalog lacks that the
    ///   article has already named with a weapon word; they need none again.
    func matches(in tokens: [Token], consumed: [Bool], known: Set<String> = []) -> [Match] {
        var result = [Match]()
        var index = 0
        outer: while index < tokens.count {
            guard !consumed[index], tokens[index].kind != .punctuation else {
                index += 1
                continue
            }
            let first = tokens[index]
            // Names start with a capital or a digit: skip the other words at once.
            var maxLength = first.isCapitalized || first.kind == .number ? min(longestAlias, tokens.count - index) : 0
            if maxLength > 0, let firstWord = NameKey(first.text).folded.split(separator: " ").first, !aliasFirstWords.contains(String(firstWord)) {
                maxLength = 0
            }
            var length = maxLength
            while length >= 1 {
                let span = tokens[index..<(index + length)]
                if span.contains(where: { $0.kind == .punctuation }) || span.indices.contains(where: { consumed[$0] }) {
                    length -= 1
                    continue
                }
                let text = span.map(\.text).joined(separator: " ")
                var key = NameKey(text).folded
                // A plural: "Fateh-110s", "Kalibrs", "Scuds".
                if aliases[key] == nil, key.count > 4, key.hasSuffix("s"), aliases[String(key.dropLast())] != nil { key.removeLast() }
                if let system = aliases[key], span.first!.isCapitalized || span.first!.kind == .number || span.first!.isAllCaps {
                    if guarded.contains(key), !Self.confirmed(tokens, after: index + length), !hasNumber(span) {
                        length -= 1
                        continue
                    }
                    // "Abu Mahdi al-Muhandis": a person, whose name goes on.
                    if MentionScanner.continuesName(tokens, at: index + length) {
                        length -= 1
                        continue
                    }
                    result.append(Match(start: index, end: index + length, system: system, text: text, isFamily: false))
                    index += length
                    continue outer
                }
                length -= 1
            }
            let token = tokens[index]
            // "Iranian-made Shahed drones": the maker is no part of the name.
            if let hyphen = token.text.lastIndex(of: "-"), MentionScanner.compoundSuffixes.contains(token.text[token.text.index(after: hyphen)...].lowercased()) {
                index += 1
                continue
            }
            if token.isCapitalized, let system = families[Self.familyKey(token.folded)], Self.confirmed(tokens, after: index + 1) {
                result.append(Match(start: index, end: index + 1, system: system, text: token.text, isFamily: true))
                index += 1
                continue
            }
            if Self.looksLikeSystemName(token), Self.confirmed(tokens, after: index + 1) || Self.confirmed(tokens, before: index) || known.contains(NameKey(token.text).folded) {
                result.append(Match(start: index, end: index + 1, system: nil, text: token.text, isFamily: false))
                index += 1
                continue
            }
            // "Storm Shadow cruise missiles", "Katyusha rockets": a capitalised
            // name right before a weapon noun, which is no place, people or group.
            if let length = unknownName(tokens, consumed: consumed, at: index, known: known) {
                let text = tokens[index..<(index + length)].map(\.text).joined(separator: " ")
                result.append(Match(start: index, end: index + length, system: nil, text: text, isFamily: false))
                index += length
                continue
            }
            index += 1
        }
        return withListedNames(result, tokens: tokens, consumed: consumed)
    }

    /// "Avenger, Patriot, and THAAD": a one-word catalog name or family
    /// listed beside a system found is a system too, weapon word or not.
    private func withListedNames(_ found: [Match], tokens: [Token], consumed: [Bool]) -> [Match] {
        guard !found.isEmpty else { return found }
        var taken = Set(found.flatMap { Array($0.start..<$0.end) })
        var result = found
        func listed(_ position: Int) -> Match? {
            guard position >= 0, position < tokens.count, !taken.contains(position), !consumed[position] else { return nil }
            let token = tokens[position]
            guard token.isWord, token.isCapitalized else { return nil }
            if let system = aliases[token.folded] { return Match(start: position, end: position + 1, system: system, text: token.text, isFamily: false) }
            if let system = families[Self.familyKey(token.folded)] { return Match(start: position, end: position + 1, system: system, text: token.text, isFamily: true) }
            return nil
        }
        let joiners: Set<String> = [",", "and", "or"]
        for match in found where match.system != nil && !match.isFamily {
            for step in [1, -1] {
                var cursor = step > 0 ? match.end : match.start - 1
                while true {
                    var skipped = 0
                    while cursor >= 0, cursor < tokens.count, joiners.contains(tokens[cursor].folded), skipped < 2 {
                        cursor += step
                        skipped += 1
                    }
                    guard skipped > 0, let item = listed(cursor) else { break }
                    result.append(item)
                    taken.insert(cursor)
                    cursor += step
                }
            }
        }
        return result.sorted { $0.start < $1.start }
    }

    /// A family name with doubled vowels single ("Shaheed" and "Shahed" are one).
    static func familyKey(_ word: String) -> String {
        var out = ""
        for character in word where !(out.last == character && "aeiou".contains(character)) { out.append(character) }
        return out
    }

    static let namingNouns: Set<String> = ["missile", "missiles", "rocket", "rockets", "cruise", "ballistic", "drone", "drones"]

    /// "Eight Katyusha rockets": a name starts after these ordinary words.
    static let leadingWords: Set<String> = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "the", "a", "an", "its",
                                            "this", "that", "these", "those", "another", "each", "every", "his", "her", "our",
                                            "their", "several", "some", "new", "older", "more", "dozens", "many"]

    private func unknownName(_ tokens: [Token], consumed: [Bool], at index: Int, known: Set<String>) -> Int? {
        guard tokens[index].isWord, tokens[index].isCapitalized, !tokens[index].isAllCaps || tokens[index].text.count > 4 else { return nil }
        if Self.leadingWords.contains(tokens[index].folded), index + 1 < tokens.count, tokens[index + 1].isCapitalized { return nil }
        var end = index
        while end < tokens.count, end < index + 3, !consumed[end], tokens[end].isWord, tokens[end].isCapitalized, !tokens[end].isPossessive { end += 1 }
        guard end > index else { return nil }
        for length in stride(from: end - index, through: 1, by: -1) {
            let span = tokens[index..<(index + length)]
            if !known.isEmpty, known.contains(NameKey(span.map(\.text).joined(separator: " ")).folded) { return length }
            guard index + length < tokens.count, Self.namingNouns.contains(tokens[index + length].folded) else { continue }
            let folded = span.map(\.folded).joined(separator: " ")
            if span.contains(where: { Lexicon.demonyms[$0.folded] != nil || Lexicon.organisationsAndPeople.contains($0.folded) }) { return nil }
            if Lexicon.organisationsAndPeople.contains(folded) || span.allSatisfy({ Lexicon.commonWords.contains($0.folded) || Lexicon.calendarWords.contains($0.folded) || Self.classWords.contains($0.folded) }) { return nil }
            if span.contains(where: { Lexicon.countryNames[$0.folded] != nil }) { return nil }
            if !gazetteer.places(named: span.map(\.text).joined(separator: " ")).isEmpty { return nil }
            // Sentence-initial ordinary words ("Rockets", "Several") are not names.
            if index == 0, length == 1, span.first!.folded.hasSuffix("s") { return nil }
            return length
        }
        return nil
    }

    private func hasNumber(_ tokens: ArraySlice<Token>) -> Bool {
        tokens.contains { $0.kind == .number || $0.text.contains(where: \.isNumber) }
    }

    /// A weapon noun within the four words after `index` ("Hwasong-15, an
    /// intercontinental ballistic missile"), before the clause ends.
    static func confirmed(_ tokens: [Token], after index: Int) -> Bool {
        for offset in 0..<5 where index + offset < tokens.count {
            let token = tokens[index + offset]
            if token.isWord, weaponNouns.contains(token.folded) { return true }
            // "The Iskander has a reach of 500km": a range stated right after.
            if token.isWord, Lexicon.rangeNouns.contains(token.folded),
               tokens[(index + offset + 1)..<min(tokens.count, index + offset + 5)].contains(where: { $0.kind == .number }) {
                return true
            }
            // A closing quote ('"Iron Dome" interceptor system') and a short
            // parenthesis ("Dongfeng (DF) rockets") are read past.
            if token.kind == .punctuation, !["-", ",", "\"", "'", "/", "(", ")"].contains(token.text) { return false }
        }
        return false
    }

    /// A weapon noun right before `index` ("ballistic missile Shaheen-II",
    /// "the missile, Shaheen-1A").
    static func confirmed(_ tokens: [Token], before index: Int) -> Bool {
        var cursor = index - 1
        if cursor >= 0, tokens[cursor].isPunctuation(",") { cursor -= 1 }
        return cursor >= 0 && tokens[cursor].isWord && ["missile", "missiles", "rocket", "rockets", "system", "drone", "drones", "interceptor"].contains(tokens[cursor].folded)
    }

    /// Words that describe a class of weapon, never name one ("Intermediate
    /// Range Ballistic Missile", "Surface-to-Air Missile").
    static let classWords: Set<String> = [
        "intermediate", "medium", "short", "long", "range", "ballistic", "cruise", "surface", "air", "anti", "ship",
        "hypersonic", "supersonic", "subsonic", "tactical", "strategic", "guided", "intercontinental", "land", "attack",
        "sea", "launched", "submarine", "nuclear", "capable", "new", "generation", "advanced", "precision",
    ]

    /// "Hwasong-15", "KN-23", "S-300", "Burkan-3", "Iskander-M": a capitalised
    /// word joined by a hyphen to a number or a short code.
    static func looksLikeSystemName(_ token: Token) -> Bool {
        guard token.isWord, token.isCapitalized, let hyphen = token.text.firstIndex(of: "-") else { return false }
        let head = token.text[..<hyphen], tail = token.text[token.text.index(after: hyphen)...]
        guard !head.isEmpty, !tail.isEmpty, head.first!.isUppercase else { return false }
        if tail.first!.isNumber { return true }
        return tail.count <= 2 && tail.allSatisfy(\.isUppercase)
    }
}
