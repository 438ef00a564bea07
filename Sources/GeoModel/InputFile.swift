import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks made on a path before it is opened for reading.
///
/// Opening a FIFO blocks until a writer appears, and a device such as
/// `/dev/zero` never ends, so every input is checked to be a regular file
/// first (`stat`, which follows symbolic links). This does not open the file.
public enum InputFile {
    /// Throws unless `path` names an existing regular file.
    /// - Throws: `InputFileError` saying what the path is instead.
    public static func requireRegularFile(_ path: String) throws(InputFileError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw .missing(path)
            case EACCES: throw .unreadable(path, reason: "permission denied")
            default: throw .unreadable(path, reason: String(cString: strerror(code)))
            }
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else { throw .notRegular(path, kind: Self.kindName(type)) }
    }

    private static func kindName(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }
}

/// Why an input path cannot be read.
public enum InputFileError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case missing(String)
    case notRegular(String, kind: String)
    case unreadable(String, reason: String)

    public var description: String {
        switch self {
        case let .missing(path): "\(path.visibleControlCharacters): no such file"
        case let .notRegular(path, kind): "\(path.visibleControlCharacters) is \(kind), not a regular file; give a file"
        case let .unreadable(path, reason): "\(path.visibleControlCharacters): cannot read: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
