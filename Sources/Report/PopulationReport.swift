import Export
import Foundation
import Gazetteer
import Geodesy
import GeoModel
import ThreatModel

/// People in named places within reach: per system, the inhabitants of the
/// gazetteer's populated places (GeoNames cities, towns and capitals of 500
/// or more) whose point lies within reach of at least one of its launch
/// sites, by `reach`'s exact decision. It counts people in named places,
/// not a census: rural people outside any listed place are missing, and
/// GeoNames lists some sections of large cities besides the city itself.
public struct PopulationReport: Sendable {
    public struct Place: Sendable, Hashable {
        public var name: String
        public var country: String
        public var population: Int
        public var coordinate: Coordinate
    }

    public struct Country: Sendable, Hashable {
        public var country: String
        public var people: Int
        public var places: Int
    }

    public struct SystemPopulation: Sendable {
        public var system: MissileSystem
        /// Inhabitants of the places reached.
        public var people: Int
        /// How many places are reached.
        public var places: Int
        /// The ten most populous places reached.
        public var largest: [Place]
        /// People and places per country, most people first.
        public var countries: [Country]
    }

    public let systems: [SystemPopulation]
    /// Populated places considered (the gazetteer's).
    public let placesConsidered: Int
    /// With a population grid: each system's count from it, in `systems`' order.
    public private(set) var grid: [PopulationGrid.Count]?

    /// - Parameter launches: each launch site with the systems fired from it.
    /// - Throws: `ThreatModelError` when the nearest point of a launch area cannot be found.
    public init(launches: [(site: LaunchSite, systems: [MissileSystem])], gazetteer: Gazetteer) throws(ThreatModelError) {
        // Only the places some launch site could reach are listed; the
        // count of all of them is for the brief's wording.
        let places = gazetteer.populatedPlaces(within: PeopleInReach.searchBoxes(launches))
        let reach = try PeopleInReach(launches: launches, places: places)
        placesConsidered = gazetteer.populatedPlaceCount
        systems = reach.coverages.map { coverage in
            var countries = [String: Country]()
            for index in coverage.reached {
                let place = places[index]
                countries[place.country, default: Country(country: place.country, people: 0, places: 0)].people += place.population
                countries[place.country]!.places += 1
            }
            let largest = coverage.reached.prefix(10).map { index in
                let place = places[index]
                return Place(name: gazetteer.place(of: place)?.name ?? "", country: place.country, population: place.population,
                             coordinate: place.coordinate)
            }
            return SystemPopulation(system: coverage.system, people: coverage.people, places: coverage.reached.count,
                                    largest: largest,
                                    countries: countries.values.sorted { $0.people != $1.people ? $0.people > $1.people : $0.country < $1.country })
        }
    }

    /// Adds the people of a gridded population (`PopulationGrid`) inside
    /// each system's footprint: the union over `sites`, edges within 10 m.
    /// - Throws: `PopulationGridError`, or what drawing the footprints throws.
    public mutating func addGrid(_ url: URL, sites: [LaunchSite]) throws {
        let footprints = try FootprintReport(sites: sites, systems: systems.map(\.system), tolerance: .meters(10), union: true)
        var areas = [MultiPolygon]()
        for entry in systems {
            let parts = footprints.entries.filter { $0.system.name == entry.system.name }.map(\.area)
            areas.append(MultiPolygon(parts.flatMap(\.polygons)))
        }
        grid = try PopulationGrid.people(in: areas, file: url)
    }

    /// One row per system: `system`, `range_km`, `people`, `places`, `largest` (the ten largest places, "name (CC) population; ..."),
    /// and with a grid `grid_people` (rounded) and `grid_cells`.
    public var table: ResultTable {
        ResultTable(columns: ["system", "range_km", "people", "places", "largest"] + (grid == nil ? [] : ["grid_people", "grid_cells"]),
                    rows: systems.enumerated().map { index, entry in
            [.text(entry.system.name), .number(entry.system.range.kilometers, decimals: 0), .number(Double(entry.people), decimals: 0),
             .number(Double(entry.places), decimals: 0),
             .text(entry.largest.map { "\($0.name) (\($0.country)) \($0.population)" }.joined(separator: "; "))]
                + (grid.map { [.number($0[index].people.rounded(), decimals: 0), .number(Double($0[index].cells), decimals: 0)] } ?? [])
        })
    }

    /// One row per system and country: `system`, `country`, `people`, `places`.
    public var countryTable: ResultTable {
        ResultTable(columns: ["system", "country", "people", "places"], rows: systems.flatMap { entry in
            entry.countries.map { [.text(entry.system.name), .text($0.country), .number(Double($0.people), decimals: 0),
                                   .number(Double($0.places), decimals: 0)] }
        })
    }

    /// "about 12.3 million", "about 840,000", "about 2,100" (three significant figures, rounded).
    public static func roughly(_ people: Int) -> String {
        if people >= 1_000_000 { return "about " + String(format: "%.1f", Double(people) / 1e6) + " million" }
        let magnitude = pow(10, max(0, floor(log10(Double(max(people, 1)))) - 2))
        let rounded = Int((Double(people) / magnitude).rounded() * magnitude)
        return "about " + Self.grouped(rounded)
    }

    /// `1234567` -> `1,234,567`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return (value < 0 ? "-" : "") + text
    }

    /// The map's line: the system reaching the most people, e.g. "about 41.2
    /// million people in named places within reach of the Zolfaghar" ("under
    /// the cover of" an air defence); nil when no system reaches anyone.
    public var headline: String? {
        guard let widest = systems.max(by: { $0.people < $1.people }), widest.people > 0 else { return nil }
        let reach = widest.system.category == .airDefence ? "under the cover of" : "within reach of"
        return "\(Self.roughly(widest.people)) people in named places \(reach) the \(widest.system.name)"
    }

    /// The brief's section: per system, the people and places reached, the
    /// largest places and the countries, and what the numbers count.
    public func markdown(escape: (String) -> String) -> [String] {
        var lines = ["## People in reach", ""]
        lines.append("People living in the gazetteer's named places (GeoNames cities, towns and capitals of 500 or more "
                     + "inhabitants, \(Self.grouped(placesConsidered)) places) whose point lies within reach of at least one launch site, "
                     + "each place counted once per system. Not a census: people outside the listed places are not counted, "
                     + "and some city sections are listed besides their city.")
        lines.append("")
        for entry in systems {
            lines.append("- **\(escape(entry.system.name))**: \(Self.roughly(entry.people)) people in \(Self.grouped(entry.places)) places"
                         + (entry.largest.isEmpty ? "" : "; largest: " + entry.largest.prefix(5).map {
                             "\(escape($0.name)) (\($0.country), \(Self.grouped($0.population)))" }.joined(separator: ", "))
                         + (entry.countries.isEmpty ? "" : "; by country: " + entry.countries.prefix(6).map {
                             "\($0.country) \(Self.roughly($0.people).replacingOccurrences(of: "about ", with: ""))" }.joined(separator: ", ")))
        }
        lines.append("")
        return lines
    }
}
