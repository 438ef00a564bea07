import Foundation
import GeoModel

extension Geodesic {
    /// Quadrilaterals that together with discs of `halfWidth` around the
    /// vertices of `line` cover the ground within `halfWidth` of it, less
    /// `slack`, and reach no farther than `halfWidth` from it.
    ///
    /// The line (straight longitude/latitude edges) is cut into pieces
    /// short enough that each piece's edge lies within `slack / 5` of the
    /// geodesic between its ends, and that the straight edges joining the
    /// points `halfWidth − slack / 2` to either side of the piece's ends
    /// lie within `slack / 5` of the curve at that distance from the
    /// geodesic (both checked at the middle, where they part most). One
    /// quadrilateral per piece, and where an edge was split a thin triangle
    /// each side closing the wedge between its pieces (its chord sags a
    /// small fraction of the slack). A buffer of a long boundary then costs
    /// a few vertices per piece instead of a disc every few hundred metres.
    /// - Parameters:
    ///   - line: vertices, degrees.
    ///   - halfWidth: the buffer distance.
    ///   - slack: how much of the buffer's edge the strips may give up;
    ///     at most `halfWidth`.
    ///   - narrowSide: a side (seen along the line) to reach only
    ///     `narrowWidth` into, where other shapes cover the rest (the inside
    ///     of an area being buffered); nil for the full width both sides.
    /// - Returns: closed rings in unwrapped longitude (near each piece's
    ///   start), or nil when a piece comes within 5° of a pole or would
    ///   need more than 2^16 splits: buffer that line with discs instead.
    public func strips(along line: [Coordinate], halfWidth: Distance, slack: Distance,
                       narrowSide: StripSide? = nil, narrowWidth: Distance = .zero) -> [Ring]? {
        let side = halfWidth.meters - slack.meters / 2
        let widths = (left: narrowSide == .left ? min(side, narrowWidth.meters) : side,
                      right: narrowSide == .right ? min(side, narrowWidth.meters) : side)
        let allowance = slack.meters / 5
        guard side > 0, allowance > 0 else { return nil }
        var rings = [Ring]()
        for (start, end) in zip(line, line.dropFirst()) {
            let endUnwrapped = Coordinate(latitude: end.latitude, longitude: Coordinate.unwrappedLongitude(end.longitude, near: start.longitude))
            var pending = [(start, endUnwrapped, 0)]
            // The last piece's end corners: where the edge was split (no
            // disc there), a triangle on each side closes the wedge between
            // two pieces that turn a little.
            var previous: (end: Coordinate, corners: StripCorners)?
            while let (a, b, depth) = pending.popLast() {
                guard depth <= 16 else { return nil }
                let piece = inverse(from: a, to: b)
                guard piece.distance.meters > 1e-3 else { continue }
                guard let corners = strip(from: a, to: b, piece: piece, widths: widths, allowance: allowance) else {
                    guard max(abs(a.latitude), abs(b.latitude)) < 85 else { return nil }
                    let middle = Coordinate(latitude: (a.latitude + b.latitude) / 2, longitude: (a.longitude + b.longitude) / 2)
                    pending.append((middle, b, depth + 1))
                    pending.append((a, middle, depth + 1))
                    continue
                }
                if narrowSide == nil {
                    rings.append([corners.leftA, corners.leftB, corners.rightB, corners.rightA, corners.leftA])
                } else {
                    // Uneven sides: the ends' chords pass far from the line's
                    // own points, so each end runs through its point.
                    rings.append([corners.leftA, corners.leftB, b, corners.rightB, corners.rightA, a, corners.leftA])
                }
                if let previous, previous.end == a {
                    for wedge in [[a, previous.corners.leftB, corners.leftA], [a, corners.rightA, previous.corners.rightB]]
                    where Self.hasArea(wedge) {
                        rings.append(wedge + [a])
                    }
                }
                previous = (b, corners)
            }
        }
        return rings
    }

    /// The corners of one piece's quadrilateral, `halfWidth` less half the
    /// slack to its left and right at both ends (unwrapped longitudes).
    private struct StripCorners {
        var leftA, leftB, rightA, rightB: Coordinate
    }

    /// Whether a triangle encloses some area (degenerate rings are invalid to GEOS).
    private static func hasArea(_ triangle: [Coordinate]) -> Bool {
        let (p, q, r) = (triangle[0], triangle[1], triangle[2])
        let cross = (q.longitude - p.longitude) * (r.latitude - p.latitude) - (q.latitude - p.latitude) * (r.longitude - p.longitude)
        return abs(cross) > 1e-14
    }

    /// The corners of one piece, or nil when the piece is too long for
    /// straight edges (or too near a pole).
    private func strip(from a: Coordinate, to b: Coordinate, piece: InverseSolution, widths: (left: Double, right: Double),
                       allowance: Double) -> StripCorners? {
        // The piece's own edge against the geodesic, at the middle.
        let middle = direct(from: a, azimuth: piece.initialAzimuth, distance: .meters(piece.distance.meters / 2))
        let lonLatMiddle = Coordinate(latitude: (a.latitude + b.latitude) / 2, longitude: (a.longitude + b.longitude) / 2)
        guard distance(from: middle.destination, to: lonLatMiddle).meters <= allowance else { return nil }
        var ends = [(Coordinate, Coordinate)]()
        for (turn, side) in [(-90.0, widths.left), (90, widths.right)] {
            let fromA = direct(from: a, azimuth: piece.initialAzimuth + turn, distance: .meters(side)).destination
            let fromB = direct(from: b, azimuth: piece.finalAzimuth + turn, distance: .meters(side)).destination
            let fromMiddle = direct(from: middle.destination, azimuth: middle.finalAzimuth + turn, distance: .meters(side)).destination
            let unwrappedA = Self.unwrapped(fromA, near: a.longitude), unwrappedB = Self.unwrapped(fromB, near: b.longitude)
            guard abs(fromA.latitude) < 85, abs(fromB.latitude) < 85, abs(unwrappedB.longitude - unwrappedA.longitude) < 90 else { return nil }
            let edgeMiddle = Coordinate(latitude: (unwrappedA.latitude + unwrappedB.latitude) / 2,
                                        longitude: (unwrappedA.longitude + unwrappedB.longitude) / 2)
            guard distance(from: fromMiddle, to: edgeMiddle).meters <= allowance else { return nil }
            ends.append((unwrappedA, unwrappedB))
        }
        return StripCorners(leftA: ends[0].0, leftB: ends[0].1, rightA: ends[1].0, rightB: ends[1].1)
    }

    private static func unwrapped(_ point: Coordinate, near longitude: Double) -> Coordinate {
        Coordinate(latitude: point.latitude, longitude: Coordinate.unwrappedLongitude(point.longitude, near: longitude))
    }
}

/// A side of a line, seen along it.
public enum StripSide: Sendable {
    case left, right

    /// The other side.
    public var opposite: StripSide { self == .left ? .right : .left }
}

