import Foundation

/// Why an MGRS or UTM/UPS reference was refused, naming the part that is wrong.
public enum GridReferenceError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// A UTM zone outside 1-60.
    case zoneOutOfRange(Int)
    /// A latitude band letter that does not exist (`polar`: the reference
    /// has no zone number, so the band must be one of UPS's A, B, Y, Z).
    case badBand(Character, polar: Bool)
    /// A 100 km square column letter that the grid zone does not use.
    case badColumn(Character, gridZone: String, allowed: String)
    /// A 100 km square row letter that the grid zone does not use.
    case badRow(Character, gridZone: String, allowed: String)
    /// A 100 km square that exists in the zone but not within the band's latitudes.
    case squareOutsideBand(square: String, gridZone: String)
    /// Only the grid zone (`38S`), no 100 km square.
    case gridZoneOnly(String)
    /// Easting and northing digits of different lengths, or more than five pairs.
    case badDigits(String, reason: String)
    /// A UTM zone token whose letter is not a hemisphere.
    case badHemisphere(String)
    /// An easting or northing outside what the zone or polar grid covers.
    case outsideGrid(String, reason: String)
    /// A latitude or longitude that is not a finite position on the Earth.
    case notAPosition(latitude: Double, longitude: Double)
    /// An MGRS precision outside 0-5 digit pairs.
    case precisionOutOfRange(Int)

    public var description: String {
        switch self {
        case let .zoneOutOfRange(zone):
            return "zone \(zone) is not a UTM zone (1-60)"
        case let .badBand(letter, polar):
            return polar
                ? "'\(letter)' is not a polar (UPS) band: A, B (south) or Y, Z (north); UTM references start with a zone number"
                : "'\(letter)' is not a latitude band: C to X without I and O"
        case let .badColumn(letter, gridZone, allowed):
            return "'\(letter)' is not a 100 km square column letter in grid zone \(gridZone) (\(allowed))"
        case let .badRow(letter, gridZone, allowed):
            return "'\(letter)' is not a 100 km square row letter in grid zone \(gridZone) (\(allowed))"
        case let .squareOutsideBand(square, gridZone):
            return "100 km square \(square) lies outside the latitudes of grid zone \(gridZone)"
        case let .gridZoneOnly(text):
            return "'\(text)' names a grid zone only; add the 100 km square letters and digits, such as 38SMB4484521000"
        case let .badDigits(text, reason):
            return "'\(text)': \(reason)"
        case let .badHemisphere(token):
            return "'\(token)': a UTM zone takes a hemisphere, N or S (38N 448445 3621000), not a latitude band; for a band write MGRS"
        case let .outsideGrid(text, reason):
            return "'\(text)' is outside the grid: \(reason)"
        case let .notAPosition(latitude, longitude):
            return "\(NumberFormat.short(latitude)),\(NumberFormat.short(longitude)) is not a position on the Earth"
        case let .precisionOutOfRange(precision):
            return "MGRS precision \(precision) is not 0 to 5 digit pairs"
        }
    }

    public var errorDescription: String? { description }
}
