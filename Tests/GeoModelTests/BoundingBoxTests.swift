import Testing
import GeoModel

@Suite struct BoundingBoxTests {
    @Test func noCoordinatesNoBox() {
        #expect(BoundingBox(covering: [Coordinate]()) == nil)
    }

    @Test func onePointIsADegenerateBox() throws {
        let box = try #require(BoundingBox(covering: [Coordinate(latitude: 32.87, longitude: 44.15)]))
        #expect(box == BoundingBox(west: 44.15, south: 32.87, east: 44.15, north: 32.87))
    }

    @Test func coversEveryPoint() throws {
        let points = [
            Coordinate(latitude: 33.34, longitude: 44.40),   // Baghdad
            Coordinate(latitude: 24.69, longitude: 46.72),   // Riyadh
            Coordinate(latitude: 32.08, longitude: 34.78),   // Tel Aviv
            Coordinate(latitude: 35.69, longitude: 51.42),   // Tehran
        ]
        let box = try #require(BoundingBox(covering: points))
        #expect(box == BoundingBox(west: 34.78, south: 24.69, east: 51.42, north: 35.69))
    }

    @Test func keepsUnwrappedLongitudes() throws {
        let box = try #require(BoundingBox(covering: [
            Coordinate(latitude: 62, longitude: 179.5),
            Coordinate(latitude: 67, longitude: 184.2),
        ]))
        #expect(box.west == 179.5)
        #expect(box.east == 184.2)
    }

    @Test func extendGrowsOnlyWhereNeeded() {
        var box = BoundingBox(west: 0, south: 0, east: 1, north: 1)
        box.extend(with: Coordinate(latitude: 0.5, longitude: 0.5))
        #expect(box == BoundingBox(west: 0, south: 0, east: 1, north: 1))
        box.extend(with: Coordinate(latitude: -2, longitude: 3))
        #expect(box == BoundingBox(west: 0, south: -2, east: 3, north: 1))
        box.extend(with: Coordinate(latitude: 5, longitude: -4))
        #expect(box == BoundingBox(west: -4, south: -2, east: 3, north: 5))
    }

    @Test func unionSpansBoth() {
        let a = BoundingBox(west: 34, south: 24, east: 46, north: 33)
        let b = BoundingBox(west: 44, south: 30, east: 52, north: 36)
        #expect(a.union(b) == BoundingBox(west: 34, south: 24, east: 52, north: 36))
        #expect(b.union(a) == a.union(b))
        #expect(a.union(a) == a)
    }
}
