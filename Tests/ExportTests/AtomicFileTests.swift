import Export
import Foundation
import Testing

/// A fresh directory under the system temporary directory, removed by `remove()`.
private struct ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("AtomicFileTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Names in the directory, sorted, hidden files included.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }
}

/// The `.cannotWrite` path of `error`, or nil for any other error.
private func cannotWritePath(_ error: ExportError?) -> String? {
    guard case let .cannotWrite(path, _) = error else { return nil }
    return path
}

@Suite("AtomicFile")
struct AtomicFileTests {
    @Test("writes a new file with exactly the given UTF-8 text")
    func writesNewFile() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.url.appendingPathComponent("map.geojson")
        let text = "{\"name\":\"كربلاء\"}\n🚀 line two\n"
        try AtomicFile.write(text, to: file)
        #expect(try Data(contentsOf: file) == Data(text.utf8))
    }

    @Test("replaces an existing file completely, leaving nothing of the old one")
    func replacesFile() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.url.appendingPathComponent("table.csv")
        try AtomicFile.write(String(repeating: "old content, long\n", count: 100), to: file)
        try AtomicFile.write("new\n", to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
    }

    @Test("leaves no temporary file behind")
    func noTemporaryFile() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.url.appendingPathComponent("map.svg")
        try AtomicFile.write("<svg/>", to: file)
        try AtomicFile.write("<svg></svg>", to: file)
        #expect(try scratch.contents() == ["map.svg"])
    }

    @Test("writing into a missing directory throws .cannotWrite naming the path")
    func missingDirectory() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.url.appendingPathComponent("missing/sub/out.txt")
        let error = #expect(throws: ExportError.self) { try AtomicFile.write("x", to: file) }
        #expect(cannotWritePath(error) == file.path)
        #expect(error?.description.contains(file.path) == true)
        #expect(try scratch.contents().isEmpty)
    }

    @Test("writing below a regular file throws .cannotWrite naming the path")
    func directoryIsAFile() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let blocker = scratch.url.appendingPathComponent("file.txt")
        try Data("I am a file".utf8).write(to: blocker)
        let file = blocker.appendingPathComponent("sub/out.txt")
        let error = #expect(throws: ExportError.self) { try AtomicFile.write("x", to: file) }
        #expect(cannotWritePath(error) == file.path)
        #expect(try scratch.contents() == ["file.txt"])
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "I am a file")
    }

    @Test("writing over a directory throws .cannotWrite and removes its temporary file")
    func targetIsADirectory() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let target = scratch.url.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: target.appendingPathComponent("inside.txt"))
        let error = #expect(throws: ExportError.self) { try AtomicFile.write("x", to: target) }
        #expect(cannotWritePath(error) == target.path)
        #expect(try scratch.contents() == ["taken"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["inside.txt"])
    }

    @Test("prepareDirectory creates missing directories")
    func prepareCreates() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let directory = scratch.url.appendingPathComponent("a/b/c")
        try AtomicFile.prepareDirectory(directory)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory))
        #expect(isDirectory.boolValue)
        try AtomicFile.prepareDirectory(directory)  // an existing directory is fine
    }

    @Test("prepareDirectory below a regular file throws .cannotWrite naming the directory")
    func prepareBelowFile() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let blocker = scratch.url.appendingPathComponent("file.txt")
        try Data().write(to: blocker)
        let directory = blocker.appendingPathComponent("sub")
        let error = #expect(throws: ExportError.self) { try AtomicFile.prepareDirectory(directory) }
        #expect(cannotWritePath(error) == directory.path)
    }
}
