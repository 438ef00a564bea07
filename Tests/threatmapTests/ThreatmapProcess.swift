import Foundation
import Testing

/// What one run of an executable produced.
struct ProcessResult: CustomStringConvertible {
    var status: Int32
    var reason: Process.TerminationReason
    var stdout: String
    var stderr: String

    /// True when the process ended by calling exit, not by a signal.
    var exitedNormally: Bool { reason == .exit }

    var description: String {
        let how = exitedNormally ? "exit status \(status)" : "killed by signal \(status)"
        return "\(how)\n--- stdout ---\n\(stdout.prefix(2000))\n--- stderr ---\n\(stderr.prefix(2000))"
    }
}

enum ProcessFailure: Error, CustomStringConvertible {
    case timedOut(String, seconds: Double)
    case notFound(String)

    var description: String {
        switch self {
        case let .timedOut(command, seconds): "\(command) did not finish within \(Int(seconds)) s"
        case let .notFound(message): message
        }
    }
}

/// Paths of the repository, its data and the built `threatmap` executable.
enum Repository {
    /// The package root: three levels above this file (Tests/threatmapTests/<file>).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled data directory passed to every command as `--data`.
    static let gazetteer = root.appendingPathComponent("Gazetteer", isDirectory: true)

    /// A scenario file from this target's fixtures.
    static func fixture(_ name: String) throws -> URL {
        let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")
        return try #require(url, "fixture \(name) is missing from Tests/threatmapTests/Fixtures")
    }

    /// The `threatmap` executable: `$THREATMAP_BIN`, else the file named
    /// `threatmap` beside the running test binary or in one of its parent
    /// directories.
    static func executable() throws -> URL {
        let fileManager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["THREATMAP_BIN"], !override.isEmpty {
            guard fileManager.isExecutableFile(atPath: override) else {
                throw ProcessFailure.notFound("THREATMAP_BIN=\(override) is not an executable file")
            }
            return URL(fileURLWithPath: override)
        }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        while true {
            let candidate = directory.appendingPathComponent("threatmap")
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               fileManager.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
            if directory.path == "/" || directory.path.isEmpty { break }
            directory.deleteLastPathComponent()
        }
        throw ProcessFailure.notFound(
            "no threatmap executable beside \(testBinary.path) or above it; run `swift build` or set THREATMAP_BIN"
        )
    }
}

/// A fresh directory under the system temporary directory; `remove()` deletes it.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("threatmapTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    func path(_ component: String) -> String { url.appendingPathComponent(component).path }

    /// Paths (relative to the directory) of every regular file inside it, sorted.
    func regularFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(
            at: url, includingPropertiesForKeys: [.isRegularFileKey], options: []
        ) else { return [] }
        var files = [String]()
        let prefix = url.resolvingSymlinksInPath().path + "/"
        for case let item as URL in enumerator {
            guard (try? item.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let full = item.resolvingSymlinksInPath().path
            files.append(full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full)
        }
        return files.sorted()
    }
}

/// Runs `executable` with `arguments` in `directory` and waits for it.
/// stdout and stderr go to files outside `directory`, so the directory only
/// holds what the process itself wrote.
func runProcess(
    _ executable: URL, _ arguments: [String], in directory: URL, input: Data? = nil, timeout: Double = 300
) throws -> ProcessResult {
    let capture = try TemporaryDirectory()
    defer { capture.remove() }
    let stdinURL = capture.url.appendingPathComponent("stdin")
    try (input ?? Data()).write(to: stdinURL)
    let stdinHandle = try FileHandle(forReadingFrom: stdinURL)
    defer { try? stdinHandle.close() }
    let stdoutURL = capture.url.appendingPathComponent("stdout")
    let stderrURL = capture.url.appendingPathComponent("stderr")
    try Data().write(to: stdoutURL)
    try Data().write(to: stderrURL)
    let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
    let stderrHandle = try FileHandle(forWritingTo: stderrURL)
    defer {
        try? stdoutHandle.close()
        try? stderrHandle.close()
    }

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["THREATMAP_DATA"] = nil
    process.environment = environment
    process.standardInput = input == nil ? FileHandle.nullDevice : stdinHandle
    process.standardOutput = stdoutHandle
    process.standardError = stderrHandle
    try process.run()

    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline {
        Thread.sleep(forTimeInterval: 0.01)
    }
    if process.isRunning {
        process.terminate()
        process.waitUntilExit()
        throw ProcessFailure.timedOut(([executable.lastPathComponent] + arguments).joined(separator: " "), seconds: timeout)
    }
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus,
        reason: process.terminationReason,
        stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self)
    )
}

/// Runs `threatmap <subcommand> --data <repo>/Gazetteer <arguments>` in `directory`.
/// - Parameter data: the `--data` directory; `nil` passes the repository's `Gazetteer/`.
func threatmap(
    _ subcommand: String, _ arguments: [String], in directory: URL, data: String? = nil, input: Data? = nil
) throws -> ProcessResult {
    try runProcess(
        try Repository.executable(),
        [subcommand, "--data", data ?? Repository.gazetteer.path] + arguments,
        in: directory, input: input
    )
}

/// Expects a normal exit with status 0 and nothing on stderr.
func expectSuccess(_ result: ProcessResult, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.exitedNormally, "killed by a signal: \(result)", sourceLocation: sourceLocation)
    #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderr.isEmpty, "unexpected stderr: \(result.stderr)", sourceLocation: sourceLocation)
}

/// `text` parsed as JSON.
func parseJSON(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
}

/// Every `[lon, lat]` position nested anywhere in a GeoJSON `coordinates` value.
func allPositions(_ coordinates: Any?) -> [[Double]] {
    if let position = coordinates as? [Double], position.count == 2 { return [position] }
    guard let array = coordinates as? [Any] else { return [] }
    return array.flatMap(allPositions)
}

/// Twice the signed area of a closed `[lon, lat]` ring: positive counter-clockwise.
func signedDoubleArea(_ ring: [[Double]]) -> Double {
    var sum = 0.0
    for index in 0..<(ring.count - 1) {
        sum += ring[index][0] * ring[index + 1][1] - ring[index + 1][0] * ring[index][1]
    }
    return sum
}

/// Records of RFC 4180 CSV text: quoted fields may hold commas, `""` and newlines.
/// - Throws: when a quoted field is not closed or the text does not end in a newline.
func parseCSV(_ text: String) throws -> [[String]] {
    var records = [[String]]()
    var record = [String]()
    var field = ""
    var quoted = false
    var afterQuote = false
    for character in text {
        if quoted {
            if character == "\"" {
                quoted = false
                afterQuote = true
            } else {
                field.append(character)
            }
            continue
        }
        switch character {
        case "\"":
            if afterQuote { field.append("\"") }  // "" inside a quoted field
            quoted = true
            afterQuote = false
        case ",":
            record.append(field)
            field = ""
            afterQuote = false
        case "\n":
            record.append(field)
            records.append(record)
            record = []
            field = ""
            afterQuote = false
        default:
            field.append(character)
            afterQuote = false
        }
    }
    try #require(!quoted, "unterminated quoted CSV field")
    try #require(field.isEmpty && record.isEmpty, "CSV text must end with a newline")
    return records
}
