import GeoModel

/// A layer to write: its name, geometry type, attribute columns, features
/// and, optionally, a QGIS style (QML) stored beside it where the format
/// can hold one (GeoPackage and PostGIS `layer_styles`).
public struct VectorLayer: Sendable {
    public enum GeometryType: Sendable { case point, lineString, multiPolygon }
    /// `integer` is 64-bit (ids, counts); `flag` a 32-bit 0 or 1.
    public enum FieldType: Sendable { case text, real, integer, flag }

    public struct Field: Sendable, Hashable {
        public var name: String
        public var type: FieldType
        public init(_ name: String, _ type: FieldType) {
            self.name = name
            self.type = type
        }
    }

    public enum Value: Sendable, Hashable {
        case text(String), real(Double), integer(Int64), null
    }

    public struct Row: Sendable {
        public var shape: VectorShape
        /// One value per field, in the fields' order.
        public var values: [Value]
        public init(shape: VectorShape, values: [Value]) {
            self.shape = shape
            self.values = values
        }
    }

    public var name: String
    public var geometryType: GeometryType
    public var fields: [Field]
    public var rows: [Row]
    /// A QGIS layer style document (QML), or nil.
    public var style: String?

    public init(name: String, geometryType: GeometryType, fields: [Field], rows: [Row] = [], style: String? = nil) {
        self.name = name
        self.geometryType = geometryType
        self.fields = fields
        self.rows = rows
        self.style = style
    }
}
