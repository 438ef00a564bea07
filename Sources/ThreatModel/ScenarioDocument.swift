import Export
import Foundation
import Gazetteer
import GeoModel
import Yams

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

    public var file: String
    public var title: String
    public var date: String?
    public var summary: String?
    public var sources: [String]
    public var systems: [SystemEntry]
    public var rangeEstimate: RangeEstimate
    public var sites: [SiteEntry]
    public var targets: [TargetEntry]
    /// The scenario's `map:` settings (the command line may override them).
    public var map: MapChoices
    /// File stem of the outputs (letters, digits, `-`, `_`, `.`; no folders).
    public var stem: String
    public var formats: [OutputFormat]
    /// Tolerance of footprint edges, if the scenario sets one.
    public var tolerance: Distance?
    /// Altitude of the target that air-defence footprints are cut to by the
    /// radar horizon (`target_altitude:`); nil: engagement ranges only.
    public var targetAltitude: Distance? = nil

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
