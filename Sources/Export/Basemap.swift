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

/// The part of the Earth an azimuthal map draws anything of: a cap about
/// the projection's centre. Basemap features wholly outside it are left
/// out before they are projected; they would be clipped away entirely.
///
/// Tested on the sphere (degrees of longitude and latitude taken as
/// spherical angles) with a margin far wider than the sphere's error
/// against the ellipsoid, so a feature is left out only when every point
/// of its bounding box lies beyond the cap.
struct VisibleCap {
    /// The cap's centre.
    let center: Coordinate
    /// The cap's radius, radians on the sphere, margin included.
    let radius: Double
    /// Radius (radians on the sphere) of the cap wholly inside what is drawn.
    let innerRadius: Double

    /// Smallest and greatest radius of curvature of the WGS84 ellipsoid,
    /// metres, rounded out: a geodesic is about as long as its spherical
    /// angle times a radius between the two.
    private static let leastRadius = 6_335_000.0, greatestRadius = 6_400_000.0

    /// - Parameters:
    ///   - center: the projection's centre.
    ///   - meters: geodesic distance from the centre beyond which nothing is drawn.
    ///   - nearestMeters: geodesic distance from the centre within which everything is.
    init(center: Coordinate, meters: Double, nearestMeters: Double) {
        self.center = center
        radius = (meters * 1.02 + 20_000) / Self.leastRadius
        innerRadius = max(0, (nearestMeters / 1.02 - 20_000) / Self.greatestRadius)
    }

    /// Whether any point of a feature with these coordinates may lie in the
    /// cap: straight longitude/latitude edges stay inside the coordinates'
    /// bounding box, and so does any point inside a ring of them.
    func mayHold(_ coordinates: [Coordinate]) -> Bool {
        guard var south = coordinates.first?.latitude, var west = coordinates.first?.longitude else { return false }
        var north = south, east = west
        for coordinate in coordinates {
            south = min(south, coordinate.latitude); north = max(north, coordinate.latitude)
            west = min(west, coordinate.longitude); east = max(east, coordinate.longitude)
        }
        return nearestAngle(south: south, north: north, west: west, east: east) <= radius
    }

    /// Spherical angle (radians) from the centre to the nearest point of a
    /// longitude/latitude box (degrees, west ≤ east, no wrap).
    func nearestAngle(south: Double, north: Double, west: Double, east: Double) -> Double {
        let longitude = center.longitude
        // The centre's meridian (or a copy a turn away) runs through the box:
        // the nearest point lies on it.
        for shift in [-360.0, 0, 360] where (west...east).contains(longitude + shift) {
            return max(0, south - center.latitude, center.latitude - north) * .pi / 180
        }
        // Otherwise on the box's west or east edge: distance grows with the
        // longitude difference along every parallel.
        return min(nearestAngle(meridian: west, south: south, north: north),
                   nearestAngle(meridian: east, south: south, north: north))
    }

    /// Spherical angle (radians) from the centre to the nearest point of a
    /// meridian between two latitudes (degrees).
    private func nearestAngle(meridian: Double, south: Double, north: Double) -> Double {
        let difference = (meridian - center.longitude) * .pi / 180
        var candidates = [south, north]
        // Along the meridian the angle falls to one least value, at the foot
        // of the perpendicular when that lies on this half of the great circle.
        if cos(difference) > 0 {
            let foot = atan(tan(center.latitude * .pi / 180) / cos(difference)) * 180 / .pi
            candidates.append(min(north, max(south, foot)))
        }
        return candidates.map { angle(to: Coordinate(latitude: $0, longitude: meridian)) }.min() ?? 0
    }

    /// Haversine angle from the centre, radians.
    func angle(to point: Coordinate) -> Double {
        let phi1 = center.latitude * .pi / 180, phi2 = point.latitude * .pi / 180
        let dPhi = phi2 - phi1, dLambda = (point.longitude - center.longitude) * .pi / 180
        let h = sin(dPhi / 2) * sin(dPhi / 2) + cos(phi1) * cos(phi2) * sin(dLambda / 2) * sin(dLambda / 2)
        return 2 * asin(min(1, h.squareRoot()))
    }
}

extension VisibleCap {
    /// The stretches of `line` that may pass through the cap: runs of
    /// consecutive edges, each edge left out only when every point of it
    /// (a straight longitude/latitude segment) lies beyond the cap. Outside
    /// the cap nothing is drawn, so the stretches draw what the line draws.
    func stretches(of line: [Coordinate]) -> [[Coordinate]] {
        guard line.count >= 2 else { return [] }
        guard mayHold(line) else { return [] }
        var stretches = [[Coordinate]]()
        var start: Int?
        var previousAngle = angle(to: line[0])
        for index in 1..<line.count {
            let a = line[index - 1], b = line[index]
            let angle = angle(to: b)
            // Every point of the edge lies within half its length of an end;
            // on the sphere that length is at most its length in degrees.
            let halfLength = hypot(b.latitude - a.latitude, b.longitude - a.longitude) * .pi / 360
            let beyond = min(previousAngle, angle) - halfLength > radius
            previousAngle = angle
            if beyond {
                if let first = start { stretches.append(Array(line[first..<index])) }
                start = nil
            } else if start == nil {
                start = index - 1
            }
        }
        if let first = start { stretches.append(Array(line[first...])) }
        return stretches
    }
}

extension VisibleCap {
    /// `polygon` with the far stretches of its rings shortened, for an
    /// azimuthal map that clips it to a disc inside the cap. In a ring that
    /// has a vertex inside the drawn disc, each run of edges wholly beyond
    /// the cap is replaced by fewer edges, also wholly beyond it: the ring
    /// enters and leaves the disc at the same points, in the same order and
    /// with the same winding, so it draws what it drew. Other rings are
    /// kept as they are.
    func thinned(_ polygon: Polygon) -> Polygon {
        Polygon(exterior: thinned(ring: polygon.exterior), holes: polygon.holes.map { thinned(ring: $0) })
    }

    /// See `thinned(_:)`; `ring` is closed (its first vertex repeated last).
    func thinned(ring: Ring) -> Ring {
        guard ring.count >= 4, ring.first == ring.last else { return ring }
        let angles = ring.map { angle(to: $0) }
        guard angles.contains(where: { $0 < innerRadius }) else { return ring }
        var result = [ring[0]]
        result.reserveCapacity(ring.count)
        var anchor = 0
        var index = 1
        while index < ring.count {
            // Extend a chord from the anchor over far edges while it stays beyond the cap.
            var end = index
            while end < ring.count - 1, isBeyond(edgeFrom: ring[end - 1], to: ring[end], angles[end - 1], angles[end]),
                  isBeyond(edgeFrom: ring[end], to: ring[end + 1], angles[end], angles[end + 1]),
                  isBeyond(chordFrom: ring[anchor], to: ring[end + 1]) {
                end += 1
            }
            result.append(ring[end])
            anchor = end
            index = end + 1
        }
        guard result.count >= 4, result.count < ring.count,
              (RingGeometry.signedDoubleArea(result) > 0) == (RingGeometry.signedDoubleArea(ring) > 0) else { return ring }
        return result
    }

    /// Whether every point of a short straight longitude/latitude edge lies
    /// beyond the cap: each lies within half the edge's length of an end.
    private func isBeyond(edgeFrom a: Coordinate, to b: Coordinate, _ angleA: Double, _ angleB: Double) -> Bool {
        min(angleA, angleB) - hypot(b.latitude - a.latitude, b.longitude - a.longitude) * .pi / 360 > radius
    }

    /// Whether every point of a straight longitude/latitude chord lies beyond the cap (its bounding box does).
    private func isBeyond(chordFrom a: Coordinate, to b: Coordinate) -> Bool {
        nearestAngle(south: min(a.latitude, b.latitude), north: max(a.latitude, b.latitude),
                     west: min(a.longitude, b.longitude), east: max(a.longitude, b.longitude)) > radius
    }
}
