import Foundation
import Geodesy
import GeoModel

/// The content of one map: footprints, launch sites and targets.
public struct MapContent: Hashable, Sendable {
    /// One system's reach, drawn in one colour with one legend entry.
    public struct Layer: Hashable, Sendable {
        /// Legend text, e.g. "Zolfaghar".
        public var name: String
        /// Legend detail, e.g. "700 km".
        public var detail: String
        /// The reachable ground; may hold holes (minimum range).
        public var areas: [MultiPolygon]
        /// Ground in reach only on a higher estimate, drawn lighter with
        /// its own legend entry; empty for none.
        public var band: [MultiPolygon]
        /// Legend detail of the band, e.g. "possible, 200–300 km".
        public var bandDetail: String
        /// The kind of system, e.g. "short-range ballistic missile": when a map
        /// has more layers than the palette has colours, layers are coloured
        /// and listed in the legend by group instead of one by one.
        public var group: String?
        public init(name: String, detail: String, areas: [MultiPolygon], band: [MultiPolygon] = [], bandDetail: String = "",
                    group: String? = nil) {
            self.name = name
            self.detail = detail
            self.areas = areas
            self.band = band
            self.bandDetail = bandDetail
            self.group = group
        }
    }

    /// A labelled point; `tooltip` shows when a reader hovers over it.
    public struct Marker: Hashable, Sendable {
        public var label: String
        public var coordinate: Coordinate
        public var tooltip: String
        /// For targets: within reach of at least one system.
        public var highlighted: Bool
        public init(label: String, coordinate: Coordinate, tooltip: String, highlighted: Bool = false) {
            self.label = label
            self.coordinate = coordinate
            self.tooltip = tooltip
            self.highlighted = highlighted
        }
    }

    /// A launch area or line: "anywhere inside Anbar", "anywhere along the border".
    public struct LaunchArea: Hashable, Sendable {
        public var name: String
        public var tooltip: String
        public var polygons: [Polygon]
        /// Paths in longitude/latitude (for launch lines).
        public var lines: [[Coordinate]]
        public init(name: String, tooltip: String, polygons: [Polygon] = [], lines: [[Coordinate]] = []) {
            self.name = name
            self.tooltip = tooltip
            self.polygons = polygons
            self.lines = lines
        }
    }

    /// A line a reader measures the map by: a range ring or a radial.
    public struct Guide: Hashable, Sendable {
        public enum Kind: Hashable, Sendable { case ring, radial }
        public var kind: Kind
        /// Written on the line: "100 km", "45°".
        public var label: String
        /// Polylines in longitude/latitude.
        public var lines: [[Coordinate]]
        public init(kind: Kind, label: String, lines: [[Coordinate]]) {
            self.kind = kind
            self.label = label
            self.lines = lines
        }
    }

    public var title: String
    public var subtitle: String
    /// Shown at the top right, e.g. the date of the reporting.
    public var date: String?
    /// Attribution and sources line at the foot of the map.
    public var credit: String
    public var layers: [Layer]
    public var sites: [Marker]
    public var targets: [Marker]
    /// Launch areas and lines, outlined under the markers.
    public var launchAreas: [LaunchArea]
    /// Range rings and radials, drawn over the footprints and labelled.
    public var guides: [Guide]

    public init(title: String, subtitle: String, date: String? = nil, credit: String, layers: [Layer],
                sites: [Marker], targets: [Marker], launchAreas: [LaunchArea] = [], guides: [Guide] = []) {
        self.guides = guides
        self.title = title
        self.subtitle = subtitle
        self.date = date
        self.credit = credit
        self.layers = layers
        self.sites = sites
        self.targets = targets
        self.launchAreas = launchAreas
    }
}

/// Renders `MapContent` as a standalone SVG document.
///
/// Geometry is cut to what the projection can show, clipped to the frame
/// and simplified to display resolution (Douglas–Peucker, 0.35 px); the
/// extent fits every footprint and marker with a margin unless told
/// otherwise. Text is XML-escaped; output is deterministic (same input,
/// same bytes).
public struct SVGMapRenderer: Sendable {
    /// Canvas size in CSS pixels.
    public var width: Int
    public var height: Int
    public var theme: MapTheme
    public var extent: MapExtent
    /// Land, coastline and boundaries drawn under the footprints; none when nil.
    public var basemap: Basemap?

    public init(width: Int = 1200, height: Int = 900, theme: MapTheme = .light, extent: MapExtent = .auto,
                basemap: Basemap? = nil) {
        self.width = width
        self.height = height
        self.theme = theme
        self.extent = extent
        self.basemap = basemap
    }

    /// Smallest canvas that leaves room for the titles, frame and legend.
    public static let minimumSize = (width: 320, height: 240)

    /// Simplification tolerance, pixels: footprints and graticule.
    static let tolerance = 0.35
    /// How much lighter than its footprint a band of possible reach is filled.
    static let bandOpacity = 0.45
    /// Simplification tolerance of the basemap, pixels (background detail).
    static let basemapTolerance = 0.5

    /// The SVG document.
    /// - Throws: `ExportError.projection` when PROJ rejects the projection.
    public func render(_ content: MapContent, projection: MapProjection) throws(ExportError) -> String {
        try draw(content, projection: projection).svg
    }

    /// Where the labels went, in pixels: what a check of the map reads.
    struct LabelLayout {
        /// The frame of the map or inset the labels are on.
        var frame: LabelPlacer.Box
        /// Every marker's point (a place off the map far outside the canvas).
        var markers: [PlanePoint]
        /// Each marker label: the index of its marker in `markers`, and its box.
        var labels: [(marker: Int, box: LabelPlacer.Box)]
        /// Labels that belong to no marker: footprint ranges, rings, radials.
        var otherLabels: [LabelPlacer.Box]
    }

    /// The SVG document and where its labels went (the main map's first).
    func draw(_ content: MapContent, projection: MapProjection) throws(ExportError) -> (svg: String, layouts: [LabelLayout]) {
        let width = max(width, Self.minimumSize.width), height = max(height, Self.minimumSize.height)
        // The credit wraps under the frame (about 6 px a character at 11 px); room for two lines or more.
        let creditLines = Self.wrap(credit(of: content), width: max(40, (width - 40) / 6))
        // A subtitle too long for its line (beside the date) continues on
        // more, and the frame moves down to make room.
        let subtitleLines = Self.subtitleLines(content.subtitle, date: content.date, width: width)
        let frame = PlaneRect(minX: 20, minY: 84 + Self.subtitleLineHeight * Double(subtitleLines.count - 1), maxX: Double(width) - 20,
                              maxY: Double(height) - 22 - 14 * Double(max(2, creditLines.count)))
        let canvas = try MapCanvas(projection: projection, extent: extent, contentCoordinates: Self.contentCoordinates(content),
                                   frame: frame)

        var svg = SVGDocument()
        svg.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("width", "\(width)"), ("height", "\(height)"),
            ("viewBox", "0 0 \(width) \(height)"), ("font-family", "DejaVu Sans, Helvetica, Arial, sans-serif"),
        ])
        svg.element("title", text: content.title)
        svg.open("defs")
        svg.open("clipPath", [("id", "frame")])
        svg.empty("rect", Self.rectAttributes(frame))
        svg.close("clipPath")
        svg.close("defs")
        svg.empty("rect", [("width", "\(width)"), ("height", "\(height)"), ("fill", theme.background)])
        svg.empty("rect", Self.rectAttributes(frame) + [("fill", theme.space)])

        svg.open("g", [("clip-path", "url(#frame)")])
        let (metresPerPixel, cap) = drawSeaAndLand(canvas: canvas, into: &svg)
        let legend = legendLayout(content, frame: frame, canvas: canvas)
        let scaleBox = LabelPlacer.Box(minX: frame.minX, minY: frame.maxY - 58, maxX: frame.minX + 320, maxY: frame.maxY)
        let graticuleLabels = drawGraticule(canvas: canvas, cap: cap, metresPerPixel: metresPerPixel, avoiding: [legend.box, scaleBox],
                                            into: &svg)
        let footprintEdges = drawFootprints(content, canvas: canvas, into: &svg)
        drawLaunchAreas(content.launchAreas, canvas: canvas, into: &svg)
        let guideLines = drawGuides(content.guides, canvas: canvas, into: &svg)

        // A target that is also a launch site is one place: one marker
        // showing both roles, one label.
        let targetSite = Self.targetSites(content)
        var sites = content.sites
        var siteTargets = [MapContent.Marker?](repeating: nil, count: sites.count)
        for (target, site) in targetSite.enumerated() {
            guard let site else { continue }
            siteTargets[site] = content.targets[target]
            sites[site].tooltip += "; also a target: " + content.targets[target].tooltip
        }

        // Labels: markers first (sites, then targets in range, then the
        // rest), footprint ranges, rings and radials, country names last;
        // the legend, scale bar and graticule labels are kept clear. Each
        // marker label stays nearer to its own marker than to any other.
        let sitePoints = sites.map { canvas.pixel($0.coordinate) }
        let targetPoints = content.targets.indices.map { targetSite[$0] == nil ? canvas.pixel(content.targets[$0].coordinate) : nil }
        let reserved = [legend.box, scaleBox] + graticuleLabels.map(\.box)
        let bounds = LabelPlacer.Box(minX: frame.minX + 3, minY: frame.minY + 3, maxX: frame.maxX - 3, maxY: frame.maxY - 3)
        var markers = MarkerLabels(sites: sites, siteTargets: siteTargets, targets: content.targets,
                                   sitePoints: sitePoints, targetPoints: targetPoints)
        var placer = markers.place(obstacles: reserved, bounds: bounds)
        // Markers too crowded to label, or touching another, go to an
        // inset map of their area; the main map is labelled again around it.
        // One inset, for the largest cluster of such markers.
        let core = markers.clusters(of: Set(markers.unlabelled + markers.touching()).sorted()).first ?? []
        let inset = core.isEmpty ? nil
            : try insetLayout(markers: markers, core: core, crowd: markers.neighbourhood(of: core), content: content, frame: frame,
                              canvas: canvas, avoiding: [legend.box, scaleBox])
        if let inset {
            markers = MarkerLabels(sites: sites, siteTargets: siteTargets, targets: content.targets,
                                   sitePoints: sitePoints, targetPoints: targetPoints)
            placer = markers.place(obstacles: reserved, bounds: bounds,
                                   reserved: [Self.box(inset.frame).inflated(4), inset.areaBox.inflated(2)], skipping: inset.shown)
        }
        let rangeLabels = placeRangeLabels(content.layers, edges: footprintEdges, placer: &placer)
        let guideLabels = placeGuideLabels(content.guides, lines: guideLines, placer: &placer)
        if let basemap { drawCountryNames(basemap, canvas: canvas, placer: &placer, into: &svg) }
        drawRangeLabels(rangeLabels, into: &svg)
        drawGuideLabels(guideLabels, into: &svg)
        drawMarkers(content.targets, points: targetPoints, labels: markers.targetLabels, site: false, into: &svg)
        drawMarkers(sites, points: sitePoints, labels: markers.siteLabels, site: true, alsoTargets: siteTargets, into: &svg)
        var layouts = [LabelLayout(frame: Self.box(frame), markers: markers.points, labels: markers.placedBoxes,
                                   otherLabels: rangeLabels.map(\.placement.box) + guideLabels.map(\.1.box))]
        if let inset {
            svg.empty("path", [("class", "inset-area"), ("d", SVGPath.data([inset.area], closed: true)), ("fill", "none"),
                               ("stroke", theme.text), ("stroke-width", "1.2")])
        }
        svg.close("g")

        svg.empty("rect", Self.rectAttributes(frame) + [("fill", "none"), ("stroke", theme.frame), ("stroke-width", "1")])
        drawGraticuleLabels(graticuleLabels, into: &svg)
        drawScale(canvas: canvas, metresPerPixel: metresPerPixel, frame: frame, into: &svg)
        if let inset {
            layouts.append(drawInset(inset, content: content, sites: sites, siteTargets: siteTargets, into: &svg))
        }
        drawLegend(content, layout: legend, into: &svg)
        drawTitles(content, subtitleLines: subtitleLines, creditLines: creditLines, width: width, frame: frame, into: &svg)
        svg.close("svg")
        return (svg.text, layouts)
    }

    /// What an automatic extent fits: footprint and launch-area vertices, sites and targets.
    static func contentCoordinates(_ content: MapContent) -> [Coordinate] {
        let footprints = content.layers.flatMap { (layer: MapContent.Layer) -> [Coordinate] in
            let areas: [MultiPolygon] = layer.areas + layer.band
            return areas.flatMap { area in area.polygons.flatMap(\.exterior) }
        }
        let launchAreas = content.launchAreas.flatMap { $0.polygons.flatMap(\.exterior) + $0.lines.flatMap { $0 } }
        return footprints + launchAreas + content.sites.map(\.coordinate) + content.targets.map(\.coordinate)
    }

    /// The sea (the projection's domain) and the basemap under everything
    /// else; returns the scale and visible cap the layers above use.
    func drawSeaAndLand(canvas: MapCanvas, into svg: inout SVGDocument) -> (metresPerPixel: Double, cap: VisibleCap?) {
        let domain = canvas.domainOutline()
        if domain.count >= 3 {
            svg.empty("path", [("class", "sea"), ("d", SVGPath.data([domain], closed: true)), ("fill", theme.sea)])
        }
        let metresPerPixel = metresPerPixel(canvas)
        let cap = Self.visibleCap(canvas)
        if let basemap { drawBasemap(basemap, canvas: canvas, cap: cap, metresPerPixel: metresPerPixel, into: &svg) }
        return (metresPerPixel, cap)
    }

    /// For each target, the launch site at the very same coordinate, if any.
    static func targetSites(_ content: MapContent) -> [Int?] {
        content.targets.map { target in content.sites.firstIndex { $0.coordinate == target.coordinate } }
    }

    static func box(_ rect: PlaneRect) -> LabelPlacer.Box {
        LabelPlacer.Box(minX: rect.minX, minY: rect.minY, maxX: rect.maxX, maxY: rect.maxY)
    }

    static func rectAttributes(_ rect: PlaneRect) -> [(String, String)] {
        [("x", SVGPath.number(rect.minX)), ("y", SVGPath.number(rect.minY)),
         ("width", SVGPath.number(rect.maxX - rect.minX)), ("height", SVGPath.number(rect.maxY - rect.minY))]
    }

    /// Ground metres per pixel, east–west through the map's centre (or the
    /// frame's centre when the map's centre lies outside the frame).
    func metresPerPixel(_ canvas: MapCanvas) -> Double {
        let frame = canvas.frame
        let anchor = canvas.pixel(canvas.center) ?? PlanePoint(x: (frame.minX + frame.maxX) / 2, y: (frame.minY + frame.maxY) / 2)
        let a = PlanePoint(x: anchor.x - 10, y: anchor.y), b = PlanePoint(x: anchor.x + 10, y: anchor.y)
        guard let start = canvas.coordinate(at: a), let end = canvas.coordinate(at: b) else { return 1 / canvas.scale }
        let metres = Geodesic.wgs84.distance(from: start, to: end).meters
        return metres > 0 ? metres / 20 : 1 / canvas.scale
    }

    // MARK: Basemap

    /// Features wholly outside `cap` are left out before projection (most
    /// of the world on a regional azimuthal map); they would draw nothing.
    func drawBasemap(_ basemap: Basemap, canvas: MapCanvas, cap: VisibleCap?, metresPerPixel: Double,
                             into svg: inout SVGDocument) {
        let landPolygons = cap.map { cap in basemap.land.filter { cap.mayHold($0.exterior) }.map(cap.thinned) } ?? basemap.land
        let land = canvas.rings(of: landPolygons, tolerance: Self.basemapTolerance, minimumArea: 1).flatMap { $0 }
        if !land.isEmpty {
            svg.empty("path", [("class", "land"), ("d", SVGPath.data(land, closed: true)), ("fill", theme.land),
                               ("fill-rule", "evenodd")])
        }
        // Province boundaries only where they can be told apart (under 4 km a pixel).
        if metresPerPixel < 4000 {
            let provinces = Self.lines(of: basemap.provinces.map(\.coordinates), canvas: canvas, cap: cap, tolerance: Self.basemapTolerance, minimumSize: 2).flatMap { $0 }
            if !provinces.isEmpty {
                svg.empty("path", [("class", "provinces"), ("d", SVGPath.data(provinces, closed: false)), ("fill", "none"),
                                   ("stroke", theme.province), ("stroke-width", "0.5"), ("stroke-dasharray", "3 2")])
            }
        }
        let borders = Self.lines(of: basemap.borders.map(\.coordinates), canvas: canvas, cap: cap, tolerance: Self.basemapTolerance, minimumSize: 1.5).flatMap { $0 }
        if !borders.isEmpty {
            svg.empty("path", [("class", "borders"), ("d", SVGPath.data(borders, closed: false)), ("fill", "none"),
                               ("stroke", theme.border), ("stroke-width", "0.8"), ("stroke-linejoin", "round")])
        }
        let coast = Self.lines(of: basemap.coastline.map(\.coordinates), canvas: canvas, cap: cap, tolerance: Self.basemapTolerance, minimumSize: 1.5).flatMap { $0 }
        if !coast.isEmpty {
            svg.empty("path", [("class", "coastline"), ("d", SVGPath.data(coast, closed: false)), ("fill", "none"),
                               ("stroke", theme.coastline), ("stroke-width", "0.7"), ("stroke-linejoin", "round")])
        }
    }

    /// On an azimuthal map, the cap about its centre beyond which nothing is
    /// drawn: points past the clipping disc's rim, as far as the rim's
    /// farthest point from the centre. Nil for other projections, when the
    /// cap holds the whole Earth, or when PROJ cannot invert the rim.
    static func visibleCap(_ canvas: MapCanvas) -> VisibleCap? {
        guard case .azimuthal = canvas.family, let discRadius = canvas.discRadius,
              let center = canvas.projector.inverse([PlanePoint(x: 0, y: 0)])[0] else { return nil }
        let rim = PlaneClipping.circle(radius: discRadius, from: 0, sweep: 2 * .pi, includeEnd: false)
        var farthest = 0.0, nearest = Double.infinity
        for point in canvas.projector.inverse(rim) {
            guard let point else { return nil }
            let meters = Geodesic.wgs84.distance(from: center, to: point).meters
            (farthest, nearest) = (max(farthest, meters), min(nearest, meters))
        }
        let cap = VisibleCap(center: center, meters: farthest, nearestMeters: nearest)
        // A cap past the antipode holds the whole Earth: nothing to leave out.
        return cap.radius < .pi ? cap : nil
    }

    /// `canvas.lines(of:)`, with only the stretches of each line that may
    /// reach into `cap` projected: the same pixel lines, one entry per line.
    static func lines(of lines: [[Coordinate]], canvas: MapCanvas, cap: VisibleCap?, tolerance: Double,
                      minimumSize: Double = 0) -> [[[PlanePoint]]] {
        guard let cap else { return canvas.lines(of: lines, tolerance: tolerance, minimumSize: minimumSize) }
        var stretches = [[Coordinate]](), owners = [Int]()
        for (owner, line) in lines.enumerated() {
            for stretch in cap.stretches(of: line) {
                stretches.append(stretch)
                owners.append(owner)
            }
        }
        var result = [[[PlanePoint]]](repeating: [], count: lines.count)
        for (index, drawn) in canvas.lines(of: stretches, tolerance: tolerance, minimumSize: minimumSize).enumerated() {
            result[owners[index]] += drawn
        }
        return result
    }

    private func drawCountryNames(_ basemap: Basemap, canvas: MapCanvas, placer: inout LabelPlacer, into svg: inout SVGDocument) {
        var placed = [(String, LabelPlacer.Placement)]()
        let pixelsPerMetre = canvas.scale
        for label in basemap.labels {
            guard placed.count < 40, let point = canvas.pixel(label.coordinate) else { continue }
            let text = label.name.uppercased()
            let textWidth = LabelPlacer.width(of: text, fontSize: 10, uppercase: true) + Double(text.count) * 0.8
            // Only names that fit inside their country at this scale.
            let side = (label.squareKilometers * 1e6).squareRoot() * pixelsPerMetre
            guard side >= textWidth * 0.9, side >= 28 else { continue }
            if let placement = placer.placeCentered(width: textWidth, fontSize: 10, at: point) {
                placed.append((text, placement))
            }
        }
        guard !placed.isEmpty else { return }
        svg.open("g", [("class", "country-names"), ("font-size", "10"), ("letter-spacing", "0.8"),
                       ("fill", theme.countryText), ("text-anchor", "middle")])
        for (text, placement) in placed {
            svg.element("text", [("x", SVGPath.number(placement.x)), ("y", SVGPath.number(placement.y))], text: text)
        }
        svg.close("g")
    }

    // MARK: Graticule

    struct GraticuleLabel {
        var text: String
        var x, y: Double
        var anchor: String
        var box: LabelPlacer.Box
    }

    /// Draws meridians and parallels every 1–30°, and returns their labels
    /// where they meet the frame's edges.
    func drawGraticule(canvas: MapCanvas, cap: VisibleCap?, metresPerPixel: Double, avoiding reserved: [LabelPlacer.Box],
                               into svg: inout SVGDocument) -> [GraticuleLabel] {
        let frame = canvas.frame
        // The degrees the frame spans, from coordinates under a grid of pixels.
        var seen = [Shape]()
        for row in 0...8 {
            for column in 0...8 {
                let pixel = PlanePoint(x: frame.minX + (frame.maxX - frame.minX) * Double(column) / 8,
                                       y: frame.minY + (frame.maxY - frame.minY) * Double(row) / 8)
                if let coordinate = canvas.coordinate(at: pixel) { seen.append(.point(coordinate)) }
            }
        }
        var spanDegrees = metresPerPixel * (frame.maxX - frame.minX) / 111_320
        if let bounds = GeoBounds(seen) {
            let longitudes = bounds.crossesAntimeridian ? bounds.east + 360 - bounds.west : bounds.east - bounds.west
            spanDegrees = max(longitudes * 0.6, bounds.north - bounds.south)
        }
        let step = [1.0, 2, 5, 10, 15, 20, 30].first { spanDegrees / $0 <= 8 } ?? 30
        var meridians = [[Coordinate]](), meridianValues = [Double]()
        var longitude = -180.0
        while longitude < 180 {
            meridians.append(stride(from: -90.0, through: 90, by: 1).map { Coordinate(latitude: $0, longitude: longitude) })
            meridianValues.append(longitude)
            longitude += step
        }
        var parallels = [[Coordinate]](), parallelValues = [Double]()
        var latitude = -90 + step
        while latitude < 90 {
            parallels.append(stride(from: -180.0, through: 180, by: 1).map { Coordinate(latitude: latitude, longitude: $0) })
            parallelValues.append(latitude)
            latitude += step
        }
        let meridianLines = Self.lines(of: meridians, canvas: canvas, cap: cap, tolerance: Self.tolerance)
        let parallelLines = Self.lines(of: parallels, canvas: canvas, cap: cap, tolerance: Self.tolerance)
        let all = (meridianLines + parallelLines).flatMap { $0 }
        if !all.isEmpty {
            svg.empty("path", [("class", "graticule"), ("d", SVGPath.data(all, closed: false)), ("fill", "none"),
                               ("stroke", theme.graticule), ("stroke-width", "0.5"), ("stroke-opacity", "0.7")])
        }

        // Labels: meridians on the bottom (else top) edge, parallels on the
        // left (else right) edge; a parallel touching no edge is labelled at
        // its lowest visible point.
        var labels = [GraticuleLabel]()
        func accept(_ label: GraticuleLabel) {
            guard reserved.allSatisfy({ $0.inflated(2).overlap(label.box) == 0 }) else { return }
            if labels.allSatisfy({ $0.box.inflated(6).overlap(label.box) == 0 }) { labels.append(label) }
        }
        func onEdge(_ value: Double, _ edgeValue: Double) -> Bool {
            abs(value - edgeValue) < 1.5 || abs(value - edgeValue - 3) < 1.5 || abs(value - edgeValue + 3) < 1.5
        }
        let inner = frame.insetBy(14)
        for (index, pieces) in meridianLines.enumerated() {
            let ends: [PlanePoint] = pieces.flatMap { [$0[0], $0[$0.count - 1]] }
            let text = Self.degrees(meridianValues[index], positive: "E", negative: "W")
            let half = LabelPlacer.width(of: text, fontSize: 10) / 2
            let fits: (PlanePoint) -> Bool = { $0.x - half > frame.minX + 2 && $0.x + half < frame.maxX - 2 }
            let bottom = ends.filter { onEdge($0.y, frame.maxY) && fits($0) }.min { $0.x < $1.x }
            let top = ends.filter { onEdge($0.y, frame.minY) && fits($0) }.min { $0.x < $1.x }
            if let bottom {
                let box = LabelPlacer.Box(minX: bottom.x - half, minY: frame.maxY - 13, maxX: bottom.x + half, maxY: frame.maxY)
                accept(GraticuleLabel(text: text, x: bottom.x, y: frame.maxY - 4, anchor: "middle", box: box))
            } else if let top {
                let box = LabelPlacer.Box(minX: top.x - half, minY: frame.minY, maxX: top.x + half, maxY: frame.minY + 13)
                accept(GraticuleLabel(text: text, x: top.x, y: frame.minY + 11, anchor: "middle", box: box))
            }
        }
        for (index, pieces) in parallelLines.enumerated() {
            let ends: [PlanePoint] = pieces.flatMap { [$0[0], $0[$0.count - 1]] }
            let text = Self.degrees(parallelValues[index], positive: "N", negative: "S")
            let width = LabelPlacer.width(of: text, fontSize: 10)
            let fits: (PlanePoint) -> Bool = { $0.y - 12 > frame.minY && $0.y + 4 < frame.maxY }
            let left = ends.filter { onEdge($0.x, frame.minX) && fits($0) }.max { $0.y < $1.y }
            let right = ends.filter { onEdge($0.x, frame.maxX) && fits($0) }.max { $0.y < $1.y }
            if let left {
                let box = LabelPlacer.Box(minX: frame.minX, minY: left.y - 12, maxX: frame.minX + 3 + width, maxY: left.y)
                accept(GraticuleLabel(text: text, x: frame.minX + 3, y: left.y - 2, anchor: "start", box: box))
            } else if let right {
                let box = LabelPlacer.Box(minX: frame.maxX - 3 - width, minY: right.y - 12, maxX: frame.maxX, maxY: right.y)
                accept(GraticuleLabel(text: text, x: frame.maxX - 3, y: right.y - 2, anchor: "end", box: box))
            } else {
                let visible: [PlanePoint] = pieces.flatMap { $0 }.filter { inner.contains($0) }
                if let lowest = visible.max(by: { $0.y < $1.y || ($0.y == $1.y && $0.x > $1.x) }) {
                    let box = LabelPlacer.Box(minX: lowest.x - width / 2, minY: lowest.y - 13, maxX: lowest.x + width / 2, maxY: lowest.y)
                    accept(GraticuleLabel(text: text, x: lowest.x, y: lowest.y - 3, anchor: "middle", box: box))
                }
            }
        }
        return labels
    }

    private func drawGraticuleLabels(_ labels: [GraticuleLabel], into svg: inout SVGDocument) {
        guard !labels.isEmpty else { return }
        svg.open("g", [("class", "graticule-labels"), ("font-size", "10"), ("fill", theme.graticuleText),
                       ("stroke", theme.halo), ("stroke-width", "2.5"), ("paint-order", "stroke"), ("stroke-linejoin", "round")])
        for label in labels {
            svg.element("text", [("x", SVGPath.number(label.x)), ("y", SVGPath.number(label.y)), ("text-anchor", label.anchor)],
                        text: label.text)
        }
        svg.close("g")
    }

    /// "30°E", "15°S", "0°", "180°".
    static func degrees(_ value: Double, positive: String, negative: String) -> String {
        let rounded = (value * 100).rounded() / 100
        let magnitude = NumberText.format(abs(rounded), decimals: 2)
        if rounded == 0 || abs(rounded) == 180 { return magnitude + "°" }
        return magnitude + "°" + (rounded > 0 ? positive : negative)
    }

    // MARK: Footprints

    /// The groups that colour a map, in order of first appearance, or nil
    /// when layers keep a colour each: they fit the palette, or some layer
    /// has no group, or the groups outnumber the palette too.
    public static func colourGroups(_ layers: [MapContent.Layer], paletteSize: Int) -> [String]? {
        guard layers.count > paletteSize else { return nil }
        var groups = [String]()
        for layer in layers {
            guard let group = layer.group else { return nil }
            if !groups.contains(group) { groups.append(group) }
        }
        return groups.count <= paletteSize ? groups : nil
    }

    /// The palette position of each layer: its own, or its group's.
    func colourIndices(_ content: MapContent) -> [Int] {
        guard let groups = Self.colourGroups(content.layers, paletteSize: theme.palette.count) else {
            return Array(content.layers.indices)
        }
        return content.layers.map { layer in groups.firstIndex(of: layer.group ?? "") ?? 0 }
    }

    /// Draws the footprints and returns each layer's outer edges in pixels.
    /// - Parameter className: the class of each footprint's group (an inset's are told apart from the map's).
    /// - Parameter tagLayers: give each group a `data-layer` attribute (its layer's index), for a page's script.
    func drawFootprints(_ content: MapContent, canvas: MapCanvas, className: String = "footprint", tagLayers: Bool = false,
                        into svg: inout SVGDocument) -> [[[PlanePoint]]] {
        var edges = [[[PlanePoint]]](repeating: [], count: content.layers.count)
        let colours = colourIndices(content)
        // Larger footprints first, so smaller ones stay visible on top.
        struct Drawn {
            var index: Int
            var layer: MapContent.Layer
            var polygons: [Polygon]
            var rings: [[[PlanePoint]]]
            var area: Double
        }
        var drawn = [Drawn]()
        for (index, layer) in content.layers.enumerated() {
            let polygons = layer.areas.flatMap(\.polygons)
            let rings = canvas.rings(of: polygons, tolerance: Self.tolerance)
            var area = 0.0
            for ring in rings.flatMap({ $0 }) { area += PlaneClipping.signedDoubleArea(ring) }
            drawn.append(Drawn(index: index, layer: layer, polygons: polygons, rings: rings, area: abs(area)))
        }
        drawn.sort { $0.area != $1.area ? $0.area > $1.area : $0.index < $1.index }
        // Bands of uncertain reach under every footprint: lighter, dashed.
        for (index, layer) in content.layers.enumerated() where !layer.band.isEmpty {
            let colour = theme.palette[index % theme.palette.count]
            let rings = canvas.rings(of: layer.band.flatMap(\.polygons), tolerance: Self.tolerance)
            svg.open("g", [("class", "footprint-band"), ("fill", colour),
                           ("fill-opacity", NumberText.format(theme.footprintOpacity * Self.bandOpacity, decimals: 3)),
                           ("stroke", colour), ("stroke-width", "1"), ("stroke-dasharray", "5 3")]
                           + (tagLayers ? [("data-layer", "\(index)")] : []))
            svg.element("title", text: "\(layer.name): \(layer.bandDetail)")
            for rings in rings where !rings.isEmpty {
                svg.empty("path", [("d", SVGPath.data(rings, closed: true)), ("fill-rule", "evenodd")])
            }
            svg.close("g")
        }
        for entry in drawn {
            let colour = theme.palette[colours[entry.index] % theme.palette.count]
            svg.open("g", [("class", className), ("fill", colour), ("fill-opacity", NumberText.format(theme.footprintOpacity, decimals: 2)),
                           ("stroke", colour), ("stroke-width", "1.6"), ("stroke-linejoin", "round")]
                           + (tagLayers ? [("data-layer", "\(entry.index)")] : []))
            svg.element("title", text: "\(entry.layer.name): \(entry.layer.detail)")
            for rings in entry.rings where !rings.isEmpty {
                svg.empty("path", [("d", SVGPath.data(rings, closed: true)), ("fill-rule", "evenodd"), ("stroke", "none")])
            }
            // Outlines without the cuts along the antimeridian and the poles.
            let exteriors = canvas.lines(of: entry.polygons.flatMap { Self.drawnEdges(of: $0.exterior) }, tolerance: Self.tolerance)
                .flatMap { $0 }
            edges[entry.index] = exteriors
            if !exteriors.isEmpty {
                svg.empty("path", [("class", "edge"), ("d", SVGPath.data(exteriors, closed: false)), ("fill", "none")])
            }
            let holes = canvas.lines(of: entry.polygons.flatMap { $0.holes.flatMap(Self.drawnEdges) }, tolerance: Self.tolerance)
                .flatMap { $0 }
            if !holes.isEmpty {
                svg.empty("path", [("class", "min-range"), ("d", SVGPath.data(holes, closed: false)), ("fill", "none"),
                                   ("stroke-dasharray", "6 4")])
            }
            svg.close("g")
        }
        return edges
    }

    /// Each footprint's range ("700 km") written on its outer edge, in its
    /// colour: at the edge's top, else its bottom, right or left; on a
    /// large footprint (an edge over 1500 px) twice, top and bottom. Spots
    /// on the frame (where the edge is clipped) are passed over; a label
    /// with no free spot is left out.
    private func placeRangeLabels(_ layers: [MapContent.Layer], edges: [[[PlanePoint]]],
                                  placer: inout LabelPlacer) -> [(layer: Int, text: String, placement: LabelPlacer.Placement)] {
        var placed = [(layer: Int, text: String, placement: LabelPlacer.Placement)]()
        for (index, layer) in layers.enumerated() where !layer.detail.isEmpty {
            let inner = edges.indices.contains(index) ? edges[index] : []
            let points = inner.flatMap { $0 }.filter { point in
                placer.isInside(point, margin: 4)
            }
            guard !points.isEmpty else { continue }
            var length = 0.0
            for line in inner { for (a, b) in zip(line, line.dropFirst()) { length += hypot(b.x - a.x, b.y - a.y) } }
            let width = LabelPlacer.width(of: layer.detail, fontSize: 11, bold: true)
            let top = points.min { $0.y < $1.y }!, bottom = points.max { $0.y < $1.y }!
            let right = points.max { $0.x < $1.x }!, left = points.min { $0.x < $1.x }!
            // Text sits just inside the edge: under the top, over the bottom.
            let spots = [PlanePoint(x: top.x, y: top.y + 13), PlanePoint(x: bottom.x, y: bottom.y - 5),
                         PlanePoint(x: right.x - width / 2 - 4, y: right.y + 4), PlanePoint(x: left.x + width / 2 + 4, y: left.y + 4)]
            var wanted = length > 1500 ? 2 : 1
            for (spotIndex, spot) in spots.enumerated() where wanted > 0 {
                // The second label of a large footprint only opposite the first (bottom after top).
                if wanted == 1, length > 1500, spotIndex > 1, placed.last?.layer == index { break }
                if let placement = placer.placeCentered(width: width, fontSize: 11, at: spot, shifts: false) {
                    placed.append((index, layer.detail, placement))
                    wanted -= 1
                }
            }
        }
        return placed
    }

    private func drawRangeLabels(_ labels: [(layer: Int, text: String, placement: LabelPlacer.Placement)], into svg: inout SVGDocument) {
        guard !labels.isEmpty else { return }
        svg.open("g", [("class", "range-labels"), ("font-size", "11"), ("font-weight", "bold"), ("text-anchor", "middle"),
                       ("stroke", theme.halo), ("stroke-width", "2.5"), ("paint-order", "stroke"), ("stroke-linejoin", "round")])
        for label in labels {
            svg.element("text", [("x", SVGPath.number(label.placement.x)), ("y", SVGPath.number(label.placement.y)),
                                 ("fill", theme.palette[label.layer % theme.palette.count])], text: label.text)
        }
        svg.close("g")
    }

    /// Launch areas: a faint fill and a dashed outline in the site colour.
    func drawLaunchAreas(_ areas: [MapContent.LaunchArea], canvas: MapCanvas, into svg: inout SVGDocument) {
        guard !areas.isEmpty else { return }
        svg.open("g", [("class", "launch-areas"), ("fill", theme.siteFill), ("fill-opacity", "0.07"), ("stroke", theme.siteFill),
                       ("stroke-width", "1.4"), ("stroke-dasharray", "5 3"), ("stroke-linejoin", "round")])
        for area in areas {
            svg.open("g")
            svg.element("title", text: area.tooltip)
            let rings = canvas.rings(of: area.polygons, tolerance: Self.tolerance).flatMap { $0 }
            if !rings.isEmpty {
                svg.empty("path", [("d", SVGPath.data(rings, closed: true)), ("fill-rule", "evenodd"), ("stroke", "none")])
            }
            let edges = area.polygons.flatMap { polygon in ([polygon.exterior] + polygon.holes).flatMap(Self.drawnEdges) } + area.lines
            let paths = canvas.lines(of: edges, tolerance: Self.tolerance).flatMap { $0 }
            if !paths.isEmpty {
                svg.empty("path", [("d", SVGPath.data(paths, closed: false)), ("fill", "none")])
            }
            svg.close("g")
        }
        svg.close("g")
    }

    // MARK: Range rings and radials

    /// Strokes the guides, thin and muted under the markers (rings dashed),
    /// and returns each guide's pixel polylines for its label.
    func drawGuides(_ guides: [MapContent.Guide], canvas: MapCanvas, into svg: inout SVGDocument) -> [[[PlanePoint]]] {
        guard !guides.isEmpty else { return [] }
        let lines = guides.map { canvas.lines(of: $0.lines, tolerance: Self.tolerance).flatMap { $0 } }
        svg.open("g", [("class", "range-marks"), ("fill", "none"), ("stroke", theme.mutedText), ("stroke-width", "0.7"),
                       ("stroke-opacity", "0.8")])
        for kind in [MapContent.Guide.Kind.ring, .radial] {
            let paths = zip(guides, lines).filter { $0.0.kind == kind }.flatMap(\.1)
            guard !paths.isEmpty else { continue }
            var attributes = [("class", kind == .ring ? "range-rings" : "radials"), ("d", SVGPath.data(paths, closed: false))]
            if kind == .ring { attributes.append(("stroke-dasharray", "5 3")) }
            svg.empty("path", attributes)
        }
        svg.close("g")
        return lines
    }

    /// A ring's label sits on the ring at its top (else its right, bottom or
    /// left), a radial's just beyond its outer end; a label with no free
    /// spot is left out.
    private func placeGuideLabels(_ guides: [MapContent.Guide], lines: [[[PlanePoint]]],
                                  placer: inout LabelPlacer) -> [(String, LabelPlacer.Placement)] {
        var placed = [(String, LabelPlacer.Placement)]()
        for (guide, pieces) in zip(guides, lines) {
            let points = pieces.flatMap { $0 }
            guard !points.isEmpty else { continue }
            let width = LabelPlacer.width(of: guide.label, fontSize: 10)
            var spots = [PlanePoint]()
            switch guide.kind {
            case .ring:
                if let top = points.min(by: { $0.y < $1.y }) { spots.append(top) }
                if let right = points.max(by: { $0.x < $1.x }) { spots.append(right) }
                if let bottom = points.max(by: { $0.y < $1.y }) { spots.append(bottom) }
                if let left = points.min(by: { $0.x < $1.x }) { spots.append(left) }
            case .radial:
                guard let last = pieces.last, let end = last.last else { continue }
                let before = last.count >= 2 ? last[last.count - 2] : end
                let dx = end.x - before.x, dy = end.y - before.y
                let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
                let reach = 6 + width / 2 * abs(dx / length)
                spots.append(PlanePoint(x: end.x + dx / length * reach, y: end.y + dy / length * (reach + 3) + 3.5))
            }
            // Rings of two nearby sites: one "100 km" is enough.
            let repeated = placed.contains { text, other in
                text == guide.label && spots.contains { abs($0.x - other.x) < 40 && abs($0.y - other.y) < 40 }
            }
            guard !repeated else { continue }
            for spot in spots {
                if let placement = placer.placeCentered(width: width, fontSize: 10, at: PlanePoint(x: spot.x, y: spot.y + 3.5)) {
                    placed.append((guide.label, placement))
                    break
                }
            }
        }
        return placed
    }

    private func drawGuideLabels(_ labels: [(String, LabelPlacer.Placement)], into svg: inout SVGDocument) {
        guard !labels.isEmpty else { return }
        svg.open("g", [("class", "range-mark-labels"), ("font-size", "10"), ("fill", theme.mutedText), ("text-anchor", "middle"),
                       ("stroke", theme.halo), ("stroke-width", "2.5"), ("paint-order", "stroke"), ("stroke-linejoin", "round")])
        for (text, placement) in labels {
            svg.element("text", [("x", SVGPath.number(placement.x)), ("y", SVGPath.number(placement.y))], text: text)
        }
        svg.close("g")
    }

    /// A ring split into the polylines worth stroking: edges along ±180°
    /// (where shapes are cut) and along the poles are left out.
    static func drawnEdges(of ring: Ring) -> [[Coordinate]] {
        var lines = [[Coordinate]]()
        var current = [Coordinate]()
        for index in ring.indices.dropLast() {
            let a = ring[index], b = ring[index + 1]
            let cut = (abs(a.longitude) == 180 && a.longitude == b.longitude)
                || (abs(a.latitude) >= 89.999999 && abs(b.latitude) >= 89.999999)
            if cut {
                if current.count >= 2 { lines.append(current) }
                current = []
            } else {
                if current.isEmpty { current = [a] }
                current.append(b)
            }
        }
        if current.count >= 2 { lines.append(current) }
        // A ring split once: join its last piece to its first.
        if lines.count >= 2, let first = lines.first, let last = lines.last, last.last == first.first, ring.first == ring.last {
            lines[0] = last + first.dropFirst()
            lines.removeLast()
        }
        return lines
    }

    // MARK: Markers

    /// - Parameter alsoTargets: for sites, the target each one also is (drawn as a ring round the triangle).
    func drawMarkers(_ markers: [MapContent.Marker], points: [PlanePoint?], labels: [LabelPlacer.Placement?],
                             site: Bool, alsoTargets: [MapContent.Marker?] = [], into svg: inout SVGDocument) {
        svg.open("g", [("class", site ? "sites" : "targets"), ("font-size", "13")])
        for (index, marker) in markers.enumerated() {
            guard let point = points[index] else { continue }
            svg.open("g")
            svg.element("title", text: marker.tooltip)
            let x = point.x, y = point.y
            if site, alsoTargets.indices.contains(index), let target = alsoTargets[index] {
                svg.empty("circle", [("cx", SVGPath.number(x)), ("cy", SVGPath.number(y - 1)), ("r", "9.5"),
                                     ("fill", theme.halo), ("fill-opacity", "0.6"),
                                     ("stroke", target.highlighted ? theme.inRangeFill : theme.text), ("stroke-width", "2")])
            }
            if site {
                let triangle = "M\(SVGPath.number(x)),\(SVGPath.number(y - 7.5))l6.5,12h-13z"
                svg.empty("path", [("d", triangle), ("fill", theme.siteFill), ("stroke", theme.markerStroke), ("stroke-width", "1.2")])
            } else {
                svg.empty("circle", [("cx", SVGPath.number(x)), ("cy", SVGPath.number(y)), ("r", "4.5"),
                                     ("fill", marker.highlighted ? theme.inRangeFill : theme.outOfRangeFill),
                                     ("stroke", marker.highlighted ? theme.markerStroke : theme.text), ("stroke-width", "1.5")])
            }
            if let label = labels[index] {
                if let leader = label.leader {
                    svg.empty("path", [("d", "M\(SVGPath.number(leader.from.x)),\(SVGPath.number(leader.from.y))L\(SVGPath.number(leader.to.x)),\(SVGPath.number(leader.to.y))"),
                                       ("stroke", theme.mutedText), ("stroke-width", "0.8"), ("fill", "none")])
                }
                var attributes = [("x", SVGPath.number(label.x)), ("y", SVGPath.number(label.y)), ("text-anchor", label.anchor)]
                if site { attributes.append(("font-weight", "bold")) }
                attributes += [("fill", theme.text), ("stroke", theme.halo), ("stroke-width", "3"), ("paint-order", "stroke"),
                               ("stroke-linejoin", "round")]
                svg.element("text", attributes, text: marker.label)
            }
            svg.close("g")
        }
        svg.close("g")
    }

    // MARK: Scale bar and north arrow

    func drawScale(canvas: MapCanvas, metresPerPixel: Double, frame: PlaneRect, into svg: inout SVGDocument) {
        // A bar of a round length (1, 2 or 5 × 10^n), as near 160 px as can be.
        let target = metresPerPixel * 160
        let magnitude = pow(10, log10(target).rounded(.down))
        let lengthMetres = [1.0, 2, 5, 10].map { $0 * magnitude }.min { abs(log($0 / target)) < abs(log($1 / target)) } ?? magnitude
        let barPixels = lengthMetres / metresPerPixel
        let left = frame.minX + 14, baseline = frame.maxY - 20
        let unit = lengthMetres >= 1000 ? "km" : "m"
        let divisor = lengthMetres >= 1000 ? 1000.0 : 1
        let endText = NumberText.format(lengthMetres / divisor, decimals: 1) + " " + unit
        let endWidth = LabelPlacer.width(of: endText, fontSize: 11)
        let arrowX = left + max(barPixels + endWidth / 2 + 22, 150)
        svg.open("g", [("class", "scale"), ("font-size", "11"), ("fill", theme.text)])
        svg.empty("rect", [("x", SVGPath.number(left - 8)), ("y", SVGPath.number(baseline - 26)),
                           ("width", SVGPath.number(arrowX - left + 24)), ("height", "42"),
                           ("fill", theme.panel), ("fill-opacity", "0.85"), ("stroke", theme.panelStroke), ("stroke-width", "0.6")])
        for segment in 0..<4 {
            svg.empty("rect", [("x", SVGPath.number(left + barPixels * Double(segment) / 4)), ("y", SVGPath.number(baseline - 4)),
                               ("width", SVGPath.number(barPixels / 4)), ("height", "5"),
                               ("fill", segment % 2 == 0 ? theme.text : theme.panel), ("stroke", theme.text), ("stroke-width", "0.6")])
        }
        svg.element("text", [("x", SVGPath.number(left)), ("y", SVGPath.number(baseline - 9)), ("text-anchor", "middle")], text: "0")
        if barPixels >= 110 {
            svg.element("text", [("x", SVGPath.number(left + barPixels / 2)), ("y", SVGPath.number(baseline - 9)), ("text-anchor", "middle")],
                        text: NumberText.format(lengthMetres / 2 / divisor, decimals: 1))
        }
        svg.element("text", [("x", SVGPath.number(left + barPixels)), ("y", SVGPath.number(baseline - 9)), ("text-anchor", "middle")],
                    text: endText)
        svg.element("text", [("x", SVGPath.number(left)), ("y", SVGPath.number(baseline + 12)), ("font-size", "9"),
                             ("fill", theme.mutedText)], text: "scale true at the map centre")

        // North arrow, turned to true north where it stands.
        let arrow = PlanePoint(x: arrowX, y: baseline - 4)
        var angle = 0.0
        if let here = canvas.coordinate(at: arrow), here.latitude < 89.5 {
            let north = Coordinate(latitude: here.latitude + 0.25, longitude: here.longitude)
            var probe = north
            if case let .cylindrical(centralMeridian, _) = canvas.family {
                probe.longitude = Coordinate.unwrappedLongitude(north.longitude, near: centralMeridian)
            }
            if let plane = canvas.projector.forward([probe])[0] {
                let pixel = canvas.pixel(plane)
                angle = atan2(pixel.x - arrow.x, arrow.y - pixel.y) * 180 / .pi
            }
        }
        svg.open("g", [("class", "north"), ("transform", "rotate(\(NumberText.format(angle, decimals: 1)) \(SVGPath.number(arrow.x)) \(SVGPath.number(arrow.y)))")])
        svg.element("title", text: "North")
        svg.empty("path", [("d", "M\(SVGPath.number(arrow.x)),\(SVGPath.number(arrow.y - 14))l6,17l-6,-4l-6,4z"),
                           ("fill", theme.text), ("stroke", theme.text), ("stroke-width", "0.8"), ("stroke-linejoin", "round")])
        svg.element("text", [("x", SVGPath.number(arrow.x)), ("y", SVGPath.number(arrow.y + 14)), ("text-anchor", "middle"),
                             ("font-weight", "bold")], text: "N")
        svg.close("g")
        svg.close("g")
    }

    // MARK: Legend

    struct LegendLayout {
        enum Row {
            case layer(index: Int, text: String)
            case band(index: Int)
            case minimumRange
            case site, siteAndTarget, launchArea, inRange, outOfRange
        }
        var rows: [(row: Row, text: String)]
        var box: LabelPlacer.Box
    }

    private func legendLayout(_ content: MapContent, frame: PlaneRect, canvas: MapCanvas) -> LegendLayout {
        var rows = [(row: LegendLayout.Row, text: String)]()
        if let groups = Self.colourGroups(content.layers, paletteSize: theme.palette.count) {
            // One row per group, in the group's colour: "short-range ballistic missile (5 systems)".
            for (index, group) in groups.enumerated() {
                let count = content.layers.filter { $0.group == group }.count
                let text = "\(group) (\(count) system\(count == 1 ? "" : "s"))"
                rows.append((.layer(index: index, text: text), text))
            }
        } else {
            for (index, layer) in content.layers.enumerated() {
                let text = "\(layer.name) (\(layer.detail))"
                rows.append((.layer(index: index, text: text), text))
                if !layer.band.isEmpty { rows.append((.band(index: index), "\(layer.name) (\(layer.bandDetail))")) }
            }
        }
        if content.layers.contains(where: { $0.areas.contains { $0.polygons.contains { !$0.holes.isEmpty } } }) {
            rows.append((.minimumRange, "inside minimum range"))
        }
        let targetSites = Self.targetSites(content)
        if content.sites.indices.contains(where: { !targetSites.contains($0) }) { rows.append((.site, "launch site")) }
        if targetSites.contains(where: { $0 != nil }) { rows.append((.siteAndTarget, "launch site and target")) }
        if !content.launchAreas.isEmpty { rows.append((.launchArea, "launch area")) }
        let plainTargets = content.targets.indices.filter { targetSites[$0] == nil }.map { content.targets[$0] }
        if plainTargets.contains(where: \.highlighted) { rows.append((.inRange, "target in range")) }
        if plainTargets.contains(where: { !$0.highlighted }) { rows.append((.outOfRange, "target out of range")) }
        let rowHeight = 21.0
        let textWidth = rows.map { LabelPlacer.width(of: $0.text, fontSize: 12.5) }.max() ?? 0
        let boxWidth = max(140, textWidth + 50), boxHeight = rowHeight * Double(rows.count) + 12
        // The top corner with fewer markers under it; top right on a tie.
        let markers = (content.sites + content.targets).compactMap { canvas.pixel($0.coordinate) }
        let corners = [
            LabelPlacer.Box(minX: frame.maxX - boxWidth - 10, minY: frame.minY + 10, maxX: frame.maxX - 10, maxY: frame.minY + 10 + boxHeight),
            LabelPlacer.Box(minX: frame.minX + 10, minY: frame.minY + 10, maxX: frame.minX + 10 + boxWidth, maxY: frame.minY + 10 + boxHeight),
            LabelPlacer.Box(minX: frame.maxX - boxWidth - 10, minY: frame.maxY - boxHeight - 10, maxX: frame.maxX - 10, maxY: frame.maxY - 10),
        ]
        let box = corners.min { a, b in
            let countA = markers.filter { a.inflated(40).overlap(LabelPlacer.marker(at: $0, radius: 1)) > 0 }.count
            let countB = markers.filter { b.inflated(40).overlap(LabelPlacer.marker(at: $0, radius: 1)) > 0 }.count
            return countA < countB
        } ?? corners[0]
        return LegendLayout(rows: rows, box: box)
    }

    private func drawLegend(_ content: MapContent, layout: LegendLayout, into svg: inout SVGDocument) {
        guard !layout.rows.isEmpty else { return }
        let box = layout.box, rowHeight = 21.0
        svg.open("g", [("class", "legend"), ("font-size", "12.5"), ("fill", theme.text)])
        svg.empty("rect", [("x", SVGPath.number(box.minX)), ("y", SVGPath.number(box.minY)),
                           ("width", SVGPath.number(box.maxX - box.minX)), ("height", SVGPath.number(box.maxY - box.minY)),
                           ("fill", theme.panel), ("fill-opacity", "0.92"), ("stroke", theme.panelStroke), ("stroke-width", "0.8")])
        for (index, entry) in layout.rows.enumerated() {
            let top = box.minY + 8 + rowHeight * Double(index)
            let symbolX = box.minX + 21, textX = box.minX + 38
            switch entry.row {
            case let .layer(layerIndex, _):
                let colour = theme.palette[layerIndex % theme.palette.count]
                svg.empty("rect", [("x", SVGPath.number(box.minX + 11)), ("y", SVGPath.number(top + 2)), ("width", "20"), ("height", "13"),
                                   ("fill", colour), ("fill-opacity", NumberText.format(theme.footprintOpacity * 2, decimals: 2)),
                                   ("stroke", colour), ("stroke-width", "1.6")])
            case let .band(layerIndex):
                let colour = theme.palette[layerIndex % theme.palette.count]
                svg.empty("rect", [("x", SVGPath.number(box.minX + 11)), ("y", SVGPath.number(top + 2)), ("width", "20"), ("height", "13"),
                                   ("fill", colour), ("fill-opacity", NumberText.format(theme.footprintOpacity * 2 * Self.bandOpacity, decimals: 3)),
                                   ("stroke", colour), ("stroke-width", "1"), ("stroke-dasharray", "5 3")])
            case .minimumRange:
                svg.empty("rect", [("x", SVGPath.number(box.minX + 11)), ("y", SVGPath.number(top + 2)), ("width", "20"), ("height", "13"),
                                   ("fill", "none"), ("stroke", theme.mutedText), ("stroke-width", "1.4"), ("stroke-dasharray", "4 2.5")])
            case .siteAndTarget:
                svg.empty("circle", [("cx", SVGPath.number(symbolX)), ("cy", SVGPath.number(top + 8.5)), ("r", "8"),
                                     ("fill", "none"), ("stroke", theme.text), ("stroke-width", "1.6")])
                svg.empty("path", [("d", "M\(SVGPath.number(symbolX)),\(SVGPath.number(top + 3))l5,9.5h-10z"),
                                   ("fill", theme.siteFill), ("stroke", theme.markerStroke), ("stroke-width", "1")])
            case .site:
                svg.empty("path", [("d", "M\(SVGPath.number(symbolX)),\(SVGPath.number(top + 1.5))l6.5,12h-13z"),
                                   ("fill", theme.siteFill), ("stroke", theme.markerStroke), ("stroke-width", "1.2")])
            case .launchArea:
                svg.empty("rect", [("x", SVGPath.number(box.minX + 11)), ("y", SVGPath.number(top + 2)), ("width", "20"), ("height", "13"),
                                   ("fill", theme.siteFill), ("fill-opacity", "0.07"), ("stroke", theme.siteFill), ("stroke-width", "1.4"),
                                   ("stroke-dasharray", "5 3")])
            case .inRange, .outOfRange:
                let inRange = if case .inRange = entry.row { true } else { false }
                svg.empty("circle", [("cx", SVGPath.number(symbolX)), ("cy", SVGPath.number(top + 8.5)), ("r", "4.5"),
                                     ("fill", inRange ? theme.inRangeFill : theme.outOfRangeFill),
                                     ("stroke", inRange ? theme.markerStroke : theme.text), ("stroke-width", "1.5")])
            }
            svg.element("text", [("x", SVGPath.number(textX)), ("y", SVGPath.number(top + 13))], text: entry.text)
        }
        svg.close("g")
    }

    // MARK: Titles

    private func credit(of content: MapContent) -> String {
        var credit = content.credit
        if basemap != nil { credit += (credit.isEmpty ? "" : " · ") + "Basemap: Natural Earth (public domain)" }
        return credit
    }

    private func drawTitles(_ content: MapContent, subtitleLines: [String], creditLines: [String], width: Int, frame: PlaneRect,
                            into svg: inout SVGDocument) {
        svg.element("text", [("x", "20"), ("y", "38"), ("font-size", "23"), ("font-weight", "bold"), ("fill", theme.text)],
                    text: content.title)
        for (index, line) in subtitleLines.enumerated() {
            svg.element("text", [("x", "20"), ("y", SVGPath.number(64 + Self.subtitleLineHeight * Double(index))), ("font-size", "14.5"),
                                 ("fill", theme.mutedText)], text: line)
        }
        if let date = content.date, !date.isEmpty {
            svg.element("text", [("x", "\(width - 20)"), ("y", "64"), ("font-size", "14.5"), ("text-anchor", "end"),
                                 ("fill", theme.mutedText)], text: date)
        }
        for (index, line) in creditLines.enumerated() {
            let y = Int(frame.maxY) + 20 + 14 * index
            svg.element("text", [("x", "20"), ("y", "\(y)"), ("font-size", "11"), ("fill", theme.mutedText)], text: line)
        }
    }
}

extension SVGMapRenderer {
    /// Pixels between subtitle lines.
    static let subtitleLineHeight = 19.0

    /// The subtitle in lines that fit the canvas (the first beside the
    /// date): broken at its " · " parts where it can, else at spaces.
    public static func subtitleLines(_ subtitle: String, date: String?, width: Int) -> [String] {
        let fontSize = 14.5
        let dateWidth = date.map { $0.isEmpty ? 0 : LabelPlacer.width(of: $0, fontSize: fontSize) + 16 } ?? 0
        func fits(_ text: String, line: Int) -> Bool {
            LabelPlacer.width(of: text, fontSize: fontSize) <= Double(width) - 40 - (line == 0 ? dateWidth : 0)
        }
        guard !fits(subtitle, line: 0) else { return [subtitle] }
        var lines = [String]()
        for part in subtitle.components(separatedBy: " · ") {
            if let last = lines.last, fits(last + " · " + part, line: lines.count - 1) {
                lines[lines.count - 1] = last + " · " + part
            } else if fits(part, line: lines.count) {
                lines.append(part)
            } else {
                // A part too long for any line: on lines of its own, wrapped at spaces.
                var first = true
                for word in part.split(separator: " ").map(String.init) {
                    if !first, let last = lines.last, fits(last + " " + word, line: lines.count - 1) {
                        lines[lines.count - 1] = last + " " + word
                    } else {
                        lines.append(word)
                    }
                    first = false
                }
            }
        }
        return lines
    }

    /// Splits `text` at spaces into lines of at most `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines = [String]()
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + word.count + 1 > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
