import GeoModel

/// Writes footprints and places as KML 2.2 for Google Earth and GIS tools.
///
/// One shared style per system (outline and translucent fill in the map's
/// palette) and one per kind of place; footprints are clamped to the
/// ground and tessellated, cut at the antimeridian as the GeoJSON is.
/// Names are XML-escaped; descriptions are HTML that Google Earth shows
/// in balloons, so their text is HTML-escaped first and then XML-escaped:
/// markup in a name or property stays text. Output is deterministic.
public struct KMLWriter: Sendable {
    /// One system's footprints, drawn in one style.
    public struct Layer: Hashable, Sendable {
        public var name: String
        /// Shown after the name, e.g. "700 km".
        public var detail: String
        /// Footprint features (polygons or multipolygons) with their properties.
        public var features: [Feature]
        public init(name: String, detail: String, features: [Feature]) {
            self.name = name
            self.detail = detail
            self.features = features
        }
    }

    /// A launch site or target.
    public struct Place: Hashable, Sendable {
        public enum Role: String, Hashable, Sendable {
            case launchSite = "launch_site"
            case targetInRange = "target_in_range"
            case targetOutOfRange = "target_out_of_range"
        }
        public var name: String
        public var coordinate: Coordinate
        public var role: Role
        /// Rows shown in the balloon, in order.
        public var details: [(name: String, value: String)]

        public init(name: String, coordinate: Coordinate, role: Role, details: [(name: String, value: String)] = []) {
            self.name = name
            self.coordinate = coordinate
            self.role = role
            self.details = details
        }

        public static func == (lhs: Place, rhs: Place) -> Bool {
            lhs.name == rhs.name && lhs.coordinate == rhs.coordinate && lhs.role == rhs.role
                && lhs.details.map(\.name) == rhs.details.map(\.name) && lhs.details.map(\.value) == rhs.details.map(\.value)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(coordinate)
            hasher.combine(role)
        }
    }

    /// Decimal places for coordinates.
    public var decimals: Int
    /// Colours per layer, in order (`#rrggbb`).
    public var palette: [String]

    public init(decimals: Int = 6, palette: [String] = MapTheme.light.palette) {
        self.decimals = min(max(decimals, GeoJSONWriter.decimalRange.lowerBound), GeoJSONWriter.decimalRange.upperBound)
        self.palette = palette.isEmpty ? MapTheme.light.palette : palette
    }

    /// The KML document.
    public func document(name: String, layers: [Layer], places: [Place] = []) -> String {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n"
        text += "<name>\(XMLText.escape(name))</name>\n"
        for index in layers.indices {
            let colour = palette[index % palette.count]
            text += "<Style id=\"system-\(index + 1)\"><LineStyle><color>\(Self.kmlColour(colour, alpha: 0xff))</color><width>2</width></LineStyle>"
            text += "<PolyStyle><color>\(Self.kmlColour(colour, alpha: 0x40))</color></PolyStyle>"
            text += "<BalloonStyle><text>$[description]</text></BalloonStyle></Style>\n"
        }
        let placeStyles: [(Place.Role, String, String)] = [
            (.launchSite, "ff000000", "http://maps.google.com/mapfiles/kml/shapes/triangle.png"),
            (.targetInRange, "ff150fa5", "http://maps.google.com/mapfiles/kml/shapes/target.png"),
            (.targetOutOfRange, "ffffffff", "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png"),
        ]
        for (role, colour, icon) in placeStyles {
            text += "<Style id=\"\(role.rawValue)\"><IconStyle><color>\(colour)</color><Icon><href>\(icon)</href></Icon></IconStyle>"
            text += "<BalloonStyle><text>$[description]</text></BalloonStyle></Style>\n"
        }
        for (index, layer) in layers.enumerated() {
            text += "<Folder><name>\(XMLText.escape("\(layer.name) (\(layer.detail))"))</name>\n"
            for feature in layer.features {
                let title = Self.text(feature, "site").map { "\(layer.name) from \($0)" } ?? layer.name
                text += "<Placemark><name>\(XMLText.escape(title))</name>"
                text += "<description>\(XMLText.escape(Self.table(title: title, rows: feature.properties.map { ($0.name, Self.plain($0.value)) })))</description>"
                text += "<styleUrl>#system-\(index + 1)</styleUrl>"
                text += geometry(feature.shape)
                text += "</Placemark>\n"
            }
            text += "</Folder>\n"
        }
        if !places.isEmpty {
            text += "<Folder><name>Places</name>\n"
            for place in places {
                text += "<Placemark><name>\(XMLText.escape(place.name))</name>"
                text += "<description>\(XMLText.escape(Self.table(title: place.name, rows: place.details)))</description>"
                text += "<styleUrl>#\(place.role.rawValue)</styleUrl>"
                text += "<Point><coordinates>\(position(place.coordinate))</coordinates></Point></Placemark>\n"
            }
            text += "</Folder>\n"
        }
        text += "</Document>\n</kml>\n"
        return text
    }

    private func geometry(_ shape: Shape) -> String {
        switch shape {
        case let .point(point):
            return "<Point><coordinates>\(position(point))</coordinates></Point>"
        case let .lineString(line):
            return "<LineString><tessellate>1</tessellate><coordinates>\(line.coordinates.map(position).joined(separator: " "))</coordinates></LineString>"
        case let .polygon(polygon):
            return self.polygon(polygon)
        case let .multiPolygon(multi):
            if multi.polygons.count == 1 { return self.polygon(multi.polygons[0]) }
            return "<MultiGeometry>" + multi.polygons.map(self.polygon).joined() + "</MultiGeometry>"
        }
    }

    private func polygon(_ polygon: Polygon) -> String {
        let oriented = polygon.rfc7946Oriented
        var text = "<Polygon><tessellate>1</tessellate><outerBoundaryIs><LinearRing><coordinates>"
        text += oriented.exterior.map(position).joined(separator: " ")
        text += "</coordinates></LinearRing></outerBoundaryIs>"
        for hole in oriented.holes {
            text += "<innerBoundaryIs><LinearRing><coordinates>" + hole.map(position).joined(separator: " ")
                + "</coordinates></LinearRing></innerBoundaryIs>"
        }
        return text + "</Polygon>"
    }

    private func position(_ coordinate: Coordinate) -> String {
        NumberText.format(GeoBounds.longitudeInRange(coordinate.longitude), decimals: decimals) + ","
            + NumberText.format(coordinate.latitude, decimals: decimals)
    }

    /// `#rrggbb` as KML's `aabbggrr`.
    public static func kmlColour(_ hex: String, alpha: Int) -> String {
        let digits = Array(hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex))
        guard digits.count == 6 else { return String(format: "%02xffffff", alpha) }
        let red = String(digits[0...1]), green = String(digits[2...3]), blue = String(digits[4...5])
        return String(format: "%02x", alpha) + (blue + green + red).lowercased()
    }

    /// An HTML table for a balloon; every value HTML-escaped.
    static func table(title: String, rows: [(name: String, value: String)]) -> String {
        var html = "<b>\(HTMLText.escape(title))</b>"
        guard !rows.isEmpty else { return html }
        html += "<table>"
        for row in rows {
            html += "<tr><td>\(HTMLText.escape(row.name))</td><td>\(HTMLText.escape(row.value))</td></tr>"
        }
        return html + "</table>"
    }

    private static func text(_ feature: Feature, _ name: String) -> String? {
        if case let .string(value)? = feature[property: name] { return value }
        return nil
    }

    private static func plain(_ value: PropertyValue) -> String {
        switch value {
        case let .string(text): text
        case let .number(number): number.isFinite ? NumberText.format(number, decimals: 3) : ""
        case let .integer(integer): String(integer)
        case let .bool(flag): flag ? "true" : "false"
        case .null: ""
        }
    }
}

/// HTML text escaping (for KML balloon descriptions, before XML escaping).
enum HTMLText {
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
