import Foundation
import GeoModel

/// The user's own gazetteer files (`--gazetteer FILE`), told apart by
/// extension and content:
///
/// - a GeoNames dump in its standard 19-column tab-separated form
///   (`cities500.txt`, `allCountries.txt`, a country file), streamed: a
///   malformed row is skipped and reported (file:line) as a warning, since
///   one damaged row of a 12-million-row dump should not block the rest;
///   but a file whose first row is not GeoNames' is refused outright;
/// - a CSV of sites, `name,latitude,longitude[,kind,country,aliases]` with
///   or without that header (a header may also name `source` and
///   `population`), aliases separated by `|`; streamed; any bad row stops
///   the load with file:line, since a silently dropped launch site would
///   falsify a map;
/// - GeoJSON (`GeoJSONReader`, at most 512 MB): each Point feature with a
///   `name` property is a place; Polygon and MultiPolygon features are areas
///   with a point inside them.
enum ExtraFile {
    struct Loaded {
        var storage: Segment.Storage
        var warnings: [LoadWarning]
    }

    enum Format { case geonames, csv, geojson }

    /// Most individual warnings reported per file; the rest are counted.
    static let warningLimit = 5

    static func load(_ url: URL, progress: LoadProgress?) throws(GazetteerError) -> Loaded {
        switch try format(of: url) {
        case .geonames: return try GeoNamesDump.load(url, progress: progress)
        case .csv: return try SitesCSV.load(url, progress: progress)
        case .geojson: return try SitesGeoJSON.load(url)
        }
    }

    /// Decides the format from the first 64 kB and the extension.
    static func format(of url: URL) throws(GazetteerError) -> Format {
        let path = url.path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
            throw .file(.unreadable(source: path, reason: reason))
        }
        defer { try? handle.close() }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .file(.unreadable(source: path, reason: "it is a directory"))
        }
        let head: [UInt8]
        do { head = [UInt8](try handle.read(upToCount: 64 << 10) ?? Data()) } catch {
            throw .file(.unreadable(source: path, reason: error.localizedDescription))
        }
        guard !head.isEmpty else { throw .badData(source: path, line: 0, reason: "the file is empty") }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw .badData(source: path, line: 0, reason: "a ZIP archive; unzip it first (cities500.zip holds cities500.txt)")
        }
        if head.starts(with: [0x1F, 0x8B]) {
            throw .badData(source: path, line: 0, reason: "a gzip archive; decompress it first")
        }
        if let nul = head.firstIndex(of: 0) {
            let line = head[..<nul].filter { $0 == 0x0A }.count + 1
            throw .badData(source: path, line: line, reason: "binary data (a NUL byte): not a text file")
        }
        let text = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        guard let firstByte = text.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            throw .badData(source: path, line: 0, reason: "the file holds only blank space")
        }
        let extensionName = url.pathExtension.lowercased()
        if ["geojson", "json"].contains(extensionName) || firstByte == UInt8(ascii: "{") { return .geojson }
        if extensionName == "csv" { return .csv }
        let firstLine = text.prefix { $0 != 0x0A }
        if firstLine.filter({ $0 == 0x09 }).count >= 14 { return .geonames }
        if firstLine.contains(UInt8(ascii: ",")) { return .csv }
        throw .badData(
            source: path, line: 1,
            reason: "not a GeoNames dump (19 tab-separated columns), a CSV of name,latitude,longitude, nor GeoJSON"
        )
    }

    /// A summary warning for rows skipped past the individually reported ones.
    static func summary(source: String, skipped: Int, firstLine: Int) -> LoadWarning? {
        guard skipped > warningLimit else { return nil }
        return LoadWarning(source: source, line: 0, message: "skipped \(skipped) malformed rows in all (the first at line \(firstLine))")
    }
}

/// GeoNames' `geoname` table: geonameid, name, asciiname, alternatenames,
/// latitude, longitude, feature class, feature code, country code, cc2,
/// admin1 .. admin4, population, elevation, dem, timezone, modification date.
enum GeoNamesDump {
    static let separator: UInt8 = 0x1F

    static func load(_ url: URL, progress: LoadProgress?) throws(GazetteerError) -> ExtraFile.Loaded {
        var segment = TextSegment(separator: separator, style: .geonames(file: url.lastPathComponent))
        var warnings = [LoadWarning]()
        var skipped = 0
        var firstSkipped = 0
        var fields = [Range<Int>]()
        let reader = LineReader(url: url, progress: progress)
        try reader.forEachLine { line, number throws(GazetteerError) in
            guard !line.isEmpty, line[0] != UInt8(ascii: "#") else { return true }
            ByteParsing.fields(line, 0..<line.count, separator: 0x09, into: &fields)
            if let problem = append(line, fields, to: &segment) {
                if segment.rows.isEmpty && skipped == 0 {
                    throw .badData(source: url.path, line: number, reason: "\(problem); not a GeoNames dump (19 tab-separated columns)")
                }
                skipped += 1
                if skipped == 1 { firstSkipped = number }
                if skipped <= ExtraFile.warningLimit {
                    warnings.append(LoadWarning(source: url.path, line: number, message: "skipped a malformed row: \(problem)"))
                }
            }
            return true
        }
        guard !segment.rows.isEmpty else {
            throw .badData(source: url.path, line: 0, reason: "no places in the file")
        }
        if let summary = ExtraFile.summary(source: url.path, skipped: skipped, firstLine: firstSkipped) { warnings.append(summary) }
        return ExtraFile.Loaded(storage: .text(segment), warnings: warnings)
    }

    /// Appends one row; returns what is wrong with it instead, if anything.
    static func append(_ line: UnsafeBufferPointer<UInt8>, _ fields: [Range<Int>], to segment: inout TextSegment) -> String? {
        guard fields.count == 19 else { return "expected 19 tab-separated fields, found \(fields.count)" }
        guard ByteParsing.integer(line, fields[0]) != nil else { return "geonameid is not a number" }
        guard !fields[1].isEmpty else { return "empty name" }
        guard let latitude = ByteParsing.double(line, fields[4]), let longitude = ByteParsing.double(line, fields[5]) else {
            return "latitude/longitude are not numbers"
        }
        guard latitude.isFinite, longitude.isFinite, (-90...90).contains(latitude), (-180...180).contains(longitude) else {
            return "latitude/longitude \(latitude), \(longitude) are out of range"
        }
        let population = ByteParsing.integer(line, fields[14]) ?? 0
        let kind = kind(featureClass: line, fields[6], code: fields[7], population: population)

        func append(_ range: Range<Int>) {
            segment.text.append(contentsOf: UnsafeBufferPointer(rebasing: line[range]))
        }
        // Names: name, asciiname when it differs, then the comma-separated alternates.
        let namesStart = segment.text.count
        append(fields[1])
        if !fields[2].isEmpty, !line[fields[2]].elementsEqual(line[fields[1]]) {
            segment.text.append(separator)
            append(fields[2])
        }
        var start = fields[3].lowerBound
        for position in fields[3].lowerBound...fields[3].upperBound where position == fields[3].upperBound || line[position] == UInt8(ascii: ",") {
            if position > start {
                segment.text.append(separator)
                append(start..<position)
            }
            start = position + 1
        }
        let namesEnd = segment.text.count
        append(fields[0])
        let sourceEnd = segment.text.count
        append(fields[10])
        let admin1End = segment.text.count
        segment.rows.append(TextRow(
            names: namesStart..<namesEnd, source: namesEnd..<sourceEnd, admin1: sourceEnd..<admin1End,
            latitude: latitude, longitude: longitude, population: Int32(clamping: population), kind: kind,
            country: ByteParsing.countryCode(line, fields[8]), area: -1
        ))
        return nil
    }

    /// GeoNames feature class and code to a kind.
    static func kind(featureClass line: UnsafeBufferPointer<UInt8>, _ classField: Range<Int>, code codeField: Range<Int>, population: Int) -> PlaceKind {
        let featureClass = String(decoding: UnsafeBufferPointer(rebasing: line[classField]), as: UTF8.self)
        let code = String(decoding: UnsafeBufferPointer(rebasing: line[codeField]), as: UTF8.self)
        switch (featureClass, code) {
        case ("P", "PPLC"): return .capital
        case ("P", _): return population >= 100_000 ? .city : .town
        case ("A", let code) where code.hasPrefix("PCL") || code == "TERR": return .country
        case ("A", "ADM1"), ("A", "ADM1H"): return .province
        case ("A", _): return .district
        case ("S", "AIRB"), ("S", "AIRF"), ("S", "AIRH"): return .airbase
        case ("S", "AIRP"): return .airport
        case ("S", "MILB"), ("S", "INSM"), ("S", "NVB"), ("S", "CMP"): return .militarySite
        case ("H", "STRT"): return .strait
        case ("H", "SEA"), ("H", "GULF"), ("H", "BAY"): return .sea
        case ("L", "RGN"), ("L", "RGNE"), ("L", "AREA"): return .region
        default: return .landmark
        }
    }
}

/// A CSV of the user's sites.
enum SitesCSV {
    static let separator: UInt8 = 0x1F

    struct Columns {
        var name = 0, latitude = 1, longitude = 2
        var kind: Int? = 3, country: Int? = 4, aliases: Int? = 5
        var source: Int?, population: Int?
    }

    static func load(_ url: URL, progress: LoadProgress?) throws(GazetteerError) -> ExtraFile.Loaded {
        let path = url.path
        var segment = TextSegment(separator: separator, style: .literal)
        var columns: Columns?
        var parser = CSVRecordParser()
        let fileName = url.lastPathComponent
        let reader = LineReader(url: url, progress: progress)
        try reader.forEachLine { line, number throws(GazetteerError) in
            guard let (fields, recordLine) = parser.feed(line, lineNumber: number) else { return true }
            if fields.count == 1, fields[0].trimmingCharacters(in: .whitespaces).isEmpty { return true }
            if columns == nil {
                let (found, isHeader) = try header(fields, source: path, line: recordLine)
                columns = found
                if isHeader { return true }
            }
            try append(fields, columns: columns!, source: path, fileName: fileName, line: recordLine, to: &segment)
            return true
        }
        if parser.isInsideQuotes {
            throw .file(.unterminatedQuote(source: path, line: parser.recordLine))
        }
        guard !segment.rows.isEmpty else { throw .badData(source: path, line: 0, reason: "no sites in the file") }
        return ExtraFile.Loaded(storage: .text(segment), warnings: [])
    }

    /// Columns from a header row, or the positional defaults when the first
    /// row is data (its latitude and longitude are numbers).
    static func header(_ fields: [String], source: String, line: Int) throws(GazetteerError) -> (columns: Columns, isHeader: Bool) {
        if fields.count >= 3, Double(fields[1].trimmingCharacters(in: .whitespaces)) != nil,
           Double(fields[2].trimmingCharacters(in: .whitespaces)) != nil {
            return (Columns(), false)
        }
        let names = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ candidates: [String]) -> Int? { names.firstIndex { candidates.contains($0) } }
        guard let name = column(["name"]), let latitude = column(["latitude", "lat"]),
              let longitude = column(["longitude", "lon", "lng", "long"])
        else {
            throw .badData(source: source, line: line, reason: "expected a header with name, latitude and longitude, or rows of name,latitude,longitude")
        }
        let columns = Columns(
            name: name, latitude: latitude, longitude: longitude,
            kind: column(["kind"]), country: column(["country"]), aliases: column(["aliases"]),
            source: column(["source"]), population: column(["population"])
        )
        return (columns, true)
    }

    static func append(_ raw: [String], columns: Columns, source: String, fileName: String, line: Int, to segment: inout TextSegment) throws(GazetteerError) {
        let fields = raw.map { $0.trimmingCharacters(in: .whitespaces) }
        func field(_ index: Int?) -> String { index.flatMap { $0 < fields.count ? fields[$0] : nil } ?? "" }
        let required = max(columns.name, columns.latitude, columns.longitude)
        guard fields.count > required else {
            throw .badData(source: source, line: line, reason: "expected at least \(required + 1) fields, found \(fields.count)")
        }
        let name = field(columns.name)
        guard !name.isEmpty else { throw .badData(source: source, line: line, reason: "empty name") }
        guard let latitude = Double(field(columns.latitude)), let longitude = Double(field(columns.longitude)) else {
            throw .badData(source: source, line: line, reason: "latitude/longitude '\(field(columns.latitude))', '\(field(columns.longitude))' are not numbers")
        }
        let coordinate: Coordinate
        do { coordinate = try Coordinate(validatingLatitude: latitude, longitude: longitude) } catch {
            throw .badData(source: source, line: line, reason: error.description)
        }
        var kind = PlaceKind.landmark
        let kindText = field(columns.kind)
        if !kindText.isEmpty {
            guard let parsed = PlaceKind(rawValue: kindText), parsed != .coordinate else {
                let known = PlaceKind.allCases.filter { $0 != .coordinate }.map(\.rawValue).joined(separator: ", ")
                throw .badData(source: source, line: line, reason: "unknown kind '\(kindText)'; expected one of \(known)")
            }
            kind = parsed
        }
        let country = field(columns.country)
        guard country.isEmpty || ByteParsing.countryCode(country) != 0 else {
            throw .badData(source: source, line: line, reason: "country '\(country)' is not a two-letter ISO code")
        }
        var population: Int32 = -1
        let populationText = field(columns.population)
        if !populationText.isEmpty {
            guard let value = Int(populationText), value >= 0 else {
                throw .badData(source: source, line: line, reason: "population '\(populationText)' is not a whole number")
            }
            population = Int32(clamping: value)
        }
        let aliases = field(columns.aliases).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let names = ([name] + aliases).map { $0.replacingOccurrences(of: "\u{1F}", with: " ") }
        let namesStart = segment.text.count
        segment.text.append(contentsOf: Array(names.joined(separator: "\u{1F}").utf8))
        let namesEnd = segment.text.count
        let sourceText = field(columns.source)
        segment.text.append(contentsOf: Array((sourceText.isEmpty ? "\(fileName):\(line)" : sourceText).utf8))
        let sourceEnd = segment.text.count
        segment.rows.append(TextRow(
            names: namesStart..<namesEnd, source: namesEnd..<sourceEnd, admin1: sourceEnd..<sourceEnd,
            latitude: coordinate.latitude, longitude: coordinate.longitude, population: population, kind: kind,
            country: ByteParsing.countryCode(country), area: -1
        ))
    }
}

/// RFC 4180 records assembled from lines: a quoted field may span lines.
struct CSVRecordParser {
    private var fields = [String]()
    private var field = [UInt8]()
    private(set) var isInsideQuotes = false
    private var afterQuote = false
    /// Line where the record being read started.
    private(set) var recordLine = 0

    /// Feeds one line; returns the finished record and its first line, or nil
    /// while a quoted field continues on the next line.
    mutating func feed(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> ([String], Int)? {
        if !isInsideQuotes {
            recordLine = lineNumber
            fields.removeAll(keepingCapacity: true)
            field.removeAll(keepingCapacity: true)
            afterQuote = false
        } else {
            field.append(0x0A)
        }
        var index = 0
        if lineNumber == 1, line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF { index = 3 }
        while index < line.count {
            let byte = line[index]
            index += 1
            if isInsideQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index < line.count, line[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        isInsideQuotes = false
                        afterQuote = true
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where field.isEmpty && !afterQuote:
                isInsideQuotes = true
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                afterQuote = false
            default:
                field.append(byte)
            }
        }
        if isInsideQuotes { return nil }
        fields.append(String(decoding: field, as: UTF8.self))
        return (fields, recordLine)
    }
}

/// GeoJSON of the user's sites and areas.
enum SitesGeoJSON {
    /// Streams the features into places: no list of features is held.
    static func load(_ url: URL) throws(GazetteerError) -> ExtraFile.Loaded {
        var places = [Place]()
        var warnings = [LoadWarning]()
        var skipped = 0
        var index = 0
        var failure: GazetteerError?
        // Once per file, not per feature: URL paths are slow to compute.
        let file = (path: url.path, name: url.lastPathComponent)
        do throws(GeoJSONError) {
            try GeoJSONReader().forEachFeature(contentsOf: url) { feature in
                index += 1
                do throws(GazetteerError) {
                    if let place = try place(feature, at: "feature \(index)", file: file) {
                        places.append(place)
                    } else {
                        skipped += 1
                        if skipped <= ExtraFile.warningLimit {
                            let name = text(feature, ["name", "Name", "NAME", "title"]) ?? ""
                            warnings.append(LoadWarning(source: file.path, line: 0, message: "skipped feature \(index) ('\(name)'): a line is not a place"))
                        }
                    }
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
        } catch {
            switch error {
            case let .unreadable(source, reason) where reason == "no such file":
                throw .file(.unreadable(source: source, reason: reason))
            default:
                throw .badData(source: url.path, line: 0, reason: "\(error.description)")
            }
        }
        if let failure { throw failure }
        guard !places.isEmpty else { throw .badData(source: url.path, line: 0, reason: "no point or area features") }
        return ExtraFile.Loaded(storage: .places(places), warnings: warnings)
    }

    /// Features read by other means (a GIS layer through GDAL) as places,
    /// by the same rules as a GeoJSON file's (lines are skipped and counted).
    static func load(_ features: [Feature], origin: String) throws(GazetteerError) -> ExtraFile.Loaded {
        var places = [Place](), skipped = 0
        for (index, feature) in features.enumerated() {
            if let place = try place(feature, at: "feature \(index + 1)", file: (origin, origin)) { places.append(place) } else { skipped += 1 }
        }
        guard !places.isEmpty else { throw .badData(source: origin, line: 0, reason: "no point or area features") }
        let warnings = skipped == 0 ? [] : [LoadWarning(source: origin, line: 0, message: "skipped \(skipped) line feature(s): a line is not a place")]
        return ExtraFile.Loaded(storage: .places(places), warnings: warnings)
    }

    /// The first non-blank text among the properties `names`, trimmed.
    private static func text(_ feature: Feature, _ names: [String]) -> String? {
        for name in names {
            switch feature[property: name] {
            case let .string(value)?:
                // Most values need no trimming; Foundation's is slow for a million of them.
                let untrimmed = value.unicodeScalars.first.map { !CharacterSet.whitespaces.contains($0) } == true
                    && value.unicodeScalars.last.map { !CharacterSet.whitespaces.contains($0) } == true
                let trimmed = untrimmed ? value : value.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { return trimmed }
            case let .integer(value)?: return String(value)
            case let .number(value)?: return String(value)
            default: continue
            }
        }
        return nil
    }

    /// The place a point or area feature stands for; nil for a line.
    static func place(_ feature: Feature, at: String, file: (path: String, name: String)) throws(GazetteerError) -> Place? {
        guard let name = text(feature, ["name", "Name", "NAME", "title"]) else {
            throw .badData(source: file.path, line: 0, reason: "\(at) has no 'name' property")
        }
        var kind: PlaceKind?
        if let kindText = text(feature, ["kind"]) {
            guard let parsed = PlaceKind(rawValue: kindText), parsed != .coordinate else {
                throw .badData(source: file.path, line: 0, reason: "\(at) ('\(name)'): unknown kind '\(kindText)'")
            }
            kind = parsed
        }
        let aliases = (text(feature, ["aliases"]) ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let country = text(feature, ["country"]) ?? ""
        let source = text(feature, ["source"]) ?? "\(file.name) \(at)"
        var population: Int?
        if case let .integer(value)? = feature[property: "population"] { population = value }
        let area: MultiPolygon
        switch feature.shape {
        case let .point(point):
            return Place(name: name, aliases: aliases, coordinate: point, kind: kind ?? .landmark,
                         country: country, source: source, population: population)
        case let .polygon(polygon): area = MultiPolygon([polygon])
        case let .multiPolygon(multi): area = multi
        case .lineString: return nil
        }
        guard let inside = AreaGeometry.interiorPoint(area) else {
            throw .badData(source: file.path, line: 0, reason: "\(at) ('\(name)') has an empty outline")
        }
        return Place(name: name, aliases: aliases, coordinate: inside, kind: kind ?? .region,
                     country: country, source: source, area: area, population: population)
    }
}
