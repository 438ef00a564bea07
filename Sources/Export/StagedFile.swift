import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hidden temporary file beside an output, renamed over it when complete.
///
/// Created exclusively under a random name (`O_CREAT|O_EXCL|O_NOFOLLOW`),
/// so a file or symbolic link planted in the output folder is never written
/// through, with the permissions of the file it will replace. A read-only
/// target or a directory in the way is refused before anything is written.
/// A character device or a pipe (`/dev/null`, `/dev/stdout`, a shell's
/// `>(command)`) is written directly instead: renaming over it would put a
/// regular file in its place.
/// The one home of how ThreatMap writes a file: `OutputFiles` and
/// `AtomicFileWriter` are built on it.
struct StagedFile {
    /// The output's path.
    let target: String
    /// The temporary file's path; empty when the target is written directly.
    let temporary: String
    private var descriptor: Int32

    /// Creates the temporary file beside `target`.
    /// - Throws: `ExportError.cannotWrite` naming `target` and why.
    init(for target: String) throws(ExportError) {
        var info = stat()
        if stat(target, &info) == 0, info.st_mode & S_IFMT == S_IFCHR || info.st_mode & S_IFMT == S_IFIFO {
            let descriptor = open(target, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw .cannotWrite(path: target, reason: String(cString: strerror(errno))) }
            self.target = target
            self.temporary = ""
            self.descriptor = descriptor
            return
        }
        let mode = try Self.permissions(replacing: target)
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var descriptor: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).\(suffix).tmp"
            // open returns a descriptor, or -1 with errno set. Created with
            // 0666 less the umask, as a new file would be.
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw .cannotWrite(path: target, reason: String(cString: strerror(errno))) }
        self.target = target
        self.temporary = temporary
        self.descriptor = descriptor
        // fchmod returns 0, or -1 with errno set.
        if let mode, fchmod(descriptor, mode) != 0 {
            let error = ExportError.cannotWrite(path: target, reason: String(cString: strerror(errno)))
            discard()
            throw error
        }
    }

    /// Appends `bytes`, retrying short writes and EINTR.
    /// - Throws: `ExportError.cannotWrite` with the system's reason (a full
    ///   disk, a file-size limit); the caller discards the file.
    func write(_ bytes: UnsafeRawBufferPointer) throws(ExportError) {
        do { try FileDescriptorOutput.writeAll(bytes, to: descriptor) } catch {
            throw .cannotWrite(path: target, reason: error.reason)
        }
    }

    /// Appends the UTF-8 bytes of `text`.
    func write(_ text: String) throws(ExportError) {
        var text = text
        var failure: ExportError?
        text.withUTF8 { bytes in
            do throws(ExportError) { try write(UnsafeRawBufferPointer(bytes)) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Appends `bytes`.
    func write(_ bytes: [UInt8]) throws(ExportError) {
        var failure: ExportError?
        bytes.withUnsafeBytes { buffer in
            do throws(ExportError) { try write(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Closes the temporary file; it is then complete, ready to rename.
    /// - Throws: `ExportError.cannotWrite` for a late write error.
    mutating func close() throws(ExportError) {
        // close returns 0, or -1 with errno set (a late write error on some file systems).
        let closed = systemClose(descriptor)
        descriptor = -1
        guard closed == 0 else { throw .cannotWrite(path: target, reason: String(cString: strerror(errno))) }
    }

    /// Renames the closed temporary file over the target.
    func rename() throws(ExportError) {
        guard !temporary.isEmpty else { return }
        // rename returns 0, or -1 with errno set.
        guard systemRename(temporary, target) == 0 else {
            throw .cannotWrite(path: target, reason: String(cString: strerror(errno)))
        }
    }

    /// Closes (if open) and removes the temporary file.
    func discard() {
        if descriptor >= 0 { _ = systemClose(descriptor) }
        if !temporary.isEmpty { unlink(temporary) }
    }

    /// The permission bits to give the new file: the existing target's, or
    /// nil for a new file. A read-only target or a directory is refused.
    private static func permissions(replacing target: String) throws(ExportError) -> mode_t? {
        var info = stat()
        guard stat(target, &info) == 0 else { return nil }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw .cannotWrite(path: target, reason: "a directory has that name")
        }
        if info.st_mode & S_IFMT != S_IFREG {
            throw .cannotWrite(path: target, reason: "it is not a regular file, a character device or a pipe")
        }
        let permissions = info.st_mode & 0o7777
        if permissions & 0o222 == 0 {
            throw .cannotWrite(path: target, reason: "the file is read-only, so it was left as it is; make it writable or remove it")
        }
        return permissions
    }
}

// The system calls by other names: inside `StagedFile` its own methods
// would shadow them.
private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }
