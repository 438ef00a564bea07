/// Gives each place mention of a sentence its role from the cue words
/// around it, with a confidence.
///
/// Left of a mention: skip filler words ("the", "Iraqi city of"), note the
/// preposition, then look back for the nearest cue word within the clause
/// (`Cues.role` combines the two). Right of it: the passive ("Erbil was
/// hit", "came under fire"), a `where` clause ("Ain al-Asad, where US troops
/// are based"), or a verb whose subject it is ("Iran has moved", "Tehran
/// said"). A place in a list ("in X, Y and Z") takes the role of the one
/// before it.
enum RoleFinder {
    /// How far back (in tokens) a cue may stand from its preposition.
    static let window = 16

    static func assign(_ tokens: [Token], _ mentions: inout [PlaceMention]) {
        let spans = MentionSpans(mentions, tokenCount: tokens.count)
        for index in mentions.indices {
            assign(tokens, &mentions, index, spans: spans)
        }
    }

    private static func assign(_ tokens: [Token], _ mentions: inout [PlaceMention], _ index: Int, spans: MentionSpans) {
        let mention = mentions[index]
        if mention.isAnchor || mention.isModifier { return }
        // "Belarus hosts Russian Iskander launchers": the host is where they stand.
        if let verb = hostVerb(tokens, after: mention) {
            mentions[index].role = .launchSite
            mentions[index].confidence = 0.75
            mentions[index].cue = verb
            return
        }
        // Subject or speaker: "Iran has moved", "Tehran said", "Israel's military".
        if isActor(tokens, mention) {
            mentions[index].isActor = true
            return
        }
        let start = mention.phraseStart
        var cursor = start - 1
        var preposition: String?
        var fillers = 0
        while cursor >= 0 {
            let word = tokens[cursor].folded
            if Cues.fillers.contains(word) || (tokens[cursor].isCapitalized && Lexicon.demonyms[word] != nil) || tokens[cursor].isPossessive || word == "-"
                // "Houthi-controlled Yemen", "Russian-occupied Crimea".
                || Self.isCompoundModifier(tokens[cursor]) {
                fillers += 1
                cursor -= 1
                continue
            }
            // "Baghdad's heavily fortified Green Zone": a possessive anchor and
            // the words describing the place after it.
            if tokens[cursor].kind == .word, !tokens[cursor].isCapitalized, fillers < 6, Cues.words[word] == nil, !Cues.prepositions.contains(word),
               !Cues.coordinators.contains(word), let possessive = (max(0, cursor - 3)..<cursor).last(where: { tokens[$0].isPossessive }),
               (possessive + 1..<cursor).allSatisfy({ tokens[$0].kind == .word && Cues.words[tokens[$0].folded] == nil && !Cues.prepositions.contains(tokens[$0].folded) }) {
                fillers += 1
                cursor -= 1
                continue
            }
            if tokens[cursor].isPossessive, let anchorIndex = spans.anchor(covering: cursor) {
                // Skip the whole anchor name ("Saudi Arabia's").
                let anchor = mentions[anchorIndex]
                fillers += 1
                cursor = anchor.start - 1
                continue
            }
            // "the rebels' stronghold of \"Saada", "the Saudi capital, Riyadh".
            // ("rebels'": the apostrophe of a plural possessive stands alone.)
            if tokens[cursor].isPunctuation("\"") || tokens[cursor].isPunctuation("'") || tokens[cursor].isPunctuation(","), cursor >= 1,
               !tokens[cursor].isPunctuation(",") || Self.appositionNouns.contains(tokens[cursor - 1].folded) {
                fillers += 1
                cursor -= 1
                continue
            }
            if word == "of", cursor >= 1, Cues.fillers.contains(tokens[cursor - 1].folded) || tokens[cursor - 1].isPossessive {
                // "the city of", "the outskirts of": part of the filler.
                fillers += 1
                cursor -= 1
                continue
            }
            break
        }
        // "reached as far as Hadera": as far as is to.
        if cursor >= 2, tokens[cursor].folded == "as", tokens[cursor - 1].folded == "far", tokens[cursor - 2].folded == "as" {
            preposition = "to"
            cursor -= 3
        } else if cursor >= 0, Cues.prepositions.contains(tokens[cursor].folded) {
            preposition = tokens[cursor].folded
            cursor -= 1
            // "from near X", "from outside X": the outer preposition counts.
            if cursor >= 0, tokens[cursor].folded == "from" {
                preposition = "from"
                cursor -= 1
            }
        }
        // "landed in international waters east of Sokcho": open sea near a place.
        if case .relative = mention.shape, start > 0, Cues.openWaterNouns.contains(tokens[start - 1].folded), !tokens[start - 1].isCapitalized {
            mentions[index].isAnchor = true
            return
        }
        // "not from Yemen": denied.
        if cursor >= 0, ["not", "never", "nor"].contains(tokens[cursor].folded) { return }
        // "near the border with Lebanon": the neighbour only says where the border is.
        if start >= 2, tokens[start - 1].folded == "with", Cues.borderNouns.contains(tokens[start - 2].folded) {
            mentions[index].isAnchor = true
            return
        }
        // "the Armed Forces of Ukraine": an institution's country.
        if preposition == "of", cursor >= 0, Cues.ownerNouns.contains(tokens[cursor].folded) {
            mentions[index].isAnchor = true
            return
        }
        // "from Sunan near Pyongyang", "the Hmeimim airbase outside Latakia":
        // the second place only says where the first one is.
        // (Not after a country or province: "deployed to Syria, near Damascus" says where in Syria.)
        if ["near", "outside"].contains(preposition ?? ""), cursor >= 0, let end = Self.placeEnd(before: cursor, tokens, spans),
           let placed = mentions[..<index].lastIndex(where: { $0.end == end }),
           ![.country, .province, .governorate, .region].contains(mentions[placed].options.first?.place.kind) {
            mentions[index].isAnchor = true
            mentions[placed].nearMention = index
            return
        }
        // "into waters around Taiwan", "off the coast of X": an impact area near the place, not the place.
        // (The common noun only: in "the Red Sea from Yemen" the sea is a name.)
        if preposition != nil, cursor >= 0, !tokens[cursor].isCapitalized, Cues.openWaterNouns.contains(tokens[cursor].folded) {
            // "landed in the sea between Japan and Korea": both only say where the sea is.
            if preposition == "between", let next = mentions.indices.first(where: { $0 > index }),
               mentions[next].start >= mention.end, mentions[next].start - mention.end <= 2,
               (mention.end..<mentions[next].start).allSatisfy({ ["and", "the"].contains(tokens[$0].folded) }) {
                mentions[next].isAnchor = true
            }
            mentions[index].isAnchor = true
            return
        }
        // "located in the Bay of Bengal", "US forces in western Iraq": where
        // something stands, said of another place or of troops.
        if ["in", "at", "near", "on"].contains(preposition ?? ""), cursor >= 0,
           ["located", "situated"].contains(tokens[cursor].folded) || Self.stationedUnits.contains(tokens[cursor].folded) {
            // "US forces at al-Dhafra airbase fired Patriot missiles": the
            // units there fire, so that is where they fire from.
            // "US troops in eastern Syria came under rocket fire": hit there.
            if Self.stationedUnits.contains(tokens[cursor].folded), let (role, cue) = roleAfter(tokens, mention), role == .target {
                mentions[index].role = .target
                mentions[index].confidence = 0.75
                mentions[index].cue = tokens[cursor].text + " " + (preposition ?? "") + " ... " + cue
                return
            }
            if Self.stationedUnits.contains(tokens[cursor].folded), let verb = fireVerbAfter(tokens, from: mention.end, limit: 20) {
                mentions[index].role = .launchSite
                mentions[index].confidence = 0.75
                mentions[index].cue = tokens[cursor].text + " " + (preposition ?? "") + " ... " + verb
                return
            }
            mentions[index].isAnchor = true
            return
        }
        // "the Houthis in Yemen", "militants in Gaza": where the shooters are.
        // (Unless they are what was hit: "a strike that targeted a militia in eastern Syria".)
        if preposition == "in", cursor >= 0, Self.shooters.contains(tokens[cursor].folded), !Self.objectOfHarm(tokens, before: cursor) {
            mentions[index].role = .launchSite
            mentions[index].confidence = 0.6
            mentions[index].cue = tokens[cursor].text + " in"
            return
        }
        // "Kaliningrad, the exclave between Poland and Lithuania": an appositive says where.
        if index > 0, mentions[index - 1].role != nil, mentions[index - 1].end < start, Self.isAppositive(tokens, from: mentions[index - 1].end, to: start) {
            mentions[index].isAnchor = true
            return
        }
        // "attacked the Green Zone in the centre of the capital, Baghdad":
        // the place that holds the one just given a role only says where it is.
        if preposition == "in" || preposition == nil, index > 0, let previous = mentions[..<index].lastIndex(where: { $0.role != nil }),
           mentions[previous].end < start, start - mentions[previous].end <= 10,
           // "in the centre of"; "Erbil, the capital of the Kurdistan Region".
           (mentions[previous].end..<start).contains(where: { tokens[$0].folded == "in" })
            // "the Solomianskyi district of Kyiv".
            || (mentions[previous].end..<start).contains(where: { tokens[$0].folded == "of" })
                && (mentions[previous].end..<start).contains(where: { Self.partNouns.contains(tokens[$0].folded) }),
           (mentions[previous].end..<start).allSatisfy({ Self.containerWords.contains(tokens[$0].folded) || tokens[$0].isPossessive || Self.insideAnchor($0, mentions[..<index]) || tokens[$0].isPunctuation(",") || tokens[$0].isPunctuation("\"") || Lexicon.demonyms[tokens[$0].folded] != nil }) {
            mentions[index].isAnchor = true
            return
        }
        // A list: "X, Y and Z" takes X's role.
        if preposition == nil, cursor >= 0, Cues.coordinators.contains(tokens[cursor].folded),
           let previous = previousListItem(tokens, mentions, before: index, spans: spans), let role = mentions[previous].role {
            mentions[index].role = role
            mentions[index].confidence = max(0.5, mentions[previous].confidence - 0.05)
            mentions[index].cue = "listed after " + mentions[previous].surface
            return
        }
        // The nearest cue to the left within the clause.
        var distance = 0
        var probe = cursor
        var throughFrom = false
        var throughAt = false
        while probe >= 0, distance < window {
            let word = tokens[probe].folded
            // "(12.55pm in Thailand)": a parenthesis is read past, not into.
            if tokens[probe].isPunctuation(")"), let open = (max(0, probe - 12)..<probe).last(where: { tokens[$0].isPunctuation("(") }) {
                distance += 1
                probe = open - 1
                continue
            }
            // ("at what it claimed were": a claim inside the clause, read past.)
            let claimInside = probe >= 2 && ["it", "they", "he", "she"].contains(tokens[probe - 1].folded) && tokens[probe - 2].folded == "what"
            if Cues.clauseBreaks.contains(word) || Cues.phraseBreaks.contains(word) || Lexicon.speechVerbs.contains(word) && distance > 0 && !claimInside { break }
            // "an attack from a base in western Iran": the place is where it came from.
            // "launched from Yemen at facilities in Jeddah": what the launch was at.
            if ["at", "toward", "towards", "against"].contains(word), distance > 0 { throughAt = true }
            if word == "from", distance > 0, !throughAt { throughFrom = true }
            // "the defense ministry in Riyadh": an office, not a defence.
            if Cues.words[word] == .protect, probe + 1 < tokens.count, Cues.officeNouns.contains(tokens[probe + 1].folded) {
                probe -= 1
                distance += 1
                continue
            }
            // "Jane Doe covers the Middle East from Beirut": a reporter's beat.
            // Only a weapon or its range covers a place ("its range covers Israel").
            if Cues.coverWords.contains(word),
               !(max(0, probe - 8)..<probe).contains(where: { Lexicon.weaponWords.contains(tokens[$0].folded) || tokens[$0].folded == "range" }) {
                break
            }
            if let kind = Cues.words[word] {
                // "range" and "reach" take a place only through "of" / "within".
                if word == "range" && preposition != "of" || word == "reach" && preposition != "of" && preposition != nil { probe -= 1; distance += 1; continue }
                // "an Iron Dome battery north of Tel Aviv": where the battery stands.
                if preposition == nil, distance == 0, kind == .presence, Cues.presenceNouns.contains(word), case .relative = mention.shape {
                    mentions[index].role = .launchSite
                    mentions[index].confidence = 0.8
                    mentions[index].cue = tokens[probe].text
                    return
                }
                if preposition == nil && distance > 1 && kind != .harm { break }
                // "X and Y were within reach of Iran": the subject is in reach, Iran is where from.
                if word == "range" || word == "reach" || word == "distance", probe >= 2, tokens[probe - 1].folded == "within" || tokens[probe - 1].folded == "striking",
                   subjectIsPlace(tokens, spans, verbBefore: tokens[probe - 1].folded == "within" ? probe - 2 : probe - 3) {
                    mentions[index].role = .launchSite
                    mentions[index].confidence = 0.7
                    mentions[index].cue = "within " + word + " of"
                    return
                }
                // "hit the depot in Jeddah": a harm verb before a presence noun governs.
                if kind == .presence, Cues.presenceNouns.contains(word), let verb = harmVerb(tokens, before: probe, limit: 16) {
                    mentions[index].role = .target
                    mentions[index].confidence = 0.75
                    mentions[index].cue = verb + " ... " + word
                    return
                }
                // ("from Tu-95 bombers over the Caspian Sea": open water is where they fired from.)
                let seaOver = preposition == "over" && mention.options.first?.place.kind == .sea
                if throughFrom, kind == .harm || kind == .fire, preposition == "in" || preposition == "near" || seaOver {
                    mentions[index].role = .launchSite
                    mentions[index].confidence = 0.7
                    mentions[index].cue = tokens[probe].text + " from"
                    return
                }
                // "flew over Japan": a country flown over is not hit.
                if preposition == "over", ["flew", "overflew", "flying", "flies", "fired", "fires", "fire", "launched", "launches"].contains(word),
                   case .named = mention.shape, mention.options.first?.place.kind == .country {
                    return
                }
                // "the launch complex at X", "a launch pad in X": a place launches are made from.
                let launchPlace = ["launch", "launching"].contains(word) && probe + 1 < tokens.count
                    && Cues.launchPlaceNouns.contains(tokens[probe + 1].folded)
                if Cues.testWords.contains(word) || launchPlace, ["at", "in", "near", "off", "from"].contains(preposition ?? "") {
                    mentions[index].role = .launchSite
                    mentions[index].cue = tokens[probe].text + " " + (preposition ?? "")
                    mentions[index].confidence = distance <= 3 ? 0.85 : 0.75
                    return
                }
                // "vehicles move along a road near X": moving is presence only toward a place.
                // ("moved to the desert near Al-Qaim": toward a place, then where.)
                if Cues.moveWords.contains(word), !Cues.movedToPrepositions.contains(preposition ?? ""),
                   !(probe + 1..<start).contains(where: { Cues.movedToPrepositions.contains(tokens[$0].folded) }) { break }
                // "the attack originated in Iraq": where it came from.
                if Cues.originWords.contains(word), ["in", "from", "inside"].contains(preposition ?? "") {
                    mentions[index].role = .launchSite
                    mentions[index].confidence = distance <= 3 ? 0.85 : 0.75
                    mentions[index].cue = tokens[probe].text + " " + (preposition ?? "")
                    return
                }
                // "sending rockets into northern Israel": sent that way, fired.
                let kind = Cues.sendWords.contains(word) && Cues.sentAtPrepositions.contains(preposition ?? "") ? Cues.Kind.fire : kind
                if let role = Cues.role(kind, preposition: preposition) {
                    mentions[index].role = role
                    mentions[index].cue = tokens[probe].text + (preposition.map { " " + $0 } ?? "")
                    let strength = distance == 0 ? 0.9 : distance <= 3 ? 0.85 : distance <= 7 ? 0.75 : 0.65
                    mentions[index].confidence = strength - (fillers > 3 ? 0.05 : 0)
                    return
                }
                if preposition != nil { break }
            }
            probe -= 1
            distance += 1
        }
        // "Rockets from Gaza have reached Hadera", "missiles from Iran struck": where they came from.
        if preposition == "from", cursor >= 0, Self.projectileNouns.contains(tokens[cursor].folded) {
            mentions[index].role = .launchSite
            mentions[index].confidence = 0.75
            mentions[index].cue = tokens[cursor].text + " from"
            return
        }
        // "In Kiryat Shmona, rockets scored direct hits": a place set before
        // the clause it frames, where something fell or hit.
        if cursor < 0, case .named = mention.shape, mention.options.first?.place.kind != .country,
           ["in", "at", "near"].contains(preposition ?? ""), mention.end < tokens.count, tokens[mention.end].isPunctuation(","),
           let verb = harmAfter(tokens, from: mention.end + 1, limit: 12) {
            mentions[index].role = .target
            mentions[index].confidence = 0.75
            mentions[index].cue = (preposition ?? "") + " ... " + verb
            return
        }
        // Passive or relative clause after the place.
        if let (role, cue) = roleAfter(tokens, mention) {
            mentions[index].role = role
            mentions[index].confidence = 0.75
            mentions[index].cue = cue
            return
        }
        // A list whose first item had a role.
        if cursor >= 0, Cues.coordinators.contains(tokens[cursor].folded) || preposition != nil,
           let previous = previousListItem(tokens, mentions, before: index, spans: spans), let role = mentions[previous].role {
            mentions[index].role = role
            mentions[index].confidence = max(0.5, mentions[previous].confidence - 0.1)
            mentions[index].cue = "listed after " + mentions[previous].surface
        }
    }
}

/// Where a sentence's mentions lie among its tokens, looked up by position
/// (a scan of every mention per token made long lists quadratic). Roles
/// do not move anchors or spans, so it is built once per sentence.
struct MentionSpans {
    /// Per token: the first anchor mention covering it, if any.
    private var anchors: [Int?]
    /// Per token position: whether some mention ends there (its `end`).
    private var ends: [Bool]

    init(_ mentions: [PlaceMention], tokenCount: Int) {
        anchors = [Int?](repeating: nil, count: tokenCount)
        ends = [Bool](repeating: false, count: tokenCount + 1)
        for (index, mention) in mentions.enumerated() {
            if mention.end >= 0, mention.end <= tokenCount { ends[mention.end] = true }
            guard mention.isAnchor else { continue }
            for position in max(0, mention.start)..<min(max(mention.end, mention.start), tokenCount) where anchors[position] == nil {
                anchors[position] = index
            }
        }
    }

    /// The first anchor mention (in mention order) whose tokens include `position`.
    func anchor(covering position: Int) -> Int? {
        anchors.indices.contains(position) ? anchors[position] : nil
    }

    func someMentionEnds(at position: Int) -> Bool {
        ends.indices.contains(position) && ends[position]
    }
}
