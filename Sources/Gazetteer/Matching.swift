import Foundation
import GeoModel

/// Finding and ranking the rows a query matches (see `QueryPolicy`).
extension Gazetteer {
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
        let facilities = (facilityBases[key] ?? []).filter { !exactRows.contains($0) }
        // The loose key, built once for the tiers below that need it.
        var looseKeyStore: [UInt8]?
        func looseKey() -> [UInt8] {
            if let stored = looseKeyStore { return stored }
            var built = [UInt8]()
            key.withUnsafeBufferPointer { Folding.appendLooseKey(ofExactKey: $0, to: &built) }
            looseKeyStore = built
            return built
        }
        // A city met loosely beats a facility met by its bare name: "Hodeidah"
        // is the city (spelled Al Hudaydah, Hodeida), not its airport.
        if exactRows.isEmpty, !facilities.isEmpty, QueryPolicy.allowsLooseMatch(query) {
            let major = closeEnough(ranked(loose.rows(for: looseKey())), to: query).filter { Self.isMajor(summary(ofRow: $0).kind) && summary(ofRow: $0).kind != .district }
            if !major.isEmpty { return (major + ranked(facilities).filter { !major.contains($0) }, .loose) }
        }
        if !exactRows.isEmpty || !facilities.isEmpty {
            let named = preferringOwnNames(ranked(exactRows), key: key)
            // A facility named without its facility words (`Natanz`,
            // `Plesetsk`) comes before a town or airport of that name, after
            // a city, province or country (`Baghdad`).
            guard !facilities.isEmpty else { return (named, .exact) }
            if let first = named.first, Self.isMajor(summary(ofRow: first).kind) || summary(ofRow: first).kind.isFacility {
                return (named + ranked(facilities), .exact)
            }
            // A port does not displace its town: "Eilat" is the town, "Port of Eilat" the port.
            let rankedFacilities = ranked(facilities)
            let ports = rankedFacilities.filter { summary(ofRow: $0).kind == .port }
            let others = rankedFacilities.filter { summary(ofRow: $0).kind != .port }
            if !named.isEmpty, !ports.isEmpty { return (others + named + ports, .exact) }
            return (rankedFacilities + named, .exact)
        }
        if let facility = facilityRows(key, loosely: false) { return facility }
        if let (name, qualifier) = splitQualifier(query), let filter = qualifierFilter(qualifier) {
            let named = ranked(exact.rows(for: Folding.exactKey(name))).filter(filter)
            if !named.isEmpty { return (named, .qualified) }
            if QueryPolicy.allowsLooseMatch(name) {
                let loosely = closeEnough(ranked(loose.rows(for: Folding.looseKey(name))).filter(filter), to: name)
                if !loosely.isEmpty { return (loosely, .loose) }
            }
        }
        guard QueryPolicy.allowsLooseMatch(query) else { return nil }
        let looseRows = closeEnough(ranked(loose.rows(for: looseKey())), to: query)
        if !looseRows.isEmpty { return (looseRows, .loose) }
        return facilityRows(key, loosely: true)
    }

    /// Rows for a query with facility words (`Natanz enrichment facility`,
    /// `Al Dhafra AB`, `Camp Arifjan`): the places named by the rest of it,
    /// exactly or loosely, of a kind the words ask for, best first.
    /// - Parameter loosely: the rest met loosely (tried after the whole
    ///   query's loose match), else exactly.
    func facilityRows(_ key: [UInt8], loosely: Bool) -> (rows: [Int32], match: Candidate.Match)? {
        guard let reading = FacilityWords.reading(ofExactKey: key), QueryPolicy.isLongEnough(reading.base) else { return nil }
        guard let found = facilityRows(reading, key: key, loosely: loosely) else { return nil }
        guard reading.kinds == FacilityWords.province else { return found }
        // "Kyiv Oblast" is the province around the city, not the city's own
        // admin unit ("Kiev City").
        let rows = found.rows.filter { row in !((try? place(ofRow: row))?.name.lowercased().hasSuffix(" city") ?? false) }
        return rows.isEmpty ? nil : (rows, found.match)
    }

    private func facilityRows(_ reading: FacilityWords.Reading, key: [UInt8], loosely: Bool) -> (rows: [Int32], match: Candidate.Match)? {
        let wanted = { (row: Int32) in reading.kinds.contains(self.summary(ofRow: row).kind) }
        if !loosely {
            // The forms the airport datasets use: "Kandahar Airfield" is
            // "Kandahar Airport", "Elmendorf AFB" "Elmendorf Afb Airport".
            let airfield = reading.kinds.contains(.airbase) || reading.kinds.contains(.airport)
            let forms = airfield ? FacilityWords.airportForms.flatMap { [reading.base + $0, key + $0] } : []
            // A whole-name spelling of a wanted kind first: "King Khalid
            // International Airport" is King Khaled International Airport.
            // (not one in another country than the place the rest names:
            // "Frankfurt Airport" is no Frankfort Airport in South Africa).
            let baseRows = exact.rows(for: reading.base)
            let whole = String(decoding: key, as: UTF8.self)
            if QueryPolicy.allowsLooseMatch(whole) {
                let country = ranked(baseRows).first.map { summary(ofRow: $0).country }
                let spelled = closeEnough(ranked(loose.rows(for: Folding.looseKey(whole))), to: whole)
                    .filter { wanted($0) && (country == nil || summary(ofRow: $0).country == country) }
                if !spelled.isEmpty { return (spelled, .loose) }
            }
            let airfields = Set(forms.flatMap { exact.rows(for: $0) })
            let rows = baseRows + (facilityBases[reading.base] ?? []) + airfields
            let named = preferringOwnNames(ranked(rows), key: reading.base).filter {
                wanted($0) || airfields.contains($0) && [.airport, .airbase].contains(summary(ofRow: $0).kind)
            }
            if !named.isEmpty { return (named, .alias) }
            // "Frankfurt Airport", "Beirut Airport": the nearest place of a
            // wanted kind within 50 km of the place the rest names.
            guard let town = ranked(baseRows).first else { return nil }
            let center = summary(ofRow: town)
            let nearest = places(near: Coordinate(latitude: center.latitude, longitude: center.longitude), within: .kilometers(50),
                                 kinds: reading.kinds, distance: { Self.roughDistance($0, $1) })
            guard let first = nearest.first else { return nil }
            let rowsNear = exact.rows(for: Folding.exactKey(first.place.name)).filter {
                summary(ofRow: $0).latitude == first.place.coordinate.latitude && summary(ofRow: $0).longitude == first.place.coordinate.longitude
            }
            return rowsNear.isEmpty ? nil : (Array(rowsNear.prefix(1)), .loose)
        }
        let base = String(decoding: reading.base, as: UTF8.self)
        guard QueryPolicy.allowsLooseMatch(base) else { return nil }
        let loosely = closeEnough(ranked(loose.rows(for: Folding.looseKey(base))), to: base).filter(wanted)
        return loosely.isEmpty ? nil : (loosely, .loose)
    }

    /// `rows` with the facilities whose own name is the query (facility
    /// words aside: `Kunsan Air Base` for `Kunsan`) moved ahead of those the query meets
    /// only by another name, when the best row is such an
    /// other-name match in another country: `Kunsan` is the air base in
    /// Korea, not a spelling of Kunshan in China.
    func preferringOwnNames(_ rows: [Int32], key: [UInt8]) -> [Int32] {
        guard rows.count > 1 else { return rows }
        let summaries = rows.map { summary(ofRow: $0) }
        // Most names: no facility among the rows, nothing to promote.
        guard summaries.dropFirst().contains(where: { $0.kind.isFacility && $0.country != summaries[0].country }) else { return rows }
        // Only facilities are promoted: a town's own name elsewhere (Ar
        // Ramadi in Yemen) must not beat a city's spelling (Ramadi).
        func ownName(_ row: Int32) -> Bool {
            guard summary(ofRow: row).kind.isFacility, let name = names(ofRow: row).first else { return false }
            return FacilityWords.baseKey(ofName: name) == key
        }
        let first = summary(ofRow: rows[0])
        guard !ownName(rows[0]) else { return rows }
        guard rows.contains(where: { summary(ofRow: $0).country != first.country && ownName($0) }) else { return rows }
        let keyed = rows.enumerated().map { (index: $0.offset, row: $0.element, own: ownName($0.element)) }
        return keyed.sorted { $0.own != $1.own ? $0.own : $0.index < $1.index }.map(\.row)
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
    func splitQualifier(_ query: String) -> (String, String)? {
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
        case .militarySite, .airbase, .armyBase, .navalBase, .missileBase, .spaceLaunchSite,
             .nuclearFacility, .oilGasFacility: return 4.0
        case .landmark, .strait, .sea, .governmentDistrict: return 4.5
        case .port: return 3.5
        case .airport: return 3.0
        case .coordinate: return 0
        }
    }

    /// Distance on a sphere of the mean Earth radius: only to order a few
    /// candidates within tens of kilometres (geodesics live in Geodesy).
    static func roughDistance(_ a: Coordinate, _ b: Coordinate) -> Distance {
        let radians = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * radians, dLon = (b.longitude - a.longitude) * radians
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.latitude * radians) * cos(b.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
        return .kilometers(2 * 6371.0088 * asin(min(1, h.squareRoot())))
    }
}
