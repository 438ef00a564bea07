import Foundation
import GeoModel

/// The map background: land, coastline, country and province boundaries and
/// country names, in longitude/latitude. Read from the compact file that
/// `Scripts/build_basemap.py` writes (format described there).
public struct Basemap: Hashable, Sendable {
    /// A country name and where to write it.
    public struct Label: Hashable, Sendable {
        public var name: String
        public var coordinate: Coordinate
        /// The country's area, km² (to pick the names that fit).
        public var squareKilometers: Double
        public init(name: String, coordinate: Coordinate, squareKilometers: Double) {
            self.name = name
            self.coordinate = coordinate
            self.squareKilometers = squareKilometers
        }
    }

    /// Land polygons (exteriors counter-clockwise, holes clockwise).
    public var land: [Polygon]
    public var coastline: [LineString]
    /// Boundaries between countries.
    public var borders: [LineString]
    /// First-level subdivision boundaries inside countries.
    public var provinces: [LineString]
    public var labels: [Label]

    public init(land: [Polygon] = [], coastline: [LineString] = [], borders: [LineString] = [],
                provinces: [LineString] = [], labels: [Label] = []) {
        self.land = land
        self.coastline = coastline
        self.borders = borders
        self.provinces = provinces
        self.labels = labels
    }

    /// Reads a basemap file.
    /// - Throws: `BasemapError` naming the file and what is wrong with it.
    public init(contentsOf url: URL) throws(BasemapError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(path: url.path, reason: FileManager.default.fileExists(atPath: url.path)
                ? error.localizedDescription : "no such file")
        }
        try self.init(data: data, source: url.path)
    }

    /// Decodes basemap bytes; `source` names them in errors.
    public init(data: Data, source: String) throws(BasemapError) {
        var reader = ByteReader(bytes: [UInt8](data), source: source)
        guard try reader.take(8) == Array("TMBASE1\n".utf8) else { throw reader.fail("not a basemap file (bad magic)") }
        let count = try reader.uint32()
        self.init()
        for _ in 0..<count {
            let kind = try reader.byte()
            let name = String(decoding: try reader.take(Int(try reader.byte())), as: UTF8.self)
            let length = Int(try reader.uint32())
            var body = ByteReader(bytes: try reader.take(length), source: "\(source) layer \(name)")
            switch (kind, name) {
            case (1, "land"): land = try body.polygons()
            case (2, "coastline"): coastline = try body.lines()
            case (2, "borders"): borders = try body.lines()
            case (2, "provinces"): provinces = try body.lines()
            case (3, "labels"): labels = try body.labels()
            default: continue  // a layer this version does not draw
            }
            guard body.isAtEnd else { throw body.fail("\(length - body.offset) bytes left over") }
        }
        guard reader.isAtEnd else { throw reader.fail("trailing bytes after the last layer") }
    }
}

/// Why a basemap could not be read.
public enum BasemapError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case unreadable(path: String, reason: String)
    case malformed(source: String, offset: Int, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "cannot read basemap \(path): \(reason)"
        case let .malformed(source, offset, reason): "\(source): byte \(offset): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}

/// Little-endian reader for the basemap's varints and zigzag deltas.
private struct ByteReader {
    let bytes: [UInt8]
    let source: String
    private(set) var offset = 0
    private var lastX = 0, lastY = 0
    /// Coordinates are stored in units of 1e-4 degree.
    private static let unit = 1e-4

    init(bytes: [UInt8], source: String) {
        self.bytes = bytes
        self.source = source
    }

    var isAtEnd: Bool { offset == bytes.count }

    func fail(_ reason: String) -> BasemapError { .malformed(source: source, offset: offset, reason: reason) }

    mutating func byte() throws(BasemapError) -> UInt8 {
        guard offset < bytes.count else { throw fail("unexpected end of data") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func take(_ count: Int) throws(BasemapError) -> [UInt8] {
        guard count >= 0, count <= bytes.count - offset else { throw fail("unexpected end of data") }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func uint32() throws(BasemapError) -> UInt32 {
        let raw = try take(4)
        return raw.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func varint() throws(BasemapError) -> Int {
        var value = 0, shift = 0
        while true {
            let next = try byte()
            guard shift < 63 else { throw fail("varint too long") }
            value |= Int(next & 0x7F) << shift
            if next & 0x80 == 0 { return value }
            shift += 7
        }
    }

    /// A count that cannot exceed the bytes left (every item takes at least one).
    mutating func count() throws(BasemapError) -> Int {
        let value = try varint()
        guard value <= bytes.count - offset else { throw fail("count \(value) exceeds the data left") }
        return value
    }

    mutating func coordinate() throws(BasemapError) -> Coordinate {
        func zigzag(_ value: Int) -> Int { (value >> 1) ^ -(value & 1) }
        lastX += zigzag(try varint())
        lastY += zigzag(try varint())
        let longitude = Double(lastX) * Self.unit, latitude = Double(lastY) * Self.unit
        guard abs(longitude) <= 180, abs(latitude) <= 90 else {
            throw fail("coordinate \(latitude),\(longitude) is off the Earth")
        }
        return Coordinate(latitude: latitude, longitude: longitude)
    }

    mutating func coordinates() throws(BasemapError) -> [Coordinate] {
        let count = try count()
        var result = [Coordinate]()
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try coordinate()) }
        return result
    }

    mutating func polygons() throws(BasemapError) -> [Polygon] {
        var result = [Polygon]()
        for _ in 0..<(try count()) {
            var rings = [Ring]()
            for _ in 0..<(try count()) {
                var ring = try coordinates()
                guard ring.count >= 3 else { throw fail("a ring needs at least 3 vertices") }
                ring.append(ring[0])
                rings.append(ring)
            }
            guard let exterior = rings.first else { throw fail("a polygon without rings") }
            result.append(Polygon(exterior: exterior, holes: Array(rings.dropFirst())))
        }
        return result
    }

    mutating func lines() throws(BasemapError) -> [LineString] {
        var result = [LineString]()
        for _ in 0..<(try count()) {
            let line = try coordinates()
            guard line.count >= 2 else { throw fail("a line needs at least 2 vertices") }
            result.append(LineString(line))
        }
        return result
    }

    mutating func labels() throws(BasemapError) -> [Basemap.Label] {
        var result = [Basemap.Label]()
        for _ in 0..<(try count()) {
            let coordinate = try coordinate()
            let area = try varint()
            let name = String(decoding: try take(try count()), as: UTF8.self)
            result.append(Basemap.Label(name: name, coordinate: coordinate, squareKilometers: Double(area)))
        }
        return result
    }
}
