import Foundation

/// Writing output files so that a reader never sees half of one.
public enum AtomicFile {
    /// Writes `text` to a temporary file beside `url`, then renames it over
    /// `url`: the old file or the new one exists, never a partial one.
    /// - Throws: `ExportError.cannotWrite` naming the path.
    public static func write(_ text: String, to url: URL) throws(ExportError) {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw .cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: url.path, reason: reason)
        }
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
