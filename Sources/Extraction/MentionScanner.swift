import Gazetteer
import GeoModel
import ThreatModel

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
        let captions = Self.captionParagraphs(sentences)
        for sentence in sentences where !captions.contains(sentence.paragraph) {
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
        // "Also read: ...", "Related: ...", "More from ...": links to other stories.
        if Self.isRelatedStoryLine(tokens) { return }
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
            let folded = NameKey(match.text).folded
            if match.system == nil, result.unknownSpellings[folded] == nil { result.unknownSpellings[folded] = match.text }
            let key: SystemKey = match.system.map(SystemKey.catalog) ?? .unknown(result.unknownSpellings[folded] ?? match.text)
            if match.system == nil { result.knownSystemNames.insert(folded) }
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

    /// Whether a line points to other stories rather than stating anything.
    /// Paragraphs of at most three sentences that end in a photo credit
    /// ("... (AP Photo/Nasser Nasser, File)", "Iran Press/Handout via
    /// REUTERS", "(AFP)"): captions, which state nothing.
    static func captionParagraphs(_ sentences: [Sentence]) -> Set<Int> {
        var last = [Int: Sentence](), counts = [Int: Int]()
        for sentence in sentences {
            last[sentence.paragraph] = sentence
            counts[sentence.paragraph, default: 0] += 1
        }
        return Set(last.filter { counts[$0.key]! <= 3 && endsInPhotoCredit($0.value.tokens) }.keys)
    }

    static let creditWords: Set<String> = [
        "photo", "photos", "getty", "images", "afp", "ap", "reuters", "epa", "handout", "file", "anadolu", "xinhua", "shutterstock", "courtesy", "pool",
    ]

    /// Whether the tokens end in a photo credit: a closing parenthesis
    /// holding a credit word, or an agency in capitals after a slash or "via".
    static func endsInPhotoCredit(_ tokens: [Token]) -> Bool {
        var end = tokens.count
        while end > 0, tokens[end - 1].isPunctuation(".") { end -= 1 }
        guard end > 0 else { return false }
        if tokens[end - 1].isPunctuation(")"), let open = (max(0, end - 14)..<(end - 1)).last(where: { tokens[$0].isPunctuation("(") }), open > 0 {
            return tokens[(open + 1)..<(end - 1)].contains { creditWords.contains($0.folded) }
        }
        let tail = tokens[max(0, end - 5)..<end]
        return tail.contains { $0.isAllCaps && creditWords.contains($0.folded) } && tail.contains { $0.isPunctuation("/") || $0.folded == "via" }
    }

    static func isRelatedStoryLine(_ tokens: [Token]) -> Bool {
        let words = tokens.prefix(3).map(\.folded)
        guard let first = words.first else { return false }
        let pairs: Set<[String]> = [["also", "read"], ["read", "more"], ["read", "also"], ["see", "also"], ["more", "from"], ["more", "on"], ["related", "stories"], ["you", "may"]]
        if words.count >= 2, pairs.contains(Array(words.prefix(2))) { return true }
        return ["related", "recommended", "watch", "listen"].contains(first) && words.count >= 2 && tokens[1].isPunctuation(":")
    }

    private func isNamedRegion(_ mention: PlaceMention) -> Bool {
        if case .namedRegion = mention.shape { return true }
        return false
    }
}
