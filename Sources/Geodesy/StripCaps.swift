import Foundation
import GeoModel

extension Geodesic {
    /// Degrees added on both sides of a cap (see `stripCaps`): room for
    /// the strips' first and last pieces leaving a vertex along a slightly
    /// different azimuth, and for the ellipsoid against the plane.
    public static let stripCapMargin = 5.0

    /// The caps that, with the half-strips on `side` of a closed `ring`
    /// (`strips(along:side:)`), cover the ground within the half-width on
    /// that side: one at each vertex where the ring turns away from `side`,
    /// spanning the azimuths between the normals of the two edges that meet
    /// there (widened by `stripCapMargin` on each side). Where the ring
    /// turns towards `side` the two half-strips overlap and need no cap.
    ///
    /// Ground beyond a ring edge on `side`, nearest to a point inside the
    /// edge, lies on that edge's normal, so inside its half-strip; nearest
    /// to a vertex, it lies between the normals of the vertex's edges on
    /// the side the ring turns away from, so inside the cap.
    /// - Parameters:
    ///   - ring: closed (first vertex equal to the last), degrees.
    ///   - side: the side, seen along the ring, that the strips cover.
    /// - Returns: the vertex and the cap's azimuths; nil for a vertex whose
    ///   turn is too sharp or edges too short for a wedge (a whole disc).
    public func stripCaps(around ring: [Coordinate], side: StripSide) -> [(vertex: Coordinate, azimuths: AzimuthRange?)] {
        let vertices = ring.count > 1 && ring.first == ring.last ? Array(ring.dropLast()) : ring
        guard vertices.count > 2 else { return vertices.map { ($0, nil) } }
        var caps = [(vertex: Coordinate, azimuths: AzimuthRange?)]()
        for (index, vertex) in vertices.enumerated() {
            let previous = vertices[(index + vertices.count - 1) % vertices.count]
            let next = vertices[(index + 1) % vertices.count]
            guard let turn = turn(at: vertex, from: previous, to: next) else {
                caps.append((vertex, nil))
                continue
            }
            // A right turn (clockwise) opens its wedge on the left, a left turn on the right.
            let opens: StripSide = turn.degrees > 0 ? .left : .right
            guard opens == side else { continue }
            guard abs(turn.degrees) <= 150 else {
                caps.append((vertex, nil))
                continue
            }
            let margin = Self.stripCapMargin
            let (start, end) = side == .left
                ? (turn.incoming - 90 - margin, turn.outgoing - 90 + margin)
                : (turn.outgoing + 90 - margin, turn.incoming + 90 + margin)
            caps.append((vertex, try? AzimuthRange(start: start, end: end)))
        }
        return caps
    }

    /// The azimuths at `vertex` of the straight longitude/latitude edges
    /// from `previous` and to `next` (as the strips' pieces leave and reach
    /// it), and the signed turn between them, clockwise positive, in
    /// (-180, 180]; nil when an edge is under a metre long.
    private func turn(at vertex: Coordinate, from previous: Coordinate,
                      to next: Coordinate) -> (incoming: Double, outgoing: Double, degrees: Double)? {
        // A point a little way along each edge: the edge's own direction at the vertex.
        func along(_ from: Coordinate, _ to: Coordinate, _ fraction: Double) -> Coordinate {
            let to = Coordinate(latitude: to.latitude, longitude: Coordinate.unwrappedLongitude(to.longitude, near: from.longitude))
            return Coordinate(latitude: from.latitude + fraction * (to.latitude - from.latitude),
                              longitude: from.longitude + fraction * (to.longitude - from.longitude))
        }
        let fraction = 1.0 / 1024
        let incoming = inverse(from: along(vertex, previous, fraction), to: vertex)
        let outgoing = inverse(from: vertex, to: along(vertex, next, fraction))
        guard inverse(from: previous, to: vertex).distance.meters >= 1, inverse(from: vertex, to: next).distance.meters >= 1 else {
            return nil
        }
        var degrees = (outgoing.initialAzimuth - incoming.finalAzimuth).truncatingRemainder(dividingBy: 360)
        if degrees > 180 { degrees -= 360 } else if degrees <= -180 { degrees += 360 }
        return (incoming.finalAzimuth, outgoing.initialAzimuth, degrees)
    }
}
