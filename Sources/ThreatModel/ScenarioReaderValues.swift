import Export
import Foundation
import Gazetteer
import GeoModel
import Yams

/// Reading single values (text, numbers, distances, coordinates, lists),
/// each problem recorded at its node.
extension ScenarioReader {
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

    /// Radials as a count (`8`), a list of bearings (`[0, 45, 90]`) or
    /// bearings in one text (`"0,45,90"`), checked as `Radials(parsing:)` checks them.
    mutating func radials(_ node: Node) -> Radials? {
        let text: String
        if case let .sequence(sequence) = node {
            var bearings = [String]()
            for item in sequence {
                guard case let .scalar(scalar) = item else {
                    issues.append(ScenarioIssue(at(item), "radials: a bearing should be a number of degrees"))
                    return nil
                }
                bearings.append(scalar.string)
            }
            guard !bearings.isEmpty else {
                issues.append(ScenarioIssue(at(node), "'radials' is empty; give a count such as 8 or bearings such as [0, 45, 90]"))
                return nil
            }
            text = bearings.joined(separator: ",") + (bearings.count == 1 ? "," : "")
        } else {
            guard let value = self.text(node, field: "radials") else { return nil }
            text = value
        }
        do { return try Radials(parsing: text) } catch {
            issues.append(ScenarioIssue(at(node), "radials: \(error.description)"))
            return nil
        }
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
