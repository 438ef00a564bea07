import Foundation
import Gazetteer
import GeoModel
import Geodesy
import ThreatModel
import Testing

/// People in reach against a brute-force GeographicLib sum over the same
/// places (`Fixtures/population.csv`, made by
/// `Scripts/make_population_reference.py` from `Gazetteer/gazetteer.tsv`).
@Suite struct PeopleInReachTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The populated rows of the bundled gazetteer, read as the reference script reads them.
    static func bundledPlaces() throws -> [PopulatedPlace] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Gazetteer/gazetteer.tsv"), encoding: .utf8)
        var places = [PopulatedPlace]()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard ["capital", "city", "town"].contains(fields[0]), let population = Int(fields[3]), population > 0,
                  let latitude = Double(fields[4]), let longitude = Double(fields[5]) else { continue }
            places.append(PopulatedPlace(coordinate: Coordinate(latitude: latitude, longitude: longitude),
                                         population: population, country: String(fields[1])))
        }
        return places
    }

    static func site(_ name: String, _ latitude: Double, _ longitude: Double) -> LaunchSite {
        LaunchSite(place: Place(name: name, coordinate: Coordinate(latitude: latitude, longitude: longitude),
                                kind: .coordinate, country: "", source: "test"))
    }

    @Test func sumsMatchABruteForceGeographicLibSum() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/population", withExtension: "csv"))
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        #expect(rows.count >= 15)
        let places = try Self.bundledPlaces()
        let bySite = Dictionary(grouping: rows, by: { String($0[0]) })
        for (name, cases) in bySite {
            let site = Self.site(name, Double(cases[0][1])!, Double(cases[0][2])!)
            let systems = cases.map { row in
                MissileSystem(name: "\(row[3]) km", category: .range, range: .kilometers(Double(row[3])!), source: "test")
            }
            let reach = try PeopleInReach(launches: [(site, systems)], places: places)
            for (row, coverage) in zip(cases, reach.coverages) {
                #expect(coverage.people == Int(row[4])!, "\(name) \(row[3]) km")
                #expect(coverage.reached.count == Int(row[5])!, "\(name) \(row[3]) km")
            }
        }
    }

    @Test func eachPlaceCountsOncePerSystemFromSeveralSites() throws {
        let places = [
            PopulatedPlace(coordinate: Coordinate(latitude: 33.3, longitude: 44.4), population: 1000, country: "IQ"),
            PopulatedPlace(coordinate: Coordinate(latitude: 33.4, longitude: 44.5), population: 500, country: "IQ"),
            PopulatedPlace(coordinate: Coordinate(latitude: 40, longitude: 60), population: 7, country: "TM"),
        ]
        let system = MissileSystem(name: "Test", category: .srbm, range: .kilometers(100), source: "test")
        let reach = try PeopleInReach(launches: [(Self.site("A", 33.31, 44.41), [system]), (Self.site("B", 33.39, 44.49), [system])],
                                      places: places)
        #expect(reach.coverages.count == 1)
        #expect(reach.coverages[0].people == 1500)
        #expect(reach.coverages[0].reached == [0, 1])
    }

    @Test func aLaunchAreaReachesFromItsNearestPoint() throws {
        // A square launch area 1° across; a place 50 km east of its east edge.
        let square = Polygon(exterior: [Coordinate(latitude: 30, longitude: 40), Coordinate(latitude: 30, longitude: 41),
                                        Coordinate(latitude: 31, longitude: 41), Coordinate(latitude: 31, longitude: 40),
                                        Coordinate(latitude: 30, longitude: 40)])
        let area = LaunchSite(place: Self.site("Area", 30.5, 40.5).place, extent: .area(MultiPolygon([square])))
        let east = Geodesic.wgs84.direct(from: Coordinate(latitude: 30.5, longitude: 41), azimuth: 90, distance: .kilometers(50)).destination
        let places = [PopulatedPlace(coordinate: east, population: 10, country: ""),
                      PopulatedPlace(coordinate: Coordinate(latitude: 30.5, longitude: 40.5), population: 3, country: "")]
        let near = MissileSystem(name: "Near", category: .range, range: .kilometers(49), source: "test")
        let far = MissileSystem(name: "Far", category: .range, range: .kilometers(51), source: "test")
        let reach = try PeopleInReach(launches: [(area, [near, far])], places: places)
        #expect(reach.coverages.map(\.people) == [3, 13])
    }
}
