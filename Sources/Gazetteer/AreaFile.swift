import Foundation
import GeoModel

/// The outlines of `areas.bin`, decoded one at a time when an area place is
/// asked for (a country outline is thousands of vertices; most lookups never
/// need one).
///
/// Layout (little-endian): magic `TMAREAS1`; UInt32 count; UInt32
/// offsets[count + 1] from the end of the offset table; then per area a
/// varint polygon count, per polygon a varint ring count (exterior first),
/// per ring a varint vertex count (closing vertex not stored) and that many
/// (longitude, latitude) zigzag-varint deltas in 1e-4 degree from the
/// previous vertex of the area, starting at (0, 0).
struct AreaFile: Sendable {
    static let magic = Array("TMAREAS1".utf8)
    static let unit = 1e-4

    let source: String
    private let bytes: [UInt8]
    let count: Int
    private let dataStart: Int

    /// - Throws: `GazetteerError.badData` when the header is not an area file's.
    init(bytes: [UInt8], source: String) throws(GazetteerError) {
        self.source = source
        self.bytes = bytes
        guard bytes.count >= 12, Array(bytes[0..<8]) == Self.magic else {
            throw .badData(source: source, line: 0, reason: "not a ThreatMap area file (no TMAREAS1 header)")
        }
        let count = Int(Self.uint32(bytes, at: 8))
        let dataStart = 12 + 4 * (count + 1)
        guard dataStart <= bytes.count,
              Int(Self.uint32(bytes, at: 12 + 4 * count)) == bytes.count - dataStart
        else {
            throw .badData(source: source, line: 0, reason: "the area file is truncated or its offset table is damaged")
        }
        self.count = count
        self.dataStart = dataStart
    }

    init(contentsOf url: URL) throws(GazetteerError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .file(.unreadable(source: url.path, reason: error.localizedDescription))
        }
        try self.init(bytes: [UInt8](data), source: url.path)
    }

    /// The size in bytes and a content hash of the file (see `IndexCache`).
    var fingerprint: (hash: UInt64, size: Int) { (ContentHash.of(bytes), bytes.count) }

    private static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    /// The outline of area `index`, rings closed, longitudes in [-180, 180].
    /// - Throws: `GazetteerError.badData` for an index out of range or a damaged record.
    func outline(_ index: Int) throws(GazetteerError) -> MultiPolygon {
        guard index >= 0, index < count else {
            throw .badData(source: source, line: 0, reason: "area \(index) does not exist (the file holds \(count))")
        }
        var position = dataStart + Int(Self.uint32(bytes, at: 12 + 4 * index))
        let end = dataStart + Int(Self.uint32(bytes, at: 12 + 4 * (index + 1)))
        let damaged = GazetteerError.badData(source: source, line: 0, reason: "area \(index) is damaged")
        guard position <= end, end <= bytes.count else { throw damaged }

        func varint() throws(GazetteerError) -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard position < end, shift < 64 else { throw damaged }
                let byte = bytes[position]
                position += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
        }
        func zigzag() throws(GazetteerError) -> Int64 {
            let raw = try varint()
            return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
        }

        var x: Int64 = 0, y: Int64 = 0
        var polygons = [Polygon]()
        let polygonCount = try varint()
        for _ in 0..<polygonCount {
            var rings = [Ring]()
            let ringCount = try varint()
            for _ in 0..<ringCount {
                let vertexCount = try varint()
                guard vertexCount >= 3, vertexCount <= UInt64(end - position) else { throw damaged }
                var ring = Ring()
                ring.reserveCapacity(Int(vertexCount) + 1)
                for _ in 0..<vertexCount {
                    x += try zigzag()
                    y += try zigzag()
                    ring.append(Coordinate(latitude: Double(y) * Self.unit, longitude: Double(x) * Self.unit))
                }
                ring.append(ring[0])
                rings.append(ring)
            }
            guard let exterior = rings.first else { throw damaged }
            polygons.append(Polygon(exterior: exterior, holes: Array(rings.dropFirst())))
        }
        guard position == end else { throw damaged }
        return MultiPolygon(polygons)
    }
}
