@testable import Export
import Foundation
import GeoModel
import Testing

private func p(_ x: Double, _ y: Double) -> PlanePoint { PlanePoint(x: x, y: y) }

private func area(_ rings: [[PlanePoint]]) -> Double {
    rings.reduce(0) { $0 + PlaneClipping.signedDoubleArea($1) } / 2
}

@Suite("Clipping and simplification on the plane")
struct PlaneClippingTests {
    let rect = PlaneRect(minX: 0, minY: 0, maxX: 10, maxY: 10)

    @Test("Sutherland–Hodgman keeps the part of a ring inside the rectangle")
    func rectangleClip() {
        let square = [p(-5, -5), p(5, -5), p(5, 5), p(-5, 5)]
        let clipped = PlaneClipping.clip(ring: square, to: rect)
        #expect(abs(area([clipped]) - 25) < 1e-9)
        #expect(clipped.allSatisfy { rect.contains($0) })
        #expect(PlaneClipping.clip(ring: [p(20, 20), p(30, 20), p(30, 30)], to: rect).isEmpty)
        // A ring around the whole rectangle becomes the rectangle.
        let around = [p(-100, -100), p(100, -100), p(100, 100), p(-100, 100)]
        #expect(abs(area([PlaneClipping.clip(ring: around, to: rect)]) - 100) < 1e-9)
    }

    @Test("Liang–Barsky splits a line where it leaves and re-enters")
    func lineClip() {
        let line = [p(-5, 5), p(5, 5), p(5, 15), p(7, 15), p(7, 5), p(15, 5)]
        let pieces = PlaneClipping.clip(line: line, to: rect)
        #expect(pieces.count == 2)
        #expect(pieces.first?.first == p(0, 5))
        #expect(pieces.first?.last == p(5, 10))
        #expect(pieces.last?.first == p(7, 10))
        #expect(pieces.last?.last == p(10, 5))
        #expect(PlaneClipping.clipSegment(p(-1, -1), p(-2, 20), to: rect) == nil)
    }

    @Test("a ring crossing the disc is cut and joined along the circle, interior kept on the left")
    func discClip() {
        // A counter-clockwise square from the centre out past the circle of radius 10.
        let square: [PlanePoint?] = [p(0, 0), p(20, 0), p(20, 20), p(0, 20)]
        let rings = PlaneClipping.clip(polygon: [square], toDiscOfRadius: 10) { false }
        // A quarter disc: π r² / 4.
        #expect(abs(area(rings) - .pi * 100 / 4) < 0.1)
        #expect(rings.flatMap { $0 }.allSatisfy { hypot($0.x, $0.y) <= 10 + 1e-9 })
    }

    @Test("a chord between two far points jumping across the map is not taken for a crossing")
    func antipodalJump() {
        // Both ends are outside the disc on opposite sides: near an azimuthal
        // projection's antipode. The chord must not cut a strip through the disc.
        let ring: [PlanePoint?] = [p(-50, 0.1), p(50, 0.1), p(50, 60), p(-50, 60)]
        #expect(PlaneClipping.clip(polygon: [ring], toDiscOfRadius: 10) { false }.isEmpty)
        let line: [PlanePoint?] = [p(-50, 0), p(50, 0)]
        #expect(PlaneClipping.clip(line: line, toDiscOfRadius: 10).isEmpty)
        // Unprojectable points (nil) end a piece.
        #expect(PlaneClipping.clip(line: [p(0, 0), nil, p(1, 1), p(2, 2)], toDiscOfRadius: 10).count == 1)
    }

    @Test("a polygon covering the whole disc becomes the disc, with its inner holes")
    func coveringPolygon() {
        let outside: [PlanePoint?] = [p(-50, -50), p(50, -50), p(50, 50), p(-50, 50)]
        let hole: [PlanePoint?] = [p(-1, -1), p(-1, 1), p(1, 1), p(1, -1)]
        let rings = PlaneClipping.clip(polygon: [outside, hole], toDiscOfRadius: 10) { true }
        #expect(rings.count == 2)
        #expect(abs(area(rings) - (.pi * 100 - 4)) < 0.2)
        // The same rings, but the polygon is reported not to cover the circle (it holds the antipode instead).
        #expect(PlaneClipping.clip(polygon: [outside], toDiscOfRadius: 10) { false }.isEmpty)
    }

    @Test("Douglas–Peucker drops vertices within the tolerance and keeps corners")
    func simplify() {
        let line = (0...100).map { p(Double($0), sin(Double($0)) * 0.01) } + [p(100, 50)]
        let simple = PlaneClipping.simplify(line: line, tolerance: 0.5)
        #expect(simple == [p(0, 0), p(100, sin(100.0) * 0.01), p(100, 50)])
        let ring = (0..<360).map { p(cos(Double($0) * .pi / 180) * 100, sin(Double($0) * .pi / 180) * 100) }
        let simpleRing = PlaneClipping.simplify(ring: ring, tolerance: 0.5)
        #expect(simpleRing.count < 60)
        #expect(simpleRing.count > 8)
        #expect(PlaneClipping.simplify(ring: [p(0, 0), p(0.1, 0), p(0, 0.1), p(0, 0)], tolerance: 1).isEmpty)
    }

    @Test("SVG path data: absolute start, relative steps on a 0.1 px grid, no drift")
    func pathData() {
        let d = SVGPath.data([[p(10.04, 20.06), p(10.16, 20.14), p(9.5, 21), p(9.5, 21)]], closed: true)
        #expect(d == "M10,20.1l.2,0-.7,.9z")
        #expect(SVGPath.tenths(-5) == "-.5")
        #expect(SVGPath.tenths(123) == "12.3")
        #expect(SVGPath.tenths(-120) == "-12")
        // Summing the deltas lands exactly on the rounded last point.
        let points = (0..<1000).map { p(Double($0) * 0.333, Double($0) * 0.777) }
        let data = SVGPath.data([points], closed: false)
        #expect(data.hasPrefix("M0,0l"))
        let numbers = data.dropFirst().replacingOccurrences(of: "l", with: " ").replacingOccurrences(of: "-", with: " -")
            .split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        let xs = stride(from: 0, to: numbers.count, by: 2).map { numbers[$0] }
        let sum: Double = xs.reduce(0, +)
        let last: Double = (999 * 0.333 * 10).rounded() / 10
        #expect(abs(sum - last) < 1e-6)
    }

    @Test("lon/lat point in polygon with holes")
    func pointInPolygon() {
        let polygon = Polygon(exterior: [
            Coordinate(latitude: 0, longitude: 0), Coordinate(latitude: 0, longitude: 10),
            Coordinate(latitude: 10, longitude: 10), Coordinate(latitude: 10, longitude: 0), Coordinate(latitude: 0, longitude: 0),
        ], holes: [[
            Coordinate(latitude: 4, longitude: 4), Coordinate(latitude: 6, longitude: 4), Coordinate(latitude: 6, longitude: 6),
            Coordinate(latitude: 4, longitude: 6), Coordinate(latitude: 4, longitude: 4),
        ]])
        #expect(RingGeometry.contains(polygon, Coordinate(latitude: 2, longitude: 2)))
        #expect(!RingGeometry.contains(polygon, Coordinate(latitude: 5, longitude: 5)))
        #expect(!RingGeometry.contains(polygon, Coordinate(latitude: 20, longitude: 5)))
    }
}
