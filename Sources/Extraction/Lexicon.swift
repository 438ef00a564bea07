/// The curated word lists behind extraction: who is a person or an
/// organisation rather than a place, which capitalised words are ordinary
/// English, demonyms, compass words and the cue words of roles.
///
/// Entries are lowercase, ASCII-folded, words joined by single spaces
/// (hyphens as spaces, apostrophes dropped), like `Lexicon.fold`.
enum Lexicon {
    /// Lowercases and folds a phrase the way the lists are written: hyphens
    /// and runs of spaces to one space, apostrophes dropped.
    static func fold(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text.lowercased() {
            if character == "'" || character == "\u{2019}" || character == "." { continue }
            if character == " " || character == "-" || character == "\n" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(character)
        }
        return out
    }

    // MARK: not places

    /// People and organisations whose names contain or equal place names.
    /// Matched as whole token sequences (longest first); a match is never a place.
    /// The first words of `organisationsAndPeople`: a span starting with
    /// any other word names none of them.
    static let organisationFirstWords: Set<String> = Set(organisationsAndPeople.map { String($0.prefix { $0 != " " }) })

    static let organisationsAndPeople: Set<String> = [
        // Armed groups and forces
        "quds force", "al quds force", "quds forces", "qods force", "quds brigades", "al quds brigades",
        "qassam brigades", "al qassam brigades", "izz ad din al qassam brigades",
        "hezbollah", "hizbollah", "hizballah", "hezbollah brigades", "kataib hezbollah", "kataib hizbollah",
        "kata ib hezbollah", "kataeb hezbollah", "kataib sayyid al shuhada", "harakat al nujaba", "nujaba",
        "asaib ahl al haq", "asaib ahl al hak", "badr organisation", "badr organization", "badr brigade", "badr",
        "popular mobilisation forces", "popular mobilization forces", "popular mobilisation units",
        "popular mobilization units", "popular mobilization", "popular mobilisation", "hashd al shaabi", "hashd",
        "pmf", "pmu", "revolutionary guards", "revolutionary guard", "revolutionary guard corps",
        "islamic revolutionary guard corps", "islamic revolutionary guards corps", "irgc", "irgc aerospace force",
        "aerospace force", "basij", "houthi", "houthis", "houthi movement", "ansar allah", "ansarallah", "hamas",
        "islamic jihad", "palestinian islamic jihad", "islamic state", "isis", "isil", "daesh", "al qaeda",
        "al qaida", "taliban", "peshmerga", "pkk", "ypg", "sdf", "syrian democratic forces", "wagner", "wagner group",
        "hayat tahrir al sham", "free syrian army", "al shabaab", "saraya awliya al dam", "ashab al kahf",
        "islamic resistance in iraq", "the islamic resistance in iraq", "radwan force", "iron dome",
        // Institutions
        "pentagon", "white house", "kremlin", "state department", "defence ministry", "defense ministry",
        "foreign ministry", "interior ministry", "national security council", "security council", "united nations",
        "un", "nato", "european union", "eu", "iaea", "cia", "mossad", "idf", "israel defense forces",
        "israel defence forces", "central command", "centcom", "us central command", "joint chiefs of staff",
        "congress", "senate", "parliament", "knesset", "majlis", "supreme leader", "politburo", "workers party",
        "korean peoples army", "kpa", "joint chiefs", "air force", "navy", "army", "marine corps", "marines",
        "coalition", "saudi led coalition", "us led coalition", "international coalition", "operation inherent resolve",
        "gulf cooperation council", "gcc", "arab league", "opec", "red cross", "human rights watch", "amnesty international",
        // News organisations and agencies
        "reuters", "associated press", "ap", "afp", "agence france presse", "bbc", "cnn", "al jazeera", "al arabiya",
        "fars", "fars news", "fars news agency", "tasnim", "tasnim news", "irna", "isna", "mehr", "mehr news", "press tv",
        "kcna", "korean central news agency", "yonhap", "tass", "ria novosti", "interfax", "sana", "spa",
        "saudi press agency", "al masirah", "al manar", "new york times", "washington post", "wall street journal",
        "financial times", "bloomberg", "csis", "iiss", "janes", "rudaw", "kurdistan 24", "ukrainska pravda",
        "times of israel", "haaretz", "ynet", "middle east eye", "the guardian", "guardian", "the times",
        // People
        "soleimani", "qassem soleimani", "qasem soleimani", "qassim soleimani", "qassem suleimani", "suleimani",
        "abu mahdi al muhandis", "muhandis", "al muhandis", "nasrallah", "hassan nasrallah", "khamenei",
        "ali khamenei", "rouhani", "hassan rouhani", "raisi", "ebrahim raisi", "pezeshkian", "zarif", "araqchi",
        "hajizadeh", "amir ali hajizadeh", "salami", "hossein salami", "bagheri", "qaani", "esmail qaani",
        "trump", "donald trump", "biden", "joe biden", "obama", "pompeo", "mike pompeo", "esper", "mark esper",
        "austin", "lloyd austin", "mattis", "blinken", "kirby", "milley", "mckenzie", "kim jong un", "kim jong il",
        "kim yo jong", "kim", "moon jae in", "yoon suk yeol", "yoon", "abe", "kishida", "putin", "vladimir putin",
        "zelenskiy", "zelensky", "volodymyr zelenskiy", "volodymyr zelensky", "shoigu", "gerasimov", "medvedev",
        "netanyahu", "benjamin netanyahu", "gallant", "bennett", "lapid", "gantz", "mohammed bin salman",
        "bin salman", "mbs", "salman", "abdul malik al houthi", "yahya saree", "yahya sarea", "saree",
        "mohammed abdulsalam", "al kadhimi", "kadhimi", "mustafa al kadhimi", "al sudani", "sudani", "abdul mahdi",
        "adel abdul mahdi", "al sadr", "muqtada al sadr", "sadr", "hadi al amiri", "amiri", "qais al khazali",
        "khazali", "assad", "bashar al assad", "erdogan", "sisi", "abdullah", "king abdullah", "macron", "scholz",
        "sunak", "johnson", "boris johnson", "guterres", "grossi", "stoltenberg", "rutte", "shamkhani",
        "saddam", "saddam hussein", "hussein", "turki al maliki", "al maliki", "maliki", "nouri al maliki",
        // Religious and ethnic groups, languages (capitalised, never places here)
        "shiite", "shiites", "shia", "shii", "sunni", "sunnis", "muslim", "muslims", "christian", "christians",
        "jew", "jews", "jewish", "arab", "arabs", "arabic", "persian", "persians", "farsi", "kurd", "kurds",
        "kurdish", "yazidi", "yazidis", "turkmen", "druze", "alawite", "alawites", "western", "westerners",
        "eastern", "northern", "southern", "islamic", "zionist", "allah", "god", "imam", "ayatollah",
        "ashura", "ramadan", "eid", "nowruz", "christmas", "easter",
    ]

    /// Words that mark the following capitalised words as a person's name.
    static let personTitles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "vice president", "prime minister",
        "minister", "general", "gen", "lt", "lieutenant", "col", "colonel", "maj", "major", "brig", "brigadier",
        "sgt", "sergeant", "capt", "captain", "cmdr", "commander", "admiral", "adm", "marshal", "sheikh",
        "shaikh", "sheik", "ayatollah", "imam", "king", "queen", "prince", "crown prince", "emir", "sultan",
        "sayyed", "sayyid", "haj", "hajj", "secretary", "senator", "sen", "rep", "representative", "gov",
        "governor", "mayor", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "chief",
        "leader", "chairman", "director", "analyst", "researcher", "journalist", "correspondent", "cleric",
        "pope", "saint", "lord", "sir", "dame", "judge", "justice", "officer", "official", "soldier",
    ]

    /// Verbs that, right after a name, make it the speaker or actor:
    /// "Tehran said", "Soleimani told".
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "warned", "warns", "announced", "announces",
        "claimed", "claims", "denied", "denies", "stated", "states", "reported", "reports", "confirmed",
        "confirms", "tweeted", "wrote", "writes", "insisted", "argued", "acknowledged", "declined",
        "accused", "accuses", "blamed", "blames", "condemned", "condemns", "vowed", "vows", "threatened",
        "urged", "urges", "asked", "asks", "responded", "responds", "believes", "believed", "thinks",
        "has said", "has warned", "has denied", "would", "will", "wants", "wanted", "sought", "seeks",
        "decided", "agreed", "ordered", "orders", "retaliated", "retaliates", "sanctioned", "imposed",
        "signed", "welcomed", "rejected", "rejects", "called", "calls", "hopes", "hoped", "fears", "feared",
    ]

    /// Months and weekdays (several are place names somewhere).
    static let calendarWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "yesterday", "tomorrow",
    ]

    /// Ordinary English words that are also names of weapon systems or their
    /// reporting names ("Dagger", "Satan", "Tomahawk", "Arrow"): such an alias
    /// names a system only with a weapon word after it.
    static let ordinaryWords: Set<String> = [
        "arrow", "bastion", "dagger", "dome", "eagle", "falcon", "flamingo", "gargoyle", "gauntlet", "greyhound",
        "grizzly", "growler", "hail", "hammer", "harpoon", "hawk", "hellfire", "hurricane", "javelin", "kent",
        "killjoy", "kitchen", "kodiak", "lance", "lancet", "lightning", "magic wand", "meteor", "neptune", "onyx",
        "patriot", "rampage", "satan", "scarab", "screwdriver", "shadow", "shield", "sickle", "skiff", "skyfall",
        "sling", "southpaw", "spear", "stinger", "stone", "storm", "strobile", "stunner", "sword", "thunder",
        "tomahawk", "tornado", "trident", "triumph", "typhoon", "vanguard", "volcano", "zircon", "prometheus", "avenger",
        "reaper", "predator", "vampire",
    ]

    /// Ordinary English words that gazetteers also hold as place names: a
    /// capitalised one counts as a place only in a name context ("the town
    /// of Hope") or inside a longer name.
    static let commonWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "of", "in", "on", "at", "to", "for", "from", "by", "with",
        "as", "is", "was", "are", "were", "be", "been", "it", "its", "this", "that", "these", "those", "he",
        "she", "they", "we", "you", "i", "his", "her", "their", "our", "your", "who", "what", "when", "where",
        "why", "how", "which", "while", "after", "before", "since", "until", "during", "over", "under", "about",
        "above", "below", "between", "into", "through", "across", "against", "among", "around", "near", "off",
        "up", "down", "out", "all", "any", "both", "each", "few", "many", "more", "most", "other", "some",
        "such", "no", "not", "only", "own", "same", "so", "than", "too", "very", "can", "will", "just", "now",
        "then", "there", "here", "also", "still", "even", "yet", "again", "once", "one", "two", "three",
        "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third", "last", "next",
        "new", "old", "big", "small", "long", "short", "high", "low", "good", "bad", "great", "little",
        "early", "late", "young", "major", "minor", "military", "missile", "missiles", "rocket", "rockets",
        "attack", "attacks", "strike", "strikes", "war", "peace", "base", "bases", "camp", "city", "town",
        "village", "port", "airport", "border", "frontier", "capital", "province", "region", "state", "district",
        "county", "island", "islands", "bay", "gulf", "sea", "ocean", "river", "lake", "mount", "mountain",
        "valley", "desert", "plain", "hill", "hills", "beach", "coast", "cape", "point", "rock", "spring",
        "springs", "wells", "well", "falls", "fort", "union", "liberty", "independence", "victory", "freedom",
        "hope", "unity", "harmony", "concord", "friendship", "progress", "paradise", "eden", "zion", "nazareth",
        "reading", "bath", "nice", "split", "mobile", "deal", "police", "man", "men", "woman", "women", "buy",
        "sale", "sales", "born", "given", "says", "said", "officials", "official", "sources", "source", "news",
        "report", "reports", "story", "press", "media", "government", "forces", "force", "troops", "soldiers",
        "people", "world", "country", "nation", "national", "international", "security", "defence", "defense",
        "intelligence", "ministry", "minister", "president", "general", "commander", "leader", "army", "navy",
        "guard", "guards", "brigade", "brigades", "division", "corps", "unit", "units", "group", "groups",
        "party", "movement", "resistance", "front", "alliance", "council", "committee", "office", "agency",
        "service", "services", "department", "center", "centre", "house", "home", "hall", "church", "mosque",
        "school", "university", "college", "hospital", "market", "square", "street", "road", "bridge",
        "station", "tower", "park", "garden", "gardens", "field", "fields", "farm", "mill", "mills", "lane",
        "grove", "green", "white", "black", "red", "blue", "yellow", "brown", "gray", "grey", "gold", "golden",
        "silver", "iron", "stone", "sand", "salt", "oil", "gas", "power", "energy", "water", "fire", "ice",
        "snow", "rain", "wind", "storm", "thunder", "sun", "moon", "star", "stars", "sky", "day", "night",
        "morning", "evening", "week", "month", "year", "years", "time", "times", "hour", "hours", "minute",
        "minutes", "moment", "end", "start", "begin", "open", "close", "closed", "free", "fair", "fine",
        "plenty", "pleasant", "mission", "ministry", "may", "march", "august", "june", "july", "april",
        "christmas", "easter", "sunday", "monday", "friday", "memorial", "central", "north", "south", "east",
        "west", "northern", "southern", "eastern", "western", "middle", "upper", "lower", "inner", "outer",
        "grand", "royal", "imperial", "republic", "democratic", "popular", "federal", "islamic", "arab",
        "american", "english", "french", "german", "spanish", "italian", "british", "european", "african",
        "asian", "pacific", "atlantic", "indian", "chinese", "russian", "iranian", "iraqi", "syrian",
        "however", "meanwhile", "moreover", "although", "though", "because", "despite", "according", "earlier",
        "later", "recently", "already", "never", "always", "often", "sometimes", "perhaps", "maybe", "yes",
        "ok", "okay", "mr", "mrs", "dr", "sir", "lord", "king", "queen", "prince", "princess", "saint", "st",
        "fallen", "launch", "launcher", "launchers", "battery", "batteries", "system", "systems", "range",
        "ranges", "drone", "drones", "ballistic", "cruise", "nuclear", "weapons", "weapon", "arms",
        "factory", "factories", "site", "sites", "area", "areas", "zone", "zones", "line", "lines", "target",
        "targets", "threat", "threats", "warning", "enemies", "enemy", "allies", "ally", "proxies", "proxy",
        "militia", "militias", "fighters", "rebels", "insurgents", "exclusive", "update", "breaking",
        "analysis", "opinion", "editorial", "photo", "video", "reporting", "editing", "writing", "additional",
        "senior", "junior", "former", "current", "acting", "deputy", "chief", "head", "top", "key", "main",
        "local", "regional", "foreign", "domestic", "public", "private", "secret", "special", "several",
        "certain", "various", "multiple", "dozens", "hundreds", "thousands", "millions", "half", "quarter",
        "total", "heavy", "light", "fast", "slow", "quick", "rapid", "sudden", "major", "shortly", "asked",
        "much", "must", "should", "would", "could", "might", "shall", "did", "does", "do", "done", "has",
        "have", "had", "get", "got", "make", "made", "take", "took", "come", "came", "go", "went", "see",
        "saw", "know", "knew", "think", "thought", "look", "want", "give", "use", "find", "tell", "ask",
        "work", "seem", "feel", "try", "leave", "call", "keep", "let", "put", "mean", "become", "show",
        "hear", "play", "run", "move", "live", "believe", "hold", "bring", "happen", "write", "provide",
        "sit", "stand", "lose", "pay", "meet", "include", "continue", "set", "learn", "change", "lead",
        "understand", "watch", "follow", "stop", "create", "speak", "read", "allow", "add", "spend", "grow",
        "offer", "remember", "love", "consider", "appear", "wait", "serve", "die", "send", "expect", "build",
        "stay", "fall", "cut", "reach", "kill", "remain", "suggest", "raise", "pass", "sell", "require",
        "decide", "pull", "return", "explain", "develop", "carry", "break", "receive", "agree", "support",
        "hit", "produce", "eat", "cover", "catch", "draw", "choose", "cause", "point", "listen", "realize",
        "place", "close", "involve", "increase", "plan", "win", "lie", "join", "reduce", "establish",
        "state", "level", "order", "side", "kind", "head", "case", "fact", "lot", "book", "word", "job",
        "business", "issue", "member", "law", "car", "name", "idea", "body", "information", "back", "parent",
        "face", "others", "war", "history", "art", "result", "change", "reason", "research", "girl", "guy",
        "food", "boy", "age", "policy", "process", "music", "market", "sense", "product", "effort", "land",
        "view", "rate", "role", "value", "model", "mind", "light", "voice", "action", "rule", "field",
        "paper", "space", "ground", "form", "event", "matter", "center", "couple", "site", "project",
        "activity", "star", "table", "need", "court", "class", "control", "care", "film", "heart", "risk",
        "dark", "lake", "victory", "bridge", "crown", "eagle", "lion", "lions", "falcon", "hawk", "wolf",
        "dragon", "tiger", "bear", "fox", "deer", "buffalo", "horse", "dog", "cat", "bird", "fish", "sword",
        "shield", "arrow", "spear", "storm", "thunderbolt", "lightning", "justice", "truth", "faith",
        "grace", "mercy", "glory", "honor", "honour", "pride", "trust", "charity", "patience", "prudence",
        "modesty", "joy", "dawn", "sunrise", "sunset", "rainbow", "ida", "irene", "florence", "victoria",
        "elizabeth", "georgia", "jordan", "chad", "niger", "guinea", "turkey", "china", "japan",
    ]

    /// Countries that are also ordinary words or names and count as places
    /// only when written as a place ("in Jordan", "Turkey's border").
    static let ambiguousCountryWords: Set<String> = ["jordan", "chad", "turkey", "china", "japan", "georgia", "niger", "guinea"]

    /// Name particles that may start a place name in lower case ("al-Zafaraniya").
    static let nameParticles: Set<String> = [
        "al", "el", "as", "ash", "ad", "adh", "an", "ar", "at", "ath", "az", "ad", "ibn", "bin", "abu", "um",
        "umm", "ain", "ayn", "tel", "tell", "jebel", "jabal", "wadi", "ras", "bab", "bir", "deir", "dayr",
        "kafr", "beit", "bayt", "qasr", "khan", "tal", "de", "la", "le", "los", "las", "san", "santa", "st",
    ]

    /// Lowercase words allowed inside a multi-word place name.
    static let innerNameWords: Set<String> = [
        "al", "el", "as", "ash", "ad", "an", "ar", "at", "az", "of", "the", "de", "la", "le", "du", "des",
        "di", "da", "do", "dos", "del", "bin", "ibn", "bint", "abu", "um", "umm", "and", "on", "upon", "sur",
        "am", "an der", "im", "van", "von", "y", "e",
    ]

    /// Words after a name that mark it as a person ("Soleimani, who", "Hadi al-Amiri, a commander").
    static let personFollowers: Set<String> = ["who", "whom", "whose", "himself", "herself", "jr", "sr"]

    // MARK: demonyms

    /// Adjectives and plurals of nationality, with the country they name.
    static let demonyms: [String: String] = [
        "iraqi": "IQ", "iraqis": "IQ", "iranian": "IR", "iranians": "IR", "syrian": "SY", "syrians": "SY",
        "lebanese": "LB", "israeli": "IL", "israelis": "IL", "palestinian": "PS", "palestinians": "PS",
        "saudi": "SA", "saudis": "SA", "yemeni": "YE", "yemenis": "YE", "jordanian": "JO", "kuwaiti": "KW",
        "emirati": "AE", "emiratis": "AE", "qatari": "QA", "bahraini": "BH", "omani": "OM", "egyptian": "EG",
        "turkish": "TR", "turks": "TR", "afghan": "AF", "pakistani": "PK", "indian": "IN", "chinese": "CN",
        "japanese": "JP", "russian": "RU", "russians": "RU", "ukrainian": "UA", "ukrainians": "UA",
        "belarusian": "BY", "american": "US", "americans": "US", "british": "GB", "french": "FR",
        "german": "DE", "polish": "PL", "korean": "KR", "north korean": "KP", "north koreans": "KP",
        "south korean": "KR", "south koreans": "KR", "us": "US", "usa": "US", "uk": "GB", "taiwanese": "TW", "azerbaijani": "AZ", "armenian": "AM",
        "georgian": "GE", "libyan": "LY", "sudanese": "SD", "somali": "SO", "eritrean": "ER", "djiboutian": "DJ",
        "ethiopian": "ET", "cypriot": "CY", "greek": "GR", "italian": "IT", "spanish": "ES",
    ]

    /// Common short names of countries that gazetteers spell differently.
    static let countryNames: [String: String] = [
        "us": "US", "usa": "US", "united states": "US", "america": "US", "uk": "GB", "britain": "GB",
        "great britain": "GB", "united kingdom": "GB", "north korea": "KP", "dprk": "KP", "south korea": "KR",
        "russia": "RU", "iran": "IR", "syria": "SY", "uae": "AE", "united arab emirates": "AE", "emirates": "AE",
        "saudi arabia": "SA", "the kingdom": "SA", "israel": "IL", "lebanon": "LB", "iraq": "IQ", "yemen": "YE",
        "ukraine": "UA", "kuwait": "KW", "qatar": "QA", "bahrain": "BH", "oman": "OM", "jordan": "JO",
        "egypt": "EG", "turkey": "TR", "turkiye": "TR", "gaza": "PS", "west bank": "PS", "japan": "JP",
        "china": "CN", "taiwan": "TW", "belarus": "BY", "poland": "PL",
    ]

    // MARK: directions

    /// Compass words with their azimuth (degrees clockwise from north).
    static let bearings: [String: Double] = [
        "north": 0, "northeast": 45, "north east": 45, "east": 90, "southeast": 135, "south east": 135,
        "south": 180, "southwest": 225, "south west": 225, "west": 270, "northwest": 315, "north west": 315,
        "north northeast": 22.5, "east northeast": 67.5, "east southeast": 112.5, "south southeast": 157.5,
        "south southwest": 202.5, "west southwest": 247.5, "west northwest": 292.5, "north northwest": 337.5,
    ]

    /// Region adjectives: "southern Iraq" is the southern part.
    static let regionAdjectives: [String: RegionPart] = [
        "northern": .north, "southern": .south, "eastern": .east, "western": .west, "central": .central,
        "northeastern": .northEast, "north eastern": .northEast, "northwestern": .northWest,
        "north western": .northWest, "southeastern": .southEast, "south eastern": .southEast,
        "southwestern": .southWest, "south western": .southWest,
    ]

    // MARK: context

    /// Words that put a sentence in a weapons context (an unlabelled place
    /// there is a place to check reach against).
    static let weaponWords: Set<String> = [
        "missile", "missiles", "rocket", "rockets", "drone", "drones", "launcher", "launchers", "battery",
        "batteries", "warhead", "warheads", "ballistic", "projectile", "projectiles", "munition", "munitions",
        "artillery", "salvo", "barrage", "interceptor", "interceptors", "uav", "uavs", "icbm", "icbms", "srbm",
        "mrbm", "irbm", "strike", "strikes", "attack", "attacks", "attacked", "fired", "launched", "struck",
        "hit", "range", "reach", "target", "targets", "targeted", "targeting", "shelling", "bombardment",
        "air defence", "air defense", "intercepted", "deployed", "arsenal",
    ]

    /// Nouns that, after a number and unit, make it a weapon's range:
    /// "a range of 700 km", "700-km range".
    static let rangeNouns: Set<String> = ["range", "ranges", "reach", "radius"]
}

/// Which part of a country a region adjective names.
public enum RegionPart: String, Sendable, CaseIterable {
    case north, south, east, west, central, northEast, northWest, southEast, southWest
}
