import Geodesy
import GeoModel

/// An inset map: where markers crowd too closely to be labelled on the
/// main map, a larger-scale map of their area in a corner of the frame,
/// with its own frame, scale bar and labels, and a box on the main map
/// showing where it is.
extension SVGMapRenderer {
    struct Inset {
        /// The inset's frame on the canvas, pixels.
        var frame: PlaneRect
        /// Azimuthal equidistant, centred on the crowded markers.
        var canvas: MapCanvas
        /// Markers (indices as in `MarkerLabels.points`) labelled in the inset instead of on the main map.
        var shown: Set<Int>
        /// The inset's frame as it lies on the main map, pixels.
        var area: [PlanePoint]

        var areaBox: LabelPlacer.Box {
            LabelPlacer.Box(minX: area.map(\.x).min() ?? 0, minY: area.map(\.y).min() ?? 0,
                            maxX: area.map(\.x).max() ?? 0, maxY: area.map(\.y).max() ?? 0)
        }
    }

    /// Side of an inset, as a share of the main frame's width (at most 340 px wide, 4:3).
    static let insetShare = 0.3

    /// An inset centred on the `core` markers (those that could not be
    /// labelled or touch another), at three times the main map's scale at
    /// least (else none), at a scale that holds them all and, as
    /// far as it can, the rest of their `crowd` while setting the closest
    /// two 16 px apart; in the first corner of the frame (bottom right, top
    /// left, top right, bottom left above the scale bar) that covers no
    /// marker, none of `avoiding`, and not the area it shows. Nil when no
    /// corner is free.
    /// - Throws: `ExportError.projection` when PROJ rejects the projection.
    func insetLayout(markers: MarkerLabels, core: [Int], crowd: [Int], content: MapContent, frame: PlaneRect, canvas: MapCanvas,
                     avoiding: [LabelPlacer.Box]) throws(ExportError) -> Inset? {
        let geodesic = Geodesic.wgs84
        let coordinates = core.map { markers.marker($0).coordinate }
        guard !coordinates.isEmpty else { return nil }
        let center = Coordinate.mean(of: coordinates)
        let width = min(340, ((frame.maxX - frame.minX) * Self.insetShare).rounded()), height = (width * 0.75).rounded()
        func spread(_ group: [Int]) -> Double {
            group.map { geodesic.distance(from: center, to: markers.marker($0).coordinate).meters }.max() ?? 0
        }
        var closest = Double.infinity
        for (i, a) in coordinates.enumerated() {
            for b in coordinates[(i + 1)...] {
                let meters = geodesic.distance(from: a, to: b).meters
                if meters > 0 { closest = min(closest, meters) }
            }
        }
        // The extent's circle fills about half the inset's height.
        let pixelsPerRadius = height / 2 - 10
        let separating = closest.isFinite ? closest * pixelsPerRadius / 16 : 0
        let radius = Distance.meters(max(spread(core) * 1.5, min(separating, spread(crowd) * 1.5), 2000))
        // Worth an inset only at three times the main map's scale or more.
        guard radius.meters / pixelsPerRadius * 3 <= metresPerPixel(canvas) else { return nil }
        let corners = [
            PlaneRect(minX: frame.maxX - 10 - width, minY: frame.maxY - 10 - height, maxX: frame.maxX - 10, maxY: frame.maxY - 10),
            PlaneRect(minX: frame.minX + 10, minY: frame.minY + 10, maxX: frame.minX + 10 + width, maxY: frame.minY + 10 + height),
            PlaneRect(minX: frame.maxX - 10 - width, minY: frame.minY + 10, maxX: frame.maxX - 10, maxY: frame.minY + 10 + height),
            PlaneRect(minX: frame.minX + 10, minY: frame.maxY - 68 - height, maxX: frame.minX + 10 + width, maxY: frame.maxY - 68),
        ]
        let points = markers.points
        for corner in corners {
            let box = Self.box(corner).inflated(8)
            guard avoiding.allSatisfy({ $0.overlap(box) == 0 }),
                  !points.contains(where: { box.overlap(LabelPlacer.marker(at: $0, radius: 1)) > 0 }) else { continue }
            let inset = try MapCanvas(projection: .azimuthalEquidistant(center: center), extent: .radius(radius),
                                      contentCoordinates: [], frame: corner)
            // The inset's edges as they lie on the main map (densified: a frame edge is no straight line there).
            var area = [PlanePoint]()
            let outline = corner.corners + [corner.corners[0]]
            for (a, b) in zip(outline, outline.dropFirst()) {
                for step in 0..<8 {
                    let t = Double(step) / 8
                    let pixel = PlanePoint(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
                    guard let coordinate = inset.coordinate(at: pixel), let onMain = canvas.pixel(coordinate) else { return nil }
                    area.append(onMain)
                }
            }
            let areaBox = LabelPlacer.Box(minX: area.map(\.x).min()!, minY: area.map(\.y).min()!,
                                          maxX: area.map(\.x).max()!, maxY: area.map(\.y).max()!)
            guard areaBox.inflated(16).overlap(box) == 0 else { continue }
            let shown = Set(crowd.filter { inset.pixel(markers.marker($0).coordinate) != nil })
            // A box too small to see is drawn as a 16 px square about the same centre.
            if areaBox.maxX - areaBox.minX < 16 || areaBox.maxY - areaBox.minY < 16 {
                let x = (areaBox.minX + areaBox.maxX) / 2, y = (areaBox.minY + areaBox.maxY) / 2
                area = [PlanePoint(x: x - 8, y: y - 8), PlanePoint(x: x + 8, y: y - 8), PlanePoint(x: x + 8, y: y + 8), PlanePoint(x: x - 8, y: y + 8)]
            }
            return Inset(frame: corner, canvas: inset, shown: shown, area: area)
        }
        return nil
    }

    /// Draws the inset over the main map: its own background, basemap,
    /// footprints, launch areas, rings and radials, markers with their
    /// labels, frame and scale bar.
    /// - Returns: where its labels went.
    func drawInset(_ inset: Inset, content: MapContent, sites: [MapContent.Marker], siteTargets: [MapContent.Marker?],
                   into svg: inout SVGDocument) -> LabelLayout {
        let canvas = inset.canvas, frame = inset.frame
        svg.open("g", [("class", "inset")])
        svg.open("defs")
        svg.open("clipPath", [("id", "inset-frame")])
        svg.empty("rect", Self.rectAttributes(frame))
        svg.close("clipPath")
        svg.close("defs")
        svg.empty("rect", Self.rectAttributes(frame) + [("fill", theme.space)])
        svg.open("g", [("clip-path", "url(#inset-frame)")])
        let domain = canvas.domainOutline()
        if domain.count >= 3 {
            svg.empty("path", [("class", "sea"), ("d", SVGPath.data([domain], closed: true)), ("fill", theme.sea)])
        }
        let metresPerPixel = metresPerPixel(canvas)
        if let basemap { drawBasemap(basemap, canvas: canvas, cap: Self.visibleCap(canvas), metresPerPixel: metresPerPixel, into: &svg) }
        _ = drawFootprints(content, canvas: canvas, className: "inset-footprint", into: &svg)
        drawLaunchAreas(content.launchAreas, canvas: canvas, into: &svg)
        _ = drawGuides(content.guides, canvas: canvas, into: &svg)
        let targetSites = Self.targetSites(content)
        let sitePoints = sites.map { canvas.pixel($0.coordinate) }
        let targetPoints = content.targets.indices.map { targetSites[$0] == nil ? canvas.pixel(content.targets[$0].coordinate) : nil }
        var markers = MarkerLabels(sites: sites, siteTargets: siteTargets, targets: content.targets,
                                   sitePoints: sitePoints, targetPoints: targetPoints)
        let scaleBox = LabelPlacer.Box(minX: frame.minX, minY: frame.maxY - 52, maxX: frame.minX + 230, maxY: frame.maxY)
        _ = markers.place(obstacles: [], bounds: .init(minX: frame.minX + 3, minY: frame.minY + 3, maxX: frame.maxX - 3, maxY: frame.maxY - 3),
                          reserved: [scaleBox])
        drawMarkers(content.targets, points: targetPoints, labels: markers.targetLabels, site: false, into: &svg)
        drawMarkers(sites, points: sitePoints, labels: markers.siteLabels, site: true, alsoTargets: siteTargets, into: &svg)
        svg.close("g")
        svg.empty("rect", Self.rectAttributes(frame) + [("fill", "none"), ("stroke", theme.text), ("stroke-width", "1.2")])
        drawScale(canvas: canvas, metresPerPixel: metresPerPixel, frame: frame, into: &svg)
        svg.close("g")
        return LabelLayout(frame: Self.box(frame), markers: markers.points, labels: markers.placedBoxes, otherLabels: [])
    }
}
