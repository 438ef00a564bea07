import Foundation
import Geodesy
import GeoModel

/// The reach table under an HTML map, each row tied to the markers it joins.
public struct HTMLMapTable: Sendable {
    public struct Row: Sendable {
        /// Index of the launch site in `MapContent.sites`.
        public var site: Int
        /// Index of the target in `MapContent.targets`.
        public var target: Int
        public var inRange: Bool
        /// One value per column.
        public var cells: [TableValue]
        /// Points along the geodesic from the launch point to the target (lon/lat, degrees).
        public var path: [Coordinate]

        public init(site: Int, target: Int, inRange: Bool, cells: [TableValue], path: [Coordinate]) {
            self.site = site
            self.target = target
            self.inRange = inRange
            self.cells = cells
            self.path = path
        }
    }

    /// Column names, as in the CSV.
    public var columns: [String]
    public var rows: [Row]

    public init(columns: [String], rows: [Row]) {
        self.columns = columns
        self.rows = rows
    }
}

extension SVGMapRenderer {
    /// One self-contained HTML page: the map's geometry drawn once as SVG in
    /// pixels of a `width` x `height` canvas, the markers, the reach table
    /// and the script that pans, zooms, labels, toggles and measures. The
    /// page loads nothing: a content security policy forbids every request,
    /// and every string from the data reaches the page as JSON text the
    /// script only ever sets as text.
    /// - Throws: `ExportError.projection` when PROJ rejects the projection.
    public func html(_ content: MapContent, projection: MapProjection, table: HTMLMapTable) throws(ExportError) -> String {
        let width = max(width, Self.minimumSize.width), height = max(height, Self.minimumSize.height)
        let frame = PlaneRect(minX: 0, minY: 0, maxX: Double(width), maxY: Double(height))
        let canvas = try MapCanvas(projection: projection, extent: extent, contentCoordinates: Self.contentCoordinates(content),
                                   frame: frame)
        var svg = SVGDocument(prologue: false)
        svg.open("g", [("id", "world")])
        let (metresPerPixel, cap) = drawSeaAndLand(canvas: canvas, into: &svg)
        _ = drawGraticule(canvas: canvas, cap: cap, metresPerPixel: metresPerPixel, avoiding: [], into: &svg)
        _ = drawFootprints(content, canvas: canvas, tagLayers: true, into: &svg)
        drawLaunchAreas(content.launchAreas, canvas: canvas, into: &svg)
        _ = drawGuides(content.guides, canvas: canvas, into: &svg)
        svg.close("g")

        let payload = HTMLMapPayload(content: content, canvas: canvas, projection: projection, theme: theme, table: table,
                                     colours: colourIndices(content), basemap: basemap, metresPerPixel: metresPerPixel)
        return HTMLPage.document(title: content.title, theme: theme, world: svg.text, width: width, height: height,
                                 payload: payload.json())
    }
}

/// What the page's script reads: markers, layers, table, paths and the
/// grid that turns a pixel back into longitude and latitude.
struct HTMLMapPayload: Encodable {
    struct Layer: Encodable {
        var name: String
        var detail: String
        var bandDetail: String?
        var colour: String
    }

    struct Marker: Encodable {
        var name: String
        var tooltip: String
        var latitude: Double
        var longitude: Double
        /// Canvas pixel; nil when the map cannot show it.
        var x: Double?
        var y: Double?
        var inRange: Bool
    }

    struct Row: Encodable {
        var site: Int
        var target: Int
        var inRange: Bool
        /// Display text of each cell; numbers as printed in the CSV.
        var cells: [String]
        /// Index into `paths`.
        var path: Int
    }

    struct CountryName: Encodable {
        var name: String
        var x: Double
        var y: Double
        /// Side of a square of the country's area, canvas pixels.
        var side: Double
    }

    /// Longitude and latitude under a regular grid of canvas pixels
    /// (`columns` x `rows` nodes over the canvas, row-major; nil off the
    /// Earth). The page interpolates between nodes; a click on a marker
    /// takes the marker's own coordinate.
    /// An azimuthal equidistant map's exact inverse: a pixel's plane point
    /// (metres) lies at its distance from the centre along its azimuth.
    struct Azimuthal: Encodable {
        var latitude: Double
        var longitude: Double
        /// Canvas pixel of the plane's origin, and pixels per plane metre.
        var originX: Double
        var originY: Double
        var scale: Double
    }

    struct Grid: Encodable {
        var columns: Int
        var rows: Int
        var latitudes: [Double?]
        var longitudes: [Double?]
    }

    var title: String
    var subtitle: String
    var date: String?
    var credit: String
    var width: Int
    var height: Int
    var metresPerPixel: Double
    var layers: [Layer]
    var sites: [Marker]
    var targets: [Marker]
    var columns: [String]
    /// Columns whose cells sort as numbers.
    var numeric: [Bool]
    var rows: [Row]
    /// Canvas pixel polylines, each a list of pieces of [x, y] pairs.
    var paths: [[[[Double]]]]
    var countries: [CountryName]
    var grid: Grid
    var azimuthal: Azimuthal?
    var theme: [String: String]

    init(content: MapContent, canvas: MapCanvas, projection: MapProjection, theme: MapTheme, table: HTMLMapTable, colours: [Int], basemap: Basemap?,
         metresPerPixel: Double) {
        func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
        func marker(_ marker: MapContent.Marker) -> Marker {
            let pixel = canvas.pixel(marker.coordinate)
            return Marker(name: marker.label, tooltip: marker.tooltip, latitude: marker.coordinate.latitude,
                          longitude: marker.coordinate.longitude, x: pixel.map { rounded($0.x) }, y: pixel.map { rounded($0.y) },
                          inRange: marker.highlighted)
        }
        title = content.title
        subtitle = content.subtitle
        date = content.date
        credit = content.credit
        width = Int(canvas.frame.maxX)
        height = Int(canvas.frame.maxY)
        self.metresPerPixel = metresPerPixel
        layers = content.layers.enumerated().map { index, layer in
            Layer(name: layer.name, detail: layer.detail, bandDetail: layer.band.isEmpty ? nil : layer.bandDetail,
                  colour: theme.palette[colours[index] % theme.palette.count])
        }
        sites = content.sites.map(marker)
        targets = content.targets.map(marker)
        columns = table.columns
        numeric = table.columns.indices.map { column in
            guard let first = table.rows.lazy.map({ $0.cells[column] }).first(where: { $0 != .missing }) else { return false }
            if case .number = first { return true }
            return false
        }
        // One path per launch point and target, shared by its systems' rows.
        var pathIndex = [[Coordinate]: Int]()
        var paths = [[[[Double]]]]()
        rows = table.rows.map { row in
            let index: Int
            if let known = pathIndex[row.path] {
                index = known
            } else {
                index = paths.count
                pathIndex[row.path] = index
                let pieces = canvas.lines(of: [row.path], tolerance: SVGMapRenderer.tolerance).flatMap { $0 }
                paths.append(pieces.map { piece in piece.map { [rounded($0.x), rounded($0.y)] } })
            }
            return Row(site: row.site, target: row.target, inRange: row.inRange, cells: row.cells.map(\.plain), path: index)
        }
        self.paths = paths
        countries = (basemap?.labels ?? []).compactMap { label in
            guard let point = canvas.pixel(label.coordinate) else { return nil }
            return CountryName(name: label.name.uppercased(), x: rounded(point.x), y: rounded(point.y),
                               side: rounded((label.squareKilometers * 1e6).squareRoot() * canvas.scale))
        }
        let columns = 33, rows = 25
        var latitudes = [Double?](), longitudes = [Double?]()
        for row in 0..<rows {
            for column in 0..<columns {
                let pixel = PlanePoint(x: canvas.frame.maxX * Double(column) / Double(columns - 1),
                                       y: canvas.frame.maxY * Double(row) / Double(rows - 1))
                let coordinate = canvas.coordinate(at: pixel)
                latitudes.append(coordinate.map { ($0.latitude * 1e7).rounded() / 1e7 })
                longitudes.append(coordinate.map { ($0.longitude * 1e7).rounded() / 1e7 })
            }
        }
        grid = Grid(columns: columns, rows: rows, latitudes: latitudes, longitudes: longitudes)
        azimuthal = Self.azimuthal(projection, canvas: canvas)
        self.theme = [
            "name": theme.name, "background": theme.background, "text": theme.text, "muted": theme.mutedText,
            "panel": theme.panel, "panelStroke": theme.panelStroke, "halo": theme.halo, "site": theme.siteFill,
            "inRange": theme.inRangeFill, "outOfRange": theme.outOfRangeFill, "markerStroke": theme.markerStroke,
            "space": theme.space, "country": theme.countryText,
        ]
    }

    /// The exact inverse of an oblique or equatorial azimuthal equidistant
    /// map (PROJ measures it along geodesics from the centre); nil for other
    /// projections and polar centres, which use the grid.
    static func azimuthal(_ projection: MapProjection, canvas: MapCanvas) -> Azimuthal? {
        var values = [String: Double]()
        for word in projection.definition.split(separator: " ") {
            let parts = word.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = Double(parts[1]) }
        }
        guard projection.definition.hasPrefix("+proj=aeqd "), projection.definition.contains("+ellps=WGS84"),
              let latitude = values["+lat_0"], let longitude = values["+lon_0"], abs(latitude) < 89.9,
              values["+x_0"] == nil, values["+y_0"] == nil
        else { return nil }
        let origin = canvas.pixel(PlanePoint(x: 0, y: 0))
        return Azimuthal(latitude: latitude, longitude: longitude, originX: origin.x, originY: origin.y, scale: canvas.scale)
    }

    /// The payload as JSON safe inside a `<script>` element: `<`, `>` and
    /// `&` are written as `\u` escapes, so no string can end the element or
    /// open a comment.
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        var text = ""
        text.reserveCapacity(data.count + 64)
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<": text += "\\u003c"
            case ">": text += "\\u003e"
            case "&": text += "\\u0026"
            case "\u{2028}": text += "\\u2028"
            case "\u{2029}": text += "\\u2029"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}
