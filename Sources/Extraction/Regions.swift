import Foundation
import Gazetteer
import GeoModel

/// Regions named in reporting, as outlines: a part of a country ("southern
/// Iraq": the country's outline clipped to the southern third of its
/// latitude span) or a named group of governorates ("Iraqi Kurdistan").
///
/// Parts: north, south, east and west are the third of the country's
/// bounding box on that side; central is the middle third both ways;
/// north-east and the other diagonals are the quarter where the two halves
/// meet. Longitudes of a country across ±180 are unwrapped before cutting.
enum Regions {
    /// Named regions made of first-level subdivisions: name -> (country, display, parts).
    static let named: [String: (country: String, name: String, parts: [String])] = [
        "iraqi kurdistan": ("IQ", "Iraqi Kurdistan", ["Dihok", "Arbil", "As-Sulaymaniyah"]),
    ]

    /// The part of `country` (a place with an outline), or nil without one.
    static func part(_ part: RegionPart, of country: Place) -> RegionArea? {
        guard let area = country.area, !area.isEmpty else { return nil }
        // Unwrap a country that straddles ±180.
        let longitudes = area.polygons.flatMap { $0.exterior.map(\.longitude) }
        let straddles = (longitudes.min() ?? 0) < -170 && (longitudes.max() ?? 0) > 170
        var shifted = Set<Int>()
        var polygons = area.polygons
        if straddles {
            for index in polygons.indices where polygons[index].exterior.allSatisfy({ $0.longitude <= 0 }) {
                polygons[index] = shift(polygons[index], by: 360)
                shifted.insert(index)
            }
        }
        let all = polygons.flatMap { $0.exterior }
        guard let south = all.map(\.latitude).min(), let north = all.map(\.latitude).max(),
              let west = all.map(\.longitude).min(), let east = all.map(\.longitude).max() else { return nil }
        let latThird = (north - south) / 3, lonThird = (east - west) / 3
        let latMiddle = (north + south) / 2, lonMiddle = (east + west) / 2
        typealias Plane = AreaClipping.HalfPlane
        let planes: [Plane]
        let description: String
        switch part {
        case .north: planes = [Plane(axis: .latitude, value: north - latThird, keepBelow: false)]; description = "northern third (by latitude)"
        case .south: planes = [Plane(axis: .latitude, value: south + latThird, keepBelow: true)]; description = "southern third (by latitude)"
        case .east: planes = [Plane(axis: .longitude, value: east - lonThird, keepBelow: false)]; description = "eastern third (by longitude)"
        case .west: planes = [Plane(axis: .longitude, value: west + lonThird, keepBelow: true)]; description = "western third (by longitude)"
        case .central:
            planes = [Plane(axis: .latitude, value: south + latThird, keepBelow: false), Plane(axis: .latitude, value: north - latThird, keepBelow: true),
                      Plane(axis: .longitude, value: west + lonThird, keepBelow: false), Plane(axis: .longitude, value: east - lonThird, keepBelow: true)]
            description = "middle third (by latitude and longitude)"
        case .northEast: planes = [Plane(axis: .latitude, value: latMiddle, keepBelow: false), Plane(axis: .longitude, value: lonMiddle, keepBelow: false)]; description = "north-eastern quarter"
        case .northWest: planes = [Plane(axis: .latitude, value: latMiddle, keepBelow: false), Plane(axis: .longitude, value: lonMiddle, keepBelow: true)]; description = "north-western quarter"
        case .southEast: planes = [Plane(axis: .latitude, value: latMiddle, keepBelow: true), Plane(axis: .longitude, value: lonMiddle, keepBelow: false)]; description = "south-eastern quarter"
        case .southWest: planes = [Plane(axis: .latitude, value: latMiddle, keepBelow: true), Plane(axis: .longitude, value: lonMiddle, keepBelow: true)]; description = "south-western quarter"
        }
        var pieces = [Polygon]()
        for (index, polygon) in polygons.enumerated() {
            var parts = [polygon]
            for plane in planes { parts = parts.flatMap { AreaClipping.clip($0, to: plane) } }
            // Shifted pieces go back to [-180, 180]; a clip never joins pieces.
            pieces += parts.map { shifted.contains(index) || $0.exterior.contains(where: { $0.longitude > 180 }) ? shift($0, by: -360) : $0 }
        }
        guard !pieces.isEmpty else { return nil }
        let adjective: String
        switch part {
        case .north: adjective = "Northern"
        case .south: adjective = "Southern"
        case .east: adjective = "Eastern"
        case .west: adjective = "Western"
        case .central: adjective = "Central"
        case .northEast: adjective = "North-eastern"
        case .northWest: adjective = "North-western"
        case .southEast: adjective = "South-eastern"
        case .southWest: adjective = "South-western"
        }
        let name = "\(adjective) \(country.name)"
        let result = MultiPolygon(pieces.map(\.rfc7946Oriented))
        return RegionArea(
            name: name, fileName: slug(name) + ".geojson", area: result,
            source: "\(description) of the outline of \(country.name) (\(country.source)), clipped by threatmap extract",
            country: country.country, representativePoint: representativePoint(result)
        )
    }

    /// A named region from its subdivisions' outlines, as a multipolygon of
    /// the subdivisions (each one a feature when written).
    static func named(_ key: String, gazetteer: Gazetteer) -> (region: RegionArea, parts: [(String, MultiPolygon)])? {
        guard let definition = named[key] else { return nil }
        var parts = [(String, MultiPolygon)]()
        var sources = [String]()
        for name in definition.parts {
            guard let place = gazetteer.places(named: name).first(where: {
                ($0.kind == .governorate || $0.kind == .province) && $0.country == definition.country && $0.area != nil
            }), let area = place.area else { return nil }
            parts.append((place.name, MultiPolygon(area.polygons.map(\.rfc7946Oriented))))
            sources.append(place.name)
        }
        let all = MultiPolygon(parts.flatMap(\.1.polygons))
        let region = RegionArea(
            name: definition.name, fileName: slug(definition.name) + ".geojson", area: all,
            source: "governorates \(sources.joined(separator: ", ")) (gazetteer outlines)",
            country: definition.country, representativePoint: representativePoint(parts[0].1),
            parts: parts.map { ("\(definition.name) (\($0.0))", $0.1) }
        )
        return (region, parts)
    }

    static func shift(_ polygon: Polygon, by degrees: Double) -> Polygon {
        func move(_ ring: Ring) -> Ring { ring.map { Coordinate(latitude: $0.latitude, longitude: $0.longitude + degrees) } }
        return Polygon(exterior: move(polygon.exterior), holes: polygon.holes.map(move))
    }

    /// "Southern Iraq" -> "southern-iraq".
    static func slug(_ name: String) -> String {
        var out = ""
        var pendingDash = false
        for character in NameKey(name).folded {
            if character.isLetter || character.isNumber, character.isASCII {
                if pendingDash, !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(character)
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "region" : out
    }

    /// A point inside the largest piece (see `RingGeometry.interiorPoint(of:)`).
    static func representativePoint(_ area: MultiPolygon) -> Coordinate {
        RingGeometry.interiorPoint(of: area)!
    }
}
