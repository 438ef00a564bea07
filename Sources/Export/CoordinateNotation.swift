import Foundation
import GeoModel

/// How tables, CSV and briefs write a position (`--coordinates`).
public enum CoordinateNotation: String, CaseIterable, Sendable {
    /// Decimal degrees, latitude and longitude in two columns (the default).
    case dd
    /// Degrees, minutes and seconds to a tenth of a second (about 3 m):
    /// `33°20'26.1"N 44°24'03.2"E`.
    case dms
    /// MGRS at 1 m, digits truncated as the standard does: `38SMB4484521000`.
    case mgrs
    /// UTM/UPS zone, hemisphere, easting and northing in metres: `38N 448445 3621000`.
    case utm

    /// The names as messages list them ("dd, dms, mgrs or utm").
    public static var list: String {
        allCases.dropLast().map(\.rawValue).joined(separator: ", ") + " or " + allCases.last!.rawValue
    }

    /// Help for the command line's `--coordinates`.
    public static let help = "How positions are written: dd (decimal degrees), dms, mgrs (1 m, truncated) or utm (UTM/UPS, metres)."

    /// How a heading names the notation.
    public var title: String {
        switch self {
        case .dd: "decimal degrees"
        case .dms: "degrees, minutes, seconds"
        case .mgrs: "MGRS, 1 m"
        case .utm: "UTM/UPS, metres"
        }
    }

    /// Column names for a position: `latitude`, `longitude` for decimal
    /// degrees; one column named for the notation otherwise.
    public var columns: [String] {
        self == .dd ? ["latitude", "longitude"] : [rawValue]
    }

    /// The cells of `columns` for `coordinate`.
    public func cells(_ coordinate: Coordinate) -> [TableValue] {
        switch self {
        case .dd: [.number(coordinate.latitude, decimals: 5), .number(coordinate.longitude, decimals: 5)]
        default: [.text(text(coordinate))]
        }
    }

    /// The position as one piece of text.
    public func text(_ coordinate: Coordinate) -> String {
        switch self {
        case .dd:
            return String(format: "%.5f,%.5f", coordinate.latitude, coordinate.longitude)
        case .dms:
            return Self.dms(coordinate.latitude, positive: "N", negative: "S", degreeDigits: 2) + " "
                + Self.dms(coordinate.longitude, positive: "E", negative: "W", degreeDigits: 3)
        case .mgrs:
            return (try? MGRS.reference(for: coordinate)) ?? "invalid"
        case .utm:
            return (try? UTMUPSCoordinate(coordinate).description) ?? "invalid"
        }
    }

    /// `33°20'26.1"N`: rounded to a tenth of a second first, so 59.96″
    /// carries into the minute rather than printing 60.0″.
    private static func dms(_ value: Double, positive: String, negative: String, degreeDigits: Int) -> String {
        let tenths = (abs(value) * 36_000).rounded()
        let degrees = Int(tenths / 36_000)
        let minutes = Int((tenths - Double(degrees) * 36_000) / 600)
        let seconds = (tenths - Double(degrees) * 36_000 - Double(minutes) * 600) / 10
        let hemisphere = value < 0 && tenths > 0 ? negative : positive
        return String(format: "%d°%02d'%04.1f\"", degrees, minutes, seconds) + hemisphere
    }
}
