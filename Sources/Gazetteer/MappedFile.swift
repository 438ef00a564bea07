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

    /// Maps the file open on `descriptor` (which may be closed afterwards).
    /// - Returns: nil when the size cannot be read or the mapping fails.
    init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size >= 0 else { return nil }
        let size = Int(status.st_size)
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
