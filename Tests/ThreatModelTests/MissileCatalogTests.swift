import Foundation
import Testing
import GeoModel
import ThreatModel
import Gazetteer

@Suite struct MissileCatalogTests {
    let catalog: MissileCatalog

    init() throws {
        catalog = try MissileCatalog(contentsOf: TestData.missiles)
    }

    static let header = "name,aliases,class,min_range_km,range_km,range_low_km,range_high_km,source\n"

    @Test func bundledCatalogHasTheReportedSystems() {
        #expect(Array(catalog.systems.map(\.name).prefix(3)) == ["Zelzal-2", "Fateh-110", "Zolfaghar"])
        #expect(catalog.systems.count == 24)
        for system in catalog.systems {
            #expect(!system.source.isEmpty, "\(system.name)")
            #expect(system.rangeLow <= system.range, "\(system.name)")
            #expect(system.range <= system.rangeHigh, "\(system.name)")
        }
    }

    struct Published: Sendable, CustomTestStringConvertible {
        var name: String
        var category: MissileSystem.Category
        var rangeKilometres: Double
        var testDescription: String { name }
    }

    @Test(arguments: [
        Published(name: "Zelzal-2", category: .rocket, rangeKilometres: 200),
        Published(name: "Fateh-110", category: .srbm, rangeKilometres: 300),
        Published(name: "Zolfaghar", category: .srbm, rangeKilometres: 700),
    ])
    func publishedRanges(_ published: Published) throws {
        let system = try catalog.system(named: published.name)
        #expect(system.name == published.name)
        #expect(system.category == published.category)
        #expect(system.range == .kilometers(published.rangeKilometres))
        #expect(system.range.meters == published.rangeKilometres * 1000)
        #expect(system.minimumRange == .zero)
    }

    @Test func rangeSpreadAcrossSources() throws {
        let fateh = try catalog.system(named: "Fateh-110")
        #expect(fateh.rangeLow == .kilometers(200))
        #expect(fateh.rangeHigh == .kilometers(300))
        let zelzal = try catalog.system(named: "Zelzal-2")
        #expect(zelzal.rangeHigh == .kilometers(250))
    }

    @Test(arguments: [
        ("Zolfaqar", "Zolfaghar"), ("ZOLFAQAR", "Zolfaghar"), ("Zulfiqar", "Zolfaghar"),
        ("fateh 110", "Fateh-110"), ("Fateh110", "Fateh-110"), ("FATEH-110", "Fateh-110"),
        ("Zelzal", "Zelzal-2"), ("zilzal 2", "Zelzal-2"), ("ذوالفقار", "Zolfaghar"),
    ])
    func aliasesResolve(_ alias: String, _ name: String) throws {
        #expect(try catalog.system(named: alias).name == name)
    }

    @Test func unknownNameSuggestsSimilarSystems() {
        let error = #expect(throws: ThreatModelError.self) { try catalog.system(named: "Zolfagar2000") }
        #expect(error == .unknownMissile("Zolfagar2000", suggestions: ["Zolfaghar"]))
        #expect(error?.description == "unknown missile system 'Zolfagar2000'; did you mean 'Zolfaghar'?")
    }

    @Test func unrelatedNameHasNoSuggestions() {
        let error = #expect(throws: ThreatModelError.self) { try catalog.system(named: "Xyzzy-9") }
        #expect(error == .unknownMissile("Xyzzy-9", suggestions: []))
    }

    @Test func everyAliasBelongsToOneSystemAndRangesAreOrdered() throws {
        var owner = [String: String]()
        for system in catalog.systems {
            #expect(system.minimumRange < system.rangeLow, "\(system.name)")
            #expect(system.rangeLow <= system.range && system.range <= system.rangeHigh, "\(system.name)")
            for alias in [system.name] + system.aliases {
                let key = NameKey(alias).folded
                if let other = owner[key] { #expect(other == system.name, "\(alias): \(other) vs \(system.name)") }
                owner[key] = system.name
                #expect(try catalog.system(named: alias).name == system.name, "\(alias)")
            }
        }
        for (alias, name) in [("Shahab 3", "Shahab-3"), ("Shehab-3", "Shahab-3"), ("Qaim-1", "Qiam-1"), ("Sajjil", "Sejjil"), ("Ashura", "Sejjil"),
                              ("Khoramshahr", "Khorramshahr"), ("Khaibar Shekan", "Kheibar Shekan"), ("R-17", "Scud-B"), ("SS-1c", "Scud-B"),
                              ("Hwasong-6", "Scud-C"), ("Emad-1", "Emad"), ("Qadr-1", "Ghadr"), ("Ghadr-110", "Ghadr"), ("Dezfoul", "Dezful"),
                              ("Arash 122 mm", "Arash"), ("PAC-3 MSE", "Patriot PAC-3 MSE"), ("GEM-T", "Patriot PAC-2 GEM-T"), ("قیام", "Qiam-1"), ("شهاب ۳", "Shahab-3")] {
            #expect(try catalog.system(named: alias).name == name, "\(alias)")
        }
        print("catalog:", catalog.systems.count, "systems,", owner.count, "names")
    }

    @Test func inMemoryCatalogKeepsTheFirstOwnerOfAName() throws {
        let first = MissileSystem(name: "Alpha", aliases: ["Shared"], category: .srbm, range: .kilometers(100), source: "a")
        let second = MissileSystem(name: "Beta", aliases: ["shared"], category: .mrbm, range: .kilometers(1000), source: "b")
        let catalog = MissileCatalog(systems: [first, second])
        #expect(try catalog.system(named: "SHARED") == first)
        #expect(try catalog.system(named: "beta") == second)
    }

    @Test func parsedRowBecomesASystem() throws {
        let url = try TestData.temporaryFile(Self.header + """
        Test-1,T1|Test One,air_defence,3,120.5,100,150,"Source, with comma"

        """, name: "missiles.csv")
        defer { TestData.remove(url) }
        let catalog = try MissileCatalog(contentsOf: url)
        #expect(catalog.systems == [MissileSystem(
            name: "Test-1", aliases: ["T1", "Test One"], category: .airDefence,
            minimumRange: .kilometers(3), range: .kilometers(120.5),
            rangeLow: .kilometers(100), rangeHigh: .kilometers(150), source: "Source, with comma"
        )])
    }

    struct BadRow: Sendable, CustomTestStringConvertible {
        var row: String
        var reason: String
        var testDescription: String { reason }
    }

    @Test(arguments: [
        BadRow(row: "Bad,,ballistic,0,700,700,700,x", reason: "unknown class 'ballistic'"),
        BadRow(row: "Bad,,srbm,0,-700,700,700,x", reason: "range_km '-700' is not a non-negative number of kilometres"),
        BadRow(row: "Bad,,srbm,0,seven,700,700,x", reason: "range_km 'seven' is not a non-negative number of kilometres"),
        BadRow(row: "Bad,,srbm,0,inf,700,700,x", reason: "range_km 'inf' is not a non-negative number of kilometres"),
        BadRow(row: "Bad,,srbm,zero,700,700,700,x", reason: "min_range_km 'zero' is not a non-negative number of kilometres"),
        BadRow(row: "Bad,,srbm,0,700,,700,x", reason: "range_low_km '' is not a non-negative number of kilometres"),
        BadRow(row: "Bad,,srbm,0,700,700,nan,x", reason: "range_high_km 'nan' is not a non-negative number of kilometres"),
        BadRow(row: "Bad,,srbm,700,700,700,700,x", reason: "Bad: min_range 700 km must be below range 700 km"),
        BadRow(row: "Bad,,srbm,800,700,700,700,x", reason: "Bad: min_range 800 km must be below range 700 km"),
        BadRow(row: "Bad,,srbm,0,1e308,700,700,x", reason: "Bad: range is not a finite distance of zero or more"),
        BadRow(row: "Bad,,srbm,0,0,0,0,x", reason: "Bad: range must be greater than zero"),
        BadRow(row: "Bad,,srbm,0,30000,700,30000,x",
               reason: "Bad: range 30000 km is longer than any distance on Earth (at most 20003.931 km, half a meridian)"),
        BadRow(row: "Bad,,srbm,0,700,900,600,x",
               reason: "Bad: the published span must be ordered range_low ≤ range ≤ range_high (here 900 km, 700 km, 600 km)"),
    ])
    func malformedRowIsBadDataOnItsLine(_ bad: BadRow) throws {
        let url = try TestData.temporaryFile(
            Self.header + "Good,,srbm,0,300,300,300,\"ok\"\n\n" + bad.row + "\n", name: "missiles.csv"
        )
        defer { TestData.remove(url) }
        let error = #expect(throws: ThreatModelError.self) { try MissileCatalog(contentsOf: url) }
        #expect(error == .badData(source: url.path, line: 4, reason: bad.reason))
        #expect(error?.description == "\(url.path):4: \(bad.reason)")
    }

    /// Malformed, not missing: the CLI exits 65 (bad data), not 66.
    @Test func wrongFieldCountIsMalformedWithTheLine() throws {
        let url = try TestData.temporaryFile(Self.header + "Good,,srbm,0,300,300,300,ok\nShort,,srbm,0,300\n", name: "missiles.csv")
        defer { TestData.remove(url) }
        #expect(throws: ThreatModelError.malformed("\(url.path):3: expected 8 fields as in the header, found 5")) {
            try MissileCatalog(contentsOf: url)
        }
    }

    @Test func missingColumnIsMalformed() throws {
        let url = try TestData.temporaryFile("name,aliases,class,min_range_km,range_km\nX,,srbm,0,300\n", name: "missiles.csv")
        defer { TestData.remove(url) }
        #expect(throws: ThreatModelError.malformed("\(url.path):1: the header has no column 'range_low_km'")) {
            try MissileCatalog(contentsOf: url)
        }
    }
}
