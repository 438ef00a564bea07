import Foundation
import GeoModel
import Testing
import ThreatModel

@Suite struct TargetCSVReaderTests {
    /// Every chunk of `url` read with `chunkSize` targets and `readSize`-byte reads, in order.
    func chunks(_ url: URL, chunkSize: Int, readSize: Int) throws -> (chunks: [TargetList], summary: TargetCSVReader.Summary) {
        var chunks = [TargetList]()
        let summary = try TargetCSVReader(url: url, chunkSize: chunkSize, readSize: readSize).forEachChunk { chunks.append($0) }
        return (chunks, summary)
    }

    /// 500 rows mixing plain, quoted (commas, doubled quotes), padded and
    /// non-ASCII names, CRLF and LF endings, blank lines, and a last line
    /// without a line break: the expected names and points beside the text.
    static func awkwardFile() -> (text: String, names: [String], coordinates: [Coordinate]) {
        var text = "\u{FEFF}Name , LAT,extra,lon\r\n"
        var names = [String]()
        var coordinates = [Coordinate]()
        for index in 0..<500 {
            let latitude = Double(index % 180) - 89.5, longitude = Double(index) * 0.7 - 175.25
            let name: String, field: String
            switch index % 5 {
            case 0: (name, field) = ("site \(index)", "site \(index)")
            case 1: (name, field) = ("Tal \(index), \"north\"", "\"Tal \(index), \"\"north\"\"\"")
            case 2: (name, field) = ("Zürich-\(index)", "  Zürich-\(index)  ")
            case 3: (name, field) = ("a,b,\(index)", "\"a,b,\(index)\"")
            default: (name, field) = ("\(index)", "\"\(index)\"")
            }
            names.append(name)
            coordinates.append(Coordinate(latitude: latitude, longitude: longitude))
            text += "\(field),\(latitude),\"x,y\",\"\(longitude)\""
            text += index % 3 == 0 ? "\r\n" : "\n"
            if index % 97 == 0 { text += "\n  \r\n" }
        }
        text.removeLast(text.hasSuffix("\r\n") ? 2 : 1)  // no line break after the last row
        return (text, names, coordinates)
    }

    @Test(arguments: [(1, 7), (3, 13), (64, 64), (499, 1 << 20), (100_000, 5)])
    func recordsStraddlingReadsAndChunksComeOutWhole(_ sizes: (chunk: Int, read: Int)) throws {
        let file = Self.awkwardFile()
        let url = try TestData.temporaryFile(file.text, name: "targets.csv")
        defer { TestData.remove(url) }
        let (chunks, summary) = try chunks(url, chunkSize: sizes.chunk, readSize: sizes.read)
        #expect(chunks.allSatisfy { $0.count >= 1 && $0.count <= sizes.chunk })
        #expect(chunks.dropLast().allSatisfy { $0.count == sizes.chunk })
        #expect(chunks.flatMap(\.names) == file.names)
        #expect(chunks.flatMap(\.coordinates) == file.coordinates)
        #expect(summary.count == 500)
        #expect(summary.longestName == file.names.map(\.count).max())
    }

    @Test func theWholeFileReaderGivesTheSameTargets() throws {
        let file = Self.awkwardFile()
        let url = try TestData.temporaryFile(file.text, name: "targets.csv")
        defer { TestData.remove(url) }
        let list = try TargetFile.read(url)
        #expect(list.names == file.names)
        #expect(list.coordinates == file.coordinates)
    }

    @Test func invalidUTF8NamesItsLine() throws {
        var bytes = Data("name,lat,lon\nA,1,2\n".utf8)
        bytes.append(contentsOf: [0x42, 0xC3, 0x28, 0x2C, 0x31, 0x2C, 0x32, 0x0A])  // "B\xC3(,1,2"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("targets-\(UUID().uuidString).csv")
        try bytes.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ThreatModelError.badData(source: url.path, line: 3, reason: "not UTF-8 text")) {
            try TargetCSVReader(url: url).forEachChunk { _ in }
        }
    }

    @Test func aBadRowAfterSeveralChunksStillNamesItsLine() throws {
        let rows = (0..<50).map { "t\($0),\($0 % 80),\($0)" }.joined(separator: "\n")
        let url = try TestData.temporaryFile("name,lat,lon\n" + rows + "\nbad,91,0\n", name: "targets.csv")
        defer { TestData.remove(url) }
        var seen = 0
        do throws(ThreatModelError) {
            try TargetCSVReader(url: url, chunkSize: 8, readSize: 16).forEachChunk { seen += $0.count }
            Issue.record("a latitude of 91 was accepted")
        } catch {
            #expect(error.line == 52)
            #expect(error.description.contains("latitude 91"), "\(error)")
        }
        #expect(seen == 48)
    }
}

private extension ThreatModelError {
    var line: Int? {
        if case let .badData(_, line, _) = self { return line }
        return nil
    }
}
