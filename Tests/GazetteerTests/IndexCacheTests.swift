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

    @Test func aDamagedCacheIsIgnored() throws {
        let directory = try Self.scratchDataDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let expected = Self.answers(try Gazetteer(dataDirectory: directory))
        let cache = directory.appendingPathComponent(IndexCache.fileName)
        var bytes = try [UInt8](Data(contentsOf: cache))
        // Row ranges (after the header) overwritten, then the file cut short.
        for index in 200..<4000 { bytes[index] = 0xFF }
        try Data(bytes).write(to: cache)
        #expect(Self.answers(try Gazetteer(dataDirectory: directory)) == expected)
        try Data(bytes.prefix(bytes.count / 2)).write(to: cache)
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
