import Foundation

extension Coordinate {
    /// Parses a coordinate literal as users type it.
    ///
    /// Accepted forms (degrees, latitude first unless hemispheres say otherwise):
    /// `32.87,44.15`, `-33.92, 18.42`, `32.87N 44.15E`, `33.92S 18.42E`,
    /// `32.87°N, 44.15°E`, `44.15E 32.87N`; then grid references: MGRS
    /// (`38SMB4484521000`, `38S MB 44845 21000`, any precision, read as the
    /// centre of its cell) and UTM/UPS (`38N 448445 3621000`, the letter
    /// being the hemisphere; `N 2000000 2000000` at a pole).
    /// - Returns: `nil` when `text` does not look like a coordinate at all
    ///   (so it can be treated as a place name).
    /// - Throws: `CoordinateError` when it looks like one but is invalid
    ///   (latitude 95, a longitude hemisphere on the latitude, zone 61, a
    ///   100 km square outside its band, ...).
    public static func parse(_ text: String) throws(CoordinateError) -> Coordinate? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts: [Substring]
        if trimmed.contains(",") {
            parts = trimmed.split(separator: ",", omittingEmptySubsequences: false)
        } else {
            parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
        }
        guard parts.count == 2,
              let first = Component(parts[0]),
              let second = Component(parts[1])
        else { return try gridReference(trimmed) }

        var latitude = first, longitude = second
        if first.axis == .longitude || second.axis == .latitude {
            swap(&latitude, &longitude)
        }
        guard latitude.axis != .longitude, longitude.axis != .latitude else {
            throw .malformed(trimmed, reason: "both values name the same axis")
        }
        return try Coordinate(validatingLatitude: latitude.value, longitude: longitude.value)
    }

    /// An MGRS or UTM/UPS reference, or `nil` when `text` looks like neither.
    private static func gridReference(_ text: String) throws(CoordinateError) -> Coordinate? {
        do {
            if let reference = try MGRS.parse(text) { return try reference.position.coordinate() }
            if let position = try UTMUPSCoordinate.parse(text) { return try position.coordinate() }
            return nil
        } catch {
            throw .gridReference(error)
        }
    }

    /// One signed number with an optional degree sign and hemisphere letter.
    private struct Component {
        enum Axis { case latitude, longitude, unknown }
        var value: Double
        var axis: Axis

        init?(_ raw: Substring) {
            var text = raw.trimmingCharacters(in: .whitespaces).uppercased()
            var sign = 1.0
            axis = .unknown
            // "nan" and "inf" end in letters that look like hemispheres; keep
            // them as numbers so validation can name them.
            if let special = Double(text.lowercased()), !special.isFinite {
                value = special
                return
            }
            if let last = text.last, "NSEW".contains(last) {
                text.removeLast()
                axis = (last == "N" || last == "S") ? .latitude : .longitude
                if last == "S" || last == "W" { sign = -1 }
            }
            text = text.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("°") { text.removeLast() }
            guard !text.isEmpty,
                  text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.".contains($0)) }),
                  let number = Double(text)
            else { return nil }
            if axis != .unknown && number < 0 { return nil }
            value = sign * number
        }
    }
}
