/// The clause-reading helpers of `RoleFinder`: the word sets its rules
/// name, and the small readings of the words around a place (a hosting
/// verb, an appositive, the fire verb of stationed units, the passive after
/// a place, the list a place belongs to).
extension RoleFinder {
    /// Words between a place and the place holding it ("in the centre of the capital,").
    static let containerWords: Set<String> = [
        "in", "the", "a", "an", "of", "centre", "center", "heart", "capital", "city", "downtown", "middle", "port", "ports", "airport", "base", "bases",
        "air", "airbase", "naval", "military", "district", "neighbourhood", "neighborhood", "suburb", "suburbs", "outskirts",
    ]

    /// Parts of a place: "the Solomianskyi district of Kyiv", "Erbil, the capital of".
    static let partNouns: Set<String> = ["capital", "district", "neighbourhood", "neighborhood", "suburb", "suburbs", "outskirts", "centre", "center", "heart"]

    /// Who fires: "the Houthis in Yemen" puts the launchers there.
    static let shooters: Set<String> = [
        // Not "forces" or "troops": "US forces in Syria" are stationed, not firing.
        "houthis", "houthi", "militants", "rebels", "militia", "militias", "fighters", "hezbollah",
        "hamas", "guerrillas", "insurgents", "batteries", "launchers", "terrorists", "terrorist", "gunmen", "jihadists", "operatives",
    ]

    /// What is fired: "rockets from Gaza" came from Gaza.
    static let projectileNouns: Set<String> = [
        "missile", "missiles", "rocket", "rockets", "drone", "drones", "projectile", "projectiles", "munitions", "uavs", "salvo", "barrage",
    ]

    /// Nouns a place's name stands in apposition to ("the Saudi capital, Riyadh").
    static let appositionNouns: Set<String> = ["capital", "city", "town", "port", "village", "province", "region", "stronghold"]

    /// "Houthi-controlled", "Russian-occupied": a hyphenated modifier whose
    /// head names who holds the place.
    static func isCompoundModifier(_ token: Token) -> Bool {
        guard token.isWord, let hyphen = token.text.lastIndex(of: "-") else { return false }
        let suffix = token.text[token.text.index(after: hyphen)...].lowercased()
        return MentionScanner.compoundSuffixes.contains(suffix)
    }

    /// A hosting verb right after the place ("hosts", "has hosted") with a
    /// weapon word in the next few tokens.
    static func hostVerb(_ tokens: [Token], after mention: PlaceMention) -> String? {
        var cursor = mention.end
        while cursor < tokens.count, cursor < mention.end + 2, ["has", "have", "had", "also", "now", "already"].contains(tokens[cursor].folded) { cursor += 1 }
        guard cursor < tokens.count, Cues.hostVerbs.contains(tokens[cursor].folded) else { return nil }
        let weapon = tokens[(cursor + 1)..<min(tokens.count, cursor + 7)].contains { Lexicon.weaponWords.contains($0.folded) || Cues.presenceNouns.contains($0.folded) }
        return weapon ? tokens[cursor].text : nil
    }

    /// ", the exclave between", ", a city in": an appositive noun phrase
    /// ending in a preposition, which says where the place before it is.
    static func isAppositive(_ tokens: [Token], from start: Int, to end: Int) -> Bool {
        guard end - start >= 4, end - start <= 8, tokens[start].isPunctuation(","), ["the", "a", "an"].contains(tokens[start + 1].folded),
              ["between", "in", "of", "near", "on", "along", "inside"].contains(tokens[end - 1].folded) else { return false }
        return (start + 2..<end - 1).allSatisfy { tokens[$0].isWord && !tokens[$0].isCapitalized && Cues.words[tokens[$0].folded] == nil }
    }

    /// Whether `position` lies in a mention already made context
    /// ("the Kurdistan Region" in "Erbil, the capital of the Kurdistan Region in northern Iraq").
    static func insideAnchor(_ position: Int, _ mentions: ArraySlice<PlaceMention>) -> Bool {
        mentions.contains { $0.isAnchor && $0.start <= position && position < $0.end }
    }

    /// Whether the words before `index` make it the object of a harm verb
    /// ("targeted an Iranian-backed militia"), not its agent ("an attack
    /// launched by Hezbollah terrorists").
    static func objectOfHarm(_ tokens: [Token], before index: Int) -> Bool {
        var probe = index - 1
        while probe >= 0, probe >= index - 6 {
            let word = tokens[probe].folded
            if word == "by" || Cues.words[word] == .fire { return false }
            if Cues.words[word] == .harm { return true }
            probe -= 1
        }
        return false
    }

    /// Where the place mention ends that ends at `position` or just before
    /// the facility nouns and commas there ("Al Dhafra Air Base, near"); nil when none does.
    static func placeEnd(before position: Int, _ tokens: [Token], _ spans: MentionSpans) -> Int? {
        var cursor = position
        while cursor >= 0 {
            if spans.someMentionEnds(at: cursor + 1) { return cursor + 1 }
            guard Self.facilityNouns.contains(tokens[cursor].folded) || tokens[cursor].isPunctuation(",") else { return nil }
            cursor -= 1
        }
        return nil
    }

    /// Nouns after a facility's name ("al-Dhafra airbase near Abu Dhabi").
    static let facilityNouns: Set<String> = ["base", "airbase", "air", "airfield", "airport", "camp", "facility", "complex", "site", "port"]

    /// Units stationed somewhere: "US forces in Syria" only says where they
    /// are, unless they fire ("troops at the base fired").
    static let stationedUnits: Set<String> = ["forces", "troops", "personnel", "soldiers", "units", "crews"]

    /// A fire verb with the units before it as subject ("fired", "launched",
    /// "intercepted") within `limit` tokens from `index`, in the clause.
    static func fireVerbAfter(_ tokens: [Token], from index: Int, limit: Int) -> String? {
        var probe = index
        while probe < tokens.count, probe < index + limit {
            let word = tokens[probe].folded
            // "(UAE)": a parenthesis is read past.
            if tokens[probe].isPunctuation("("), let close = (probe..<min(tokens.count, probe + 8)).first(where: { tokens[$0].isPunctuation(")") }) {
                probe = close + 1
                continue
            }
            if Cues.clauseBreaks.contains(word) || tokens[probe].isPunctuation(".") || Lexicon.speechVerbs.contains(word) || word == "under" { return nil }
            if Cues.words[word] == .fire || ["intercepted", "engaged"].contains(word), !Cues.presenceNouns.contains(word), word != "came", !Cues.originWords.contains(word), !["salvo", "salvos", "barrage", "barrages"].contains(word) {
                return tokens[probe].text
            }
            if let kind = Cues.words[word], kind != .fire { return nil }
            probe += 1
        }
        return nil
    }

    /// A harm word (landing, hitting, exploding) within `limit` tokens from `index`, in the clause.
    static func harmAfter(_ tokens: [Token], from index: Int, limit: Int) -> String? {
        var probe = index
        while probe < tokens.count, probe < index + limit {
            let word = tokens[probe].folded
            if Cues.clauseBreaks.contains(word) || tokens[probe].isPunctuation(".") { return nil }
            if Cues.words[word] == .harm, !["range", "reach", "threat", "retaliation", "covers", "cover"].contains(word) { return tokens[probe].text }
            probe += 1
        }
        return nil
    }

    /// Whether a fire or harm verb stands within `limit` tokens before `index` in the clause.
    static func harmVerb(_ tokens: [Token], before index: Int, limit: Int) -> String? {
        var probe = index - 1
        while probe >= 0, probe >= index - limit {
            let word = tokens[probe].folded
            if Cues.clauseBreaks.contains(word) || tokens[probe].isPunctuation(".") { return nil }
            if let kind = Cues.words[word], kind == .harm || kind == .fire, !Cues.presenceNouns.contains(word) { return tokens[probe].text }
            probe -= 1
        }
        return nil
    }

    /// Whether a place mention (or a list of them) is the subject of the
    /// verb at `verb` ("Ras Tanura and Dhahran were").
    static func subjectIsPlace(_ tokens: [Token], _ spans: MentionSpans, verbBefore verb: Int) -> Bool {
        guard verb >= 1, verb < tokens.count, ["was", "were", "is", "are", "be", "lie", "lies", "remain", "remains", "fall", "falls", "fell"].contains(tokens[verb].folded) else { return false }
        return spans.someMentionEnds(at: verb)
    }

    /// The mention this one follows in a list, skipping an appositive
    /// ("X, east of Baghdad, and Y").
    static func previousListItem(_ tokens: [Token], _ mentions: [PlaceMention], before index: Int, spans: MentionSpans) -> Int? {
        var candidate = index - 1
        while candidate >= 0 {
            let mention = mentions[candidate]
            if mention.isAnchor || mention.isModifier || mention.isActor {
                candidate -= 1
                continue
            }
            let from = mention.end, to = mentions[index].phraseStart
            guard from <= to, to - from <= 16 else { return nil }
            // Only joiners, fillers and appositive words between the two.
            for position in from..<to {
                let token = tokens[position]
                let insideAnchor = spans.anchor(covering: position) != nil
                let allowed = insideAnchor || Cues.coordinators.contains(token.folded) || Cues.fillers.contains(token.folded)
                    || token.folded == "of" || Lexicon.bearings[token.folded] != nil || token.kind == .number
                    || RangeMentions.units[token.folded] != nil || Cues.prepositions.contains(token.folded)
                    || token.isPunctuation("(") || token.isPunctuation(")")
                    || ["some", "about", "around", "just", "roughly", "nearly", "well", "another", "also"].contains(token.folded)
                if !allowed { return nil }
            }
            return candidate
        }
        return nil
    }

    static func isActor(_ tokens: [Token], _ mention: PlaceMention) -> Bool {
        var cursor = mention.end
        if cursor < tokens.count, tokens[mention.end - 1].isPossessive {
            // "Israel's military said": the possessor acts.
            // "Seoul's Joint Chiefs of Staff said": an office, capitalised.
            let office = tokens[cursor].isCapitalized && MentionScanner.officeWords.contains(tokens[cursor].folded)
            return cursor < tokens.count && (office || ["military", "government", "army", "forces", "foreign", "defence", "defense", "president", "leader", "prime", "officials", "navy", "air", "missile", "ministry"].contains(tokens[cursor].folded))
                && !precededByCue(tokens, mention)
        }
        var steps = 0
        while cursor < tokens.count, steps < 3, Cues.auxiliaries.contains(tokens[cursor].folded) {
            cursor += 1
            steps += 1
        }
        guard cursor < tokens.count else { return false }
        let word = tokens[cursor].folded
        if Lexicon.speechVerbs.contains(word) { return true }
        if let kind = Cues.words[word], kind == .fire || kind == .presence || kind == .harm, ![ "range", "reach", "target", "targets", "threat", "strike", "strikes", "attack", "attacks", "explosions", "explosion", "blasts", "batteries", "battery", "sites", "factories", "factory", "launchers", "depots", "tunnels", "warehouses", "silos", "plants", "workshops", "caches", "cache", "depot", "warehouse", "workshop", "production", "deployment", "deployments", "shipment", "shipments", "delivery", "deliveries", "barrage", "barrages", "salvo", "salvos", "assault", "assaults", "raid", "raids", "bombardment", "bombing", "bombings", "retaliation", "defence", "defense", "protection", "assembly", "came", "originated", "originating", "emanated"].contains(word) {
            // "Iran has moved", "Hezbollah fired" (not "Erbil was hit": passive).
            let passive = mention.end < tokens.count && ["was", "were", "is", "are", "has been", "had been", "been"].contains(tokens[mention.end].folded)
            return !passive && !precededByCue(tokens, mention)
        }
        return false
    }

    /// Whether a cue preposition stands right before the mention ("from Iran fired" is rare, "in Iraq has").
    static func precededByCue(_ tokens: [Token], _ mention: PlaceMention) -> Bool {
        let before = mention.phraseStart - 1
        return before >= 0 && Cues.prepositions.contains(tokens[before].folded)
    }

    static func roleAfter(_ tokens: [Token], _ mention: PlaceMention) -> (PlaceRole, String)? {
        var cursor = mention.end
        // "al-Tanf, Syria was attacked": the country beside the place is read past.
        if cursor + 1 < tokens.count, tokens[cursor].isPunctuation(","), let hint = mention.countryHint,
           Lexicon.countryNames[tokens[cursor + 1].folded] == hint {
            cursor += 2
        }
        if cursor < tokens.count, tokens[cursor].isPunctuation(",") { cursor += 1 }
        // "Saudi Arabia, which has often come under fire, was targeted": past the relative clause.
        if cursor < tokens.count, ["which", "who"].contains(tokens[cursor].folded), cursor > mention.end,
           let close = (cursor..<min(tokens.count, cursor + 24)).first(where: { tokens[$0].isPunctuation(",") }) {
            cursor = close + 1
        }
        while cursor < tokens.count, ["also", "then", "again", "later"].contains(tokens[cursor].folded) { cursor += 1 }
        guard cursor < tokens.count else { return nil }
        let words = tokens[cursor..<min(tokens.count, cursor + 8)].map(\.folded)
        // "putting Riyadh or the Israeli city of Tel Aviv within striking distance".
        var probe = mention.end
        while probe + 1 < tokens.count, probe < mention.end + 12 {
            let word = tokens[probe].folded
            if word == "within" || (word == "in" && tokens[probe + 1].folded == "range") {
                let next = tokens[probe + 1].folded
                if ["range", "reach", "striking", "strike"].contains(next) { return (.target, word + " " + next) }
            }
            // "brings Indian cities in Pakistan's range".
            if ["in", "within"].contains(word), probe + 2 < tokens.count, tokens[probe + 1].isPossessive,
               ["range", "reach"].contains(tokens[probe + 2].folded) {
                return (.target, word + " ... " + tokens[probe + 2].folded)
            }
            if Cues.clauseBreaks.contains(word) || word == "." || Lexicon.speechVerbs.contains(word) || Cues.words[word] != nil { break }
            probe += 1
        }
        if let first = words.first, ["was", "were", "is", "are", "has", "had", "have"].contains(first) {
            for word in words.dropFirst().prefix(3) where Cues.passiveHarm.contains(word) { return (.target, first + " " + word) }
        }
        if words.starts(with: ["came", "under"]) || words.starts(with: ["come", "under"]) || words.starts(with: ["comes", "under"]) {
            return (.target, words[0] + " under")
        }
        if words.first == "where" || words.first == "which" && words.dropFirst().first == "hosts" {
            for word in words.dropFirst() {
                if let kind = Cues.words[word] {
                    return kind == .presence || kind == .protect ? (.launchSite, "where ... " + word) : nil
                }
                if word == "hosts" || word == "host" { return (.launchSite, "where ... " + word) }
            }
        }
        return nil
    }
}
