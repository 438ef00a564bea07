import Foundation

/// A non-negative length on the ellipsoid, stored in metres.
public struct Distance: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Length in metres.
    public var meters: Double

    public init(meters: Double) { self.meters = meters }

    public static func meters(_ value: Double) -> Distance { Distance(meters: value) }
    public static func kilometers(_ value: Double) -> Distance { Distance(meters: value * 1000) }

    /// Length in kilometres.
    public var kilometers: Double { meters / 1000 }

    public static let zero = Distance(meters: 0)

    public static func < (lhs: Distance, rhs: Distance) -> Bool { lhs.meters < rhs.meters }

    /// Units accepted by `init(parsing:)`, with their length in metres.
    public enum Unit: String, CaseIterable, Sendable {
        case meters = "m"
        case kilometers = "km"
        case miles = "mi"
        case nauticalMiles = "nmi"
        case feet = "ft"

        /// Metres in one unit (international mile, international nautical mile, foot).
        public var meters: Double {
            switch self {
            case .meters: 1
            case .kilometers: 1000
            case .miles: 1609.344
            case .nauticalMiles: 1852
            case .feet: 0.3048
            }
        }
    }

    /// Parses `700km`, `700 km`, `435mi`, `378nmi`, `5000m`, `12.5 km`.
    ///
    /// Commas are refused: `2,000` is two thousand in English and two in
    /// much of Europe, and `1.000,5` the reverse, so the number must be
    /// written plainly, with a point for decimals.
    /// - Throws: `DistanceError` for a missing or unknown unit, a negative,
    ///   non-finite or non-numeric value, or a comma in the number.
    public init(parsing text: String) throws(DistanceError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .malformed(text, reason: "it is empty") }
        let unitStart = trimmed.firstIndex(where: { $0.isLetter }) ?? trimmed.endIndex
        let numberText = trimmed[..<unitStart].trimmingCharacters(in: .whitespaces)
        guard !numberText.contains(",") else {
            throw .malformed(text, reason: "write the number without thousands separators or a decimal comma, "
                             + "with a point for decimals, such as 2000km, 1000.5 km or 435 mi")
        }
        guard let number = Self.number(numberText) else {
            throw .malformed(text, reason: "expected a number followed by a unit, such as 700km or 435 mi")
        }
        let unitText = trimmed[unitStart...].trimmingCharacters(in: .whitespaces).lowercased()
        guard number.isFinite else { throw .malformed(text, reason: "the number is not finite") }
        guard number >= 0 else { throw .negative(text) }
        guard !unitText.isEmpty else {
            throw .malformed(text, reason: "it has no unit; add one of \(Self.unitList)")
        }
        guard let unit = Self.unit(named: unitText) else {
            throw .malformed(text, reason: "unknown unit '\(unitText)'; use one of \(Self.unitList)")
        }
        guard (number * unit.meters).isFinite else { throw .malformed(text, reason: "the number is too large") }
        self.init(meters: number * unit.meters)
    }

    /// A plain decimal number (no letters; `Double`'s own syntax).
    private static func number(_ text: String) -> Double? {
        guard !text.isEmpty, !text.contains(where: { $0.isLetter }) else { return nil }
        return Double(text)
    }

    private static var unitList: String { Unit.allCases.map(\.rawValue).joined(separator: ", ") }

    private static func unit(named name: String) -> Unit? {
        switch name {
        case "m", "meter", "meters", "metre", "metres": .meters
        case "km", "kilometer", "kilometers", "kilometre", "kilometres": .kilometers
        case "mi", "mile", "miles": .miles
        case "nmi", "nm", "nautical mile", "nautical miles": .nauticalMiles
        case "ft", "foot", "feet": .feet
        default: nil
        }
    }

    /// `700 km`, `12.5 km`, `350 m`: kilometres from 1 km up, metres below,
    /// at most three decimals.
    public var description: String {
        meters >= 1000 ? Self.trimmed(kilometers) + " km" : Self.trimmed(meters) + " m"
    }

    private static func trimmed(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// Why a distance literal was refused.
public enum DistanceError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case malformed(String, reason: String)
    case negative(String)

    public var description: String {
        switch self {
        case let .malformed(text, reason): "'\(text)' is not a distance: \(reason)"
        case let .negative(text): "'\(text)' is negative; a distance must be zero or more"
        }
    }

    public var errorDescription: String? { description }
}
