import Foundation

/// A point on the WGS84 ellipsoid in geodetic degrees.
///
/// `init(latitude:longitude:)` stores values as given, so geometry code can
/// carry unwrapped (continuous) longitudes beyond ±180 while it builds a
/// shape. Values that come from users go through
/// `init(validatingLatitude:longitude:)` or `Coordinate.parse(_:)`.
public struct Coordinate: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Geodetic latitude in degrees, positive north.
    public var latitude: Double
    /// Longitude in degrees, positive east.
    public var longitude: Double

    /// Stores the values unchanged; no validation.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// A validated coordinate.
    /// - Parameters:
    ///   - latitude: degrees, must lie in [-90, 90].
    ///   - longitude: degrees, must lie in [-180, 180] (a value such as 445
    ///     is a typing error far more often than a wrapped longitude).
    /// - Throws: `CoordinateError` naming the bad value.
    public init(validatingLatitude latitude: Double, longitude: Double) throws(CoordinateError) {
        guard latitude.isFinite else { throw .notFinite(axis: "latitude", value: latitude) }
        guard longitude.isFinite else { throw .notFinite(axis: "longitude", value: longitude) }
        guard (-90.0...90.0).contains(latitude) else { throw .latitudeOutOfRange(latitude) }
        guard (-180.0...180.0).contains(longitude) else { throw .longitudeOutOfRange(longitude) }
        self.init(latitude: latitude, longitude: Coordinate.normalizedLongitude(longitude))
    }

    /// `longitude` reduced to [-180, 180] degrees.
    public static func normalizedLongitude(_ longitude: Double) -> Double {
        let reduced = remainder(longitude, 360.0)
        return reduced == -0.0 ? 0.0 : reduced
    }

    /// This coordinate with its longitude reduced to [-180, 180].
    public var normalized: Coordinate {
        Coordinate(latitude: latitude, longitude: Coordinate.normalizedLongitude(longitude))
    }

    /// `longitude` turned by whole turns to lie within 180° of `reference`
    /// (degrees; the result may lie outside [-180, 180]). Within ±180 of it
    /// the offset is kept as is, bit for bit what `remainder` gives, without
    /// glibc's slow `remainder`: rings call this once per vertex.
    @inlinable
    public static func unwrappedLongitude(_ longitude: Double, near reference: Double) -> Double {
        let offset = longitude - reference
        return reference + (abs(offset) <= 180 ? offset : remainder(offset, 360))
    }

    /// The mean latitude and longitude of `coordinates`, longitudes taken
    /// within 180° of the first so a group across ±180 averages near it.
    /// Adequate as a map centre for places within one region; (0, 0) for none.
    public static func mean(of coordinates: [Coordinate]) -> Coordinate {
        guard let first = coordinates.first else { return Coordinate(latitude: 0, longitude: 0) }
        let latitude = coordinates.map(\.latitude).reduce(0, +) / Double(coordinates.count)
        let longitude = coordinates.map { unwrappedLongitude($0.longitude, near: first.longitude) }
            .reduce(0, +) / Double(coordinates.count)
        return Coordinate(latitude: latitude, longitude: normalizedLongitude(longitude))
    }

    public var description: String {
        String(format: "%.5f,%.5f", latitude, longitude)
    }
}

/// Why a coordinate was refused.
public enum CoordinateError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case notFinite(axis: String, value: Double)
    case latitudeOutOfRange(Double)
    case longitudeOutOfRange(Double)
    case malformed(String, reason: String)
    /// An MGRS or UTM/UPS reference that is wrong (zone, band, square, digits).
    case gridReference(GridReferenceError)

    public var description: String {
        switch self {
        case let .notFinite(axis, value):
            return "\(axis) \(value) is not a finite number"
        case let .latitudeOutOfRange(value):
            return "latitude \(Coordinate.format(value)) is outside [-90, 90] degrees"
        case let .longitudeOutOfRange(value):
            return "longitude \(Coordinate.format(value)) is outside [-180, 180] degrees"
        case let .malformed(text, reason):
            return "'\(text)' is not a coordinate: \(reason)"
        case let .gridReference(error):
            return error.description
        }
    }

    public var errorDescription: String? { description }
}

extension Coordinate {
    /// Shortest decimal form of a number for messages ("95", "32.87").
    static func format(_ value: Double) -> String {
        NumberFormat.short(value)
    }
}
