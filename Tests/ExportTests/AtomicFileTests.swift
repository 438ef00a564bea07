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

@Suite("OutputFiles")
struct OutputFilesTests {
    private func mode(_ url: URL) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    @Test("keeps the permissions of the file it replaces")
    func keepsMode() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.url.appendingPathComponent("private.csv")
        try Data("old\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        try AtomicFile.write("new\n", to: file)
        #expect(try mode(file) == 0o600)
        #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
    }

    @Test("refuses a read-only target and leaves it as it was")
    func refusesReadOnly() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.url.appendingPathComponent("published.svg")
        try Data("<svg/>".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        let error = #expect(throws: ExportError.self) { try AtomicFile.write("<svg></svg>", to: file) }
        #expect(error?.description.contains("read-only") == true)
        #expect(try String(contentsOf: file, encoding: .utf8) == "<svg/>")
        #expect(try mode(file) == 0o444)
        #expect(try scratch.contents() == ["published.svg"])
    }

    @Test("replaces a symbolic link at the target without writing through it")
    func doesNotWriteThroughLinks() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let victim = scratch.url.appendingPathComponent("victim.txt")
        try Data("precious".utf8).write(to: victim)
        let link = scratch.url.appendingPathComponent("map.svg")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim)
        try AtomicFile.write("<svg/>", to: link)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        #expect(try String(contentsOf: link, encoding: .utf8) == "<svg/>")
        #expect(try FileManager.default.attributesOfItem(atPath: link.path)[.type] as? FileAttributeType == .typeRegular)
    }

    @Test("writes every file or none: one target in the way leaves all the others untouched")
    func allOrNone() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let old = scratch.url.appendingPathComponent("s.geojson")
        try Data("old".utf8).write(to: old)
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("s.md"), withIntermediateDirectories: false)
        var files = OutputFiles()
        files.add("new geojson", to: old)
        files.add("new svg", to: scratch.url.appendingPathComponent("s.svg"))
        files.add("new md", to: scratch.url.appendingPathComponent("s.md"))
        let error = #expect(throws: ExportError.self) { try files.commit() }
        #expect(cannotWritePath(error) == scratch.url.appendingPathComponent("s.md").path)
        #expect(try String(contentsOf: old, encoding: .utf8) == "old")
        #expect(try scratch.contents() == ["s.geojson", "s.md"], "staged files left behind")
    }

    @Test("commits several files in one go")
    func commitsAll() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var files = OutputFiles()
        for name in ["a.csv", "b.svg", "c.md"] { files.add(name, to: scratch.url.appendingPathComponent(name)) }
        try files.commit()
        #expect(try scratch.contents() == ["a.csv", "b.svg", "c.md"])
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("b.svg"), encoding: .utf8) == "b.svg")
    }
}
