import Testing
import Export
import GeoModel

/// `--coordinates`: how tables, CSV and briefs write a position.
@Suite struct CoordinateNotationTests {
    let baghdad = Coordinate(latitude: 33.34058, longitude: 44.40088)

    @Test func eachNotation() {
        #expect(CoordinateNotation.dd.text(baghdad) == "33.34058,44.40088")
        #expect(CoordinateNotation.dms.text(baghdad) == "33°20'26.1\"N 44°24'03.2\"E")
        #expect(CoordinateNotation.mgrs.text(baghdad) == "38SMB4424889204")
        #expect(CoordinateNotation.utm.text(baghdad) == "38N 444248 3689205")
    }

    @Test func columns() {
        #expect(CoordinateNotation.dd.columns == ["latitude", "longitude"])
        #expect(CoordinateNotation.mgrs.columns == ["mgrs"])
        #expect(CoordinateNotation.dd.cells(baghdad) == [.number(33.34058, decimals: 5), .number(44.40088, decimals: 5)])
    }

    /// Seconds round to a tenth first, so 59.96" carries into the minute;
    /// south and west take their letters; the poles and the antimeridian.
    @Test func dmsCarriesAndSigns() {
        let carried = Coordinate(latitude: -(10 + 59.0 / 60 + 59.96 / 3600), longitude: -179.999999)
        #expect(CoordinateNotation.dms.text(carried) == "11°00'00.0\"S 180°00'00.0\"W")
        #expect(CoordinateNotation.dms.text(Coordinate(latitude: 90, longitude: 0)) == "90°00'00.0\"N 0°00'00.0\"E")
        #expect(CoordinateNotation.dms.text(Coordinate(latitude: -0.00000001, longitude: 0)) == "0°00'00.0\"N 0°00'00.0\"E")
    }

    @Test func polarPositions() {
        #expect(CoordinateNotation.mgrs.text(Coordinate(latitude: 90, longitude: 0)) == "ZAH0000000000")
        #expect(CoordinateNotation.utm.text(Coordinate(latitude: -90, longitude: 0)) == "S 2000000 2000000")
    }
}
