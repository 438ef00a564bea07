import Foundation
import Testing
import Gazetteer
import GeoModel

/// Facility names as analysts type them ("Al Dhafra AB", "Hmeimim",
/// "Natanz enrichment facility"), each resolving within the facility's
/// extent of the point a public reference gives for the facility itself.
/// The list (`Fixtures/facility-names.csv`) was written before the sites
/// layer was loaded, so it measures the layer rather than describing it.
@Suite struct FacilityNameTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var query: String
        var point: Coordinate
        var extentKilometres: Double
        var source: String
        var testDescription: String { query }
    }

    static let fixture = TestData.repositoryRoot.appendingPathComponent("Tests/GazetteerTests/Fixtures/facility-names.csv")

    static let cases: [Case] = {
        guard let text = try? String(contentsOf: fixture, encoding: .utf8) else { return [] }
        var result = [Case]()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("query,") {
            let fields = csvFields(String(line))
            guard fields.count == 7, let latitude = Double(fields[1]), let longitude = Double(fields[2]),
                  let extent = Double(fields[3])
            else { continue }
            result.append(Case(query: fields[0], point: Coordinate(latitude: latitude, longitude: longitude), extentKilometres: extent, source: fields[6]))
        }
        return result
    }()

    /// Splits one CSV line with RFC 4180 quoting.
    static func csvFields(_ line: String) -> [String] {
        var fields = [String](), field = "", quoted = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            switch (character, quoted) {
            case ("\"", true): quoted = false
            case ("\"", false): quoted = true
            case (",", false): fields.append(field); field = ""
            default: field.append(character)
            }
        }
        fields.append(field)
        return fields
    }

    @Test func theListIsComplete() {
        #expect(Self.cases.count >= 150)
    }

    /// Names of the list that do not resolve within their extent yet, and
    /// why. Each is a known issue: when it starts passing, the test says so
    /// and it leaves this table.
    static let knownGaps: [String: Comment] = [
        "Atsugi": "a city keeps its bare name: Atsugi city is 7 km from Naval Air Facility Atsugi",
        "Akrotiri": "an area keeps its bare name: the Akrotiri Sovereign Base Area's point is 7 km from RAF Akrotiri",
    ]

    @Test(arguments: cases)
    func resolvesWithinTheFacilityExtent(_ facility: Case) throws {
        let gazetteer = try TestData.bundled.get()
        func check() throws {
            let place = try gazetteer.resolve(facility.query)
            let kilometres = TestData.kilometresBetween(place.coordinate, facility.point)
            #expect(kilometres <= facility.extentKilometres,
                    "\(facility.query) -> \(place.name) (\(place.kind.rawValue), \(place.country)) is \(Int(kilometres.rounded())) km from the facility (\(facility.source))")
        }
        if let gap = Self.knownGaps[facility.query] {
            withKnownIssue(gap) { try check() }
        } else {
            try check()
        }
    }
}
