import Foundation
import GeoModel

/// Reading rows by global row number, whichever segment holds them.
extension Gazetteer {
    func segmentIndex(ofRow row: Int32) -> Int {
        var low = 0, high = segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segments[middle].firstRow <= Int(row) { low = middle } else { high = middle - 1 }
        }
        return low
    }

    func summary(ofRow row: Int32) -> RowSummary {
        let segment = segments[segmentIndex(ofRow: row)]
        let local = Int(row) - segment.firstRow
        switch segment.storage {
        case let .text(text):
            let item = text.rows[local]
            return RowSummary(
                latitude: item.latitude, longitude: item.longitude, kind: item.kind,
                population: item.population >= 0 ? Int(item.population) : nil,
                country: item.country, tier: segment.tier, hasArea: item.area >= 0
            )
        case let .places(places):
            let place = places[local]
            return RowSummary(
                latitude: place.coordinate.latitude, longitude: place.coordinate.longitude, kind: place.kind,
                population: place.population, country: ByteParsing.countryCode(place.country),
                tier: segment.tier, hasArea: place.area != nil
            )
        }
    }

    /// The name and aliases of a row, without decoding its outline.
    func names(ofRow row: Int32) -> [String] {
        let segment = segments[segmentIndex(ofRow: row)]
        let local = Int(row) - segment.firstRow
        switch segment.storage {
        case let .text(text): return text.names(ofRow: local)
        case let .places(places): return [places[local].name] + places[local].aliases
        }
    }

    func place(ofRow row: Int32) throws(GazetteerError) -> Place {
        let segment = segments[segmentIndex(ofRow: row)]
        let local = Int(row) - segment.firstRow
        switch segment.storage {
        case let .text(text): return try text.place(ofRow: local)
        case let .places(places): return places[local]
        }
    }
}
