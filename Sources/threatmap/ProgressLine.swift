import Foundation

/// A percentage on stderr for long work, shown only when stderr is a
/// terminal and the work has run for more than two seconds.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let start = Date()
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var shown = -1

    init(label: String) { self.label = label }

    /// Reports `fraction` (0...1) done.
    func update(_ fraction: Double) {
        guard enabled, Date().timeIntervalSince(start) > 2 else { return }
        let percent = Int((fraction * 100).rounded(.down))
        lock.lock()
        defer { lock.unlock() }
        guard percent != shown else { return }
        shown = percent
        FileHandle.standardError.write(Data("\r\(label): \(percent)%".utf8))
    }

    /// Clears the line if anything was shown.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown >= 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
