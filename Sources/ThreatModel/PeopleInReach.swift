import Foundation
import Gazetteer
import Geodesy
import GeoModel

/// Which populated places a system reaches from any of its launch sites,
/// by the same exact decision as `reach` (inclusive, distance on WGS84):
/// each place counted once per system however many sites reach it.
public struct PeopleInReach: Sendable {
    /// One system's reach over the places.
    public struct Coverage: Sendable {
        public var system: MissileSystem
        /// Indices into the places given, most populous first.
        public var reached: [Int]
        /// Inhabitants of the reached places.
        public var people: Int
    }

    public let coverages: [Coverage]

    /// - Parameters:
    ///   - launches: each launch site with the systems fired from it.
    ///   - places: the points to decide (a gazetteer's `populatedPlaces()`).
    /// - Throws: `ThreatModelError` when the nearest point of a launch area cannot be found.
    public init(launches: [(site: LaunchSite, systems: [MissileSystem])], places: [PopulatedPlace],
                geodesic: Geodesic = .wgs84) throws(ThreatModelError) {
        var systems = [MissileSystem]()
        for launch in launches {
            for system in launch.systems where !systems.contains(where: { $0.name == system.name }) { systems.append(system) }
        }
        let coordinates = places.map(\.coordinate)
        // Surface points once, in chunks over the cores.
        let chunk = 8192
        let surface = ConcurrentMap.map(count: (coordinates.count + chunk - 1) / chunk) { part in
            coordinates[(part * chunk)..<min(coordinates.count, (part + 1) * chunk)].map(geodesic.surfacePoint)
        }.flatMap { $0 }
        let grid = DegreeGrid(coordinates)
        var coverages = [Coverage]()
        for system in systems {
            let carrying = launches.filter { $0.systems.contains { $0.name == system.name } }.map(\.site)
            var reached = [Bool](repeating: false, count: places.count)
            // Point sites: the places in each site's search box not reached
            // yet, each decided by the chord, else by `geod_inverse`.
            let maximum = ChordRangeTest(range: system.range, geodesic: geodesic)
            let minimum = system.minimumRange > .zero ? ChordRangeTest(range: system.minimumRange, geodesic: geodesic) : nil
            for site in carrying where site.extent == .point {
                let centre = site.place.coordinate, point = geodesic.surfacePoint(centre)
                grid.forEach(in: SearchBox(center: centre, radius: system.range)) { index in
                    guard !reached[index] else { return }
                    let chord = point.chordSquared(to: surface[index])
                    var distance: Double?
                    func exact() -> Double {
                        if let distance { return distance }
                        let metres = geodesic.distance(from: centre, to: coordinates[index]).meters
                        distance = metres
                        return metres
                    }
                    switch maximum.decide(chordSquared: chord) {
                    case .beyond: return
                    case .within: break
                    case .undecided: guard exact() <= system.range.meters else { return }
                    }
                    if let minimum {
                        switch minimum.decide(chordSquared: chord) {
                        case .beyond: break
                        case .within: return
                        case .undecided: guard exact() >= system.minimumRange.meters else { return }
                        }
                    }
                    reached[index] = true
                }
            }
            // Areas and lines: only places that could be within range of
            // some point of the site are decided exactly.
            let analysis = ReachAnalysis(geodesic: geodesic)
            for site in carrying where site.extent != .point {
                let cap = Self.cap(around: site, range: system.range, geodesic: geodesic)
                let centre = geodesic.surfacePoint(cap.centre)
                let limit = ChordRangeTest(range: cap.radius, geodesic: geodesic)
                let samples = Self.boundarySamples(of: site, geodesic: geodesic)
                // Built once per site and system: each takes a sine.
                let within = ChordRangeTest(range: system.range, geodesic: geodesic)
                let beyond = ChordRangeTest(range: .meters(system.range.meters + BoundarySamples.spacing.meters), geodesic: geodesic)
                var candidates = [Int]()
                grid.forEach(in: SearchBox(center: cap.centre, radius: cap.radius)) { candidates.append($0) }
                for index in candidates where !reached[index] {
                    let place = places[index], point = surface[index]
                    if limit.decide(chordSquared: centre.chordSquared(to: point)) == .beyond { continue }
                    if system.minimumRange == .zero, let samples {
                        switch samples.decide(place.coordinate, point, site: site, within: within, beyond: beyond) {
                        case .within: reached[index] = true; continue
                        case .beyond: continue
                        case .undecided: break
                        }
                    }
                    let target = Place(name: "", coordinate: place.coordinate, kind: .town, country: place.country, source: "")
                    if try analysis.evaluate(launch: site, system: system, target: target).inRange { reached[index] = true }
                }
            }
            let indices = reached.indices.filter { reached[$0] }.sorted {
                places[$0].population != places[$1].population ? places[$0].population > places[$1].population : $0 < $1
            }
            coverages.append(Coverage(system: system, reached: indices, people: indices.reduce(0) { $0 + places[$1].population }))
        }
        self.coverages = coverages
    }

    /// Points along a launch site's boundaries, at most `spacing` apart
    /// along each straight longitude/latitude edge: every boundary point lies
    /// within `spacing` of one of them. They settle most places at once:
    /// one within range is a launch point in range; all beyond range plus
    /// `spacing`, with the place outside the area, put it out of range.
    struct BoundarySamples {
        static let spacing = Distance.meters(1000)
        /// Consecutive samples in blocks, each with its first sample as a
        /// centre and the farthest chord from it (metres): chords are
        /// straight lines, so the triangle inequality bounds a whole block.
        struct Block {
            var centre: SurfacePoint
            var radius: Double
            var points: ArraySlice<SurfacePoint>
        }

        var blocks: [Block]

        init(points: [SurfacePoint]) {
            blocks = stride(from: 0, to: points.count, by: 64).map { start in
                let slice = points[start..<min(points.count, start + 64)]
                let centre = slice.first!
                return Block(centre: centre, radius: slice.map { $0.chordSquared(to: centre).squareRoot() }.max() ?? 0, points: slice)
            }
        }

        enum Decision { case within, beyond, undecided }

        /// - Parameters:
        ///   - within: the chord test of the range.
        ///   - beyond: the chord test of the range plus `spacing`.
        func decide(_ coordinate: Coordinate, _ point: SurfacePoint, site: LaunchSite,
                    within: ChordRangeTest, beyond: ChordRangeTest) -> Decision {
            var allBeyond = true
            for block in blocks {
                let chord = block.centre.chordSquared(to: point).squareRoot()
                if chord > block.radius, (chord - block.radius) * (chord - block.radius) > beyond.beyondChordSquared { continue }
                if (chord + block.radius) * (chord + block.radius) <= within.withinChordSquared { return .within }
                for sample in block.points {
                    let squared = sample.chordSquared(to: point)
                    switch within.decide(chordSquared: squared) {
                    case .within: return .within
                    case .undecided: allBeyond = false
                    case .beyond: if beyond.decide(chordSquared: squared) != ChordRangeTest.Decision.beyond { allBeyond = false }
                    }
                }
            }
            if case let .area(area) = site.extent, RingGeometry.contains(area, coordinate) { return .within }
            return allBeyond ? .beyond : .undecided
        }
    }

    /// The samples of `site`'s boundaries, or nil when an edge crosses the
    /// antimeridian (those sites are decided point by point).
    static func boundarySamples(of site: LaunchSite, geodesic: Geodesic) -> BoundarySamples? {
        var points = [SurfacePoint]()
        for line in site.boundaries {
            guard let first = line.first else { continue }
            points.append(geodesic.surfacePoint(first))
            for (start, end) in zip(line, line.dropFirst()) {
                guard abs(end.longitude - start.longitude) <= 180 else { return nil }
                // The edge is straight in longitude/latitude, not a geodesic:
                // pieces are halved until each spans at most 99.9 % of the
                // spacing (a kilometre of such an edge is as long as its chord
                // to far better than that).
                var steps = max(1, Int((geodesic.distance(from: start, to: end).meters / BoundarySamples.spacing.meters).rounded(.up)))
                while true {
                    let piece = (0...steps).map { step -> Coordinate in
                        let fraction = Double(step) / Double(steps)
                        return Coordinate(latitude: start.latitude + (end.latitude - start.latitude) * fraction,
                                          longitude: start.longitude + (end.longitude - start.longitude) * fraction)
                    }
                    let longest = zip(piece, piece.dropFirst()).map { geodesic.distance(from: $0, to: $1).meters }.max() ?? 0
                    if longest <= BoundarySamples.spacing.meters * 0.999 || steps > 1 << 20 {
                        points += piece.dropFirst().map(geodesic.surfacePoint)
                        break
                    }
                    steps *= 2
                }
            }
        }
        return points.isEmpty ? nil : BoundarySamples(points: points)
    }

    /// Boxes holding every point any of `launches` reaches: only places
    /// inside them need to be listed.
    public static func searchBoxes(_ launches: [(site: LaunchSite, systems: [MissileSystem])],
                                   geodesic: Geodesic = .wgs84) -> [SearchBox] {
        launches.compactMap { launch in
            guard let range = launch.systems.map(\.range).max() else { return nil }
            let cap = cap(around: launch.site, range: range, geodesic: geodesic)
            return SearchBox(center: cap.centre, radius: cap.radius)
        }
    }

    /// A cap holding every point within `range` of `site`: centred on the
    /// mean of its vertices, out to the farthest vertex plus the range, with
    /// 1 % and 10 km to spare for edges bulging past their vertices.
    static func cap(around site: LaunchSite, range: Distance, geodesic: Geodesic) -> (centre: Coordinate, radius: Distance) {
        let vertices = site.boundaries.flatMap { $0 }
        guard !vertices.isEmpty else { return (site.place.coordinate, range) }
        let centre = Coordinate.mean(of: vertices)
        let farthest = vertices.map { geodesic.distance(from: centre, to: $0).meters }.max() ?? 0
        let radius = min(MissileSystem.longestRange.meters, (farthest + range.meters) * 1.01 + 10_000)
        return (centre, .meters(radius))
    }
}

/// Point indices bucketed by whole degrees of latitude and longitude, to
/// visit only the points inside a `SearchBox`.
struct DegreeGrid {
    /// `members[starts[c]..<starts[c + 1]]` lie in cell c (row-major, 180 x 360).
    private let starts: [Int32]
    private let members: [Int32]

    init(_ coordinates: [Coordinate]) {
        var starts = [Int32](repeating: 0, count: 180 * 360 + 1)
        let cells = coordinates.map(Self.cell)
        for cell in cells { starts[cell + 1] += 1 }
        for cell in 0..<(180 * 360) { starts[cell + 1] += starts[cell] }
        var cursor = starts
        var members = [Int32](repeating: 0, count: coordinates.count)
        for (index, cell) in cells.enumerated() {
            members[Int(cursor[cell])] = Int32(index)
            cursor[cell] += 1
        }
        self.starts = starts
        self.members = members
    }

    static func cell(_ coordinate: Coordinate) -> Int {
        row(coordinate.latitude) * 360 + column(Int((coordinate.longitude + 180).rounded(.down)))
    }

    private static func row(_ latitude: Double) -> Int { min(179, max(0, Int((latitude + 90).rounded(.down)))) }
    private static func column(_ index: Int) -> Int { ((index % 360) + 360) % 360 }

    /// Calls `body` with every point index in the cells `box` touches (a
    /// superset of the points inside it).
    func forEach(in box: SearchBox, _ body: (Int) -> Void) {
        let columns: [Int]
        if box.halfWidth >= 180 {
            columns = Array(0..<360)
        } else {
            let west = Int((box.centerLongitude - box.halfWidth + 180).rounded(.down))
            let east = Int((box.centerLongitude + box.halfWidth + 180).rounded(.down))
            columns = Array(Set((west...min(east, west + 359)).map(Self.column))).sorted()
        }
        for row in Self.row(box.south)...Self.row(box.north) {
            for column in columns {
                let cell = row * 360 + column
                for position in Int(starts[cell])..<Int(starts[cell + 1]) { body(Int(members[position])) }
            }
        }
    }
}
