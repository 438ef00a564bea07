import Foundation
import GeoModel

extension Geodesic {
    /// Spacing of disc centres along a boundary so that the union of discs
    /// of `radius` around them dips at most `dip` below the true buffer
    /// between two neighbours: `2·sqrt(r² − (r − dip)²)`.
    /// - Returns: metres; `radius`·2 when the dip allowance exceeds the radius.
    public func bufferSpacing(radius: Distance, dip: Distance) -> Distance {
        let r = radius.meters, allowance = min(dip.meters, r)
        return .meters(2 * (r * r - (r - allowance) * (r - allowance)).squareRoot())
    }

    /// Points along a polyline (straight longitude/latitude edges, as GeoJSON
    /// draws them) no more than `spacing` apart by geodesic distance. The
    /// input vertices are kept; edges are split evenly.
    /// - Complexity: one `geod_inverse` per output point.
    public func samples(along line: [Coordinate], spacing: Distance) -> [Coordinate] {
        guard let first = line.first else { return [] }
        var result = [first]
        for (start, end) in zip(line, line.dropFirst()) {
            // Unwrap so an edge across ±180 takes the short way.
            let endLongitude = Coordinate.unwrappedLongitude(end.longitude, near: start.longitude)
            var pieces = 1
            while true {
                let step = Coordinate(
                    latitude: start.latitude + (end.latitude - start.latitude) / Double(pieces),
                    longitude: start.longitude + (endLongitude - start.longitude) / Double(pieces)
                )
                if distance(from: start, to: step) <= spacing || pieces >= 1 << 20 { break }
                pieces *= 2
            }
            for index in 1...pieces {
                let fraction = Double(index) / Double(pieces)
                result.append(Coordinate(
                    latitude: start.latitude + (end.latitude - start.latitude) * fraction,
                    longitude: Coordinate.normalizedLongitude(start.longitude + (endLongitude - start.longitude) * fraction)
                ))
            }
        }
        return result
    }
}
