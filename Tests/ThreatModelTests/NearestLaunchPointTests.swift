import Foundation
import Gazetteer
import Geodesy
import GeoModel
import Testing
import ThreatModel

/// The nearest and farthest points of a launch area: never farther (or
/// nearer) than any boundary sample, for targets all around the area,
/// near it, far from it and nearly antipodal.
@Suite struct NearestLaunchPointTests {
    static let outline: Ring = [
        Coordinate(latitude: 30, longitude: 45), Coordinate(latitude: 30.5, longitude: 47.5),
        Coordinate(latitude: 32, longitude: 48), Coordinate(latitude: 33, longitude: 46),
        Coordinate(latitude: 31.5, longitude: 44.5), Coordinate(latitude: 30, longitude: 45),
    ]

    @Test("nearest and farthest points bound every boundary sample")
    func boundsEverySample() throws {
        let place = Place(name: "area", coordinate: Coordinate(latitude: 31, longitude: 46), kind: .coordinate,
                          country: "", source: "test")
        let launch = LaunchSite(place: place, extent: .area(MultiPolygon([Polygon(exterior: Self.outline)])))
        let geodesic = Geodesic.wgs84
        let samples = geodesic.samples(along: Self.outline, spacing: .kilometers(2))
        for (azimuth, kilometers) in [(0.0, 50.0), (45, 400), (100, 1500), (200, 5000), (300, 12000), (10, 19500)] {
            let target = geodesic.direct(from: Coordinate(latitude: 31, longitude: 46), azimuth: azimuth,
                                         distance: .kilometers(kilometers)).destination
            let distances = samples.map { geodesic.distance(from: target, to: $0).meters }
            let nearest = try launch.nearestPoint(to: target).distance.meters
            let farthest = launch.farthestPoint(to: target).distance.meters
            #expect(nearest <= distances.min()! + 1e-6)
            #expect(farthest >= distances.max()! - 1e-6)
        }
    }
}
