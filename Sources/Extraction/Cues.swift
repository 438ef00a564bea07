/// Cue words that give a place its role, and the rules combining a cue
/// with the preposition before the place.
///
/// "deployed to X", "factories in X", "fired from X" make X a launch site;
/// "capable of hitting X", "within range of X", "strikes on X", "attacked X",
/// "threaten X", "fired at X" make X a target.
enum Cues {
    /// What a cue word says about the place it governs.
    enum Kind: Sendable {
        /// Being somewhere: deployed, based, factories, moved to.
        case presence
        /// Firing: "from X" is a launch site, "at X" a target.
        case fire
        /// Hitting or threatening: X is a target ("from X" a launch site).
        case harm
        /// Protecting: the defended place is where the defence stands.
        case protect
    }

    static let words: [String: Kind] = {
        var table = [String: Kind]()
        for word in [
            "deployed", "deploy", "deploys", "deploying", "deployment", "deployments", "redeployed", "stationed",
            "positioned", "based", "installed", "placed", "stored", "stockpiled", "stockpiles", "stockpile",
            "hidden", "hid", "moved", "move", "moves", "moving", "transferred", "transfer", "transfers",
            "transferring", "delivered", "deliver", "delivering", "delivery", "deliveries", "shipped", "shipping",
            "shipment", "shipments", "sent", "sending", "smuggled", "smuggling", "supplied", "supplying",
            "handed", "built", "build", "building", "builds", "factories", "factory", "plants", "workshops",
            "workshop", "produce", "produced", "producing", "production", "manufacture", "manufactured",
            "manufacturing", "assembled", "assembling", "assembly", "launchers", "batteries", "battery",
            "arrived", "brought", "bring", "headquartered", "garrisoned", "sites", "silos", "depots", "depot",
            "warehouses", "warehouse", "tunnels", "caches", "cache", "stationing", "introduced", "set",
        ] { table[word] = .presence }
        for word in [
            "fired", "fire", "fires", "firing", "launched", "launch", "launches", "launching", "lobbed",
            "shot", "shoot", "shooting", "salvo", "salvos", "barrage", "barrages",
            // "came from the direction of Lebanon": where it was fired from.
            "came", "originated", "originating", "emanated",
            // Tokens fold hyphens to spaces: "test-fired" is "test fired".
            "test fired", "test fire", "test fires", "test firing", "test launched", "test launch", "test launches",
            "tested", "flight tested", "test flown", "test flew",
        ] { table[word] = .fire }
        for word in [
            "attack", "attacks", "attacked", "attacking", "strike", "strikes", "struck", "striking", "hit",
            "airstrike", "airstrikes",
            "hits", "hitting", "target", "targets", "targeted", "targeting", "targetting", "threaten",
            "threatens", "threatened", "threatening", "threat", "shelled", "shelling", "bombed", "bombing",
            "bombings", "bombarded", "bombardment", "raid", "raids", "raided", "reach", "reaches", "reaching", "reached",
            "reachable", "range", "landed", "land", "lands", "landing", "fell", "impacted", "exploded",
            "crashed", "intercepted", "downed", "assault", "assaults", "aimed", "aiming", "destroyed", "destroy",
            "damaged", "pounded", "pounding", "blasts", "explosions", "explosion", "hitting", "retaliation",
            "retaliate", "retaliated", "rained", "slammed", "devastate", "wipe", "obliterate", "menace",
            "endanger", "endangers", "imperil", "covers", "cover", "covering", "flew", "overflew",
        ] { table[word] = .harm }
        for word in ["protect", "protects", "protecting", "protection", "defend", "defends", "defending", "defence", "defense", "shield", "shielding"] {
            table[word] = .protect
        }
        return table
    }()

    /// Test launches: where they happen ("test-fired at Abdul Kalam
    /// Island", "tested in the Arabian Sea") is where they are fired from.
    static let testWords: Set<String> = [
        "test fired", "test fire", "test fires", "test firing", "test launched", "test launch", "test launches",
        "tested", "flight tested", "test flown", "test flew",
    ]

    /// Common nouns of open water: "into waters around Taiwan", "off the
    /// coast of X" name an impact area near the place, not the place.
    static let openWaterNouns: Set<String> = ["waters", "water", "coast", "sea", "seas", "coastline"]

    /// What follows "launch" in a place launches are made from ("the launch
    /// complex at X", "a launch pad in X").
    static let launchPlaceNouns: Set<String> = ["complex", "pad", "pads", "site", "sites", "facility", "area", "station", "center", "centre"]

    /// Verbs of sending: "sent missiles to Russia" is a transfer (presence),
    /// "sending rockets into northern Israel" fire (`sentAtPrepositions`).
    static let sendWords: Set<String> = ["sent", "sending", "send", "sends"]
    static let sentAtPrepositions: Set<String> = ["into", "at", "toward", "towards", "against"]

    /// Verbs of moving: a presence cue only toward a place ("moved missiles
    /// to Crimea"), not along it ("vehicles move along a road near X").
    static let moveWords: Set<String> = ["moved", "move", "moves", "moving"]
    static let movedToPrepositions: Set<String> = ["to", "into", "toward", "towards", "closer"]

    /// Offices named after defence: "the defense ministry in Riyadh".
    static let officeNouns: Set<String> = ["ministry", "minister", "ministers", "department", "secretary", "official", "officials", "spokesman", "spokesperson", "chief", "council", "attache"]

    /// Where an attack came from: "originated in Iraq" is a launch site.
    static let originWords: Set<String> = ["originated", "originating", "emanated", "emanating"]

    /// "its range covers Israel": a cue only after a weapon or its range.
    static let coverWords: Set<String> = ["covers", "cover", "covering"]

    /// "near the border with Lebanon": the neighbour only says where.
    static let borderNouns: Set<String> = ["border", "borders", "frontier", "boundary"]

    /// "Belarus hosts Russian launchers": the host is where they stand.
    static let hostVerbs: Set<String> = ["hosts", "hosted", "host", "houses", "housed", "hosting"]

    /// Owners before "of": "the Armed Forces of Ukraine", "the Ministry of
    /// Defence of Russia" name an institution, not a place with a role.
    static let ownerNouns: Set<String> = ["forces", "army", "navy", "ministry", "government", "military", "president", "minister", "embassy", "consulate"]

    /// Prepositions between a cue and a place.
    static let prepositions: Set<String> = [
        "to", "in", "at", "near", "from", "into", "inside", "around", "outside", "across", "on", "onto",
        "toward", "towards", "against", "over", "of", "throughout", "within", "upon", "off", "by", "between",
    ]

    /// Words that may stand between a preposition and the place ("in the
    /// Iraqi city of Karbala", "at the U.S.-led coalition's Ain al-Asad base").
    static let fillers: Set<String> = [
        "the", "a", "an", "its", "their", "his", "her", "city", "town", "village", "province", "governorate",
        "region", "capital", "base", "air", "airbase", "airfield", "area", "areas", "outskirts", "vicinity",
        "port", "northern", "southern", "eastern", "western", "central", "us", "u s", "american", "military",
        "camp", "facility", "facilities", "compound", "district", "neighbourhood", "neighborhood", "suburb",
        "suburbs", "heart", "centre", "center", "part", "parts", "edge", "parts of", "saudi", "israeli",
        "iraqi", "syrian", "iranian", "lebanese", "yemeni", "ukrainian", "russian", "korean", "kurdish",
        "coalition", "coalitions", "led", "us led", "embassy", "territory", "port city", "coastal", "holy",
        "shrine", "oil", "industrial", "border", "key", "strategic", "major", "big", "large", "small",
        "nearby", "neighbouring", "neighboring", "occupied", "annexed", "disputed", "island", "islands",
        "peninsula", "regions", "cities", "towns", "both", "either", "all", "several", "some", "other",
        "direction", "another", "community", "communities", "kibbutz", "moshav", "settlement", "complex", "launch complex", "pad",
        "stronghold", "strongholds", "bastion", "heartland",
    ]

    /// Words that end the search for a cue to the left: a new clause.
    static let clauseBreaks: Set<String> = [";", ":", "(", ")", "but", "while", "whereas", "although", "though", "because"]

    /// Words that start a new phrase the cue before them does not reach into:
    /// "launched rockets at Israel since the start of the war in Gaza".
    static let phraseBreaks: Set<String> = ["since", "amid", "following", "during", "until", "despite", "after", "before"]

    /// Joiners of a list of places ("X, Y and Z").
    static let coordinators: Set<String> = [",", "and", "or", "as well as", "plus", "&", "including", "notably", "especially", "such", "as"]

    /// Presence cues that are nouns ("the factory in X"): a harm or fire
    /// verb before them in the clause governs the place instead ("hit the
    /// depot in Jeddah").
    static let presenceNouns: Set<String> = [
        "factories", "factory", "plants", "workshops", "workshop", "production", "launchers", "batteries",
        "battery", "sites", "silos", "depots", "depot", "warehouses", "warehouse", "tunnels", "caches", "cache",
        "deployment", "deployments", "delivery", "deliveries", "shipment", "shipments", "assembly", "stockpiles", "stockpile",
        "building", "buildings",
    ]

    /// Words that may follow a place before a cue verb whose subject it is
    /// ("Iran has moved", "Hezbollah also fired").
    static let auxiliaries: Set<String> = [
        "has", "had", "have", "is", "was", "were", "are", "will", "would", "could", "can", "may", "might",
        "also", "then", "now", "reportedly", "allegedly", "recently", "again", "already", "on", "last",
        "itself", "which", "who", "has been", "been", "previously", "repeatedly", "quickly", "secretly", "in", "turn",
        "not", "never", "ever", "first", "later", "had", "already",
    ]

    /// The role a cue of `kind` gives through `preposition` (nil: none, as
    /// with "moved from X", the origin of a transfer).
    static func role(_ kind: Kind, preposition: String?) -> PlaceRole? {
        switch (kind, preposition) {
        case (.presence, nil): return nil
        case (.presence, "from"?), (.presence, "of"?), (.presence, "by"?), (.presence, "off"?): return nil
        case (.presence, _): return .launchSite
        case (.fire, nil): return nil
        case (.fire, "from"?): return .launchSite
        case (.fire, "of"?), (.fire, "by"?): return nil
        case (.fire, _): return .target
        case (.harm, "from"?): return .launchSite
        case (.harm, "by"?): return nil
        case (.harm, _): return .target
        case (.protect, "from"?), (.protect, "against"?): return nil
        case (.protect, _): return .launchSite
        }
    }

    /// Words after a place that make it the object of a harm in the passive:
    /// "Erbil was hit", "the base came under rocket fire".
    static let passiveHarm: Set<String> = [
        "hit", "attacked", "struck", "targeted", "shelled", "bombed", "bombarded", "raided", "pounded",
        "damaged", "rocketed", "threatened", "within",
    ]
}
