import Foundation
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
        public init(name: String, detail: String, areas: [MultiPolygon]) {
            self.name = name
            self.detail = detail
            self.areas = areas
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

    public var title: String
    public var subtitle: String
    /// Attribution and sources line at the foot of the map.
    public var credit: String
    public var layers: [Layer]
    public var sites: [Marker]
    public var targets: [Marker]

    public init(title: String, subtitle: String, credit: String, layers: [Layer], sites: [Marker], targets: [Marker]) {
        self.title = title
        self.subtitle = subtitle
        self.credit = credit
        self.layers = layers
        self.sites = sites
        self.targets = targets
    }
}

/// Renders `MapContent` as a standalone SVG document.
///
/// The default projection is azimuthal equidistant centred on the launch
/// sites, so range rings look round. The frame fits every footprint and
/// marker with a margin. Text is XML-escaped; output is deterministic.
public struct SVGMapRenderer: Sendable {
    /// Canvas size in CSS pixels.
    public var width: Int
    public var height: Int

    public init(width: Int = 1200, height: Int = 900) {
        self.width = width
        self.height = height
    }

    static let palette = ["#d7301f", "#fc8d59", "#2171b5", "#6a51a3", "#238b45", "#cc4c02", "#ce1256", "#525252"]

    /// The SVG document.
    /// - Throws: `ExportError.projection` when PROJ cannot project the content.
    public func render(_ content: MapContent, projection: MapProjection) throws(ExportError) -> String {
        let frame = PlotFrame(left: 20, top: 90, right: Double(width) - 20, bottom: Double(height) - 56)
        let everything = content.layers.flatMap { $0.areas.flatMap { Shape.multiPolygon($0).allCoordinates } }
            + content.sites.map(\.coordinate) + content.targets.map(\.coordinate)
        let viewport = try Viewport(fitting: projection.project(everything), into: frame)

        var svg = SVGDocument(width: width, height: height)
        svg.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("width", "\(width)"), ("height", "\(height)"),
            ("viewBox", "0 0 \(width) \(height)"), ("font-family", "DejaVu Sans, Helvetica, Arial, sans-serif"),
        ])
        svg.element("title", text: content.title)
        svg.open("defs")
        svg.open("clipPath", [("id", "frame")])
        svg.empty("rect", frame.attributes)
        svg.close("clipPath")
        svg.close("defs")
        svg.empty("rect", [("width", "\(width)"), ("height", "\(height)"), ("fill", "#ffffff")])
        svg.empty("rect", frame.attributes + [("fill", "#eef3f7"), ("stroke", "#8a9aa8")])

        svg.open("g", [("clip-path", "url(#frame)")])
        try drawGraticule(into: &svg, viewport: viewport, projection: projection, around: everything)
        for (index, layer) in content.layers.enumerated().reversed() {
            let colour = Self.palette[index % Self.palette.count]
            svg.open("g", [("class", "footprint"), ("fill", colour), ("fill-opacity", "0.16"),
                           ("stroke", colour), ("stroke-width", "1.6"), ("fill-rule", "evenodd")])
            svg.element("title", text: "\(layer.name): \(layer.detail)")
            for area in layer.areas {
                for polygon in area.polygons {
                    let path = try ([polygon.exterior] + polygon.holes).map { ring throws(ExportError) in
                        viewport.path(try projection.project(ring), closed: true)
                    }.joined(separator: " ")
                    svg.empty("path", [("d", path)])
                }
            }
            svg.close("g")
        }
        try drawMarkers(content, into: &svg, viewport: viewport, projection: projection)
        svg.close("g")

        drawTitles(content, into: &svg)
        drawLegend(content, into: &svg, frame: frame)
        svg.close("svg")
        return svg.text
    }

    private func drawGraticule(into svg: inout SVGDocument, viewport: Viewport, projection: MapProjection, around coordinates: [Coordinate]) throws(ExportError) {
        guard let box = BoundingBox(covering: coordinates) else { return }
        let step = 5.0
        let south = max(-85, (box.south / step).rounded(.down) * step - step)
        let north = min(85, (box.north / step).rounded(.up) * step + step)
        let west = (box.west / step).rounded(.down) * step - step
        let east = (box.east / step).rounded(.up) * step + step
        svg.open("g", [("class", "graticule"), ("fill", "none"), ("stroke", "#c3ced8"), ("stroke-width", "0.6")])
        var longitude = west
        while longitude <= east {
            let line = stride(from: south, through: north, by: 0.5).map { Coordinate(latitude: $0, longitude: longitude) }
            svg.empty("path", [("d", viewport.path(try projection.project(line), closed: false))])
            longitude += step
        }
        var latitude = south
        while latitude <= north {
            let line = stride(from: west, through: east, by: 0.5).map { Coordinate(latitude: latitude, longitude: $0) }
            svg.empty("path", [("d", viewport.path(try projection.project(line), closed: false))])
            latitude += step
        }
        svg.close("g")
    }

    private func drawMarkers(_ content: MapContent, into svg: inout SVGDocument, viewport: Viewport, projection: MapProjection) throws(ExportError) {
        let targetPoints = try projection.project(content.targets.map(\.coordinate)).map(viewport.pixel)
        let sitePoints = try projection.project(content.sites.map(\.coordinate)).map(viewport.pixel)
        let frame = viewport.frame
        var labels = LabelPlacer(
            markers: sitePoints + targetPoints,
            bounds: .init(minX: frame.left + 4, minY: frame.top + 4, maxX: frame.right - 4, maxY: frame.bottom - 4)
        )
        // Launch sites claim label room first.
        let siteLabels = zip(content.sites, sitePoints).map { marker, point in
            labels.place(characters: marker.label.count, fontSize: 13, beside: point)
        }
        let targetLabels = zip(content.targets, targetPoints).map { marker, point in
            labels.place(characters: marker.label.count, fontSize: 13, beside: point)
        }

        svg.open("g", [("class", "targets")])
        for (index, marker) in content.targets.enumerated() {
            let point = targetPoints[index], label = targetLabels[index]
            svg.open("g")
            svg.element("title", text: marker.tooltip)
            svg.empty("circle", [("cx", Viewport.format(point.x)), ("cy", Viewport.format(point.y)), ("r", "4.5"),
                                 ("fill", marker.highlighted ? "#99000d" : "#ffffff"),
                                 ("stroke", marker.highlighted ? "#ffffff" : "#37474f"), ("stroke-width", "1.5")])
            svg.element("text", [("x", Viewport.format(label.x)), ("y", Viewport.format(label.y)),
                                 ("text-anchor", label.anchor), ("font-size", "13"), ("fill", "#1b1b1b"),
                                 ("stroke", "#ffffff"), ("stroke-width", "3"), ("paint-order", "stroke")],
                        text: marker.label)
            svg.close("g")
        }
        svg.close("g")

        svg.open("g", [("class", "sites")])
        for (index, marker) in content.sites.enumerated() {
            let (x, y) = (sitePoints[index].x, sitePoints[index].y), label = siteLabels[index]
            svg.open("g")
            svg.element("title", text: marker.tooltip)
            let triangle = "M\(Viewport.format(x)),\(Viewport.format(y - 7)) L\(Viewport.format(x + 6.5)),\(Viewport.format(y + 5)) L\(Viewport.format(x - 6.5)),\(Viewport.format(y + 5)) Z"
            svg.empty("path", [("d", triangle), ("fill", "#000000"), ("stroke", "#ffffff"), ("stroke-width", "1.2")])
            svg.element("text", [("x", Viewport.format(label.x)), ("y", Viewport.format(label.y)),
                                 ("text-anchor", label.anchor), ("font-size", "13"), ("font-weight", "bold"),
                                 ("fill", "#000000"), ("stroke", "#ffffff"), ("stroke-width", "3"),
                                 ("paint-order", "stroke")], text: marker.label)
            svg.close("g")
        }
        svg.close("g")
    }

    private func drawTitles(_ content: MapContent, into svg: inout SVGDocument) {
        svg.element("text", [("x", "20"), ("y", "40"), ("font-size", "24"), ("font-weight", "bold"), ("fill", "#111111")],
                    text: content.title)
        svg.element("text", [("x", "20"), ("y", "68"), ("font-size", "15"), ("fill", "#444444")], text: content.subtitle)
        // The credit line wraps into lines of about 190 characters (11 px type).
        let creditLines = Self.wrap(content.credit, width: 190)
        for (index, line) in creditLines.enumerated() {
            let y = height - 34 + 14 * index - 14 * max(0, creditLines.count - 2)
            svg.element("text", [("x", "20"), ("y", "\(y)"), ("font-size", "11"), ("fill", "#555555")], text: line)
        }
    }

    private func drawLegend(_ content: MapContent, into svg: inout SVGDocument, frame: PlotFrame) {
        let rowHeight = 22.0
        let boxHeight = rowHeight * Double(content.layers.count + 2) + 12
        let entries = content.layers.map { "\($0.name) (\($0.detail))" } + ["target in range (open: out of range)"]
        // Approximate advance of a 13 px sans-serif character.
        let boxWidth = max(150, Double(entries.map(\.count).max() ?? 0) * 7.4 + 48)
        let left = frame.right - boxWidth - 12, top = frame.top + 12
        svg.open("g", [("class", "legend"), ("font-size", "13")])
        svg.empty("rect", [("x", Viewport.format(left)), ("y", Viewport.format(top)), ("width", Viewport.format(boxWidth)),
                           ("height", Viewport.format(boxHeight)), ("fill", "#ffffff"), ("fill-opacity", "0.9"),
                           ("stroke", "#8a9aa8")])
        for (index, layer) in content.layers.enumerated() {
            let y = top + 10 + rowHeight * Double(index)
            let colour = Self.palette[index % Self.palette.count]
            svg.empty("rect", [("x", Viewport.format(left + 10)), ("y", Viewport.format(y)), ("width", "18"), ("height", "14"),
                               ("fill", colour), ("fill-opacity", "0.35"), ("stroke", colour)])
            svg.element("text", [("x", Viewport.format(left + 36)), ("y", Viewport.format(y + 12))],
                        text: "\(layer.name) (\(layer.detail))")
        }
        let siteY = top + 10 + rowHeight * Double(content.layers.count)
        svg.empty("path", [("d", "M\(Viewport.format(left + 19)),\(Viewport.format(siteY)) l6.5,12 h-13 Z"), ("fill", "#000000")])
        svg.element("text", [("x", Viewport.format(left + 36)), ("y", Viewport.format(siteY + 12))], text: "launch site")
        let targetY = siteY + rowHeight
        svg.empty("circle", [("cx", Viewport.format(left + 19)), ("cy", Viewport.format(targetY + 7)), ("r", "4.5"),
                             ("fill", "#99000d"), ("stroke", "#ffffff")])
        svg.element("text", [("x", Viewport.format(left + 36)), ("y", Viewport.format(targetY + 12))],
                    text: "target in range (open: out of range)")
        svg.close("g")
    }
}

extension SVGMapRenderer {
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

/// The drawing area on the canvas, pixels.
struct PlotFrame {
    var left, top, right, bottom: Double
    var width: Double { right - left }
    var height: Double { bottom - top }
    var attributes: [(String, String)] {
        [("x", Viewport.format(left)), ("y", Viewport.format(top)),
         ("width", Viewport.format(width)), ("height", Viewport.format(height))]
    }
}

/// Maps projected metres to canvas pixels, preserving aspect ratio.
struct Viewport {
    let scale: Double
    let originX: Double, originY: Double
    let frame: PlotFrame

    /// Fits `points` into `frame` with a 6 % margin on every side.
    init(fitting points: [PlanePoint], into frame: PlotFrame) {
        let xs = points.map(\.x), ys = points.map(\.y)
        var minX = xs.min() ?? -1, maxX = xs.max() ?? 1
        var minY = ys.min() ?? -1, maxY = ys.max() ?? 1
        if maxX - minX < 1 { minX -= 50_000; maxX += 50_000 }
        if maxY - minY < 1 { minY -= 50_000; maxY += 50_000 }
        let padX = (maxX - minX) * 0.06, padY = (maxY - minY) * 0.06
        minX -= padX; maxX += padX; minY -= padY; maxY += padY
        scale = min(frame.width / (maxX - minX), frame.height / (maxY - minY))
        // Centre the content in the frame.
        originX = frame.left + (frame.width - (maxX - minX) * scale) / 2 - minX * scale
        originY = frame.top + (frame.height - (maxY - minY) * scale) / 2 + maxY * scale
        self.frame = frame
    }

    func pixel(_ point: PlanePoint) -> PlanePoint {
        PlanePoint(x: originX + point.x * scale, y: originY - point.y * scale)
    }

    /// SVG path data; consecutive points closer than 0.3 px are merged.
    func path(_ points: [PlanePoint], closed: Bool) -> String {
        var parts = [String]()
        parts.reserveCapacity(points.count)
        var last: PlanePoint?
        for point in points.map(pixel) {
            if let previous = last, abs(previous.x - point.x) < 0.3, abs(previous.y - point.y) < 0.3 { continue }
            parts.append((last == nil ? "M" : "L") + Viewport.format(point.x) + "," + Viewport.format(point.y))
            last = point
        }
        return parts.joined(separator: " ") + (closed ? " Z" : "")
    }

    static func format(_ value: Double) -> String { NumberText.format(value, decimals: 1) }
}

/// Minimal SVG/XML writer with escaping of all text and attribute values.
struct SVGDocument {
    private(set) var text: String
    private var depth = 0

    init(width: Int, height: Int) {
        text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        line("<\(name)\(Self.attributes(attributes))>")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        line("<\(name)\(Self.attributes(attributes))/>")
    }

    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String) {
        line("<\(name)\(Self.attributes(attributes))>\(Self.escape(content))</\(name)>")
    }

    private mutating func line(_ content: String) {
        text += String(repeating: " ", count: depth) + content + "\n"
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// XML escaping for text and attribute values; control characters dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, !(0xFFFE...0xFFFF).contains(scalar.value) {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
