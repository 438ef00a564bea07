import Testing
import GeoModel

@Suite struct FeatureTests {
    static let site = Coordinate(latitude: 32.86667, longitude: 44.21389)

    @Test func propertyLookupByName() {
        let feature = Feature(shape: .point(Self.site), properties: [
            ("missile", .string("Zolfaghar")),
            ("range_km", .number(700)),
            ("rank", .integer(3)),
            ("in_range", .bool(true)),
            ("min_range_km", .null),
        ])
        #expect(feature[property: "missile"] == .string("Zolfaghar"))
        #expect(feature[property: "range_km"] == .number(700))
        #expect(feature[property: "rank"] == .integer(3))
        #expect(feature[property: "in_range"] == .bool(true))
        #expect(feature[property: "min_range_km"] == .null)
        #expect(feature[property: "site"] == nil)
    }

    @Test func equalityComparesShapeAndOrderedProperties() {
        let a = Feature(shape: .point(Self.site), properties: [("site", .string("Jurf al-Sakhar")), ("range_km", .number(700))])
        let same = Feature(shape: .point(Self.site), properties: [("site", .string("Jurf al-Sakhar")), ("range_km", .number(700))])
        let reordered = Feature(shape: .point(Self.site), properties: [("range_km", .number(700)), ("site", .string("Jurf al-Sakhar"))])
        let otherValue = Feature(shape: .point(Self.site), properties: [("site", .string("Jurf al-Sakhar")), ("range_km", .number(300))])
        let otherShape = Feature(shape: .point(Coordinate(latitude: 0, longitude: 0)), properties: a.properties)
        #expect(a == same)
        #expect(Set([a, same]).count == 1)
        #expect(a != reordered)
        #expect(a != otherValue)
        #expect(a != otherShape)
        #expect(Feature(shape: .point(Self.site)).properties.isEmpty)
    }
}
