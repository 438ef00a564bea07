import ArgumentParser
import Export
import Extraction
import Foundation
import Gazetteer
import Geodesy
import Geometry
import GeoModel
import Report
import ThreatModel

/// sysexits-style exit codes (see the README).
enum ExitStatus: Int32 {
    case usage = 64
    case dataError = 65
    case noInput = 66
    case software = 70
    case cannotCreate = 73
}

/// An error with the exit status it should end the process with.
struct CLIFailure: Error, CustomStringConvertible {
    let status: ExitStatus
    let message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    var description: String { message }

    /// Classifies any library error.
    init(_ error: any Error) {
        switch error {
        case let failure as CLIFailure:
            self = failure
        case let error as GazetteerError:
            switch error {
            case .invalidCoordinate: self.init(.usage, error.description)
            case .file(.unreadable): self.init(.noInput, error.description)
            default: self.init(.dataError, error.description)
            }
        case let error as ThreatModelError:
            switch error {
            case .file: self.init(.noInput, error.description)
            case let .geometry(geometryError): self.init(Self.status(of: geometryError), error.description)
            default: self.init(.dataError, error.description)
            }
        case let error as ExportError:
            switch error {
            case .cannotWrite: self.init(.cannotCreate, error.description)
            case .projection: self.init(.dataError, error.description)
            }
        case let error as ReportError:
            switch error {
            case .tooLarge: self.init(.dataError, error.description)
            case .sameStem, .tooManyRings: self.init(.usage, error.description)
            }
        case let error as ScenarioErrors:
            self.init(.dataError, error.description)
        case let error as GeodesyError:
            self.init(.dataError, error.description)
        case let error as GeometryError:
            self.init(Self.status(of: error), error.description)
        case let error as CoordinateError:
            self.init(.usage, error.description)
        case let error as ArticleInputError:
            switch error {
            case .unreadable: self.init(.noInput, error.description)
            case .invalid: self.init(.dataError, error.description)
            }
        case let error as DataDirectoryError:
            self.init(.noInput, error.description)
        case let error as InputFileError:
            self.init(.noInput, error.description)
        default:
            self.init(.software, String(describing: error))
        }
    }

    /// Input over a geometry operation's budget is the user's data; any other
    /// GEOS failure is ours.
    private static func status(of error: GeometryError) -> ExitStatus {
        if case .tooLarge = error { return .dataError }
        return .software
    }
}


/// Runs `body`; on failure prints `threatmap: error: ...` on stderr and
/// exits with the failure's status.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        let failure = CLIFailure(error)
        writeStandardError("threatmap: error: \(failure.message)\n")
        throw ExitCode(failure.status.rawValue)
    }
}

/// Writes a message to stderr with every control character but the line
/// feed shown escaped: names and echoed input never act on the terminal.
func writeStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.visibleControlCharactersKeepingLines.utf8))
}

/// Checks, before any work, that every coordinate literal among `places` is valid.
func validatePlaceArguments(_ places: [String], option: String) throws {
    for place in places where !place.lowercased().hasPrefix("code:") {
        do {
            _ = try Coordinate.parse(place)
        } catch {
            throw ValidationError("\(option) '\(place)': \(error.description)")
        }
    }
}

/// Parses a distance option, naming the option in the error.
func parseDistance(_ text: String) throws -> Distance {
    try Distance(parsing: text)
}

/// Writes `text` to stdout when `path` is nil or "-", else atomically to `path`.
func emit(_ text: String, to path: String?) throws {
    guard let path, path != "-" else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    try AtomicFile.write(text, to: URL(fileURLWithPath: path))
}

/// Fails early when `path`'s directory cannot receive the output.
func checkWritable(_ path: String?) throws {
    guard let path, path != "-" else { return }
    try AtomicFile.prepareDirectory(URL(fileURLWithPath: path).deletingLastPathComponent())
}

extension TableFormat: ExpressibleByArgument {}
