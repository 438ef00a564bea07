import ArgumentParser
import Export
import Foundation
import GeoModel
import Report

/// An error with the exit status it should end the process with.
struct CLIFailure: Error, CustomStringConvertible {
    let status: ExitStatus
    let message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    var description: String { message }

    /// Classifies any library error (`ExitStatus(classifying:)`).
    init(_ error: any Error) {
        if let failure = error as? CLIFailure {
            self = failure
        } else {
            self.init(ExitStatus(classifying: error), String(describing: error))
        }
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

extension TableFormat: ExpressibleByArgument {}
