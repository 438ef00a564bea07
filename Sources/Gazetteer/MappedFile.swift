import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file mapped read-only (`MAP_PRIVATE`), unmapped when the last
/// reference goes. Pages are read from the page cache as they are touched,
/// so a large file costs nothing up front and nothing to free at exit.
///
/// The bytes must not be trusted: whoever reads them checks every offset
/// against `bytes.count`. A file replaced by rename (as the index cache is
/// written) leaves the mapping intact; one truncated in place while mapped
/// would fault on access, so map only files written that way or generated
/// once.
final class MappedFile: @unchecked Sendable {
    /// The file's bytes; empty (no base address) for an empty file.
    let bytes: UnsafeRawBufferPointer
    /// What identifies this version of the file without reading it: its
    /// size (bytes), inode, and modification and status-change times
    /// (nanoseconds since 1970). Any write changes a time; a replaced file
    /// has another inode; the status-change time cannot be set back.
    let identity: [UInt64]

    /// Maps the file open on `descriptor` (which may be closed afterwards).
    /// - Returns: nil when the size cannot be read or the mapping fails.
    init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size >= 0 else { return nil }
        let size = Int(status.st_size)
        #if canImport(Darwin)
        let (modified, changed) = (status.st_mtimespec, status.st_ctimespec)
        #else
        let (modified, changed) = (status.st_mtim, status.st_ctim)
        #endif
        identity = [UInt64(size), UInt64(status.st_ino),
                    UInt64(bitPattern: Int64(modified.tv_sec) &* 1_000_000_000 &+ Int64(modified.tv_nsec)),
                    UInt64(bitPattern: Int64(changed.tv_sec) &* 1_000_000_000 &+ Int64(changed.tv_nsec))]
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    /// Opens and maps the file at `path`, or nil (with `errno` set) when it cannot.
    convenience init?(path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        self.init(descriptor: descriptor)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
