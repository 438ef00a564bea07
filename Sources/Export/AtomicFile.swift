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

/// A set of output files written all or none.
///
/// `commit()` first stages every file: each is written to a temporary file
/// beside its target, created exclusively (`O_CREAT|O_EXCL|O_NOFOLLOW`, a
/// random name, so a planted file or symbolic link is never written through)
/// and given the target's permissions when the target exists. Only when all
/// are staged are they renamed into place. A failure while staging (a full
/// disk, a read-only target, a directory in the way) removes every staged
/// file and leaves all targets as they were.
public struct OutputFiles {
    private var files = [(url: URL, text: String)]()

    public init() {}

    /// The targets, in the order added.
    public var urls: [URL] { files.map(\.url) }

    /// Adds `text` as the new contents of `url`.
    public mutating func add(_ text: String, to url: URL) {
        files.append((url, text))
    }

    /// Stages every file, then renames each into place.
    /// - Throws: `ExportError.cannotWrite` naming the file that failed and why.
    public func commit() throws(ExportError) {
        var staged = [(temporary: String, target: String)]()
        func discardStaged(from start: Int = 0) {
            for entry in staged[start...] { unlink(entry.temporary) }
        }
        for file in files {
            do {
                staged.append((try Self.stage(file.text, for: file.url.path), file.url.path))
            } catch {
                discardStaged()
                throw error
            }
        }
        for (index, entry) in staged.enumerated() {
            guard rename(entry.temporary, entry.target) == 0 else {
                let reason = String(cString: strerror(errno))
                discardStaged(from: index)
                let done = index == 0 ? "" : "; \(index) of \(staged.count) files were already replaced"
                throw .cannotWrite(path: entry.target, reason: reason + done)
            }
        }
    }

    /// Writes `text` to a new temporary file beside `target`; returns its path.
    private static func stage(_ text: String, for target: String) throws(ExportError) -> String {
        let mode = try permissions(replacing: target)
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var descriptor: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).\(suffix).tmp"
            // Created with 0666 less the umask, as a new file would be.
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            throw .cannotWrite(path: target, reason: String(cString: strerror(errno)))
        }
        func fail(_ code: Int32) -> ExportError {
            close(descriptor)
            unlink(temporary)
            return .cannotWrite(path: target, reason: String(cString: strerror(code)))
        }
        if let mode, fchmod(descriptor, mode) != 0 { throw fail(errno) }
        var text = text
        let failure: Int32 = text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        if failure != 0 { throw fail(failure) }
        guard close(descriptor) == 0 else {
            let code = errno
            unlink(temporary)
            throw .cannotWrite(path: target, reason: String(cString: strerror(code)))
        }
        return temporary
    }

    /// The permission bits to give the new file: the existing target's, or
    /// nil for a new file. A read-only target or a directory is refused.
    private static func permissions(replacing target: String) throws(ExportError) -> mode_t? {
        var info = stat()
        guard stat(target, &info) == 0 else { return nil }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw .cannotWrite(path: target, reason: "a directory has that name")
        }
        let permissions = info.st_mode & 0o7777
        if permissions & 0o222 == 0 {
            throw .cannotWrite(path: target, reason: "the file is read-only, so it was left as it is; make it writable or remove it")
        }
        return permissions
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
