import Gazetteer
import GeoModel
import ThreatModel

/// A place name found in a sentence, before the article's context picks
/// which of its namesakes is meant.
struct PlaceMention {
    enum Shape {
        /// The place itself.
        case named
        /// `distance` along `bearing` from the place ("40 km north of Karbala").
        case relative(bearing: Double, distance: Distance?, phraseStart: Int)
        /// A part of a country ("southern Iraq").
        case region(RegionPart, phraseStart: Int)
        /// A named region made of governorates ("Iraqi Kurdistan").
        case namedRegion(String, phraseStart: Int)
    }

    var sentence: Int
    var start: Int
    var end: Int
    /// As written ("Baghdad's" gives "Baghdad").
    var surface: String
    var options: [PlaceLookup.Option]
    var shape: Shape = .named
    var role: PlaceRole?
    var confidence: Double = 0
    /// The subject of a verb or a speaker ("Iran has moved", "Tehran said").
    var isActor = false
    /// Part of a compound ("Iran-backed", "Baghdad-based").
    var isModifier = false
    /// Used only to say where another place is ("al-Zafaraniya, east of Baghdad").
    var isAnchor = false
    /// The mention this one locates, with the bearing from this one to it.
    var locates: (mention: Int, bearing: Double)?
    /// An ordinary English word that is also a place name ("Hope"): kept
    /// only where a place is expected.
    var needsPlaceContext = false
    /// A country named just before or after ("the Iraqi city of Hit", "Hit, Iraq").
    var countryHint: String?
    var weaponContext = false
    var inHeadline = false
    /// Catalog systems (indices) or unknown system names in the same sentence.
    var systemsInSentence: [SystemKey] = []

    var phraseStart: Int {
        switch shape {
        case .named: start
        case let .relative(_, _, phraseStart), let .region(_, phraseStart), let .namedRegion(_, phraseStart): phraseStart
        }
    }
}

/// A system's identity: a catalog index or a name the catalog lacks.
enum SystemKey: Hashable {
    case catalog(Int)
    case unknown(String)
}

/// A system found in a sentence.
struct SystemMention {
    var sentence: Int
    var start: Int
    var key: SystemKey
    var text: String
    var isFamily: Bool
}

/// Everything one pass over the sentences finds, before disambiguation.
struct ScanResult {
    var sentences: [String] = []
    var places: [PlaceMention] = []
    var systems: [SystemMention] = []
    /// Stated ranges with the systems they belong to.
    var ranges: [(range: StatedRange, systems: [SystemKey])] = []
    /// Mentions of each country by name or demonym (ISO code -> count).
    var countryCounts: [String: Double] = [:]
    var unresolved: [UnresolvedName] = []
    var title: String?
    var agencies: [String] = []
    var date: String?
    /// Words known to be people's names in this article.
    var people: Set<String> = []
    /// Names of systems the catalog lacks, once confirmed by a weapon word.
    var knownSystemNames: Set<String> = []
}

/// Walks the sentences of an article and finds mentions of places, systems
/// and ranges with their cues.
struct MentionScanner {
    var lookup: PlaceLookup
    let systems: SystemMatcher
    var result = ScanResult()

    /// Suffixes of compounds whose head is a place: "Iran-backed".
    static let compoundSuffixes: Set<String> = [
        "backed", "based", "made", "built", "supplied", "controlled", "held", "led", "allied", "aligned",
        "run", "funded", "sponsored", "designed", "produced", "linked", "affiliated", "bound", "born",
        "area", "region", "style", "armed", "friendly", "occupied", "owned", "operated",
    ]

    /// Capitalised words that end a facility's or feature's name ("King
    /// Khalid International Airport", "Golan Heights"): a shorter place
    /// match inside such a name is not what the text means.
    static let placeNouns: Set<String> = [
        "airport", "airbase", "base", "heights", "field", "oilfield", "port", "harbour", "harbor", "camp", "island",
        "islands", "strip", "bank", "desert", "plain", "plains", "hills", "mountains", "mountain", "valley", "dam",
        "sea", "river", "lake", "gulf", "bay", "canal", "corridor", "refinery", "terminal", "complex", "barracks",
        "embassy", "consulate", "palace", "square", "bridge", "station", "plant", "facility", "district", "zone",
    ]

    /// Agencies that sign datelines.
    static let agencies: Set<String> = ["reuters", "ap", "afp", "upi", "dpa", "ani", "efe", "xinhua", "ians", "pti"]

    init(lookup: PlaceLookup, systems: SystemMatcher) {
        self.lookup = lookup
        self.systems = systems
    }

    mutating func scan(_ sentences: [Sentence]) {
        var previousParagraph = -1
        for sentence in sentences {
            let isFirstInParagraph = sentence.paragraph != previousParagraph
            previousParagraph = sentence.paragraph
            scan(sentence, isFirstInParagraph: isFirstInParagraph)
        }
    }

    // MARK: one sentence

    mutating func scan(_ sentence: Sentence, isFirstInParagraph: Bool) {
        let tokens = sentence.tokens
        guard !tokens.isEmpty else { return }
        if let first = tokens.first?.folded, ["reporting", "editing", "writing", "compiled", "additional", "photo", "copyright", "follow"].contains(first),
           tokens.count > 1, ["by", "reporting", "credit", "c"].contains(tokens[1].folded) || first == "copyright" {
            return
        }
        let sentenceIndex = result.sentences.count
        result.sentences.append(sentence.text)
        var consumed = [Bool](repeating: false, count: tokens.count)
        if isFirstInParagraph { consumeDateline(tokens, &consumed) }
        if sentence.isHeadline, result.title == nil, sentenceIndex == 0 { result.title = sentence.text }
        if result.date == nil { result.date = DateFinder.date(in: tokens) }

        // Systems first: "Khorramshahr" the missile is not the city.
        let systemMatches = systems.matches(in: tokens, consumed: consumed, known: result.knownSystemNames)
        var sentenceSystems = [SystemKey]()
        for match in systemMatches {
            for index in match.start..<match.end { consumed[index] = true }
            let key: SystemKey = match.system.map(SystemKey.catalog) ?? .unknown(match.text)
            if match.system == nil { result.knownSystemNames.insert(NameKey(match.text).folded) }
            if !sentenceSystems.contains(key) { sentenceSystems.append(key) }
            result.systems.append(SystemMention(sentence: sentenceIndex, start: match.start, key: key, text: match.text, isFamily: match.isFamily))
        }

        consumeOrganisationsAndPeople(tokens, &consumed)
        countCountries(tokens, consumed: consumed, weight: sentence.isHeadline ? 0.5 : 1)

        let weaponContext = !sentenceSystems.isEmpty || tokens.contains { $0.isWord && Lexicon.weaponWords.contains($0.folded) }
        var mentions = findPlaces(tokens, &consumed, sentenceIndex: sentenceIndex)
        shapeRelativesAndRegions(tokens, &mentions)
        markQualifiers(tokens, &mentions)
        for index in mentions.indices {
            mentions[index].weaponContext = weaponContext
            mentions[index].inHeadline = sentence.isHeadline
            mentions[index].systemsInSentence = sentenceSystems
            mentions[index].countryHint = countryHint(tokens, mentions[index])
        }
        RoleFinder.assign(tokens, &mentions)
        for mention in mentions where mention.options.isEmpty {
            if case .namedRegion = mention.shape { continue }
            result.unresolved.append(UnresolvedName(text: mention.surface, kind: .place, evidence: sentence.text))
        }
        result.places += mentions.filter { !$0.options.isEmpty || isNamedRegion($0) }
        findUnresolvedPlaces(tokens, consumed: consumed, sentence: sentence.text)

        for found in RangeMentions.ranges(in: tokens, sentence: sentence.text) {
            let owners = rangeOwners(found, systemMatches: systemMatches, tokens: tokens, sentenceIndex: sentenceIndex)
            result.ranges.append((found.range, owners))
        }
    }

    private func isNamedRegion(_ mention: PlaceMention) -> Bool {
        if case .namedRegion = mention.shape { return true }
        return false
    }

    // MARK: datelines, people, organisations

    /// "BAGHDAD (Reuters) -", "DUBAI/BAGHDAD, Jan 8 (Reuters) -", "WASHINGTON -".
    private mutating func consumeDateline(_ tokens: [Token], _ consumed: inout [Bool]) {
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
    private mutating func consumeOrganisationsAndPeople(_ tokens: [Token], _ consumed: inout [Bool]) {
        var index = 0
        while index < tokens.count {
            guard tokens[index].isWord, !consumed[index] else {
                index += 1
                continue
            }
            var matched = 0
            let canStart = tokens[index].isCapitalized || Lexicon.nameParticles.contains(tokens[index].folded)
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
        // Surnames met before: "Soleimani" alone.
        for index in tokens.indices where !consumed[index] && tokens[index].isCapitalized && result.people.contains(tokens[index].folded) {
            if !Lexicon.countryNames.keys.contains(tokens[index].folded) { consumed[index] = true }
        }
    }

    private mutating func countCountries(_ tokens: [Token], consumed: [Bool], weight: Double) {
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

    // MARK: places

    /// Whether a token can start or end a place name.
    private static func nameLike(_ token: Token) -> Bool {
        guard token.isWord else { return false }
        if token.isCapitalized { return true }
        // "al-Asad", "el-Arish": a particle joined to a capitalised word.
        if let hyphen = token.text.firstIndex(of: "-"), token.text[token.text.index(after: hyphen)...].first?.isUppercase == true,
           Lexicon.nameParticles.contains(String(token.text[..<hyphen]).lowercased()) {
            return true
        }
        return false
    }

    private mutating func findPlaces(_ tokens: [Token], _ consumed: inout [Bool], sentenceIndex: Int) -> [PlaceMention] {
        var mentions = [PlaceMention]()
        var index = 0
        outer: while index < tokens.count {
            guard !consumed[index], tokens[index].isWord else {
                index += 1
                continue
            }
            let startToken = tokens[index]
            // A separate lowercase article starts a name only as "al"/"el" ("al Zafaraniya").
            let startsName = Self.nameLike(startToken)
                || (["al", "el"].contains(startToken.folded) && !startToken.isCapitalized && index + 1 < tokens.count && tokens[index + 1].isCapitalized)
            guard startsName else {
                index += 1
                continue
            }
            let maxLength = min(5, tokens.count - index)
            for length in stride(from: maxLength, through: 1, by: -1) {
                let span = tokens[index..<(index + length)]
                guard span.indices.allSatisfy({ !consumed[$0] && tokens[$0].isWord }) else { continue }
                guard Self.nameLike(span.last!) || span.last!.text.first?.isNumber == true else { continue }
                // Only the last word may be possessive; inner words are names or particles.
                if span.dropLast().contains(where: \.isPossessive) { continue }
                if length > 1, !span.dropFirst().dropLast().allSatisfy({ Self.nameLike($0) || Lexicon.innerNameWords.contains($0.folded) }) { continue }
                let surface = span.map(\.text).joined(separator: " ")
                let folded = span.map(\.folded).joined(separator: " ")
                if Lexicon.calendarWords.contains(folded) || Lexicon.organisationsAndPeople.contains(folded) { continue }
                if length == 1, skipSingle(startToken, at: index, tokens) { continue }
                if length == 1, Lexicon.personTitles.contains(folded) || Self.placeNouns.contains(folded) { continue }
                // Capitalised only because it starts the sentence.
                if length == 1, index == 0, Lexicon.commonWords.contains(folded) || Lexicon.speechVerbs.contains(folded) { continue }
                // "Golan" in "Golan Heights": the longer name is meant.
                if index + length < tokens.count, tokens[index + length].isCapitalized, !tokens[index + length - 1].isPossessive,
                   Self.placeNouns.contains(tokens[index + length].folded) {
                    continue
                }
                if Lexicon.demonyms[folded] != nil { continue }
                if length == 1, startToken.isAllCaps, startToken.text.count <= 4, Lexicon.countryNames[folded] == nil { continue }
                let allowLoose = Self.allowsLoose(span)
                var options = lookup.options(for: surface, allowLoose: allowLoose)
                if length == 1, startToken.isAllCaps, startToken.text.count <= 4 {
                    options = options.filter { $0.place.kind == .country }
                }
                if options.isEmpty, length == 1, let special = namedRegion(tokens, at: index) {
                    var mention = PlaceMention(sentence: sentenceIndex, start: index, end: index + 1, surface: special.name, options: [])
                    mention.shape = .namedRegion(special.key, phraseStart: special.start)
                    for position in special.start..<special.end { consumed[position] = true }
                    mentions.append(mention)
                    index = special.end
                    continue outer
                }
                guard !options.isEmpty else { continue }
                var mention = PlaceMention(sentence: sentenceIndex, start: index, end: index + length, surface: surface, options: options)
                mention.needsPlaceContext = length == 1 && (Lexicon.commonWords.contains(folded) || Lexicon.ambiguousCountryWords.contains(folded))
                if length == 1 {
                    // Iraqi Kurdistan and its kin come before their parts.
                    if let special = namedRegion(tokens, at: index) {
                        mention.shape = .namedRegion(special.key, phraseStart: special.start)
                        mention.surface = special.name
                        mention.options = []
                        for position in special.start..<special.end { consumed[position] = true }
                        mentions.append(mention)
                        index = special.end
                        continue outer
                    }
                }
                for position in index..<(index + length) { consumed[position] = true }
                // "the Red Sea city of Jeddah": a modifier of the name after it.
                if index + length < tokens.count, ["city", "town", "port", "village", "capital"].contains(tokens[index + length].folded),
                   Lexicon.demonyms[folded] == nil, mention.options.first?.place.kind != .country || index + length + 1 < tokens.count && tokens[index + length + 1].folded == "of" {
                    mention.isModifier = true
                }
                mentions.append(mention)
                index += length
                continue outer
            }
            // "Iran-backed", "Baghdad-based": the head of a compound.
            if let hyphen = startToken.text.lastIndex(of: "-"),
               Self.compoundSuffixes.contains(String(startToken.text[startToken.text.index(after: hyphen)...]).lowercased()) {
                let head = String(startToken.text[..<hyphen])
                let options = lookup.options(for: head, allowLoose: false)
                if !options.isEmpty, !Lexicon.organisationsAndPeople.contains(Lexicon.fold(head)) {
                    var mention = PlaceMention(sentence: sentenceIndex, start: index, end: index + 1, surface: head, options: options)
                    mention.isModifier = true
                    mentions.append(mention)
                    consumed[index] = true
                }
            }
            index += 1
        }
        return mentions
    }

    /// Whether a single capitalised word is certainly not a place here.
    private func skipSingle(_ token: Token, at index: Int, _ tokens: [Token]) -> Bool {
        let folded = token.folded
        if result.people.contains(folded) { return true }
        if Lexicon.nameParticles.contains(folded) { return true }
        // A capitalised word before a person's surname-like follower: "Hassan Nasrallah".
        if index + 1 < tokens.count, Lexicon.personFollowers.contains(tokens[index + 1].folded) { return true }
        if index + 2 < tokens.count, tokens[index + 1].isPunctuation(","), Lexicon.personFollowers.contains(tokens[index + 2].folded) { return true }
        return false
    }

    /// Loose matching (transliteration pairs, articles) is worth a look-up
    /// only for names that look transliterated: with a particle, a hyphen,
    /// an apostrophe or several words, or a single word of five letters or
    /// more that is not an English word.
    private static func allowsLoose(_ span: ArraySlice<Token>) -> Bool {
        if span.count > 1 { return span.contains { Lexicon.nameParticles.contains($0.folded) || $0.text.contains("-") } }
        let token = span.first!
        if token.text.contains("-") || token.text.contains("'") { return true }
        return token.text.count >= 5 && !token.isAllCaps && !Lexicon.commonWords.contains(token.folded)
            && !Lexicon.speechVerbs.contains(token.folded) && !token.folded.hasSuffix("ing") && !token.folded.hasSuffix("ed")
    }

    /// "Iraqi Kurdistan", "Iraq's Kurdistan region", "the Kurdistan Region of
    /// Iraq", "Kurdistan" (in an Iraqi story): the Kurdistan Region's
    /// governorates.
    private func namedRegion(_ tokens: [Token], at index: Int) -> (key: String, name: String, start: Int, end: Int)? {
        guard tokens[index].folded == "kurdistan" else { return nil }
        var start = index, end = index + 1
        var iraqi = false
        if index > 0, ["iraqi", "iraq", "iraqs"].contains(tokens[index - 1].folded) || tokens[index - 1].folded == "iraq" {
            start = index - 1
            iraqi = true
        }
        if end < tokens.count, ["region", "regional"].contains(tokens[end].folded) {
            end += 1
            if end + 1 < tokens.count, tokens[end].folded == "of", tokens[end + 1].folded == "iraq" {
                end += 2
                iraqi = true
            }
            if !iraqi, (result.countryCounts["IQ"] ?? 0) > 0 { iraqi = true }
        }
        if !iraqi, (result.countryCounts["IQ"] ?? 0) >= 1, (result.countryCounts["IR"] ?? 0) < (result.countryCounts["IQ"] ?? 0) { iraqi = true }
        return iraqi ? ("iraqi kurdistan", "Iraqi Kurdistan", start, end) : nil
    }

    /// Shapes relative places ("40 km north of Karbala", "east of Baghdad")
    /// and regions ("southern Iraq"), and marks appositive anchors
    /// ("al-Zafaraniya, east of Baghdad": Baghdad only says where).
    private func shapeRelativesAndRegions(_ tokens: [Token], _ mentions: inout [PlaceMention]) {
        // "southern or western Iraq": the first adjective shares the country.
        var extra = [(at: Int, mention: PlaceMention)]()
        for (index, mention) in mentions.enumerated() where mention.options.first?.place.kind == .country {
            let start = mention.start
            guard start >= 3, Lexicon.regionAdjectives[tokens[start - 1].folded] != nil, ["or", "and"].contains(tokens[start - 2].folded),
                  let part = Lexicon.regionAdjectives[tokens[start - 3].folded] else { continue }
            var shared = mention
            shared.shape = .region(part, phraseStart: start - 3)
            shared.start = start - 3
            shared.end = start - 2
            extra.append((index, shared))
        }
        for (index, mention) in extra.reversed() { mentions.insert(mention, at: index) }
        // Ends do not move below (only shapes do): mentions by where they end, in order.
        let endingAt = Dictionary(grouping: mentions.indices) { mentions[$0].end }
        for index in mentions.indices {
            if case .region = mentions[index].shape { continue }
            let mention = mentions[index]
            guard case .named = mention.shape else { continue }
            let start = mention.start
            let isCountry = mention.options.first?.place.kind == .country
            // Region: "southern Iraq", "South Lebanon", "north-eastern Syria".
            if isCountry, start > 0, let part = Lexicon.regionAdjectives[tokens[start - 1].folded] {
                mentions[index].shape = .region(part, phraseStart: start - 1)
                continue
            }
            if isCountry, start > 0, tokens[start - 1].isCapitalized,
               let part = ["north": RegionPart.north, "south": .south, "east": .east, "west": .west][tokens[start - 1].folded] {
                mentions[index].shape = .region(part, phraseStart: start - 1)
                continue
            }
            // Relative: [N unit] DIRECTION of PLACE.
            guard start >= 2, tokens[start - 1].folded == "of", let bearing = Lexicon.bearings[tokens[start - 2].folded] else { continue }
            if isCountry { continue }
            var phraseStart = start - 2
            var distance: Distance?
            if phraseStart >= 2, let unit = RangeMentions.units[tokens[phraseStart - 1].folded],
               tokens[phraseStart - 2].kind == .number, let value = RangeMentions.number(tokens[phraseStart - 2].text) {
                distance = .meters(value * unit)
                phraseStart -= 2
                if phraseStart >= 1, ["some", "about", "around", "roughly", "nearly", "approximately", "almost", "just"].contains(tokens[phraseStart - 1].folded) {
                    phraseStart -= 1
                }
            } else if phraseStart >= 1, ["just", "directly", "due", "immediately"].contains(tokens[phraseStart - 1].folded) {
                phraseStart -= 1
            }
            // Appositive: "PLACE, [N km] DIRECTION of ANCHOR".
            if phraseStart >= 2, tokens[phraseStart - 1].isPunctuation(","),
               let previous = endingAt[phraseStart - 1]?.last(where: { $0 < index }) {
                mentions[index].isAnchor = true
                // The anchor lies opposite the stated bearing from the place.
                mentions[index].locates = (previous, bearing)
                continue
            }
            mentions[index].shape = .relative(bearing: bearing, distance: distance, phraseStart: phraseStart)
        }
    }

    /// Marks places that only qualify another: a possessive before a place
    /// ("Baghdad's Green Zone", "Japan's northern Hokkaido island"), a
    /// possessive country ("Iran's Revolutionary Guards"), and the larger
    /// area a place lies in ("Ain al-Asad base in Anbar province", "Saada,
    /// the Houthi stronghold in northern Yemen", "Tabriz in north-western Iran").
    private func markQualifiers(_ tokens: [Token], _ mentions: inout [PlaceMention]) {
        let smallKinds: Set<PlaceKind> = [.district, .airbase, .militarySite, .landmark, .town, .airport, .city, .capital]
        let largeKinds: Set<PlaceKind> = [.country, .governorate, .province, .region]
        // Phrase starts do not move here: mentions by where their phrase starts, in order.
        let startingAt = Dictionary(grouping: mentions.indices) { mentions[$0].phraseStart }
        for index in mentions.indices {
            let mention = mentions[index]
            let kind = mention.options.first?.place.kind
            if tokens[mention.end - 1].isPossessive {
                let next = (mention.end...(mention.end + 4)).lazy.compactMap { startingAt[$0]?.first { $0 > index } }.min()
                if next != nil {
                    mentions[index].isAnchor = true
                    continue
                }
                if kind == .country {
                    mentions[index].isModifier = true
                    continue
                }
            }
            let start = mention.phraseStart
            // "Tripoli, Libya", "Erbil, Iraq": the country names where the place is.
            if kind == .country, index > 0, start >= 1, tokens[start - 1].isPunctuation(","), mentions[index - 1].end == start - 1,
               let code = mention.options.first?.place.country,
               mentions[index - 1].options.first?.place.kind != .country,
               mentions[index - 1].options.contains(where: { $0.place.country == code }) {
                mentions[index].isAnchor = true
                continue
            }
            guard start >= 2, tokens[start - 1].folded == "in", index > 0 else { continue }
            let previous = mentions[index - 1]
            guard previous.end <= start - 1, start - 1 - previous.end <= 4 else { continue }
            let between = tokens[previous.end..<(start - 1)]
            if between.contains(where: { Cues.words[$0.folded] != nil || Cues.prepositions.contains($0.folded) }) { continue }
            var isLarge = kind.map(largeKinds.contains) ?? false
            if case .region = mention.shape { isLarge = true }
            if case .namedRegion = mention.shape { isLarge = true }
            let previousKind = previous.options.first?.place.kind
            let previousSmall = previousKind.map(smallKinds.contains) ?? false
            if isLarge && previousSmall || (kind == .city || kind == .capital) && [.district, .airbase, .militarySite, .landmark, .airport].contains(previousKind) {
                mentions[index].isAnchor = true
            }
        }
    }

    /// A country named right before ("the Iraqi city of Hit", "Iraq's Anbar")
    /// or right after ("Hit, Iraq", "Hit in Iraq") a mention.
    private func countryHint(_ tokens: [Token], _ mention: PlaceMention) -> String? {
        var cursor = mention.phraseStart - 1
        var steps = 0
        while cursor >= 0, steps < 5 {
            let word = tokens[cursor].folded
            if let code = Lexicon.demonyms[word] { return code }
            if tokens[cursor].isPossessive, let code = Lexicon.countryNames[word] { return code }
            guard Cues.fillers.contains(word) || word == "of" else { break }
            cursor -= 1
            steps += 1
        }
        var after = mention.end
        if after + 2 < tokens.count, tokens[after].folded == "in", Lexicon.regionAdjectives[tokens[after + 1].folded] != nil {
            after += 1  // "Tripoli in northern Lebanon"
        }
        if after + 1 < tokens.count, tokens[after].isPunctuation(",") || tokens[after].folded == "in" || Lexicon.regionAdjectives[tokens[after].folded] != nil {
            if let code = Lexicon.countryNames[tokens[after + 1].folded] { return code }
            if after + 2 < tokens.count, let code = Lexicon.countryNames[tokens[after + 1].folded + " " + tokens[after + 2].folded] { return code }
        }
        return nil
    }

    /// Capitalised names right after a place preposition and a place word
    /// ("the town of Tongchang-ri", "fired from Sohae") that no gazetteer
    /// entry matched: reported as unresolved.
    private mutating func findUnresolvedPlaces(_ tokens: [Token], consumed: [Bool], sentence: String) {
        let placeWords: Set<String> = ["city", "town", "village", "province", "base", "port", "district", "region", "site", "area", "governorate", "facility", "airbase", "airfield", "county"]
        // "Golan Heights", "King Khalid International Airport", "the T-4 air
        // base", "the Sohae launch site", "the al-Amin neighbourhood".
        var index = 0
        while index < tokens.count {
            guard !consumed[index], tokens[index].isWord, Self.nameLike(tokens[index]) || ["al", "el"].contains(tokens[index].folded) && index + 1 < tokens.count && tokens[index + 1].isCapitalized else {
                index += 1
                continue
            }
            var end = index
            while end < tokens.count, !consumed[end], tokens[end].isWord, Self.nameLike(tokens[end]) || (end == index && ["al", "el"].contains(tokens[end].folded)) { end += 1 }
            guard end > index, end <= tokens.count else { index += 1; continue }
            let last = tokens[end - 1].folded
            let following = end < tokens.count ? tokens[end].folded : ""
            let followingTwo = end + 1 < tokens.count ? following + " " + tokens[end + 1].folded : ""
            let facilityAfter = ["air base", "launch site", "base", "airbase", "airport", "neighbourhood", "neighborhood", "district", "oil field", "oilfield", "refinery", "camp", "military base", "missile base"]
                .contains { $0 == following || $0 == followingTwo }
            let startsSentence = index == 0
            if (end - index >= 2 && Self.placeNouns.contains(last)) || (facilityAfter && !startsSentence) {
                var from = index
                if Self.placeNouns.contains(last), end - index >= 2 { from = index }
                let text = tokens[from..<end].map(\.text).joined(separator: " ")
                let folded = Lexicon.fold(text)
                if !Lexicon.organisationsAndPeople.contains(folded), !Lexicon.commonWords.contains(folded), !lookup.hasPlace(named: text) {
                    result.unresolved.append(UnresolvedName(text: text, kind: .place, evidence: sentence))
                }
            }
            index = end
        }
        for index in tokens.indices where index >= 2 && !consumed[index] && tokens[index].isWord && tokens[index].isCapitalized {
            let before = tokens[index - 1].folded, twoBefore = tokens[index - 2].folded
            let strongContext = before == "of" && placeWords.contains(twoBefore)
                || (before == "from" && Cues.words[twoBefore] == .fire)
                || (before == "in" && placeWords.contains(twoBefore))
            guard strongContext else { continue }
            var end = index + 1
            while end < tokens.count, !consumed[end], tokens[end].isWord, tokens[end].isCapitalized || Lexicon.innerNameWords.contains(tokens[end].folded) { end += 1 }
            while end > index + 1, !tokens[end - 1].isCapitalized { end -= 1 }
            let text = tokens[index..<end].map(\.text).joined(separator: " ")
            let folded = Lexicon.fold(text)
            guard !Lexicon.commonWords.contains(folded), !Lexicon.calendarWords.contains(folded), !result.people.contains(folded) else { continue }
            result.unresolved.append(UnresolvedName(text: text, kind: .place, evidence: sentence))
        }
    }

    // MARK: ranges

    /// Which systems a stated range belongs to: the single system of its
    /// sentence; the group, for a span stated for several ("Zelzal, Fateh-110
    /// and Zolfaghar missiles, with ranges of 200 to 700 km"); else the
    /// nearest system before it (after it when none is before); else the
    /// last system of the two sentences before.
    private func rangeOwners(_ found: RangeMentions.Found, systemMatches: [SystemMatcher.Match], tokens: [Token], sentenceIndex: Int) -> [SystemKey] {
        func key(_ match: SystemMatcher.Match) -> SystemKey { match.system.map(SystemKey.catalog) ?? .unknown(match.text) }
        var distinct = [SystemKey]()
        for match in systemMatches where !distinct.contains(key(match)) { distinct.append(key(match)) }
        if distinct.count == 1 { return distinct }
        if distinct.count > 1 {
            if found.range.low != nil {
                let before = systemMatches.filter { $0.end <= found.start }
                var group = [SystemKey]()
                for match in before where !group.contains(key(match)) { group.append(key(match)) }
                if group.count > 1 { return group }
            }
            if let nearest = systemMatches.last(where: { $0.end <= found.start }) { return [key(nearest)] }
            if let next = systemMatches.first(where: { $0.start >= found.end }) { return [key(next)] }
        }
        if let previous = result.systems.last(where: { $0.sentence < sentenceIndex && $0.sentence >= sentenceIndex - 2 }) {
            return [previous.key]
        }
        return []
    }
}
