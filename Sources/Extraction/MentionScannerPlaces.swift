import Gazetteer
import GeoModel
import ThreatModel

/// Place names in a sentence: matching, relatives and regions, qualifiers, country hints.
extension MentionScanner {
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

    /// Lower-case nouns that may end a place's name ("the Damascus countryside").
    static let lowerCaseNameNouns: Set<String> = ["countryside", "heights", "valley", "bay", "plain", "desert", "mountains", "hills", "strip"]

    /// Whether the token at `index` is a joined particle ("al-Janoub",
    /// "el-Arish") right after a capitalised name word, so continuing it.
    static func continuesName(_ tokens: [Token], at index: Int) -> Bool {
        guard index > 0, index < tokens.count, tokens[index].isWord, tokens[index].text.utf8.contains(UInt8(ascii: "-")),
              let hyphen = tokens[index].text.firstIndex(of: "-"),
              Lexicon.nameParticles.contains(String(tokens[index].text[..<hyphen]).lowercased()),
              tokens[index].text[tokens[index].text.index(after: hyphen)...].first?.isUppercase == true else { return false }
        let previous = tokens[index - 1]
        return previous.isWord && previous.isCapitalized && !previous.isPossessive && !previous.isAllCaps
            && !Cues.prepositions.contains(previous.folded) && !Lexicon.commonWords.contains(previous.folded)
            && !Cues.fillers.contains(previous.folded) && !Lexicon.speechVerbs.contains(previous.folded)
            && Lexicon.demonyms[previous.folded] == nil && !Lexicon.nameParticles.contains(previous.folded)
    }

    mutating func findPlaces(_ tokens: [Token], _ consumed: inout [Bool], sentenceIndex: Int) -> [PlaceMention] {
        var mentions = [PlaceMention]()
        var index = 0
        outer: while index < tokens.count {
            // "the "green zone"": a quoted name written in lower case.
            if tokens[index].isPunctuation("\""), let quoted = quotedPlace(tokens, consumed, at: index, sentenceIndex: sentenceIndex) {
                for position in quoted.start..<quoted.end { consumed[position] = true }
                mentions.append(quoted)
                index = quoted.end + 1
                continue
            }
            guard !consumed[index], tokens[index].isWord else {
                index += 1
                continue
            }
            let startToken = tokens[index]
            // A separate lowercase article starts a name only as "al"/"el" ("al Zafaraniya").
            let startsName = Self.nameLike(startToken)
                || (["al", "el"].contains(startToken.folded) && !startToken.isCapitalized && index + 1 < tokens.count && tokens[index + 1].isCapitalized)
            // "Dhahran al-Janoub": a joined particle after a name continues
            // that name; alone it is no place ("al-Janoub" is not South Lebanon).
            guard startsName, !Self.continuesName(tokens, at: index) else {
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
                // "Dhahran" in "Dhahran al-Janoub": the longer, unknown name is meant.
                if index + length < tokens.count, Self.continuesName(tokens, at: index + length) { continue }
                if length == 1, skipSingle(startToken, at: index, tokens) { continue }
                if length == 1, Lexicon.personTitles.contains(folded) || Self.placeNouns.contains(folded) || Self.bareNouns.contains(folded) { continue }
                // Capitalised only because it starts the sentence.
                if length == 1, index == 0, Lexicon.commonWords.contains(folded) || Lexicon.speechVerbs.contains(folded) { continue }
                // "Golan" in "Golan Heights": the longer name is meant.
                // ("Sunan District": a district noun names the part of a city, X itself.
                // "the Bekaa Valley", unknown whole, is the Bekaa province: see below.)
                let beforePlaceNoun = index + length < tokens.count && tokens[index + length].isCapitalized && !tokens[index + length - 1].isPossessive
                    && Self.placeNouns.contains(tokens[index + length].folded) && tokens[index + length].folded != "district"
                if let code = Lexicon.demonyms[folded] {
                    // "from Lebanese territory", "at Israeli cities": the country.
                    if startToken.isCapitalized, index + length < tokens.count, !consumed[index + length],
                       Self.territoryNouns.contains(tokens[index + length].folded),
                       index + length + 1 >= tokens.count || tokens[index + length + 1].folded != "of",
                       index == 0 || Lexicon.regionAdjectives[tokens[index - 1].folded] == nil {
                        let options = lookup.options(for: "code:" + code, allowLoose: false).filter { $0.place.kind == .country }
                        if !options.isEmpty {
                            let end = index + length + 1
                            let written = tokens[index..<end].map(\.text).joined(separator: " ")
                            for position in index..<end { consumed[position] = true }
                            mentions.append(PlaceMention(sentence: sentenceIndex, start: index, end: end, surface: written, options: options))
                            index = end
                            continue outer
                        }
                    }
                    continue
                }
                // "Ben Gurion Airport", "King Khalid International Airport": a
                // shorter match inside a facility's name is not what is meant.
                // "the Soroka hospital in Beersheba": a name before a building's
                // noun names the building, not a place (Soroka is also Belomorsk's old name).
                if index + length < tokens.count, !tokens[index + length].isCapitalized, Self.buildingNouns.contains(tokens[index + length].folded),
                   !span.last!.isPossessive {
                    continue
                }
                if Self.insideFacilityName(tokens, from: index + length), !lookup.hasPlace(named: surface + " " + tokens[(index + length)..<min(tokens.count, index + length + 3)].map(\.text).joined(separator: " ")) {
                    continue
                }
                if length == 1, startToken.isAllCaps, startToken.text.count <= 4, Lexicon.countryNames[folded] == nil { continue }
                // "Iraqi Kurdistan", "the Kurdistan Region": the region's
                // governorates, before the gazetteer's point of that name.
                if let position = span.indices.first(where: { tokens[$0].folded == "kurdistan" }), let special = namedRegion(tokens, at: position),
                   special.start >= index {
                    var mention = PlaceMention(sentence: sentenceIndex, start: special.start, end: special.end, surface: special.name, options: [])
                    mention.shape = .namedRegion(special.key, phraseStart: special.start)
                    for position in special.start..<special.end { consumed[position] = true }
                    mentions.append(mention)
                    index = special.end
                    continue outer
                }
                let allowLoose = Self.allowsLoose(span) || beforePlaceNoun
                var options = lookup.options(for: surface, allowLoose: allowLoose)
                if beforePlaceNoun {
                    guard let first = options.first?.place.kind, [.province, .governorate, .region].contains(first) else { continue }
                }
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
                // "Benina airport": an airport whose first name is no town.
                let airportOnly = options.isEmpty && index + length < tokens.count && tokens[index + length].folded == "airport" ? airportOptions(surface) : nil
                if let airportOnly { options = airportOnly.options }
                guard !options.isEmpty else { continue }
                var end = index + length
                var written = surface
                var portNamed = false
                if let airportOnly {
                    written = airportOnly.name
                    end += 1
                }
                // "Riyadh airport", "the Sanaa airport": the city's airport under its common name.
                // "the Baghdad and Erbil airports": each city's airport.
                let airportNamed = end < tokens.count && ["airport", "airports"].contains(tokens[end].folded)
                let airportListed = end + 2 < tokens.count && tokens[end].folded == "and" && tokens[end + 2].folded == "airports"
                if airportListed, let airport = airportOptions(surface) {
                    options = airport.options
                    written = airport.name
                } else if airportOnly == nil, airportNamed, let airport = airportOptions(surface) {
                    options = airport.options
                    written = airport.name
                    end += 1
                }
                // "Hodeida and Salif ports": the port, where the gazetteer has one.
                if end < tokens.count, ["port", "ports"].contains(tokens[end].folded) || (end + 2 < tokens.count && tokens[end].folded == "and" && tokens[end + 2].folded == "ports") {
                    var ports = options.filter { $0.place.kind == .port }
                    if ports.isEmpty, tokens[end].folded != "and" {
                        // "Ras al-Tannura port": the gazetteer's port or terminal of that name.
                        ports = lookup.options(for: surface + " port", allowLoose: true).filter { [.port, .oilGasFacility, .navalBase].contains($0.place.kind) }
                    }
                    if !ports.isEmpty, ports.count < options.count || tokens[end].folded != "and" {
                        if tokens[end].folded != "and" { portNamed = true }
                        options = ports
                    }
                }
                // "the Damascus countryside", "the Golan heights": a lower-case
                // noun the gazetteer has as part of a longer name.
                if end < tokens.count, Self.lowerCaseNameNouns.contains(tokens[end].folded), !tokens[end].isCapitalized,
                   lookup.hasPlace(named: surface + " " + tokens[end].text) {
                    let longer = lookup.options(for: surface + " " + tokens[end].text, allowLoose: false)
                    if !longer.isEmpty {
                        options = longer
                        written = surface + " " + tokens[end].text
                        end += 1
                    }
                }
                // "the Kyiv, Poltava and Cherkasy regions", "Kharkiv oblast": the province, not the city.
                if let province = provinceOptions(surface, tokens, after: end) { options = province }
                var mention = PlaceMention(sentence: sentenceIndex, start: index, end: end, surface: written, options: options)
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
                for position in index..<end { consumed[position] = true }
                // "the Red Sea city of Jeddah", "Red Sea ports", "off the Odisha coast": a modifier of the noun after it.
                if !portNamed, index + length < tokens.count, ["city", "town", "port", "ports", "village", "capital", "coast", "coastline", "waters"].contains(tokens[index + length].folded),
                   Lexicon.demonyms[folded] == nil, mention.options.first?.place.kind != .country || index + length + 1 < tokens.count && tokens[index + length + 1].folded == "of" {
                    mention.isModifier = true
                }
                // "Pakistan Prime Minister Nawaz Sharif", "Kharkiv Regional Police": whose office, not where.
                if end < tokens.count, tokens[end].isCapitalized, Self.officeWords.contains(tokens[end].folded) {
                    mention.isModifier = true
                }
                // "the United States military's Green Village base": the owner of what is hit.
                if end < tokens.count, tokens[end].isPossessive, !tokens[end - 1].isPossessive,
                   ["military", "army", "navy", "forces", "force", "government", "coalition"].contains(tokens[end].folded) {
                    mention.isModifier = true
                }
                mentions.append(mention)
                index = end
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

    /// A place named in lower case between quotes (`"green zone"`): a
    /// district, landmark or facility the gazetteer has under exactly that
    /// name; towns and countries need their capitals.
    private mutating func quotedPlace(_ tokens: [Token], _ consumed: [Bool], at open: Int, sentenceIndex: Int) -> PlaceMention? {
        guard open + 2 < tokens.count, let close = (open + 2..<min(tokens.count, open + 5)).first(where: { tokens[$0].isPunctuation("\"") }) else { return nil }
        let words = tokens[(open + 1)..<close]
        guard words.allSatisfy({ $0.isWord && !$0.isCapitalized }), !words.indices.contains(where: { consumed[$0] }) else { return nil }
        let surface = words.map(\.text).joined(separator: " ")
        guard lookup.hasPlace(named: surface) else { return nil }
        let options = lookup.options(for: surface, allowLoose: false).filter { ![.town, .country, .city, .capital, .province].contains($0.place.kind) }
        guard !options.isEmpty else { return nil }
        let written = words.map { $0.text.prefix(1).uppercased() + $0.text.dropFirst() }.joined(separator: " ")
        return PlaceMention(sentence: sentenceIndex, start: open + 1, end: close, surface: written, options: options)
    }

    /// Nouns that, capitalised alone ("the annexed Peninsula", "Black Sea
    /// Fleet"), name no place, though a town somewhere bears them.
    static let bareNouns: Set<String> = ["peninsula", "fleet", "headquarters", "command", "division", "brigade", "regiment", "theater", "theatre"]

    /// Lower-case nouns of buildings and institutions a name before them belongs to.
    static let buildingNouns: Set<String> = [
        "hospital", "hotel", "school", "university", "mosque", "church", "synagogue", "stadium", "mall", "market",
        "tower", "building", "clinic", "museum", "restaurant", "cafe",
    ]

    /// Nouns after a demonym that make it the country itself ("Lebanese territory").
    static let territoryNouns: Set<String> = ["territory", "soil", "airspace", "cities", "towns", "villages", "mainland"]

    /// Capitalised words after a place that make it the owner of an office or
    /// body ("Pakistan Prime Minister", "Kyiv City Military Administration").
    static let officeWords: Set<String> = [
        "prime", "president", "presidential", "minister", "ministry", "defence", "defense", "foreign", "army", "navy",
        "police", "regional", "governor", "mayor", "municipality", "administration", "government", "press", "news",
        "tv", "television", "radio", "council", "embassy", "consulate", "security", "armed", "military", "health", "joint",
    ]

    /// Whether the capitalised words from `index` end in a facility noun
    /// within three words ("Gurion Airport", "Khalid International Airport").
    static func insideFacilityName(_ tokens: [Token], from index: Int) -> Bool {
        var cursor = index
        while cursor < tokens.count, cursor < index + 3, tokens[cursor].isWord, tokens[cursor].isCapitalized, !tokens[cursor].isPossessive {
            if ["airport", "airbase", "refinery", "university", "hospital", "hotel", "stadium", "mosque", "tower", "towers", "mall"].contains(tokens[cursor].folded) {
                return cursor > index
            }
            cursor += 1
        }
        return false
    }

    /// The airport a city's name stands for before "airport": the
    /// gazetteer's "X International Airport" or "X Airport".
    private mutating func airportOptions(_ city: String) -> (name: String, options: [PlaceLookup.Option])? {
        for name in [city + " International Airport", city + " Airport"] where lookup.hasPlace(named: name) {
            let options = lookup.options(for: name, allowLoose: false).filter { $0.place.kind == .airport || $0.place.kind == .airbase }
            if !options.isEmpty { return (name, options) }
        }
        return nil
    }

    /// For a name in a list that ends in "region(s)", "oblast" or "province"
    /// ("the Kharkiv, Donetsk, Kirovohrad regions"): the province of that
    /// name, when the gazetteer has one.
    private mutating func provinceOptions(_ name: String, _ tokens: [Token], after end: Int) -> [PlaceLookup.Option]? {
        var cursor = end
        var steps = 0
        while cursor < tokens.count, steps < 12 {
            let word = tokens[cursor].folded
            if ["region", "regions", "oblast", "oblasts", "province", "provinces", "governorate", "governorates"].contains(word) { break }
            guard word == "," || word == "and" || (tokens[cursor].isWord && tokens[cursor].isCapitalized && !tokens[cursor].isPossessive) else { return nil }
            cursor += 1
            steps += 1
        }
        guard cursor < tokens.count, steps < 12 else { return nil }
        let provinceKinds: Set<PlaceKind> = [.province, .governorate, .region]
        let own = lookup.options(for: name, allowLoose: false).filter { provinceKinds.contains($0.place.kind) }
        if !own.isEmpty { return own }
        // "the Odesa region": the gazetteer's province Odessa.
        let province = lookup.options(for: name + " Oblast", allowLoose: true).filter { provinceKinds.contains($0.place.kind) }
        return province.isEmpty ? nil : province
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
        if span.count > 1 {
            // "Ben Gurion Airport": a facility the gazetteer may name more fully.
            return span.contains { Lexicon.nameParticles.contains($0.folded) || $0.text.contains("-") } || placeNouns.contains(span.last!.folded)
        }
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

    /// Where region adjectives before a country end: right before it
    /// ("southern Israel"), or before "areas of" ("southern areas of Israel").
    static func regionAdjectiveEnd(_ tokens: [Token], countryAt start: Int) -> Int {
        guard start >= 3, tokens[start - 1].folded == "of", ["areas", "parts", "part", "regions", "region", "portions"].contains(tokens[start - 2].folded),
              Lexicon.regionAdjectives[tokens[start - 3].folded] != nil else { return start }
        return start - 2
    }

    /// Shapes relative places ("40 km north of Karbala", "east of Baghdad")
    /// and regions ("southern Iraq"), and marks appositive anchors
    /// ("al-Zafaraniya, east of Baghdad": Baghdad only says where).
    func shapeRelativesAndRegions(_ tokens: [Token], _ mentions: inout [PlaceMention]) {
        // "southern or western Iraq": the first adjective shares the country.
        var extra = [(at: Int, mention: PlaceMention)]()
        for (index, mention) in mentions.enumerated() where mention.options.first?.place.kind == .country {
            // "central and southern areas of Israel": the adjectives stand before "areas of".
            let start = Self.regionAdjectiveEnd(tokens, countryAt: mention.start)
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
            let adjectiveEnd = Self.regionAdjectiveEnd(tokens, countryAt: start)
            if isCountry, adjectiveEnd < start, adjectiveEnd > 0, let part = Lexicon.regionAdjectives[tokens[adjectiveEnd - 1].folded] {
                mentions[index].shape = .region(part, phraseStart: adjectiveEnd - 1)
                continue
            }
            // Lower-case after a preposition or article: "targets in south Lebanon".
            if isCountry, start > 0, tokens[start - 1].isCapitalized || start > 1 && (Cues.prepositions.contains(tokens[start - 2].folded) || ["the", "a"].contains(tokens[start - 2].folded)),
               let part = ["north": RegionPart.north, "south": .south, "east": .east, "west": .west][tokens[start - 1].folded] {
                mentions[index].shape = .region(part, phraseStart: start - 1)
                continue
            }
            // Relative: [N unit] DIRECTION of [COUNTRY's] PLACE.
            var ofIndex = start - 1
            if ofIndex >= 2, tokens[ofIndex].isPossessive, tokens[ofIndex - 1].folded == "of" { ofIndex -= 1 }
            guard ofIndex >= 1, tokens[ofIndex].folded == "of", let bearing = Lexicon.bearings[tokens[ofIndex - 1].folded] else { continue }
            if isCountry { continue }
            var phraseStart = ofIndex - 1
            // "50 nautical miles (93 km) southwest of": the conversion says nothing new.
            if phraseStart >= 4, tokens[phraseStart - 1].isPunctuation(")"),
               let open = (max(0, phraseStart - 6)..<(phraseStart - 1)).last(where: { tokens[$0].isPunctuation("(") }) {
                phraseStart = open
            }
            if phraseStart >= 3, tokens[phraseStart - 1].folded == "miles", tokens[phraseStart - 2].folded == "nautical",
               tokens[phraseStart - 3].kind == .number, let value = RangeMentions.number(tokens[phraseStart - 3].text) {
                mentions[index].shape = .relative(bearing: bearing, distance: .meters(value * 1852), phraseStart: phraseStart - 3)
                continue
            }
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
            var beforeComma = phraseStart - 1
            while beforeComma >= 1, beforeComma > phraseStart - 4, endingAt[beforeComma] == nil,
                  Cues.fillers.contains(tokens[beforeComma - 1].folded) || Self.placeNouns.contains(tokens[beforeComma - 1].folded) {
                beforeComma -= 1
            }
            if phraseStart >= 2, tokens[phraseStart - 1].isPunctuation(","),
               let previous = endingAt[phraseStart - 1]?.last(where: { $0 < index }) ?? endingAt[beforeComma]?.last(where: { $0 < index }) {
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
    func markQualifiers(_ tokens: [Token], _ mentions: inout [PlaceMention]) {
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
            var inIndex = start - 1
            while inIndex >= 1, inIndex > start - 4, Cues.fillers.contains(tokens[inIndex].folded) || Lexicon.demonyms[tokens[inIndex].folded] != nil { inIndex -= 1 }
            guard inIndex >= 1, tokens[inIndex].folded == "in", index > 0 else { continue }
            let previous = mentions[index - 1]
            guard previous.end <= inIndex, inIndex - previous.end <= 10 else { continue }
            let between = tokens[previous.end..<inIndex]
            if between.contains(where: { Cues.words[$0.folded] != nil || Cues.prepositions.contains($0.folded) || Cues.clauseBreaks.contains($0.folded) || $0.isPunctuation(".") }) { continue }
            if inIndex - previous.end > 4, !between.contains(where: { ["which", "that", "where", "hosts", "host", "houses", "located"].contains($0.folded) }) { continue }
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
    func countryHint(_ tokens: [Token], _ mention: PlaceMention) -> String? {
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
    mutating func findUnresolvedPlaces(_ tokens: [Token], consumed: [Bool], sentence: String) {
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
}
