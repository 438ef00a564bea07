import Foundation
import Gazetteer
import GeoModel
import Yams

/// Where something is in a scenario file: `file:line:column` (1-based).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem in a scenario file, at its place.
public struct ScenarioIssue: Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

/// Every problem found in a scenario file (never only the first).
public struct ScenarioErrors: Error, Sendable, CustomStringConvertible, LocalizedError {
    public var issues: [ScenarioIssue]

    public init(_ issues: [ScenarioIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
    public var errorDescription: String? { description }
}

/// A scenario as written: what was reported, what to draw, where to write.
///
/// See the README for the format. Values keep their file locations so that
/// later checks (unknown places, unknown systems) can point at them.
public struct ScenarioDocument: Sendable {
    /// A system: a catalog name, optionally with fields that override or
    /// fully define it inline.
    public struct SystemEntry: Sendable {
        public var name: String
        public var location: SourceLocation
        public var category: MissileSystem.Category?
        public var range: Distance?
        public var minimumRange: Distance?
        public var rangeLow: Distance?
        public var rangeHigh: Distance?
        public var source: String?
        public var aliases: [String] = []

        /// Whether the entry defines a system by itself (has its own range).
        public var isInline: Bool { range != nil }
    }

    /// A launch site: a place name, a coordinate, or a GeoJSON file.
    public struct SiteEntry: Sendable {
        public enum Origin: Sendable {
            case place(String)
            case coordinate(Coordinate)
            case geojson(URL)
        }

        public var name: String
        public var origin: Origin
        public var location: SourceLocation
        /// The systems at this site (names); nil: every system of the scenario.
        public var systems: [String]?
    }

    /// Targets: a place name or coordinate, a file, or a gazetteer class.
    public struct TargetEntry: Sendable {
        public enum Origin: Sendable {
            case place(String)
            case coordinate(String, Coordinate)
            case file(URL)
            case kind(String, country: String?)
        }

        public var origin: Origin
        public var location: SourceLocation
    }

    /// Map options, passed on to the renderer as written.
    public struct MapOptions: Sendable {
        public var projection: String?
        public var center: Coordinate?
        /// West, south, east, north in degrees.
        public var extent: [Double]?
        public var theme: String?
        public var width: Int?
        public var height: Int?

        /// Projection names a scenario may give.
        public static let projections = ["aeqd", "laea", "equirectangular", "web-mercator"]

        public init() {}
    }

    /// Output formats a scenario can ask for.
    public enum OutputFormat: String, CaseIterable, Sendable {
        case geojson, svg, csv, md, kml
    }

    public var file: String
    public var title: String
    public var date: String?
    public var summary: String?
    public var sources: [String]
    public var systems: [SystemEntry]
    public var rangeEstimate: RangeEstimate
    public var sites: [SiteEntry]
    public var targets: [TargetEntry]
    public var map: MapOptions
    /// File stem of the outputs (letters, digits, `-`, `_`, `.`; no folders).
    public var stem: String
    public var formats: [OutputFormat]
    /// Tolerance of footprint edges, if the scenario sets one.
    public var tolerance: Distance?

    /// Reads a scenario file.
    /// - Throws: `ScenarioErrors` listing every problem with its location;
    ///   `ThreatModelError.file` when the file cannot be read.
    public static func load(contentsOf url: URL) throws -> ScenarioDocument {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ThreatModelError.file("\(url.path): cannot read: \(error.localizedDescription)")
        }
        return try parse(text, file: url.path, baseDirectory: url.deletingLastPathComponent())
    }

    /// Parses scenario YAML. Relative file paths are taken from `baseDirectory`;
    /// `fileAccess` says whether they may leave it.
    /// - Throws: `ScenarioErrors` listing every problem with its location.
    public static func parse(_ text: String, file: String, baseDirectory: URL,
                             fileAccess: ScenarioFileAccess = .insideFolder) throws(ScenarioErrors) -> ScenarioDocument {
        var reader = ScenarioReader(file: file, baseDirectory: baseDirectory, fileAccess: fileAccess)
        let document = reader.read(text)
        guard reader.issues.isEmpty, let document else { throw ScenarioErrors(reader.issues) }
        return document
    }
}

extension ScenarioDocument {
    /// Every problem of a scenario, from the YAML up to unknown places and
    /// systems, sorted by position; empty when the scenario is sound.
    public static func problems(
        in text: String, file: String, baseDirectory: URL, fileAccess: ScenarioFileAccess = .insideFolder,
        gazetteer: Gazetteer, catalog: MissileCatalog
    ) -> [ScenarioIssue] {
        check(text, file: file, baseDirectory: baseDirectory, fileAccess: fileAccess, gazetteer: gazetteer, catalog: catalog).problems
    }

    /// As `problems(in:...)`, with the notices of a sound scenario too: names
    /// met by an alias, a loose spelling or a code (`ResolvedScenario.notices`).
    public static func check(
        _ text: String, file: String, baseDirectory: URL, fileAccess: ScenarioFileAccess = .insideFolder,
        gazetteer: Gazetteer, catalog: MissileCatalog
    ) -> (problems: [ScenarioIssue], notices: [ScenarioIssue]) {
        var reader = ScenarioReader(file: file, baseDirectory: baseDirectory, fileAccess: fileAccess)
        var issues = [ScenarioIssue]()
        var notices = [ScenarioIssue]()
        if let document = reader.read(text) {
            do { notices = try document.resolve(gazetteer: gazetteer, catalog: catalog).notices } catch { issues = error.issues }
        }
        let problems = (reader.issues + issues).sorted {
            ($0.location.line, $0.location.column, $0.message) < ($1.location.line, $1.location.column, $1.message)
        }
        return (problems, notices)
    }
}

/// Which files a scenario's `file:` and `geojson:` entries may name.
public enum ScenarioFileAccess: Sendable {
    /// Only files inside the scenario's folder (or its subfolders), after
    /// symbolic links are followed: a scenario from elsewhere cannot make
    /// a run read `/etc/shadow` or `../../secrets`.
    case insideFolder
    /// Any file the user can read.
    case anywhere
}

/// Walks the YAML node tree, collecting every issue instead of stopping.
struct ScenarioReader {
    let file: String
    let baseDirectory: URL
    var fileAccess: ScenarioFileAccess = .insideFolder
    var issues: [ScenarioIssue] = []

    static let topKeys: Set<String> = [
        "title", "date", "summary", "sources", "systems", "missiles", "range_estimate", "sites",
        "targets", "map", "outputs", "output", "tolerance",
    ]

    mutating func read(_ yaml: String) -> ScenarioDocument? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            issues.append(yamlIssue(error))
            return nil
        } catch {
            issues.append(ScenarioIssue(at(nil), "not valid YAML: \(error)"))
            return nil
        }
        guard let root, case let .mapping(mapping) = root else {
            issues.append(ScenarioIssue(at(root), "expected a mapping of scenario fields (title, systems, sites, targets, ...)"))
            return nil
        }
        var fields = [String: Node]()
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                issues.append(ScenarioIssue(at(key), "keys must be plain names"))
                continue
            }
            if !Self.topKeys.contains(name) {
                issues.append(ScenarioIssue(at(key), "unknown key '\(name)'; expected one of \(Self.topKeys.sorted().joined(separator: ", "))"))
                continue
            }
            fields[name] = value
        }
        let title = text(fields["title"], field: "title", required: true, in: root) ?? ""
        let date = text(fields["date"], field: "date")
        let summary = text(fields["summary"], field: "summary")
        var sources = [String]()
        for node in list(fields["sources"], field: "sources") {
            if let source = text(node, field: "sources entry") { sources.append(source) }
        }

        if fields["systems"] != nil, let missiles = fields["missiles"] {
            issues.append(ScenarioIssue(at(missiles), "give 'systems' or its older name 'missiles', not both"))
        }
        let systemsNode = fields["systems"] ?? fields["missiles"]
        var systems = [ScenarioDocument.SystemEntry]()
        for node in nonEmptyList(systemsNode, field: "systems", in: root) {
            if let entry = system(node) { systems.append(entry) }
        }
        var rangeEstimate = RangeEstimate.nominal
        if let node = fields["range_estimate"], let value = text(node, field: "range_estimate") {
            if let estimate = RangeEstimate(rawValue: value) { rangeEstimate = estimate } else {
                issues.append(ScenarioIssue(at(node), "range_estimate '\(value)' must be low, nominal or high"))
            }
        }
        var sites = [ScenarioDocument.SiteEntry]()
        for node in nonEmptyList(fields["sites"], field: "sites", in: root) {
            if let entry = site(node) { sites.append(entry) }
        }
        var targets = [ScenarioDocument.TargetEntry]()
        for node in nonEmptyList(fields["targets"], field: "targets", in: root) {
            if let entry = target(node) { targets.append(entry) }
        }
        let map = mapOptions(fields["map"])
        var tolerance: Distance?
        if let node = fields["tolerance"] {
            tolerance = distance(node, field: "tolerance")
            if let value = tolerance, value < .meters(0.1) {
                issues.append(ScenarioIssue(at(node), "tolerance must be at least 0.1 m"))
            }
        }
        let (stem, formats) = outputs(fields["outputs"], legacy: fields["output"], root: root)

        checkDuplicates(systems.map { ($0.name, $0.location) }, what: "system")
        checkDuplicates(sites.map { ($0.name, $0.location) }, what: "site")
        let systemNames = Set(systems.map { NameKeyFolding.fold($0.name) })
        for site in sites {
            for name in site.systems ?? [] where !systemNames.contains(NameKeyFolding.fold(name)) {
                issues.append(ScenarioIssue(site.location, "site '\(site.name)' names system '\(name)', which the scenario's systems do not list"))
            }
        }
        return ScenarioDocument(
            file: file, title: title, date: date, summary: summary, sources: sources, systems: systems,
            rangeEstimate: rangeEstimate, sites: sites, targets: targets, map: map, stem: stem, formats: formats,
            tolerance: tolerance
        )
    }

    // MARK: entries

    mutating func system(_ node: Node) -> ScenarioDocument.SystemEntry? {
        if let name = node.scalar?.string {
            return ScenarioDocument.SystemEntry(name: name, location: at(node))
        }
        guard let fields = mapping(node, field: "systems entry", keys: ["name", "class", "range", "min_range", "range_low", "range_high", "source", "aliases", "evidence", "confidence"]) else { return nil }
        guard let name = text(fields["name"], field: "name", required: true, in: node) else { return nil }
        var entry = ScenarioDocument.SystemEntry(name: name, location: at(node))
        if let classNode = fields["class"], let value = text(classNode, field: "class") {
            entry.category = MissileSystem.Category(rawValue: value)
            if entry.category == nil {
                issues.append(ScenarioIssue(at(classNode), "class '\(value)' must be one of \(MissileSystem.Category.catalogNames)"))
            }
        }
        if let node = fields["range"] { entry.range = distance(node, field: "range") }
        if let node = fields["min_range"] { entry.minimumRange = distance(node, field: "min_range") }
        if let node = fields["range_low"] { entry.rangeLow = distance(node, field: "range_low") }
        if let node = fields["range_high"] { entry.rangeHigh = distance(node, field: "range_high") }
        entry.source = text(fields["source"], field: "source")
        for alias in list(fields["aliases"], field: "aliases") {
            if let value = text(alias, field: "alias") { entry.aliases.append(value) }
        }
        if let range = entry.range, let minimum = entry.minimumRange, minimum >= range {
            issues.append(ScenarioIssue(at(fields["min_range"]), "min_range \(minimum) must be below range \(range)"))
        }
        if let range = entry.range, range == .zero {
            issues.append(ScenarioIssue(at(fields["range"]), "range must be greater than zero"))
        }
        return entry
    }

    mutating func site(_ node: Node) -> ScenarioDocument.SiteEntry? {
        if let value = node.scalar?.string {
            return siteEntry(name: value, value: value, node: node, systems: nil)
        }
        guard let fields = mapping(node, field: "sites entry", keys: ["name", "place", "coordinates", "geojson", "systems", "evidence", "confidence"]) else { return nil }
        var systems: [String]?
        if let systemsNode = fields["systems"] {
            systems = []
            for item in list(systemsNode, field: "systems") {
                if let value = text(item, field: "system") { systems?.append(value) }
            }
        }
        let given = ["place", "coordinates", "geojson"].filter { fields[$0] != nil }
        guard given.count <= 1 else {
            issues.append(ScenarioIssue(at(node), "a site takes one of place, coordinates or geojson, not \(given.joined(separator: " and "))"))
            return nil
        }
        let name = text(fields["name"], field: "name")
        if let geojson = fields["geojson"], let path = text(geojson, field: "geojson") {
            guard let url = file(path, at: geojson) else { return nil }
            return ScenarioDocument.SiteEntry(name: name ?? url.lastPathComponent, origin: .geojson(url), location: at(geojson), systems: systems)
        }
        if let coordinates = fields["coordinates"], let value = text(coordinates, field: "coordinates") {
            guard let coordinate = coordinate(value, at: coordinates) else { return nil }
            return ScenarioDocument.SiteEntry(name: name ?? value, origin: .coordinate(coordinate), location: at(coordinates), systems: systems)
        }
        let placeNode = fields["place"] ?? fields["name"]
        guard let placeNode, let value = text(placeNode, field: "place") else {
            issues.append(ScenarioIssue(at(node), "a site needs a name, place, coordinates or geojson"))
            return nil
        }
        return siteEntry(name: name ?? value, value: value, node: placeNode, systems: systems)
    }

    mutating func siteEntry(name: String, value: String, node: Node, systems: [String]?) -> ScenarioDocument.SiteEntry? {
        let origin: ScenarioDocument.SiteEntry.Origin
        do {
            origin = try Coordinate.parse(value).map { .coordinate($0) } ?? .place(value)
        } catch {
            issues.append(ScenarioIssue(at(node), error.description))
            return nil
        }
        return ScenarioDocument.SiteEntry(name: name, origin: origin, location: at(node), systems: systems)
    }

    mutating func target(_ node: Node) -> ScenarioDocument.TargetEntry? {
        if let value = node.scalar?.string {
            do { _ = try Coordinate.parse(value) } catch {
                issues.append(ScenarioIssue(at(node), error.description))
                return nil
            }
            return ScenarioDocument.TargetEntry(origin: .place(value), location: at(node))
        }
        guard let fields = mapping(node, field: "targets entry", keys: ["place", "file", "kind", "country", "name", "coordinates", "evidence", "confidence"]) else { return nil }
        if let fileNode = fields["file"], let path = text(fileNode, field: "file") {
            guard let url = file(path, at: fileNode) else { return nil }
            return ScenarioDocument.TargetEntry(origin: .file(url), location: at(fileNode))
        }
        if let kindNode = fields["kind"], let kind = text(kindNode, field: "kind") {
            return ScenarioDocument.TargetEntry(origin: .kind(kind, country: text(fields["country"], field: "country")), location: at(kindNode))
        }
        if let coordinatesNode = fields["coordinates"], let value = text(coordinatesNode, field: "coordinates") {
            guard let coordinate = coordinate(value, at: coordinatesNode) else { return nil }
            let name = text(fields["name"], field: "name") ?? value
            return ScenarioDocument.TargetEntry(origin: .coordinate(name, coordinate), location: at(coordinatesNode))
        }
        if let placeNode = fields["place"] ?? fields["name"], let value = text(placeNode, field: "place") {
            return ScenarioDocument.TargetEntry(origin: .place(value), location: at(placeNode))
        }
        issues.append(ScenarioIssue(at(node), "a target needs place, coordinates, file or kind"))
        return nil
    }

    mutating func mapOptions(_ node: Node?) -> ScenarioDocument.MapOptions {
        var options = ScenarioDocument.MapOptions()
        guard let node, let fields = mapping(node, field: "map", keys: ["projection", "center", "extent", "theme", "width", "height"]) else {
            return options
        }
        options.projection = text(fields["projection"], field: "projection")
        if let projection = options.projection, !ScenarioDocument.MapOptions.projections.contains(projection) {
            issues.append(ScenarioIssue(at(fields["projection"]), "projection '\(projection)' must be one of \(ScenarioDocument.MapOptions.projections.joined(separator: ", "))"))
        }
        if let centerNode = fields["center"], let value = text(centerNode, field: "center") {
            options.center = coordinate(value, at: centerNode)
        }
        if let extentNode = fields["extent"] {
            var values = [Double]()
            for item in list(extentNode, field: "extent") {
                if let value = number(item, field: "extent value") { values.append(value) }
            }
            if values.count == 4, values[1] < values[3], (-90...90).contains(values[1]), (-90...90).contains(values[3]) {
                options.extent = values
            } else {
                issues.append(ScenarioIssue(at(extentNode), "extent must be [west, south, east, north] in degrees, south below north"))
            }
        }
        options.theme = text(fields["theme"], field: "theme")
        if let theme = options.theme, !["light", "dark"].contains(theme) {
            issues.append(ScenarioIssue(at(fields["theme"]), "theme '\(theme)' must be light or dark"))
        }
        for (key, keyPath) in [("width", \ScenarioDocument.MapOptions.width), ("height", \ScenarioDocument.MapOptions.height)] {
            guard let sizeNode = fields[key] else { continue }
            if let value = sizeNode.int, (200...10_000).contains(value) { options[keyPath: keyPath] = value } else {
                issues.append(ScenarioIssue(at(sizeNode), "\(key) must be a whole number of pixels from 200 to 10000"))
            }
        }
        return options
    }

    mutating func outputs(_ node: Node?, legacy: Node?, root: Node) -> (String, [ScenarioDocument.OutputFormat]) {
        var stem: String?
        var stemNode = legacy
        var formats: [ScenarioDocument.OutputFormat] = [.geojson, .svg, .csv, .md]
        if let node, let fields = mapping(node, field: "outputs", keys: ["stem", "formats"]) {
            stemNode = fields["stem"] ?? legacy
            if let formatsNode = fields["formats"] {
                formats = []
                for item in list(formatsNode, field: "formats") {
                    guard let value = text(item, field: "format") else { continue }
                    if let format = ScenarioDocument.OutputFormat(rawValue: value) { formats.append(format) } else {
                        issues.append(ScenarioIssue(at(item), "format '\(value)' must be one of geojson, svg, csv, md, kml"))
                    }
                }
                if formats.isEmpty { issues.append(ScenarioIssue(at(formatsNode), "formats is empty; list at least one")) }
            }
        }
        if let stemNode { stem = text(stemNode, field: "stem") }
        guard let stem else {
            issues.append(ScenarioIssue(at(root), "missing 'outputs: stem:' (the file name stem of the outputs)"))
            return ("", formats)
        }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        if stem.isEmpty || stem.hasPrefix(".") || !stem.unicodeScalars.allSatisfy(allowed.contains) {
            issues.append(ScenarioIssue(at(stemNode), "stem '\(stem)' must be a plain file name (letters, digits, - _ .), inside the output folder"))
        }
        return (stem, formats)
    }

    // MARK: values

    func at(_ node: Node?) -> SourceLocation {
        let mark = node?.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func yamlIssue(_ error: YamlError) -> ScenarioIssue {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return ScenarioIssue(SourceLocation(file: file, line: mark.line, column: mark.column), "not valid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return ScenarioIssue(SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                                 "duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return ScenarioIssue(SourceLocation(file: file, line: 1, column: 1), "not valid YAML: \(error)")
        }
    }

    mutating func text(_ node: Node?, field: String, required: Bool = false, in parent: Node? = nil) -> String? {
        guard let node else {
            if required { issues.append(ScenarioIssue(at(parent), "missing '\(field)'")) }
            return nil
        }
        guard case let .scalar(scalar) = node else {
            issues.append(ScenarioIssue(at(node), "'\(field)' should be text"))
            return nil
        }
        let value = scalar.string.trimmingCharacters(in: .whitespaces)
        if value.isEmpty, required { issues.append(ScenarioIssue(at(node), "'\(field)' is empty")) }
        return value
    }

    mutating func number(_ node: Node, field: String) -> Double? {
        guard let value = node.float, value.isFinite else {
            issues.append(ScenarioIssue(at(node), "'\(field)' should be a number"))
            return nil
        }
        return value
    }

    mutating func distance(_ node: Node, field: String) -> Distance? {
        guard let value = text(node, field: field) else { return nil }
        do { return try Distance(parsing: value) } catch {
            issues.append(ScenarioIssue(at(node), "\(field): \(error.description)"))
            return nil
        }
    }

    mutating func coordinate(_ value: String, at node: Node) -> Coordinate? {
        do {
            guard let coordinate = try Coordinate.parse(value) else {
                issues.append(ScenarioIssue(at(node), "'\(value)' is not a coordinate such as 32.87,44.15"))
                return nil
            }
            return coordinate
        } catch {
            issues.append(ScenarioIssue(at(node), error.description))
            return nil
        }
    }

    mutating func file(_ path: String, at node: Node) -> URL? {
        let shown = path.visibleControlCharacters
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            issues.append(ScenarioIssue(at(node), "no such file '\(shown)' (relative paths start at the scenario's folder)"))
            return nil
        }
        if fileAccess == .insideFolder {
            let folder = baseDirectory.resolvingSymlinksInPath().standardizedFileURL.path
            let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
            guard resolved.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") else {
                issues.append(ScenarioIssue(at(node), "'\(shown)' lies outside the scenario's folder; "
                                            + "only files inside it are read unless files outside are allowed"))
                return nil
            }
        }
        do { try InputFile.requireRegularFile(url.path) } catch {
            issues.append(ScenarioIssue(at(node), error.description))
            return nil
        }
        return url
    }

    mutating func list(_ node: Node?, field: String) -> [Node] {
        guard let node else { return [] }
        guard case let .sequence(sequence) = node else {
            issues.append(ScenarioIssue(at(node), "'\(field)' should be a list"))
            return []
        }
        return Array(sequence)
    }

    mutating func nonEmptyList(_ node: Node?, field: String, in parent: Node) -> [Node] {
        guard let node else {
            issues.append(ScenarioIssue(at(parent), "missing '\(field)'"))
            return []
        }
        let items = list(node, field: field)
        if items.isEmpty, case .sequence = node {
            issues.append(ScenarioIssue(at(node), "'\(field)' is empty; list at least one"))
        }
        return items
    }

    mutating func mapping(_ node: Node, field: String, keys: Set<String>) -> [String: Node]? {
        guard case let .mapping(mapping) = node else {
            issues.append(ScenarioIssue(at(node), "'\(field)' should be a name or a mapping"))
            return nil
        }
        var fields = [String: Node]()
        for (key, value) in mapping {
            guard let name = key.scalar?.string, keys.contains(name) else {
                issues.append(ScenarioIssue(at(key), "unknown key '\(key.scalar?.string ?? "?")' in \(field); expected one of \(keys.sorted().joined(separator: ", "))"))
                continue
            }
            fields[name] = value
        }
        return fields
    }

    mutating func checkDuplicates(_ entries: [(String, SourceLocation)], what: String) {
        var seen = [String: SourceLocation]()
        for (name, location) in entries {
            let key = NameKeyFolding.fold(name)
            if let first = seen[key] {
                issues.append(ScenarioIssue(location, "duplicate \(what) '\(name)' (first at line \(first.line))"))
            } else {
                seen[key] = location
            }
        }
    }
}
