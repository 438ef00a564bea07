/// A longitude/latitude box in degrees (west <= east; no antimeridian wrap).
public struct BoundingBox: Hashable, Sendable {
    public var west: Double
    public var south: Double
    public var east: Double
    public var north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// The smallest box around `coordinates`, or `nil` when there are none.
    public init?<S: Sequence>(covering coordinates: S) where S.Element == Coordinate {
        var iterator = coordinates.makeIterator()
        guard let first = iterator.next() else { return nil }
        self.init(west: first.longitude, south: first.latitude, east: first.longitude, north: first.latitude)
        while let next = iterator.next() { extend(with: next) }
    }

    public mutating func extend(with coordinate: Coordinate) {
        west = min(west, coordinate.longitude)
        east = max(east, coordinate.longitude)
        south = min(south, coordinate.latitude)
        north = max(north, coordinate.latitude)
    }

    public func union(_ other: BoundingBox) -> BoundingBox {
        BoundingBox(
            west: min(west, other.west), south: min(south, other.south),
            east: max(east, other.east), north: max(north, other.north)
        )
    }
}
