/// A property value as GeoJSON carries it.
public enum PropertyValue: Hashable, Sendable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
}

/// A shape with ordered properties (snake_case names, see the README).
public struct Feature: Hashable, Sendable {
    public var shape: Shape
    /// Properties in output order.
    public var properties: [(name: String, value: PropertyValue)]

    public init(shape: Shape, properties: [(name: String, value: PropertyValue)] = []) {
        self.shape = shape
        self.properties = properties
    }

    public static func == (lhs: Feature, rhs: Feature) -> Bool {
        lhs.shape == rhs.shape
            && lhs.properties.map(\.name) == rhs.properties.map(\.name)
            && lhs.properties.map(\.value) == rhs.properties.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(shape)
        for property in properties {
            hasher.combine(property.name)
            hasher.combine(property.value)
        }
    }

    /// The value of the property `name`, if present.
    public subscript(property name: String) -> PropertyValue? {
        properties.first(where: { $0.name == name })?.value
    }
}
