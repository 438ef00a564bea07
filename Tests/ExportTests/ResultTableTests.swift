import Export
import Foundation
import Testing

/// Two rows shaped like the reach table.
private let reachTable = ResultTable(
    columns: ["site", "distance_km", "in_range"],
    rows: [
        [.text("Baghdad"), .number(55.381973098, decimals: 1), .bool(true)],
        [.text("Riyadh"), .number(938.890240047, decimals: 1), .bool(false)],
    ]
)

@Suite("ResultTable")
struct ResultTableTests {
    // MARK: text

    @Test("text pads text columns on the right and numbers on the left")
    func textAlignment() {
        let expected = """
        site     distance_km  in_range
        -------  -----------  --------
        Baghdad         55.4  yes
        Riyadh         938.9  no

        """
        #expect(reachTable.text() == expected)
    }

    @Test("text widths follow the widest cell, not the header")
    func textWidthFromCells() {
        let table = ResultTable(columns: ["a", "b"], rows: [
            [.text("a long name"), .text("x")],
            [.text("s"), .text("y")],
        ])
        let expected = """
        a            b
        -----------  -
        a long name  x
        s            y

        """
        #expect(table.text() == expected)
    }

    @Test("a number in the first column stays right-aligned")
    func textNumericFirstColumn() {
        let table = ResultTable(columns: ["n", "name"], rows: [
            [.number(5, decimals: 0), .text("a")],
            [.number(100, decimals: 0), .text("b")],
        ])
        let expected = """
          n  name
        ---  ----
          5  a
        100  b

        """
        #expect(table.text() == expected)
    }

    // MARK: CSV

    @Test("CSV has the header line, true/false for bools and fixed decimals for numbers")
    func csvPlain() {
        let expected = """
        site,distance_km,in_range
        Baghdad,55.4,true
        Riyadh,938.9,false

        """
        #expect(reachTable.csv() == expected)
    }

    @Test("CSV quotes fields holding commas or quotes (RFC 4180); line breaks are shown escaped")
    func csvQuoting() {
        let table = ResultTable(columns: ["name", "note, with comma"], rows: [
            [.text("Embassy of the United States, Baghdad"), .text(#"the "Green Zone""#)],
            [.text("two\nlines"), .text("carriage\rreturn")],
            [.text("plain"), .text("")],
        ])
        let expected = "name,\"note, with comma\"\n"
            + "\"Embassy of the United States, Baghdad\",\"the \"\"Green Zone\"\"\"\n"
            + "two\\x0Alines,carriage\\x0Dreturn\n"
            + "plain,\n"
        #expect(table.csv() == expected)
    }

    @Test("CSV shows a CRLF line break inside a field escaped")
    func csvEscapesCRLF() {
        // "\r\n" is a single Character in Swift, neither "\r" nor "\n" on its own.
        let table = ResultTable(columns: ["note"], rows: [[.text("first\r\nsecond")]])
        #expect(table.csv() == "note\nfirst\\x0D\\x0Asecond\n")
    }

    /// OWASP's guidance on CSV injection: a cell that a spreadsheet would
    /// run as a formula gets a leading apostrophe and quotes; numbers stay numbers.
    @Test("CSV neutralises text cells that begin like a formula", arguments: ["=1+1", "+A1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "=HYPERLINK(\"x\")"])
    func csvNeutralisesFormulas(_ text: String) {
        let table = ResultTable(columns: ["name", "value"], rows: [[.text(text), .number(-2.5, decimals: 1)]])
        let escaped = "\"'" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        #expect(table.csv() == "name,value\n\(escaped),-2.5\n")
    }

    @Test("CSV keeps coordinates and signed numbers given as text")
    func csvKeepsCoordinates() {
        let table = ResultTable(columns: ["site", "target"], rows: [[.text("-33.92,18.42"), .text("-5")]])
        #expect(table.csv() == "site,target\n\"-33.92,18.42\",-5\n")
    }

    @Test("text and CSV show control characters escaped")
    func controlCharactersEscaped() {
        let table = ResultTable(columns: ["name"], rows: [[.text("Basra\u{1B}[31m\u{07}")]])
        #expect(table.csv() == "name\nBasra\\x1B[31m\\x07\n")
        #expect(table.text().contains("Basra\\x1B[31m\\x07"))
        #expect(!table.text().contains("\u{1B}"))
    }

    // MARK: JSON

    private struct ReachRow: Decodable, Equatable {
        var site: String
        var distance_km: Double
        var in_range: Bool
    }

    @Test("JSON parses back with typed values: strings, numbers at full precision, bools")
    func jsonTypes() throws {
        let text = reachTable.json()
        let rows = try JSONDecoder().decode([ReachRow].self, from: Data(text.utf8))
        #expect(rows == [
            ReachRow(site: "Baghdad", distance_km: 55.381973098, in_range: true),
            ReachRow(site: "Riyadh", distance_km: 938.890240047, in_range: false),
        ])
        // Bools are JSON literals, numbers are bare: no quoted "yes"/"55.4".
        #expect(text.contains(#""in_range": true"#))
        #expect(text.contains(#""in_range": false"#))
        #expect(text.contains(#""distance_km": 938.890240047"#))
        #expect(!text.contains("\"yes\""))

        let objects = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(objects.count == 2)
        for object in objects {
            #expect(Set(object.keys) == ["site", "distance_km", "in_range"])
        }
    }

    @Test("JSON escapes awkward text and turns non-finite numbers into null")
    func jsonEscapingAndNull() throws {
        let awkward = "quote \" backslash \\ newline \n tab \t control \u{01} <script>"
        let table = ResultTable(columns: ["name", "value"], rows: [[.text(awkward), .number(.infinity, decimals: 1)]])
        let objects = try #require(
            try JSONSerialization.jsonObject(with: Data(table.json().utf8)) as? [[String: Any]]
        )
        try #require(objects.count == 1)
        #expect(objects[0]["name"] as? String == awkward)
        #expect(objects[0]["value"] is NSNull)
    }

    @Test("JSON of a table without rows is an empty array")
    func jsonEmpty() throws {
        let table = ResultTable(columns: ["a"], rows: [])
        #expect(table.json() == "[]\n")
        let parsed = try JSONSerialization.jsonObject(with: Data(table.json().utf8)) as? [Any]
        #expect(parsed?.isEmpty == true)
    }
}
