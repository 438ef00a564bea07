import Foundation
import Testing

/// No silent guess, end to end: nonsense fails with suggestions, codes
/// resolve only when typed as codes, every match below the place's own name
/// is a warning on stderr (and in the brief), and a target written twice
/// as one place is an error.
@Suite("no silent guess") struct NoSilentGuessTests {
    @Test("nonsense and code-like queries exit 65 with suggestions", arguments: ["the", "aa", "hh", "qqq"])
    func nonsenseFails(_ query: String) throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("resolve", [query], in: scratch.url)
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("threatmap: error: unknown place '\(query)'; did you mean '"), "\(result.stderr)")
    }

    @Test("codes typed as codes resolve, with a match column and a warning each")
    func codesTypedAsCodes() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("resolve", ["ORAA", "code:orbd", "Baghdad", "--format", "json"], in: scratch.url)
        #expect(result.status == 0, "\(result)")
        let objects = try #require(try parseJSON(result.stdout) as? [[String: Any]])
        #expect(objects.map { $0["name"] as? String } == ["Ain al-Asad Air Base", "Balad Air Base", "Baghdad"])
        #expect(objects.map { $0["match"] as? String } == ["code", "code", "exact"])
        #expect(result.stderr == """
            threatmap: warning: 'ORAA' resolved to Ain al-Asad Air Base (airbase, IQ) by code
            threatmap: warning: 'code:orbd' resolved to Balad Air Base (airbase, IQ) by code

            """, "\(result.stderr)")

        // In lower case it is a name: no air base, and the loose namesake it meets says so.
        let lower = try threatmap("resolve", ["oraa"], in: scratch.url)
        #expect(lower.status == 0, "\(lower)")
        #expect(!lower.stdout.contains("Ain al-Asad"), "\(lower)")
        #expect(lower.stderr.hasPrefix("threatmap: warning: 'oraa' resolved to "), "\(lower)")
        #expect(lower.stderr.hasSuffix(" by loose match\n"), "\(lower)")
    }

    @Test("alias and loose matches warn on stderr; --quiet keeps only the table")
    func looseMatchesWarn() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("resolve", ["Hewler", "Heet", "Karbala"], in: scratch.url)
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasSuffix("match") == true)
        #expect(lines.dropFirst(2).map { $0.split(separator: " ").last.map(String.init) } == ["alias", "loose", "exact"])
        #expect(result.stderr.contains("threatmap: warning: 'Hewler' resolved to Erbil (city, IQ) by alias\n"), "\(result.stderr)")
        #expect(result.stderr.contains("threatmap: warning: 'Heet' resolved to Hīt (town, IQ) by loose match\n"), "\(result.stderr)")
        #expect(!result.stderr.contains("Karbala"))

        let quiet = try threatmap("resolve", ["Hewler", "Heet", "Karbala", "--quiet"], in: scratch.url)
        expectSuccess(quiet)
        #expect(quiet.stdout == result.stdout)
    }

    @Test("reach warns about a loose --to name and refuses a nonsense one")
    func reachNames() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("reach", ["--from", "Baghdad", "--range", "300km", "--to", "Heet", "--format", "csv"], in: scratch.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "threatmap: warning: 'Heet' resolved to Hīt (town, IQ) by loose match\n", "\(result.stderr)")
        let nonsense = try threatmap("reach", ["--from", "Baghdad", "--range", "300km", "--to", "qqq"], in: scratch.url)
        #expect(nonsense.status == 65, "\(nonsense)")
        #expect(nonsense.stderr.contains("unknown place 'qqq'"))
    }

    @Test("a target written three ways as one place is an error at each repeat")
    func duplicateTargets() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try Data("""
            title: Duplicates
            systems: [Zolfaghar]
            sites: [Jurf al-Sakhar]
            targets: [Riyadh, riyadh, Ar Riyad]
            outputs:
              stem: duplicates

            """.utf8).write(to: scratch.url.appendingPathComponent("dup.yaml"))
        let result = try threatmap("validate", ["dup.yaml"], in: scratch.url)
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains(
            "dup.yaml:4:19: target 'riyadh' is the same place as 'Riyadh' (line 4, column 11): Riyadh (capital, SA); list it once"), "\(result.stderr)")
        #expect(result.stderr.contains(
            "dup.yaml:4:27: target 'Ar Riyad' is the same place as 'Riyadh' (line 4, column 11): Riyadh (capital, SA); list it once"), "\(result.stderr)")

        let map = try threatmap("map", ["dup.yaml", "--output-dir", "out"], in: scratch.url)
        #expect(map.status == 65, "\(map)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out/duplicates.svg")))
    }

    @Test("two site entries that are one place are an error")
    func duplicateSites() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try Data("""
            title: Sites
            systems: [Zolfaghar]
            sites: [Jurf al-Sakhar, Jurf as-Sakhr]
            targets: [Riyadh]
            outputs:
              stem: sites

            """.utf8).write(to: scratch.url.appendingPathComponent("sites.yaml"))
        let result = try threatmap("validate", ["sites.yaml"], in: scratch.url)
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("sites.yaml:3:25: site 'Jurf as-Sakhr' is the same place as 'Jurf al-Sakhar'"), "\(result.stderr)")
    }

    @Test("validate and map warn about loose names at their lines; the brief lists them")
    func scenarioWarnings() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try Data("""
            title: Loose names
            systems: [Zolfaghar]
            sites: [Jurf al-Sakhar]
            targets:
              - Hewler
              - Heet
            outputs:
              stem: loose
              formats: [md]

            """.utf8).write(to: scratch.url.appendingPathComponent("loose.yaml"))
        let warnings = """
            threatmap: warning: loose.yaml:5:5: 'Hewler' resolved to Erbil (city, IQ) by alias
            threatmap: warning: loose.yaml:6:5: 'Heet' resolved to Hīt (town, IQ) by loose match

            """
        let validate = try threatmap("validate", ["loose.yaml"], in: scratch.url)
        #expect(validate.status == 0, "\(validate)")
        #expect(validate.stdout == "ok loose.yaml\n")
        #expect(validate.stderr == warnings, "\(validate.stderr)")

        let map = try threatmap("map", ["loose.yaml", "--output-dir", "out"], in: scratch.url)
        #expect(map.status == 0, "\(map)")
        #expect(map.stderr == warnings, "\(map.stderr)")
        let brief = try String(contentsOfFile: scratch.path("out/loose.md"), encoding: .utf8)
        #expect(brief.contains("## Names to check\n\n- line 5: 'Hewler' resolved to Erbil \\(city, IQ\\) by alias\n"), "\(brief)")
        #expect(brief.contains("- line 6: 'Heet' resolved to Hīt \\(town, IQ\\) by loose match\n"), "\(brief)")

        let quiet = try threatmap("validate", ["loose.yaml", "--quiet"], in: scratch.url)
        expectSuccess(quiet)
    }
}
