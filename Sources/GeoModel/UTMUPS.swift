import Foundation

/// A position in the Universal Transverse Mercator (UTM) or Universal Polar
/// Stereographic (UPS) grid on WGS84.
///
/// Written as GeographicLib's `GeoConvert` writes it: the zone (two digits)
/// and the hemisphere, N or S, then easting and northing in whole metres:
/// `38N 448445 3621000`; UPS has no zone: `N 2000000 2000000`. The letter
/// is always the hemisphere, never a latitude band (MGRS carries the band).
public struct UTMUPSCoordinate: Hashable, Sendable, CustomStringConvertible {
    /// UTM zone 1...60, or 0 for UPS (the polar grids).
    public var zone: Int
    /// The northern hemisphere's grid (false northing 0 in UTM) or the
    /// north polar grid.
    public var isNorth: Bool
    /// Metres, false easting included (500,000 on a UTM central meridian,
    /// 2,000,000 at a pole).
    public var easting: Double
    /// Metres, false northing included (10,000,000 at the equator in the
    /// southern UTM grid, 2,000,000 at a pole).
    public var northing: Double

    public init(zone: Int, isNorth: Bool, easting: Double, northing: Double) {
        self.zone = zone
        self.isNorth = isNorth
        self.easting = easting
        self.northing = northing
    }

    /// True for the polar (UPS) grids.
    public var isPolar: Bool { zone == 0 }

    /// The position in its standard zone: UTM from 80°S up to (not
    /// including) 84°N, in the zone of its longitude except the Norway
    /// (32V) and Svalbard (31X, 33X, 35X, 37X) exceptions; UPS beyond.
    /// - Throws: `GridReferenceError.notAPosition` for a non-finite or
    ///   out-of-range latitude.
    public init(_ coordinate: Coordinate) throws(GridReferenceError) {
        let lat = coordinate.latitude, lon = coordinate.longitude
        guard lat.isFinite, lon.isFinite, abs(lat) <= 90 else {
            throw .notAPosition(latitude: lat, longitude: lon)
        }
        let north = lat.sign != .minus
        let zone = UTMUPSCoordinate.standardZone(latitude: lat, longitude: lon)
        if zone == 0 {
            let (x, y) = PolarStereographic.ups.forward(north: north, latitude: lat, longitude: lon)
            self.init(zone: 0, isNorth: north, easting: x + Grid.upsFalse, northing: y + Grid.upsFalse)
        } else {
            let (x, y) = TransverseMercator.utm.forward(
                lon0: UTMUPSCoordinate.centralMeridian(zone), latitude: lat, longitude: lon)
            self.init(zone: zone, isNorth: north, easting: x + Grid.utmFalseEasting,
                      northing: y + (north ? 0 : Grid.utmSouthFalseNorthing))
        }
    }

    /// The zone GeographicLib and the MGRS standard give a position (0 for UPS).
    public static func standardZone(latitude: Double, longitude: Double) -> Int {
        guard latitude >= -80 && latitude < 84 else { return 0 }
        var ilon = Int(floor(GridMath.angNormalize(longitude)))
        if ilon == 180 { ilon = -180 }
        var zone = (ilon + 186) / 6
        let band = MGRS.latitudeBand(latitude)
        if band == 7 && zone == 31 && ilon >= 3 {
            zone = 32                                   // Norway: 32V reaches west to 3°E
        } else if band == 9 && ilon >= 0 && ilon < 42 {
            zone = 2 * ((ilon + 183) / 12) + 1          // Svalbard: 31X, 33X, 35X, 37X
        }
        return zone
    }

    /// Central meridian of a UTM zone (degrees).
    static func centralMeridian(_ zone: Int) -> Double { Double(6 * zone - 183) }

    /// The geodetic position.
    /// - Throws: `GridReferenceError` for a zone outside 0-60 or an
    ///   easting or northing more than 100 km beyond the zone's MGRS limits.
    public func coordinate() throws(GridReferenceError) -> Coordinate {
        guard (0...60).contains(zone) else { throw .zoneOutOfRange(zone) }
        guard easting.isFinite, northing.isFinite else {
            throw .outsideGrid(description, reason: "easting and northing must be finite numbers")
        }
        try checkLimits()
        let position: (latitude: Double, longitude: Double)
        if isPolar {
            position = PolarStereographic.ups.reverse(
                north: isNorth, x: easting - Grid.upsFalse, y: northing - Grid.upsFalse)
        } else {
            position = TransverseMercator.utm.reverse(
                lon0: UTMUPSCoordinate.centralMeridian(zone), x: easting - Grid.utmFalseEasting,
                y: northing - (isNorth ? 0 : Grid.utmSouthFalseNorthing))
        }
        return Coordinate(latitude: position.latitude, longitude: position.longitude).normalized
    }

    /// GeographicLib's UTMUPS::CheckCoords with 100 km of slop.
    private func checkLimits() throws(GridReferenceError) {
        let tile = Grid.tile, slop = Grid.tile
        let index = (isPolar ? 0 : 2) + (isNorth ? 1 : 0)
        let minE = [Grid.minUPSSouth, Grid.minUPSNorth, Grid.minUTMColumn, Grid.minUTMColumn][index] * tile
        let maxE = [Grid.maxUPSSouth, Grid.maxUPSNorth, Grid.maxUTMColumn, Grid.maxUTMColumn][index] * tile
        let minN = [Grid.minUPSSouth, Grid.minUPSNorth, Grid.minUTMSouthRow,
                    Grid.minUTMNorthRow + Grid.minUTMSouthRow - Grid.maxUTMSouthRow][index] * tile
        let maxN = [Grid.maxUPSSouth, Grid.maxUPSNorth,
                    Grid.maxUTMSouthRow + Grid.maxUTMNorthRow - Grid.minUTMNorthRow,
                    Grid.maxUTMNorthRow][index] * tile
        let grid = isPolar ? "the \(isNorth ? "north" : "south") polar grid" : "UTM \(isNorth ? "north" : "south")"
        if easting < minE - slop || easting > maxE + slop {
            throw .outsideGrid(description, reason: "easting \(NumberFormat.short(easting)) m is not within "
                               + "\(Int(minE - slop))-\(Int(maxE + slop)) m for \(grid)")
        }
        if northing < minN - slop || northing > maxN + slop {
            throw .outsideGrid(description, reason: "northing \(NumberFormat.short(northing)) m is not within "
                               + "\(Int(minN - slop))-\(Int(maxN + slop)) m for \(grid)")
        }
    }

    /// `38N 448445 3621000`, `N 2000000 2000000`: zone, hemisphere,
    /// easting and northing rounded to the metre (as `GeoConvert -u` writes).
    public var description: String {
        let zoneText = isPolar ? "" : (zone < 10 ? "0\(zone)" : "\(zone)")
        return zoneText + (isNorth ? "N" : "S") + " "
            + String(format: "%.0f", easting) + " " + String(format: "%.0f", northing)
    }

    /// Reads `38N 448445 3621000` (also `38n`, `38north`, `8S ...`) or the
    /// polar `N 2000000 2000000`.
    /// - Returns: `nil` unless `text` has the shape of a UTM/UPS reference
    ///   (a zone-and-hemisphere word and two numbers).
    /// - Throws: `GridReferenceError` when it has the shape but is wrong:
    ///   zone 61, a band letter where the hemisphere goes, a point off the grid.
    public static func parse(_ text: String) throws(GridReferenceError) -> UTMUPSCoordinate? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
        guard parts.count == 3,
              let easting = Double(parts[1]), let northing = Double(parts[2]),
              parts[1].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              parts[2].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") })
        else { return nil }
        let token = parts[0]
        let digits = token.prefix(while: { $0.isASCII && $0.isNumber })
        let letters = token.dropFirst(digits.count)
        guard digits.count <= 2, !letters.isEmpty, letters.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return nil }
        let zone = Int(digits) ?? 0
        if !digits.isEmpty && !(1...60).contains(zone) { throw .zoneOutOfRange(zone) }
        let north: Bool
        switch letters.lowercased() {
        case "n", "north": north = true
        case "s", "south": north = false
        default: throw .badHemisphere(String(token))
        }
        let position = UTMUPSCoordinate(zone: zone, isNorth: north, easting: easting, northing: northing)
        _ = try position.coordinate()
        return position
    }
}

/// The constants of the MGRS/UTM/UPS grids, in units of 100 km tiles
/// (GeographicLib `MGRS.hpp`).
enum Grid {
    static let tile = 100_000.0
    static let minUTMColumn = 1.0, maxUTMColumn = 9.0
    static let minUTMSouthRow = 10.0, maxUTMSouthRow = 100.0
    static let minUTMNorthRow = 0.0, maxUTMNorthRow = 95.0
    static let minUPSSouth = 8.0, maxUPSSouth = 32.0
    static let minUPSNorth = 13.0, maxUPSNorth = 27.0
    static let upsFalse = 2_000_000.0
    static let utmFalseEasting = 500_000.0
    static let utmSouthFalseNorthing = 10_000_000.0
}
