import Foundation
import Testing

/// `threatmap validate`: each malformed scenario is refused with the right
/// location and message, a non-zero exit, and no file written.
@Suite("threatmap validate") struct ValidateCommandTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        /// Expected `line:column` and a fragment of the message, for each problem.
        var problems: [(String, String)]
        var testDescription: String { name }
    }

    static let valid = """
    title: Test
    systems: [Zolfaghar]
    sites: [Jurf al-Sakhar]
    targets: [Riyadh]
    outputs:
      stem: test
    """

    static let cases: [Case] = [
        Case(name: "bad YAML", yaml: "title: [unclosed\nsystems: []\n", problems: [("2:8", "not valid YAML")]),
        Case(name: "not a mapping", yaml: "- just\n- a list\n", problems: [("1:1", "expected a mapping")]),
        Case(name: "unknown top-level key", yaml: valid + "\ncolour: red\n", problems: [("7:1", "unknown key 'colour'")]),
        Case(name: "unknown key in a system", yaml: valid.replacingOccurrences(of: "systems: [Zolfaghar]", with: "systems:\n  - name: Zolfaghar\n    speed: 5"),
             problems: [("4:5", "unknown key 'speed'")]),
        Case(name: "wrong type for title", yaml: valid.replacingOccurrences(of: "title: Test", with: "title: [a, b]"), problems: [("1:8", "'title' should be text")]),
        Case(name: "sites not a list", yaml: valid.replacingOccurrences(of: "sites: [Jurf al-Sakhar]", with: "sites: Jurf"), problems: [("3:8", "'sites' should be a list")]),
        Case(name: "unknown place", yaml: valid.replacingOccurrences(of: "targets: [Riyadh]", with: "targets: [Riyadh, Narnia]"), problems: [("4:19", "unknown place 'Narnia'")]),
        Case(name: "misspelt place suggests", yaml: valid.replacingOccurrences(of: "sites: [Jurf al-Sakhar]", with: "sites: [Baghdadd]"), problems: [("3:9", "did you mean 'Baghdad'")]),
        Case(name: "unknown system suggests", yaml: valid.replacingOccurrences(of: "systems: [Zolfaghar]", with: "systems: [Zolfighter]"), problems: [("2:11", "did you mean 'Zolfaghar'")]),
        Case(name: "negative range", yaml: valid.replacingOccurrences(of: "systems: [Zolfaghar]", with: "systems:\n  - name: Zolfaghar\n    range: -5km"), problems: [("4:12", "negative")]),
        Case(name: "min range above range", yaml: valid.replacingOccurrences(of: "systems: [Zolfaghar]", with: "systems:\n  - name: X\n    class: srbm\n    range: 100km\n    min_range: 200km"),
             problems: [("6:16", "min_range 200 km must be below range 100 km")]),
        Case(name: "new system without class", yaml: valid.replacingOccurrences(of: "systems: [Zolfaghar]", with: "systems:\n  - name: Mystery\n    range: 100km"),
             problems: [("3:5", "give its class")]),
        Case(name: "empty target list", yaml: valid.replacingOccurrences(of: "targets: [Riyadh]", with: "targets: []"), problems: [("4:10", "'targets' is empty")]),
        Case(name: "missing sites", yaml: valid.replacingOccurrences(of: "sites: [Jurf al-Sakhar]\n", with: ""), problems: [("1:1", "missing 'sites'")]),
        Case(name: "duplicate site names", yaml: valid.replacingOccurrences(of: "sites: [Jurf al-Sakhar]", with: "sites: [Jurf al-Sakhar, jurf al sakhar]"), problems: [("3:25", "duplicate site")]),
        Case(name: "output outside the folder", yaml: valid.replacingOccurrences(of: "stem: test", with: "stem: ../../etc/evil"), problems: [("6:9", "inside the output folder")]),
        Case(name: "latitude 95", yaml: valid.replacingOccurrences(of: "sites: [Jurf al-Sakhar]", with: "sites: [\"95,44\"]"), problems: [("3:9", "latitude 95")]),
        Case(name: "missing GeoJSON file", yaml: valid.replacingOccurrences(of: "sites: [Jurf al-Sakhar]", with: "sites:\n  - name: Area\n    geojson: nowhere.geojson"),
             problems: [("5:14", "no such file 'nowhere.geojson'")]),
        Case(name: "bad theme and extent", yaml: valid + "\nmap:\n  theme: purple\n  extent: [1, 2]\n", problems: [("8:10", "theme 'purple'"), ("9:11", "extent must be")]),
        Case(name: "unknown projection", yaml: valid + "\nmap:\n  projection: mercator\n", problems: [("8:15", "projection 'mercator' must be one of aeqd")]),
        Case(name: "several problems at once", yaml: "title: T\ncolour: red\nsystems: [Zolfighter]\nsites: [Narnia]\ntargets: []\noutputs:\n  stem: ok\n",
             problems: [("2:1", "unknown key"), ("3:11", "Zolfighter"), ("4:9", "Narnia"), ("5:10", "is empty")]),
    ]

    @Test(arguments: cases)
    func reportsEveryProblemWithItsLocation(_ c: Case) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("scenario.yaml")
        try c.yaml.write(to: file, atomically: true, encoding: .utf8)
        let result = try threatmap("validate", [file.path], in: directory.url)
        #expect(result.exitedNormally)
        #expect(result.status == 65, "\(result)")
        let lines = result.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix(file.path + ":") }
        #expect(lines.count == c.problems.count, "\(result.stderr)")
        for (location, fragment) in c.problems {
            #expect(lines.contains { $0.hasPrefix("\(file.path):\(location): ") && $0.contains(fragment) },
                    "expected \(location) \(fragment) in\n\(result.stderr)")
        }
        #expect(directory.regularFiles() == ["scenario.yaml"])
    }

    @Test func validScenariosPass() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("scenario.yaml")
        try Self.valid.write(to: file, atomically: true, encoding: .utf8)
        let result = try threatmap("validate", [file.path, Repository.root.appendingPathComponent("Scenarios/iran-missiles-iraq-2018.yaml").path], in: directory.url)
        expectSuccess(result)
        #expect(result.stdout.split(separator: "\n").count == 2)
        #expect(directory.regularFiles() == ["scenario.yaml"])
    }

    @Test func missingScenarioIsMissingInput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try threatmap("validate", [directory.path("none.yaml")], in: directory.url)
        #expect(result.status == 66)
        #expect(result.stderr.contains("none.yaml"))
    }
}
