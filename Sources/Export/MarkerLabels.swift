import Foundation

/// The labels of a map's markers, placed in priority order: sites (a site
/// that is also a target is one marker), then targets in range, then the
/// rest, each nearer to its own marker than to any other.
struct MarkerLabels {
    let sites: [MapContent.Marker]
    /// For each site, the target it also is.
    let siteTargets: [MapContent.Marker?]
    let targets: [MapContent.Marker]
    /// Pixels of each marker; nil off the map (and for targets drawn as their site).
    let sitePoints: [PlanePoint?]
    let targetPoints: [PlanePoint?]
    private(set) var siteLabels: [LabelPlacer.Placement?]
    private(set) var targetLabels: [LabelPlacer.Placement?]

    init(sites: [MapContent.Marker], siteTargets: [MapContent.Marker?], targets: [MapContent.Marker],
         sitePoints: [PlanePoint?], targetPoints: [PlanePoint?]) {
        self.sites = sites
        self.siteTargets = siteTargets
        self.targets = targets
        self.sitePoints = sitePoints
        self.targetPoints = targetPoints
        siteLabels = Array(repeating: nil, count: sites.count)
        targetLabels = Array(repeating: nil, count: targets.count)
    }

    /// Every marker's pixel, sites first then targets (a marker off the map
    /// far outside the canvas): the marker indices used below.
    var points: [PlanePoint] {
        (sitePoints + targetPoints).map { $0 ?? PlanePoint(x: -1e9, y: -1e9) }
    }

    /// The place at marker `index`.
    func marker(_ index: Int) -> MapContent.Marker {
        index < sites.count ? sites[index] : targets[index - sites.count]
    }

    static let siteRadius = 7.0, siteAndTargetRadius = 9.0, targetRadius = 5.5

    /// Places the labels of every marker on the map but those in `skipping`.
    /// - Parameters:
    ///   - obstacles: boxes labels should keep off (legend, scale bar, ...).
    ///   - reserved: boxes no label may cover.
    /// - Returns: the placer, for the labels placed after the markers'.
    mutating func place(obstacles: [LabelPlacer.Box], bounds: LabelPlacer.Box, reserved: [LabelPlacer.Box] = [],
                        skipping: Set<Int> = []) -> LabelPlacer {
        var boxes = obstacles
        boxes += sitePoints.compactMap { $0.map { LabelPlacer.marker(at: $0, radius: Self.siteRadius) } }
        boxes += targetPoints.compactMap { $0.map { LabelPlacer.marker(at: $0, radius: Self.targetRadius) } }
        var placer = LabelPlacer(obstacles: boxes, bounds: bounds, markers: points)
        for box in reserved { placer.reserve(box) }
        for (index, marker) in sites.enumerated() where !skipping.contains(index) {
            guard let point = sitePoints[index] else { continue }
            siteLabels[index] = placer.place(width: LabelPlacer.width(of: marker.label, fontSize: 13, bold: true), fontSize: 13,
                                             beside: point, radius: siteTargets[index] == nil ? Self.siteRadius : Self.siteAndTargetRadius,
                                             required: true, marker: index)
        }
        let order = targets.indices.filter { targets[$0].highlighted } + targets.indices.filter { !targets[$0].highlighted }
        for index in order where !skipping.contains(sites.count + index) {
            guard let point = targetPoints[index] else { continue }
            targetLabels[index] = placer.place(width: LabelPlacer.width(of: targets[index].label, fontSize: 13), fontSize: 13,
                                               beside: point, radius: Self.targetRadius, required: true, marker: sites.count + index)
        }
        return placer
    }

    /// Markers on the map that have no label.
    var unlabelled: [Int] {
        sites.indices.filter { sitePoints[$0] != nil && siteLabels[$0] == nil }
            + targets.indices.filter { targetPoints[$0] != nil && targetLabels[$0] == nil }.map { sites.count + $0 }
    }

    /// Markers on the map whose symbols touch another's (centres within
    /// `distance` pixels): a reader cannot tell which name is whose.
    func touching(within distance: Double = 6) -> [Int] {
        let grid = BoxGrid(points.map { LabelPlacer.marker(at: $0, radius: 0) })
        return points.indices.filter { index in
            let point = points[index]
            guard point.x > -1e8 else { return false }
            return grid.indices(near: LabelPlacer.marker(at: point, radius: distance)).contains { other in
                other != index && hypot(points[other].x - point.x, points[other].y - point.y) < distance
            }
        }
    }

    /// The markers of `group` linked to one another within `distance`
    /// pixels, largest first (first in `group` on a tie).
    func clusters(of group: [Int], within distance: Double = 24) -> [[Int]] {
        var left = group, clusters = [[Int]]()
        while let seed = left.first {
            var members = [seed], frontier = [seed]
            left.removeFirst()
            while let index = frontier.popLast() {
                let near = left.filter { hypot(points[$0].x - points[index].x, points[$0].y - points[index].y) < distance }
                left.removeAll { near.contains($0) }
                members += near
                frontier += near
            }
            clusters.append(members.sorted())
        }
        return clusters.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
    }

    /// `group` and every marker on the map within `distance` pixels of one of it.
    func neighbourhood(of group: [Int], within distance: Double = 24) -> [Int] {
        points.indices.filter { index in
            group.contains(index) || (points[index].x > -1e8 && group.contains {
                hypot(points[$0].x - points[index].x, points[$0].y - points[index].y) < distance
            })
        }
    }

    /// Each placed label's marker and box.
    var placedBoxes: [(marker: Int, box: LabelPlacer.Box)] {
        siteLabels.enumerated().compactMap { index, placement in placement.map { (index, $0.box) } }
            + targetLabels.enumerated().compactMap { index, placement in placement.map { (sites.count + index, $0.box) } }
    }
}
