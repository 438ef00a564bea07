import Foundation
import GeoModel

/// Why scenarios cannot be rendered.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// A scenario too large for one map; the message names its numbers and the limit.
    case tooLarge(String)
    /// Two scenarios would write files of the same stem.
    case sameStem(first: String, second: String, stem: String)
    /// A reach job whose rows would all be held in memory (sorted, per
    /// target, or GeoJSON) beyond the limit.
    case tooManyRowsInMemory(rows: Int, limit: Int)
    /// Rings at an interval too fine for the range.
    case tooManyRings(every: Distance, range: Distance, limit: Int)
    /// An extracted scenario that lacks a system, a site or a target cannot be mapped.
    case cannotMap(scenario: String, missing: [String])

    public var description: String {
        switch self {
        case let .tooLarge(message): message
        case let .sameStem(first, second, stem):
            "\(first) and \(second) both write '\(stem)'; give one of them another 'outputs: stem:'"
        case let .tooManyRowsInMemory(rows, limit):
            "\(rows) rows must all be held in memory before the first is written (about \(rows / 1_000_000 + 1) GB; the limit is \(limit) rows)"
        case let .tooManyRings(every, range, limit):
            "rings every \(every) out to \(range) would be more than \(limit) rings; choose a longer interval"
        case let .cannotMap(scenario, missing):
            "cannot map \(scenario): the text names \(missing.joined(separator: ", ")); add them to the scenario and run 'threatmap map'"
        }
    }

    public var errorDescription: String? { description }
}
