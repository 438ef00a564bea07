import Foundation
import GeoModel

/// Loading the data directory, and linking the overrides to the bundled
/// rows they cite.
extension Gazetteer {
    /// Loads the data directory: `places.csv` (required; the overrides) and
    /// the strategic sites of `sites/*.csv` (see `SiteTable`), then `gazetteer.tsv` and `areas.bin` when present (the generated
    /// datasets), then each of `extraFiles` (GeoNames dumps, CSV or GeoJSON
    /// of the user's sites; see `ExtraFile`), streamed.
    /// - Parameters:
    ///   - extraFeatures: the user's places read by other means (GIS
    ///     layers), each list named by its origin; read like a GeoJSON file's
    ///     features (`name`, `kind`, `country`, `aliases`, `source`,
    ///     `population` properties; points and areas).
    ///   - progress: called as large extra files are read.
    /// - Throws: `GazetteerError` naming the file (and line) at fault.
    public init(dataDirectory: URL, extraFiles: [URL] = [], extraFeatures: [(origin: String, features: [Feature])] = [],
                progress: LoadProgress? = nil) throws(GazetteerError) {
        // The user's files first: a bad one fails before the bundle is read.
        var extras = [(origin: String, loaded: ExtraFile.Loaded)]()
        for url in extraFiles {
            extras.append((url.path, try ExtraFile.load(url, progress: progress)))
        }
        for (origin, features) in extraFeatures {
            extras.append((origin, try SitesGeoJSON.load(features, origin: origin)))
        }
        let overridesURL = dataDirectory.appendingPathComponent("places.csv")
        // Hashed before it is parsed: should it change in between, the
        // cache records the older bytes and the next load finds it stale.
        var overridesBytes = try? BundleFile.readWholeFile(overridesURL)
        var entries = try PlaceTable.entries(contentsOf: overridesURL)
        // The sites layer joins the overrides; its files are part of the
        // cache's fingerprint (name and bytes), so adding, editing or
        // removing one rebuilds the cache.
        for url in SiteTable.files(in: dataDirectory) {
            let bytes = try? BundleFile.readWholeFile(url)
            if let bytes, overridesBytes != nil {
                overridesBytes! += Array("\u{0}\(SiteTable.directoryName)/\(url.lastPathComponent)\u{0}".utf8) + bytes
            } else {
                overridesBytes = nil
            }
            entries += try SiteTable.entries(contentsOf: url)
        }
        // The bundled records the curated rows cite: the first row citing a
        // record stands for it (places.csv before the sites).
        var wanted = [String: Int]()
        for (index, entry) in entries.enumerated() {
            if let code = Self.bundleCode(citedBy: entry.place.source), wanted[code] == nil { wanted[code] = index }
            if let area = entry.area { wanted[Self.areaCode(area) ?? area] = index }
        }
        let codes = wanted.keys.sorted()
        var segments = [Segment]()
        var nextRow = 0
        var bundled: TextSegment?
        var cache: (url: URL, fingerprint: IndexCache.Fingerprint, contents: IndexCache.Contents?)?
        let tsv = dataDirectory.appendingPathComponent(BundleFile.fileName)
        if FileManager.default.fileExists(atPath: tsv.path) {
            let areasURL = dataDirectory.appendingPathComponent(BundleFile.areasFileName)
            let areas = FileManager.default.fileExists(atPath: areasURL.path) ? try AreaFile(contentsOf: areasURL) : nil
            let file = try BundleFile.mapWholeFile(tsv)
            let text = TextBytes(mapping: file)
            let segment: TextSegment
            if let overridesBytes {
                let url = dataDirectory.appendingPathComponent(IndexCache.fileName)
                let fingerprint = IndexCache.Fingerprint(bundle: file, areas: areas?.fingerprint, overrides: overridesBytes)
                let contents = IndexCache.load(url, fingerprint: fingerprint, textCount: text.count,
                                               areaCount: areas?.count ?? 0, overrideCount: entries.count, codes: codes)
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

        // Overrides and sites: link each to the bundled row it cites, inherit its
        // population, attach a named outline.
        // The links come from the cache when it was read: finding them scans every bundled row.
        var redirects = [Int32: Int32]()
        var places = entries.map(\.place)
        var found = [String: Int]()
        if let bundled {
            found = cache?.contents?.links ?? Self.bundledRows(withSourceCodes: Set(codes), in: bundled)
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
        for (origin, loaded) in extras {
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
            segments.append(Segment(tier: .user, origin: origin, firstRow: nextRow, storage: loaded.storage))
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
                IndexCache.store(IndexCache.Contents(rows: bundled.rows, exact: table, links: found), tableRowCount: nextRow,
                                 fingerprint: cache.fingerprint, codes: codes, to: cache.url)
                exact = table
            }
        }
        self.init(segments: segments, redirects: redirects, warnings: warnings, exact: exact)
    }

    // MARK: linking overrides to bundled rows

    /// `GeoNames 98182 (cities15000)` -> `g:98182`; `airportsdata ORAA` or
    /// `airportsdata 20260905 ..., record ORAA` -> `a:ORAA`.
    static func bundleCode(citedBy source: String) -> String? {
        let words = source.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," })
        guard words.count >= 2 else { return nil }
        if words[0] == "GeoNames", Int(words[1]) != nil { return "g:\(words[1])" }
        if words[0] == "airportsdata", words[1].count == 4 { return "a:\(words[1])" }
        // Sites cite the record inside a longer reference: "airportsdata
        // 20260905 (OurAirports/mwgg data), record OTBH 'Al Udeid Air Base'".
        if let cited = words.firstIndex(of: "airportsdata"), let record = words[cited...].firstIndex(of: "record"),
           record + 1 < words.count, words[record + 1].count == 4,
           words[record + 1].allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) {
            return "a:\(words[record + 1])"
        }
        return nil
    }

    /// `country:IQ` -> `c:IQ`; `admin1:IQ:Al-Anbar` -> `p:IQ:Al-Anbar`.
    static func areaCode(_ reference: String) -> String? {
        let parts = reference.split(separator: ":", maxSplits: 2).map(String.init)
        if parts.count == 2, parts[0] == "country" { return "c:\(parts[1])" }
        if parts.count == 3, parts[0] == "admin1" { return "p:\(parts[1]):\(parts[2])" }
        return nil
    }

    /// The bundled rows whose source code is one of `codes`.
    /// - Complexity: O(rows): one short hash per row source and a lookup,
    ///   however many codes are wanted (the sites cite hundreds).
    private static func bundledRows(withSourceCodes codes: Set<String>, in segment: TextSegment) -> [String: Int] {
        guard !codes.isEmpty else { return [:] }
        var wanted = [UInt64: [(code: String, bytes: [UInt8])]]()
        for code in codes {
            let bytes = Array(code.utf8)
            let hash = bytes.withUnsafeBufferPointer { sourceHash($0, 0..<$0.count) }
            wanted[hash, default: []].append((code, bytes))
        }
        var found = [String: Int]()
        segment.text.withUnsafeBufferPointer { text in
            segment.rows.withUnsafeBufferPointer { rows in
                for (index, row) in rows.enumerated() {
                    let source = row.source
                    guard let candidates = wanted[sourceHash(text, source)] else { continue }
                    for candidate in candidates where candidate.bytes.count == source.count {
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

    /// FNV-1a of `bytes[range]`: a cheap key for a short source code.
    @inline(__always)
    private static func sourceHash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in range {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01b3
        }
        return hash
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
