import Foundation
import Gazetteer
import ThreatModel

/// Scenario files read and resolved together, as `map` and `validate` take them.
public enum ScenarioBatch {
    /// The scenario `map` draws when given none: `Scenarios/<name>` beside
    /// the data directory.
    public static func defaultScenario(_ name: String, dataDirectory: URL) -> String {
        dataDirectory.deletingLastPathComponent().appendingPathComponent("Scenarios/\(name)").path
    }

    /// Reads and resolves every scenario at `paths` ('-' for stdin): all the
    /// scenarios, or every problem of every file at once.
    /// - Parameter warn: told each notice (a name met by alias, loose spelling or code).
    /// - Throws: `ScenarioErrors` with every problem found; what
    ///   `ScenarioText.read` throws for an unreadable file.
    public static func resolve(_ paths: [String], gazetteer: Gazetteer, catalog: MissileCatalog,
                               fileAccess: ScenarioFileAccess, warn: (String) -> Void) throws -> [ResolvedScenario] {
        var scenarios = [ResolvedScenario]()
        var issues = [ScenarioIssue]()
        for path in paths {
            let (text, file, base) = try ScenarioText.read(path)
            do {
                let document = try ScenarioDocument.parse(text, file: file, baseDirectory: base, fileAccess: fileAccess)
                let scenario = try document.resolve(gazetteer: gazetteer, catalog: catalog)
                for notice in scenario.notices { warn(notice.description) }
                scenarios.append(scenario)
            } catch {
                issues += error.issues
            }
        }
        guard issues.isEmpty else { throw ScenarioErrors(issues) }
        return scenarios
    }

    /// Checks the scenario at `path` ('-' for stdin) without rendering:
    /// its problems (none when it is fine) and notices.
    /// - Throws: what `ScenarioText.read` throws for an unreadable file.
    public static func check(_ path: String, gazetteer: Gazetteer, catalog: MissileCatalog,
                             fileAccess: ScenarioFileAccess) throws -> (problems: [ScenarioIssue], notices: [ScenarioIssue]) {
        let (text, file, base) = try ScenarioText.read(path)
        return ScenarioDocument.check(text, file: file, baseDirectory: base, fileAccess: fileAccess,
                                      gazetteer: gazetteer, catalog: catalog)
    }
}
