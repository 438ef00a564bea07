import Foundation

/// Military Grid Reference System references on WGS84: `38SMB4484521000`.
///
/// A reference is the grid zone (UTM zone number and latitude band, or a
/// polar band A, B, Y, Z), the 100 km square (column and row letters, in
/// the AA scheme for odd zones and the AL scheme, rows shifted by five
/// letters, for even zones), and 0 to 5 pairs of easting and northing
/// digits. Digits are truncated, never rounded: a reference names the
/// cell the point lies in, and reading one back gives the cell's centre.
/// A transcription of GeographicLib's `MGRS` (Charles Karney, MIT licence),
/// whose `GeoConvert` the tests compare against.
public enum MGRS {
    static let latitudeBands = Array("CDEFGHJKLMNPQRSTUVWX")
    static let polarBands = Array("ABYZ")
    static let utmColumns = [Array("ABCDEFGH"), Array("JKLMNPQR"), Array("STUVWXYZ")]
    static let utmRows = Array("ABCDEFGHJKLMNPQRSTUV")
    static let upsColumns = [Array("JKLPQRSTUXYZ"), Array("ABCFGHJKLPQR"), Array("RSTUXYZ"), Array("ABCFGHJ")]
    static let upsRows = [Array("ABCDEFGHJKLMNPQRSTUVWXYZ"), Array("ABCDEFGHJKLMNP")]
    static let rowPeriod = 20
    static let evenRowShift = 5
    /// Finest precision written or read: five digit pairs, 1 m.
    public static let maximumPrecision = 5

    /// A reference read back: the centre of its cell.
    public struct Reference: Hashable, Sendable {
        /// The centre of the cell, in the zone the reference names.
        public var position: UTMUPSCoordinate
        /// Digit pairs, 0 (a 100 km square) to 5 (1 m).
        public var precision: Int
        /// Side of the cell (metres): 100 km at precision 0, 1 m at 5.
        public var cellSize: Double { pow(10, Double(5 - precision)) }
    }

    /// Latitude band index in [-10, 9] (C = -10 ... X = 9); bands include
    /// their southern edge, and X runs from 72° to 84°.
    static func latitudeBand(_ latitude: Double) -> Int {
        let ilat = Int(floor(latitude))
        return max(-10, min(9, (ilat + 80) / 8 - 10))
    }

    /// The MGRS reference of a position, in its standard zone.
    /// - Parameters:
    ///   - coordinate: geodetic degrees.
    ///   - precision: digit pairs, 0 (100 km) to 5 (1 m).
    /// - Throws: `GridReferenceError` for a bad precision or position.
    public static func reference(for coordinate: Coordinate, precision: Int = 5) throws(GridReferenceError) -> String {
        guard (0...maximumPrecision).contains(precision) else { throw .precisionOutOfRange(precision) }
        let position = try UTMUPSCoordinate(coordinate)
        return format(position, latitude: coordinate.latitude, precision: precision)
    }

    /// GeographicLib's MGRS::Forward for a position in its standard zone.
    static func format(_ position: UTMUPSCoordinate, latitude: Double, precision: Int) -> String {
        let angeps = 0x1p-46            // 2^-(53 - 7): the smallest angle with 90 - angeps < 90
        let eps = 0x1p-28               // 2^-(53 - 25): about 4 nm at 2e7 m
        let utm = !position.isPolar
        var x = position.easting, y = position.northing
        // The upper limits are open: a point exactly on one moves in by eps.
        let index = (utm ? 2 : 0) + (position.isNorth ? 1 : 0)
        let maxE = [Grid.maxUPSSouth, Grid.maxUPSNorth, Grid.maxUTMColumn, Grid.maxUTMColumn][index]
        let maxN = [Grid.maxUPSSouth, Grid.maxUPSNorth,
                    Grid.maxUTMNorthRow + (Grid.maxUTMSouthRow - Grid.minUTMNorthRow), Grid.maxUTMNorthRow][index]
        if x == maxE * Grid.tile { x -= eps }
        if y == maxN * Grid.tile { y -= eps }
        if utm, !position.isNorth, y == Grid.maxUTMSouthRow * Grid.tile { y -= eps }

        var text = ""
        if utm { text += position.zone < 10 ? "0\(position.zone)" : "\(position.zone)" }
        let mult = 1_000_000.0
        var ix = Int64(floor(x * mult)), iy = Int64(floor(y * mult))
        let m = Int64(mult) * Int64(Grid.tile)
        let xh = Int(ix / m), yh = Int(iy / m)
        if utm {
            let band = abs(latitude) < angeps ? (position.isNorth ? 0 : -1) : latitudeBand(latitude)
            let column = xh - Int(Grid.minUTMColumn)
            text.append(latitudeBands[10 + band])
            text.append(utmColumns[(position.zone - 1) % 3][column])
            text.append(utmRows[(yh + ((position.zone - 1) & 1 == 1 ? evenRowShift : 0)) % rowPeriod])
        } else {
            let east = xh >= 20
            let band = (position.isNorth ? 2 : 0) + (east ? 1 : 0)
            let origin = position.isNorth ? Int(Grid.minUPSNorth) : Int(Grid.minUPSSouth)
            text.append(polarBands[band])
            text.append(upsColumns[band][xh - (east ? 20 : origin)])
            text.append(upsRows[position.isNorth ? 1 : 0][yh - origin])
        }
        if precision > 0 {
            ix -= m * Int64(xh)
            iy -= m * Int64(yh)
            var d: Int64 = 1
            for _ in 0..<(11 - precision) { d *= 10 }
            ix /= d
            iy /= d
            let eastDigits = String(ix), northDigits = String(iy)
            text += String(repeating: "0", count: precision - eastDigits.count) + eastDigits
            text += String(repeating: "0", count: precision - northDigits.count) + northDigits
        }
        return text
    }

    /// Reads an MGRS reference, letters in either case, spaces anywhere
    /// (`38SMB4484521000`, `38S MB 44845 21000`, `4QFJ12345678`, `ZGC1234`).
    /// - Returns: `nil` unless `text` has the shape of one: one or two zone
    ///   digits, a band letter and optionally two square letters and digits;
    ///   or, for the polar grids, a band, two square letters and at least
    ///   one digit pair (so that codes like `BGW` stay names).
    /// - Throws: `GridReferenceError` naming the bad zone, band, square or digits.
    public static func parse(_ text: String) throws(GridReferenceError) -> Reference? {
        let compact = String(text.filter { !$0.isWhitespace }).uppercased()
        let chars = Array(compact)
        guard chars.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        let zoneDigits = chars.prefix(while: { $0.isNumber })
        let rest = chars.dropFirst(zoneDigits.count)
        let letters = rest.prefix(while: { $0.isLetter })
        let digits = rest.dropFirst(letters.count)
        guard zoneDigits.count <= 2, digits.allSatisfy({ $0.isNumber }) else { return nil }
        if zoneDigits.isEmpty {
            guard letters.count == 3, digits.count >= 2 else { return nil }
        } else {
            guard (letters.count == 1 && digits.isEmpty) || letters.count == 3 else { return nil }
        }
        let zone = Int(String(zoneDigits)) ?? 0
        let utm = !zoneDigits.isEmpty
        if utm && !(1...60).contains(zone) { throw .zoneOutOfRange(zone) }
        let bandLetter = letters[letters.startIndex]
        let gridZone = String(zoneDigits) + String(bandLetter)
        guard let bandIndex = (utm ? latitudeBands : polarBands).firstIndex(of: bandLetter) else {
            throw .badBand(bandLetter, polar: !utm)
        }
        guard letters.count == 3 else { throw .gridZoneOnly(compact) }
        let north = bandIndex >= (utm ? 10 : 2)
        let columnLetter = letters[letters.startIndex + 1], rowLetter = letters[letters.startIndex + 2]
        let columns = utm ? utmColumns[(zone - 1) % 3] : upsColumns[bandIndex]
        let rows = utm ? utmRows : upsRows[north ? 1 : 0]
        guard let columnIndex = columns.firstIndex(of: columnLetter) else {
            throw .badColumn(columnLetter, gridZone: gridZone, allowed: String(columns))
        }
        guard var row = rows.firstIndex(of: rowLetter) else {
            throw .badRow(rowLetter, gridZone: gridZone, allowed: String(rows))
        }
        var column = columnIndex
        if utm {
            if (zone - 1) & 1 == 1 { row = (row + rowPeriod - evenRowShift) % rowPeriod }
            row = utmRow(band: bandIndex - 10, column: column, row: row)
            guard row != Int(Grid.maxUTMSouthRow) else {
                throw .squareOutsideBand(square: String([columnLetter, rowLetter]), gridZone: gridZone)
            }
            row = north ? row : row + 100
            column += Int(Grid.minUTMColumn)
        } else {
            let east = bandIndex & 1 == 1
            let origin = north ? Int(Grid.minUPSNorth) : Int(Grid.minUPSSouth)
            column += east ? 20 : origin
            row += origin
        }
        guard digits.count % 2 == 0 else {
            throw .badDigits(compact, reason: "an MGRS reference needs as many easting digits as northing digits")
        }
        let precision = digits.count / 2
        guard precision <= maximumPrecision else {
            throw .badDigits(compact, reason: "more than \(maximumPrecision) digit pairs (1 m) in an MGRS reference")
        }
        var unit = 1.0, x = Double(column), y = Double(row)
        let digitValues = digits.map { Double($0.wholeNumberValue ?? 0) }
        for i in 0..<precision {
            unit *= 10
            x = 10 * x + digitValues[i]
            y = 10 * y + digitValues[i + precision]
        }
        unit *= 2; x = 2 * x + 1; y = 2 * y + 1        // the centre of the cell
        let position = UTMUPSCoordinate(zone: zone, isNorth: north,
                                        easting: Grid.tile * x / unit, northing: Grid.tile * y / unit)
        return Reference(position: position, precision: precision)
    }

    /// The true row index in [-90, 95) of a periodic row in a band, or
    /// 100 when the square does not lie in the band (GeographicLib UTMRow).
    static func utmRow(band: Int, column: Int, row: Int) -> Int {
        let c = 100 * Double(8 * band + 4) / 90
        let north = band >= 0
        let minRow = band > -10 ? Int(floor(c - 4.3 - 0.1 * (north ? 1 : 0))) : -90
        let maxRow = band < 9 ? Int(floor(c + 4.4 - 0.1 * (north ? 1 : 0))) : 94
        let baseRow = (minRow + maxRow) / 2 - rowPeriod / 2
        var row = (row - baseRow + 100) % rowPeriod + baseRow
        if !(row >= minRow && row <= maxRow) {
            let sband = band >= 0 ? band : -band - 1
            let srow = row >= 0 ? row : -row - 1
            let scol = column < 4 ? column : -column + 7
            if !((srow == 70 && sband == 8 && scol >= 2) || (srow == 71 && sband == 7 && scol <= 2)
                 || (srow == 79 && sband == 9 && scol >= 1) || (srow == 80 && sband == 8 && scol <= 1)) {
                row = 100
            }
        }
        return row
    }
}
