import Foundation

/// The words that name what a facility is ("Air Base", "AFB", "Camp",
/// "Nuclear Power Plant", "Cosmodrome", "enrichment facility"), read off a
/// query as a kind: `Natanz enrichment facility` is the name `Natanz` and a
/// wish for a nuclear facility, `Al Dhafra AB` the name `Al Dhafra` and a
/// wish for an air base.
enum FacilityWords {
    /// A query with its facility words taken off.
    struct Reading: Equatable {
        /// The exact key of what is left: the facility's own name.
        var base: [UInt8]
        /// The kinds the facility words ask for (never empty).
        var kinds: Set<PlaceKind>
    }

    private static let air: Set<PlaceKind> = [.airbase, .militarySite, .airport]
    private static let airport: Set<PlaceKind> = [.airport, .airbase, .militarySite]
    private static let army: Set<PlaceKind> = [.armyBase, .militarySite, .airbase]
    private static let naval: Set<PlaceKind> = [.navalBase, .militarySite, .port, .airbase]
    private static let military: Set<PlaceKind> = [.airbase, .armyBase, .navalBase, .missileBase, .militarySite]
    private static let nuclear: Set<PlaceKind> = [.nuclearFacility]
    private static let space: Set<PlaceKind> = [.spaceLaunchSite, .missileBase]
    private static let missile: Set<PlaceKind> = [.missileBase, .spaceLaunchSite]
    private static let energy: Set<PlaceKind> = [.oilGasFacility, .port]
    private static let harbour: Set<PlaceKind> = [.port, .navalBase, .oilGasFacility]
    private static let strait: Set<PlaceKind> = [.strait]
    static let province: Set<PlaceKind> = [.province, .governorate, .region]

    /// Trailing phrases, in folded (exact-key) words, longest first.
    static let suffixes: [(words: [String], kinds: Set<PlaceKind>)] = [
        (["air", "national", "guard", "base"], air), (["air", "reserve", "base"], air),
        (["space", "force", "base"], air.union(space)), (["air", "force", "base"], air),
        (["marine", "corps", "air", "station"], air), (["naval", "air", "station"], air), (["naval", "air", "facility"], air),
        (["army", "air", "field"], air), (["army", "airfield"], air),
        (["air", "base"], air), (["airbase"], air), (["air", "station"], air), (["air", "field"], air), (["airfield"], air),
        (["afb"], air), (["ab"], air), (["angb"], air), (["arb"], air), (["sfb"], air.union(space)),
        (["international", "airport"], airport), (["intl", "airport"], airport), (["intl"], airport),
        (["international"], airport), (["airport"], airport),
        (["naval", "support", "activity"], naval), (["naval", "support", "facility"], naval),
        (["naval", "station"], naval), (["naval", "base"], naval), (["naval", "facility"], naval), (["navy", "base"], naval),
        (["army", "base"], army), (["military", "base"], military), (["garrison"], army), (["base"], military),
        (["nuclear", "power", "plant"], nuclear), (["nuclear", "power", "station"], nuclear), (["npp"], nuclear),
        (["fuel", "enrichment", "plant"], nuclear), (["enrichment", "facility"], nuclear), (["enrichment", "plant"], nuclear),
        (["enrichment", "site"], nuclear), (["uranium", "conversion", "facility"], nuclear),
        (["nuclear", "research", "center"], nuclear), (["nuclear", "research", "centre"], nuclear),
        (["nuclear", "test", "site"], nuclear), (["nuclear", "facility"], nuclear), (["nuclear", "site"], nuclear),
        (["nuclear", "complex"], nuclear), (["nuclear", "plant"], nuclear), (["nuclear", "reactor"], nuclear),
        (["heavy", "water", "reactor"], nuclear), (["reactor"], nuclear), (["test", "site"], nuclear.union(missile)),
        (["satellite", "launch", "center"], space), (["satellite", "launching", "station"], space),
        (["satellite", "launching", "ground"], space), (["space", "center"], space), (["space", "centre"], space),
        (["spaceport"], space), (["cosmodrome"], space), (["launch", "complex"], space), (["launch", "site"], space),
        (["missile", "base"], missile), (["missile", "site"], missile), (["missile", "complex"], missile),
        (["missile", "range"], missile), (["test", "range"], missile),
        (["oil", "terminal"], energy), (["lng", "terminal"], energy), (["gas", "plant"], energy),
        (["oil", "processing", "facility"], energy), (["processing", "facility"], energy), (["refinery"], energy),
        (["oil", "field"], energy), (["terminal"], energy),
        (["port"], harbour), (["harbour"], harbour), (["harbor"], harbour),
        (["strait"], strait), (["straits"], strait),
        // Not facilities, but the same reading: "Kursk Oblast" is the province Kursk.
        (["oblast"], province), (["province"], province), (["governorate"], province), (["region"], province),
        (["krai"], province), (["prefecture"], province),
    ].map { (words: $0.0, kinds: $0.1) }

    /// Leading phrases ("Camp Arifjan", "RAF Akrotiri", "Port of Jebel Ali").
    static let prefixes: [(words: [String], kinds: Set<PlaceKind>)] = [
        (["joint", "base"], military), (["naval", "support", "activity"], naval), (["naval", "station"], naval),
        (["naval", "air", "station"], air), (["raaf", "base"], air), (["port", "of"], harbour), (["strait", "of"], strait),
        (["straits", "of"], strait), (["camp"], army), (["fort"], army), (["raf"], air), (["raaf"], air), (["rcaf"], air),
        (["mcas"], air), (["nas"], air), (["naf"], air), (["nsa"], naval), (["jb"], military),
    ].map { (words: $0.0, kinds: $0.1) }

    /// `suffixes` by their last word, longest first.
    static let suffixesByLastWord = Dictionary(grouping: suffixes, by: { $0.words[$0.words.count - 1] })
    /// `prefixes` by their first word, longest first.
    static let prefixesByFirstWord = Dictionary(grouping: prefixes, by: { $0.words[0] })

    /// Endings airport datasets give a field's name, as folded bytes
    /// (`airportsdata`: "Kabul International Airport", "Minot Afb Airport").
    static let airportForms: [[UInt8]] = [
        " airport", " international airport", " air base", " airbase", " afb airport", " ab airport", " airfield",
        " army airfield", " air station",
    ].map { Array($0.utf8) }

    /// The query's own name and the kinds its facility words ask for, or nil
    /// when it has none (or nothing would be left of it).
    /// - Complexity: a set lookup of the first and last word for a name
    ///   without facility words (most names); a scan of the phrases ending
    ///   (or starting) with such a word otherwise.
    static func reading(ofExactKey key: [UInt8]) -> Reading? {
        var words = String(decoding: key, as: UTF8.self).split(separator: " ").map(String.init)
        guard let last = words.last, let first = words.first,
              suffixesByLastWord[last] != nil || prefixesByFirstWord[first] != nil else { return nil }
        var kinds = Set<PlaceKind>()
        var changed = true
        while changed, words.count > 1 {
            changed = false
            // "Abu Dhabi-Al Dhafra AB Airport": several trailing words in turn.
            for suffix in suffixesByLastWord[words[words.count - 1]] ?? []
            where words.count > suffix.words.count && words.suffix(suffix.words.count).elementsEqual(suffix.words) {
                words.removeLast(suffix.words.count)
                if kinds.isEmpty { kinds = suffix.kinds }
                changed = true
                break
            }
            for prefix in prefixesByFirstWord[words[0]] ?? []
            where words.count > prefix.words.count && words.prefix(prefix.words.count).elementsEqual(prefix.words) {
                words.removeFirst(prefix.words.count)
                if kinds.isEmpty { kinds = prefix.kinds }
                changed = true
                break
            }
        }
        guard !kinds.isEmpty, !words.isEmpty else { return nil }
        return Reading(base: Array(words.joined(separator: " ").utf8), kinds: kinds)
    }

    /// The exact key of a place name without its facility words ("Kunsan
    /// Air Base" -> "kunsan"), or the whole key when it has none.
    static func baseKey(ofName name: String) -> [UInt8] {
        let key = Folding.exactKey(name)
        return reading(ofExactKey: key)?.base ?? key
    }
}
