import Foundation

/// A band of azimuths swept clockwise from `start` to `end`, degrees from
/// north. `250..310` faces west-north-west; `350..20` wraps through north.
public struct AzimuthRange: Hashable, Sendable, CustomStringConvertible {
    /// First azimuth, degrees in [0, 360).
    public let start: Double
    /// Angle swept clockwise from `start`, degrees in (0, 360].
    public let sweep: Double

    /// - Throws: `AzimuthRangeError` for non-finite values or an empty sweep.
    public init(start: Double, end: Double) throws(AzimuthRangeError) {
        guard start.isFinite, end.isFinite else { throw .malformed("\(start)..\(end)", reason: "values must be finite") }
        let normalizedStart = AzimuthRange.normalized(start)
        var sweep = AzimuthRange.normalized(end) - normalizedStart
        if sweep <= 0 { sweep += 360 }
        if end - start >= 360 { sweep = 360 }
        guard sweep > 0 else { throw .malformed("\(start)..\(end)", reason: "the sweep is empty") }
        self.start = normalizedStart
        self.sweep = sweep
    }

    /// Parses `250..310`, `350..20`, `-30..30` (degrees, clockwise from the first to the second).
    public init(parsing text: String) throws(AzimuthRangeError) {
        let parts = text.replacingOccurrences(of: " ", with: "").components(separatedBy: "..")
        guard parts.count == 2, let start = Double(parts[0]), let end = Double(parts[1]) else {
            throw .malformed(text, reason: "expected START..END in degrees clockwise from north, such as 250..310")
        }
        guard start != end else { throw .malformed(text, reason: "start and end are equal; the sweep is empty") }
        try self.init(start: start, end: end)
    }

    /// Last azimuth, `start + sweep` (may exceed 360).
    public var end: Double { start + sweep }

    /// Whether the band covers every direction.
    public var isFull: Bool { sweep >= 360 }

    /// Whether `azimuth` (degrees, any value) lies in the band, ends included.
    public func contains(_ azimuth: Double) -> Bool {
        isFull || AzimuthRange.normalized(azimuth - start) <= sweep
    }

    public var description: String {
        isFull ? "0..360" : "\(NumberFormat.short(start))..\(NumberFormat.short(AzimuthRange.normalized(end)))"
    }

    /// `degrees` reduced to [0, 360).
    public static func normalized(_ degrees: Double) -> Double {
        let reduced = degrees.truncatingRemainder(dividingBy: 360)
        return reduced < 0 ? reduced + 360 : reduced
    }
}

/// Why an azimuth range was refused.
public enum AzimuthRangeError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case malformed(String, reason: String)

    public var description: String {
        switch self {
        case let .malformed(text, reason): "'\(text)' is not an azimuth range: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}

enum NumberFormat {
    /// "250", "12.5": integers without a decimal point.
    static func short(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
