import Foundation
import Yams

/// A reported situation: launch sites, systems and targets, read from YAML.
///
/// ```yaml
/// title: Iranian missiles with Iraqi militias
/// date: 2018-08-31
/// sources:
///   - "Reuters, 31 August 2018: ..."
/// sites: [Jurf al-Sakhar, al-Zafaraniya]
/// missiles: [Zelzal-2, Fateh-110, Zolfaghar]
/// targets: [Riyadh, Tel Aviv]
/// output: iran-missiles-iraq-2018
/// ```
public struct Scenario: Hashable, Sendable, Codable {
    public var title: String
    public var date: String?
    public var sources: [String]
    /// Launch sites: place names or coordinate literals.
    public var sites: [String]
    /// Catalog names of the systems deployed.
    public var missiles: [String]
    /// Place names or coordinate literals to test.
    public var targets: [String]
    /// File stem for outputs (`<output>.geojson`, `<output>.svg`).
    public var output: String

    public init(title: String, date: String? = nil, sources: [String] = [], sites: [String], missiles: [String], targets: [String], output: String) {
        self.title = title
        self.date = date
        self.sources = sources
        self.sites = sites
        self.missiles = missiles
        self.targets = targets
        self.output = output
    }

    enum CodingKeys: String, CodingKey {
        case title, date, sources, sites, missiles, targets, output
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        date = try container.decodeIfPresent(String.self, forKey: .date)
        sources = try container.decodeIfPresent([String].self, forKey: .sources) ?? []
        sites = try container.decode([String].self, forKey: .sites)
        missiles = try container.decode([String].self, forKey: .missiles)
        targets = try container.decode([String].self, forKey: .targets)
        output = try container.decode(String.self, forKey: .output)
    }

    /// Reads a scenario file.
    /// - Throws: `ThreatModelError.invalidScenario` naming the file and the
    ///   field that is missing or malformed.
    public static func load(contentsOf url: URL) throws(ThreatModelError) -> Scenario {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw .file("\(url.path): cannot read: \(error.localizedDescription)")
        }
        return try parse(text, source: url.path)
    }

    /// Parses scenario YAML; `source` names it in errors.
    public static func parse(_ text: String, source: String) throws(ThreatModelError) -> Scenario {
        let scenario: Scenario
        do {
            scenario = try YAMLDecoder().decode(Scenario.self, from: text)
        } catch let error as DecodingError {
            throw .invalidScenario(source: source, reason: describe(error))
        } catch {
            throw .invalidScenario(source: source, reason: "\(error)")
        }
        for (field, values) in [("sites", scenario.sites), ("missiles", scenario.missiles), ("targets", scenario.targets)]
        where values.isEmpty {
            throw .invalidScenario(source: source, reason: "'\(field)' is empty; list at least one")
        }
        let stemCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard !scenario.output.isEmpty, !scenario.output.hasPrefix("."),
              scenario.output.unicodeScalars.allSatisfy(stemCharacters.contains)
        else {
            throw .invalidScenario(source: source, reason: "'output' must be a plain file stem (letters, digits, - _ .), not '\(scenario.output)'")
        }
        return scenario
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case let .keyNotFound(key, context):
            let parent = path(context.codingPath)
            return "missing field '\(parent.isEmpty ? "" : parent + ".")\(key.stringValue)'"
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            return "field '\(path(context.codingPath))' should be \(type): \(context.debugDescription)"
        case let .dataCorrupted(context):
            return context.debugDescription + (context.underlyingError.map { ": \($0)" } ?? "")
        @unknown default:
            return "\(error)"
        }
    }
}
