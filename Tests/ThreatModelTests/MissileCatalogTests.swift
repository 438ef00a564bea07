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

    @Test func bundledCatalogHasTheReportedSystems() throws {
        // The first rows of the Middle East file, the catalog's first 24 systems before it became a folder.
        let middleEast = try MissileCatalog(contentsOf: TestData.missiles.appendingPathComponent("middle-east.csv"))
        #expect(Array(middleEast.systems.map(\.name).prefix(3)) == ["Zelzal-2", "Fateh-110", "Zolfaghar"])
        #expect(catalog.systems.count >= 24)
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
        BadRow(row: "Bad,,ballistic,0,700,700,700,x", reason: "unknown class 'ballistic'; expected one of \(MissileSystem.Category.catalogNames)"),
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

    static let fullHeader = MissileCatalogFile.columns.joined(separator: ",") + "\n"

    @Test func newColumnsAreRead() throws {
        let url = try TestData.temporaryFile(Self.fullHeader + """
        Shield,SHD,air_defence,XX|YY,0,40,30,150,engagement radius against ballistic missiles,,,40,150,"Ministry, 1 Jan 2024",
        Glider,,glcm,ZZ,0,2500,2000,2500,maximum range,880,,,,"Report, 2 Feb 2024",
        Rock,,srbm,ZZ,0,500,500,500,maximum range,,480,,,"Report, 3 Mar 2024",

        """, name: "catalog.csv")
        defer { TestData.remove(url) }
        let systems = try MissileCatalog(contentsOf: url).systems
        #expect(systems.map(\.operators) == [["XX", "YY"], ["ZZ"], ["ZZ"]])
        #expect(systems[0].rangeVersusBallistic == .kilometers(40) && systems[0].rangeVersusAircraft == .kilometers(150))
        #expect(systems[0].nominalBasis == "engagement radius against ballistic missiles")
        #expect(systems[1].speedKilometersPerHour == 880 && systems[1].payloadKilograms == nil && systems[1].category == .glcm)
        #expect(systems[2].payloadKilograms == 480 && systems[2].speedKilometersPerHour == nil)
    }

    /// A user's file in the first, eight-column form still loads; the newer fields are empty.
    @Test func oldEightColumnFileStillLoads() throws {
        let url = try TestData.temporaryFile(Self.header + "Mine,M-1,srbm,0,300,250,350,my notes\n", name: "mine.csv")
        defer { TestData.remove(url) }
        let system = try #require(try MissileCatalogFile.load(path: url.path).systems.first)
        #expect(system.name == "Mine" && system.operators.isEmpty && system.nominalBasis.isEmpty && system.speedKilometersPerHour == nil)
    }

    @Test func folderLoadsItsFilesInNameOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try (Self.fullHeader + "Bravo,Shared,srbm,,0,300,300,300,,,,,,b,\n").write(to: folder.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
        try (Self.header + "Alpha,Shared,srbm,0,200,200,200,a\n").write(to: folder.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
        try "not a catalog".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let catalog = try MissileCatalogFile.load(path: folder.path)
        #expect(catalog.systems.map(\.name) == ["Alpha", "Bravo"])
        #expect(try catalog.system(named: "shared").name == "Alpha")
    }

    @Test func badOperatorCodeIsBadData() throws {
        let url = try TestData.temporaryFile(Self.fullHeader + "X,,srbm,Russia,0,300,300,300,,,,,,s,\n", name: "catalog.csv")
        defer { TestData.remove(url) }
        #expect(throws: ThreatModelError.badData(source: url.path, line: 2,
                                                 reason: "operator 'Russia' is not an ISO 3166-1 alpha-2 code (two capital letters)")) {
            try MissileCatalog(contentsOf: url)
        }
    }

    @Test(arguments: ["Zolfaghar", "zolfaghar", "ZOL FAGHAR", "Zol-faghar", "zolfaghar "])
    func spacesAndHyphensFold(_ spelling: String) throws {
        #expect(try catalog.system(named: spelling).name == "Zolfaghar")
    }

    @Test func familyNameListsItsMembersAndPicksNone() {
        let error = #expect(throws: ThreatModelError.self) { try catalog.system(named: "Fateh") }
        guard case let .missileFamily(name, members)? = error else { Issue.record("not a family: \(String(describing: error))"); return }
        #expect(name == "Fateh")
        #expect(Set(members).isSuperset(of: ["Fateh-110", "Fateh-313", "Fateh-360"]))
        #expect(error?.description.contains("names a family of") == true)
    }

    @Test func numberedStemIsNotAFamilyOfLongerNumbers() {
        // "Shahab" is a family; "Fateh-1" is not a stem of "Fateh-110".
        #expect(catalog.family("Shahab").count >= 3)
        #expect(catalog.family("Fateh-1").isEmpty)
    }
}
