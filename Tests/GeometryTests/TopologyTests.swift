import GeoModel
@testable import Geometry
import Testing

@Suite struct TopologyTests {
    @Test func inputOverTheVertexBudgetIsRefusedNamingTheCount() throws {
        let squares = (0..<3).map { square(west: Double($0) * 3, south: 0, size: 2) }
        // Three squares of five vertices: 15.
        #expect(throws: GeometryError.tooLarge(operation: "union", vertices: 15, limit: 14)) {
            try Topology.checkBudget(squares, operation: "union", limit: 14)
        }
        try Topology.checkBudget(squares, operation: "union", limit: 15)
        #expect(GeometryError.tooLarge(operation: "union", vertices: 15, limit: 14).description
                == "union of 15 vertices is over the limit of 14 for one geometry operation; raise the tolerance (fewer vertices per ring) or split the job")
    }

    @Test func unionOfOverlappingSquaresIsOnePolygon() throws {
        let a = MultiPolygon([square(west: 0, south: 0, size: 2)])
        let b = MultiPolygon([square(west: 1, south: 1, size: 2)])
        let united = try Topology.union([a, b])
        #expect(united.polygons.count == 1)
        #expect(abs(planarArea(united) - 7) < 1e-12)
    }

    @Test func unionOfDisjointSquaresKeepsBoth() throws {
        let united = try Topology.union([
            MultiPolygon([square(west: 0, south: 0, size: 1)]),
            MultiPolygon([square(west: 5, south: 5, size: 1)]),
        ])
        #expect(united.polygons.count == 2)
        #expect(abs(planarArea(united) - 2) < 1e-12)
    }

    @Test func unionOfNothingIsEmpty() throws {
        #expect(try Topology.union([]).isEmpty)
    }

    @Test func differenceMakesAnAnnulus() throws {
        let outer = MultiPolygon([square(west: 0, south: 0, size: 4)])
        let inner = MultiPolygon([square(west: 1, south: 1, size: 2)])
        let annulus = try Topology.difference(outer, inner)
        #expect(annulus.polygons.count == 1)
        #expect(annulus.polygons[0].holes.count == 1)
        #expect(abs(planarArea(annulus) - 12) < 1e-12)
        #expect(try !Topology.covers(annulus, Coordinate(latitude: 2, longitude: 2)))
        #expect(try Topology.covers(annulus, Coordinate(latitude: 0.5, longitude: 0.5)))
    }

    @Test func intersectionKeepsTheOverlap() throws {
        let overlap = try Topology.intersection(
            MultiPolygon([square(west: 0, south: 0, size: 2)]),
            MultiPolygon([square(west: 1, south: 1, size: 2)])
        )
        #expect(abs(planarArea(overlap) - 1) < 1e-12)
        let none = try Topology.intersection(
            MultiPolygon([square(west: 0, south: 0, size: 1)]),
            MultiPolygon([square(west: 3, south: 3, size: 1)])
        )
        #expect(none.isEmpty)
    }

    @Test func validityNamesTheProblem() throws {
        #expect(try Topology.validity(of: .polygon(square(west: 0, south: 0, size: 1))) == .valid)
        let bowtie = Polygon(exterior: [
            .init(latitude: 0, longitude: 0), .init(latitude: 1, longitude: 1),
            .init(latitude: 0, longitude: 1), .init(latitude: 1, longitude: 0), .init(latitude: 0, longitude: 0),
        ])
        let validity = try Topology.validity(of: .polygon(bowtie))
        #expect(!validity.isValid)
        guard case let .invalid(reason) = validity else { Issue.record("bowtie judged valid"); return }
        #expect(reason.contains("Self-intersection"))
    }

    @Test func polygonFromRingsChecksTheRings() throws {
        let built = try Topology.polygon(exterior: square(west: 0, south: 0, size: 1).exterior)
        #expect(built.exterior.count == 5)
        #expect(throws: GeometryError.self) {
            try Topology.polygon(exterior: [.init(latitude: 0, longitude: 0), .init(latitude: 1, longitude: 1)])
        }
        let open: Ring = [
            .init(latitude: 0, longitude: 0), .init(latitude: 0, longitude: 1),
            .init(latitude: 1, longitude: 1), .init(latitude: 1, longitude: 0),
        ]
        #expect(throws: GeometryError.invalidRing(reason: "first and last coordinates differ")) {
            try Topology.polygon(exterior: open)
        }
    }

    @Test func coversIncludesTheBoundary() throws {
        let shape = MultiPolygon([square(west: 0, south: 0, size: 1)])
        #expect(try Topology.covers(shape, .init(latitude: 0, longitude: 0.5)))
        #expect(try !Topology.covers(shape, .init(latitude: -0.001, longitude: 0.5)))
    }
}
