import Foundation
import GeoModel

/// The radials of a range map: geodesic lines from a centre out to the
/// range, at these initial bearings (`--radials 8`, `--radials 0,45,90`,
/// a scenario's `map: radials:`).
public struct Radials: Hashable, Sendable {
    /// Initial bearings, degrees clockwise from north in [0, 360).
    public var bearings: [Double]

    public init(bearings: [Double]) { self.bearings = bearings }

    /// `count` radials evenly spaced from north: 8 gives 0, 45, ..., 315.
    public init(count: Int) {
        bearings = (0..<count).map { 360 * Double($0) / Double(count) }
    }

    /// Most radials one map takes (one a degree).
    public static let maximumCount = 360

    /// Parses a count (`8`) or a comma-separated list of bearings
    /// (`0,45,90`; one bearing as `90,`).
    /// - Throws: `RadialsError` for a count outside 1-360, a bearing that
    ///   is not a finite number, or an empty list.
    public init(parsing text: String) throws(RadialsError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.contains(",") {
            guard let count = Int(trimmed) else {
                throw .malformed(text, reason: "expected a count such as 8 or bearings such as 0,45,90")
            }
            guard (1...Self.maximumCount).contains(count) else {
                throw .malformed(text, reason: "the count must be from 1 to \(Self.maximumCount)")
            }
            self.init(count: count)
            return
        }
        var bearings = [Double]()
        for part in trimmed.split(separator: ",") {
            let field = part.trimmingCharacters(in: .whitespaces)
            guard let value = Double(field), value.isFinite,
                  field.allSatisfy({ $0.isNumber || "+-.".contains($0) }) else {
                throw .malformed(text, reason: "'\(field)' is not a bearing in degrees")
            }
            bearings.append(Self.normalized(value))
        }
        guard !bearings.isEmpty, bearings.count <= Self.maximumCount else {
            throw .malformed(text, reason: "give 1 to \(Self.maximumCount) bearings")
        }
        self.init(bearings: bearings)
    }

    /// `value` in [0, 360).
    static func normalized(_ value: Double) -> Double {
        let reduced = value.truncatingRemainder(dividingBy: 360)
        return reduced < 0 ? reduced + 360 : reduced + 0
    }
}

/// Why a radials value was refused.
public enum RadialsError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case malformed(String, reason: String)

    public var description: String {
        switch self {
        case let .malformed(text, reason): "'\(text)' is not a set of radials: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
