import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file written piece by piece into a `StagedFile` beside it
/// (created exclusively, never through a symbolic link, with the replaced
/// file's permissions) and renamed over the target by `commit`: readers see
/// the old file or the whole new one. A writer dropped without `commit`
/// removes its temporary file.
public final class AtomicFileWriter {
    public let url: URL
    private var stage: StagedFile
    private var committed = false

    /// - Throws: `ExportError.cannotWrite` naming the path.
    public init(url: URL) throws(ExportError) {
        self.url = url
        stage = try StagedFile(for: url.path)
    }

    deinit {
        if !committed { stage.discard() }
    }

    /// Appends `bytes` to the temporary file.
    public func write(_ bytes: [UInt8]) throws(ExportError) {
        try stage.write(bytes)
    }

    /// Closes the temporary file and renames it over `url`.
    public func commit() throws(ExportError) {
        try stage.close()
        try stage.rename()
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
            do throws(Failure) { try writeAll(buffer, to: descriptor) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    /// Writes all of `buffer`, retrying short writes and EINTR.
    /// - Throws: `Failure` with the system's reason.
    public static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) throws(Failure) {
        var offset = 0
        while offset < buffer.count {
            // write returns the bytes written, or -1 with errno set.
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}
