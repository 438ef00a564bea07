import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing output files so that a reader never sees half of one.
public enum AtomicFile {
    /// Writes `text` to `url` through a temporary file renamed into place:
    /// the old file or the new one exists, never a partial one.
    /// - Throws: `ExportError.cannotWrite` naming the path and the cause.
    public static func write(_ text: String, to url: URL) throws(ExportError) {
        var files = OutputFiles()
        files.add(text, to: url)
        try files.commit()
    }

    /// Checks that `directory` exists (creating it if needed) and is writable,
    /// so a run can fail before doing any work.
    public static func prepareDirectory(_ directory: URL) throws(ExportError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory.path, reason: error.localizedDescription)
        }
        guard access(directory.path, W_OK) == 0 else {
            throw .cannotWrite(path: directory.path, reason: "the directory is not writable")
        }
    }
}

extension AtomicFile {
    /// Writes `text` to standard output when `path` is nil or "-" (as
    /// commands take it), else atomically to the file at `path`.
    /// - Throws: `ExportError.cannotWrite` naming the path and the cause.
    public static func emit(_ text: String, toPath path: String?) throws(ExportError) {
        guard let path, path != "-" else { return FileHandle.standardOutput.write(Data(text.utf8)) }
        try write(text, to: URL(fileURLWithPath: path))
    }

    /// Checks, before any work, that the folder of the file at `path` can
    /// receive it; nothing to check for standard output (nil or "-").
    public static func prepareDirectory(forFile path: String?) throws(ExportError) {
        guard let path, path != "-", !path.lowercased().hasPrefix("pg:") else { return }
        try prepareDirectory(URL(fileURLWithPath: path).deletingLastPathComponent())
    }
}

/// A set of output files written all or none.
///
/// `commit()` first stages every file (`StagedFile`: exclusive, random
/// name, the replaced file's permissions). Only when all are staged are
/// they renamed into place. A failure while staging (a full disk, a
/// read-only target, a directory in the way) removes every staged file and
/// leaves all targets as they were.
public struct OutputFiles {
    private var files = [(url: URL, text: String)]()

    public init() {}

    /// Adds `text` as the new contents of `url`.
    public mutating func add(_ text: String, to url: URL) {
        files.append((url, text))
    }

    /// Stages every file, then renames each into place.
    /// - Throws: `ExportError.cannotWrite` naming the file that failed and why.
    public func commit() throws(ExportError) {
        var staged = [StagedFile]()
        for file in files {
            do throws(ExportError) {
                var stage = try StagedFile(for: file.url.path)
                do throws(ExportError) {
                    try stage.write(file.text)
                    try stage.close()
                } catch {
                    stage.discard()
                    throw error
                }
                staged.append(stage)
            } catch {
                for stage in staged { stage.discard() }
                throw error
            }
        }
        for (index, stage) in staged.enumerated() {
            do { try stage.rename() } catch {
                for rest in staged[index...] { rest.discard() }
                guard index > 0, case let .cannotWrite(path, reason) = error else { throw error }
                throw .cannotWrite(path: path, reason: reason + "; \(index) of \(staged.count) files were already replaced")
            }
        }
    }
}

/// Why an export failed.
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case cannotWrite(path: String, reason: String)
    case projection(String)

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): "cannot write \(path): \(reason)"
        case let .projection(reason): "map projection failed: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
