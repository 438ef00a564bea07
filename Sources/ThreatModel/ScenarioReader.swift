import Export
import Foundation
import Gazetteer
import Geodesy
import GeoModel
import Yams

/// Walks the YAML node tree, collecting every issue instead of stopping.
struct ScenarioReader {
    let file: String
    let baseDirectory: URL
    var fileAccess: ScenarioFileAccess = .insideFolder
    var issues: [ScenarioIssue] = []

    static let topKeys: Set<String> = [
        "title", "date", "summary", "sources", "systems", "missiles", "range_estimate", "sites",
        "targets", "map", "outputs", "output", "tolerance", "target_altitude",
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
                issues.append(ScenarioIssue(at(node), "range_estimate '\(value)' must be low, nominal, high or band"))
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
            if let value = tolerance, value < Geodesic.minimumTolerance {
                issues.append(ScenarioIssue(at(node), "tolerance must be at least \(Geodesic.minimumTolerance.meters) m"))
            }
        }
        let targetAltitude = fields["target_altitude"].flatMap { distance($0, field: "target_altitude") }
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
            tolerance: tolerance, targetAltitude: targetAltitude
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

    mutating func mapOptions(_ node: Node?) -> MapChoices {
        var options = MapChoices()
        guard let node, let fields = mapping(node, field: "map", keys: ["projection", "center", "extent", "theme", "width", "height", "rings_every", "radials"]) else {
            return options
        }
        if let name = text(fields["projection"], field: "projection") {
            options.projection = ProjectionName(rawValue: name)
            if options.projection == nil {
                issues.append(ScenarioIssue(at(fields["projection"]), "projection '\(name)' must be one of \(ProjectionName.list)"))
            }
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
                options.extent = .box(west: values[0], south: values[1], east: values[2], north: values[3])
            } else {
                issues.append(ScenarioIssue(at(extentNode), "extent must be [west, south, east, north] in degrees, south below north"))
            }
        }
        if let name = text(fields["theme"], field: "theme") {
            options.theme = ThemeName(rawValue: name)
            if options.theme == nil {
                issues.append(ScenarioIssue(at(fields["theme"]), "theme '\(name)' must be \(ThemeName.list)"))
            }
        }
        for (key, keyPath) in [("width", \MapChoices.width), ("height", \MapChoices.height)] {
            guard let sizeNode = fields[key] else { continue }
            if let value = sizeNode.int, (200...10_000).contains(value) { options[keyPath: keyPath] = value } else {
                issues.append(ScenarioIssue(at(sizeNode), "\(key) must be a whole number of pixels from 200 to 10000"))
            }
        }
        if let everyNode = fields["rings_every"], let every = distance(everyNode, field: "rings_every") {
            if every > .zero { options.ringsEvery = every } else {
                issues.append(ScenarioIssue(at(everyNode), "rings_every must be greater than zero"))
            }
        }
        if let radialsNode = fields["radials"] { options.radials = radials(radialsNode) }
        return options
    }

    mutating func outputs(_ node: Node?, legacy: Node?, root: Node) -> (String, [OutputFormat]) {
        var stem: String?
        var stemNode = legacy
        var formats = OutputFormat.scenarioDefault
        if let node, let fields = mapping(node, field: "outputs", keys: ["stem", "formats"]) {
            stemNode = fields["stem"] ?? legacy
            if let formatsNode = fields["formats"] {
                formats = []
                for item in list(formatsNode, field: "formats") {
                    guard let value = text(item, field: "format") else { continue }
                    if let format = OutputFormat(rawValue: value) { formats.append(format) } else {
                        issues.append(ScenarioIssue(at(item), "format '\(value)' must be one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))"))
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
}
