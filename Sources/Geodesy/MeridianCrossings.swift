import Foundation
import GeoModel

extension Geodesic {
    /// `ring` with a vertex inserted wherever one of its edges, taken as a
    /// geodesic, crosses an antimeridian (longitude 180 + k·360 in the ring's
    /// unwrapped frame).
    ///
    /// Cutting at ±180 then splits edges at points that lie on the geodesic
    /// edges themselves, not on straight longitude/latitude chords, so the
    /// pieces keep the ring's geodesic area exactly.
    public func insertingAntimeridianCrossings(_ ring: Ring) -> Ring {
        guard var previous = ring.first else { return ring }
        var result: Ring = [previous]
        result.reserveCapacity(ring.count + 4)
        for current in ring.dropFirst() {
            // Most edges lie within (-180, 180): no antimeridian between their ends.
            if abs(previous.longitude) < 180, abs(current.longitude) < 180 {
                result.append(current)
                previous = current
                continue
            }
            let spansLessThanHalf = abs(current.longitude - previous.longitude) < 180
            if spansLessThanHalf, abs(previous.latitude) < 90, abs(current.latitude) < 90 {
                let low = min(previous.longitude, current.longitude), high = max(previous.longitude, current.longitude)
                // The antimeridians strictly between the two longitudes.
                var meridian = ((low - 180) / 360).rounded(.down) * 360 + 180 + 360
                if meridian - 360 > low { meridian -= 360 }
                var crossings = [Coordinate]()
                while meridian < high {
                    if meridian > low { crossings.append(meridianCrossing(from: previous, to: current, longitude: meridian)) }
                    meridian += 360
                }
                result += current.longitude > previous.longitude ? crossings : crossings.reversed()
            }
            result.append(current)
            previous = current
        }
        return result
    }
}
