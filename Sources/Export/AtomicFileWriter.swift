import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file written piece by piece into a temporary file beside it
/// (created exclusively, never through a symbolic link) and renamed over the
/// target by `commit`: readers see the old file or the whole new one. A
/// writer dropped without `commit` removes its temporary file.
public final class AtomicFileWriter {
    public let url: URL
    private let temporary: String
    private var descriptor: Int32
    private var committed = false

    /// - Throws: `ExportError.cannotWrite` naming the path.
    public init(url: URL) throws(ExportError) {
        self.url = url
        temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        // Returns a descriptor, or -1 with errno set.
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
    }

    deinit {
        guard !committed else { return }
        if descriptor >= 0 { close(descriptor) }
        unlink(temporary)
    }

    /// Appends `bytes` to the temporary file.
    public func write(_ bytes: [UInt8]) throws(ExportError) {
        do { try FileDescriptorOutput.writeAll(bytes, to: descriptor) } catch {
            throw .cannotWrite(path: url.path, reason: error.reason)
        }
    }

    /// Closes the temporary file and renames it over `url`.
    public func commit() throws(ExportError) {
        // close returns 0, or -1 with errno set (a late write error on some file systems).
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else { throw .cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
        // rename returns 0, or -1 with errno set.
        guard rename(temporary, url.path) == 0 else { throw .cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
        committed = true
    }
}

/// Whole-buffer writes to a file descriptor.
public enum FileDescriptorOutput {
    public struct Failure: Error {
        public let reason: String
    }

    /// Writes all of `bytes`, retrying short writes and EINTR.
    /// - Throws: `Failure` with the system's reason.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(Failure) {
        let failure: Failure? = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                // write returns the bytes written, or -1 with errno set.
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return Failure(reason: String(cString: strerror(errno)))
                }
                offset += written
            }
            return nil
        }
        if let failure { throw failure }
    }
}
