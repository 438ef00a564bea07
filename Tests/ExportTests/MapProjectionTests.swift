import Export
import Foundation
import Geodesy
import GeoModel
import Testing

private let center = Coordinate(latitude: 33, longitude: 44)

@Suite("MapProjection")
struct MapProjectionTests {
    @Test("the azimuthal equidistant definition names its centre")
    func definition() {
        let projection = MapProjection.azimuthalEquidistant(center: Coordinate(latitude: -33.92, longitude: 18.42))
        #expect(projection.definition == "+proj=aeqd +lat_0=-33.920000 +lon_0=18.420000 +ellps=WGS84 +units=m")
    }

    @Test("the centre maps to the origin")
    func centreAtOrigin() throws {
        let points = try MapProjection.azimuthalEquidistant(center: center).project([center])
        try #require(points.count == 1)
        #expect(abs(points[0].x) < 1e-6)
        #expect(abs(points[0].y) < 1e-6)
    }

    @Test("a point 700 km due north lands at x = 0, y = 700 km")
    func dueNorth() throws {
        let north = Geodesic.wgs84.direct(from: center, azimuth: 0, distance: .kilometers(700)).destination
        let points = try MapProjection.azimuthalEquidistant(center: center).project([north])
        try #require(points.count == 1)
        #expect(abs(points[0].x) < 1)
        #expect(abs(points[0].y - 700_000) < 1)
    }

    @Test("distance and azimuth from the centre are true in every direction", arguments: [0.0, 45, 90, 135, 180, 225, 270, 315])
    func everyDirection(azimuth: Double) throws {
        let point = Geodesic.wgs84.direct(from: center, azimuth: azimuth, distance: .kilometers(700)).destination
        let projected = try MapProjection.azimuthalEquidistant(center: center).project([point])
        try #require(projected.count == 1)
        #expect(abs(hypot(projected[0].x, projected[0].y) - 700_000) < 1)
        // x east, y north: the azimuth is atan2(x, y).
        var projectedAzimuth = atan2(projected[0].x, projected[0].y) * 180 / .pi
        if projectedAzimuth < -1e-9 { projectedAzimuth += 360 }
        #expect(abs(projectedAzimuth - azimuth) < 1e-7)
    }

    @Test("points come back one per input, in order")
    func order() throws {
        let inputs = [0.0, 100, 200, 300].map {
            Geodesic.wgs84.direct(from: center, azimuth: 90, distance: .kilometers($0)).destination
        }
        let points = try MapProjection.azimuthalEquidistant(center: center).project(inputs)
        try #require(points.count == 4)
        for (index, point) in points.enumerated() {
            #expect(abs(point.x - Double(index) * 100_000) < 1)
            #expect(abs(point.y) < 1)
        }
        #expect(try MapProjection.azimuthalEquidistant(center: center).project([]).isEmpty)
    }

    @Test("a definition PROJ rejects throws ExportError.projection", arguments: [
        "+proj=bogus +ellps=WGS84", "not a projection at all", "",
    ])
    func bogusDefinition(definition: String) {
        let error = #expect(throws: ExportError.self) {
            try MapProjection(definition: definition).project([center])
        }
        guard case let .projection(reason) = error else {
            Issue.record("expected .projection, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("PROJ rejected"))
    }

    @Test("a bogus definition throws even with no points to project")
    func bogusDefinitionWithoutPoints() {
        let error = #expect(throws: ExportError.self) {
            try MapProjection(definition: "+proj=bogus").project([])
        }
        guard case .projection = error else {
            Issue.record("expected .projection, got \(String(describing: error))")
            return
        }
    }

    @Test("a point the projection cannot show throws ExportError.projection")
    func unprojectablePoint() {
        // An orthographic view of the hemisphere around `center` cannot show its antipode.
        let orthographic = MapProjection(definition: "+proj=ortho +lat_0=33 +lon_0=44 +ellps=WGS84 +units=m")
        let error = #expect(throws: ExportError.self) {
            try orthographic.project([center, Coordinate(latitude: -33, longitude: -136)])
        }
        guard case .projection = error else {
            Issue.record("expected .projection, got \(String(describing: error))")
            return
        }
    }
}
