import Foundation
import Testing
@testable import Gazetteer

/// The index cache beside the data: written on the first load, read back
/// with the same answers, rebuilt when an input changes or it is damaged.
@Suite struct IndexCacheTests {
    /// A scratch data directory: the bundled datasets linked, `places.csv` copied.
    static func scratchDataDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("index-cache-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in [BundleFile.fileName, BundleFile.areasFileName] {
            try FileManager.default.createSymbolicLink(
                at: directory.appendingPathComponent(name), withDestinationURL: TestData.dataDirectory.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: TestData.places, to: directory.appendingPathComponent("places.csv"))
        return directory
    }

    /// Queries touching every path: exact names, aliases, codes, qualifiers,
    /// loose spellings, unknown names (their suggestions).
    static func answers(_ gazetteer: Gazetteer) -> [String] {
        var queries = ["Baghdad", "Bagdatum", "ORAA", "code:IQ", "Tripoli, LB", "Karbala, IQ", "al Basrah", "Hewler",
                       "ain al asad", "Baghdadd", "Mosull", "qqq", "Anbar", "Kum"]
        let places = gazetteer.places
        for index in stride(from: 0, to: places.count, by: 211) {
            queries.append(places[index].name)
            queries += places[index].aliases.suffix(1)
        }
        return queries.map { query in
            do {
                let candidates = try gazetteer.candidates(for: query, limit: 5)
                return "\(query): " + candidates.map { "\($0.place.name) \($0.place.source) \($0.match) \($0.score)" }.joined(separator: "; ")
            } catch {
                return "\(query): \(error)"
            }
        }
    }

    @Test func aCachedLoadAnswersAsABuiltOne() throws {
        let directory = try Self.scratchDataDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = directory.appendingPathComponent(IndexCache.fileName)
        let built = try Gazetteer(dataDirectory: directory)
        #expect(FileManager.default.fileExists(atPath: cache.path), "the first load writes the cache")
        let cached = try Gazetteer(dataDirectory: directory)
        #expect(cached.count == built.count)
        #expect(Self.answers(cached) == Self.answers(built))
        #expect(cached.places(named: "Baghdad") == built.places(named: "Baghdad"))
        #expect(cached.suggestions(for: "Karbalaa") == built.suggestions(for: "Karbalaa"))
    }

    @Test func anEditedInputRebuildsTheCache() throws {
        let directory = try Self.scratchDataDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try Gazetteer(dataDirectory: directory)
        let places = directory.appendingPathComponent("places.csv")
        var text = try String(contentsOf: places, encoding: .utf8)
        text += "Qaryat Testiyah,Testiyah Village,33.1,44.1,town,IQ,test row,\n"
        try text.write(to: places, atomically: true, encoding: .utf8)
        let edited = try Gazetteer(dataDirectory: directory)
        #expect(try edited.resolve("Testiyah Village").name == "Qaryat Testiyah")
        let again = try Gazetteer(dataDirectory: directory)
        #expect(try again.resolve("Qaryat Testiyah").coordinate == edited.resolve("Qaryat Testiyah").coordinate)
    }

    /// `gazetteer.tsv` is known by its size, inode and times rather than a
    /// hash of its bytes: a replaced file, or one written in place at the
    /// same size, still makes the cache stale.
    @Test func aReplacedOrRewrittenBundleRebuildsTheCache() throws {
        let directory = try Self.scratchDataDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try Gazetteer(dataDirectory: directory)
        let tsv = directory.appendingPathComponent(BundleFile.fileName)
        var bytes = try [UInt8](Data(contentsOf: tsv))
        let name = Array("\tKarbala|".utf8)
        let at = try #require((0...(bytes.count - name.count)).first { bytes[$0..<($0 + name.count)].elementsEqual(name) })
        bytes.replaceSubrange((at + 1)..<(at + 8), with: Array("Qarbalu".utf8))
        try FileManager.default.removeItem(at: tsv)
        try Data(bytes).write(to: tsv)
        #expect(try Gazetteer(dataDirectory: directory).places(named: "Qarbalu").count == 1)

        // One byte rewritten in place: same size, same inode.
        let handle = try FileHandle(forWritingTo: tsv)
        try handle.seek(toOffset: UInt64(at + 7))
        try handle.write(contentsOf: Array("x".utf8))
        try handle.close()
        let rewritten = try Gazetteer(dataDirectory: directory)
        #expect(rewritten.places(named: "Qarbalu").isEmpty)
        #expect(rewritten.places(named: "Qarbalx").count == 1)
    }

    /// Damage the header or the size catches: the cache is ignored and
    /// rebuilt, and the rebuilt one is read again.
    @Test func aDamagedCacheIsIgnored() throws {
        let directory = try Self.scratchDataDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let expected = Self.answers(try Gazetteer(dataDirectory: directory))
        let cache = directory.appendingPathComponent(IndexCache.fileName)
        let intact = try [UInt8](Data(contentsOf: cache))
        var bytes = intact
        // The row count of the header (a size no longer matching the file),
        // then the file cut short.
        bytes[8 * (2 + IndexCache.fingerprintWords)] ^= 1
        try Data(bytes).write(to: cache)
        #expect(Self.answers(try Gazetteer(dataDirectory: directory)) == expected)
        // Rewritten: the same header and size (struct padding may differ).
        func rewritten() throws -> Bool {
            let bytes = try [UInt8](Data(contentsOf: cache))
            return bytes.count == intact.count && bytes.prefix(8 * IndexCache.headerWords) == intact.prefix(8 * IndexCache.headerWords)
        }
        #expect(try rewritten(), "the load rewrote the cache")
        try Data(intact.prefix(intact.count / 2)).write(to: cache)
        #expect(Self.answers(try Gazetteer(dataDirectory: directory)) == expected)
        #expect(try rewritten())
        // A link naming a row past the bundled rows.
        bytes = intact
        let sections = try #require(bytes.withUnsafeBytes { IndexCache.Sections($0) })
        #expect(sections.linkCount > 0)
        for offset in sections.links..<(sections.links + 4) { bytes[offset] = 0x7F }
        try Data(bytes).write(to: cache)
        #expect(Self.answers(try Gazetteer(dataDirectory: directory)) == expected)
        #expect(try rewritten())
    }

    /// Damage past the header, which loading does not look at: each value is
    /// checked where it is read, so what it spoils is not found and the rest
    /// answers as before.
    @Test func damagePastTheHeaderSpoilsOnlyWhatItTouches() throws {
        let directory = try Self.scratchDataDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let built = try Gazetteer(dataDirectory: directory)
        let expected = Self.answers(built)
        let cache = directory.appendingPathComponent(IndexCache.fileName)
        let intact = try [UInt8](Data(contentsOf: cache))
        let sections = try #require(intact.withUnsafeBytes { IndexCache.Sections($0) })
        let stride = MemoryLayout<TextRow>.stride

        // A bundled row of Karbala no override stands for: its kind byte,
        // then a name range past the text.
        let karbala = try #require(built.exact.rows(for: Folding.exactKey("Karbala")).first {
            Int($0) < sections.rowCount && built.redirects[$0] == nil
        })
        let rowStart = sections.rows + Int(karbala) * stride
        var bytes = intact
        bytes[rowStart + MemoryLayout<TextRow>.offset(of: \TextRow.kind)!] = 0xFF
        try Data(bytes).write(to: cache)
        var damaged = try Gazetteer(dataDirectory: directory)
        #expect(!damaged.exact.rows(for: Folding.exactKey("Karbala")).contains(karbala))
        #expect(damaged.places(named: "Karbala") == built.places(named: "Karbala").filter { $0 != (try? built.place(ofRow: karbala)) })
        #expect(throws: GazetteerError.self) { try damaged.place(ofRow: karbala) }
        #expect(try damaged.resolve("Baghdad") == built.resolve("Baghdad"))
        bytes = intact
        let namesUpper = rowStart + MemoryLayout<TextRow>.offset(of: \TextRow.names)! + 8
        withUnsafeBytes(of: Int.max) { for (index, byte) in $0.enumerated() { bytes[namesUpper + index] = byte } }
        try Data(bytes).write(to: cache)
        damaged = try Gazetteer(dataDirectory: directory)
        #expect(!damaged.exact.rows(for: Folding.exactKey("Karbala")).contains(karbala))
        #expect(damaged.names(ofRow: karbala).isEmpty)
        #expect(try damaged.resolve("Baghdad") == built.resolve("Baghdad"))

        // Every bucket start, every entry, every key byte overwritten in
        // turn: the exact table finds nothing, or nothing wrong, and
        // nothing reads outside the file.
        for section in [sections.starts..<sections.entries, sections.entries..<sections.keyBytes, sections.keyBytes..<sections.links] {
            bytes = intact
            for offset in section { bytes[offset] = 0xFF }
            try Data(bytes).write(to: cache)
            damaged = try Gazetteer(dataDirectory: directory)
            #expect(damaged.exact.rows(for: Folding.exactKey("Baghdad")).isEmpty)
            _ = Self.answers(damaged)
            _ = damaged.suggestions(for: "Karbalaa")
        }
        // Bucket starts running backwards and past the entries.
        bytes = intact
        for bucket in 0..<sections.startCount {
            let value = Int32(truncatingIfNeeded: bucket % 2 == 0 ? sections.entryCount + bucket : sections.startCount - bucket)
            withUnsafeBytes(of: value) { for (index, byte) in $0.enumerated() { bytes[sections.starts + 4 * bucket + index] = byte } }
        }
        try Data(bytes).write(to: cache)
        damaged = try Gazetteer(dataDirectory: directory)
        _ = Self.answers(damaged)
        _ = damaged.suggestions(for: "Karbalaa")

        // Noise over everything past the header (a fixed seed).
        var generator = SplitMix(seed: 21)
        bytes = intact
        for offset in (8 * IndexCache.headerWords)..<sections.links { bytes[offset] = UInt8(truncatingIfNeeded: generator.next()) }
        try Data(bytes).write(to: cache)
        damaged = try Gazetteer(dataDirectory: directory)
        _ = Self.answers(damaged)
        _ = damaged.suggestions(for: "Karbalaa")
        _ = damaged.places(near: try built.resolve("Baghdad").coordinate, within: .kilometers(20), distance: TestData.distance)

        // And the intact cache answers as a built table.
        try Data(intact).write(to: cache)
        #expect(Self.answers(try Gazetteer(dataDirectory: directory)) == expected)
    }

    /// A cache that cannot be written (a read-only directory, and a
    /// directory in the cache's place, which stops root as well): the load
    /// answers from memory and leaves nothing behind.
    @Test func aCacheThatCannotBeWrittenLoadsInMemory() throws {
        let directory = try Self.scratchDataDirectory()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
            try? FileManager.default.removeItem(at: directory)
        }
        let cache = directory.appendingPathComponent(IndexCache.fileName)
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: false)
        let before = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        let gazetteer = try Gazetteer(dataDirectory: directory)
        #expect(try gazetteer.resolve("Baghdad").source == "GeoNames 98182 (cities15000)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == before)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: cache.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).isEmpty)
    }

    @Test func theHashSeesEveryByte() {
        let bytes = [UInt8](repeating: 7, count: 1000)
        var changed = bytes
        for index in [0, 31, 32, 500, 998, 999] {
            changed[index] ^= 1
            #expect(ContentHash.of(changed) != ContentHash.of(bytes), "byte \(index)")
            changed[index] ^= 1
        }
        #expect(ContentHash.of(bytes) != ContentHash.of(Array(bytes.dropLast())))
    }
}

/// A small seeded generator, so the noise is the same every run.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
