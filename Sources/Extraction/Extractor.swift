import Foundation
import Gazetteer
import Geodesy
import GeoModel
import ThreatModel

/// Turns an English news text into launch sites, targets, systems and ranges.
///
/// ```swift
/// let extractor = Extractor(gazetteer: gazetteer, catalog: catalog)
/// let extraction = extractor.extract(text: article, source: "reuters.txt")
/// let yaml = ScenarioWriter().yaml(extraction, stem: "iran-missiles")
/// ```
///
/// Place names are found through the gazetteer (longest name first, up to
/// five words), disambiguated with the article's own context (the countries
/// it names most, the places near the others it names), and given roles by
/// cue words. See the README's `extract` section for the rules.
public struct Extractor: Sendable {
    public let gazetteer: Gazetteer
    public let catalog: MissileCatalog

    /// Distance of a relative place ("north of Karbala") whose text gives
    /// none: the middle of the 30-50 km such phrases usually mean.
    public static let defaultOffset = Distance.kilometers(40)

    public init(gazetteer: Gazetteer, catalog: MissileCatalog) {
        self.gazetteer = gazetteer
        self.catalog = catalog
    }

    /// Extracts from the bytes of a file (any of the encodings
    /// `TextDecoding` reads, plain text or HTML).
    public func extract(data: Data, source: String) -> Extraction {
        let (text, _) = TextDecoding.decode(data)
        return extract(text: text, source: source)
    }

    /// Extracts from text (plain or HTML).
    /// - Parameter source: how the scenario's `sources` names the text (a file name).
    public func extract(text raw: String, source: String) -> Extraction {
        var text = raw
        var htmlTitle: String?
        if TextDecoding.looksLikeHTML(text) {
            let page = HTMLText.extract(text)
            text = page.text
            htmlTitle = page.title.map(TextDecoding.normalizePunctuation)
        }
        text = TextDecoding.normalizePunctuation(text)
        let sentences = SentenceSplitter.sentences(text)
        var scanner = MentionScanner(lookup: PlaceLookup(gazetteer: gazetteer), systems: SystemMatcher(catalog: catalog, gazetteer: gazetteer))
        scanner.scan(sentences)
        var assembly = Assembly(scan: scanner.result, lookup: scanner.lookup, catalog: catalog, gazetteer: gazetteer)
        var extraction = assembly.run()
        extraction.title = htmlTitle ?? scanner.result.title ?? Self.title(from: sentences) ?? "Extracted from \(source)"
        extraction.summary = sentences.first(where: { !$0.isHeadline && $0.tokens.count > 6 }).map { Self.shorten($0.text, to: 400) }
        var sourceLine = source
        if !scanner.result.agencies.isEmpty { sourceLine = scanner.result.agencies.joined(separator: ", ") + (extraction.date.map { ", \($0)" } ?? "") + " (\(source))" }
        extraction.sources = [sourceLine + (htmlTitle.map { ": \($0)" } ?? scanner.result.title.map { ": \($0)" } ?? "")]
        return extraction
    }

    static func title(from sentences: [Sentence]) -> String? {
        guard let first = sentences.first(where: { $0.tokens.count > 2 }) else { return nil }
        return shorten(first.text, to: 100)
    }

    /// - Complexity: O(`limit`), not O(`text`): evidence for each of many
    ///   names in one long sentence shortens that sentence once per name.
    static func shorten(_ text: String, to limit: Int) -> String {
        guard let limitIndex = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex),
              limitIndex < text.endIndex else { return text }
        let cut = text[..<limitIndex]
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "..."
    }
}

/// Disambiguation, filtering and merging of what the scanner found.
struct Assembly {
    var scan: ScanResult
    var lookup: PlaceLookup
    let catalog: MissileCatalog
    let gazetteer: Gazetteer
    private let geodesic = Geodesic.wgs84

    init(scan: ScanResult, lookup: PlaceLookup, catalog: MissileCatalog, gazetteer: Gazetteer) {
        self.scan = scan
        self.lookup = lookup
        self.catalog = catalog
        self.gazetteer = gazetteer
    }

    /// For each mention an appositive anchor locates: the anchor and its bearing.
    private var located: [Int: (anchor: Int, bearing: Double)] = [:]

    mutating func run() -> Extraction {
        var firstOfSentence = [Int: Int]()
        for (index, mention) in scan.places.enumerated() where firstOfSentence[mention.sentence] == nil {
            firstOfSentence[mention.sentence] = index
        }
        for (index, mention) in scan.places.enumerated() where mention.isAnchor {
            if let locates = mention.locates, let first = firstOfSentence[mention.sentence] {
                located[first + locates.mention] = (index, locates.bearing)
            }
        }
        var queries = [String: String?]()
        var partCache = [String: RegionArea?]()
        var namedCache = [String: RegionArea?]()
        let weights = countryWeights()
        let chosen = disambiguate(weights: weights)
        var items = [ExtractedPlace]()
        var unresolved = scan.unresolved
        var regions = [RegionArea]()
        var contextPlaces = [String]()
        var systemKeysBySentence = [Int: [SystemKey]]()
        for mention in scan.systems { systemKeysBySentence[mention.sentence, default: []].append(mention.key) }

        for (index, mention) in scan.places.enumerated() {
            let choice = chosen[index]
            if case let .namedRegion(key, _) = mention.shape {
                guard let role = mention.role, !mention.inHeadline, !mention.isAnchor, !mention.isActor else { continue }
                if namedCache[key] == nil { namedCache[key] = Regions.named(key, gazetteer: gazetteer)?.region }
                guard let region = namedCache[key] ?? nil else {
                    unresolved.append(UnresolvedName(text: mention.surface, kind: .region, evidence: scan.sentences[mention.sentence]))
                    continue
                }
                if !regions.contains(where: { $0.fileName == region.fileName }) { regions.append(region) }
                items.append(item(mention, name: region.name, location: .region(region), role: role, confidence: mention.confidence))
                continue
            }
            guard let option = choice else {
                // A name that looked like a place but is none here.
                if mention.role != nil || mention.options.allSatisfy(\.loose), !mention.needsPlaceContext, !mention.isActor, !mention.inHeadline {
                    unresolved.append(UnresolvedName(text: mention.surface, kind: .place, evidence: scan.sentences[mention.sentence]))
                }
                continue
            }
            let place = option.place
            // A headline states what it says only with a cue right before the place.
            // and only for a target ("capable of hitting India"): a headline's
            // "moves missiles to Iraq" is a country the text narrows down.
            let headlineOnly = mention.inHeadline && (mention.role != .target || mention.confidence < 0.85)
            if mention.isAnchor || mention.isModifier || mention.isActor || headlineOnly {
                if !contextPlaces.contains(place.name) { contextPlaces.append(place.name) }
                continue
            }
            // Without a cue a place is context: the analyst adds it by hand.
            // Open water is never a target ("towards the Red Sea" is no
            // Sudanese province): an impact area, not a place hit.
            guard let role = mention.role, !(mention.role == .target && (place.kind == .sea || Self.namesOpenWater(mention.surface))) else {
                if !contextPlaces.contains(place.name) { contextPlaces.append(place.name) }
                continue
            }
            var confidence = mention.confidence
            confidence *= option.loose ? 0.9 : 1
            confidence *= mention.inHeadline ? 0.9 : 1
            if mention.options.count > 1, option.rank > 0 { confidence *= 0.9 }
            switch mention.shape {
            case .named:
                let placeKey = "\(place.name)|\(place.coordinate)|\(mention.surface)"
                if queries[placeKey] == nil { queries[placeKey] = lookup.query(resolvingTo: place, written: mention.surface) }
                let query = queries[placeKey] ?? nil
                let location: ExtractedPlace.Location = query.map { .place(place, query: $0) }
                    ?? .relative(anchor: place, bearing: 0, distance: .zero, stated: true, coordinate: place.coordinate)
                items.append(item(mention, name: place.name, location: location, role: role, confidence: confidence))
            case let .relative(bearing, distance, _):
                let offset = distance ?? Extractor.defaultOffset
                let point = geodesic.direct(from: place.coordinate, azimuth: bearing, distance: offset).destination
                let direction = Self.compassName(bearing)
                let name = distance.map { "\(Self.kilometres($0)) km \(direction) of \(place.name)" } ?? "\(direction.capitalizedFirst) of \(place.name)"
                items.append(item(mention, name: name, location: .relative(anchor: place, bearing: bearing, distance: offset, stated: distance != nil, coordinate: point),
                                  role: role, confidence: confidence * (distance == nil ? 0.9 : 1)))
            case let .region(part, _):
                let regionKey = "\(part.rawValue)|\(place.name)|\(place.country)"
                if partCache[regionKey] == nil {
                    let country = place.area != nil ? place : (countryWithArea(place) ?? place)
                    partCache[regionKey] = Regions.part(part, of: country)
                }
                guard let region = partCache[regionKey] ?? nil else {
                    unresolved.append(UnresolvedName(text: "\(part.rawValue) \(place.name)", kind: .region, evidence: scan.sentences[mention.sentence]))
                    continue
                }
                if !regions.contains(where: { $0.fileName == region.fileName }) { regions.append(region) }
                items.append(item(mention, name: region.name, location: .region(region), role: role, confidence: confidence))
            case .namedRegion:
                continue
            }
            items[items.count - 1].systems = systemsFor(mention, bySentence: systemKeysBySentence)
        }
        let merged = merge(items)
        let (systems, ranges, unresolvedSystems) = collectSystems()
        return Extraction(
            title: "", date: scan.date, summary: nil, sources: [], places: merged, systems: systems,
            ranges: ranges, unresolved: dedupe(unresolved + unresolvedSystems, excluding: merged), regions: regions.filter { region in
                merged.contains { if case let .region(used) = $0.location { return used.fileName == region.fileName } else { return false } }
            },
            contextCountries: weights.sorted { $0.value > $1.value }.map(\.key),
            contextPlaces: contextPlaces.filter { name in !merged.contains { $0.name == name } }
        )
    }

    /// "Red Sea", "Sea of Japan", "Gulf of Aden", "Indian Ocean", "Bay of Bengal".
    static func namesOpenWater(_ name: String) -> Bool {
        let words = NameKey(name).folded.split(separator: " ")
        guard words.count >= 2 else { return false }
        return ["sea", "ocean"].contains(words.last!) || ["sea", "gulf", "bay"].contains(words.first!) && words[1] == "of"
    }

    private func item(_ mention: PlaceMention, name: String, location: ExtractedPlace.Location, role: PlaceRole, confidence: Double) -> ExtractedPlace {
        ExtractedPlace(name: name, mention: mention.surface, location: location, role: role,
                       evidence: Extractor.shorten(scan.sentences[mention.sentence], to: 600),
                       confidence: (min(0.95, max(0.05, confidence)) * 100).rounded() / 100, systems: nil, mentions: 1, cue: mention.cue)
    }

    /// The systems a site holds: those named in its sentence, else in the
    /// nearest sentence before it that names any (within three).
    private func systemsFor(_ mention: PlaceMention, bySentence: [Int: [SystemKey]]) -> [String]? {
        var keys = mention.systemsInSentence
        if keys.isEmpty {
            for back in 1...3 where mention.sentence - back >= 0 {
                if let found = bySentence[mention.sentence - back], !found.isEmpty { keys = found; break }
            }
        }
        guard !keys.isEmpty else { return nil }
        var names = [String]()
        for key in keys {
            let name: String
            switch key {
            case let .catalog(index): name = catalog.systems[index].name
            case let .unknown(text): name = text
            }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    // MARK: context and disambiguation

    /// How much the article is about each country: names and demonyms, plus
    /// half for each place whose reading is certain (one namesake).
    private func countryWeights() -> [String: Double] {
        var weights = scan.countryCounts
        for mention in scan.places where !mention.options.isEmpty {
            let first = mention.options[0].place
            if first.kind == .country { weights[first.country, default: 0] += mention.inHeadline ? 0.5 : 1 } else if mention.options.count == 1 || mention.countryHint == first.country {
                weights[first.country, default: 0] += 0.5
            }
            if let hint = mention.countryHint { weights[hint, default: 0] += 0.5 }
        }
        return weights.filter { !$0.key.isEmpty }
    }

    /// The option each mention means (nil: not a place here).
    private mutating func disambiguate(weights: [String: Double]) -> [PlaceLookup.Option?] {
        let top = weights.values.max() ?? 0
        var chosen = [PlaceLookup.Option?](repeating: nil, count: scan.places.count)
        // First the certain ones: countries, capitals, and names with one
        // namesake in the article's countries; they anchor the others.
        var anchors = [String: Coordinate]()
        var settled = Set<Int>()
        for (index, mention) in scan.places.enumerated() where !mention.options.isEmpty {
            let first = mention.options[0]
            // A capital is certain unless a namesake lies in a country the
            // article names more ("Tripoli" in a story about Lebanon).
            let rival = mention.options.dropFirst().contains { (weights[$0.place.country] ?? 0) > (weights[first.place.country] ?? 0) }
            let hinted = mention.countryHint.map { $0 != first.place.country } ?? false
            let certain = mention.nearMention == nil && ([.country, .capital].contains(first.place.kind) && !first.loose && !rival && !hinted
                || (mention.options.count == 1 && !first.loose && (weights[first.place.country] ?? 0) > 0))
            if certain, accept(mention, first, weights: weights, anchors: []) {
                chosen[index] = first
                settled.insert(index)
                let surface = NameKey(mention.surface).folded
                if first.place.kind != .country, anchors[surface] == nil { anchors[surface] = first.place.coordinate }
            }
        }
        // Mentions alike in every way that matters decide alike: decide once.
        var decisions = [String: PlaceLookup.Option?]()
        for (index, mention) in scan.places.enumerated() where !mention.options.isEmpty && !settled.contains(index) {
            let surface = NameKey(mention.surface).folded
            let anchorKey = located[index].map { NameKey(scan.places[$0.anchor].surface).folded } ?? ""
            let decisionKey = [surface, mention.countryHint ?? "", anchorKey, mention.role == nil ? "-" : "r",
                               mention.needsPlaceContext ? "c" : "", mention.start > 0 ? "" : "0"].joined(separator: "|")
            if let decided = decisions[decisionKey] {
                chosen[index] = decided
                continue
            }
            let others = anchors.filter { $0.key != surface }.map(\.value)
            var best: (score: Double, option: PlaceLookup.Option)?
            // "the Shaibah airbase near Basra": no reading far from Basra.
            let nearPlace = mention.nearMention.flatMap { scan.places[$0].options.first?.place }
            for option in mention.options {
                if let nearPlace, geodesic.distance(from: nearPlace.coordinate, to: option.place.coordinate) > Self.nearLimit { continue }
                var score = prominence(option.place) + Double(12 - min(option.rank, 12)) * 0.15
                if top > 0 { score += 4 * (weights[option.place.country] ?? 0) / top }
                if mention.countryHint == option.place.country { score += 5 }
                if let located = located[index], let anchor = chosen[located.anchor] ?? scan.places[located.anchor].options.first {
                    let distance = geodesic.distance(from: anchor.place.coordinate, to: option.place.coordinate)
                    if distance < .kilometers(100) { score += 4 } else if distance < .kilometers(300) { score += 2 }
                }
                let nearest = others.map { geodesic.distance(from: $0, to: option.place.coordinate) }.min()
                if let nearest, nearest < .kilometers(200) { score += 1.5 } else if let nearest, nearest < .kilometers(600) { score += 0.75 }
                if option.loose { score -= 0.5 }
                if best == nil || score > best!.score { best = (score, option) }
            }
            guard let best else { continue }
            chosen[index] = accept(mention, best.option, weights: weights, anchors: others) ? best.option : nil
            decisions[decisionKey] = chosen[index]
        }
        return withoutStrayReadings(chosen)
    }

    /// How far from every other place of the article a reading by another
    /// name may lie when nothing else in the article points to its country.
    static let strayDistance = Distance.kilometers(1000)

    /// `chosen` without readings met only by another name or loosely, in a
    /// country the article does not otherwise name, far from every other
    /// place it names ("Victoria" as Hong Kong in a story about Romania,
    /// "Gazan" as Jizan): such a name is reported unknown, not silently
    /// moved to another continent.
    private func withoutStrayReadings(_ chosen: [PlaceLookup.Option?]) -> [PlaceLookup.Option?] {
        guard chosen.contains(where: { $0.map { $0.loose || $0.alias } ?? false }) else { return chosen }
        // Each distinct reading once (a long text repeats its names), with
        // the names it was written as.
        var readings = [(surface: String, place: Place)]()
        var seen = Set<String>()
        var surfacesByCountry = [String: Set<String>]()
        for (index, option) in chosen.enumerated() {
            guard let option else { continue }
            let surface = NameKey(scan.places[index].surface).folded
            surfacesByCountry[option.place.country, default: []].insert(surface)
            let point = option.place.coordinate
            if seen.insert("\(surface)|\(point.latitude)|\(point.longitude)").inserted { readings.append((surface, option.place)) }
        }
        var result = chosen
        var decided = [String: Bool]()
        for (index, option) in chosen.enumerated() {
            guard let option, option.loose || option.alias, option.place.kind != .country else { continue }
            let mention = scan.places[index]
            let country = option.place.country
            if mention.countryHint == country || (scan.countryCounts[country] ?? 0) > 0 { continue }
            let surface = NameKey(mention.surface).folded
            let key = "\(surface)|\(option.place.coordinate.latitude)|\(option.place.coordinate.longitude)"
            if let stray = decided[key] {
                if stray { result[index] = nil }
                continue
            }
            let others = readings.filter { $0.surface != surface }
            let stray = !others.isEmpty && !(surfacesByCountry[country] ?? []).contains(where: { $0 != surface })
                && !others.contains(where: { geodesic.distance(from: $0.place.coordinate, to: option.place.coordinate) <= Self.strayDistance })
            decided[key] = stray
            if stray { result[index] = nil }
        }
        return result
    }

    /// How far a place said to be near another may lie from it ("X near Y").
    static let nearLimit = Distance.kilometers(150)

    private func prominence(_ place: Place) -> Double {
        switch place.kind {
        case .country: return 3
        case .capital: return 2.5
        case .city: return 2
        case .governorate, .province, .district, .airbase, .militarySite, .landmark, .strait, .sea, .region,
             .armyBase, .navalBase, .missileBase, .spaceLaunchSite, .nuclearFacility, .oilGasFacility,
             .governmentDistrict: return 1.5
        // A port is meant less often than the town it serves ("fired at Eilat").
        case .port: return 1.0
        case .airport: return 0.5
        case .town: return min(1.5, log10(Double(max(place.population ?? 1, 1))) / 4)
        case .coordinate: return 0
        }
    }

    /// Whether a mention's best reading is a place at all here: prominent
    /// places always; towns and airports only inside the article's
    /// countries, with a country named beside them, near its other places
    /// or with a cue; ordinary words only where a place is expected.
    private func accept(_ mention: PlaceMention, _ option: PlaceLookup.Option, weights: [String: Double], anchors: [Coordinate]) -> Bool {
        let place = option.place
        let inContext = (weights[place.country] ?? 0) > 0
        let near = anchors.contains { geodesic.distance(from: $0, to: place.coordinate) < .kilometers(300) }
        // A loose spelling ("Galilee" for Greeley, "Ben" for Bern) means a
        // place only inside the article's countries or beside its country.
        if option.loose, place.kind != .country, !inContext, mention.countryHint != place.country { return false }
        if mention.needsPlaceContext {
            // "Jordan", "Turkey", "Hope": only where a place is expected.
            return mention.start > 0 && mention.role != nil
                && ([.country, .capital].contains(place.kind) || (inContext && near && place.kind != .town && !option.loose))
        }
        switch place.kind {
        case .country, .capital: return true
        case .city, .governorate, .province, .airbase, .militarySite, .landmark, .strait, .sea, .district, .region,
             .armyBase, .navalBase, .missileBase, .spaceLaunchSite, .nuclearFacility, .oilGasFacility, .port,
             .governmentDistrict:
            return inContext || near || mention.role != nil || mention.countryHint == place.country || (place.population ?? 0) >= 500_000
        case .town, .airport:
            if option.loose { return (inContext && near) || mention.countryHint == place.country }
            // Or a town of some size whose every namesake lies in one country, with a cue ("fired at Eilat").
            let oneCountry = mention.options.allSatisfy { $0.place.country == place.country }
            return (inContext && (near || mention.role != nil)) || mention.countryHint == place.country
                || (mention.role != nil && oneCountry && place.kind == .town && (place.population ?? 0) >= 20_000)
        case .coordinate: return false
        }
    }

    private func countryWithArea(_ place: Place) -> Place? {
        (try? gazetteer.candidates(for: place.name, limit: 5, suggesting: false))?.map(\.place).first { $0.kind == .country && $0.area != nil }
    }

    // MARK: merging

    /// One item per place and role: the most confident evidence, the
    /// confidence raised a little by each further mention.
    private func merge(_ items: [ExtractedPlace]) -> [ExtractedPlace] {
        var merged = [ExtractedPlace]()
        var positions = [String: Int]()
        for item in items {
            let point = item.coordinate
            // Thousandths of a degree, as integers: no formatter per item.
            let key = "\(item.role.rawValue)|\(item.name)|\(Int((point.latitude * 1000).rounded()))|\(Int((point.longitude * 1000).rounded()))"
            guard let position = positions[key] else {
                positions[key] = merged.count
                merged.append(item)
                continue
            }
            var existing = merged[position]
            existing.mentions += 1
            if item.confidence > existing.confidence {
                existing.evidence = item.evidence
                existing.mention = item.mention
                existing.cue = item.cue
                existing.confidence = item.confidence
            }
            existing.confidence = min(0.95, ((existing.confidence + 0.03) * 100).rounded() / 100)
            if let systems = item.systems {
                existing.systems = (existing.systems ?? []) + systems.filter { !(existing.systems ?? []).contains($0) }
            }
            merged[position] = existing
        }
        return merged
    }

    private func dedupe(_ names: [UnresolvedName], excluding items: [ExtractedPlace]) -> [UnresolvedName] {
        var seen = Set<String>()
        let known = Set(items.map { NameKey($0.mention).folded } + items.map { NameKey($0.name).folded })
        return names.filter { name in
            let key = NameKey(name.text).folded
            return !known.contains(key) && seen.insert(name.kind.rawValue + key).inserted
        }
    }

    // MARK: systems

    private func collectSystems() -> ([ExtractedSystem], [(range: StatedRange, systems: [String])], [UnresolvedName]) {
        var systems = [ExtractedSystem]()
        var positions = [SystemKey: Int]()
        for mention in scan.systems {
            if let position = positions[mention.key] {
                systems[position].mentions += 1
                continue
            }
            positions[mention.key] = systems.count
            let evidence = Extractor.shorten(scan.sentences[mention.sentence], to: 600)
            switch mention.key {
            case let .catalog(index):
                systems.append(ExtractedSystem(name: catalog.systems[index].name, catalogSystem: catalog.systems[index], mention: mention.text,
                                               statedRange: nil, category: nil, evidence: evidence,
                                               confidence: mention.isFamily ? 0.5 : 0.9, mentions: 1))
            case let .unknown(text):
                systems.append(ExtractedSystem(name: text, catalogSystem: nil, mention: text, statedRange: nil, category: nil,
                                               evidence: evidence, confidence: 0.6, mentions: 1))
            }
        }
        var ranges = [(range: StatedRange, systems: [String])]()
        for (range, owners) in scan.ranges {
            let indices = owners.compactMap { positions[$0] }
            ranges.append((range, indices.map { systems[$0].name }))
            if indices.count == 1 {
                let position = indices[0]
                if systems[position].statedRange == nil { systems[position].statedRange = range }
            } else if indices.count > 1 {
                // A span stated for a group: its ends go to the systems whose
                // catalog ranges are shortest and longest; the others keep theirs.
                let ordered = indices.sorted { (systems[$0].catalogSystem?.range ?? .zero) < (systems[$1].catalogSystem?.range ?? .zero) }
                if let low = range.low, let first = ordered.first, systems[first].statedRange == nil {
                    systems[first].statedRange = StatedRange(range: low, low: nil, minimum: nil, phrase: range.phrase, evidence: range.evidence)
                }
                if let last = ordered.last, systems[last].statedRange == nil {
                    systems[last].statedRange = StatedRange(range: range.range, low: nil, minimum: range.minimum, phrase: range.phrase, evidence: range.evidence)
                }
            }
        }
        var unresolved = [UnresolvedName]()
        var kept = [ExtractedSystem]()
        for var system in systems {
            if system.catalogSystem == nil {
                guard let stated = system.statedRange else {
                    unresolved.append(UnresolvedName(text: system.name, kind: .system, evidence: system.evidence))
                    continue
                }
                system.category = Self.category(for: stated.range, name: system.name, evidence: system.evidence)
            }
            kept.append(system)
        }
        return (kept, ranges, unresolved)
    }

    /// The class of a system the catalog lacks, from the words that follow
    /// its name in its sentence where they say it ("cruise missile", "drone",
    /// "interceptor", "submarine-launched"; "an intercontinental ballistic
    /// missile"), else from its range: up to 1,000 km SRBM, up to 3,000 km
    /// MRBM, up to 5,500 km IRBM, beyond ICBM.
    static func category(for range: Distance, name: String = "", evidence: String = "") -> MissileSystem.Category {
        var words = evidence
        if !name.isEmpty, let found = evidence.range(of: name, options: .caseInsensitive) {
            words = String(evidence[found.upperBound...].prefix(60))
        }
        let text = " " + String(words.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }) + " "
        func says(_ phrases: String...) -> Bool { phrases.contains { text.contains($0) } }
        if says("loitering munition", "loitering munitions", "kamikaze drone") { return .loiteringMunition }
        if says(" drone", "uav", "unmanned aerial") { return .drone }
        if says("interceptor", "air defence", "air defense", "missile defence", "missile defense", "surface to air") { return .airDefence }
        if says("glide vehicle", "hypersonic glide") { return .hypersonicGlide }
        if says("cruise missile") {
            if says("air launched", "from aircraft", "from bombers", "bomber launched") { return .alcm }
            if says("sea launched", "ship launched", "submarine launched", "from ships", "from a submarine", "from submarines") { return .slcm }
            return .glcm
        }
        if says("anti ship ballistic") { return .asbm }
        if says("submarine launched ballistic", " slbm") { return .slbm }
        if says("intercontinental", " icbm") || range > .kilometers(5500) { return .icbm }
        if says("guided rocket", "guided rockets") { return .guidedRocket }
        if says(" rocket ", " rockets ", "rocket launcher"), range <= .kilometers(300) { return .rocket }
        if range <= .kilometers(1000) { return .srbm }
        if range <= .kilometers(3000) { return .mrbm }
        return .irbm
    }

    // MARK: names

    static func compassName(_ bearing: Double) -> String {
        let names = ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"]
        if bearing.truncatingRemainder(dividingBy: 45) == 0 { return names[Int(bearing / 45) % 8] }
        return String(format: "%.1f degrees", bearing)
    }

    static func kilometres(_ distance: Distance) -> String {
        let value = distance.kilometers
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
