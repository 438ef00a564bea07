import Foundation
import GeoModel

/// How much of the Earth a map shows.
public enum MapExtent: Hashable, Sendable {
    /// Every footprint, launch site and target, with a margin.
    case auto
    /// At least this far from the projection's centre in every direction.
    case radius(Distance)
    /// A longitude/latitude box in degrees; `west > east` crosses the antimeridian.
    case box(west: Double, south: Double, east: Double, north: Double)
    /// All of the Earth the projection can show.
    case world

    /// Parses `auto`, `world`, a distance (`2500km`: that far around the
    /// centre) or a box `WEST,SOUTH,EAST,NORTH` in degrees.
    /// - Throws: `MapExtentError` saying what is accepted.
    public init(parsing text: String) throws(MapExtentError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed.lowercased() {
        case "auto": self = .auto
        case "world": self = .world
        default:
            let parts = trimmed.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 4 {
                let numbers = parts.compactMap(Double.init)
                guard numbers.count == 4, numbers.allSatisfy(\.isFinite) else {
                    throw .malformed(text, reason: "a box is four numbers WEST,SOUTH,EAST,NORTH in degrees")
                }
                let (west, south, east, north) = (numbers[0], numbers[1], numbers[2], numbers[3])
                guard (-180...180).contains(west), (-180...180).contains(east) else {
                    throw .malformed(text, reason: "longitudes must lie in [-180, 180]")
                }
                guard (-90...90).contains(south), (-90...90).contains(north), south < north else {
                    throw .malformed(text, reason: "latitudes must lie in [-90, 90] with SOUTH below NORTH")
                }
                guard west != east else { throw .malformed(text, reason: "WEST and EAST are equal") }
                self = .box(west: west, south: south, east: east, north: north)
                return
            }
            let distance: Distance
            do { distance = try Distance(parsing: trimmed) } catch {
                throw .malformed(text, reason: "expected auto, world, a distance such as 2500km, or WEST,SOUTH,EAST,NORTH")
            }
            guard distance > .zero else { throw .malformed(text, reason: "the distance must be greater than zero") }
            self = .radius(distance)
        }
    }
}

/// Why an extent was refused.
public enum MapExtentError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case malformed(String, reason: String)

    public var description: String {
        switch self {
        case let .malformed(text, reason): "'\(text)' is not a map extent: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
