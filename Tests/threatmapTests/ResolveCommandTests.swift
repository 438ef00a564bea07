import Foundation
import Testing

@Suite("threatmap resolve")
struct ResolveCommandTests {
    @Test("--verbose reports the load on stderr; --quiet silences a GeoNames dump's warnings, not its errors")
    func verbosity() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        // A GeoNames dump with one good row and one with latitude 95.
        let good = ["1", "Testville", "Testville", "", "33.1", "44.2", "P", "PPL", "IQ", "", "", "", "", "", "1000", "", "", "Asia/Baghdad", "2024-01-01"]
        var bad = good
        bad[0] = "2"; bad[1] = "Badville"; bad[4] = "95"
        try Data((good.joined(separator: "\t") + "\n" + bad.joined(separator: "\t") + "\n").utf8)
            .write(to: scratch.url.appendingPathComponent("dump.txt"))

        let verbose = try threatmap("resolve", ["Testville", "--gazetteer", "dump.txt", "--verbose"], in: scratch.url)
        #expect(verbose.status == 0, "\(verbose)")
        #expect(verbose.stdout.contains("Testville"))
        #expect(verbose.stderr.contains("threatmap: warning: "), "\(verbose.stderr)")
        #expect(verbose.stderr.contains("dump.txt:2"), "\(verbose.stderr)")
        #expect(verbose.stderr.contains("threatmap: loaded "), "\(verbose.stderr)")

        let quiet = try threatmap("resolve", ["Testville", "--gazetteer", "dump.txt", "--quiet"], in: scratch.url)
        expectSuccess(quiet)
        #expect(quiet.stdout == verbose.stdout)

        let failing = try threatmap("resolve", ["Narnia", "--gazetteer", "dump.txt", "--quiet"], in: scratch.url)
        #expect(failing.status == 65)
        #expect(failing.stderr.contains("unknown place 'Narnia'"))
    }

    @Test("names, spellings and a coordinate resolve to JSON objects with the documented keys")
    func resolveJSON() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap(
            "resolve", ["Baghdad", "Hewler", "Karbalā'", "32.87,44.15", "--format", "json"], in: scratch.url
        )
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "threatmap: warning: 'Hewler' resolved to Erbil (city, IQ) by alias\n", "\(result.stderr)")
        let objects = try #require(try parseJSON(result.stdout) as? [[String: Any]], "stdout is not a JSON array of objects")
        try #require(objects.count == 4)
        let keys: Set<String> = ["query", "name", "latitude", "longitude", "kind", "country", "source", "match"]
        for object in objects {
            #expect(Set(object.keys) == keys)
            #expect(object["latitude"] is Double)
            #expect(object["longitude"] is Double)
            #expect((object["source"] as? String)?.isEmpty == false)
        }
        #expect(objects.map { $0["query"] as? String } == ["Baghdad", "Hewler", "Karbalā'", "32.87,44.15"])
        #expect(objects.map { $0["name"] as? String } == ["Baghdad", "Erbil", "Karbala", "32.87,44.15"])
        #expect(objects.map { $0["country"] as? String } == ["IQ", "IQ", "IQ", ""])
        #expect(objects.map { $0["match"] as? String } == ["exact", "alias", "exact", "coordinate"])
        #expect(objects[3]["kind"] as? String == "coordinate")
        #expect(objects[3]["latitude"] as? Double == 32.87)
        #expect(objects[3]["longitude"] as? Double == 44.15)
        // Baghdad (GeoNames 98182): 33.34058 N, 44.40088 E.
        #expect(objects[0]["latitude"] as? Double == 33.34058)
        #expect(objects[0]["longitude"] as? Double == 44.40088)
    }

    @Test("a negative coordinate is taken as a positional place, not an option")
    func negativeCoordinate() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let table = try threatmap("resolve", ["-33.92,18.42"], in: scratch.url)
        expectSuccess(table)
        let lines = table.stdout.split(separator: "\n")
        try #require(lines.count == 3, "expected header, rule and one row: \(table.stdout)")
        #expect(lines[2].hasPrefix("-33.92,18.42"))
        #expect(lines[2].contains("-33.92000"))
        #expect(lines[2].contains("18.42000"))

        let json = try threatmap("resolve", ["--format", "json", "-33.92,18.42"], in: scratch.url)
        expectSuccess(json)
        let objects = try #require(try parseJSON(json.stdout) as? [[String: Any]])
        try #require(objects.count == 1)
        #expect(objects[0]["latitude"] as? Double == -33.92)
        #expect(objects[0]["longitude"] as? Double == 18.42)
        #expect(objects[0]["kind"] as? String == "coordinate")
    }

    @Test("CSV quotes a query and a source that hold commas")
    func resolveCSV() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("resolve", ["Green Zone", "-33.92,18.42", "--format", "csv"], in: scratch.url)
        expectSuccess(result)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        try #require(lines.count == 4, "expected header, two rows and a final newline: \(result.stdout)")
        #expect(lines[0] == "query,name,latitude,longitude,kind,country,source,match")
        #expect(lines[1].hasPrefix("Green Zone,Green Zone,33.30758,44.39026,district,IQ,\"Wikipedia"))
        #expect(lines[1].hasSuffix("= 33.307577, 44.390259)\",exact"))
        #expect(lines[2] == "\"-33.92,18.42\",\"-33.92,18.42\",-33.92000,18.42000,coordinate,,coordinate given by the user,coordinate")
        #expect(lines[3].isEmpty)
    }

    @Test("MGRS and UTM read as coordinates; --coordinates writes them; a bad reference names what is wrong")
    func gridReferences() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("resolve", ["38SMB4424889204", "38N 444248.5 3689204.5", "Baghdad",
                                               "--coordinates", "mgrs", "--format", "csv"], in: scratch.url)
        expectSuccess(result)
        let mgrs = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[2] }
        #expect(mgrs == ["38SMB4424889204", "38SMB4424889204", "38SMB4424889204"], "\(result.stdout)")

        for (text, message) in [("38IMB12", "'I' is not a latitude band"), ("61N 500000 4000000", "zone 61 is not a UTM zone"),
                                ("38SMN12", "100 km square MN lies outside the latitudes of grid zone 38S")] {
            let bad = try threatmap("rings", ["--from", text, "--range", "1km"], in: scratch.url)
            #expect(bad.status != 0 && bad.stderr.contains(message), "\(text): \(bad)")
        }
    }
}
