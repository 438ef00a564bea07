import Foundation
import Testing
import Gazetteer

@Suite struct CSVTableTests {
    @Test func plainRowsWithLineNumbers() throws {
        let table = try CSVTable(text: "name,latitude\nBaghdad,33.34\nRiyadh,24.69\n", source: "t.csv")
        #expect(table.header == ["name", "latitude"])
        #expect(table.rows.map(\.fields) == [["Baghdad", "33.34"], ["Riyadh", "24.69"]])
        #expect(table.rows.map(\.line) == [2, 3])
    }

    @Test func lastRowWithoutNewline() throws {
        let table = try CSVTable(text: "a,b\n1,2", source: "t.csv")
        #expect(table.rows.map(\.fields) == [["1", "2"]])
        #expect(table.rows.map(\.line) == [2])
    }

    @Test func quotedFieldsKeepCommasAndDoubledQuotes() throws {
        let text = "name,source\n"
            + "\"Embassy of the United States, Baghdad\",\"Wikipedia 'Embassy', \"\"coordinates\"\"\"\n"
            + "plain,\"x\"\n"
        let table = try CSVTable(text: text, source: "t.csv")
        #expect(table.rows.count == 2)
        #expect(table.rows[0].fields == ["Embassy of the United States, Baghdad", "Wikipedia 'Embassy', \"coordinates\""])
        #expect(table.rows[1].fields == ["plain", "x"])
        #expect(table.rows[1].line == 3)
    }

    @Test func emptyQuotedAndEmptyPlainFields() throws {
        let table = try CSVTable(text: "a,b,c\n\"\",,\"\"\"\"\n", source: "t.csv")
        #expect(table.rows.map(\.fields) == [["", "", "\""]])
    }

    @Test func newlinesInsideQuotesAdvanceLineNumbers() throws {
        let text = "name,note\nA,\"first\nsecond\nthird\"\nB,after\n"
        let table = try CSVTable(text: text, source: "t.csv")
        #expect(table.rows.map(\.fields) == [["A", "first\nsecond\nthird"], ["B", "after"]])
        #expect(table.rows.map(\.line) == [2, 5])
    }

    @Test func crlfLineEndings() throws {
        let text = "name,note\r\nA,\"x\r\ny\"\r\nB,z\r\n"
        let table = try CSVTable(text: text, source: "t.csv")
        #expect(table.header == ["name", "note"])
        #expect(table.rows.map(\.fields) == [["A", "x\r\ny"], ["B", "z"]])
        #expect(table.rows.map(\.line) == [2, 4])
    }

    @Test func byteOrderMarkIsNotPartOfTheFirstColumn() throws {
        let table = try CSVTable(text: "\u{FEFF}name,kind\nBaghdad,capital\n", source: "t.csv")
        #expect(table.header == ["name", "kind"])
        #expect(try table.column("name", source: "t.csv") == 0)
    }

    @Test func byteOrderMarkInAFileOnDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bom-\(UUID().uuidString).csv")
        try Data([0xEF, 0xBB, 0xBF] + Array("name,kind\nBaghdad,capital\n".utf8)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let table = try CSVTable(contentsOf: url)
        #expect(table.header == ["name", "kind"])
        #expect(table.rows.map(\.fields) == [["Baghdad", "capital"]])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let table = try CSVTable(text: "a,b\n\n1,2\n\n\n3,4\n", source: "t.csv")
        #expect(table.rows.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(table.rows.map(\.line) == [3, 6])
    }

    @Test func headerNamesAreTrimmed() throws {
        let table = try CSVTable(text: " name , kind \nx,y\n", source: "t.csv")
        #expect(table.header == ["name", "kind"])
        #expect(table.rows[0].fields == ["x", "y"])
    }

    @Test func wrongFieldCountNamesTheLine() {
        let text = "name,latitude,longitude\nBaghdad,33.34,44.40\nRiyadh,24.69\n"
        let error = #expect(throws: CSVError.self) { try CSVTable(text: text, source: "places.csv") }
        #expect(error == .fieldCount(source: "places.csv", line: 3, expected: 3, found: 2))
        #expect(error?.description == "places.csv:3: expected 3 fields as in the header, found 2")
    }

    @Test func wrongFieldCountAfterAMultilineFieldNamesTheRightLine() {
        let text = "a,b\n1,\"two\nlines\"\n3,4,5\n"
        #expect(throws: CSVError.fieldCount(source: "t.csv", line: 4, expected: 2, found: 3)) {
            try CSVTable(text: text, source: "t.csv")
        }
    }

    @Test func unterminatedQuoteNamesTheLineWhereTheFieldStarts() {
        let text = "a,b\n1,2\n3,\"never closed\n4,5\n"
        let error = #expect(throws: CSVError.self) { try CSVTable(text: text, source: "t.csv") }
        #expect(error == .unterminatedQuote(source: "t.csv", line: 3))
        #expect(error?.description == "t.csv:3: a quoted field is never closed")
    }

    @Test func emptyTextHasNoHeader() {
        #expect(throws: CSVError.empty(source: "t.csv")) { try CSVTable(text: "", source: "t.csv") }
        #expect(throws: CSVError.empty(source: "t.csv")) { try CSVTable(text: "\n\n", source: "t.csv") }
    }

    @Test func columnLookup() throws {
        let table = try CSVTable(text: "name,aliases,latitude\n", source: "t.csv")
        #expect(table.rows.isEmpty)
        #expect(try table.column("latitude", source: "t.csv") == 2)
        let error = #expect(throws: CSVError.self) { try table.column("longitude", source: "t.csv") }
        #expect(error == .missingColumn(source: "t.csv", name: "longitude"))
        #expect(error?.description == "t.csv:1: the header has no column 'longitude'")
    }

    @Test func unreadableFileIsReported() {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID().uuidString).csv")
        let error = #expect(throws: CSVError.self) { try CSVTable(contentsOf: url) }
        guard case let .unreadable(source, _) = error else {
            Issue.record("expected unreadable, got \(String(describing: error))")
            return
        }
        #expect(source == url.path)
    }

    /// A lone carriage return ends a record outside quotes, so inside quotes
    /// it must count as a line break too, or later line numbers drift.
    @Test func loneCarriageReturnsInsideQuotesAdvanceLineNumbers() throws {
        let table = try CSVTable(text: "a,b\r1,\"x\ry\"\r3,4\r", source: "t.csv")
        #expect(table.rows.map(\.fields) == [["1", "x\ry"], ["3", "4"]])
        #expect(table.rows.map(\.line) == [2, 4])
    }
}
