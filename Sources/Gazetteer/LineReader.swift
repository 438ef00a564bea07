import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams a text file line by line through a fixed buffer, so a file of
/// any size is read in constant memory.
///
/// Refuses binary data (a NUL byte) and lines longer than
/// `maximumLineLength` with `GazetteerError.badData` naming the line, which
/// also stops a huge file without line breaks early. Lines are handed out as
/// views into the buffer: no copy, no allocation per line.
public struct LineReader {
    /// Default longest line accepted, bytes (GeoNames' longest rows are a few kB).
    public static let defaultMaximumLineLength = 1 << 20

    public let url: URL
    public var progress: LoadProgress?
    /// Longest line accepted, bytes.
    public var maximumLineLength: Int
    /// Bytes asked of each `read(2)`; small values only matter to tests of
    /// lines that straddle reads.
    public var readSize: Int

    public init(url: URL, maximumLineLength: Int = defaultMaximumLineLength, readSize: Int = 1 << 20,
                progress: LoadProgress? = nil) {
        self.url = url
        self.maximumLineLength = maximumLineLength
        self.readSize = readSize
        self.progress = progress
    }

    /// Calls `body` with each line (without its `\n` or `\r\n`) and its
    /// 1-based number; `body` returns false to stop early.
    /// - Returns: the number of bytes in the file.
    /// - Throws: `GazetteerError.file(.unreadable)` when the file cannot be
    ///   opened or read, `.badData` for binary data or an overlong line, or
    ///   what `body` throws.
    @discardableResult
    public func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws(GazetteerError) -> Bool) throws(GazetteerError) -> Int64 {
        let path = url.path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw .file(.unreadable(source: path, reason: String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .file(.unreadable(source: path, reason: String(cString: strerror(errno))))
        }
        guard (status.st_mode & S_IFMT) != S_IFDIR else {
            throw .file(.unreadable(source: path, reason: "it is a directory"))
        }
        let total = Int64(status.st_size)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: readSize + maximumLineLength)
        defer { buffer.deallocate() }

        var filled = 0  // bytes in buffer
        var consumed: Int64 = 0
        var line = 0
        var endOfFile = false
        var lastReport: Int64 = 0
        while !endOfFile || filled > 0 {
            if !endOfFile {
                let got = read(descriptor, buffer + filled, readSize + maximumLineLength - filled)
                if got < 0 {
                    if errno == EINTR { continue }
                    throw .file(.unreadable(source: path, reason: String(cString: strerror(errno))))
                }
                if got == 0 { endOfFile = true } else {
                    consumed += Int64(got)
                    filled += got
                    if let progress, consumed - lastReport >= 8 << 20 || consumed == total {
                        lastReport = consumed
                        progress(path, consumed, total)
                    }
                }
            }
            var start = 0
            var position = 0
            while position < filled {
                let byte = buffer[position]
                if byte == 0 {
                    throw .badData(source: path, line: line + 1, reason: "binary data (a NUL byte): not a text file")
                }
                if byte == 0x0A {
                    line += 1
                    var end = position
                    if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                    if try !body(UnsafeBufferPointer(start: buffer + start, count: end - start), line) { return total }
                    start = position + 1
                }
                position += 1
            }
            if endOfFile {
                if start < filled {
                    line += 1
                    var end = filled
                    if buffer[end - 1] == 0x0D { end -= 1 }
                    _ = try body(UnsafeBufferPointer(start: buffer + start, count: end - start), line)
                }
                break
            }
            let leftover = filled - start
            if leftover >= maximumLineLength {
                throw .badData(source: path, line: line + 1, reason: "a line longer than \(maximumLineLength) bytes: not a text file of records")
            }
            if start > 0, leftover > 0 { memmove(buffer, buffer + start, leftover) }
            filled = leftover
        }
        return total
    }
}
