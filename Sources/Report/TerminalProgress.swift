import Foundation
import GeoModel

/// A percentage on stderr for long work, shown only when stderr is a
/// terminal and the work has run for more than two seconds.
public final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let start = Date()
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var shown = -1

    public init(label: String) { self.label = label }

    /// Reports `fraction` (0...1) done.
    public func update(_ fraction: Double) {
        guard enabled, Date().timeIntervalSince(start) > 2 else { return }
        let percent = Int((fraction * 100).rounded(.down))
        lock.lock()
        defer { lock.unlock() }
        guard percent != shown else { return }
        shown = percent
        FileHandle.standardError.write(Data("\r\(label): \(percent)%".utf8))
    }

    /// Clears the line if anything was shown.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown >= 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// A one-line progress bar on stderr for large gazetteer files.
public enum ProgressBar {
    /// Whether a bar can be drawn: stderr is a terminal.
    public static var canDraw: Bool { isatty(STDERR_FILENO) == 1 }

    /// Files smaller than this load too fast to need a bar.
    public static let threshold: Int64 = 32 << 20

    /// Draws the bar for `bytesRead` of `totalBytes` of `file`; nothing for small files.
    @Sendable public static func draw(file: String, bytesRead: Int64, totalBytes: Int64) {
        guard totalBytes >= threshold else { return }
        let fraction = min(1, Double(bytesRead) / Double(totalBytes))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let name = URL(fileURLWithPath: file).lastPathComponent.visibleControlCharacters
        let line = String(format: "\r%@ [%@] %3.0f%% %.0f/%.0f MB", name, bar, fraction * 100,
                          Double(bytesRead) / 1_048_576, Double(totalBytes) / 1_048_576)
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the bar's line.
    public static func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
