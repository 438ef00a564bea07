import Foundation
import GeoModel

/// An in-memory index of places by folded name and alias: the bundled
/// datasets, the hand-checked overrides and the user's own files.
///
/// Lookups fold the query (see `NameKey`) and try, in order: the exact key;
/// `Name, Qualifier` (a country code or name, or a province) when the query
/// has a comma; the loose key (articles and transliteration pairs folded).
/// Codes (IATA, ICAO, country codes) match only queries typed as codes, a
/// name needs three letters, and a loose match a close spelling (see
/// `QueryPolicy`). Matches are ranked by tier (the user's files, then the
/// overrides, then the datasets), then by kind and population.
public struct Gazetteer: Sendable {
    let segments: [Segment]
    let rowCount: Int
    let exact: KeyTable
    /// Built on the first lookup that needs it (a name with no exact match):
    /// most lookups never do, and it costs as much as the exact table.
    let looseIndex: LazyKeyTable
    /// Built on the first `suggestions` call: most runs never need it.
    let fuzzy: LazyFuzzyIndex
    /// Rows standing for the same place as a higher-tier row (an override
    /// citing a GeoNames id, a user's GeoNames row with a bundled id).
    let redirects: [Int32: Int32]
    /// Problems met while loading that did not stop it (skipped rows).
    public let warnings: [LoadWarning]

    /// A gazetteer of exactly these places, which rank as hand-checked ones.
    public init(places: [Place]) {
        self.init(
            segments: [Segment(tier: .curated, origin: "places", firstRow: 0, storage: .places(places))],
            redirects: [:], warnings: []
        )
    }

    /// Loads a place table in the `places.csv` format (see `PlaceTable`).
    public init(contentsOf url: URL) throws(GazetteerError) {
        self.init(places: try PlaceTable.load(contentsOf: url))
    }

    /// Loads the data directory: `places.csv` (required; the overrides),
    /// then `gazetteer.tsv` and `areas.bin` when present (the generated
    /// datasets), then each of `extraFiles` (GeoNames dumps, CSV or GeoJSON
    /// of the user's sites; see `ExtraFile`), streamed.
    /// - Parameter progress: called as large extra files are read.
    /// - Throws: `GazetteerError` naming the file (and line) at fault.
    public init(dataDirectory: URL, extraFiles: [URL] = [], progress: LoadProgress? = nil) throws(GazetteerError) {
        // The user's files first: a bad one fails before the bundle is read.
        var extras = [(url: URL, loaded: ExtraFile.Loaded)]()
        for url in extraFiles {
            extras.append((url, try ExtraFile.load(url, progress: progress)))
        }
        let overridesURL = dataDirectory.appendingPathComponent("places.csv")
        // Hashed before it is parsed: should it change in between, the
        // cache records the older bytes and the next load finds it stale.
        let overridesBytes = try? BundleFile.readWholeFile(overridesURL)
        let entries = try PlaceTable.entries(contentsOf: overridesURL)
        var segments = [Segment]()
        var nextRow = 0
        var bundled: TextSegment?
        var cache: (url: URL, fingerprint: IndexCache.Fingerprint, contents: IndexCache.Contents?)?
        let tsv = dataDirectory.appendingPathComponent(BundleFile.fileName)
        if FileManager.default.fileExists(atPath: tsv.path) {
            let areasURL = dataDirectory.appendingPathComponent(BundleFile.areasFileName)
            let areas = FileManager.default.fileExists(atPath: areasURL.path) ? try AreaFile(contentsOf: areasURL) : nil
            let text = try BundleFile.readWholeFile(tsv)
            let segment: TextSegment
            if let overridesBytes {
                let url = dataDirectory.appendingPathComponent(IndexCache.fileName)
                let fingerprint = IndexCache.Fingerprint(bundle: text, areas: areas?.fingerprint, overrides: overridesBytes)
                let contents = IndexCache.load(url, fingerprint: fingerprint, textCount: text.count, overrideCount: entries.count)
                cache = (url, fingerprint, contents)
                if let contents {
                    segment = BundleFile.segment(text: text, rows: contents.rows, areas: areas)
                } else {
                    segment = try BundleFile.parse(text, source: tsv.path, areas: areas)
                }
            } else {
                segment = try BundleFile.parse(text, source: tsv.path, areas: areas)
            }
            bundled = segment
            segments.append(Segment(tier: .bundled, origin: tsv.path, firstRow: 0, storage: .text(segment)))
            nextRow = segment.rows.count
        }

        // Overrides: link each to the bundled row it cites, inherit its
        // population, attach a named outline.
        var redirects = [Int32: Int32]()
        var places = entries.map(\.place)
        if let bundled {
            var wanted = [String: Int]()
            for (index, entry) in entries.enumerated() {
                if let code = Self.bundleCode(citedBy: entry.place.source) { wanted[code] = index }
                if let area = entry.area { wanted[Self.areaCode(area) ?? area] = index }
            }
            let found = Self.bundledRows(withSourceCodes: Set(wanted.keys), in: bundled)
            for (code, row) in found {
                guard let index = wanted[code] else { continue }
                redirects[Int32(row)] = Int32(nextRow + index)
                let bundledRow = bundled.rows[row]
                if places[index].population == nil, bundledRow.population >= 0 {
                    places[index].population = Int(bundledRow.population)
                }
                if let area = entries[index].area, Self.areaCode(area) == code, bundledRow.area >= 0, let file = bundled.areas {
                    places[index].area = try file.outline(Int(bundledRow.area))
                }
            }
            for entry in entries {
                if let area = entry.area, let code = Self.areaCode(area), found[code] == nil {
                    throw .badData(source: overridesURL.path, line: entry.line, reason: "area '\(area)' names no outline in \(BundleFile.areasFileName)")
                }
                if let area = entry.area, Self.areaCode(area) == nil {
                    throw .badData(source: overridesURL.path, line: entry.line, reason: "area '\(area)' is not 'country:CC' or 'admin1:CC:Name'")
                }
            }
        }
        segments.append(Segment(tier: .curated, origin: overridesURL.path, firstRow: nextRow, storage: .places(places)))
        nextRow += places.count

        var warnings = [LoadWarning]()
        var bundledGeoNames: [Int: Int32]?
        for (url, loaded) in extras {
            warnings += loaded.warnings
            if case let .text(segment) = loaded.storage, case .geonames = segment.style, let bundled {
                // A user's dump repeating a bundled place replaces it.
                if bundledGeoNames == nil { bundledGeoNames = Self.geonamesRows(in: bundled) }
                for (index, row) in segment.rows.enumerated() {
                    if let id = Int(segment.string(row.source)), let bundledRow = bundledGeoNames?[id] {
                        redirects[bundledRow] = Int32(nextRow + index)
                    }
                }
            }
            segments.append(Segment(tier: .user, origin: url.path, firstRow: nextRow, storage: loaded.storage))
            nextRow += segments[segments.count - 1].count
        }
        // The cached table covers the bundled rows and the overrides: with
        // the user's files too, the whole table is built in memory.
        var exact: KeyTable?
        if let cache, let bundled, extras.isEmpty {
            if let contents = cache.contents {
                exact = contents.exact
            } else {
                let table = Self.buildTable(.exact, segments: segments, rowCount: nextRow)
                IndexCache.store(IndexCache.Contents(rows: bundled.rows, exact: table), tableRowCount: nextRow,
                                 fingerprint: cache.fingerprint, to: cache.url)
                exact = table
            }
        }
        self.init(segments: segments, redirects: redirects, warnings: warnings, exact: exact)
    }

    /// - Parameter exact: the exact key table of `segments` when already
    ///   built (read from the cache); built here when nil.
    init(segments: [Segment], redirects: [Int32: Int32], warnings: [LoadWarning], exact: KeyTable? = nil) {
        self.segments = segments
        self.redirects = redirects
        self.warnings = warnings
        let rowCount = segments.reduce(0) { $0 + $1.count }
        self.rowCount = rowCount
        self.exact = exact ?? Self.buildTable(.exact, segments: segments, rowCount: rowCount)
        looseIndex = LazyKeyTable()
        fuzzy = LazyFuzzyIndex()
    }

    /// The loose key table, built on first use.
    var loose: KeyTable {
        looseIndex.table { Self.buildTable(.loose, segments: segments, rowCount: rowCount) }
    }

    /// Folds and hashes every name on both cores (each worker takes half of
    /// the rows), then builds one key table from the workers' entries.
    static func buildTable(_ keys: NameIndexer.Keys, segments: [Segment], rowCount: Int) -> KeyTable {
        let workers = rowCount > 20_000 ? 2 : 1
        let results = WorkerResults(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let rows = (rowCount * worker / workers)..<(rowCount * (worker + 1) / workers)
            var indexer = NameIndexer(keys: keys, expectedEntries: rows.count * 4)
            indexer.index(segments, rows: rows)
            results.store(indexer, at: worker)
        }
        return KeyTable(building: results.indexers.map(\.builder))
    }

    // MARK: public API

    /// Every place, in load order (datasets, overrides, the user's files).
    /// - Complexity: O(n), and decodes every outline; prefer the lookups.
    public var places: [Place] {
        (0..<rowCount).compactMap { try? place(ofRow: Int32($0)) }
    }

    /// How many places the gazetteer holds, counting those a higher-tier row replaces.
    public var count: Int { rowCount }

    /// Every place whose name or alias folds to the same exact key as
    /// `name`, in table order (a row replaced by an override appears as the override).
    /// A name typed as a code (`BGW`, `code:IQ`) finds the places with that
    /// code; capitals that are no code (`HIT`) fall back to the name.
    public func places(named name: String) -> [Place] {
        var rows = [Int32]()
        let code = QueryPolicy.code(in: name)
        if let code { rows = exact.rows(for: QueryPolicy.codeKey(code.code)) }
        if rows.isEmpty, code?.forced != true { rows = exact.rows(for: Folding.exactKey(name)) }
        return canonical(rows).sorted().compactMap { try? place(ofRow: $0) }
    }

    /// Resolves a place name or a coordinate literal (`32.87,44.15`,
    /// `32.87N 44.15E`) to one place: the best-ranked candidate.
    /// - Throws: `GazetteerError.invalidCoordinate` for a bad literal,
    ///   `GazetteerError.unknownPlace` with suggestions for an unknown name.
    public func resolve(_ query: String) throws(GazetteerError) -> Place {
        try candidates(for: query, limit: 1)[0].place
    }

    /// As `resolve`, with how the query met the place: callers tell the
    /// user about anything less than the place's own name (`Candidate.notice`).
    public func match(_ query: String) throws(GazetteerError) -> Candidate {
        try candidates(for: query, limit: 1)[0]
    }

    /// The place a coordinate literal (`32.87,44.15`, `32.87N 44.15E`)
    /// stands for, or nil when `query` is not one. Needs no loaded data, so
    /// callers can skip loading a gazetteer when every place is a literal.
    /// - Throws: `GazetteerError.invalidCoordinate` for a bad literal.
    public static func coordinatePlace(_ query: String) throws(GazetteerError) -> Place? {
        // A coordinate literal has digits; most names have none.
        guard query.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let literal: Coordinate?
        do {
            literal = try Coordinate.parse(query)
        } catch {
            throw .invalidCoordinate(query, reason: error.description)
        }
        return literal.map { coordinate in
            Place(name: query.trimmingCharacters(in: .whitespaces), coordinate: coordinate,
                  kind: .coordinate, country: "", source: "coordinate given by the user")
        }
    }

    /// The places `query` may mean, best first: what `resolve` picks, then
    /// the other candidates (namesakes elsewhere, areas of the same name).
    /// - Parameter limit: at most this many candidates (at least 1).
    /// - Throws: as `resolve`.
    public func candidates(for query: String, limit: Int = 10) throws(GazetteerError) -> [Candidate] {
        let typedCode = QueryPolicy.code(in: query)
        if typedCode?.forced != true, let place = try Self.coordinatePlace(query) {
            return [Candidate(place: place, match: .coordinate, score: 0)]
        }
        guard let (rows, match) = matchingRows(query, code: typedCode), !rows.isEmpty else {
            throw .unknownPlace(query, suggestions: typedCode?.forced == true ? [] : suggestions(for: query))
        }
        var result = [Candidate]()
        let typedName = match == .qualified ? splitQualifier(query)?.0 ?? query : query
        let nameKey = match == .exact || match == .qualified ? Folding.exactKey(typedName) : []
        for row in rows.prefix(max(1, limit)) {
            let place = try place(ofRow: row)
            var how = match
            // An exact key that is not the place's own name is one of its aliases.
            if how == .exact || how == .qualified, Folding.exactKey(place.name) != nameKey { how = .alias }
            result.append(Candidate(place: place, match: how, score: score(summary(ofRow: row))))
        }
        return result
    }

    // MARK: matching

    /// Rows matching `query`, ranked, and how they matched (see `QueryPolicy`).
    /// - Parameter code: the code `query` is typed as, if any.
    func matchingRows(_ query: String, code: (code: String, forced: Bool)?) -> (rows: [Int32], match: Candidate.Match)? {
        if let code {
            let rows = exact.rows(for: QueryPolicy.codeKey(code.code))
            if !rows.isEmpty { return (ranked(rows), .code) }
            if code.forced { return nil }
        }
        let key = Folding.exactKey(query)
        guard QueryPolicy.isLongEnough(key) else { return nil }
        let exactRows = exact.rows(for: key) + capitalisedSpellings(of: query)
        if !exactRows.isEmpty { return (ranked(exactRows), .exact) }
        if let (name, qualifier) = splitQualifier(query), let filter = qualifierFilter(qualifier) {
            let named = ranked(exact.rows(for: Folding.exactKey(name))).filter(filter)
            if !named.isEmpty { return (named, .qualified) }
            if QueryPolicy.allowsLooseMatch(name) {
                let loosely = closeEnough(ranked(loose.rows(for: Folding.looseKey(name))).filter(filter), to: name)
                if !loosely.isEmpty { return (loosely, .loose) }
            }
        }
        guard QueryPolicy.allowsLooseMatch(query) else { return nil }
        var looseKey = [UInt8]()
        key.withUnsafeBufferPointer { Folding.appendLooseKey(ofExactKey: $0, to: &looseKey) }
        let looseRows = closeEnough(ranked(loose.rows(for: looseKey)), to: query)
        if !looseRows.isEmpty { return (looseRows, .loose) }
        return nil
    }

    /// Rows where `query`, upper-cased, is stored in capitals as a spelling
    /// rather than a code: another of the row's names folds to the same
    /// loose key (`QUM` beside `Kum` for Qom), which an airport code beside
    /// a city's names (`THE` for Teresina) does not.
    func capitalisedSpellings(of query: String) -> [Int32] {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        guard (3...4).contains(trimmed.utf8.count), trimmed.utf8.allSatisfy({ $0 < 0x80 }) else { return [] }
        let rows = exact.rows(for: QueryPolicy.codeKey(trimmed))
        guard !rows.isEmpty else { return [] }
        let looseKey = Folding.looseKey(trimmed)
        return rows.filter { row in
            names(ofRow: row).contains { name in
                !QueryPolicy.isCode(name) && Folding.looseKey(name) == looseKey
            }
        }
    }

    /// The loosely matched rows with a name spelled close enough to `query`
    /// (`QueryPolicy.minimumLooseSimilarity`), order kept.
    func closeEnough(_ rows: [Int32], to query: String) -> [Int32] {
        guard !rows.isEmpty else { return rows }
        let looseKey = Folding.looseKey(query)
        return rows.filter { row in
            names(ofRow: row).contains { name in
                Folding.looseKey(name) == looseKey && QueryPolicy.similarity(query, name) >= QueryPolicy.minimumLooseSimilarity
            }
        }
    }

    /// `"Karbala, IQ"` -> ("Karbala", "IQ"); nil without a comma.
    private func splitQualifier(_ query: String) -> (String, String)? {
        guard let comma = query.lastIndex(of: ",") else { return nil }
        let name = query[..<comma].trimmingCharacters(in: .whitespaces)
        let qualifier = query[query.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !qualifier.isEmpty else { return nil }
        return (name, qualifier)
    }

    /// Which rows a qualifier admits: a two-letter country code, a country
    /// name, or a province/governorate (its outline, else its country).
    private func qualifierFilter(_ qualifier: String) -> ((Int32) -> Bool)? {
        let trimmed = qualifier.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 2, trimmed.allSatisfy({ $0.isASCII && $0.isLetter }) {
            let code = ByteParsing.countryCode(trimmed)
            return { summary(ofRow: $0).country == code }
        }
        guard let (rows, _) = matchingRowsForQualifier(trimmed) else { return nil }
        for row in rows {
            let region = summary(ofRow: row)
            switch region.kind {
            case .country:
                let code = region.country
                return { summary(ofRow: $0).country == code }
            case .governorate, .province, .region:
                if region.hasArea, let area = try? place(ofRow: row).area {
                    let code = region.country
                    return { candidate in
                        let info = summary(ofRow: candidate)
                        return (code == 0 || info.country == code)
                            && AreaGeometry.contains(area, Coordinate(latitude: info.latitude, longitude: info.longitude))
                    }
                }
                let code = region.country
                return { summary(ofRow: $0).country == code }
            default:
                continue
            }
        }
        return nil
    }

    private func matchingRowsForQualifier(_ qualifier: String) -> ([Int32], Candidate.Match)? {
        let exactRows = exact.rows(for: Folding.exactKey(qualifier))
        if !exactRows.isEmpty { return (ranked(exactRows), .exact) }
        let looseRows = loose.rows(for: Folding.looseKey(qualifier))
        if !looseRows.isEmpty { return (ranked(looseRows), .loose) }
        return nil
    }

    /// Rows with redirects followed, duplicates removed, order kept.
    func canonical(_ rows: [Int32]) -> [Int32] {
        var seen = Set<Int32>()
        var result = [Int32]()
        for row in rows {
            var target = row
            if let redirect = redirects[row] { target = redirect }
            if seen.insert(target).inserted { result.append(target) }
        }
        return result
    }

    /// Matched rows best first (higher tier, then higher score, then earlier
    /// row), each ranked as itself, then replaced by the row standing for
    /// it, duplicates dropped. So a dataset row an override cites ranks as a
    /// dataset row: an override's own names beat names it only inherits.
    func ranked(_ rows: [Int32]) -> [Int32] {
        if rows.count == 1 { return [redirects[rows[0]] ?? rows[0]] }
        let keyed = rows.map { row -> (row: Int32, tier: Tier, score: Double) in
            let info = summary(ofRow: row)
            return (row, info.tier, score(info))
        }
        let sorted = keyed.sorted {
            if $0.tier != $1.tier { return $0.tier > $1.tier }
            if $0.score != $1.score { return $0.score > $1.score }
            return $0.row < $1.row
        }
        var result = [Int32]()
        result.reserveCapacity(sorted.count)
        for item in sorted {
            let target = redirects[item.row] ?? item.row
            if !result.contains(target) { result.append(target) }
        }
        return result
    }

    /// Prominence: countries first; populated places by log10 of their
    /// population (capitals a little higher); provinces as a town of about
    /// 30,000; military sites, landmarks and airports below.
    func score(_ info: RowSummary) -> Double {
        let population = Double(max(info.population ?? 0, 0))
        let prominence = population >= 1 ? log10(population) : 0
        switch info.kind {
        case .country: return 10
        case .capital: return max(prominence, 5) + 1.5
        case .city: return max(prominence, 4.8)
        case .town: return prominence > 0 ? prominence : 2.5
        case .district: return max(prominence, 4.5)
        case .governorate, .province, .region: return 4.5
        case .militarySite, .airbase: return 4.0
        case .landmark, .strait: return 4.5
        case .airport: return 3.0
        case .coordinate: return 0
        }
    }

    // MARK: rows

    func segmentIndex(ofRow row: Int32) -> Int {
        var low = 0, high = segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segments[middle].firstRow <= Int(row) { low = middle } else { high = middle - 1 }
        }
        return low
    }

    func summary(ofRow row: Int32) -> RowSummary {
        let segment = segments[segmentIndex(ofRow: row)]
        let local = Int(row) - segment.firstRow
        switch segment.storage {
        case let .text(text):
            let item = text.rows[local]
            return RowSummary(
                latitude: item.latitude, longitude: item.longitude, kind: item.kind,
                population: item.population >= 0 ? Int(item.population) : nil,
                country: item.country, tier: segment.tier, hasArea: item.area >= 0
            )
        case let .places(places):
            let place = places[local]
            return RowSummary(
                latitude: place.coordinate.latitude, longitude: place.coordinate.longitude, kind: place.kind,
                population: place.population, country: ByteParsing.countryCode(place.country),
                tier: segment.tier, hasArea: place.area != nil
            )
        }
    }

    /// The name and aliases of a row, without decoding its outline.
    func names(ofRow row: Int32) -> [String] {
        let segment = segments[segmentIndex(ofRow: row)]
        let local = Int(row) - segment.firstRow
        switch segment.storage {
        case let .text(text): return text.names(ofRow: local)
        case let .places(places): return [places[local].name] + places[local].aliases
        }
    }

    func place(ofRow row: Int32) throws(GazetteerError) -> Place {
        let segment = segments[segmentIndex(ofRow: row)]
        let local = Int(row) - segment.firstRow
        switch segment.storage {
        case let .text(text): return try text.place(ofRow: local)
        case let .places(places): return places[local]
        }
    }

    // MARK: linking overrides to bundled rows

    /// `GeoNames 98182 (cities15000)` -> `g:98182`; `airportsdata ORAA` -> `a:ORAA`.
    static func bundleCode(citedBy source: String) -> String? {
        let words = source.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," })
        guard words.count >= 2 else { return nil }
        if words[0] == "GeoNames", Int(words[1]) != nil { return "g:\(words[1])" }
        if words[0] == "airportsdata", words[1].count == 4 { return "a:\(words[1])" }
        return nil
    }

    /// `country:IQ` -> `c:IQ`; `admin1:IQ:Al-Anbar` -> `p:IQ:Al-Anbar`.
    static func areaCode(_ reference: String) -> String? {
        let parts = reference.split(separator: ":", maxSplits: 2).map(String.init)
        if parts.count == 2, parts[0] == "country" { return "c:\(parts[1])" }
        if parts.count == 3, parts[0] == "admin1" { return "p:\(parts[1]):\(parts[2])" }
        return nil
    }

    private static func bundledRows(withSourceCodes codes: Set<String>, in segment: TextSegment) -> [String: Int] {
        guard !codes.isEmpty else { return [:] }
        let wanted = codes.map { (code: $0, bytes: Array($0.utf8)) }
        var found = [String: Int]()
        segment.text.withUnsafeBufferPointer { text in
            segment.rows.withUnsafeBufferPointer { rows in
                for (index, row) in rows.enumerated() {
                    let source = row.source
                    for candidate in wanted where candidate.bytes.count == source.count && candidate.bytes[0] == text[source.lowerBound] {
                        let same = candidate.bytes.withUnsafeBufferPointer {
                            memcmp($0.baseAddress!, text.baseAddress! + source.lowerBound, source.count) == 0
                        }
                        if same { found[candidate.code] = index }
                    }
                }
            }
        }
        return found
    }

    private static func geonamesRows(in segment: TextSegment) -> [Int: Int32] {
        var rows = [Int: Int32]()
        segment.text.withUnsafeBufferPointer { bytes in
            for (index, row) in segment.rows.enumerated()
            where row.source.count > 2 && bytes[row.source.lowerBound] == UInt8(ascii: "g") && bytes[row.source.lowerBound + 1] == UInt8(ascii: ":") {
                if let id = ByteParsing.integer(bytes, (row.source.lowerBound + 2)..<row.source.upperBound) {
                    rows[id] = Int32(index)
                }
            }
        }
        return rows
    }
}

/// One place a query may mean.
public struct Candidate: Sendable, Hashable {
    /// How the query met the place's name.
    public enum Match: String, Sendable {
        /// Same folded name (case, accents, marks, spacing).
        case exact
        /// `Name, Qualifier`: the name, within the named country or province.
        case qualified
        /// Same folded text as one of the place's other names (another
        /// spelling, script or former name), not its own.
        case alias
        /// Same loose key (articles, transliteration pairs), spelled close enough.
        case loose
        /// The query was typed as a code (IATA, ICAO, country) and is one of the place's.
        case code
        /// The query was a coordinate literal.
        case coordinate

        /// Whether the user should be told which place the query became:
        /// an alias, a loose spelling or a code may mean another place than
        /// the one meant.
        public var needsNotice: Bool {
            switch self {
            case .exact, .qualified, .coordinate: false
            case .alias, .loose, .code: true
            }
        }
    }

    public var place: Place
    public var match: Match
    /// Prominence used for ranking (higher first); see the README.
    public var score: Double

    /// What to tell the user when the match is less than the place's own
    /// name: `'Bagdad' resolved to Baghdad (capital, IQ) by loose match`;
    /// nil for an exact match or a coordinate.
    public func notice(for query: String) -> String? {
        guard match.needsNotice else { return nil }
        let how = switch match {
        case .alias: "alias"
        case .loose: "loose match"
        default: "code"
        }
        let country = place.country.isEmpty ? "" : ", \(place.country)"
        return "'\(query)' resolved to \(place.name) (\(place.kind.rawValue)\(country)) by \(how)"
    }
}

/// Progress of a large file being read: `(file, bytesRead, totalBytes)`.
public typealias LoadProgress = @Sendable (_ file: String, _ bytesRead: Int64, _ totalBytes: Int64) -> Void

/// A problem met while loading that did not stop the load.
public struct LoadWarning: Sendable, Hashable, CustomStringConvertible {
    public var source: String
    /// 1-based line, or 0 for a file-wide note.
    public var line: Int
    public var message: String

    public init(source: String, line: Int, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(source):\(line): \(message)" : "\(source): \(message)" }
}

/// Folds and hashes the names of a range of rows into key-table builders.
struct NameIndexer {
    /// Which key of each name to index.
    enum Keys: Sendable { case exact, loose }

    private unowned(unsafe) let table = ScalarTable.shared
    let keys: Keys
    var builder: KeyTable.Builder
    /// Scratch memory for the two keys of one name, grown as names need.
    private var scratch = [UInt8](repeating: 0, count: 2048)

    init(keys: Keys, expectedEntries: Int) {
        self.keys = keys
        builder = KeyTable.Builder(expectedEntries: expectedEntries)
    }

    mutating func add(_ name: UnsafeBufferPointer<UInt8>, row: Int32) {
        let exactCapacity = ByteWriter.exactCapacity(name.count)
        if scratch.count < 2 * exactCapacity { scratch = [UInt8](repeating: 0, count: 2 * exactCapacity) }
        let isCode = QueryPolicy.isCode(name)
        if keys == .loose, isCode { return }
        let table = self.table
        let keys = self.keys
        scratch.withUnsafeMutableBufferPointer { memory in
            if isCode {
                // Codes live apart from names: only a query typed as a code reaches them.
                memory[0] = QueryPolicy.codeKeyMarker
                for (index, byte) in name.enumerated() { memory[index + 1] = byte }
                return builder.insert(UnsafeBufferPointer(rebasing: memory[0...name.count]), row: row)
            }
            var exactKey = ByteWriter(base: memory.baseAddress!, capacity: exactCapacity)
            Folding.appendExactKey(of: name, to: &exactKey, table: table)
            let key = UnsafeBufferPointer(start: exactKey.base, count: exactKey.count)
            guard keys == .loose else { return builder.insert(key, row: row) }
            var looseKey = ByteWriter(base: memory.baseAddress! + exactCapacity, capacity: exactCapacity)
            Folding.appendLooseKey(ofExactKey: key, to: &looseKey)
            builder.insert(UnsafeBufferPointer(start: looseKey.base, count: looseKey.count), row: row)
        }
    }

    /// Indexes the names of the rows `rows` (global row numbers).
    mutating func index(_ segments: [Segment], rows: Range<Int>) {
        for segment in segments {
            let lower = max(rows.lowerBound, segment.firstRow), upper = min(rows.upperBound, segment.firstRow + segment.count)
            guard lower < upper else { continue }
            let local = lower..<upper
            switch segment.storage {
            case let .text(text):
                text.text.withUnsafeBufferPointer { bytes in
                  text.rows.withUnsafeBufferPointer { textRows in
                    for row in local {
                        let names = textRows[row - segment.firstRow].names
                        var start = names.lowerBound
                        for position in names.lowerBound...names.upperBound
                        where position == names.upperBound || bytes[position] == text.separator {
                            if position > start { add(UnsafeBufferPointer(rebasing: bytes[start..<position]), row: Int32(row)) }
                            start = position + 1
                        }
                    }
                  }
                }
            case let .places(places):
                for row in local {
                    let place = places[row - segment.firstRow]
                    for var name in [place.name] + place.aliases {
                        name.withUTF8 { add($0, row: Int32(row)) }
                    }
                }
            }
        }
    }
}

/// Where the indexing workers leave their builders.
private final class WorkerResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [NameIndexer?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ indexer: NameIndexer, at index: Int) {
        lock.lock()
        slots[index] = indexer
        lock.unlock()
    }

    var indexers: [NameIndexer] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}

/// The fuzzy index, built once on first use; safe to share between tasks.
final class LazyFuzzyIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var index: FuzzyIndex?

    func index(for keys: KeyTable) -> FuzzyIndex {
        lock.lock()
        defer { lock.unlock() }
        if let index { return index }
        let built = FuzzyIndex(keys: keys)
        index = built
        return built
    }
}

/// A key table built once on first use; safe to share between tasks.
final class LazyKeyTable: @unchecked Sendable {
    private let lock = NSLock()
    private var built: KeyTable?

    func table(_ build: () -> KeyTable) -> KeyTable {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let table = build()
        built = table
        return table
    }
}
